/**
 * Decoder: compact JWS / unsecured JWT / JWE text → {@link DecodedToken}. Total: every input
 * gives a typed value or a typed {@link TokenError}; nothing throws to callers.
 */
import { base64url } from 'jose';
import { readJson } from './json';
import type { DecodedPayload, DecodedToken, DuplicateKey, JsonObject, Result, SegmentSize, TokenError, TokenErrorCode, TokenKind } from './types';

/** Longest token the decoder accepts (8 MiB): far above any transport limit, bounded work. */
export const MAX_DECODE_LENGTH = 8 * 1024 * 1024;

type SegmentName = SegmentSize['name'];
const JWS_SEGMENTS: readonly SegmentName[] = ['header', 'payload', 'signature'];
const JWE_SEGMENTS: readonly SegmentName[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];
const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;
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

/** base64url-decodes one segment with jose; tolerates (and reports) trailing `=` padding. */
function decodeSegment(text: string): { bytes: Uint8Array; padded: boolean; length: number } | undefined {
  const unpadded = text.replace(/={1,2}$/, '');
  // atob (jose's fallback) skips whitespace and accepts '+', '/': we want strict base64url.
  if (!BASE64URL_TEXT.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  try {
    const bytes = base64url.decode(unpadded);
    return { bytes, padded: unpadded.length !== text.length, length: bytes.length };
  } catch {
    return undefined;
  }
}

/** Validates a segment we only need the size of; `bytes` is empty, `length` is the decoded size. */
function sizeSegment(text: string): { bytes: Uint8Array; padded: boolean; length: number } | undefined {
  const unpadded = text.replace(/={1,2}$/, '');
  if (!BASE64URL_TEXT.test(unpadded) || unpadded.length % 4 === 1) return undefined;
  return { bytes: EMPTY, padded: unpadded.length !== text.length, length: Math.floor((unpadded.length * 3) / 4) };
}
const EMPTY = new Uint8Array(0);

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
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

  const decodedSegments: (Uint8Array | undefined)[] = [];
  const segments: SegmentSize[] = [];
  let padded = false;
  for (let i = 0; i < parts.length; i++) {
    const name = names[i] ?? 'header';
    const text = parts[i] ?? '';
    // Only the header and a JWS payload are read; other segments (signature, JWE parts) are
    // validated and sized without materialising their bytes (base64url: 4 chars → 3 bytes).
    const decoded = i === 0 || name === 'payload' ? decodeSegment(text) : sizeSegment(text);
    // The payload of a JWS may be undecodable and still be shown as bytes; other segments may not.
    if (decoded === undefined && !(name === 'payload')) {
      return error('ERR_BASE64URL', `Failed to base64url decode the ${segmentLabel[name]} segment`, name);
    }
    padded ||= decoded?.padded ?? false;
    decodedSegments.push(decoded?.bytes);
    segments.push({ name, encodedBytes: text.length, decodedBytes: decoded?.length ?? 0 });
  }

  const headerBytes = decodedSegments[0] ?? new Uint8Array();
  const headerJson = decodeUtf8(headerBytes);
  if (headerJson === undefined) return error('ERR_HEADER_NOT_JSON', 'The header segment is not valid UTF-8', 'header');
  const headerRead = readJson(headerJson);
  if (!headerRead.ok) return error('ERR_HEADER_NOT_JSON', `The header segment is not valid JSON (${headerRead.error.message})`, 'header');
  const header = headerRead.value.value;
  if (!isObject(header)) return error('ERR_HEADER_NOT_OBJECT', 'The header is JSON but not a JSON object', 'header');
  if (typeof header['alg'] !== 'string') return error('ERR_HEADER_ALG', 'The header has no string "alg" parameter', 'header');
  if (isJwe && typeof header['enc'] !== 'string') return error('ERR_HEADER_ENC', 'The JWE header has no string "enc" parameter', 'header');

  const duplicateKeys: DuplicateKey[] = headerRead.value.duplicates.map((d) => ({ segment: 'header', ...d }));
  const lossyNumbers: { segment: 'header' | 'payload'; path: string; raw: string }[] = headerRead.value.lossyNumbers.map((n) => ({ segment: 'header', ...n }));
  let payload: DecodedPayload;
  let payloadNote: string | undefined;
  let kind: TokenKind;
  if (isJwe) {
    kind = 'jwe';
    payload = { type: 'encrypted', ciphertextBytes: segments[3]?.decodedBytes ?? 0 };
  } else {
    kind = (parts[2] ?? '').length === 0 ? 'unsecured' : 'jws';
    const bytes = decodedSegments[1];
    if (bytes === undefined) {
      payload = { type: 'bytes', byteLength: 0, reason: `Failed to base64url decode the payload segment` };
    } else {
      const text = decodeUtf8(bytes);
      if (text === undefined) {
        payload = { type: 'bytes', byteLength: bytes.length, reason: 'The payload is not valid UTF-8' };
      } else {
        const read = readJson(text);
        if (!read.ok) {
          payload = { type: 'text', text };
          if (read.error.code === 'too-deep') payloadNote = read.error.message;
          else if (payloadText.length > 0) payloadNote = `The payload is not JSON (${read.error.message})`;
        } else {
          duplicateKeys.push(...read.value.duplicates.map((d): DuplicateKey => ({ segment: 'payload', ...d })));
          lossyNumbers.push(...read.value.lossyNumbers.map((n) => ({ segment: 'payload' as const, ...n })));
          const value = read.value.value;
          payload = isObject(value) ? { type: 'claims', claims: value, json: text } : { type: 'json', value, json: text };
        }
      }
    }
  }
  const result: DecodedToken = {
    token,
    kind,
    header,
    headerJson,
    payload,
    duplicateKeys,
    segments,
    padded,
    ...(lossyNumbers.length > 0 ? { lossyNumbers } : {}),
    ...(payloadNote !== undefined ? { payloadNote } : {}),
  };
  return { ok: true, value: result };
}
