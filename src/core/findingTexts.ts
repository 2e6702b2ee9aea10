/**
 * The words of every finding, in one table: a message and an evidence template per text id
 * (the finding code, or the code and a variant after a dot: `TL102.noDate`). `{0}`, `{1}`, …
 * stand for the finding's `params`, one list shared by both templates. The core writes the
 * English text from here (the CLI and `--json` show it as is); `present/findingText.ts` writes
 * the same template in the display language through `l10n.t`, so each language has its text in
 * one place (English here, the others in `l10n/bundle.l10n.<language>.json`, keyed by these
 * English templates; `npm run l10n` adds them to the English bundle, and the l10n unit test
 * fails when one is missing from any bundle).
 */
import { formatBytes, formatDuration } from './format';
import type { Finding, FindingParam, ListParam, NestedMessage, Reference, Severity } from './types';

/** A finding's message and evidence templates. */
export interface FindingTemplate {
  readonly message: string;
  readonly evidence: string;
}

const REFRESH = 'A long-lived refresh token mints new access tokens for as long as it lives: a leak is a long-term account takeover.';
const LARGE = 'Every request carries {0} for this token, {1}× a 32-byte session id.';
const LARGE_EVIDENCE = '{2} bytes, over the {3}-byte threshold; {4} per million requests';
const LIMIT_EVIDENCE = '{0} bytes against {1} ({2})';
const MALFORMED_EVIDENCE = 'disclosure {0}: {1}';
const SIGNATURE_WORDS = 'header alg "{0}"';
const REMOTE_KEY = 'The header names a remote key URL ({0}); a verifier that fetches it lets the token choose its own key (server-side request forgery too).';
const EMBEDDED_KEY = 'The header embeds a key ({0}); trusting it lets an attacker sign with their own key.';
const SEGMENTS_ONE = 'The {0} segment does not decode: the token was cut, wrapped or is a placeholder, and no verifier accepts it; the rest is shown.';
const SEGMENTS_MANY = 'The {0} segments do not decode: the token was cut, wrapped or is a placeholder, and no verifier accepts it; the rest is shown.';
const MALFORMED_DISCLOSURE = 'A disclosure is malformed: a verifier must reject the SD-JWT.';
const MISPLACED_DISCLOSURE = 'A disclosure is used where the other kind belongs (an object property in an array, or the reverse).';
const SD_HASH = 'The key-binding JWT\'s sd_hash does not cover this SD-JWT: it was made for other disclosures, or one was changed.';
const DUPLICATE_DIGEST = 'A digest occurs more than once in the SD-JWT: a verifier must reject it.';
const PAYLOAD_NOT_CLAIMS = 'The payload is not a JWT claims set; JWT libraries will reject this token.';
/** What the instant errors suggest (the input syntax, English in every language). */
const INSTANT_HELP = 'Type a date or a time such as "in 2 h", "2 h ago", "yesterday 18:00" or "2026-12-01T18:00Z".';
const PADDING = 'A segment carries `=` padding, which base64url in JOSE forbids; strict libraries reject it.';

/** Every finding text, by text id. */
export const FINDING_TEXTS = {
  TL101: { message: 'This token never expires: once leaked it stays usable until the signing key is rotated.', evidence: 'no `exp` claim' },
  'TL101.paseto': { message: 'No exp: this token never expires; a leaked copy works until the key is rotated.', evidence: 'no `exp` claim' },
  TL102: { message: 'A leaked copy of this token works until {0}; nothing short of a denylist stops it sooner.', evidence: 'lifetime {1} (exp − iat), over the {2} threshold' },
  'TL102.noDate': { message: 'A leaked copy of this token works until its expiry; nothing short of a denylist stops it sooner.', evidence: 'lifetime {1} (exp − iat), over the {2} threshold' },
  TL103: { message: 'Without a token id a denylist cannot revoke this one token, only all tokens of its subject or key.', evidence: 'no `jti` claim' },
  'TL103.paseto': { message: 'No jti: a denylist cannot revoke this one token by id.', evidence: 'no `jti` claim' },
  TL104: { message: 'Without a session id this token cannot be tied to one device for per-device logout or session tracking.', evidence: 'no `sid` claim' },
  'TL105.typ': { message: REFRESH, evidence: 'header typ "{0}"; lifetime {1}' },
  'TL105.typ.noExp': { message: REFRESH, evidence: 'header typ "{0}"; no `exp`' },
  'TL105.claim': { message: REFRESH, evidence: 'claim {2} "{0}"; lifetime {1}' },
  'TL105.claim.noExp': { message: REFRESH, evidence: 'claim {2} "{0}"; no `exp`' },
  'TL105.scope': { message: REFRESH, evidence: 'scope includes offline_access; lifetime {1}' },
  'TL105.scope.noExp': { message: REFRESH, evidence: 'scope includes offline_access; no `exp`' },
  TL106: { message: LARGE, evidence: LARGE_EVIDENCE },
  'TL106.heaviest': { message: LARGE, evidence: `${LARGE_EVIDENCE}; heaviest claim \`{5}\` ({6} B)` },
  'TL107.cookie': { message: 'This token does not fit the cookie limit; servers or browsers will reject or drop it.', evidence: LIMIT_EVIDENCE },
  'TL107.header-line': { message: 'This token does not fit the header line limit; servers or browsers will reject or drop it.', evidence: LIMIT_EVIDENCE },
  'TL107.total-headers': { message: 'This token does not fit the all request headers limit; servers or browsers will reject or drop it.', evidence: LIMIT_EVIDENCE },
  TL108: { message: 'Every request that carries this token pays for a cryptographic check, where a session lookup would not.', evidence: 'alg {0}: {1}' },

  TL201: { message: 'This token is unsigned: anyone can forge it, and a verifier must never accept it.', evidence: SIGNATURE_WORDS },
  TL202: { message: REMOTE_KEY, evidence: '{0}: {1} (not fetched)' },
  TL203: { message: EMBEDDED_KEY, evidence: 'header {0} present' },
  TL204: { message: 'The key id looks like a path or query fragment; a verifier using it in a file path or database query can be attacked.', evidence: 'kid {0}' },
  TL205: { message: 'The header lists critical extensions; a verifier that does not understand one of them must reject the token.', evidence: 'crit {0}' },
  TL206: { message: 'The payload is not base64url-encoded (b64: false); few libraries support it and the compact form is unusual.', evidence: 'header b64: false' },
  TL207: { message: 'Without an explicit type this token can be confused with other kinds of JWT signed by the same key.', evidence: 'no `typ` header' },
  TL208: { message: 'The token becomes valid only after it expires: it is never valid.', evidence: 'nbf {0} after exp {1}' },
  TL209: { message: 'The token claims to be issued in the future: the issuer clock is off, or the token was crafted.', evidence: 'iat {0} is after now + {1} s skew' },
  TL210: { message: 'Without an issuer a verifier cannot check who minted this token.', evidence: 'no `iss` claim' },
  TL211: { message: 'Without an audience this token can be replayed at any service that trusts the same issuer.', evidence: 'no `aud` claim' },
  TL212: { message: 'Personal data in a signed token is readable by anyone who holds it: signing is not encryption.', evidence: 'claims {0}' },
  TL213: { message: 'The plaintext is compressed before encryption, which can leak its content through the ciphertext length.', evidence: 'zip {0}' },
  TL214: { message: 'The PBES2 iteration count is unbounded or very high: decrypting it can tie up the server (denial of service).', evidence: 'p2c {0}, bound {1}' },
  TL215: { message: 'The {0} claim is not a usable NumericDate; verifiers will reject the token or misjudge its age.', evidence: '{0}: {1} is {2}' },
  'TL215.paseto': { message: 'The {0} claim is unusable, so the token\'s validity cannot be judged.', evidence: '{0} is {2}' },
  'TL216.unknown': { message: 'The algorithm is not a registered JOSE algorithm; libraries will reject it, or a lax one may do something unexpected.', evidence: SIGNATURE_WORDS },
  'TL216.jwe': { message: 'The header names a signature algorithm on an encrypted token; verifiers must pin the algorithms they expect.', evidence: 'header alg "{0}" on a JWE' },
  'TL216.jws': { message: 'The header names a key-management (JWE) algorithm on a signed token; verifiers must pin the algorithms they expect.', evidence: 'header alg "{0}" on a JWS' },
  TL218: { message: 'The signature was stripped: the header names a signing algorithm but the signature is empty, and a verifier that accepts it accepts any payload.', evidence: 'header alg "{0}", empty signature segment' },
  TL219: { message: 'The initialization vector is empty: every registered content encryption needs one, so this JWE cannot be decrypted (it was cut or built wrong).', evidence: 'empty initialization vector segment, enc {0}' },
  TL220: { message: 'The authentication tag is empty: the ciphertext\'s integrity cannot be checked, and a decrypter that skips the check can be fed altered ciphertext.', evidence: 'empty authentication tag segment, enc {0}' },
  TL230: { message: 'A disclosure matches no digest in the SD-JWT: it was altered or belongs to another SD-JWT, and a verifier must reject it.', evidence: 'disclosure {0}' },
  TL231: { message: MALFORMED_DISCLOSURE, evidence: MALFORMED_EVIDENCE },
  'TL231.misplaced': { message: MISPLACED_DISCLOSURE, evidence: 'disclosure {0} at {1}' },
  'TL231.misplaced.top': { message: MISPLACED_DISCLOSURE, evidence: 'disclosure {0} at top level' },
  TL232: { message: DUPLICATE_DIGEST, evidence: 'digest at {0}' },
  'TL232.top': { message: DUPLICATE_DIGEST, evidence: 'digest at top level' },
  TL233: { message: 'The disclosures were not matched: Token Lens cannot compute this _sd_alg.', evidence: '_sd_alg "{0}"' },
  TL234: { message: 'The key-binding JWT is not typed kb+jwt.', evidence: 'header typ' },
  TL235: { message: SD_HASH, evidence: 'sd_hash differs from the hash of the presented SD-JWT' },
  'TL235.missing': { message: SD_HASH, evidence: 'no sd_hash claim' },
  TL236: { message: 'The key-binding JWT is not signed by the holder key in cnf.', evidence: '{0}' },
  TL237: { message: 'The key-binding JWT signature could not be checked.', evidence: '{0}' },

  'TL301.unknown': { message: PADDING, evidence: 'trailing `=` in a segment' },
  TL301: { message: PADDING, evidence: 'trailing `=` in the {0} segment' },
  'TL301.many': { message: PADDING, evidence: 'trailing `=` in the {0} segments' },
  TL302: { message: 'A member name occurs twice; parsers disagree on which value wins, which attackers exploit.', evidence: 'duplicate {0}' },
  TL303: { message: 'A number is beyond what JavaScript holds exactly; the raw JSON shows its exact value.', evidence: '{0}' },
  TL304: { message: PAYLOAD_NOT_CLAIMS, evidence: '{0}' },
  'TL304.json': { message: PAYLOAD_NOT_CLAIMS, evidence: 'payload is JSON that is not an object' },
  'TL304.text': { message: PAYLOAD_NOT_CLAIMS, evidence: 'payload is text that is not JSON' },
  'TL304.binary': { message: PAYLOAD_NOT_CLAIMS, evidence: 'payload is bytes that are not UTF-8' },
  TL305: { message: SEGMENTS_ONE, evidence: '{1}' },
  'TL305.many': { message: SEGMENTS_MANY, evidence: '{1}' },
  TL306: { message: 'The header is a JWE header (enc) but the token has too few segments: a truncated JWE, not a JWS; it cannot be decrypted.', evidence: 'enc {0} on {1} segments; missing {2}' },

  TL401: { message: 'Signed with a publicly known secret: anyone can forge tokens that this service accepts.', evidence: '{0} signature verifies with the well-known secret "{1}"' },
} as const satisfies Record<string, FindingTemplate>;

/**
 * The words of other core results a surface shows (verification outcomes, …), by text id: one
 * template each, written like {@link FINDING_TEXTS} (English here, the other languages in the
 * bundles under the same English key; present `messageText`).
 */
export const MESSAGE_TEXTS = {
  'verify.jwe': 'JWE tokens are encrypted, not signed: there is no signature to verify',
  'verify.segments': 'Not a compact JWS (three dot-separated segments expected)',
  'verify.undecodable': 'Not a decodable JWS: {0}',
  'verify.truncatedJwe': 'A JWE header (enc) on three segments: a truncated JWE, encrypted rather than signed, so there is no signature to verify',
  'verify.unsecured': 'Unsecured token (alg "none"): anyone can forge it, so it is never treated as verified',
  'verify.brokenSegment': 'Not checked: {0}',
  'verify.stripped': 'Not checked: the signature was stripped (alg "{0}", empty signature segment), so there is nothing to verify and a verifier must reject it',
  'verify.signatureBase64': 'The signature segment is not valid base64url',
  'verify.unsupported': 'Algorithm "{0}" is not supported for verification (supported: {1})',
  'verify.noKey': 'No verification key has been added',
  'verify.notBound': 'No verification key is bound to this token\'s "iss"/"kid"',
  'verify.allBoundElsewhere': 'No stored key matches this token: all {0} are bound to another "iss"/"kid"',
  'verify.noMatch.kid': 'No stored key matches this token: {0} tried, none verifies it and none is bound to its kid "{1}". Not a verdict on the signature; bind a key to this issuer or key id for one',
  'verify.noMatch.iss': 'No stored key matches this token: {0} tried, none verifies it and none is bound to its issuer "{1}". Not a verdict on the signature; bind a key to this issuer or key id for one',
  'verify.noMatch': 'No stored key matches this token: {0} tried, none verifies it and none is bound to its "iss"/"kid". Not a verdict on the signature; bind a key to this issuer or key id for one',
  'verify.keyMismatch': 'The token says {0} but the matching keys ({1}) do not allow it; not verified.',
  'verify.keyMismatch.confusion': 'The token says {0} but the matching keys ({1}) do not allow it; not verified. Using a public key as an HMAC secret would let anyone forge tokens (algorithm confusion, RFC 8725 §2.1).',
  'verify.zeroEcdsa': 'Invalid ECDSA signature: r or s is zero (the CVE-2022-21449 "psychic signature" forgery)',
  'verify.verified': 'Signature verified ({0}) with key "{1}"',
  'verify.verified.kid': 'Signature verified ({0}) with key "{1}" (kid {2})',
  'verify.invalid': 'Invalid signature: it does not verify with key "{0}"',
  'verify.invalid.many': 'Invalid signature: it does not verify with any of {1} keys ({0})',
  'verify.failed': 'Verification could not run ({0})',

  'segment.header': 'header',
  'segment.payload': 'payload',
  'segment.signature': 'signature',
  'segment.encrypted_key': 'encrypted key',
  'segment.iv': 'initialization vector',
  'segment.ciphertext': 'ciphertext',
  'segment.tag': 'authentication tag',
  'segment.empty': 'The {0} segment is empty',
  'segment.padding': 'The {0} segment has `=` at offset {1} that is not trailing padding',
  'segment.base64url': 'The {0} segment is not base64url at offset {1}: {2}',
  'segment.base64url.standard': 'The {0} segment is not base64url at offset {1}: {2} (standard base64, not base64url)',
  'segment.base64url.wrapped': 'The {0} segment is not base64url at offset {1}: {2} (the token was wrapped or cut)',
  'segment.base64url.placeholder': 'The {0} segment is not base64url at offset {1}: {2} (a placeholder, not a value)',
  'segment.length': 'The {0} segment has {1} base64url characters, a length no encoding has (cut short, or a placeholder)',
  'segment.undecodable': 'Failed to base64url decode the {0} segment',
  'segment.missing': 'The {0} segment is missing: a JWE header (enc) on {1} segments, a JWE has 5',
  'char.lineBreak': 'a line break',
  'char.space': 'a space',

  'decode.empty': 'The token is empty',
  'decode.tooLong': 'The token is longer than {0} characters',
  'decode.segmentCount': 'Expected 3 (JWS) or 5 (JWE) dot-separated segments, found {0}',
  'decode.failed': 'Failed to decode the token (the decoder itself failed)',
  'inspect.failed': 'Failed to analyse the token',
  'header.empty': 'The header segment is empty',
  'header.base64url': 'Failed to base64url decode the header segment',
  'header.utf8': 'The header segment is not valid UTF-8',
  'header.json': 'The header segment is not valid JSON ({0})',
  'header.notObject': 'The header is JSON but not a JSON object',
  'header.alg': 'The header has no string "alg" parameter (RFC 7515 §4.1.1)',
  'header.enc': 'The JWE header has no string "enc" parameter (RFC 7516 §4.1.2)',
  'input.emptyAfterFraming': 'No token found: the input is empty after removing the Bearer prefix and quotes',
  'input.segmentCount': 'A compact token has 3 segments (JWS) or 5 (JWE) separated by dots; this has {0}',
  'input.base64url': 'The {0} segment is not base64url',
  'input.base64url.standard': 'The {0} segment is not base64url (it contains + or /: standard base64, not base64url)',
  'input.notCompact': 'The segments do not form a compact JWS or JWE that Token Lens recognises',
  'input.empty': 'Paste a token (JWS or JWE compact serialization)',
  'input.tooLong': 'The input is longer than {0} characters',
  'input.multiple': 'The input holds {0} different tokens; paste one at a time',

  // Why a time claim is unusable (TimeClaim.invalid, time.ts and the PASETO reader), inside TL215.
  'time.notFinite': 'not a finite number',
  'time.outsideRange': 'outside the Date range',
  'time.negative': 'a negative NumericDate (before 1970)',
  'time.null': 'null, not a NumericDate',
  'time.array': 'an array, not a NumericDate',
  'time.string': 'a string, not a NumericDate',
  'time.boolean': 'a boolean, not a NumericDate',
  'time.object': 'a object, not a NumericDate',
  'time.notNumericDate': 'not a NumericDate',
  'time.notIso': 'not an ISO 8601 date-time with a time zone, as PASETO requires',
  'time.notValidDate': 'not a valid date',

  // Why the core's JSON reader (json.ts) stopped, inside another sentence (header.json, sign.*.invalid).
  'json.end': 'Unexpected end of JSON',
  'json.tooDeep': 'JSON nested deeper than 256 levels',
  'json.string': 'Invalid string',
  'json.char': 'Unexpected character',
  'json.comma': 'Expected \',\' or a closing bracket',
  'json.trailing': 'Unexpected text after the JSON value',
  'json.memberName': 'Expected a member name',
  'json.colon': 'Expected \':\'',
  'json.notText': 'Not text',

  // Why a typed instant is not one (instant.ts `parseInstant`: the inspector's "Valid at" field, the CLI's --now).
  'instant.empty': `Nothing typed. ${INSTANT_HELP}`,
  'instant.tooLong': `That is too long for a date. ${INSTANT_HELP}`,
  'instant.noClock': 'The current time is unknown.',
  'instant.outsideRange': 'That date is outside the range of dates.',
  'instant.invalidDate': `"{0}" is not a valid date. ${INSTANT_HELP}`,
  'instant.invalidTime': `"{0}" is not a time of day. ${INSTANT_HELP}`,
  'instant.unknown': `"{0}" is not a date Token Lens understands. ${INSTANT_HELP}`,

  // Where a size limit comes from (size.ts `source`), inside TL107.
  'size.source.cookie': 'RFC 6265 §6.1: browsers must accept cookies of 4096 bytes (name, \'=\' and value: "{0}=")',
  'size.source.header-line': 'Apache LimitRequestFieldSize default 8190 bytes; nginx large_client_header_buffers default 8 KB (line "Authorization: Bearer <token>")',
  'size.source.total-headers': 'Node.js default max header size 16 KiB for all headers together (line "Authorization: Bearer <token>" + CRLF)',

  // What signing made (sign.ts `description`, `notes`).
  'sign.unsecured': 'Unsecured (alg "none"), not signed: anyone can forge it (RFC 8725 §3.1)',
  'sign.signed': 'Signed with {0}',
  'sign.signed.kid': 'Signed with {0} (key id {1})',
  'sign.shortSecret': 'The secret is {0} bytes; {1} needs at least {2} (RFC 7518 §3.2), so it is easier to guess',
  // Why nothing was signed (sign.ts `SignError`).
  'sign.payloadText': 'The payload is not JSON text',
  'sign.members': 'The members to set are not an object of names and JSON values',
  'sign.payload.notObject.why': 'The payload is not a JSON object ({0})',
  'sign.memberValue': 'The value of "{0}" is not a JSON value',
  'sign.header.notObject': 'The header is not a JSON object',
  'sign.header.cycle': 'The header object cannot be written as JSON (a cycle or a bigint)',
  'sign.header.tooLargeJson': 'The header is {0} characters as JSON, over the limit of {1}',
  'sign.header.tooLarge': 'The header is {0} characters, over the limit of {1}',
  'sign.header.invalid': 'The header is not valid JSON ({0})',
  'sign.header.duplicate': 'The header has the member "{0}" twice; a verifier may read either (RFC 7515 §4, RFC 7519 §4)',
  'sign.header.duplicate.in': 'The header has the member "{0}" twice in {1}; a verifier may read either (RFC 7515 §4, RFC 7519 §4)',
  'sign.payload.notObject': 'The payload is not a JSON object',
  'sign.payload.cycle': 'The payload object cannot be written as JSON (a cycle or a bigint)',
  'sign.payload.tooLargeJson': 'The payload is {0} characters as JSON, over the limit of {1}',
  'sign.payload.tooLarge': 'The payload is {0} characters, over the limit of {1}',
  'sign.payload.invalid': 'The payload is not valid JSON ({0})',
  'sign.payload.duplicate': 'The payload has the member "{0}" twice; a verifier may read either (RFC 7515 §4, RFC 7519 §4)',
  'sign.payload.duplicate.in': 'The payload has the member "{0}" twice in {1}; a verifier may read either (RFC 7515 §4, RFC 7519 §4)',
  'sign.headerNotObject': 'The header is JSON but not a JSON object (RFC 7515 §4)',
  'sign.headerEnc': 'The header has "enc", a JWE parameter; remove it to sign a JWS (RFC 7516 §4.1.2)',
  'sign.headerB64': 'The header has "b64" (RFC 7797 unencoded payload); Token Lens signs compact JWS with a base64url payload only, remove it',
  'sign.headerCrit': 'The header has "crit"; Token Lens signs no critical header extensions (RFC 7515 §4.1.11), remove it',
  'sign.algNone': 'A key never signs with "none"; ask for an unsecured token explicitly to get one',
  'sign.algUnsupported': '"{0}" is not a signing algorithm Token Lens supports ({1})',
  'sign.algMismatch': '{0} does not fit this {1}: it signs with {2}',
  'sign.algMismatch.none': '{0} does not fit this {1}: it cannot sign',
  'sign.cannotSign': 'This {0} cannot sign a JWS',
  'sign.cannotSign.pinned': 'This {0} cannot sign a JWS (its JWK is pinned to "{1}")',
  'sign.use': 'The key is marked "use": "{0}", not "sig" (RFC 7517 §4.2)',
  'sign.keyOps': 'The key\'s "key_ops" do not include "sign" (RFC 7517 §4.3)',
  'sign.nothing': 'Nothing to sign: give a header, a payload and a key',
  'sign.noKey': 'No signing key was given',
  'sign.keyTooLarge': 'Refused before signing: {0}',
  'sign.algNotString': 'The algorithm is not a string',
  'sign.failedWith': 'Signing with {0} failed ({1})',
  'sign.failed': 'Signing failed ({0})',

  // Why a key could not be read (keys.ts `KeyError`).
  'key.tooLarge': 'The RSA key is too large ({0} bit); Token Lens accepts RSA moduli up to {1} bits',
  'key.secretEmpty': 'The secret is empty',
  'key.secretEncoding': 'The secret is not valid {0}',
  'key.pemBody': 'The {0} PEM body is not valid base64',
  'key.noPem': 'No complete PEM block (-----BEGIN …----- … -----END …-----) was found',
  'key.pemPrivate': 'This is a {0}; paste the public key or certificate instead (verification never needs a private key)',
  'key.pemUnsupported': 'PEM "{0}" is not supported; use PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE',
  'key.pemNoPublic': 'The {0} PEM does not hold a supported RSA, EC (P-256/384/521) or Ed25519 public key',
  'key.jwkNotObject': 'The JWK is not a JSON object',
  'key.jwkIsJwks': 'This is a JWKS ({"keys": […]}), not a single JWK',
  'key.jwksShape': 'The JWKS is not a JSON object with a "keys" array (RFC 7517 §5)',
  'key.jwksInvalid': 'The JWKS is not a valid JSON Web Key Set (RFC 7517 §5)',
  'key.jwksEmpty': 'The JWKS has no keys',
  'key.empty': 'The key is empty',
  'key.unreadable': 'The key could not be read ({0})',
  'key.sec1': 'The EC PRIVATE KEY is not a SEC1 ECPrivateKey (RFC 5915 §3)',
  'key.explicitCurve': 'The EC PRIVATE KEY gives its curve as explicit parameters; use a named curve (openssl ecparam -name prime256v1 -genkey)',
  'key.curve': 'The EC PRIVATE KEY is on a curve WebCrypto does not import; use P-256, P-384 or P-521',
  'key.jwkKeyOps': 'JWK: "key_ops" must be an array of strings (RFC 7517 §4.3)',
  'key.jwkOctK': 'JWK: an "oct" JWK needs a string "k"',
  'key.jwkK': 'JWK: "k" is not valid base64url',
  'key.jwkKty': 'JWK: "kty" must be "RSA", "EC", "OKP" or "oct"',
  'key.jwkPublic': 'This {0} JWK is a public key (no "d"); signing and decryption need the private key',
  'key.jwkPrivateImport': 'JWK: the {0} private key cannot be imported ({1})',
  'key.pemPublic': 'This is a {0}; signing and decryption need the private key (PKCS#8 "PRIVATE KEY")',
  'key.encrypted': 'The private key is encrypted; decrypt it first (openssl pkcs8 -in key.pem -out plain.pem)',
  'key.pemPrivateUnsupported': 'PEM "{0}" is not supported; use a PKCS#8 PRIVATE KEY (openssl pkcs8 -topk8 -nocrypt -in key.pem)',
  'key.pemNoPrivate': 'The {0} PEM does not hold a supported RSA, EC (P-256/384/521), Ed25519 or X25519 private key',
  'key.noMaterial': 'No key material was given',
  'key.privateJwks': 'This is a JWKS ({"keys": […]}); give the one private JWK to use',
  // A JWK or JWKS entry's own errors and why a JWKS member is skipped (keys.ts), {0} where the entry is.
  'key.where.jwks': 'JWKS key #{0}',
  'key.entry.octK': '{0}: an "oct" JWK needs a string "k"',
  'key.entry.octBase64': '{0}: "k" is not valid base64url',
  'key.entry.kty': '{0}: "kty" must be "RSA", "EC", "OKP" or "oct"',
  'key.entry.import': '{0}: the {1} JWK cannot be imported ({2})',
  'key.entry.notObject': '{0} is not a JSON object',
  'key.skip.secret': '{0} is an "oct" secret; a key set holds public keys only, add HMAC secrets as a secret',
  'key.skip.private': '{0} carries private key parameters ({1})',
  'key.skip.use': '{0} has "use" {1}, not "sig"',
  'key.skip.useNotString': '{0} has "use" that is not a string, not "sig"',
  'key.skip.keyOps': '{0} has "key_ops" without "verify"',
  'key.skip.kty': '{0} has key type {1}; Token Lens verifies with RSA, EC and OKP public keys',
  'key.skip.noKty': '{0} has no "kty"; Token Lens verifies with RSA, EC and OKP public keys',
  'key.skip.more': '{0} more skipped',
  'key.jwksNoPublic': 'The JWKS holds no public signing key: {0}',
  // Why a base64-wrapped token does not unwrap (shapes/wrapped.ts).
  'wrapped.empty': 'The base64 text is empty',
  'wrapped.notBase64': 'The text is not base64',
  'wrapped.notUtf8': 'The base64 text does not decode to UTF-8 text',
  // What a key is (keys.ts `describeEntry`, `describePrivate`), inside other sentences (sign.algMismatch, sign.cannotSign).
  'key.desc.rsaPublic': 'RSA public key ({0} bit)',
  'key.desc.ecPublic': 'EC public key ({0})',
  'key.desc.okpPublic': '{0} public key',
  'key.desc.hmacSecret': 'HMAC secret ({0} bytes)',
  'key.desc.rsaPrivate': 'RSA private key ({0} bit)',
  'key.desc.ecPrivate': 'EC private key ({0})',
  'key.desc.okpPrivate': '{0} private key',
  'key.desc.secret': 'Secret ({0} bytes)',
  'key.desc.unknownCurve': 'unknown curve',

  // What a token that is not compact JOSE is (decoder.ts `notJoseMessage`: SD-JWT, PASETO, signed cookies).
  'shape.base64': 'This is a base64-wrapped token: decode the base64 first (the scanner reports the token inside)',
  'shape.sdJwt.one': 'This is an SD-JWT (RFC 9901) with {0} disclosure, not a compact JWT: its issuer-signed JWT is the part before the first "~"',
  'shape.sdJwt.one.kb': 'This is an SD-JWT (RFC 9901) with {0} disclosure and a key-binding JWT, not a compact JWT: its issuer-signed JWT is the part before the first "~"',
  'shape.sdJwt': 'This is an SD-JWT (RFC 9901) with {0} disclosures, not a compact JWT: its issuer-signed JWT is the part before the first "~"',
  'shape.sdJwt.kb': 'This is an SD-JWT (RFC 9901) with {0} disclosures and a key-binding JWT, not a compact JWT: its issuer-signed JWT is the part before the first "~"',
  'shape.paseto.local': 'This is a PASETO {0}.local token, not a JWT: its payload is encrypted',
  'shape.paseto.public': 'This is a PASETO {0}.public token, not a JWT: a signed JSON message, no JOSE header',
  'shape.flask': 'This is a Flask (itsdangerous) session cookie, not a JWT: payload.timestamp.signature, signed with the app\'s secret key',
  'shape.flask.compressed': 'This is a Flask (itsdangerous) session cookie, compressed, not a JWT: payload.timestamp.signature, signed with the app\'s secret key',
  'shape.django': 'This is a Django signed cookie, not a JWT: payload:timestamp:signature, signed with the site\'s SECRET_KEY',
  'shape.django.compressed': 'This is a Django signed cookie, compressed, not a JWT: payload:timestamp:signature, signed with the site\'s SECRET_KEY',

  // Why a PASETO token does not decode (shapes/paseto.ts).
  'paseto.shape': 'A PASETO token is vN.local.payload or vN.public.payload, with an optional .footer',
  'paseto.payload': 'Failed to base64url decode the PASETO payload',
  'paseto.footer': 'Failed to base64url decode the PASETO footer',
  'paseto.short': 'A {0}.public payload ends with a {1}-byte signature; this one is shorter',
  'paseto.utf8': 'The PASETO message is not UTF-8',
  'paseto.analysis': 'Failed to analyse the PASETO token',

  // Why a JWE did not decrypt (decrypt.ts `DecryptError`).
  'decrypt.empty': 'The token is empty',
  'decrypt.tooLong': 'The token is longer than {0} characters',
  'decrypt.notCompact': 'Not a compact JWE: five dot-separated segments expected (RFC 7516 §7.1)',
  'decrypt.critShape': '"crit" must be a non-empty array of header parameter names (RFC 7515 §4.1.11)',
  'decrypt.crit': 'The header marks "{0}" critical, an extension Token Lens does not understand, so the JWE must be rejected (RFC 7515 §4.1.11)',
  'decrypt.crit.more': 'The header marks "{0}" and {1} more critical, an extension Token Lens does not understand, so the JWE must be rejected (RFC 7515 §4.1.11)',
  'decrypt.alg': 'Key management algorithm "{0}" is not supported',
  'decrypt.alg.rsa1_5': 'Key management algorithm "{0}" is not supported: RSAES-PKCS1-v1_5 is open to padding-oracle attacks (RFC 8725 §3.2)',
  'decrypt.enc': 'Content encryption "{0}" is not supported (RFC 7518 §5.1)',
  'decrypt.zip': 'Only zip "DEF" is defined (RFC 7516 §4.1.3)',
  'decrypt.p2c': 'PBES2 needs "p2c", a positive integer iteration count (RFC 7518 §4.8.1.2)',
  'decrypt.p2c.bound': 'Refused before any work: PBES2 "p2c" is {0}, over the bound of {1} iterations; deriving the key would let the token decide how long this takes (RFC 8725 §3.2, finding TL214)',
  'decrypt.noKey': 'No decryption key was given',
  'decrypt.keyMismatch': 'No key given fits this JWE ({0}, {1}): {2}',
  'decrypt.cap': 'Refused: the zip "DEF" plaintext inflates past the cap of {0} bytes (a compression bomb?); inflating stopped there',
  'decrypt.couldNotRun': 'Decryption could not run ({0})',
  'decrypt.failed': 'Decryption failed',
  'decrypt.unwrapOrContent': 'Key unwrap or content decryption failed ({0}): a wrong key, or the token was altered; the two are not told apart, so the failure says nothing about the key (RFC 7516 §11.5)',
  'decrypt.content': 'Content decryption failed ({0}): the ciphertext does not authenticate with this key — a wrong key, or the token was altered',
  'decrypt.decompression': 'The zip "DEF" plaintext does not inflate (it is not raw DEFLATE, RFC 1951)',
  'decrypt.invalid': 'The JWE is not valid: {0}',
  'decrypt.notSupported': 'Not supported: {0}',
  'decrypt.keyUse': 'The key cannot be used for {0}: {1}',
  'decrypt.unwrap': 'The content key could not be derived or unwrapped ({0}, {1})',

  // Why no key pair was generated (keygen.ts `KeyGenError`).
  'keygen.type': 'Unknown key type; use one of {0}',
  'keygen.alg': 'A {0} key signs with {1}',
  'keygen.readBack': 'The generated {0} key did not read back ({1})',
  'keygen.failed': 'Generating the {0} key pair failed ({1})',
} as const satisfies Record<string, string>;

/** A key of {@link MESSAGE_TEXTS}. */
export type MessageTextId = keyof typeof MESSAGE_TEXTS;

/** A core sentence with the text id and params each language writes it from. */
export interface CoreMessage {
  readonly message: string;
  readonly textId: MessageTextId;
  readonly params: readonly FindingParam[];
}

const TIME_REASONS: ReadonlyMap<string, MessageTextId> = new Map(
  (['time.notFinite', 'time.outsideRange', 'time.negative', 'time.null', 'time.array', 'time.string', 'time.boolean', 'time.object', 'time.notNumericDate', 'time.notIso', 'time.notValidDate'] as const).map((id) => [MESSAGE_TEXTS[id], id]),
);

const JSON_REASONS: ReadonlyMap<string, MessageTextId> = new Map(
  (['json.end', 'json.tooDeep', 'json.string', 'json.char', 'json.comma', 'json.trailing', 'json.memberName', 'json.colon', 'json.notText'] as const).map((id) => [MESSAGE_TEXTS[id], id]),
);

/** Why the JSON reader stopped, as a param: its English, with its text id when it is one of the reader's reasons. */
export function jsonReasonParam(reason: string): NestedMessage {
  const id = JSON_REASONS.get(reason);
  return id === undefined ? { message: reason } : { message: reason, textId: id };
}

/** Why a time claim is unusable, as a param: its English, with its text id when it is one of the core's reasons. */
export function timeReasonParam(reason: string): NestedMessage {
  const id = TIME_REASONS.get(reason);
  return id === undefined ? { message: reason } : { message: reason, textId: id };
}

/**
 * Where a size limit comes from, as a param: its English (size.ts), with the text id it reads as
 * (the cookie's name taken back out of it); a source the table does not know stays as it is.
 */
export function limitSourceParam(id: 'cookie' | 'header-line' | 'total-headers', source: string): NestedMessage {
  const textId = `size.source.${id}` as const;
  const [before, after] = MESSAGE_TEXTS[textId].split('{0}') as [string, string | undefined];
  if (after === undefined) return source === before ? { message: source, textId, params: [] } : { message: source };
  const fits = source.length >= before.length + after.length && source.startsWith(before) && source.endsWith(after);
  return fits ? { message: source, textId, params: [source.slice(before.length, source.length - after.length)] } : { message: source };
}

/** Key descriptions by their English pattern (`{0}` a number for sizes, a curve name otherwise). */
const KEY_DESCRIPTIONS: readonly (readonly [MessageTextId, RegExp, boolean])[] = [
  ['key.desc.rsaPublic', /^RSA public key \((\d+) bit\)$/, true],
  ['key.desc.ecPublic', /^EC public key \((.+)\)$/, false],
  ['key.desc.hmacSecret', /^HMAC secret \((\d+) bytes\)$/, true],
  ['key.desc.okpPublic', /^(\S+) public key$/, false],
  ['key.desc.rsaPrivate', /^RSA private key \((\d+) bit\)$/, true],
  ['key.desc.ecPrivate', /^EC private key \((.+)\)$/, false],
  ['key.desc.okpPrivate', /^(\S+) private key$/, false],
  ['key.desc.secret', /^Secret \((\d+) bytes\)$/, true],
];

/**
 * A key's description (keys.ts, "EC private key (P-384)") as a param: its English, with the
 * text id each language writes it from; a description the table does not know stays as it is.
 */
export function keyDescriptionParam(description: string): NestedMessage {
  for (const [textId, pattern, numeric] of KEY_DESCRIPTIONS) {
    const m = pattern.exec(description);
    if (m === null) continue;
    const value = m[1]!;
    const param: FindingParam = numeric ? Number(value) : value === MESSAGE_TEXTS['key.desc.unknownCurve'] ? { message: value, textId: 'key.desc.unknownCurve' } : value;
    return fillTemplate(MESSAGE_TEXTS[textId], [param]) === description ? { message: description, textId, params: [param] } : { message: description };
  }
  return { message: description };
}

/** A segment's name as a param (`header`, `initialization vector`), written in each language. */
export function segmentParam(name: 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag'): NestedMessage {
  const id = `segment.${name}` as const;
  return { message: MESSAGE_TEXTS[id], textId: id };
}

/** The English sentence `id` with `params`, and what each language writes it from. */
export function coreMessage(id: MessageTextId, params: readonly FindingParam[] = []): CoreMessage {
  return { message: fillTemplate(MESSAGE_TEXTS[id], params), textId: id, params };
}

/** A key of {@link FINDING_TEXTS}. */
export type FindingTextId = keyof typeof FINDING_TEXTS;

const PLACEHOLDER = /\{(\d+)\}/g;

/** A parameter as the English text writes it: numbers as digits, durations and sizes as the core formats them. */
export function englishParam(param: FindingParam | undefined): string {
  if (param === undefined) return '';
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return String(param);
  if ('message' in param) return param.lower === true ? lowerFirst(param.message) : param.message;
  if ('list' in param) return joinList(param.list.map(englishParam), param.join);
  return 'seconds' in param ? formatDuration(param.seconds) : formatBytes(param.bytes);
}

/**
 * `template` with each `{n}` replaced by `params[n]` written by `write` (one pass: a parameter's
 * own text is never read for placeholders). A placeholder with no parameter stays as it is.
 */
export function fillTemplate(template: string, params: readonly FindingParam[], write: (param: FindingParam) => string = englishParam): string {
  return template.replace(PLACEHOLDER, (match, n: string) => {
    const param = params[Number(n)];
    return param === undefined ? match : write(param);
  });
}

/** `a and b`, `a, b and c` (`and`), `a, b` (`comma`), `a; b` (`semicolon`): how the English joins a list param. */
export function joinList(items: readonly string[], join: ListParam['join']): string {
  if (join === 'comma') return items.join(', ');
  if (join === 'and-each') return items.join(' and ');
  if (join === 'semicolon') return items.join('; ');
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function lowerFirst(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}

/** The code a text id belongs to: `TL102.noDate` → `TL102`. */
export function findingCodeOf(id: FindingTextId): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(0, dot);
}

/** A finding written from its text id: the English message and evidence, and the id and params each language writes it from. */
export function makeFinding(id: FindingTextId, severity: Severity, reference: Reference, params: readonly FindingParam[] = []): Finding {
  const template: FindingTemplate = FINDING_TEXTS[id];
  return { code: findingCodeOf(id), severity, message: fillTemplate(template.message, params), evidence: fillTemplate(template.evidence, params), reference, textId: id, params };
}
