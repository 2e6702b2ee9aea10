/**
 * Decoder: compact JWS / unsecured JWT / JWE text → {@link DecodedToken}. Total: every input
 * gives a typed value or a typed {@link TokenError}; nothing throws to callers.
 *
 * Lenient (as jwt.io): once the header reads, the token decodes. A payload, signature or JWE
 * part that does not decode (a signature cut by a copy, wrapped, a `signature` or
 * `{…}` placeholder) is listed in `segmentErrors` and everything else is shown, so
 * `inspectToken` still gives the time status, size and findings the readable parts allow
 * (TL305 names the broken segments) and `verifyToken` refuses it as not checked. Only a
 * header that does not read fails the decode; its error then carries `partial` (the segment
 * errors and a JWS payload that decodes). docs/token-shapes.md, "Broken and odd tokens".
 */
import { compactKind, headerSegmentError, readProtectedHeader } from './header';
import { DEFAULT_MAX_TOKEN_LENGTH, findTokens } from './scanner';
import { isJsonObject, readJson } from './json';
import type { JsonReading } from './json';
import { coreMessage, segmentParam, type CoreMessage } from './findingTexts';
import { base64urlBody, decodeBodyText, decodedLength, decodeUtf8, JWE_SEGMENTS, JWS_SEGMENTS, segmentError } from './segments';
import type { BodyText, SegmentName } from './segments';
import type { DecodedPayload, DecodedToken, DuplicateKey, PartialToken, Result, SegmentError, SegmentSize, TokenError, TokenErrorCode, TokenMatch } from './types';

/** Longest token the decoder accepts (8 MiB): far above any transport limit, bounded work. */
export const MAX_DECODE_LENGTH = 8 * 1024 * 1024;

function error(code: TokenErrorCode, text: string | CoreMessage, segment?: SegmentName): { ok: false; error: TokenError } {
  const words = typeof text === 'string' ? { message: text } : text;
  return { ok: false, error: segment === undefined ? { code, ...words } : { code, ...words, segment } };
}

/**
 * Decodes a compact token without verifying it.
 *
 * @example
 * const r = decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln');
 * if (r.ok) r.value.payload.type; // 'claims'
 * else r.error.code;              // e.g. 'ERR_SEGMENT_COUNT'
 *
 * @example
 * // A placeholder signature: the header and claims decode, the signature is marked.
 * const p = decodeToken('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.signature');
 * if (p.ok) p.value.segmentErrors; // [{ segment: 'signature', code: 'length', message: '…' }]
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
    return error('ERR_DECODE_FAILED', coreMessage('decode.failed'));
  }
}

/** What the scanner takes the whole of `text` for, when that is a token but not a compact JOSE one. */
function otherShape(text: string): CoreMessage | undefined {
  if (typeof text !== 'string' || text.length === 0 || text.length > 2 * DEFAULT_MAX_TOKEN_LENGTH) return undefined;
  const found = findTokens(text, { thorough: true, maxTokenLength: text.length });
  const match = found.length === 1 ? found[0] : undefined;
  if (match === undefined || match.start !== 0 || match.end !== text.length) return undefined;
  return notJoseMessage(match);
}

/** One sentence naming a shape that is not a compact JOSE token (no token text in it). */
export function notJoseMessage(match: TokenMatch): CoreMessage | undefined {
  if (match.wrapped === 'base64' && match.shape !== 'paseto' && match.shape !== 'signed-cookie') return coreMessage('shape.base64');
  switch (match.shape) {
    case 'jose':
      return undefined;
    case 'sd-jwt': {
      const id = match.disclosures === 1 ? (match.keyBinding ? 'shape.sdJwt.one.kb' : 'shape.sdJwt.one') : match.keyBinding ? 'shape.sdJwt.kb' : 'shape.sdJwt';
      return coreMessage(id, [match.disclosures]);
    }
    case 'paseto':
      return coreMessage(match.purpose === 'local' ? 'shape.paseto.local' : 'shape.paseto.public', [match.version]);
    case 'signed-cookie':
      if (match.format === 'flask') return coreMessage(match.compressed ? 'shape.flask.compressed' : 'shape.flask');
      return coreMessage(match.compressed ? 'shape.django.compressed' : 'shape.django');
  }
}

function decode(token: string): Result<DecodedToken> {
  if (typeof token !== 'string' || token.length === 0) return error('ERR_EMPTY', coreMessage('decode.empty'));
  if (token.length > MAX_DECODE_LENGTH) return error('ERR_TOO_LONG', coreMessage('decode.tooLong', [MAX_DECODE_LENGTH]));
  const parts = token.split('.');
  if (parts.length !== 3 && parts.length !== 5) {
    return error('ERR_SEGMENT_COUNT', coreMessage('decode.segmentCount', [parts.length]));
  }
  const [headerText = '', payloadText = ''] = parts;
  const headerRead = readProtectedHeader(headerText, { jwe: parts.length === 5 });
  if (!headerRead.ok) return withPartial(headerRead.error, headerText, parts);
  const { header, json: headerJson } = headerRead.value;
  const kind = compactKind(header, parts.length, (parts[2] ?? '').length === 0);
  // Three segments under a JWE header (`enc`): a JWE cut after its IV; the rest is missing.
  const names = kind === 'jwe' ? JWE_SEGMENTS : JWS_SEGMENTS;

  // Lenient: a segment that does not decode is marked in segmentErrors and the others are
  // read. Of the other segments only a JWS payload is materialised; the rest (signature, JWE
  // parts) are validated and sized without decoding their bytes.
  let payloadBody: BodyText | undefined;
  let payloadError: SegmentError | undefined;
  const segments: SegmentSize[] = [];
  const segmentErrors: SegmentError[] = [];
  let padded = false;
  for (let i = 0; i < parts.length; i++) {
    const name = names[i] ?? 'header';
    const text = parts[i] ?? '';
    const body = base64urlBody(text);
    const read = body !== undefined && name === 'payload' ? decodeBodyText(body) : undefined;
    const valid = body !== undefined && (name !== 'payload' || (read !== undefined && (read.ok || read.reason === 'utf8')));
    if (valid) {
      if (body.length !== text.length) padded = true;
      if (name === 'payload') payloadBody = read;
    } else {
      const failure = segmentError(name, text);
      segmentErrors.push(failure);
      if (name === 'payload') payloadError = failure;
    }
    segments.push({ name, encodedBytes: text.length, decodedBytes: valid ? decodedLength(body.length) : 0 });
  }
  for (let i = parts.length; i < names.length; i++) {
    const name = names[i] ?? 'tag';
    segmentErrors.push({ segment: name, code: 'missing', ...coreMessage('segment.missing', [segmentParam(name), parts.length]) });
  }

  const duplicateKeys: DuplicateKey[] = [];
  const lossyNumbers: LossyNumberIn[] = [];
  addFindings(duplicateKeys, lossyNumbers, 'header', headerRead.value.reading);
  let payload: DecodedPayload;
  let payloadNote: string | undefined;
  if (kind === 'jwe') {
    payload = { type: 'encrypted', ciphertextBytes: segments[3]?.decodedBytes ?? 0 };
  } else {
    const read = readPayload(payloadBody, payloadError, payloadText, duplicateKeys, lossyNumbers);
    payload = read.payload;
    payloadNote = read.note;
  }
  // Optional fields only when present.
  const result: Mutable<DecodedToken> = { token, kind, header, headerJson, payload, duplicateKeys, segments, padded };
  if (lossyNumbers.length > 0) result.lossyNumbers = lossyNumbers;
  if (payloadNote !== undefined) result.payloadNote = payloadNote;
  if (segmentErrors.length > 0) result.segmentErrors = segmentErrors;
  return { ok: true, value: result };
}

/** A JWS payload's bytes read as claims, other JSON, text or bytes, with the note of why it is not claims. */
function readPayload(
  body: BodyText | undefined,
  failure: SegmentError | undefined,
  payloadText: string,
  duplicateKeys: DuplicateKey[],
  lossyNumbers: LossyNumberIn[],
): { payload: DecodedPayload; note?: string } {
  if (body === undefined || (!body.ok && body.reason === 'base64url')) return { payload: { type: 'bytes', byteLength: 0, reason: failure?.message ?? 'Failed to base64url decode the payload segment' } };
  if (!body.ok) return { payload: { type: 'bytes', byteLength: body.byteLength, reason: 'The payload is not valid UTF-8' } };
  const text = body.text;
  const read = readJson(text);
  if (!read.ok) {
    const payload: DecodedPayload = { type: 'text', text };
    if (read.error.code === 'too-deep') return { payload, note: read.error.message };
    return payloadText.length > 0 ? { payload, note: `The payload is not JSON (${read.error.message})` } : { payload };
  }
  addFindings(duplicateKeys, lossyNumbers, 'payload', read.value);
  const value = read.value.value;
  return { payload: isJsonObject(value) ? { type: 'claims', claims: value, json: text } : { type: 'json', value, json: text } };
}

/**
 * Bytes that are a token's payload but not one of its segments (a JWE's decrypted plaintext),
 * read as a JWS payload is: claims, other JSON, text or bytes, with the note of why it is not
 * claims. The one payload reader: `decryptToken` uses it too.
 */
export function readPayloadBytes(bytes: Uint8Array): { payload: DecodedPayload; note?: string } {
  const text = decodeUtf8(bytes);
  const body: BodyText = text === undefined ? { ok: false, reason: 'utf8', byteLength: bytes.length } : { ok: true, text };
  // A non-empty segment text: a plaintext that is not JSON gets its note, as a payload does.
  return readPayload(body, undefined, 'plaintext', [], []);
}

/**
 * A header failure, with what is still readable: every segment's error and, for three
 * segments, the JWS payload when it decodes (the paste box and `token-lens decode` show it).
 */
function withPartial(failure: TokenError, headerText: string, parts: readonly string[]): { ok: false; error: TokenError } {
  const segmentErrors: SegmentError[] = [headerSegmentError(headerText, failure)];
  const names = parts.length === 5 ? JWE_SEGMENTS : JWS_SEGMENTS;
  let payload: DecodedPayload | undefined;
  for (let i = 1; i < parts.length; i++) {
    const name = names[i] ?? 'tag';
    const text = parts[i] ?? '';
    const body = base64urlBody(text);
    const read = body !== undefined && name === 'payload' ? decodeBodyText(body) : undefined;
    if (body === undefined || (read !== undefined && !read.ok && read.reason === 'base64url')) segmentErrors.push(segmentError(name, text));
    else if (name === 'payload') payload = readPayload(read, undefined, text, [], []).payload;
  }
  const partial: PartialToken = payload === undefined ? { segmentErrors } : { payload, segmentErrors };
  return { ok: false, error: { ...failure, partial } };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type LossyNumberIn = NonNullable<DecodedToken['lossyNumbers']>[number];

/** Copies what the JSON reader found in one segment into the token's lists, tagged with the segment. */
function addFindings(duplicateKeys: DuplicateKey[], lossyNumbers: LossyNumberIn[], segment: 'header' | 'payload', reading: JsonReading): void {
  for (const d of reading.duplicates) duplicateKeys.push({ segment, path: d.path, key: d.key });
  for (const n of reading.lossyNumbers) lossyNumbers.push({ segment, path: n.path, raw: n.raw });
}
