/**
 * Normalises pasted text to a single compact token: used by the Decode Token input box
 * (validates as you type) and by `token-lens decode`.
 *
 * @packageDocumentation
 */
import { notJoseMessage } from './decoder';
import { readProtectedHeader } from './header';
import { DEFAULT_MAX_TOKEN_LENGTH, findTokens } from './scanner';
import { coreMessage, segmentParam, type CoreMessage } from './findingTexts';
import { base64urlBody, JWE_SEGMENTS, JWS_SEGMENTS } from './segments';
import type { Result, TokenError } from './types';

/** Pasted text longer than this is refused outright (a token is at most 64 KiB by default). */
const MAX_INPUT_LENGTH = 4 * DEFAULT_MAX_TOKEN_LENGTH;

/**
 * Framing people paste around a token, stripped in this order: a `.http` file variable
 * `@name =`, a header name (`Authorization:`), an assignment `NAME=` / `"key":`, an
 * authorization scheme (`Bearer`), quotes and trailing `,`/`;`.
 */
const FRAMING = [
  /^@[^\s=]+\s*=\s*/,
  /^[A-Za-z][A-Za-z0-9-]*\s*:\s*/,
  /^(?:export\s+)?[A-Za-z_$][\w$.-]*\s*=\s*/,
  /^"[^"]*"\s*:\s*/,
  /^(?:Bearer|DPoP|JWT)\s+/i,
];

function fail(code: TokenError['code'], text: string | CoreMessage, segment?: TokenError['segment']): Result<string> {
  const words = typeof text === 'string' ? { message: text } : text;
  return { ok: false, error: segment ? { code, ...words, segment } : { code, ...words } };
}

/** Drops leading quotes and trailing quotes/`,`/`;` (a loop: `/[…]+$/` is quadratic on long runs). */
function stripEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && '"\'`'.includes(text[start])) start++;
  while (end > start && '"\'`,;'.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function stripFraming(text: string): string {
  let s = text.trim();
  for (let pass = 0; pass < 3; pass++) {
    for (const pattern of FRAMING) s = s.replace(pattern, '');
    s = stripEdges(s).trim();
  }
  return s;
}

/** True when the whole paste is one dotted word in standard base64 (`+`, `/`) around a match. */
function gluedStandardBase64(input: string, start: number, end: number): boolean {
  const glued = /[+/]/.test(input.charAt(end)) || input.charAt(start - 1) === '+';
  return glued && /^[A-Za-z0-9_\-+][A-Za-z0-9_\-+/]*={0,2}(\.[A-Za-z0-9_\-+/]*={0,2}){2,4}$/.test(stripFraming(input));
}

/** Explains why `candidate` is not a compact token, with a stable code. */
function diagnose(candidate: string): Result<string> {
  if (candidate.length === 0) return fail('ERR_EMPTY', coreMessage('input.emptyAfterFraming'));
  if (candidate.length > DEFAULT_MAX_TOKEN_LENGTH) {
    return fail('ERR_TOO_LONG', coreMessage('decode.tooLong', [DEFAULT_MAX_TOKEN_LENGTH]));
  }
  const segments = candidate.split('.');
  if (segments.length !== 3 && segments.length !== 5) {
    return fail('ERR_SEGMENT_COUNT', coreMessage('input.segmentCount', [segments.length]));
  }
  const names = segments.length === 5 ? JWE_SEGMENTS : JWS_SEGMENTS;
  const header = readProtectedHeader(segments[0], { jwe: segments.length === 5 });
  for (let i = 0; i < segments.length; i++) {
    const segment = names[i];
    if (segment !== undefined && base64urlBody(segments[i]) === undefined) {
      // The header reads: the decoder shows the token and marks this segment (lenient decoding).
      if (header.ok && i > 0) return { ok: true, value: candidate };
      return fail('ERR_BASE64URL', coreMessage(/[+/]/.test(segments[i]) ? 'input.base64url.standard' : 'input.base64url', [segmentParam(segment)]), segment);
    }
  }
  if (!header.ok) return header;
  // The shape is right but the scanner refused it (e.g. an empty JWE ciphertext).
  return fail('ERR_NOT_COMPACT', coreMessage('input.notCompact'));
}

/**
 * Extracts the one token from pasted text: a bare token, `Bearer <token>`, an
 * `Authorization: Bearer <token>` header line, a quoted string, a `.http` line
 * (`@token = <token>`), an `.env` line, surrounding whitespace and newlines. A token that a
 * terminal wrapped over several lines is joined back. Never throws.
 *
 * @returns the token, or a typed error whose message says what is wrong (no token text in it).
 *
 * @example
 * ```ts
 * normalizeTokenInput('  Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln \n')
 * // → { ok: true, value: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' }
 * ```
 */
export function normalizeTokenInput(input: string): Result<string> {
  if (typeof input !== 'string' || input.trim().length === 0) return fail('ERR_EMPTY', coreMessage('input.empty'));
  if (input.length > MAX_INPUT_LENGTH) return fail('ERR_TOO_LONG', coreMessage('input.tooLong', [MAX_INPUT_LENGTH]));
  // Thorough: a pasted base64 blob (a Secret's value) gives the token inside it.
  const found = findTokens(input, { thorough: true });
  if (found.length === 1) {
    // A PASETO token or a signed cookie: say what it is rather than decode it as a JWT.
    const other = found[0].shape === 'paseto' || found[0].shape === 'signed-cookie' ? notJoseMessage(found[0]) : undefined;
    if (other !== undefined) return fail('ERR_NOT_JOSE', other);
    // `+` or `/` glued to the token: the paste is standard base64, and the scanner's match is
    // only a prefix of it. Explain instead of returning a truncated token.
    if (gluedStandardBase64(input, found[0].start, found[0].end)) return diagnose(stripFraming(input));
    return { ok: true, value: found[0].token };
  }
  if (found.length > 1) {
    const distinct = new Set(found.map((m) => m.token));
    if (distinct.size === 1) return { ok: true, value: found[0].token };
    return fail('ERR_MULTIPLE_TOKENS', coreMessage('input.multiple', [distinct.size]));
  }
  const candidate = stripFraming(input);
  // A token wrapped over several lines by a terminal or an email client: join the pieces.
  if (/^[A-Za-z0-9_\-.=\s]+$/.test(candidate) && /\s/.test(candidate)) {
    const joined = candidate.replace(/\s+/g, '');
    const rejoined = findTokens(joined);
    if (rejoined.length === 1 && rejoined[0].start === 0 && rejoined[0].end === joined.length) return { ok: true, value: joined };
    return diagnose(joined);
  }
  return diagnose(candidate);
}
