/**
 * Decoder: compact JWS / unsecured JWT / JWE text → {@link DecodedToken}. Total: every input
 * gives a typed value or a typed {@link TokenError}; nothing throws to callers.
 */
import { base64url } from 'jose';
import { readJson } from './json';
import type { JsonReading } from './json';
import type { DecodedPayload, DecodedToken, DuplicateKey, JsonObject, Result, SegmentSize, TokenError, TokenErrorCode, TokenKind } from './types';

/** Longest token the decoder accepts (8 MiB): far above any transport limit, bounded work. */
export const MAX_DECODE_LENGTH = 8 * 1024 * 1024;

type SegmentName = SegmentSize['name'];
const JWS_SEGMENTS: readonly SegmentName[] = ['header', 'payload', 'signature'];
const JWE_SEGMENTS: readonly SegmentName[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];
const segmentLabel: Record<SegmentName, string> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'initialization vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
};

function error(code: TokenErrorCode, message: string, segment?: SegmentName): { ok: false; error: TokenError } {
  return { ok: false, error: segment === undefined ? { code, message } : { code, message, segment } };
}

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;

/**
 * The segment's base64url text without trailing `=` padding (at most two, tolerated and
 * reported), or undefined when the rest is not strict base64url (RFC 4648 §5: no whitespace,
 * no `+` or `/`) or has an impossible length (4n+1 characters).
 */
function unpadded(text: string): string | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 0x3d) {
    end--;
    if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  }
  const body = end === text.length ? text : text.slice(0, end);
  return end % 4 !== 1 && BASE64URL_TEXT.test(body) ? body : undefined;
}

/** Decoded size of `length` unpadded base64url characters (4 characters → 3 bytes). */
function decodedLength(length: number): number {
  return Math.floor((length * 3) / 4);
}

/**
 * Decodes base64url text that {@link unpadded} already checked strictly (jose's decoder is
 * lenient about whitespace and padding, so the strict check comes first) with jose.
 */
function decodeBytes(body: string): Uint8Array | undefined {
  try {
    return base64url.decode(body);
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 decoding (invalid sequences are an error; a BOM is kept as U+FEFF). */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Decodes a compact token without verifying it.
 *
 * @example
 * const r = decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln');
 * if (r.ok) r.value.payload.type; // 'claims'
 * else r.error.code;              // e.g. 'ERR_SEGMENT_COUNT'
 */
export function decodeToken(token: string): Result<DecodedToken> {
  try {
    return decode(token);
  } catch {
    // Defensive: decode is written to be total; an engine-level failure (e.g. out of memory on
    // a huge string) still comes back as a typed error rather than an exception.
    return error('ERR_BASE64URL', 'Failed to decode the token');
  }
}

function decode(token: string): Result<DecodedToken> {
  if (typeof token !== 'string' || token.length === 0) return error('ERR_EMPTY', 'The token is empty');
  if (token.length > MAX_DECODE_LENGTH) return error('ERR_TOO_LONG', `The token is longer than ${MAX_DECODE_LENGTH} characters`);
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return error('ERR_SEGMENT_COUNT', `Expected 3 (JWS) or 5 (JWE) dot-separated segments, found ${parts.length}`);
  }
  const isJwe = parts.length === 5;
  const names = isJwe ? JWE_SEGMENTS : JWS_SEGMENTS;
  const [headerText = '', payloadText = ''] = parts;
  if (headerText.length === 0) return error('ERR_BASE64URL', 'The header segment is empty', 'header');

  // Only the header and a JWS payload are read; other segments (signature, JWE parts) are
  // validated and sized without materialising their bytes.
  let headerBinary: Uint8Array | undefined;
  let payloadBinary: Uint8Array | undefined;
  const segments: SegmentSize[] = [];
  let padded = false;
  for (let i = 0; i < parts.length; i++) {
    const name = names[i] ?? 'header';
    const text = parts[i] ?? '';
    const body = unpadded(text);
    const binary = body !== undefined && (i === 0 || name === 'payload') ? decodeBytes(body) : undefined;
    const valid = body !== undefined && (binary !== undefined || !(i === 0 || name === 'payload'));
    // The payload of a JWS may be undecodable and still be shown as bytes; other segments may not.
    if (!valid && name !== 'payload') {
      return error('ERR_BASE64URL', `Failed to base64url decode the ${segmentLabel[name]} segment`, name);
    }
    if (valid) {
      if (body.length !== text.length) padded = true;
      if (i === 0) headerBinary = binary;
      else if (name === 'payload') payloadBinary = binary;
    }
    segments.push({ name, encodedBytes: text.length, decodedBytes: valid ? decodedLength(body.length) : 0 });
  }

  const headerJson = decodeUtf8(headerBinary ?? new Uint8Array(0));
  if (headerJson === undefined) return error('ERR_HEADER_NOT_JSON', 'The header segment is not valid UTF-8', 'header');
  const headerRead = readJson(headerJson);
  if (!headerRead.ok) return error('ERR_HEADER_NOT_JSON', `The header segment is not valid JSON (${headerRead.error.message})`, 'header');
  const header = headerRead.value.value;
  if (!isObject(header)) return error('ERR_HEADER_NOT_OBJECT', 'The header is JSON but not a JSON object', 'header');
  if (typeof header['alg'] !== 'string') return error('ERR_HEADER_ALG', 'The header has no string "alg" parameter', 'header');
  if (isJwe && typeof header['enc'] !== 'string') return error('ERR_HEADER_ENC', 'The JWE header has no string "enc" parameter', 'header');

  const duplicateKeys: DuplicateKey[] = [];
  const lossyNumbers: LossyNumberIn[] = [];
  addFindings(duplicateKeys, lossyNumbers, 'header', headerRead.value);
  let payload: DecodedPayload;
  let payloadNote: string | undefined;
  let kind: TokenKind;
  if (isJwe) {
    kind = 'jwe';
    payload = { type: 'encrypted', ciphertextBytes: segments[3]?.decodedBytes ?? 0 };
  } else {
    kind = (parts[2] ?? '').length === 0 ? 'unsecured' : 'jws';
    const binary = payloadBinary;
    if (binary === undefined) {
      payload = { type: 'bytes', byteLength: 0, reason: `Failed to base64url decode the payload segment` };
    } else {
      const text = decodeUtf8(binary);
      if (text === undefined) {
        payload = { type: 'bytes', byteLength: binary.length, reason: 'The payload is not valid UTF-8' };
      } else {
        const read = readJson(text);
        if (!read.ok) {
          payload = { type: 'text', text };
          if (read.error.code === 'too-deep') payloadNote = read.error.message;
          else if (payloadText.length > 0) payloadNote = `The payload is not JSON (${read.error.message})`;
        } else {
          addFindings(duplicateKeys, lossyNumbers, 'payload', read.value);
          const value = read.value.value;
          payload = isObject(value) ? { type: 'claims', claims: value, json: text } : { type: 'json', value, json: text };
        }
      }
    }
  }
  // Plain construction in a fixed key order; optional fields only when present. (Conditional
  // object spread here was a V8 slow path costing microseconds per token.)
  const result: Mutable<DecodedToken> = { token, kind, header, headerJson, payload, duplicateKeys, segments, padded };
  if (lossyNumbers.length > 0) result.lossyNumbers = lossyNumbers;
  if (payloadNote !== undefined) result.payloadNote = payloadNote;
  return { ok: true, value: result };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type LossyNumberIn = NonNullable<DecodedToken['lossyNumbers']>[number];

/** Copies what the JSON reader found in one segment into the token's lists, tagged with the segment. */
function addFindings(duplicateKeys: DuplicateKey[], lossyNumbers: LossyNumberIn[], segment: 'header' | 'payload', reading: JsonReading): void {
  for (const d of reading.duplicates) duplicateKeys.push({ segment, path: d.path, key: d.key });
  for (const n of reading.lossyNumbers) lossyNumbers.push({ segment, path: n.path, raw: n.raw });
}
