/**
 * SD-JWT (RFC 9901): `<issuer-signed JWT>~<disclosure>~…~<disclosure>~[<KB-JWT>]`.
 * {@link parseSdJwt} splits the presentation; {@link inspectSdJwt} decodes the issuer JWT
 * (the usual inspection: time, size, hints, findings), decodes each disclosure (§4.2: the salt
 * is kept out of the result, only whether it is there), matches each to its digest in `_sd`
 * or in a `{"...": digest}` array element (§4.2.4, §7.1) with `_sd_alg` (§4.1.1, default
 * sha-256, hashed with Web Crypto), and checks the key-binding JWT (§4.3, §7.3): `typ`
 * `kb+jwt`, its signature with the `cnf.jwk` key (RFC 7800 §3.2) through jose, and `sd_hash`
 * over the presented SD-JWT. Total: a typed result or a typed error, never a throw.
 */
import { base64url, compactVerify, importJWK } from 'jose';
import type { JWK } from 'jose';
import { FindingCodes } from '../codes';
import { decodeToken } from '../decoder';
import { pushFinding, sortFindings } from '../hints';
import { inspectDecoded } from '../inspect';
import { isJsonObject, readJson } from '../json';
import { base64urlBody, decodeBody, decodeUtf8 } from '../segments';
import type { DecodedToken, Finding, InspectOptions, Inspection, JsonObject, JsonValue, Reference, Result, TokenError } from '../types';

/** The parts of an SD-JWT presentation, as text. */
export interface SdJwtParts {
  /** The issuer-signed JWT (a compact JWS). */
  readonly issuerJwt: string;
  /** The disclosures, base64url text, in presentation order. */
  readonly disclosures: readonly string[];
  /** The key-binding JWT, when the presentation ends with one. */
  readonly keyBindingJwt?: string;
  /** The SD-JWT the key-binding JWT's `sd_hash` covers: everything up to and including the last `~` (RFC 9901 §4.3.1). */
  readonly hashed: string;
}

/** One disclosure, decoded. The salt is never part of the result (RFC 9901 §4.2.1: it exists to hide the value). */
export interface SdJwtDisclosure {
  /** Position in the presentation (0-based). */
  readonly index: number;
  /** `property` for `[salt, name, value]` (§4.2.1), `array-element` for `[salt, value]` (§4.2.2). */
  readonly type: 'property' | 'array-element';
  /** The claim name of a property disclosure. */
  readonly name?: string;
  readonly value?: JsonValue;
  /** True when the first element is a string salt (RFC 9901 §4.2.1). */
  readonly saltPresent: boolean;
  /** base64url of the hash of the disclosure text with `_sd_alg` (§4.2.3); absent when the algorithm is not supported. */
  readonly digest?: string;
  /** Where the digest was found, as a dotted path of the claim it discloses (`given_name`, `nationalities[0]`, `address.street`), when matched. */
  readonly path?: string;
  /** True when the digest occurs in the issuer JWT or in another matched disclosure. */
  readonly matched: boolean;
  /** Why the disclosure is malformed (not base64url JSON, wrong element count, a reserved name…), when it is. */
  readonly problem?: string;
}

/** A digest in the issuer JWT (or a disclosure) with no disclosure presented for it: undisclosed or a decoy (RFC 9901 §4.2.5). */
export interface SdJwtDigest {
  readonly digest: string;
  /** Path of the object holding the `_sd` array, or of the array element (`nationalities[1]`). */
  readonly path: string;
  readonly type: 'property' | 'array-element';
}

/** Outcome of the key-binding JWT signature check with the `cnf.jwk` key. */
export type KeyBindingSignature =
  | { readonly status: 'verified'; readonly alg: string }
  | { readonly status: 'invalid'; readonly alg: string; readonly message: string }
  | { readonly status: 'not-checked'; readonly message: string };

/** The key-binding JWT (RFC 9901 §4.3) and what was checked about it. */
export interface KeyBindingReport {
  readonly decoded: Result<DecodedToken>;
  /** True when the header `typ` is `kb+jwt` (§4.3). */
  readonly typOk: boolean;
  readonly nonce?: JsonValue;
  readonly aud?: JsonValue;
  /** `iat` in seconds, when it is a number. */
  readonly iat?: number;
  /** `sd_hash` as presented and as computed over the presented SD-JWT (§4.3.1). */
  readonly sdHash: { readonly presented?: string; readonly computed?: string; readonly matches: boolean };
  readonly signature: KeyBindingSignature;
}

/** Everything Token Lens knows about one SD-JWT presentation. */
export interface SdJwtInspection {
  readonly parts: SdJwtParts;
  /** The issuer-signed JWT's inspection (time, size, hints and findings as for any JWS). */
  readonly issuer: Inspection;
  /** `_sd_alg`, or `sha-256` when absent (§4.1.1). */
  readonly hashAlg: string;
  /** False when `_sd_alg` is not one Web Crypto computes (sha-256, sha-384, sha-512): digests were not checked. */
  readonly hashSupported: boolean;
  readonly disclosures: readonly SdJwtDisclosure[];
  /** Digests no presented disclosure matches (undisclosed claims or decoys). */
  readonly unmatchedDigests: readonly SdJwtDigest[];
  /** Indexes into `disclosures` of those whose digest occurs nowhere (tampered, or from another SD-JWT). */
  readonly unmatchedDisclosures: readonly number[];
  readonly keyBinding?: KeyBindingReport;
  /** SD-JWT findings (TL230–TL237), most severe first. The issuer JWT's own are in `issuer`. */
  readonly findings: readonly Finding[];
}

/** Most disclosures read from one presentation. */
export const MAX_DISCLOSURES = 4096;

/** IANA hash names (RFC 9901 §4.1.1, "Named Information Hash Algorithm" registry) → Web Crypto names. */
const HASH_ALGORITHMS: Readonly<Record<string, string>> = { 'sha-256': 'SHA-256', 'sha-384': 'SHA-384', 'sha-512': 'SHA-512' };

const RFC9901 = (section: string, title: string): Reference => ({ kind: 'rfc', rfc: 9901, section, title });

function fail(code: TokenError['code'], message: string): { ok: false; error: TokenError } {
  return { ok: false, error: { code, message } };
}

/**
 * Splits an SD-JWT presentation into its issuer JWT, disclosures and key-binding JWT
 * (RFC 9901 §4). Total.
 *
 * @example parseSdJwt('eyJ…~WyJ…~').value.disclosures.length // 1
 */
export function parseSdJwt(presentation: string): Result<SdJwtParts> {
  if (typeof presentation !== 'string' || presentation.length === 0) return fail('ERR_EMPTY', 'The SD-JWT is empty');
  const first = presentation.indexOf('~');
  if (first <= 0) return fail('ERR_SEGMENT_COUNT', 'An SD-JWT has a "~" after the issuer-signed JWT (RFC 9901 §4)');
  const parts = presentation.split('~');
  if (parts.length - 2 > MAX_DISCLOSURES) return fail('ERR_TOO_LONG', `The SD-JWT has more than ${MAX_DISCLOSURES} disclosures`);
  const last = parts[parts.length - 1] ?? '';
  const disclosures = parts.slice(1, -1);
  if (disclosures.some((d) => d.length === 0)) return fail('ERR_SEGMENT_COUNT', 'The SD-JWT has an empty disclosure ("~~")');
  const hashed = presentation.slice(0, presentation.length - last.length);
  const value: SdJwtParts = last.length > 0 ? { issuerJwt: parts[0] ?? '', disclosures, keyBindingJwt: last, hashed } : { issuerJwt: parts[0] ?? '', disclosures, hashed };
  return { ok: true, value };
}

async function hash(alg: string, text: string): Promise<string> {
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest(alg, new TextEncoder().encode(text)));
  return base64url.encode(bytes);
}

/** A disclosure's array, or why it is not one (RFC 9901 §4.2.1, §4.2.2, §7.1 step 3). */
function readDisclosure(index: number, text: string): Omit<SdJwtDisclosure, 'digest' | 'path' | 'matched'> {
  const body = base64urlBody(text);
  const bytes = body === undefined ? undefined : decodeBody(body);
  const json = bytes === undefined ? undefined : decodeUtf8(bytes);
  if (json === undefined) return { index, type: 'property', saltPresent: false, problem: 'not base64url of UTF-8 text' };
  const read = readJson(json);
  if (!read.ok) return { index, type: 'property', saltPresent: false, problem: `not JSON (${read.error.message})` };
  const array = read.value.value;
  if (!Array.isArray(array) || (array.length !== 2 && array.length !== 3)) return { index, type: 'property', saltPresent: false, problem: 'not a JSON array of 2 or 3 elements' };
  const saltPresent = typeof array[0] === 'string';
  if (array.length === 2) {
    const value = array[1] as JsonValue;
    return saltPresent ? { index, type: 'array-element', value, saltPresent } : { index, type: 'array-element', value, saltPresent, problem: 'the salt is not a string' };
  }
  const name = array[1];
  const value = array[2] as JsonValue;
  if (typeof name !== 'string') return { index, type: 'property', value, saltPresent, problem: 'the claim name is not a string' };
  if (name === '_sd' || name === '...') return { index, type: 'property', name, value, saltPresent, problem: `the claim name "${name}" is reserved (RFC 9901 §7.1)` };
  return saltPresent ? { index, type: 'property', name, value, saltPresent } : { index, type: 'property', name, value, saltPresent, problem: 'the salt is not a string' };
}

const childPath = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

interface Embedded {
  readonly digest: string;
  readonly path: string;
  readonly type: 'property' | 'array-element';
}

/** The digests embedded in `root` at `path` (`_sd` members and `{"...": d}` elements), without descending into disclosed values. */
function embeddedDigests(root: JsonValue, path: string, out: Embedded[]): void {
  const stack: [JsonValue, string][] = [[root, path]];
  while (stack.length > 0) {
    const [value, at] = stack.pop() as [JsonValue, string];
    if (Array.isArray(value)) {
      value.forEach((element, i) => {
        if (isJsonObject(element) && Object.keys(element).length === 1 && typeof element['...'] === 'string') {
          out.push({ digest: element['...'], path: childPath(at, i), type: 'array-element' });
        } else stack.push([element, childPath(at, i)]);
      });
    } else if (isJsonObject(value)) {
      for (const [key, member] of Object.entries(value)) {
        if (key === '_sd' && Array.isArray(member)) {
          for (const d of member) if (typeof d === 'string') out.push({ digest: d, path: at, type: 'property' });
        } else stack.push([member, childPath(at, key)]);
      }
    }
  }
}

/** The `cnf.jwk` of the issuer JWT (RFC 7800 §3.2), when it is a JWK object. */
function confirmationKey(claims: JsonObject | undefined): JsonObject | undefined {
  const cnf = claims?.['cnf'];
  const jwk = isJsonObject(cnf) ? cnf['jwk'] : undefined;
  return isJsonObject(jwk) ? jwk : undefined;
}

async function keyBindingSignature(kb: string, decoded: Result<DecodedToken>, jwk: JsonObject | undefined): Promise<KeyBindingSignature> {
  if (!decoded.ok) return { status: 'not-checked', message: `The key-binding JWT does not decode (${decoded.error.message})` };
  const alg = decoded.value.header['alg'];
  if (typeof alg !== 'string' || decoded.value.kind !== 'jws' || alg.toLowerCase() === 'none') return { status: 'not-checked', message: 'The key-binding JWT is not signed' };
  if (jwk === undefined) return { status: 'not-checked', message: 'The issuer JWT has no cnf.jwk key to check the key-binding JWT with (RFC 7800 §3.2)' };
  if (jwk['kty'] === 'oct' || typeof jwk['d'] === 'string') return { status: 'not-checked', message: 'The cnf.jwk is not a public key' };
  try {
    const key = await importJWK(jwk as JWK, alg);
    await compactVerify(kb, key, { algorithms: [alg] });
    return { status: 'verified', alg };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { status: 'invalid', alg, message: 'The key-binding JWT signature does not verify with the cnf.jwk key' };
    return { status: 'not-checked', message: `The cnf.jwk key cannot check an ${alg} signature` };
  }
}

async function keyBinding(parts: SdJwtParts, kb: string, issuerClaims: JsonObject | undefined, webCryptoHash: string | undefined): Promise<KeyBindingReport> {
  const decoded = decodeToken(kb);
  const claims = decoded.ok && decoded.value.payload.type === 'claims' ? decoded.value.payload.claims : undefined;
  const typ = decoded.ok ? decoded.value.header['typ'] : undefined;
  const presented = typeof claims?.['sd_hash'] === 'string' ? claims['sd_hash'] : undefined;
  const computed = webCryptoHash === undefined ? undefined : await hash(webCryptoHash, parts.hashed);
  const report: { -readonly [K in keyof KeyBindingReport]: KeyBindingReport[K] } = {
    decoded,
    typOk: typeof typ === 'string' && typ.toLowerCase() === 'kb+jwt',
    sdHash: { ...(presented !== undefined ? { presented } : {}), ...(computed !== undefined ? { computed } : {}), matches: presented !== undefined && presented === computed },
    signature: await keyBindingSignature(kb, decoded, confirmationKey(issuerClaims)),
  };
  if (claims !== undefined) {
    if (claims['nonce'] !== undefined) report.nonce = claims['nonce'];
    if (claims['aud'] !== undefined) report.aud = claims['aud'];
    if (typeof claims['iat'] === 'number') report.iat = claims['iat'];
  }
  return report;
}

/**
 * Decodes and checks an SD-JWT presentation (RFC 9901 §7.1, §7.3) at `now`: the issuer JWT's
 * inspection, each disclosure (salt hidden) matched to its digest, digests nothing discloses,
 * and the key-binding JWT (`typ`, `cnf.jwk` signature, `sd_hash`, `nonce`/`aud`/`iat`). The
 * issuer JWT's own signature is the verifier's business (`verifyToken(parts.issuerJwt)`).
 * Total: never rejects.
 *
 * @example
 * const r = await inspectSdJwt(presentation, { now: Date.now() });
 * if (r.ok) r.value.disclosures.map((d) => d.name); // ['given_name', 'family_name', undefined]
 */
export async function inspectSdJwt(presentation: string, options: InspectOptions = {}): Promise<Result<SdJwtInspection>> {
  try {
    return await inspect(presentation, options);
  } catch {
    return fail('ERR_ANALYSIS_FAILED', 'Failed to analyse the SD-JWT');
  }
}

async function inspect(presentation: string, options: InspectOptions): Promise<Result<SdJwtInspection>> {
  const parsed = parseSdJwt(presentation);
  if (!parsed.ok) return parsed;
  const parts = parsed.value;
  const decoded = decodeToken(parts.issuerJwt);
  if (!decoded.ok) return decoded;
  if (decoded.value.kind !== 'jws') return fail('ERR_NOT_COMPACT', 'The issuer-signed JWT of an SD-JWT must be a signed JWS (RFC 9901 §4.1)');
  const issuer = inspectDecoded(decoded.value, options);
  const claims = decoded.value.payload.type === 'claims' ? decoded.value.payload.claims : undefined;
  const sdAlg = claims?.['_sd_alg'];
  const hashAlg = typeof sdAlg === 'string' ? sdAlg : 'sha-256';
  const webCryptoHash = HASH_ALGORITHMS[hashAlg.toLowerCase()];
  const findings: Finding[] = [];

  const read = parts.disclosures.map((text, i) => readDisclosure(i, text));
  const digests = webCryptoHash === undefined ? [] : await Promise.all(parts.disclosures.map((text) => hash(webCryptoHash, text)));
  const byDigest = new Map<string, number>();
  digests.forEach((d, i) => {
    if (!byDigest.has(d)) byDigest.set(d, i);
  });
  const paths = new Map<number, string>();
  const unmatchedDigests: SdJwtDigest[] = [];
  const seen = new Set<string>();
  // Digests of the payload, then of each disclosed value in turn (a disclosure may hide more, §4.2.6).
  const queue: Embedded[] = [];
  if (claims !== undefined) embeddedDigests(claims, '', queue);
  for (let k = 0; k < queue.length; k++) {
    const { digest, path, type } = queue[k] as Embedded;
    if (seen.has(digest)) {
      pushFinding(findings, path ? FindingCodes.SD_DUPLICATE_DIGEST : 'TL232.top', 'error', RFC9901('7.1', 'Verification of the SD-JWT'), [path]);
      continue;
    }
    seen.add(digest);
    const index = byDigest.get(digest);
    const disclosure = index === undefined ? undefined : read[index];
    if (index === undefined || disclosure === undefined || disclosure.problem !== undefined || disclosure.type !== type) {
      if (disclosure !== undefined && disclosure.problem === undefined && disclosure.type !== type) {
        pushFinding(findings, path ? 'TL231.misplaced' : 'TL231.misplaced.top', 'error', RFC9901('7.1', 'Verification of the SD-JWT'), [index ?? '', path]);
      }
      if (index === undefined) unmatchedDigests.push({ digest, path, type });
      continue;
    }
    const claimPath = type === 'property' ? childPath(path, disclosure.name ?? '') : path;
    paths.set(index, claimPath);
    if (disclosure.value !== undefined) embeddedDigests(disclosure.value, claimPath, queue);
  }

  const disclosures: SdJwtDisclosure[] = read.map((d, i) => {
    const digest = digests[i];
    const path = paths.get(i);
    return { ...d, ...(digest !== undefined ? { digest } : {}), ...(path !== undefined ? { path } : {}), matched: path !== undefined };
  });
  const unmatchedDisclosures = webCryptoHash === undefined ? [] : disclosures.filter((d) => !d.matched).map((d) => d.index);
  for (const d of disclosures) {
    if (d.problem !== undefined) pushFinding(findings, FindingCodes.SD_MALFORMED_DISCLOSURE, 'error', RFC9901('4.2', 'Disclosures'), [d.index, d.problem]);
  }
  if (webCryptoHash === undefined) {
    pushFinding(findings, FindingCodes.SD_UNSUPPORTED_HASH, 'warning', RFC9901('4.1.1', 'Hash Function Claim'), [String(hashAlg)]);
  } else if (unmatchedDisclosures.length > 0) {
    pushFinding(findings, FindingCodes.SD_UNMATCHED_DISCLOSURE, 'error', RFC9901('7.1', 'Verification of the SD-JWT'), [unmatchedDisclosures.join(', ')]);
  }

  let kbReport: KeyBindingReport | undefined;
  if (parts.keyBindingJwt !== undefined) {
    kbReport = await keyBinding(parts, parts.keyBindingJwt, claims, webCryptoHash);
    const kbSection = RFC9901('7.3', 'Verification by the Verifier');
    if (!kbReport.typOk) pushFinding(findings, FindingCodes.SD_KB_TYP, 'error', RFC9901('4.3', 'Key Binding JWT'));
    if (webCryptoHash !== undefined && !kbReport.sdHash.matches) {
      pushFinding(findings, kbReport.sdHash.presented === undefined ? 'TL235.missing' : FindingCodes.SD_KB_SD_HASH, 'error', kbSection);
    }
    if (kbReport.signature.status === 'invalid') pushFinding(findings, FindingCodes.SD_KB_SIGNATURE, 'error', kbSection, [kbReport.signature.message]);
    else if (kbReport.signature.status === 'not-checked') pushFinding(findings, FindingCodes.SD_KB_NOT_CHECKED, 'warning', kbSection, [kbReport.signature.message]);
  }
  const value: SdJwtInspection = {
    parts,
    issuer,
    hashAlg,
    hashSupported: webCryptoHash !== undefined,
    disclosures,
    unmatchedDigests,
    unmatchedDisclosures,
    ...(kbReport !== undefined ? { keyBinding: kbReport } : {}),
    findings: sortFindings(findings),
  };
  return { ok: true, value };
}
