/**
 * Security and encoding findings for one token (RFC 8725 JWT BCP, OWASP JWT cheat sheet).
 * Remote key URLs are shown, never fetched.
 */
import { algorithmInfo } from './algorithms';
import { FindingCodes } from './codes';
import { segmentParam, timeReasonParam } from './findingTexts';
import { DEFAULT_THRESHOLDS, pushFinding, sortFindings } from './hints';
import type { SegmentName } from './segments';
import type { DecodedToken, Finding, JsonObject, NestedMessage, Reference, SegmentError, Thresholds, TimeClaim, TimeReport } from './types';

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
  ['iv', FindingCodes.JWE_EMPTY_IV],
  ['tag', FindingCodes.JWE_EMPTY_TAG],
] as const;

const REMOTE_KEY_PARAMETERS = ['jku', 'x5u'] as const;
const EMBEDDED_KEY_PARAMETERS = ['jwk', 'x5c'] as const;
const ALG_NONE = /^none$/i;
const PBES2 = /^PBES2-/;
const hasOwn = Object.prototype.hasOwnProperty;

// Path traversal, SQL/command/LDAP injection and URL characters: a kid should be an opaque id.
const SUSPICIOUS_KID = /\.\.|[/\\'";|&$`<>\x00-\x1f]|--|\bunion\b|\bselect\b/i;

/** The labels of the segments that end in `=` (the decoded token says only that some do). */
function paddedSegments(decoded: DecodedToken): SegmentName[] {
  const names: SegmentName[] = [];
  let start = 0;
  decoded.segments.forEach((segment) => {
    if (segment.encodedBytes > 0 && decoded.token.charCodeAt(start + segment.encodedBytes - 1) === 0x3d) names.push(segment.name);
    start += segment.encodedBytes + 1;
  });
  return names;
}

/** A segment error's sentence as a param (its text id along, when it has one). */
function nestedError(error: SegmentError): NestedMessage {
  return { message: error.message, ...(error.textId !== undefined ? { textId: error.textId } : {}), ...(error.params !== undefined ? { params: error.params } : {}) };
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
    pushFinding(out, FindingCodes.ALG_NONE, 'error', rfc(8725, '3.1', BCP), [alg]);
  }
  const signature = decoded.kind === 'jws' ? decoded.segments[2] : undefined;
  if (signature !== undefined && signature.encodedBytes === 0) {
    pushFinding(out, FindingCodes.STRIPPED_SIGNATURE, 'error', rfc(7515, '5.2', 'JSON Web Signature (validation)'), [quote(alg)]);
  }
  if (decoded.kind === 'jwe') {
    for (const [name, code] of EMPTY_JWE_PARTS) {
      const part = decoded.segments.find((s) => s.name === name);
      if (part !== undefined && part.encodedBytes === 0) pushFinding(out, code, 'error', rfc(7518, name === 'iv' ? '5.2.2.1' : '5.2.2.2', 'JSON Web Algorithms'), [quote(h['enc'])]);
    }
  }
  const family = algorithmInfo(h).family;
  if (family === 'unknown') {
    pushFinding(out, 'TL216.unknown', 'warning', rfc(8725, '3.1', BCP), [quote(alg)]);
  } else if ((decoded.kind === 'jwe') !== (family === 'jwe-key-management') && family !== 'none') {
    pushFinding(out, decoded.kind === 'jwe' ? 'TL216.jwe' : 'TL216.jws', 'warning', rfc(8725, '3.1', BCP), [quote(alg)]);
  }
  for (const p of REMOTE_KEY_PARAMETERS) {
    if (p in h) pushFinding(out, FindingCodes.REMOTE_KEY_URL, 'warning', rfc(8725, '3.10', BCP), [p, quote(h[p])]);
  }
  for (const p of EMBEDDED_KEY_PARAMETERS) {
    if (p in h) pushFinding(out, FindingCodes.EMBEDDED_KEY, 'warning', rfc(7515, '4.1.3', 'JSON Web Signature'), [p]);
  }
  if ('kid' in h) {
    const kid = h['kid'];
    if (typeof kid !== 'string' || SUSPICIOUS_KID.test(kid)) {
      pushFinding(out, FindingCodes.SUSPICIOUS_KID, 'warning', OWASP, [quote(kid)]);
    }
  }
  if ('crit' in h) {
    pushFinding(out, FindingCodes.CRITICAL_HEADER, 'info', rfc(7515, '4.1.11', 'JSON Web Signature'), [quote(h['crit'])]);
  }
  if (h['b64'] === false) {
    pushFinding(out, FindingCodes.UNENCODED_PAYLOAD, 'info', rfc(7797, '3', 'JWS Unencoded Payload Option'));
  }
  if (decoded.kind !== 'jwe' && !('typ' in h)) {
    pushFinding(out, FindingCodes.MISSING_TYP, 'info', rfc(8725, '3.11', BCP));
  }
  if (decoded.kind === 'jwe') {
    if ('zip' in h) pushFinding(out, FindingCodes.JWE_COMPRESSION, 'warning', rfc(8725, '3.6', BCP), [quote(h['zip'])]);
    if (PBES2.test(alg)) {
      const p2c = h['p2c'];
      if (typeof p2c !== 'number' || !Number.isFinite(p2c) || p2c > thresholds.maxPbes2Count) {
        pushFinding(out, FindingCodes.PBES2_COUNT, 'warning', rfc(7518, '4.8.1.2', 'JSON Web Algorithms'), [quote(p2c), thresholds.maxPbes2Count]);
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
      if (t.invalid !== undefined) pushFinding(out, FindingCodes.INVALID_TIME_CLAIM, 'error', rfc(7519, '2', 'JSON Web Token (NumericDate)'), [t.name, quote(t.raw), timeReasonParam(t.invalid)]);
    }
    if (exp?.seconds !== undefined && nbf?.seconds !== undefined && nbf.seconds > exp.seconds) {
      pushFinding(out, FindingCodes.NBF_AFTER_EXP, 'error', rfc(7519, '4.1.5', 'JSON Web Token'), [String(nbf.iso), String(exp.iso)]);
    }
    if (iat?.seconds !== undefined && iat.seconds * 1000 > time.now + time.clockSkewSec * 1000) {
      pushFinding(out, FindingCodes.IAT_IN_FUTURE, 'warning', rfc(7519, '4.1.6', 'JSON Web Token'), [String(iat.iso), time.clockSkewSec]);
    }
    if (!('iss' in c)) pushFinding(out, FindingCodes.MISSING_ISS, 'info', rfc(8725, '3.8', BCP));
    if (!('aud' in c)) pushFinding(out, FindingCodes.MISSING_AUD, 'info', rfc(8725, '3.9', BCP));
    if (decoded.kind !== 'jwe') {
      const personal = personalDataClaims(c);
      if (personal !== undefined) {
        pushFinding(out, FindingCodes.PERSONAL_DATA, 'warning', OWASP, [personal.join(', ')]);
      }
    }
  } else if (decoded.payload.type !== 'encrypted' && !(decoded.segmentErrors?.some((e) => e.segment === 'payload') ?? false)) {
    const reference = rfc(7519, '7.2', 'JSON Web Token');
    if (decoded.payloadNote !== undefined) pushFinding(out, FindingCodes.PAYLOAD_NOT_CLAIMS, 'info', reference, [decoded.payloadNote]);
    else pushFinding(out, decoded.payload.type === 'json' ? 'TL304.json' : decoded.payload.type === 'text' ? 'TL304.text' : 'TL304.binary', 'info', reference);
  }
  if (decoded.segmentErrors !== undefined) segmentFindings(out, decoded, decoded.segmentErrors);
  if (decoded.padded) {
    const names = paddedSegments(decoded);
    pushFinding(out, names.length === 0 ? 'TL301.unknown' : names.length === 1 ? FindingCodes.PADDING : 'TL301.many', 'warning', rfc(7515, '2', 'JSON Web Signature (Base64url Encoding)'), [{ list: names.map(segmentParam), join: 'and' }]);
  }
  if (decoded.duplicateKeys.length > 0) {
    const list = decoded.duplicateKeys.slice(0, 5).map((d) => `${d.segment} ${d.path === '' ? '' : d.path + '.'}${d.key}`).join(', ');
    pushFinding(out, FindingCodes.DUPLICATE_KEYS, 'error', rfc(7515, '5.2', 'JSON Web Signature'), [list]);
  }
  if (decoded.lossyNumbers !== undefined && decoded.lossyNumbers.length > 0) {
    const list = decoded.lossyNumbers.slice(0, 5).map((n) => `${n.segment} ${n.path === '' ? '(root)' : n.path} = ${n.raw}`).join(', ');
    pushFinding(out, FindingCodes.LOSSY_NUMBER, 'info', rfc(8259, '6', 'The JSON Data Interchange Format'), [list]);
  }
  return sortFindings(out);
}

/** TL305 for segments that do not decode, TL306 for the missing segments of a truncated JWE. */
function segmentFindings(out: Finding[], decoded: DecodedToken, segmentErrors: readonly SegmentError[]): void {
  const h = decoded.header;
  const broken = segmentErrors.filter((e) => e.code !== 'missing');
  if (broken.length > 0) {
    pushFinding(out, broken.length === 1 ? FindingCodes.MALFORMED_SEGMENT : 'TL305.many', 'error', rfc(7515, '7.1', 'JSON Web Signature (compact serialization)'), [{ list: broken.map((e) => segmentParam(e.segment)), join: 'and-each' }, { list: broken.map(nestedError), join: 'semicolon' }]);
  }
  const missing = segmentErrors.filter((e) => e.code === 'missing');
  if (missing.length > 0) {
    pushFinding(out, FindingCodes.TRUNCATED_JWE, 'error', rfc(7516, '9', 'JSON Web Encryption (distinguishing JWS and JWE)'), [quote(h['enc']), decoded.segments.length, { list: missing.map((e) => segmentParam(e.segment)), join: 'comma' }]);
  }
}
