/**
 * Security and encoding findings for one token (RFC 8725 JWT BCP, OWASP JWT cheat sheet).
 * Remote key URLs are shown, never fetched.
 */
import { algorithmInfo } from './algorithms';
import { FindingCodes } from './codes';
import { DEFAULT_THRESHOLDS, pushFinding, sortFindings } from './hints';
import { SEGMENT_LABELS } from './segments';
import type { SegmentName } from './segments';
import type { DecodedToken, Finding, JsonObject, Reference, SegmentError, Thresholds, TimeClaim, TimeReport } from './types';

const rfc = (n: number, section: string, title: string): Reference => ({ kind: 'rfc', rfc: n, section, title });
const BCP = 'JSON Web Token Best Current Practices';
const OWASP: Reference = { kind: 'owasp', title: 'OWASP JSON Web Token Cheat Sheet' };

/** Claims that carry personal data (OpenID Connect Core §5.1 and common national-id names). */
export const PERSONAL_DATA_CLAIMS: readonly string[] = [
  'email', 'phone_number', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username',
  'address', 'birthdate', 'gender', 'picture', 'ssn', 'national_id', 'nin', 'tax_id', 'passport', 'passport_number',
  'driver_license', 'iban', 'credit_card', 'date_of_birth', 'dob', 'phone', 'mobile', 'street_address', 'postal_code',
];

const PERSONAL_DATA_INDEX = new Map(PERSONAL_DATA_CLAIMS.map((name, i) => [name, i]));

/**
 * The personal-data claims present (own properties), in {@link PERSONAL_DATA_CLAIMS} order;
 * undefined when none. A claims set usually has fewer names than the list, so its names are
 * looked up in the list's index rather than the other way round.
 */
function personalDataClaims(claims: JsonObject): string[] | undefined {
  const names = Object.getOwnPropertyNames(claims);
  if (names.length >= PERSONAL_DATA_CLAIMS.length) {
    const present = PERSONAL_DATA_CLAIMS.filter((n) => hasOwn.call(claims, n));
    return present.length > 0 ? present : undefined;
  }
  let found: number[] | undefined;
  for (const name of names) {
    const i = PERSONAL_DATA_INDEX.get(name);
    if (i !== undefined) (found ??= []).push(i);
  }
  return found?.sort((a, b) => a - b).map((i) => PERSONAL_DATA_CLAIMS[i] as string);
}

/** The JWE parts no registered `enc` may leave empty, with the finding each gets. */
const EMPTY_JWE_PARTS = [
  ['iv', FindingCodes.JWE_EMPTY_IV, 'The initialization vector is empty: every registered content encryption needs one, so this JWE cannot be decrypted (it was cut or built wrong).'],
  ['tag', FindingCodes.JWE_EMPTY_TAG, 'The authentication tag is empty: the ciphertext\'s integrity cannot be checked, and a decrypter that skips the check can be fed altered ciphertext.'],
] as const;

const REMOTE_KEY_PARAMETERS = ['jku', 'x5u'] as const;
const EMBEDDED_KEY_PARAMETERS = ['jwk', 'x5c'] as const;
const ALG_NONE = /^none$/i;
const PBES2 = /^PBES2-/;
const hasOwn = Object.prototype.hasOwnProperty;

// Path traversal, SQL/command/LDAP injection and URL characters: a kid should be an opaque id.
const SUSPICIOUS_KID = /\.\.|[/\\'";|&$`<>\x00-\x1f]|--|\bunion\b|\bselect\b/i;

/** Which segments end in `=` (the decoded token says only that some do). */
function paddedSegmentsEvidence(decoded: DecodedToken): string {
  const names: string[] = [];
  let start = 0;
  decoded.segments.forEach((segment) => {
    if (segment.encodedBytes > 0 && decoded.token.charCodeAt(start + segment.encodedBytes - 1) === 0x3d) names.push(segmentLabel(segment.name));
    start += segment.encodedBytes + 1;
  });
  return names.length === 0 ? 'trailing `=` in a segment' : `trailing \`=\` in the ${names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`} segment${names.length === 1 ? '' : 's'}`;
}

function segmentLabel(name: SegmentName): string {
  return SEGMENT_LABELS[name];
}

/** Cut, controls left as they are: evidence is data each surface escapes for its own output (present/escape.ts, present/terminal.ts), unlike the sentences of core errors (`quoteText`). */
function quote(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

/**
 * Security and encoding findings, most severe first.
 *
 * @example securityFindings(decoded, time).some((f) => f.code === 'TL201') // alg none
 */
export function securityFindings(decoded: DecodedToken, time: TimeReport, thresholds: Pick<Thresholds, 'maxPbes2Count'> = DEFAULT_THRESHOLDS): Finding[] {
  const out: Finding[] = [];
  const h = decoded.header;
  const alg = typeof h['alg'] === 'string' ? h['alg'] : '';

  if (ALG_NONE.test(alg)) {
    pushFinding(out, FindingCodes.ALG_NONE, 'error', 'This token is unsigned: anyone can forge it, and a verifier must never accept it.', `header alg "${alg}"`, rfc(8725, '3.1', BCP));
  }
  const signature = decoded.kind === 'jws' ? decoded.segments[2] : undefined;
  if (signature !== undefined && signature.encodedBytes === 0) {
    pushFinding(out, FindingCodes.STRIPPED_SIGNATURE, 'error', 'The signature was stripped: the header names a signing algorithm but the signature is empty, and a verifier that accepts it accepts any payload.', `header alg "${quote(alg)}", empty signature segment`, rfc(7515, '5.2', 'JSON Web Signature (validation)'));
  }
  if (decoded.kind === 'jwe') {
    for (const [name, code, why] of EMPTY_JWE_PARTS) {
      const part = decoded.segments.find((s) => s.name === name);
      if (part !== undefined && part.encodedBytes === 0) pushFinding(out, code, 'error', why, `empty ${name === 'iv' ? 'initialization vector' : 'authentication tag'} segment, enc ${quote(h['enc'])}`, rfc(7518, name === 'iv' ? '5.2.2.1' : '5.2.2.2', 'JSON Web Algorithms'));
    }
  }
  const family = algorithmInfo(h).family;
  if (family === 'unknown') {
    pushFinding(out, FindingCodes.HEADER_ALG_MISMATCH, 'warning', 'The algorithm is not a registered JOSE algorithm; libraries will reject it, or a lax one may do something unexpected.', `header alg "${quote(alg)}"`, rfc(8725, '3.1', BCP));
  } else if ((decoded.kind === 'jwe') !== (family === 'jwe-key-management') && family !== 'none') {
    const what = decoded.kind === 'jwe' ? 'a signature algorithm on an encrypted token' : 'a key-management (JWE) algorithm on a signed token';
    pushFinding(out, FindingCodes.HEADER_ALG_MISMATCH, 'warning', `The header names ${what}; verifiers must pin the algorithms they expect.`, `header alg "${quote(alg)}" on a ${decoded.kind === 'jwe' ? 'JWE' : 'JWS'}`, rfc(8725, '3.1', BCP));
  }
  for (const p of REMOTE_KEY_PARAMETERS) {
    if (p in h) pushFinding(out, FindingCodes.REMOTE_KEY_URL, 'warning', `The header names a remote key URL (${p}); a verifier that fetches it lets the token choose its own key (server-side request forgery too).`, `${p}: ${quote(h[p])} (not fetched)`, rfc(8725, '3.10', BCP));
  }
  for (const p of EMBEDDED_KEY_PARAMETERS) {
    if (p in h) pushFinding(out, FindingCodes.EMBEDDED_KEY, 'warning', `The header embeds a key (${p}); trusting it lets an attacker sign with their own key.`, `header ${p} present`, rfc(7515, '4.1.3', 'JSON Web Signature'));
  }
  if ('kid' in h) {
    const kid = h['kid'];
    if (typeof kid !== 'string' || SUSPICIOUS_KID.test(kid)) {
      pushFinding(out, FindingCodes.SUSPICIOUS_KID, 'warning', 'The key id looks like a path or query fragment; a verifier using it in a file path or database query can be attacked.', `kid ${quote(kid)}`, OWASP);
    }
  }
  if ('crit' in h) {
    pushFinding(out, FindingCodes.CRITICAL_HEADER, 'info', 'The header lists critical extensions; a verifier that does not understand one of them must reject the token.', `crit ${quote(h['crit'])}`, rfc(7515, '4.1.11', 'JSON Web Signature'));
  }
  if (h['b64'] === false) {
    pushFinding(out, FindingCodes.UNENCODED_PAYLOAD, 'info', 'The payload is not base64url-encoded (b64: false); few libraries support it and the compact form is unusual.', 'header b64: false', rfc(7797, '3', 'JWS Unencoded Payload Option'));
  }
  if (decoded.kind !== 'jwe' && !('typ' in h)) {
    pushFinding(out, FindingCodes.MISSING_TYP, 'info', 'Without an explicit type this token can be confused with other kinds of JWT signed by the same key.', 'no `typ` header', rfc(8725, '3.11', BCP));
  }
  if (decoded.kind === 'jwe') {
    if ('zip' in h) pushFinding(out, FindingCodes.JWE_COMPRESSION, 'warning', 'The plaintext is compressed before encryption, which can leak its content through the ciphertext length.', `zip ${quote(h['zip'])}`, rfc(8725, '3.6', BCP));
    if (PBES2.test(alg)) {
      const p2c = h['p2c'];
      if (typeof p2c !== 'number' || !Number.isFinite(p2c) || p2c > thresholds.maxPbes2Count) {
        pushFinding(out, FindingCodes.PBES2_COUNT, 'warning', 'The PBES2 iteration count is unbounded or very high: decrypting it can tie up the server (denial of service).', `p2c ${quote(p2c)}, bound ${thresholds.maxPbes2Count}`, rfc(7518, '4.8.1.2', 'JSON Web Algorithms'));
      }
    }
  }
  if (decoded.payload.type === 'claims') {
    const c = decoded.payload.claims;
    let exp: TimeClaim | undefined;
    let nbf: TimeClaim | undefined;
    let iat: TimeClaim | undefined;
    for (const t of time.claims) {
      if (t.name === 'exp') exp ??= t;
      else if (t.name === 'nbf') nbf ??= t;
      else if (t.name === 'iat') iat ??= t;
      if (t.invalid !== undefined) pushFinding(out, FindingCodes.INVALID_TIME_CLAIM, 'error', `The ${t.name} claim is not a usable NumericDate; verifiers will reject the token or misjudge its age.`, `${t.name}: ${quote(t.raw)} is ${t.invalid}`, rfc(7519, '2', 'JSON Web Token (NumericDate)'));
    }
    if (exp?.seconds !== undefined && nbf?.seconds !== undefined && nbf.seconds > exp.seconds) {
      pushFinding(out, FindingCodes.NBF_AFTER_EXP, 'error', 'The token becomes valid only after it expires: it is never valid.', `nbf ${nbf.iso} after exp ${exp.iso}`, rfc(7519, '4.1.5', 'JSON Web Token'));
    }
    if (iat?.seconds !== undefined && iat.seconds * 1000 > time.now + time.clockSkewSec * 1000) {
      pushFinding(out, FindingCodes.IAT_IN_FUTURE, 'warning', 'The token claims to be issued in the future: the issuer clock is off, or the token was crafted.', `iat ${iat.iso} is after now + ${time.clockSkewSec} s skew`, rfc(7519, '4.1.6', 'JSON Web Token'));
    }
    if (!('iss' in c)) pushFinding(out, FindingCodes.MISSING_ISS, 'info', 'Without an issuer a verifier cannot check who minted this token.', 'no `iss` claim', rfc(8725, '3.8', BCP));
    if (!('aud' in c)) pushFinding(out, FindingCodes.MISSING_AUD, 'info', 'Without an audience this token can be replayed at any service that trusts the same issuer.', 'no `aud` claim', rfc(8725, '3.9', BCP));
    if (decoded.kind !== 'jwe') {
      const personal = personalDataClaims(c);
      if (personal !== undefined) {
        pushFinding(out, FindingCodes.PERSONAL_DATA, 'warning', 'Personal data in a signed token is readable by anyone who holds it: signing is not encryption.', `claims ${personal.join(', ')}`, OWASP);
      }
    }
  } else if (decoded.payload.type !== 'encrypted' && !(decoded.segmentErrors?.some((e) => e.segment === 'payload') ?? false)) {
    const what = decoded.payload.type === 'json' ? 'JSON that is not an object' : decoded.payload.type === 'text' ? 'text that is not JSON' : 'bytes that are not UTF-8';
    pushFinding(out, FindingCodes.PAYLOAD_NOT_CLAIMS, 'info', 'The payload is not a JWT claims set; JWT libraries will reject this token.', decoded.payloadNote ?? `payload is ${what}`, rfc(7519, '7.2', 'JSON Web Token'));
  }
  if (decoded.segmentErrors !== undefined) segmentFindings(out, decoded, decoded.segmentErrors);
  if (decoded.padded) {
    pushFinding(out, FindingCodes.PADDING, 'warning', 'A segment carries `=` padding, which base64url in JOSE forbids; strict libraries reject it.', paddedSegmentsEvidence(decoded), rfc(7515, '2', 'JSON Web Signature (Base64url Encoding)'));
  }
  if (decoded.duplicateKeys.length > 0) {
    const list = decoded.duplicateKeys.slice(0, 5).map((d) => `${d.segment} ${d.path === '' ? '' : d.path + '.'}${d.key}`).join(', ');
    pushFinding(out, FindingCodes.DUPLICATE_KEYS, 'error', 'A member name occurs twice; parsers disagree on which value wins, which attackers exploit.', `duplicate ${list}`, rfc(7515, '5.2', 'JSON Web Signature'));
  }
  if (decoded.lossyNumbers !== undefined && decoded.lossyNumbers.length > 0) {
    const list = decoded.lossyNumbers.slice(0, 5).map((n) => `${n.segment} ${n.path === '' ? '(root)' : n.path} = ${n.raw}`).join(', ');
    pushFinding(out, FindingCodes.LOSSY_NUMBER, 'info', 'A number is beyond what JavaScript holds exactly; the raw JSON shows its exact value.', list, rfc(8259, '6', 'The JSON Data Interchange Format'));
  }
  return sortFindings(out);
}

/** TL305 for segments that do not decode, TL306 for the missing segments of a truncated JWE. */
function segmentFindings(out: Finding[], decoded: DecodedToken, segmentErrors: readonly SegmentError[]): void {
  const h = decoded.header;
  const broken = segmentErrors.filter((e) => e.code !== 'missing');
  if (broken.length > 0) {
    pushFinding(out, FindingCodes.MALFORMED_SEGMENT, 'error', `The ${broken.map((e) => segmentLabel(e.segment)).join(' and ')} ${broken.length === 1 ? 'segment does' : 'segments do'} not decode: the token was cut, wrapped or is a placeholder, and no verifier accepts it; the rest is shown.`, broken.map((e) => e.message).join('; '), rfc(7515, '7.1', 'JSON Web Signature (compact serialization)'));
  }
  const missing = segmentErrors.filter((e) => e.code === 'missing');
  if (missing.length > 0) {
    pushFinding(out, FindingCodes.TRUNCATED_JWE, 'error', 'The header is a JWE header (enc) but the token has too few segments: a truncated JWE, not a JWS; it cannot be decrypted.', `enc ${quote(h['enc'])} on ${decoded.segments.length} segments; missing ${missing.map((e) => segmentLabel(e.segment)).join(', ')}`, rfc(7516, '9', 'JSON Web Encryption (distinguishing JWS and JWE)'));
  }
}
