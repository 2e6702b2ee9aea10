/**
 * Every finding code of Token Lens, in one table. A code never changes meaning once released;
 * front ends (diagnostics, CLI `--fail-on`, webview) and docs/findings.md use these names, and
 * the docs test checks docs/findings.md against this table.
 *
 * - `TL0xx` time status, reported in the Problems panel (the inspector and hover show it as
 *   the status badge).
 * - `TL1xx` revocation-risk hints drawn from "5 Reasons JWT May Not Be the Best Choice".
 * - `TL2xx` security findings (RFC 8725 JWT BCP, OWASP JWT cheat sheet).
 * - `TL3xx` encoding and decoding remarks.
 * - `TL4xx` signature verification.
 */
export const FindingCodes = {
  /** The token has expired: `exp` passed, beyond the clock skew (RFC 7519 §4.1.4). */
  EXPIRED: 'TL001',
  /** The token is not valid yet: `nbf` in the future, beyond the clock skew (RFC 7519 §4.1.5). */
  NOT_YET_VALID: 'TL002',

  /** No `exp`: the token never expires and cannot be revoked by waiting (article reason 1). */
  NO_EXPIRY: 'TL101',
  /** Lifetime (exp − iat) over the threshold: a leaked copy works until exp (article reason 2). */
  LONG_LIFETIME: 'TL102',
  /** No `jti`: a denylist cannot target this token by id (article reason 1). */
  NO_JTI: 'TL103',
  /** No `sid`: no per-device logout or session tracking (article reason 4). */
  NO_SID: 'TL104',
  /** Refresh-style token with a long lifetime (article reason 2). */
  LONG_LIVED_REFRESH: 'TL105',
  /** Token larger than the size warning threshold (article reason 3). */
  LARGE_TOKEN: 'TL106',
  /** Token exceeds a hard transport limit (cookie, header line, total headers) (article reason 3). */
  SIZE_LIMIT_EXCEEDED: 'TL107',
  /** Every request pays a signature verification of this algorithm family (article reason 5). */
  VERIFICATION_COST: 'TL108',

  /** `alg: none` in any letter case: the token is not protected at all (RFC 8725 §3.1). */
  ALG_NONE: 'TL201',
  /** `jku`/`x5u` remote key URL in the header: never fetch keys named by the token (RFC 8725 §3.10). */
  REMOTE_KEY_URL: 'TL202',
  /** Embedded `jwk`/`x5c` key: a verifier must not trust a key the token brings (RFC 7515 §4.1.3). */
  EMBEDDED_KEY: 'TL203',
  /** `kid` with path traversal or injection characters (OWASP, RFC 8725 §3.10). */
  SUSPICIOUS_KID: 'TL204',
  /** `crit` header: the verifier must understand every listed extension (RFC 7515 §4.1.11). */
  CRITICAL_HEADER: 'TL205',
  /** `b64: false` unencoded payload (RFC 7797 §3). */
  UNENCODED_PAYLOAD: 'TL206',
  /** No `typ`: explicit typing prevents cross-JWT confusion (RFC 8725 §3.11). */
  MISSING_TYP: 'TL207',
  /** `nbf` after `exp`: the token is never valid (RFC 7519 §4.1.4–4.1.5). */
  NBF_AFTER_EXP: 'TL208',
  /** `iat` in the future beyond clock skew (RFC 7519 §4.1.6). */
  IAT_IN_FUTURE: 'TL209',
  /** No `iss`: issuer cannot be validated (RFC 8725 §3.8). */
  MISSING_ISS: 'TL210',
  /** No `aud`: audience cannot be validated, substitution attacks (RFC 8725 §3.9). */
  MISSING_AUD: 'TL211',
  /** Personal data in a JWS payload readable by anyone holding the token (RFC 8725 §3.12 / OWASP). */
  PERSONAL_DATA: 'TL212',
  /** JWE `zip`: compression before encryption can leak plaintext (RFC 8725 §3.6). */
  JWE_COMPRESSION: 'TL213',
  /** PBES2 `p2c` over the bound: denial of service on the decrypting side (RFC 8725 §3.2, RFC 7518 §4.8.1.2). */
  PBES2_COUNT: 'TL214',
  /** A time claim that is not a usable NumericDate (RFC 7519 §2, §4.1.4). */
  INVALID_TIME_CLAIM: 'TL215',
  /** `alg` unknown, or of the wrong kind for the token (a JWE key-management alg on a JWS, or the reverse) (RFC 8725 §3.1, §3.2). */
  HEADER_ALG_MISMATCH: 'TL216',
  /** A still-valid token (unexpired, or never expiring) in a file under version control: anyone with the repository can use it (OWASP Secrets Management). Raised by `token-lens scan`. */
  LIVE_CREDENTIAL: 'TL217',
  /** A JWS whose `alg` is not `none` with an empty signature: the signature was stripped; never "unsecured", which is `alg: none` (RFC 7515 §5.2, RFC 8725 §3.1). */
  STRIPPED_SIGNATURE: 'TL218',
  /** A JWE with an empty initialization vector: every registered `enc` needs one (RFC 7518 §5.2.2.1, §5.3). */
  JWE_EMPTY_IV: 'TL219',
  /** A JWE with an empty authentication tag: its integrity cannot be checked (RFC 7516 §5.2 step 14, RFC 7518 §5.2.2.2, §5.3). */
  JWE_EMPTY_TAG: 'TL220',
  /** SD-JWT: a disclosure whose digest occurs nowhere in the SD-JWT (altered, or from another SD-JWT) (RFC 9901 §7.1). */
  SD_UNMATCHED_DISCLOSURE: 'TL230',
  /** SD-JWT: a disclosure that is not base64url JSON `[salt, name, value]` / `[salt, value]`, or uses a reserved name (RFC 9901 §4.2, §7.1). */
  SD_MALFORMED_DISCLOSURE: 'TL231',
  /** SD-JWT: the same digest occurs twice (RFC 9901 §7.1). */
  SD_DUPLICATE_DIGEST: 'TL232',
  /** SD-JWT: `_sd_alg` names a hash Token Lens cannot compute, so nothing was matched (RFC 9901 §4.1.1). */
  SD_UNSUPPORTED_HASH: 'TL233',
  /** SD-JWT: the key-binding JWT is not typed `kb+jwt` (RFC 9901 §4.3). */
  SD_KB_TYP: 'TL234',
  /** SD-JWT: the key-binding JWT's `sd_hash` does not match the presented SD-JWT (RFC 9901 §4.3.1, §7.3). */
  SD_KB_SD_HASH: 'TL235',
  /** SD-JWT: the key-binding JWT's signature does not verify with the `cnf.jwk` key (RFC 9901 §7.3). */
  SD_KB_SIGNATURE: 'TL236',
  /** SD-JWT: the key-binding JWT's signature could not be checked (no `cnf.jwk`, or a key that cannot check its `alg`) (RFC 9901 §7.3). */
  SD_KB_NOT_CHECKED: 'TL237',

  /** Non-standard `=` padding in a base64url segment (RFC 7515 §2, §C). */
  PADDING: 'TL301',
  /** Duplicate JSON member names (RFC 7515 §5.2, RFC 7519 §4). */
  DUPLICATE_KEYS: 'TL302',
  /** Integers beyond 2^53 lose precision in JavaScript (RFC 7159 §6). */
  LOSSY_NUMBER: 'TL303',
  /** Payload is not a JSON object (not a JWT claims set, RFC 7519 §7.2 step 10). */
  PAYLOAD_NOT_CLAIMS: 'TL304',
  /** A segment after the header does not decode (bad base64url at an offset, misplaced `=`, an impossible length); the rest is shown (RFC 7515 §2, §7.1). */
  MALFORMED_SEGMENT: 'TL305',
  /** A JWE header (`enc`) on three segments: a truncated JWE, not a JWS (RFC 7516 §7.1, §9). */
  TRUNCATED_JWE: 'TL306',

  /** An HS* token verifies with a publicly known secret: anyone can forge tokens (RFC 8725 §3.5). */
  WEAK_SECRET: 'TL401',
} as const;

/**
 * Verification finding codes (`TL4xx`), by their earlier name.
 *
 * @deprecated Use {@link FindingCodes} (`FindingCodes.WEAK_SECRET`).
 */
export const VERIFICATION_CODES = { weakSecret: FindingCodes.WEAK_SECRET } as const;

/** One of the stable finding codes in {@link FindingCodes}. */
export type KnownFindingCode = (typeof FindingCodes)[keyof typeof FindingCodes];

/** The article's reason titles, cited by `TL1xx` hints (shared/article.md). */
export const ARTICLE_REASONS = {
  1: 'Revocation is a Nightmare',
  2: 'Security Risks with Long-Lived Tokens',
  3: 'JWTs Are Large and Inefficient',
  4: 'No Built-In Session Management',
  5: 'Signature Verification Adds Overhead',
} as const;
