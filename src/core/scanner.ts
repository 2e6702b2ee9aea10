/**
 * Finds compact JOSE tokens (JWS, unsecured JWS, JWE) in arbitrary text.
 *
 * Strategy (linear time, bounded memory, no backtracking regex over unbounded runs):
 * 1. Candidate search by `indexOf` jumps. A compact header is base64url of a JSON object, so
 *    it starts with `{`. `{"` and `{ ` encode to `ey…`; `{\n` to `ewo…` and `{\r` to `ew0…`
 *    (pretty-printed headers). We accept exactly these two prefixes, `ey` and `ew`; a header
 *    starting with `{\t` (`ewk…`) is covered by `ew` too.
 * 2. A candidate counts only at a token boundary: the previous character is not a base64url
 *    character, not `.` and not `=` followed by base64url (so we never start inside a run).
 * 3. A bounded forward walk reads at most 6 segments and at most `maxTokenLength` characters.
 *    Every walk starts at a boundary and stops at the first non-token character, so each
 *    character is examined by at most a small constant number of walks.
 * 4. Strict header check: the header segment base64url-decodes (jose) to a JSON object with
 *    a string `alg` (RFC 7515 §4.1.1); a five-segment JWE also needs a string `enc`
 *    (RFC 7516 §4.1.2).
 *
 * @packageDocumentation
 */
import { base64url } from 'jose';
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

const DOT = 46; // '.'
const EQUALS = 61; // '='
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

function isBase64Url(code: number): boolean {
  return code < 128 && BASE64URL[code] === 1;
}

/** One segment as found by the walk: [start, end) of its base64url text, plus `=` padding count. */
interface Segment {
  start: number;
  end: number;
  padding: number;
}

/** Result of the forward walk from a candidate start. */
interface Walk {
  segments: Segment[];
  /** Offset one past the last character that belongs to the token. */
  end: number;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the header segment: base64url (jose) → UTF-8 → JSON object with a string `alg`.
 * Returns the header object, or undefined when the candidate is not a token.
 */
function readHeader(text: string, segment: Segment): Record<string, unknown> | undefined {
  try {
    const bytes = base64url.decode(text.slice(segment.start, segment.end));
    const parsed: unknown = JSON.parse(strictUtf8.decode(bytes));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
    const header = parsed as Record<string, unknown>;
    return typeof header.alg === 'string' ? header : undefined;
  } catch {
    // Not base64url, not UTF-8 or not JSON: an ordinary string that happens to start with `ey`.
    return undefined;
  }
}

/**
 * Walks forward from `start` over `segment(.segment)*`, at most `maxSegments` segments and
 * `maxLength` characters. `=` padding (at most 2) is accepted at the end of a segment only
 * when what follows is a `.` or a non-token character, so `token=eyJ…&x=1` and
 * `a=b` keep their `=` as punctuation.
 */
function walk(text: string, start: number, limit: number, maxSegments: number): Walk | undefined {
  const segments: Segment[] = [];
  let i = start;
  for (;;) {
    const segStart = i;
    while (i < limit && isBase64Url(text.charCodeAt(i))) i++;
    // The run goes on past maxTokenLength: too long to be a token (and not worth decoding).
    if (i === limit && i < text.length && isBase64Url(text.charCodeAt(i))) return undefined;
    const segEnd = i;
    let padding = 0;
    let j = i;
    while (j < limit && j - i < 3 && text.charCodeAt(j) === EQUALS) j++;
    const equalsCount = j - i;
    if (equalsCount > 0 && equalsCount <= 2 && segEnd > segStart) {
      const next = j < text.length ? text.charCodeAt(j) : -1;
      if (next !== EQUALS && !isBase64Url(next)) {
        padding = equalsCount;
        i = j;
      }
    }
    segments.push({ start: segStart, end: segEnd, padding });
    if (i < limit && text.charCodeAt(i) === DOT) {
      // More segments than a JWE (plus a sentence-final period) has: a dotted name, not a token.
      if (segments.length >= maxSegments) return undefined;
      i++;
      continue;
    }
    return { segments, end: i };
  }
}

/**
 * Decides whether the walked run is a token and which part of it. A trailing empty segment
 * after a complete token is a sentence-final period (`… eyJ….sig.`), not part of the token.
 */
function classify(
  text: string,
  run: Walk,
): { kind: TokenKind; end: number; segments: Segment[]; header: Record<string, unknown> } | undefined {
  let segments = run.segments;
  let end = run.end;
  const last = segments[segments.length - 1];
  if ((segments.length === 4 || segments.length === 6) && last.start === last.end) {
    segments = segments.slice(0, -1);
    end = last.start - 1; // drop the period
  }
  if (segments.length !== 3 && segments.length !== 5) return undefined;
  // A run of more segments than we walked would have been cut at maxSegments: reject it whole.
  if (end < text.length && text.charCodeAt(end) === DOT && isBase64Url(text.charCodeAt(end + 1))) return undefined;
  const headerSegment = segments[0];
  if (headerSegment.end === headerSegment.start) return undefined;
  const header = readHeader(text, headerSegment);
  if (header === undefined) return undefined;
  if (segments.length === 5) {
    if (typeof header.enc !== 'string') return undefined;
    // RFC 7516 §7.1: IV, ciphertext and tag are never empty for the registered algorithms.
    if (segments[3].end === segments[3].start) return undefined;
    return { kind: 'jwe', end, segments, header };
  }
  const signature = segments[2];
  const kind: TokenKind = signature.end === signature.start ? 'unsecured' : 'jws';
  // An empty payload segment is a detached-content JWS (RFC 7515 Appendix F): still a JWS.
  return { kind, end, segments, header };
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

const HTTP_VARIABLE_LINE = /^\s*@([A-Za-z_$][\w$.-]*)\s*=\s*$/;
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

/** Next offset ≥ `from` of `ey` or `ew`, or -1. */
function nextCandidate(text: string, from: number, state: { ey: number; ew: number }, limit: number): number {
  if (state.ey !== -1 && state.ey < from) state.ey = text.indexOf('ey', from);
  if (state.ew !== -1 && state.ew < from) state.ew = text.indexOf('ew', from);
  let best = -1;
  if (state.ey !== -1 && state.ey < limit) best = state.ey;
  if (state.ew !== -1 && state.ew < limit && (best === -1 || state.ew < best)) best = state.ew;
  return best;
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
  const maxTokenLength = Math.max(1, Math.floor(options.maxTokenLength ?? DEFAULT_MAX_TOKEN_LENGTH));
  const rangeStart = clamp(options.rangeStart ?? 0, 0, text.length);
  const rangeEnd = clamp(options.rangeEnd ?? text.length, rangeStart, text.length);

  const state = { ey: text.indexOf('ey', rangeStart), ew: text.indexOf('ew', rangeStart) };
  let pos = rangeStart;
  while (pos < rangeEnd) {
    const candidate = nextCandidate(text, pos, state, rangeEnd);
    if (candidate === -1) break;
    if (!atBoundary(text, candidate)) {
      pos = candidate + 1;
      continue;
    }
    const limit = Math.min(text.length, candidate + maxTokenLength);
    const run = walk(text, candidate, limit, 6);
    const found = run === undefined ? undefined : classify(text, run);
    if (found === undefined) {
      pos = candidate + 1;
      continue;
    }
    const token = text.slice(candidate, found.end);
    matches.push({
      start: candidate,
      end: found.end,
      token,
      kind: found.kind,
      context: contextAt(text, candidate),
      alg: found.header.alg as string,
      padded: found.segments.some((s) => s.padding > 0),
    });
    pos = found.end;
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
  const maxTokenLength = Math.max(1, Math.floor(options.maxTokenLength ?? DEFAULT_MAX_TOKEN_LENGTH));
  const from = lineStartBefore(text, offset, maxTokenLength + 1);
  const to = Math.min(text.length, offset + 1);
  const matches = findTokens(text, { maxTokenLength, rangeStart: from, rangeEnd: to });
  for (let i = matches.length - 1; i >= 0; i--) {
    const m = matches[i];
    if (m.start <= offset && offset <= m.end) return m;
  }
  return undefined;
}

function clamp(value: number, low: number, high: number): number {
  if (!Number.isFinite(value)) return low;
  return Math.min(high, Math.max(low, Math.floor(value)));
}
