/**
 * Size facts of a token (article reason 3, "JWTs Are Large and Inefficient"): bytes per
 * segment, the ratio to a 32-byte session id, bytes per million requests, transport limits
 * including their framing, and the heaviest claims.
 */
import type { ClaimWeight, DecodedToken, JsonValue, SizeLimit, SizeReport } from './types';

/** An opaque session id of 32 bytes, the article's point of comparison (reason 3). */
export const SESSION_ID_BYTES = 32;
/** RFC 6265 §6.1: user agents should support cookies of at least 4096 bytes (name + value + attributes). */
export const COOKIE_LIMIT_BYTES = 4096;
/** Apache `LimitRequestFieldSize` default 8190; nginx `large_client_header_buffers` default 8 KB. */
export const HEADER_LINE_LIMIT_BYTES = 8190;
/** Node.js `--max-http-header-size` default: 16 KiB for all request headers together. */
export const TOTAL_HEADERS_LIMIT_BYTES = 16384;

const NON_ASCII = /[\x80-\uffff]/;
/** Length from which a regex pre-check beats a charCodeAt loop. */
const REGEX_WORTHWHILE = 48;

/** UTF-8 byte length of a string without allocating (lone surrogates count as U+FFFD, 3 bytes, as TextEncoder does). */
export function utf8Length(text: string): number {
  // ASCII (every token, most JSON) is one byte per character; for longer strings the native
  // regex scan is cheaper than the loop below (for short ones the call costs more than it saves).
  if (text.length > REGEX_WORTHWHILE && !NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The framing of the header-line limits: the line `Authorization: Bearer <token>`. */
const AUTHORIZATION_PREFIX = 'Authorization: Bearer ';

/** Options of {@link sizeReport}. */
export interface SizeOptions {
  /** Cookie name used for the cookie framing (`name=`). Default `token`. */
  readonly cookieName?: string;
}

/**
 * Size report of a decoded token. The token text is ASCII, so characters equal bytes.
 *
 * @example sizeReport(decoded).limits.find((l) => l.id === 'cookie')?.exceeded
 */
export function sizeReport(decoded: Pick<DecodedToken, 'token' | 'segments' | 'payload'>, options: SizeOptions = {}): SizeReport {
  const totalBytes = utf8Length(decoded.token);
  const cookieName = options.cookieName ?? 'token';
  const headerLine = AUTHORIZATION_PREFIX.length + decoded.token.length;
  const limits: SizeLimit[] = [
    {
      id: 'cookie',
      label: 'Cookie',
      bytes: COOKIE_LIMIT_BYTES,
      source: `RFC 6265 §6.1: browsers must accept cookies of 4096 bytes (name, '=' and value: "${cookieName}=")`,
      used: cookieName.length + 1 + totalBytes,
      exceeded: cookieName.length + 1 + totalBytes > COOKIE_LIMIT_BYTES,
    },
    {
      id: 'header-line',
      label: 'Header line',
      bytes: HEADER_LINE_LIMIT_BYTES,
      source: 'Apache LimitRequestFieldSize default 8190 bytes; nginx large_client_header_buffers default 8 KB (line "Authorization: Bearer <token>")',
      used: headerLine,
      exceeded: headerLine > HEADER_LINE_LIMIT_BYTES,
    },
    {
      id: 'total-headers',
      label: 'All request headers',
      bytes: TOTAL_HEADERS_LIMIT_BYTES,
      source: "Node.js default max header size 16 KiB for all headers together (line \"Authorization: Bearer <token>\" + CRLF)",
      used: headerLine + 2,
      exceeded: headerLine + 2 > TOTAL_HEADERS_LIMIT_BYTES,
    },
  ];
  return {
    totalBytes,
    segments: decoded.segments,
    timesSessionId: totalBytes / SESSION_ID_BYTES,
    bytesPerMillionRequests: totalBytes * 1_000_000,
    limits,
    heaviestClaims: claimWeights(decoded),
  };
}

/** Characters JSON.stringify may escape in a string (quote, backslash, controls, surrogates). */
const NEEDS_JSON_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** UTF-8 bytes of `JSON.stringify(value)`; 0 when it cannot be serialised (too deep). */
function jsonBytes(value: JsonValue): number {
  // Strings, numbers, booleans and null (almost every claim) are sized without serialising:
  // JSON.stringify of each claim was an eighth of inspectToken.
  if (typeof value === 'string' && !NEEDS_JSON_ESCAPE.test(value)) return utf8Length(value) + 2;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4; // non-finite → null
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (value === null) return 4;
  try {
    return utf8Length(JSON.stringify(value));
  } catch {
    return 0;
  }
}

/** Bytes of each top-level `"name":value` member of the payload JSON, heaviest first. */
export function claimWeights(decoded: Pick<DecodedToken, 'payload'>): ClaimWeight[] {
  if (decoded.payload.type !== 'claims') return [];
  const total = utf8Length(decoded.payload.json);
  if (total === 0) return [];
  const claims = decoded.payload.claims;
  const weights: ClaimWeight[] = [];
  for (const name of Object.keys(claims)) {
    // Sized as re-serialised compactly (a fair per-claim weight even when the original has
    // spacing). A value too deep to serialise weighs 0.
    const valueBytes = jsonBytes(claims[name] as JsonValue);
    const bytes = valueBytes === 0 ? 0 : jsonBytes(name) + 1 + valueBytes;
    weights.push({ name, bytes, share: Math.min(1, bytes / total) });
  }
  // Heaviest first, ties by name in UTF-16 code-unit order: the same on every machine (a
  // locale's collation is not, and `localeCompare` was a tenth of sizing a token).
  weights.sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return weights;
}
