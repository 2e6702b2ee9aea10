/**
 * Finds tokens in arbitrary text: compact JOSE tokens (JWS, unsecured JWS, JWE), SD-JWTs,
 * PASETO tokens, base64-wrapped tokens, and the signed cookies that look like tokens (Flask,
 * Django), each reported with its shape.
 *
 * Strategy (linear time, bounded memory, no backtracking regex over unbounded runs):
 * 1. Candidate search by one global regex over the text, CANDIDATE_LENGTH characters a match,
 *    so its position is `lastIndex - CANDIDATE_LENGTH`. A compact header is base64url of a JSON
 *    object, so its first byte is `{` and its second is `"` or JSON whitespace (RFC 8259 §2),
 *    and those two bytes fix the first three base64url characters: `{"` → `ey[I-L]`, `{ ` →
 *    `ey[A-D]`, `{\n` → `ew[o-r]`, `{\r` → `ew[0-3]`, `{\t` → `ew[k-n]` (`{}` is `e30` and has
 *    no `alg`). Every header with `alg` therefore starts `e(?:y[A-DI-L]|w[k-r0-3])`, and is at
 *    least 14 characters long (`{"alg":""}`); the same prefix starts a Flask or Django payload
 *    (a JSON object) and a PASETO `public` message (after `vN.public.`). irregexp skips to the
 *    one first character `e` natively; a second first character halves the rate, so:
 * 1b. The shapes with no `e` anchor have a second pass, run only for a `thorough` scan
 *    (THOROUGH_CANDIDATE): base64 of the header prefixes, `ZX(?:l[B-EJ-M]|d[r-y]|c[w-z])`,
 *    starts a base64-wrapped token; base64 of `:` + the prefix at each of the three byte
 *    alignments (`6ZX…`, `OmV…`, `ple…`/`pld…`) marks a `user:token` blob (Docker/npm auth)
 *    inside its run; `vN.local.` starts an encrypted PASETO token; `.eJ[w-z]` (`.` + base64url
 *    of a zlib header, 78 9C) a compressed Flask/Django payload. The two passes' matches are
 *    merged in text order.
 * 2. A candidate counts only at a token boundary: the previous character is not a base64url
 *    character and not `.` (so we never start inside a run or a later segment). This is
 *    checked again in JavaScript (a range scan searches a slice, whose lookbehind cannot see
 *    the text before it); a candidate rejected there skips the rest of its run in one step.
 *    The in-run `user:token` anchors look back to the start of their base64 run instead.
 * 3. A bounded forward walk reads at most 6 segments and at most `maxTokenLength` characters.
 *    Every walk starts at a boundary and stops at the first non-token character, so each
 *    character is examined by at most a small constant number of walks. An SD-JWT's `~` parts
 *    and a wrapper's base64 run are walked the same way, once each, and the scan resumes after
 *    them.
 * 4. Strict header check (`readProtectedHeader`): the header segment base64url-decodes to a
 *    JSON object with a string `alg` (RFC 7515 §4.1.1); a five-segment JWE also needs a
 *    string `enc` (RFC 7516 §4.1.2). A JSON object without `alg` followed by an itsdangerous
 *    timestamp and signature (or `:timestamp:signature`) is a signed cookie, not a token.
 *    A wrapper's decoding is scanned again (without unwrapping) and counts only when it is
 *    one whole token.
 *
 * @packageDocumentation
 */
import { compactKind, readProtectedHeader } from './header';
import type { ProtectedHeader } from './header';
import { isBase64Char } from './shapes/base64';
import { unwrapBase64Token, MAX_WRAPPED_USER_LENGTH } from './shapes/wrapped';
import type { FindTokensOptions, PasetoPurpose, PasetoVersion, SignedCookieFormat, TokenContext, TokenKind, TokenMatch } from './types';

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
/** A run of either base64 alphabet (a wrapper's text). */
const BASE64_RUN = /[A-Za-z0-9+/_-]*/;

const DOT = 46; // '.'
const TILDE = 126; // '~'
const COLON = 58; // ':'

/** Shortest header segment with a string `alg`: `{"alg":""}` is 10 bytes, 14 base64url characters. */
const MIN_HEADER_LENGTH = 14;

/**
 * Candidate search (strategy, steps 1–2): every alternative starts with `e` (irregexp skips to
 * that one character natively; a second first character halves the rate) and is
 * CANDIDATE_LENGTH characters long. A `.` before the `e` is let through for the PASETO
 * `vN.public.eyJ…` payload; the JavaScript checks after it (boundary, walk) remain the
 * authority, since a range scan searches a slice whose lookbehind cannot see the text before it.
 */
const CANDIDATE = /(?<![A-Za-z0-9_-])e(?:y[A-DI-L]|w[k-r0-3])[A-Za-z0-9_-]{11}/;

/**
 * The second pass of a thorough scan (strategy, step 1b): the shapes with no `e` anchor. Base64
 * of a JOSE header (`ZX…`) starts a wrapped token; base64 of `:` + a header at byte alignments
 * 0, 1 and 2 (`6ZX…`, `OmV…`, `ple…`/`pld…`) marks a `user:token` blob inside its run;
 * `vN.local.` starts an encrypted PASETO token; `.eJ[w-z]` (`.` + base64url of a zlib header,
 * 78 9C) starts a compressed Flask or Django payload.
 */
const THOROUGH_CANDIDATE = new RegExp(
  '(?<![A-Za-z0-9_.-])(?:ZX(?:l[B-EJ-M]|d[r-y]|c[w-z])[A-Za-z0-9+/_-]{10}|v[1-4]\\.local\\.[A-Za-z0-9_-]{5}|\\.eJ[w-z][A-Za-z0-9_-]{10})' +
    '|6ZX(?:l[B-EJ-M]|d[r-y]|c[w-z])[A-Za-z0-9+/_-]{9}' +
    '|OmV(?:5[Q-T]|3[a-cM])[A-Za-z0-9+/_-]{9}' +
    '|pl(?:eU|d[23z])[A-Za-z0-9+/_-]{10}',
);
/** Characters {@link CANDIDATE} reads from a candidate start. */
const CANDIDATE_LENGTH = MIN_HEADER_LENGTH;

/**
 * Characters a candidate of either pattern spans with the one character its lookbehind reads
 * (every alternative of both matches 14 characters): windows of a text that overlap by this
 * many characters hold every candidate of the text whole, so {@link mayHoldToken} over them
 * misses none (a window's first character has nothing before it, so a window can only say yes
 * more often than the whole text).
 */
export const CANDIDATE_SPAN = CANDIDATE_LENGTH + 1;

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

/** A first segment that is a JSON object without `alg`: a signed cookie's payload, not a header. */
const NO_ALG = 'no-alg';
type HeaderReading = ProtectedHeader['header'] | typeof NO_ALG | null;

/**
 * The working state of one {@link findTokens} call, made once per call and passed down, so the
 * walk reuses its segment arrays instead of allocating per candidate (adversarial inputs
 * produce one candidate every few characters).
 */
class Scan {
  readonly candidate = new RegExp(CANDIDATE.source, 'g');
  readonly thoroughCandidate = new RegExp(THOROUGH_CANDIDATE.source, 'g');
  readonly segmentRun = new RegExp(SEGMENT_RUN.source, 'y');
  readonly dottedRun = new RegExp(DOTTED_RUN.source, 'y');
  readonly base64Run = new RegExp(BASE64_RUN.source, 'y');
  /** The last walk's segments: [start, end) of the base64url text and `=` padding count. */
  readonly segStart = new Int32Array(MAX_SEGMENTS);
  readonly segEnd = new Int32Array(MAX_SEGMENTS);
  readonly segPadding = new Int32Array(MAX_SEGMENTS);
  /** Offset where the last walk stopped. */
  walkEnd = 0;
  /**
   * Header segments read so far → header (NO_ALG: a JSON object without `alg`; null: not a
   * header). Tokens from one issuer share a header byte for byte, so a token-dense file reads
   * each header once.
   */
  readonly headers = new Map<string, HeaderReading>();
  /** Where the search goes on after a candidate that is not a token. */
  resume = 0;
  /** Start of the scanned range (a wrapper starting before it is not in the range). */
  rangeStart = 0;

  /** The scan of wrappers' decodings, made once and reused for each (see {@link Scan.inner}). */
  private innerScan: Scan | undefined;

  constructor(
    /** The scanned text; an inner scan is pointed at each wrapper's decoding in turn. */
    public text: string,
    readonly maxTokenLength: number,
    /** Whether the second pass runs (never inside a wrapper's decoding: a token is unwrapped once). */
    readonly thorough: boolean,
  ) {}

  /** A one-pass scan of `text` (a wrapper's decoding), reusing one Scan for every wrapper. */
  inner(text: string): Scan {
    const scan = (this.innerScan ??= new Scan(text, this.maxTokenLength, false));
    scan.text = text;
    scan.resume = 0;
    scan.rangeStart = 0;
    return scan;
  }
}

/** A walked run that is a token. */
interface Classified {
  readonly kind: TokenKind;
  readonly end: number;
  readonly header: ProtectedHeader['header'];
  readonly padded: boolean;
}

/** What a first segment is, read through the scan's header cache. */
function headerReading(scan: Scan, segment: string): HeaderReading {
  let header = scan.headers.get(segment);
  if (header === undefined) {
    const read = readProtectedHeader(segment);
    header = read.ok ? read.value.header : read.error.code === 'ERR_HEADER_ALG' ? NO_ALG : null;
    if (segment.length <= HEADER_CACHE_MAX_SEGMENT) {
      if (scan.headers.size >= HEADER_CACHE_SIZE) scan.headers.delete(scan.headers.keys().next().value as string);
      scan.headers.set(segment, header);
    }
  }
  return header;
}

/**
 * The header of a candidate (strategy, step 4), or undefined when the candidate is not a
 * token: an ordinary string that happens to start with `ey`.
 */
function readHeader(scan: Scan, segment: string, jwe: boolean): ProtectedHeader['header'] | undefined {
  const header = headerReading(scan, segment);
  if (header === null || header === NO_ALG || (jwe && typeof header['enc'] !== 'string')) return undefined;
  return header;
}

/**
 * Walks forward from `start` over `segment(.segment)*`, at most MAX_SEGMENTS segments and up
 * to `limit`. Fills the scan's segment arrays; returns the segment count (0: not a token)
 * and stores the end offset in `scan.walkEnd`. `=` padding (at most 2) is accepted at the end
 * of a segment only when a `.` or a non-token character follows, so `token=eyJ…&x=1` and
 * `a=b` keep their `=` as punctuation. `known`: how many characters from `start` are known to
 * be base64url (the candidate pattern's match), so the walk does not read them again.
 */
function walk(scan: Scan, start: number, limit: number, known = 0): number {
  const { text, segStart, segEnd, segPadding } = scan;
  let count = 0;
  let i = start;
  for (;;) {
    const first = i;
    // The first `known` characters are base64url already (the candidate pattern matched them).
    i = runEnd(text, count === 0 ? i + known : i, scan.segmentRun, false);
    // The run goes on past maxTokenLength: too long to be a token (and not worth decoding).
    if (i > limit) return notAToken(scan, i);
    // Words such as `eyes` or `eyebrow` end here: no header with `alg` is that short.
    if (count === 0 && i - first < MIN_HEADER_LENGTH) return notAToken(scan, i);
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
      if (count >= MAX_SEGMENTS) return notAToken(scan, i);
      i++;
      continue;
    }
    scan.walkEnd = i;
    return count;
  }
}

/**
 * A walk that found no token stops at `at`. Everything it read is base64url, `.` or `=`
 * padding followed by `.`, so no token starts before `at` ({@link atBoundary} is false at each
 * of those positions; a PASETO `vN.public.` prefix cannot start inside a dotted run either):
 * the search resumes there instead of at the next character, which made a run of dotted names
 * (`header.a.b.c.d.e.f` × 15k) cost one walk per candidate and a regex pass per character.
 */
function notAToken(scan: Scan, at: number): 0 {
  scan.walkEnd = at;
  return 0;
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
  const kind = compactKind(header, count, segEnd[2] === segStart[2]);
  return { kind, end, header, padded };
}

/** A found token before its context is read: every field of its match but `context`. */
type Found = TokenMatch extends infer M ? (M extends TokenMatch ? Omit<M, 'context'> : never) : never;

// ---------------------------------------------------------------------------------------
// SD-JWT (RFC 9901 §4): `<issuer JWT>~<disclosure>~…~<disclosure>~[<KB-JWT>]`.
// ---------------------------------------------------------------------------------------

/** Shortest disclosure: base64url of `["s","n",1]`-like arrays is longer than this. */
const MIN_DISCLOSURE_LENGTH = 8;

/** The issuer JWT's header says SD-JWT (`typ` `sd-jwt`, `vc+sd-jwt`, `dc+sd-jwt`, `example+sd-jwt`, RFC 9901 §9.11). */
function sdJwtTyped(header: ProtectedHeader['header']): boolean {
  const typ = header['typ'];
  return typeof typ === 'string' && /(?:^|\+)sd-jwt$/i.test(typ);
}

/**
 * Reads the `~` parts after a JWS that ends at `jwtEnd` (where a `~` is). A disclosure is
 * base64url of a JSON array (`[` + `"` or whitespace: `W[wy]…`) followed by `~`; a last part
 * with dots is a key-binding JWT. Stops at the first part that is neither, so the presentation
 * ends at its last `~` (RFC 9901 §4: an SD-JWT without key binding ends with `~`).
 */
function sdJwtTail(scan: Scan, jwtEnd: number, limit: number): { end: number; disclosures: number; keyBinding: boolean } {
  const { text } = scan;
  let pos = jwtEnd;
  let disclosures = 0;
  while (pos < limit && text.charCodeAt(pos) === TILDE) {
    const from = pos + 1;
    const partEnd = runEnd(text, from, scan.segmentRun, false);
    if (partEnd > limit) break;
    const next = text.charCodeAt(partEnd);
    if (next === TILDE && partEnd - from >= MIN_DISCLOSURE_LENGTH && text.charCodeAt(from) === 87 /* W */) {
      const second = text.charCodeAt(from + 1);
      if (second === 121 /* y */ || second === 119 /* w */) {
        disclosures++;
        pos = partEnd;
        continue;
      }
    }
    if (next === DOT) {
      const count = walk(scan, from, limit);
      const kb = count === 0 ? undefined : classify(scan, count);
      // A key-binding JWT is signed (RFC 9901 §4.3): a stripped one is not taken for one.
      if (kb !== undefined && kb.kind === 'jws' && count === 3 && scan.segEnd[2] > scan.segStart[2]) return { end: kb.end, disclosures, keyBinding: true };
    }
    return { end: from, disclosures, keyBinding: false };
  }
  return { end: pos < limit && text.charCodeAt(pos) === TILDE ? pos + 1 : pos, disclosures, keyBinding: false };
}

// ---------------------------------------------------------------------------------------
// Signed cookies: Flask/itsdangerous `payload.timestamp.signature`, Django
// `payload:timestamp:signature` (payload base64url JSON, or `.` + base64url zlib when compressed).
// ---------------------------------------------------------------------------------------

/** Signature lengths in base64url characters: HMAC-SHA1 (20 bytes, 27) to HMAC-SHA512 (64 bytes, 86). */
const MIN_COOKIE_SIGNATURE = 27;
const MAX_COOKIE_SIGNATURE = 86;

/** A base64url segment that decodes to a 4- or 5-byte big-endian time in 2001–2106 (itsdangerous `int_to_bytes`). */
function itsdangerousTimestamp(text: string, start: number, end: number): boolean {
  if (end - start !== 6 && end - start !== 7) return false;
  let value = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 71 : c >= 48 && c <= 57 ? c + 4 : c === 45 ? 62 : c === 95 ? 63 : -1;
    if (v < 0) return false;
    value = value * 64 + v;
    bits += 6;
  }
  const seconds = Math.floor(value / 2 ** (bits % 8));
  return seconds >= 1e9 && seconds < 2 ** 32;
}

/** Flask: the walk read `payload.timestamp.signature` with a payload that is no JOSE header. */
function flaskCookie(scan: Scan, count: number, compressed: boolean): number | undefined {
  const { text, segStart, segEnd, segPadding } = scan;
  if (count !== 3 || segPadding[0] + segPadding[1] + segPadding[2] > 0) return undefined;
  if (!itsdangerousTimestamp(text, segStart[1], segEnd[1])) return undefined;
  const signature = segEnd[2] - segStart[2];
  if (signature < MIN_COOKIE_SIGNATURE || signature > MAX_COOKIE_SIGNATURE) return undefined;
  if (!compressed && headerReading(scan, text.slice(segStart[0], segEnd[0])) !== NO_ALG) return undefined;
  return scan.walkEnd;
}

/** Django: the walk stopped at `:` after the payload; reads `:timestamp:signature` (timestamp base62). */
function djangoSigned(scan: Scan, count: number, compressed: boolean, limit: number): number | undefined {
  const { text, segStart, segEnd, segPadding } = scan;
  if (count !== 1 || segPadding[0] > 0 || text.charCodeAt(scan.walkEnd) !== COLON) return undefined;
  let i = scan.walkEnd + 1;
  const stampStart = i;
  while (i < limit && i - stampStart <= 12 && isBase64Url(text.charCodeAt(i)) && text.charCodeAt(i) !== 45 && text.charCodeAt(i) !== 95) i++;
  if (i === stampStart || i - stampStart > 12 || text.charCodeAt(i) !== COLON) return undefined;
  const signatureStart = i + 1;
  const end = runEnd(text, signatureStart, scan.segmentRun, false);
  const signature = end - signatureStart;
  if (end > limit || signature < MIN_COOKIE_SIGNATURE || signature > MAX_COOKIE_SIGNATURE) return undefined;
  const next = text.charCodeAt(end);
  if (next === COLON || next === DOT || next === EQUALS) return undefined;
  if (!compressed && headerReading(scan, text.slice(segStart[0], segEnd[0])) === null) return undefined;
  return end;
}

// ---------------------------------------------------------------------------------------
// PASETO: `vN.local.payload[.footer]` / `vN.public.payload[.footer]`.
// ---------------------------------------------------------------------------------------

/**
 * Fewest payload bytes per version and purpose: public = the signature (v1 RSA-PSS 256, v2/v4
 * Ed25519 64, v3 P-384 96), local = nonce + tag (v1/v3 32 + 48, v2 24 + 16, v4 32 + 32).
 */
const PASETO_MIN_PAYLOAD: Readonly<Record<PasetoVersion, Readonly<Record<PasetoPurpose, number>>>> = {
  v1: { public: 256, local: 80 },
  v2: { public: 64, local: 40 },
  v3: { public: 96, local: 80 },
  v4: { public: 64, local: 64 },
};

function pasetoAt(scan: Scan, start: number, limit: number): Found | undefined {
  const { text } = scan;
  const version = `v${text.charAt(start + 1)}` as PasetoVersion;
  const purpose: PasetoPurpose = text.charCodeAt(start + 3) === 108 /* l */ ? 'local' : 'public';
  const payloadStart = start + (purpose === 'local' ? 9 : 10);
  const payloadEnd = runEnd(text, payloadStart, scan.segmentRun, false);
  if (payloadEnd > limit || (payloadEnd - payloadStart) % 4 === 1) return undefined;
  if (Math.floor(((payloadEnd - payloadStart) * 3) / 4) < PASETO_MIN_PAYLOAD[version][purpose]) return undefined;
  let end = payloadEnd;
  if (text.charCodeAt(end) === DOT && isBase64Url(text.charCodeAt(end + 1))) {
    end = runEnd(text, end + 1, scan.segmentRun, false);
    if (end > limit || (end - payloadEnd - 1) % 4 === 1) return undefined;
    // A fifth dotted part: not a PASETO token.
    if (text.charCodeAt(end) === DOT && isBase64Url(text.charCodeAt(end + 1))) return undefined;
  }
  return { shape: 'paseto', start, end, token: text.slice(start, end), version, purpose };
}

// ---------------------------------------------------------------------------------------
// Base64-wrapped tokens.
// ---------------------------------------------------------------------------------------

/** Longest wrapper read: base64 of `user:` (at most MAX_WRAPPED_USER_LENGTH + 1) + a token + `\r\n`. */
function wrapperLimit(maxTokenLength: number): number {
  return Math.ceil((maxTokenLength + MAX_WRAPPED_USER_LENGTH + 3) / 3) * 4;
}

/** End of the base64 run (either alphabet) at `from`, plus up to two `=`. */
function base64RunEnd(scan: Scan, from: number): number {
  scan.base64Run.lastIndex = from;
  scan.base64Run.test(scan.text);
  let end = scan.base64Run.lastIndex;
  if (scan.text.charCodeAt(end) === EQUALS) end++;
  if (scan.text.charCodeAt(end) === EQUALS) end++;
  return end;
}

/**
 * The base64 run from `start` to `end` when its decoding is exactly one token (after a
 * `user:` prefix and a trailing newline): that token at the wrapper's range. The decoding is
 * scanned by the same scanner, without unwrapping again.
 */
function wrappedAt(scan: Scan, start: number, end: number): Found | undefined {
  const { text } = scan;
  if (end - start > wrapperLimit(scan.maxTokenLength)) return undefined;
  const next = text.charCodeAt(end);
  if (next === DOT || next === EQUALS) return undefined;
  const unwrapped = unwrapBase64Token(text.slice(start, end));
  if (!unwrapped.ok) return undefined;
  const inner = unwrapped.value.inner;
  if (inner.length === 0 || inner.length > scan.maxTokenLength) return undefined;
  const innerScan = scan.inner(inner);
  let match: Found | undefined;
  if (inner.charCodeAt(0) === 118 /* v */) match = pasetoAt(innerScan, 0, inner.length);
  else {
    const found = scanFor(innerScan, innerScan.candidate, candidateAt, { start: 0, end: inner.length, haystack: inner, offset: 0 });
    if (found.length === 1) match = found[0];
  }
  if (match === undefined || match.start !== 0 || match.end !== inner.length) return undefined;
  // The inner match at the wrapper's range (its context is read again, at the wrapper).
  return { ...match, start, end, wrapped: 'base64' };
}

/** Start of the base64 run holding `offset`, or -1 when it reaches back further than `window`. */
function base64RunStart(text: string, offset: number, window: number): number {
  const floor = offset - window;
  let i = offset;
  while (i > 0 && isBase64Char(text.charCodeAt(i - 1))) {
    if (--i < floor) return -1;
  }
  return i;
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

/** A JWS at `start` (classified), or the SD-JWT it begins when `~` parts follow it. */
function joseAt(scan: Scan, start: number, token: Classified, limit: number): Found {
  const { text } = scan;
  const alg = token.header.alg;
  if (token.kind === 'jws' && text.charCodeAt(token.end) === TILDE) {
    const tail = sdJwtTail(scan, token.end, limit);
    if (tail.disclosures > 0 || tail.keyBinding || sdJwtTyped(token.header)) {
      return {
        shape: 'sd-jwt',
        start,
        end: tail.end,
        token: text.slice(start, token.end),
        kind: 'jws',
        alg,
        padded: token.padded,
        presentation: text.slice(start, tail.end),
        disclosures: tail.disclosures,
        keyBinding: tail.keyBinding,
      };
    }
  }
  const end = token.kind === 'jws' ? placeholderEnd(text, token.end, limit) : token.end;
  return { shape: 'jose', start, end, token: text.slice(start, end), kind: token.kind, alg, padded: token.padded };
}

/** Longest signature placeholder taken into a token (`{a lot of characters here}`, `<signature>`). */
const MAX_PLACEHOLDER_LENGTH = 64;

/**
 * Where a docs placeholder standing for the signature ends: `eyJ….eyJ….{…}` or `<…>` right
 * after the last dot, closed on the same line within {@link MAX_PLACEHOLDER_LENGTH}. The token
 * then keeps it as its signature, which the decoder marks as not base64url (TL305), rather
 * than reading an empty signature as a stripped one. `end` itself when there is none.
 */
function placeholderEnd(text: string, end: number, limit: number): number {
  if (text.charCodeAt(end - 1) !== DOT) return end;
  const open = text.charCodeAt(end);
  const close = open === 0x7b /* { */ ? 0x7d : open === 0x3c /* < */ ? 0x3e : -1;
  if (close === -1) return end;
  const last = Math.min(text.length, limit, end + MAX_PLACEHOLDER_LENGTH);
  for (let i = end + 1; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === close) return i + 1;
    if (c === open || c === 0x0a || c === 0x0d) return end;
  }
  return end;
}

function signedCookie(scan: Scan, start: number, end: number, format: SignedCookieFormat, compressed: boolean): Found {
  return { shape: 'signed-cookie', start, end, token: scan.text.slice(start, end), format, compressed };
}

/** `vN.public.` ends right before `offset`. */
function pasetoPublicBefore(text: string, offset: number): boolean {
  const v = offset - 10;
  return v >= 0 && text.charCodeAt(v) === 118 /* v */ && /^[1-4]\.public\.$/.test(text.slice(v + 1, offset));
}

/**
 * What the `e` candidate at `i` is (strategy, steps 2–4), or undefined; either way
 * `scan.resume` says where the search goes on when nothing was found.
 */
function candidateAt(scan: Scan, i: number): Found | undefined {
  const { text } = scan;
  scan.resume = i + 1;
  if (i >= 10 && text.charCodeAt(i - 1) === DOT && pasetoPublicBefore(text, i) && atBoundary(text, i - 10)) {
    return pasetoAt(scan, i - 10, Math.min(text.length, i - 10 + scan.maxTokenLength));
  }
  if (!atBoundary(text, i)) {
    // Inside a base64url/dotted run: no token starts before the run ends, so skip it in one
    // pass instead of stopping at every candidate (a run of `eyJeyJ…` would cost one search each).
    scan.resume = runEnd(text, i + 3, scan.dottedRun, true);
    return undefined;
  }
  const limit = Math.min(text.length, i + scan.maxTokenLength);
  const count = walk(scan, i, limit, CANDIDATE_LENGTH);
  if (count === 0) {
    scan.resume = Math.max(scan.resume, scan.walkEnd);
    return undefined;
  }
  const token = classify(scan, count);
  if (token !== undefined) return joseAt(scan, i, token, limit);
  return signedCookieAt(scan, i, i, false, count);
}

/** A Flask or Django signed value starting at `start` whose payload starts at `payload`. */
function signedCookieAt(scan: Scan, start: number, payload: number, compressed: boolean, walked?: number): Found | undefined {
  const limit = Math.min(scan.text.length, start + scan.maxTokenLength);
  const count = walked ?? walk(scan, payload, limit);
  if (count === 0) return undefined;
  const flask = flaskCookie(scan, count, compressed);
  if (flask !== undefined) return signedCookie(scan, start, flask, 'flask', compressed);
  const django = djangoSigned(scan, count, compressed, limit);
  if (django !== undefined) return signedCookie(scan, start, django, 'django', compressed);
  return undefined;
}

/** What a thorough-pass candidate at `i` is: a wrapper, a `local` PASETO token or a compressed signed cookie. */
function thoroughCandidateAt(scan: Scan, i: number): Found | undefined {
  const { text } = scan;
  scan.resume = i + 1;
  const c = text.charCodeAt(i);
  if (c === 118 /* v */) return atBoundary(text, i) ? pasetoAt(scan, i, Math.min(text.length, i + scan.maxTokenLength)) : undefined;
  if (c === DOT) return atBoundary(text, i) ? signedCookieAt(scan, i, i + 1, true) : undefined;
  // Each base64 run is opened once: the search goes on after it (no wrapper starts inside one).
  const start = base64RunStart(text, i, wrapperLimit(scan.maxTokenLength));
  const end = base64RunEnd(scan, i);
  scan.resume = Math.max(end, i + 1);
  if (start < scan.rangeStart || (start > 0 && text.charCodeAt(start - 1) === DOT)) return undefined;
  return wrappedAt(scan, start, end);
}

/**
 * One candidate loop over `rangeStart`–`rangeEnd` of `scan.text`; `search` runs over
 * `haystack`, which is `scan.text` from `haystackOffset` on.
 */
function scanFor(
  scan: Scan,
  search: RegExp,
  at: (scan: Scan, i: number) => Found | undefined,
  range: { readonly start: number; readonly end: number; readonly haystack: string; readonly offset: number },
): TokenMatch[] {
  const matches: TokenMatch[] = [];
  const { text } = scan;
  const { haystack, offset } = range;
  scan.rangeStart = range.start;
  const nextCandidate = (from: number): number => {
    search.lastIndex = from - offset;
    return search.test(haystack) ? search.lastIndex - CANDIDATE_LENGTH + offset : -1;
  };
  let i = nextCandidate(range.start);
  while (i !== -1 && i < range.end) {
    const found = at(scan, i);
    if (found !== undefined) {
      matches.push({ ...found, context: contextAt(text, found.start) } as TokenMatch);
      i = nextCandidate(found.end);
      continue;
    }
    i = nextCandidate(scan.resume);
  }
  return matches;
}

/** Both passes' matches in text order; a match overlapping an earlier one is dropped. */
function mergeMatches(first: TokenMatch[], second: TokenMatch[]): TokenMatch[] {
  if (second.length === 0) return first;
  const merged: TokenMatch[] = [];
  let a = 0;
  let b = 0;
  let end = -1;
  while (a < first.length || b < second.length) {
    const next = b >= second.length || (a < first.length && first[a].start <= second[b].start) ? first[a++] : second[b++];
    if (next.start >= end) {
      merged.push(next);
      end = next.end;
    }
  }
  return merged;
}

/**
 * Finds every token in `text`: compact JWS, unsecured JWS and JWE (`shape: 'jose'`), SD-JWTs,
 * PASETO tokens and Flask/Django signed cookies (labelled, not decoded as JWTs), and any of
 * these base64-wrapped (`wrapped: 'base64'`, at the wrapper's range).
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
  if (typeof text !== 'string' || text.length === 0) return [];
  const maxTokenLength = tokenLengthLimit(options.maxTokenLength);
  const rangeStart = clamp(options.rangeStart ?? 0, 0, text.length);
  const rangeEnd = clamp(options.rangeEnd ?? text.length, rangeStart, text.length);

  // One regex pass over the candidate prefixes (see the strategy above). A range is searched
  // through a slice (V8 makes it a view, no copy), so the search never runs far past
  // `rangeEnd`: a per-line scan of a huge document stays per-line. The slice reaches far
  // enough past `rangeEnd` for a token starting just before it to match. Everything else
  // (boundary check, walk, context) reads the whole text.
  const whole = rangeStart === 0 && rangeEnd === text.length;
  const haystack = whole ? text : text.slice(rangeStart, Math.min(text.length, rangeEnd + CANDIDATE_LENGTH - 1));
  const range = { start: rangeStart, end: rangeEnd, haystack, offset: whole ? 0 : rangeStart };
  const scan = new Scan(text, maxTokenLength, options.thorough === true);
  const found = scanFor(scan, scan.candidate, candidateAt, range);
  return scan.thorough ? mergeMatches(found, scanFor(scan, scan.thoroughCandidate, thoroughCandidateAt, range)) : found;
}

/**
 * Whether `text` holds a candidate (strategy, steps 1 and 1b; the same two patterns): when
 * false, `findTokens(text, { thorough })` finds nothing, over any range (a range scan's
 * candidates are a subset, its JavaScript checks stricter than the lookbehind). Candidates are
 * ASCII and UTF-8 keeps ASCII bytes as they are, so the latin1 reading of a file's bytes answers
 * as its decoded text would: the CLI asks this before decoding a file. Total.
 *
 * @example mayHoldToken(bytes.toString('latin1'), thoroughScanFor(path)) || skipDecoding()
 */
export function mayHoldToken(text: string, thorough = false): boolean {
  if (typeof text !== 'string') return false;
  return CANDIDATE.test(text) || (thorough === true && THOROUGH_CANDIDATE.test(text));
}

/** Files worth the second pass: configuration (YAML, JSON, TOML, INI, `.env`, `.npmrc`, `.properties`, Terraform variables, Docker/kube `config`) and HTTP request files (`.http`, `.rest`: cookies, PASETO). */
const THOROUGH_FILE = /(?:\.(?:ya?ml|json|jsonc|toml|ini|cfg|conf|properties|tfvars|env|http|rest)|(?:^|[\\/])(?:\.npmrc|\.yarnrc|\.env(?:\.[\w.-]+)?|\.dockercfg|config))$/i;

/**
 * Whether a scan of the file named `fileName` should be `thorough` (find base64-wrapped tokens,
 * PASETO `local` tokens and compressed Flask/Django cookies too): true for configuration files,
 * where Kubernetes Secrets, Helm values and Docker/npm credentials keep tokens base64-encoded,
 * and for `.http`/`.rest` request files. Logs and source files get the one-pass scan; a
 * one-line scan (`findTokenAt`, for a hover) is cheap enough to be thorough always. Total.
 *
 * @example findTokens(text, { thorough: thoroughScanFor('k8s/secret.yaml') })
 */
export function thoroughScanFor(fileName: string): boolean {
  return typeof fileName === 'string' && THOROUGH_FILE.test(fileName);
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
  const matches = findTokens(text, { maxTokenLength, rangeStart: from, rangeEnd: to, thorough: options.thorough === true });
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
