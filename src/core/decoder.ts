/**
 * Decoder: compact JWS / unsecured JWT / JWE text → {@link DecodedToken}. Total: every input
 * gives a typed value or a typed {@link TokenError}; nothing throws to callers.
 */
import { readProtectedHeader } from './header';
import { DEFAULT_MAX_TOKEN_LENGTH, findTokens } from './scanner';
import { isJsonObject, readJson } from './json';
import type { JsonReading } from './json';
import { base64urlBody, decodeBody, decodedLength, decodeUtf8, JWE_SEGMENTS, JWS_SEGMENTS, SEGMENT_LABELS } from './segments';
import type { SegmentName } from './segments';
import type { DecodedPayload, DecodedToken, DuplicateKey, Result, SegmentSize, TokenError, TokenErrorCode, TokenKind, TokenMatch } from './types';

/** Longest token the decoder accepts (8 MiB): far above any transport limit, bounded work. */
export const MAX_DECODE_LENGTH = 8 * 1024 * 1024;

function error(code: TokenErrorCode, message: string, segment?: SegmentName): { ok: false; error: TokenError } {
  return { ok: false, error: segment === undefined ? { code, message } : { code, message, segment } };
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
    const decoded = decode(token);
    if (decoded.ok) return decoded;
    // Only a failure pays for the shape check: say what the text is instead of how it fails as a JWT.
    const other = otherShape(token);
    return other === undefined ? decoded : error('ERR_NOT_JOSE', other);
  } catch {
    // Defensive: decode is written to be total; an engine-level failure (e.g. out of memory on
    // a huge string) still comes back as a typed error rather than an exception.
    return error('ERR_DECODE_FAILED', 'Failed to decode the token (the decoder itself failed)');
  }
}

/** What the scanner takes the whole of `text` for, when that is a token but not a compact JOSE one. */
function otherShape(text: string): string | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2 * DEFAULT_MAX_TOKEN_LENGTH) return undefined;
  const found = findTokens(text, { thorough: true, maxTokenLength: text.length });
  const match = found.length === 1 ? found[0] : undefined;
  if (match === undefined || match.start !== 0 || match.end !== text.length) return undefined;
  return notJoseMessage(match);
}

/** One sentence naming a shape that is not a compact JOSE token (no token text in it). */
export function notJoseMessage(match: TokenMatch): string | undefined {
  if (match.wrapped === 'base64' && match.shape !== 'paseto' && match.shape !== 'signed-cookie') return 'This is a base64-wrapped token: decode the base64 first (the scanner reports the token inside)';
  switch (match.shape) {
    case 'jose':
      return undefined;
    case 'sd-jwt':
      return `This is an SD-JWT (RFC 9901) with ${match.disclosures} disclosure${match.disclosures === 1 ? '' : 's'}${match.keyBinding ? ' and a key-binding JWT' : ''}, not a compact JWT: its issuer-signed JWT is the part before the first "~"`;
    case 'paseto':
      return match.purpose === 'local'
        ? `This is a PASETO ${match.version}.local token, not a JWT: its payload is encrypted`
        : `This is a PASETO ${match.version}.public token, not a JWT: a signed JSON message, no JOSE header`;
    case 'signed-cookie':
      return match.format === 'flask'
        ? `This is a Flask (itsdangerous) session cookie${match.compressed ? ', compressed' : ''}, not a JWT: payload.timestamp.signature, signed with the app's secret key`
        : `This is a Django signed cookie${match.compressed ? ', compressed' : ''}, not a JWT: payload:timestamp:signature, signed with the site's SECRET_KEY`;
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
  const headerRead = readProtectedHeader(headerText, { jwe: isJwe });
  if (!headerRead.ok) return headerRead;
  const { header, json: headerJson } = headerRead.value;

  // Of the other segments only a JWS payload is read; the rest (signature, JWE parts) are
  // validated and sized without materialising their bytes.
  let payloadBinary: Uint8Array | undefined;
  const segments: SegmentSize[] = [];
  let padded = false;
  for (let i = 0; i < parts.length; i++) {
    const name = names[i] ?? 'header';
    const text = parts[i] ?? '';
    const body = base64urlBody(text);
    const binary = body !== undefined && name === 'payload' ? decodeBody(body) : undefined;
    const valid = body !== undefined && (binary !== undefined || name !== 'payload');
    // The payload of a JWS may be undecodable and still be shown as bytes; other segments may not.
    if (!valid && name !== 'payload') {
      return error('ERR_BASE64URL', `Failed to base64url decode the ${SEGMENT_LABELS[name]} segment`, name);
    }
    if (valid) {
      if (body.length !== text.length) padded = true;
      if (name === 'payload') payloadBinary = binary;
    }
    segments.push({ name, encodedBytes: text.length, decodedBytes: valid ? decodedLength(body.length) : 0 });
  }

  const duplicateKeys: DuplicateKey[] = [];
  const lossyNumbers: LossyNumberIn[] = [];
  addFindings(duplicateKeys, lossyNumbers, 'header', headerRead.value.reading);
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
          payload = isJsonObject(value) ? { type: 'claims', claims: value, json: text } : { type: 'json', value, json: text };
        }
      }
    }
  }
  // Optional fields only when present.
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
