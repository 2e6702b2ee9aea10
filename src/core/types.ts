/**
 * Public types of the Token Lens core: the contract every front end (extension, webview,
 * CLI) codes against. Pure TypeScript: no `vscode`, no Node-only API.
 *
 * @packageDocumentation
 */

// ---------------------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------------------

/**
 * Kind of compact token.
 * - `jws`: three segments and a header without `enc` (RFC 7515 §7.1), unless it is unsecured.
 *   A non-`none` `alg` with an empty signature is still a JWS: one whose signature was
 *   stripped (finding TL218), never "unsecured".
 * - `unsecured`: `alg: "none"` (any letter case) and an empty signature (RFC 7515 Appendix A.5,
 *   RFC 7519 §6).
 * - `jwe`: five segments (RFC 7516 §7.1), or three whose header has `enc` (RFC 7516 §9: a
 *   truncated JWE, decoded with its missing segments in `segmentErrors`).
 */
export type TokenKind = 'jws' | 'unsecured' | 'jwe';

/** Where a token sits in the surrounding text. */
export type TokenContextKind =
  /** `Authorization: Bearer <token>` (also `Proxy-Authorization`, any scheme). */
  | 'authorization'
  /** `Cookie: name=<token>`; `name` is the cookie name. */
  | 'cookie'
  /** `Set-Cookie: name=<token>; …`; `name` is the cookie name. */
  | 'set-cookie'
  /** Any other HTTP header line `X-Token: <token>`; `name` is the header name. */
  | 'header'
  /** `.http`/`.rest` file variable `@name = <token>`; `name` is the variable name. */
  | 'http-variable'
  /** JSON member `"name": "<token>"`; `name` is the key. */
  | 'json-key'
  /** URL query/fragment parameter `?name=<token>` / `&name=` / `#name=`; `name` is the parameter. */
  | 'query-param'
  /** `.env` line or code assignment `NAME=<token>`, `name: <token>`, `const name = "<token>"`. */
  | 'assignment'
  /** None of the above. */
  | 'bare';

/** The context a token was found in. */
export interface TokenContext {
  readonly kind: TokenContextKind;
  /** Cookie, header, variable, JSON key, parameter or assignment name, when there is one. */
  readonly name?: string;
  /** Authorization scheme (`Bearer`, `DPoP`, …) for `authorization`. */
  readonly scheme?: string;
}

/**
 * The shapes the scanner recognises, the discriminant of {@link TokenMatch}:
 * - `jose`: a compact JWS, unsecured JWS or JWE (RFC 7515 §7.1, RFC 7516 §7.1).
 * - `sd-jwt`: a Selective Disclosure JWT, `<issuer JWT>~<disclosure>~…~[<KB-JWT>]` (RFC 9901 §4).
 * - `paseto`: a PASETO token `vN.purpose.payload[.footer]` (`v1`–`v4`, `local` or `public`).
 * - `signed-cookie`: a look-alike that is not a JOSE token: a Flask/itsdangerous session cookie
 *   (`payload.timestamp.signature`) or a Django signed value (`payload:timestamp:signature`).
 */
export type TokenShape = 'jose' | 'sd-jwt' | 'paseto' | 'signed-cookie';

/** What every {@link TokenMatch} has, whatever its shape. */
export interface TokenMatchBase {
  /** Offset of the first character of the found text (of the wrapper when `wrapped`). */
  readonly start: number;
  /** Offset one past the last character of the found text (of the wrapper when `wrapped`). */
  readonly end: number;
  /**
   * What `decodeToken`, `inspectToken` and `verifyToken` take: `text.slice(start, end)`, except
   * that a `wrapped` token is the decoded inner text and an SD-JWT is its issuer-signed JWT
   * (its whole text is `presentation`). A PASETO or a signed cookie is its own text, which
   * `decodeToken` labels with `ERR_NOT_JOSE`.
   */
  readonly token: string;
  readonly context: TokenContext;
  /**
   * Set when the token was found base64-encoded (a Kubernetes Secret `data:` value, Helm
   * values, a Docker/npm `auth` blob): `start`–`end` is the base64 text, `token` the decoded
   * token. {@link unwrapBase64Token} gives the details (alphabet, padding, a `user:` prefix).
   */
  readonly wrapped?: 'base64';
}

/** A compact JWS, unsecured JWS or JWE. */
export interface JoseTokenMatch extends TokenMatchBase {
  readonly shape: 'jose';
  readonly kind: TokenKind;
  /** Header `alg` (always present: a candidate without a string `alg` is not a token). */
  readonly alg: string;
  /** True when at least one segment carries `=` padding (non-standard base64url, e.g. AWS ALB). */
  readonly padded: boolean;
}

/** An SD-JWT (RFC 9901 §4): `token` is the issuer-signed JWT, `presentation` the whole text. */
export interface SdJwtTokenMatch extends TokenMatchBase {
  readonly shape: 'sd-jwt';
  /** The issuer-signed JWT is a JWS (RFC 9901 §4: it must be signed). */
  readonly kind: 'jws';
  readonly alg: string;
  readonly padded: boolean;
  /** The whole SD-JWT (issuer JWT, disclosures, optional key-binding JWT), for `inspectSdJwt`. */
  readonly presentation: string;
  /** Number of disclosures presented. */
  readonly disclosures: number;
  /** True when a key-binding JWT ends the presentation (an SD-JWT+KB, RFC 9901 §4.3). */
  readonly keyBinding: boolean;
}

/** PASETO versions and purposes (PASETO spec, "Versions" and "Purposes"). */
export type PasetoVersion = 'v1' | 'v2' | 'v3' | 'v4';
export type PasetoPurpose = 'local' | 'public';

/** A PASETO token; `local` tokens are encrypted, `public` ones signed. */
export interface PasetoTokenMatch extends TokenMatchBase {
  readonly shape: 'paseto';
  readonly version: PasetoVersion;
  readonly purpose: PasetoPurpose;
}

/** Signed-cookie formats that look like tokens but are not JOSE. */
export type SignedCookieFormat = 'flask' | 'django';

/** A Flask/itsdangerous session cookie or a Django signed value: labelled, never decoded as a JWT. */
export interface SignedCookieMatch extends TokenMatchBase {
  readonly shape: 'signed-cookie';
  readonly format: SignedCookieFormat;
  /** True for the zlib-compressed form (a leading `.` before the payload). */
  readonly compressed: boolean;
}

/**
 * One token found by {@link findTokens}, discriminated by `shape`. Offsets are UTF-16 code unit
 * offsets into the scanned text.
 */
export type TokenMatch = JoseTokenMatch | SdJwtTokenMatch | PasetoTokenMatch | SignedCookieMatch;

/** Options of {@link findTokens}. */
export interface FindTokensOptions {
  /** Longest token accepted, in characters. Default {@link DEFAULT_MAX_TOKEN_LENGTH} (64 KiB). */
  readonly maxTokenLength?: number;
  /** Only scan `text.slice(rangeStart, rangeEnd)`; offsets stay relative to `text`. Context is read from the text before `rangeStart` on the same line. */
  readonly rangeStart?: number;
  readonly rangeEnd?: number;
  /**
   * Also find the shapes that no `e` starts: base64-wrapped tokens (`wrapped: 'base64'`) and
   * PASETO `local` tokens. This is a second pass over the text (about a quarter of the first
   * on a log), so it is off by default; `thoroughScanFor(fileName)` turns it on for
   * configuration files, where Kubernetes Secrets, Helm values and Docker/npm auth keep
   * tokens base64-encoded. Default false.
   */
  readonly thorough?: boolean;
}

// ---------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------

/**
 * Stable codes of decode and inspection failures, one per distinct failure. Callers switch on
 * these, never on message text.
 */
export type TokenErrorCode =
  /** Nothing to decode. */
  | 'ERR_EMPTY'
  /** Not 3 (JWS) or 5 (JWE) dot-separated segments. */
  | 'ERR_SEGMENT_COUNT'
  /** Longer than the reader accepts. */
  | 'ERR_TOO_LONG'
  /** A segment that is not strict base64url (`segment` says which). */
  | 'ERR_BASE64URL'
  /** The header is not UTF-8 JSON. */
  | 'ERR_HEADER_NOT_JSON'
  /** The header is JSON but not an object. */
  | 'ERR_HEADER_NOT_OBJECT'
  /** The header has no string `alg` (RFC 7515 §4.1.1). */
  | 'ERR_HEADER_ALG'
  /** A JWE header has no string `enc` (RFC 7516 §4.1.2). */
  | 'ERR_HEADER_ENC'
  /** Pasted text holds more than one different token. */
  | 'ERR_MULTIPLE_TOKENS'
  /** Pasted text has a token's shape, but the scanner does not take it for one (e.g. a JWE with an empty ciphertext). */
  | 'ERR_NOT_COMPACT'
  /** The text is a token of another shape (PASETO, a Flask or Django signed cookie, an SD-JWT presentation): the message says which. */
  | 'ERR_NOT_JOSE'
  /** The decoder itself failed (an engine error such as running out of memory), not the token. */
  | 'ERR_DECODE_FAILED'
  /** The token decoded, but analysing it failed (an engine error or a fault in an analysis). */
  | 'ERR_ANALYSIS_FAILED';

/** A typed, user-presentable decode error (one line, no token text in it). */
export interface TokenError {
  readonly code: TokenErrorCode;
  /** One clear sentence, e.g. "Failed to base64url decode the header segment". */
  readonly message: string;
  /** The `MESSAGE_TEXTS` id and params `message` was written from (present `messageText` writes it in the display language). */
  readonly textId?: string;
  readonly params?: readonly FindingParam[];
  /** Which segment, when it applies. */
  readonly segment?: 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag';
  /**
   * What could still be read when the header could not (a decode error of a three- or
   * five-segment token): a JWS payload, when it decodes, and every segment's error. A token
   * whose header reads is never an error: it decodes, with {@link DecodedToken.segmentErrors}.
   */
  readonly partial?: PartialToken;
}

/** What a failing segment has wrong with it. */
export type SegmentErrorCode =
  /** The segment is empty where it may not be (the header). */
  | 'empty'
  /** A character outside the base64url alphabet (RFC 4648 §5): `offset` is the first one. */
  | 'base64url'
  /** `=` that is not one or two trailing padding characters: `offset` is the first one. */
  | 'padding'
  /** 4n+1 characters: no base64url text has that length (a token cut short, or a placeholder such as `signature`). */
  | 'length'
  /** The decoded bytes are not UTF-8 (the header). */
  | 'utf8'
  /** UTF-8 that is not a JSON object with a string `alg` (the header). */
  | 'json'
  /** The segment is not there at all (a JWE header on three segments: a truncated JWE). */
  | 'missing';

/** One segment that did not decode, and why. */
export interface SegmentError {
  readonly segment: SegmentSize['name'];
  readonly code: SegmentErrorCode;
  /** One sentence naming the segment, e.g. "The signature segment is not base64url: character 12 is '{'". */
  readonly message: string;
  /** The `MESSAGE_TEXTS` id and params `message` was written from (present `messageText`). */
  readonly textId?: string;
  readonly params?: readonly FindingParam[];
  /** Offset within the segment of the first offending character (`base64url`, `padding`). */
  readonly offset?: number;
}

/** The readable parts of a token whose header does not read ({@link TokenError.partial}). */
export interface PartialToken {
  /** The JWS payload, when its segment decodes (absent for a JWE, or a payload that does not). */
  readonly payload?: DecodedPayload;
  /** Every segment that failed, the header first. */
  readonly segmentErrors: readonly SegmentError[];
}

/** Result type of total functions: a value or a typed error, never an exception. */
export type Result<T, E = TokenError> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

// ---------------------------------------------------------------------------------------
// Decoder
// ---------------------------------------------------------------------------------------

/** JSON value as parsed (objects are null-prototype-safe: `__proto__` is an own key). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The payload of a decoded token. */
export type DecodedPayload =
  /** A JSON object: the JWT claims set (RFC 7519 §4). */
  | { readonly type: 'claims'; readonly claims: JsonObject; readonly json: string }
  /** Valid JSON that is not an object (`null`, `[]`, `"str"`, `42`). */
  | { readonly type: 'json'; readonly value: JsonValue; readonly json: string }
  /** UTF-8 text that is not JSON. */
  | { readonly type: 'text'; readonly text: string }
  /** Bytes that are not valid UTF-8 (or undecodable base64url). */
  | { readonly type: 'bytes'; readonly byteLength: number; readonly reason: string }
  /** JWE: the payload is encrypted. */
  | { readonly type: 'encrypted'; readonly ciphertextBytes: number };

/** A JSON member name that occurs more than once in one object (RFC 7515 §4, RFC 7519 §4). */
export interface DuplicateKey {
  readonly segment: 'header' | 'payload';
  /** Dotted path of the object holding it ('' for the top level). */
  readonly path: string;
  readonly key: string;
}

/** Byte sizes of each segment as transmitted (base64url text) and decoded. */
export interface SegmentSize {
  readonly name: 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag';
  /** Characters (= bytes, ASCII) of the segment in the token. */
  readonly encodedBytes: number;
  /** Bytes after base64url decoding. */
  readonly decodedBytes: number;
}

/** A successfully decoded token. */
export interface DecodedToken {
  readonly token: string;
  readonly kind: TokenKind;
  /** Protected header as parsed. */
  readonly header: JsonObject;
  /** Header JSON text exactly as in the token (key order, spacing, big numbers preserved). */
  readonly headerJson: string;
  readonly payload: DecodedPayload;
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly segments: readonly SegmentSize[];
  /** True when some segment carried `=` padding. */
  readonly padded: boolean;
  /** Number literals JavaScript cannot hold exactly (integers beyond 2^53, overflow); read `headerJson`/payload `json` for the exact text. */
  readonly lossyNumbers?: readonly { readonly segment: 'header' | 'payload'; readonly path: string; readonly raw: string }[];
  /** Why a JWS payload is not shown as claims (e.g. "JSON nested deeper than 256 levels"), when it is not. */
  readonly payloadNote?: string;
  /**
   * Segments that did not decode, when some did not (lenient decoding): the header read, so
   * the token decodes and every part that does is shown; these are marked instead. Such a
   * token is never verified (`verifyToken` answers not-checked, reason `malformed`), and
   * `securityFindings` reports them (TL305, and TL306 for a JWE header on three segments).
   * Absent when every segment decoded.
   */
  readonly segmentErrors?: readonly SegmentError[];
}

// ---------------------------------------------------------------------------------------
// Findings (hints and security findings)
// ---------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning' | 'info';

/** The five reasons of "5 Reasons JWT May Not Be the Best Choice" (shared/article.md). */
export type ArticleReason = 1 | 2 | 3 | 4 | 5;

/** Where a finding comes from. */
export type Reference =
  | { readonly kind: 'article'; readonly reason: ArticleReason; readonly title: string }
  | { readonly kind: 'rfc'; readonly rfc: number; readonly section: string; readonly title: string }
  | { readonly kind: 'owasp'; readonly title: string };

/**
 * Stable finding codes. Hints (article reasons) start with `TL1xx`, security findings with
 * `TL2xx`, encoding/decoding remarks with `TL3xx`, verification with `TL4xx`.
 * A code never changes meaning once released.
 */
export type FindingCode = string;

/** One hint or security finding about one token. */
export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** One sentence, in our own words, saying what it means for this token. */
  readonly message: string;
  /** What in *this* token triggers it, e.g. "no `exp` claim", "lifetime 30 days (exp − iat)". */
  readonly evidence: string;
  readonly reference: Reference;
  /**
   * The `FINDING_TEXTS` id (findingTexts.ts) `message` and `evidence` were written from, so a
   * surface can write them in the display language (present `findingText`). Absent on a finding
   * written elsewhere (the CLI's TL217), whose text is English only.
   */
  readonly textId?: string;
  /** The values of the templates' `{0}`, `{1}`, … (with `textId`). */
  readonly params?: readonly FindingParam[];
}

/**
 * A value in a finding's text: token data or a word as it is (a string), a count (a number,
 * written with the display language's digits), a duration in seconds or a size in bytes (written
 * in the display language's units).
 */
export type FindingParam = string | number | { readonly seconds: number } | { readonly bytes: number } | NestedMessage | ListParam;

/**
 * Several params as one: `and` joins them as an English list (`a and b`, `a, b and c`), `and-each`
 * with ` and ` between each (another language: Intl.ListFormat for both), `comma` and `semicolon`
 * with `, ` and `; ` in every language.
 */
export interface ListParam {
  readonly list: readonly FindingParam[];
  readonly join: 'and' | 'and-each' | 'comma' | 'semicolon';
}

/**
 * A sentence of the core inside another (`Not checked: {0}`): its English, and when it has one
 * its own text id and params, so a language writes it in its words too. `lower`: the English
 * starts it in lower case (as the middle of a sentence).
 */
export interface NestedMessage {
  readonly message: string;
  readonly textId?: string;
  readonly params?: readonly FindingParam[];
  readonly lower?: boolean;
}

// ---------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------

export type TimeStatus = 'valid' | 'expired' | 'not-yet-valid' | 'never-expires' | 'invalid-claim' | 'not-applicable';

/** One time claim as found in the payload. */
export interface TimeClaim {
  readonly name: 'iat' | 'nbf' | 'exp' | 'auth_time';
  /** The raw claim value (may be a string, boolean, … when invalid). */
  readonly raw: JsonValue;
  /** Seconds since the epoch when the claim is a finite number in Date range, else undefined. */
  readonly seconds?: number;
  /** `new Date(seconds*1000).toISOString()` when valid. */
  readonly iso?: string;
  /** Why the claim is unusable ("a string, not a NumericDate", "outside the Date range"), when it is. */
  readonly invalid?: string;
}

/** The token's time facts at one instant (`now`). */
export interface TimeReport {
  readonly now: number; // ms since epoch
  readonly status: TimeStatus;
  readonly claims: readonly TimeClaim[];
  /** exp − iat in seconds, when both valid. */
  readonly lifetimeSec?: number;
  /** Fraction (0..1, clamped) of the lifetime elapsed at `now`, when lifetime known. */
  readonly elapsedFraction?: number;
  /** ms until exp (negative when expired), when exp valid. */
  readonly msToExpiry?: number;
  /** Relative text for the status: "expires in 4 min 12 s", "expired 3 days ago", "never expires", "valid in 2 h". */
  readonly relative: string;
  readonly clockSkewSec: number;
  /** True when the status is valid only thanks to the skew tolerance. */
  readonly withinSkew: boolean;
}

/** A size limit a token is compared against. */
export interface SizeLimit {
  readonly id: 'cookie' | 'header-line' | 'total-headers';
  readonly label: string;
  readonly bytes: number;
  /** What the limit is and where it comes from (RFC 6265 §6.1, nginx default, …). */
  readonly source: string;
  /** How many bytes the token plus its framing (e.g. `Authorization: Bearer `) takes against it. */
  readonly used: number;
  readonly exceeded: boolean;
}

export interface ClaimWeight {
  readonly name: string;
  /** Bytes of `"name":value` in the payload JSON. */
  readonly bytes: number;
  /** Share of the payload JSON (0..1). */
  readonly share: number;
}

export interface SizeReport {
  readonly totalBytes: number;
  readonly segments: readonly SegmentSize[];
  /** totalBytes / 32 (a 32-byte opaque session id, article reason 3). */
  readonly timesSessionId: number;
  /** Bytes sent per million requests carrying this token. */
  readonly bytesPerMillionRequests: number;
  readonly limits: readonly SizeLimit[];
  /** Claims by weight, heaviest first. */
  readonly heaviestClaims: readonly ClaimWeight[];
}

/** Algorithm family and what one verification costs (article reason 5). */
export interface AlgorithmInfo {
  readonly alg: string;
  readonly family: 'hmac' | 'rsa' | 'rsa-pss' | 'ecdsa' | 'eddsa' | 'none' | 'jwe-key-management' | 'unknown';
  /** Plain description of the per-request cost, e.g. "RSA verify: cheap for verifiers, ~0.05 ms". */
  readonly costNote: string;
}

/** Thresholds for hints, each with a documented default. */
export interface Thresholds {
  /** Lifetime over which a long-lived hint appears. Default 3600 s. */
  readonly maxLifetimeSec: number;
  /** Size over which the size hint appears. Default 1024 bytes. */
  readonly sizeWarningBytes: number;
  /** Lifetime over which a refresh-style token is flagged. Default 7 days. */
  readonly refreshMaxLifetimeSec: number;
  /** PBES2 `p2c` over which a finding appears. Default 1,000,000. */
  readonly maxPbes2Count: number;
}

export interface InspectOptions {
  /** Current time in ms since the epoch. Default `Date.now()`. */
  readonly now?: number;
  /** Default 60 s. */
  readonly clockSkewSec?: number;
  readonly thresholds?: Partial<Thresholds>;
}

/** Everything Token Lens knows about one token at one instant. */
export interface Inspection {
  readonly decoded: DecodedToken;
  readonly time: TimeReport;
  readonly size: SizeReport;
  readonly algorithm: AlgorithmInfo;
  /** Revocation-risk hints (article reasons 1–5), most severe first. */
  readonly hints: readonly Finding[];
  /** Security and encoding findings (RFC 8725, OWASP), most severe first. */
  readonly findings: readonly Finding[];
}
