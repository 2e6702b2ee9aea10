/**
 * The one reader of a JOSE protected header (RFC 7515 §4, RFC 7516 §4): strict base64url →
 * strict UTF-8 → a JSON object (through the core's JSON reader) with a string `alg`
 * (RFC 7515 §4.1.1) and, for a JWE, a string `enc` (RFC 7516 §4.1.2). The scanner, the
 * decoder, the paste check, the verifier and the weak-secret check all read headers here, so
 * they agree on what a header is and fail with the same typed error (jose's
 * `decodeProtectedHeader` is the model: one place, one wrapped error).
 */
import { isJsonObject, readJson } from './json';
import type { JsonReading } from './json';
import { base64urlBody, decodeBody, decodeBodyText, decodeUtf8, segmentError } from './segments';
import { coreMessage, jsonReasonParam, type MessageTextId } from './findingTexts';
import type { FindingParam, JsonObject, Result, SegmentError, TokenError, TokenErrorCode, TokenKind } from './types';

/** A protected header as read from its segment. */
export interface ProtectedHeader {
  readonly header: JsonObject & { readonly alg: string };
  /** The header JSON text exactly as in the token (key order, spacing, big numbers preserved). */
  readonly json: string;
  /** Duplicate member names and lossy numbers the JSON reader found in it. */
  readonly reading: JsonReading;
}

/** Options of {@link readProtectedHeader}. */
export interface ReadHeaderOptions {
  /** The header of a five-segment JWE, which also needs a string `enc`. Default false. */
  readonly jwe?: boolean;
}

function fail(code: TokenErrorCode, id: MessageTextId, params: readonly FindingParam[] = []): { ok: false; error: TokenError } {
  return { ok: false, error: { code, ...coreMessage(id, params), segment: 'header' } };
}

/**
 * Reads the first segment of a compact token (`=` padding tolerated). Total: never throws.
 *
 * @example
 * const r = readProtectedHeader('eyJhbGciOiJIUzI1NiJ9');
 * if (r.ok) r.value.header.alg; // 'HS256'
 * else r.error.code;            // e.g. 'ERR_HEADER_NOT_JSON'
 */
export function readProtectedHeader(segment: string, options: ReadHeaderOptions = {}): Result<ProtectedHeader> {
  if (typeof segment !== 'string' || segment.length === 0) return fail('ERR_BASE64URL', 'header.empty');
  const body = base64urlBody(segment);
  const decoded = body === undefined ? undefined : decodeBodyText(body);
  if (decoded === undefined || (!decoded.ok && decoded.reason === 'base64url')) return fail('ERR_BASE64URL', 'header.base64url');
  if (!decoded.ok) return fail('ERR_HEADER_NOT_JSON', 'header.utf8');
  const json = decoded.text;
  const read = readJson(json);
  if (!read.ok) return fail('ERR_HEADER_NOT_JSON', 'header.json', [jsonReasonParam(read.error.message)]);
  const header = read.value.value;
  if (!isJsonObject(header)) return fail('ERR_HEADER_NOT_OBJECT', 'header.notObject');
  if (typeof header['alg'] !== 'string') return fail('ERR_HEADER_ALG', 'header.alg');
  if (options.jwe === true && typeof header['enc'] !== 'string') return fail('ERR_HEADER_ENC', 'header.enc');
  return { ok: true, value: { header: header as ProtectedHeader['header'], json, reading: read.value } };
}

/**
 * The header says its payload is itself a JWT: `cty: JWT` (RFC 7519 §5.2); media type names
 * are case-insensitive and may carry `application/` (RFC 7515 §4.1.10). Nested tokens of a JWS
 * and a JWE's decrypted plaintext are recognised by it.
 */
export function saysNestedJwt(header: JsonObject): boolean {
  const cty = header['cty'];
  return typeof cty === 'string' && /^(?:application\/)?jwt$/i.test(cty);
}

const ALG_NONE = /^none$/i;

/**
 * The kind of a compact token from its header and segment count, the one rule the scanner and
 * the decoder share: five segments, or a header with `enc` (RFC 7516 §9), make a JWE; an empty
 * signature makes an unsecured JWS only with `alg: none` (RFC 7515 Appendix A.5). Any other
 * empty signature was stripped from a JWS, which stays a JWS (finding TL218).
 */
export function compactKind(header: JsonObject, segmentCount: number, signatureEmpty: boolean): TokenKind {
  if (segmentCount === 5 || typeof header['enc'] === 'string') return 'jwe';
  return signatureEmpty && typeof header['alg'] === 'string' && ALG_NONE.test(header['alg']) ? 'unsecured' : 'jws';
}

/** The header's failure to read, as a segment error (for a token's partial parts). */
export function headerSegmentError(segment: string, error: TokenError): SegmentError {
  if (error.code === 'ERR_BASE64URL') return segmentError('header', segment);
  if (error.code === 'ERR_HEADER_NOT_JSON') {
    const body = base64urlBody(segment);
    const bytes = body === undefined ? undefined : decodeBody(body);
    if (bytes !== undefined && decodeUtf8(bytes) === undefined) return { segment: 'header', code: 'utf8', ...wordsOf(error) };
  }
  return { segment: 'header', code: 'json', ...wordsOf(error) };
}

/** The message of an error with the text id and params it was written from, when it has them. */
function wordsOf(error: TokenError): Pick<SegmentError, 'message' | 'textId' | 'params'> {
  return { message: error.message, ...(error.textId !== undefined ? { textId: error.textId } : {}), ...(error.params !== undefined ? { params: error.params } : {}) };
}
