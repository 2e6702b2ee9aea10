/**
 * Finds compact JOSE tokens (JWS, unsecured JWS, JWE) in arbitrary text.
 *
 * Strategy (linear time, bounded memory, no backtracking regex over unbounded runs):
 * 1. Candidate search by one global regex over the text. A compact header is base64url of a
 *    JSON object, so its first byte is `{` and its second is `"` or JSON whitespace (RFC 8259
 *    §2), and those two bytes fix the first three base64url characters: `{"` → `ey[I-L]`,
 *    `{ ` → `ey[A-D]`, `{\n` → `ew[o-r]`, `{\r` → `ew[0-3]`, `{\t` → `ew[k-n]` (`{}` is `e30`
 *    and has no `alg`). Every header with `alg` therefore starts `e(?:y[A-DI-L]|w[k-r0-3])`,
 *    and is at least 14 characters long (`{"alg":""}`). The regex asks for both, and for a
 *    token boundary before (step 2), so irregexp rejects dense look-alikes (`eyJ eyJ …`,
 *    `eyes`, `ey` inside hashes) natively; on ordinary text it runs faster than an
 *    `indexOf('eyJ')` loop, and it covers all five prefixes in one pass.
 * 2. A candidate counts only at a token boundary: the previous character is not a base64url
 *    character and not `.` (so we never start inside a run or a later segment). This is
 *    checked again in JavaScript (a range scan searches a slice, whose lookbehind cannot see
 *    the text before it); a candidate rejected there skips the rest of its run in one step.
 * 3. A bounded forward walk reads at most 6 segments and at most `maxTokenLength` characters.
 *    Every walk starts at a boundary and stops at the first non-token character, so each
 *    character is examined by at most a small constant number of walks.
 * 4. Strict header check (`readProtectedHeader`): the header segment base64url-decodes to a
 *    JSON object with a string `alg` (RFC 7515 §4.1.1); a five-segment JWE also needs a
 *    string `enc` (RFC 7516 §4.1.2).
 *
 * @packageDocumentation
 */
import { readProtectedHeader } from './header';
import type { ProtectedHeader } from './header';
import type { FindTokensOptions, TokenContext, TokenKind, TokenMatch } from './types';

/** Default longest token accepted, in characters (64 KiB). */
export const DEFAULT_MAX_TOKEN_LENGTH = 65536;

/** How far back on the same line the context detector looks, in characters. */
const CONTEXT_WINDOW = 512;

/** base64url alphabet (RFC 4648 §5) as a lookup table over ASCII. */
const BASE64URL = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_-]/.test(ch)) BASE64URL[c] = 1;
}

/**
 * Single-class runs, used sticky: irregexp scans these natively, faster than a `charCodeAt`
 * loop, and a lone `[…]*` with nothing after it cannot backtrack. Sticky and global regexes
 * carry `lastIndex`, so each scan makes its own from these patterns (see {@link Scan}).
 */
const SEGMENT_RUN = /[A-Za-z0-9_-]*/;
const DOTTED_RUN = /[A-Za-z0-9_.-]*/;

const DOT = 46; // '.'

/** Shortest header segment with a string `alg`: `{"alg":""}` is 10 bytes, 14 base64url characters. */
const MIN_HEADER_LENGTH = 14;

/**
 * Candidate search (strategy, steps 1–2): the first three base64url characters of every compact
 * header with `alg`, at a token boundary, starting a run of at least MIN_HEADER_LENGTH base64url
 * characters. irregexp rejects dense non-candidates (`eyJ eyJ …`, `eyes`, runs inside hashes)
 * natively; the JavaScript checks after it (boundary, walk) remain the authority, since a
 * range scan searches a slice whose lookbehind cannot see the text before it.
 */
const CANDIDATE = /(?<![A-Za-z0-9_.-])e(?:y[A-DI-L]|w[k-r0-3])[A-Za-z0-9_-]{11}/;
/** Characters {@link CANDIDATE} reads from a token start. */
const CANDIDATE_LENGTH = MIN_HEADER_LENGTH;

/** Characters checked one by one before handing a long run to the sticky regex. */
const SHORT_RUN = 24;

/**
 * End of the run of base64url characters (plus `.` when `dotted`) starting at `from`. Short
 * runs (most segments, most words) are read with `charCodeAt`, which beats a regex call;
 * long ones go to the sticky regex, which beats `charCodeAt` per character.
 */
function runEnd(text: string, from: number, sticky: RegExp, dotted: boolean): number {
  let i = from;
  const stop = from + SHORT_RUN;
  for (let c = text.charCodeAt(i); (c < 128 && BASE64URL[c] === 1) || (dotted && c === 46); c = text.charCodeAt(++i)) {
    if (i === stop) {
      sticky.lastIndex = i;
      sticky.test(text);
      return sticky.lastIndex;
    }
  }
  return i;
}
const EQUALS = 61; // '='
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

function isBase64Url(code: number): boolean {
  return code < 128 && BASE64URL[code] === 1;
}

/** Most segments a walk reads: a JWE's five plus a sentence-final period. */
const MAX_SEGMENTS = 6;

/** Headers one scan remembers, and the longest header segment it remembers. */
const HEADER_CACHE_SIZE = 64;
const HEADER_CACHE_MAX_SEGMENT = 512;

/**
 * The working state of one {@link findTokens} call, made once per call and passed down, so the
 * walk reuses its segment arrays instead of allocating per candidate (adversarial inputs
 * produce one candidate every few characters).
 */
class Scan {
  readonly candidate = new RegExp(CANDIDATE.source, 'g');
  readonly segmentRun = new RegExp(SEGMENT_RUN.source, 'y');
  readonly dottedRun = new RegExp(DOTTED_RUN.source, 'y');
  /** The last walk's segments: [start, end) of the base64url text and `=` padding count. */
  readonly segStart = new Int32Array(MAX_SEGMENTS);
  readonly segEnd = new Int32Array(MAX_SEGMENTS);
  readonly segPadding = new Int32Array(MAX_SEGMENTS);
  /** Offset where the last walk stopped. */
  walkEnd = 0;
  /**
   * Header segments read so far → header (null: not a header). Tokens from one issuer share
   * a header byte for byte, so a token-dense file reads each header once.
   */
  readonly headers = new Map<string, ProtectedHeader['header'] | null>();

  constructor(readonly text: string) {}
}

/** A walked run that is a token. */
interface Classified {
  readonly kind: TokenKind;
  readonly end: number;
  readonly header: ProtectedHeader['header'];
  readonly padded: boolean;
}

/**
 * The header of a candidate (strategy, step 4), or undefined when the candidate is not a
 * token: an ordinary string that happens to start with `ey`.
 */
function readHeader(scan: Scan, segment: string, jwe: boolean): ProtectedHeader['header'] | undefined {
  let header = scan.headers.get(segment);
  if (header === undefined) {
    const read = readProtectedHeader(segment);
    header = read.ok ? read.value.header : null;
    if (segment.length <= HEADER_CACHE_MAX_SEGMENT) {
      if (scan.headers.size >= HEADER_CACHE_SIZE) scan.headers.delete(scan.headers.keys().next().value as string);
      scan.headers.set(segment, header);
    }
  }
  if (header === null || (jwe && typeof header['enc'] !== 'string')) return undefined;
  return header;
}

/**
 * Walks forward from `start` over `segment(.segment)*`, at most MAX_SEGMENTS segments and up
 * to `limit`. Fills the scan's segment arrays; returns the segment count (0: not a token)
 * and stores the end offset in `scan.walkEnd`. `=` padding (at most 2) is accepted at the end
 * of a segment only when a `.` or a non-token character follows, so `token=eyJ…&x=1` and
 * `a=b` keep their `=` as punctuation.
 */
function walk(scan: Scan, start: number, limit: number): number {
  const { text, segStart, segEnd, segPadding } = scan;
  let count = 0;
  let i = start;
  for (;;) {
    const first = i;
    i = runEnd(text, i, scan.segmentRun, false);
    // The run goes on past maxTokenLength: too long to be a token (and not worth decoding).
    if (i > limit) return 0;
    // Words such as `eyes` or `eyebrow` end here: no header with `alg` is that short.
    if (count === 0 && i - first < MIN_HEADER_LENGTH) return 0;
    let c = text.charCodeAt(i);
    segStart[count] = first;
    segEnd[count] = i;
    segPadding[count] = 0;
    if (c === EQUALS && i > first) {
      let j = i + 1;
      if (j < limit && text.charCodeAt(j) === EQUALS) j++;
      const next = j < text.length ? text.charCodeAt(j) : -1;
      if (next !== EQUALS && !isBase64Url(next)) {
        segPadding[count] = j - i;
        i = j;
        c = next;
      }
    }
    count++;
    if (i < limit && c === DOT) {
      // More segments than a JWE (plus a sentence-final period) has: a dotted name, not a token.
      if (count >= MAX_SEGMENTS) return 0;
      i++;
      continue;
    }
    scan.walkEnd = i;
    return count;
  }
}

/**
 * Decides whether the walked run is a token and which part of it. A trailing empty segment
 * after a complete token is a sentence-final period (`… eyJ….sig.`), not part of the token.
 */
function classify(scan: Scan, count: number): Classified | undefined {
  const { text, segStart, segEnd, segPadding } = scan;
  let end = scan.walkEnd;
  const last = count - 1;
  if ((count === 4 || count === 6) && segStart[last] === segEnd[last]) {
    count--;
    end = segStart[last] - 1; // drop the period
  }
  if (count !== 3 && count !== 5) return undefined;
  // The walk stopped at maxTokenLength right before another segment: reject the whole run.
  if (end < text.length && text.charCodeAt(end) === DOT && isBase64Url(text.charCodeAt(end + 1))) return undefined;
  if (segEnd[0] === segStart[0]) return undefined;
  if (count === 5 && segEnd[3] === segStart[3]) return undefined; // RFC 7516 §7.1: ciphertext is never empty
  const header = readHeader(scan, text.slice(segStart[0], segEnd[0]), count === 5);
  if (header === undefined) return undefined;
  let padded = false;
  for (let k = 0; k < count; k++) if (segPadding[k] > 0) padded = true;
  // An empty payload segment is a detached-content JWS (RFC 7515 Appendix F): still a JWS.
  const kind: TokenKind = count === 5 ? 'jwe' : segEnd[2] === segStart[2] ? 'unsecured' : 'jws';
  return { kind, end, header, padded };
}

/**
 * True when a candidate may start at `offset`: not inside a longer base64url run and not right
 * after a `.` (a later segment of a dotted run is never a token start; this also keeps
 * `100k dots` inputs from starting a walk at every dot).
 */
function atBoundary(text: string, offset: number): boolean {
  if (offset === 0) return true;
  const prev = text.charCodeAt(offset - 1);
  return !isBase64Url(prev) && prev !== DOT;
}

/** Finds the start of the line holding `offset`, looking back at most `window` characters. */
function lineStartBefore(text: string, offset: number, window: number): number {
  const floor = Math.max(0, offset - window);
  for (let i = offset - 1; i >= floor; i--) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === CARRIAGE_RETURN) return i + 1;
  }
  return floor;
}

// ---------------------------------------------------------------------------------------
// Context detection: a backward read of the (bounded) line prefix before the token.
// All regexes here are anchored at `^` over at most CONTEXT_WINDOW characters, or replaced by
// hand-written backward scans, so context costs O(window) per token.
// ---------------------------------------------------------------------------------------

// `@token = eyJ…` and `@auth = Bearer eyJ…` (a variable holding a whole header value).
const HTTP_VARIABLE_LINE = /^[ \t]*@([A-Za-z_$][\w$.-]*)[ \t]*=[ \t]*(?:(?:Bearer|DPoP)[ \t]+)?$/i;
const HEADER_LINE = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*:[ \t]*/;
const AUTH_SCHEME_REST = /^(?:([A-Za-z][\w.~+/-]*)[ \t]+)?["']?$/;
const COOKIE_PAIR_TAIL = /(?:^|;)[ \t]*([^=;\s]+)=["']?$/;
const SET_COOKIE_REST = /^[ \t]*([^=;\s]+)=["']?$/;

function isNameChar(code: number): boolean {
  return isBase64Url(code) || code === 46 /* . */ || code === 36 /* $ */;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** `"key": "` right before the token (JSON member). */
function jsonKey(prefix: string): string | undefined {
  let i = prefix.length - 1;
  if (prefix.charCodeAt(i) !== 34) return undefined;
  i--;
  while (i >= 0 && isSpace(prefix.charCodeAt(i))) i--;
  if (prefix.charCodeAt(i) !== 58 /* : */) return undefined;
  i--;
  while (i >= 0 && isSpace(prefix.charCodeAt(i))) i--;
  if (prefix.charCodeAt(i) !== 34) return undefined;
  return quotedNameBefore(prefix, i, 34);
}

/** The name inside `quote…quote` whose closing quote is at `close`, or undefined. */
function quotedNameBefore(prefix: string, close: number, quote: number): string | undefined {
  let i = close - 1;
  while (i >= 0 && prefix.charCodeAt(i) !== quote) i--;
  if (i < 0 || close - i - 1 === 0) return undefined;
  return prefix.slice(i + 1, close);
}

/** `?name=` / `&name=` / `#name=` right before the token. */
function queryParam(prefix: string): string | undefined {
  let i = prefix.length - 1;
  if (prefix.charCodeAt(i) !== EQUALS) return undefined;
  const nameEnd = i;
  i--;
  while (i >= 0) {
    const c = prefix.charCodeAt(i);
    if (isBase64Url(c) || c === 46 || c === 126 /* ~ */ || c === 37 /* % */ || c === 91 || c === 93 /* [ ] */) i--;
    else break;
  }
  if (i < 0 || i + 1 === nameEnd) return undefined;
  const sep = prefix.charCodeAt(i);
  if (sep !== 63 /* ? */ && sep !== 38 /* & */ && sep !== 35 /* # */) return undefined;
  return prefix.slice(i + 1, nameEnd);
}

/** `name=`, `name = "`, `name: `, `const name = '`, `export NAME=` right before the token. */
function assignment(prefix: string): string | undefined {
  let i = prefix.length - 1;
  const q = prefix.charCodeAt(i);
  if (q === 34 || q === 39 || q === 96) i--;
  while (i >= 0 && isSpace(prefix.charCodeAt(i))) i--;
  const op = prefix.charCodeAt(i);
  if (op !== EQUALS && op !== 58) return undefined;
  i--;
  if (op === EQUALS && i >= 0 && prefix.charCodeAt(i) === 58) i--; // `:=`
  while (i >= 0 && isSpace(prefix.charCodeAt(i))) i--;
  const keyQuote = prefix.charCodeAt(i);
  // A quoted key: `'id_token': '…'` (JS/Python), `"token": …` (YAML).
  if (keyQuote === 34 || keyQuote === 39) return quotedNameBefore(prefix, i, keyQuote);
  const nameEnd = i + 1;
  while (i >= 0 && isNameChar(prefix.charCodeAt(i))) i--;
  const name = prefix.slice(i + 1, nameEnd);
  if (name.length === 0 || !/^[A-Za-z_$]/.test(name)) return undefined;
  if (i >= 0) {
    const before = prefix.charCodeAt(i);
    // The name must stand alone: line start, whitespace or an opening delimiter `{ ( , ; [` before it.
    if (!(isSpace(before) || before === 123 || before === 40 || before === 44 || before === 59 || before === 91)) return undefined;
  }
  return name;
}

/** Authorization scheme word (`Bearer`, `DPoP`) with whitespace right before the token. */
function bearerScheme(prefix: string): string | undefined {
  let i = prefix.length - 1;
  if (prefix.charCodeAt(i) === 34 || prefix.charCodeAt(i) === 39) return undefined;
  if (!isSpace(prefix.charCodeAt(i))) return undefined;
  while (i >= 0 && isSpace(prefix.charCodeAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && /[A-Za-z]/.test(prefix[i])) i--;
  const word = prefix.slice(i + 1, end);
  if (i >= 0 && isBase64Url(prefix.charCodeAt(i))) return undefined;
  const lower = word.toLowerCase();
  return lower === 'bearer' || lower === 'dpop' ? word : undefined;
}

/** Reads the context of a token starting at `start` from the same line before it. */
function contextAt(text: string, start: number): TokenContext {
  const lineStart = lineStartBefore(text, start, CONTEXT_WINDOW);
  const prefix = text.slice(lineStart, start);
  if (prefix.length === 0) return { kind: 'bare' };

  const variable = HTTP_VARIABLE_LINE.exec(prefix);
  if (variable) return { kind: 'http-variable', name: variable[1] };

  const header = HEADER_LINE.exec(prefix);
  if (header) {
    const name = header[1];
    const rest = prefix.slice(header[0].length);
    const lower = name.toLowerCase();
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const scheme = AUTH_SCHEME_REST.exec(rest);
      if (scheme) return scheme[1] ? { kind: 'authorization', name, scheme: scheme[1] } : { kind: 'authorization', name };
    } else if (lower === 'cookie') {
      const pair = COOKIE_PAIR_TAIL.exec(rest);
      if (pair) return { kind: 'cookie', name: pair[1] };
    } else if (lower === 'set-cookie') {
      const pair = SET_COOKIE_REST.exec(rest);
      if (pair) return { kind: 'set-cookie', name: pair[1] };
    } else if (name.includes('-') && /^["']?$/.test(rest)) {
      // `X-Auth-Token: eyJ…`: hyphenated names are HTTP headers; `token: eyJ…` is YAML-style assignment.
      return { kind: 'header', name };
    }
  }

  const scheme = bearerScheme(prefix);
  if (scheme !== undefined) return { kind: 'authorization', scheme };

  const key = jsonKey(prefix);
  if (key !== undefined) return { kind: 'json-key', name: key };

  const param = queryParam(prefix);
  if (param !== undefined) return { kind: 'query-param', name: param };

  const assigned = assignment(prefix);
  if (assigned !== undefined) return { kind: 'assignment', name: assigned };

  return { kind: 'bare' };
}

/**
 * Finds every compact JWS, unsecured JWS and JWE in `text`.
 *
 * Offsets are UTF-16 code unit offsets into `text`, even when `rangeStart`/`rangeEnd` limit the
 * scan. With a range, tokens that *start* inside the range are reported in full (the walk may
 * read past `rangeEnd` to the token's end); context is read from the same line before the token.
 * Never throws; runs in time linear in the scanned length.
 *
 * @example
 * ```ts
 * findTokens('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig')[0].context
 * // → { kind: 'authorization', name: 'Authorization', scheme: 'Bearer' }
 * ```
 */
export function findTokens(text: string, options: FindTokensOptions = {}): TokenMatch[] {
  const matches: TokenMatch[] = [];
  if (typeof text !== 'string' || text.length === 0) return matches;
  const maxTokenLength = tokenLengthLimit(options.maxTokenLength);
  const rangeStart = clamp(options.rangeStart ?? 0, 0, text.length);
  const rangeEnd = clamp(options.rangeEnd ?? text.length, rangeStart, text.length);

  // One regex pass over the header prefixes (see the strategy above). A range is searched
  // through a slice (V8 makes it a view, no copy), so the search never runs far past
  // `rangeEnd`: a per-line scan of a huge document stays per-line. The slice reaches far
  // enough past `rangeEnd` for a token starting just before it to match. Everything else
  // (boundary check, walk, context) reads the whole text.
  const whole = rangeStart === 0 && rangeEnd === text.length;
  const haystack = whole ? text : text.slice(rangeStart, Math.min(text.length, rangeEnd + CANDIDATE_LENGTH - 1));
  const scan = new Scan(text);
  const candidate = scan.candidate;
  const nextCandidate = (from: number): number => {
    candidate.lastIndex = from - rangeStart;
    return candidate.test(haystack) ? candidate.lastIndex - CANDIDATE_LENGTH + rangeStart : -1;
  };
  let i = nextCandidate(rangeStart);
  while (i !== -1 && i < rangeEnd) {
    if (!atBoundary(text, i)) {
      // Inside a base64url/dotted run: no token starts before the run ends, so skip it in one
      // pass instead of stopping at every candidate (a run of `eyJeyJ…` would cost one search each).
      i = nextCandidate(runEnd(text, i + 3, scan.dottedRun, true));
      continue;
    }
    const count = walk(scan, i, Math.min(text.length, i + maxTokenLength));
    const token = count === 0 ? undefined : classify(scan, count);
    if (token !== undefined) {
      matches.push({
        start: i,
        end: token.end,
        token: text.slice(i, token.end),
        kind: token.kind,
        context: contextAt(text, i),
        alg: token.header.alg,
        padded: token.padded,
      });
      i = nextCandidate(token.end);
      continue;
    }
    // Not a token. The regex's lookbehind passes over the rest of this run natively.
    i = nextCandidate(i + 1);
  }
  return matches;
}

/**
 * The token covering `offset` (start ≤ offset ≤ end, so a cursor right after the token
 * counts), for hovers and "inspect at cursor". Scans only the line around `offset`, at most
 * `maxTokenLength` characters back, never the whole text.
 */
export function findTokenAt(text: string, offset: number, options: FindTokensOptions = {}): TokenMatch | undefined {
  if (typeof text !== 'string' || !Number.isFinite(offset) || offset < 0 || offset > text.length) return undefined;
  const maxTokenLength = tokenLengthLimit(options.maxTokenLength);
  const from = lineStartBefore(text, offset, maxTokenLength + 1);
  const to = Math.min(text.length, offset + 1);
  const matches = findTokens(text, { maxTokenLength, rangeStart: from, rangeEnd: to });
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i];
    if (m.start <= offset && offset <= m.end) return m;
  }
  return undefined;
}

/** The effective maximum token length: the option when it is a finite number ≥ 1, else the default. */
function tokenLengthLimit(option: number | undefined): number {
  return option !== undefined && Number.isFinite(option) && option >= 1 ? Math.floor(option) : DEFAULT_MAX_TOKEN_LENGTH;
}

function clamp(value: number, low: number, high: number): number {
  if (!Number.isFinite(value)) return low;
  return Math.min(high, Math.max(low, Math.floor(value)));
}
