/**
 * PASETO (Platform-Agnostic SEcurity TOkens, PASETO specification and RFC draft
 * draft-paragon-paseto-rfc): `vN.purpose.payload[.footer]` with `v1`–`v4` and `local`
 * (encrypted) or `public` (signed). A `public` payload is the message followed by the
 * signature (v1 256 bytes RSA-PSS, v2/v4 64 bytes Ed25519, v3 96 bytes P-384); the message is
 * JSON claims whose times (`exp`, `nbf`, `iat`) are ISO 8601 strings. A `local` payload is
 * nonce, ciphertext and tag: nothing to read without the key. {@link verifyPasetoV4Public}
 * checks a `v4.public` signature with Web Crypto Ed25519 over PAE (the spec's
 * pre-authentication encoding). Total: a typed result or a typed error, never a throw.
 */
import { coreMessage, timeReasonParam } from '../findingTexts';
import type { MessageTextId } from '../findingTexts';
import { pushFinding, sortFindings } from '../hints';
import { isJsonObject, readJson } from '../json';
import { base64urlBody, decodeBody, decodeUtf8 } from '../segments';
import { sizeReport } from '../size';
import { timeReport } from '../time';
import type { Finding, FindingParam, InspectOptions, JsonObject, JsonValue, PasetoPurpose, PasetoVersion, Reference, Result, SizeReport, TimeReport, TokenError } from '../types';

/** Signature bytes at the end of a `public` payload, per version. */
export const PASETO_SIGNATURE_BYTES: Readonly<Record<PasetoVersion, number>> = { v1: 256, v2: 64, v3: 96, v4: 64 };

/** A PASETO token, decoded (not verified, not decrypted). */
export interface DecodedPaseto {
  readonly token: string;
  readonly version: PasetoVersion;
  readonly purpose: PasetoPurpose;
  /** `public`: the message (claims when JSON), signature bytes; `local`: encrypted. */
  readonly payload:
    | { readonly type: 'claims'; readonly claims: JsonObject; readonly json: string; readonly signatureBytes: number }
    | { readonly type: 'text'; readonly text: string; readonly signatureBytes: number }
    | { readonly type: 'encrypted'; readonly bytes: number };
  /** The footer (unencrypted, authenticated), when there is one: JSON when it parses (e.g. `{"kid": …}`), else text. */
  readonly footer?: { readonly type: 'json'; readonly value: JsonValue; readonly json: string } | { readonly type: 'text'; readonly text: string };
}

/** A PASETO time claim: an ISO 8601 string in PASETO (not a NumericDate). */
export interface PasetoTimeClaim {
  readonly name: 'exp' | 'nbf' | 'iat';
  readonly raw: JsonValue;
  /** Seconds since the epoch, when `raw` is an ISO 8601 date-time with an offset. */
  readonly seconds?: number;
  readonly invalid?: string;
}

/** Everything Token Lens knows about one PASETO token at one instant. */
export interface PasetoInspection {
  readonly decoded: DecodedPaseto;
  /** The PASETO times read into a time report (status, relative text) like a JWT's; `not-applicable` for `local`. */
  readonly time: TimeReport;
  readonly timeClaims: readonly PasetoTimeClaim[];
  readonly size: SizeReport;
  /** Hints with the usual codes (TL101 no `exp`, TL103 no `jti`, TL215 a time that is not RFC 3339), most severe first. */
  readonly findings: readonly Finding[];
}

/** PASETO times are ISO 8601 date-times with a time zone: the RFC 3339 internet date/time format. */
const DATE_TIME: Reference = { kind: 'rfc', rfc: 3339, section: '5.6', title: 'Internet Date/Time Format' };
const PASETO_TOKEN = /^v([1-4])\.(local|public)\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]+))?$/;
/** ISO 8601 / RFC 3339 date-time with a `Z` or `±hh:mm` offset, as PASETO requires. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

function fail(code: TokenError['code'], id: MessageTextId, params: readonly FindingParam[] = []): { ok: false; error: TokenError } {
  return { ok: false, error: { code, ...coreMessage(id, params) } };
}

function bytesOf(segment: string): Uint8Array | undefined {
  const body = base64urlBody(segment);
  return body === undefined || body.length !== segment.length ? undefined : decodeBody(body);
}

/**
 * Decodes a PASETO token without verifying or decrypting it. Total.
 *
 * @example decodePaseto('v4.public.eyJ…').value.payload.type // 'claims'
 */
export function decodePaseto(token: string): Result<DecodedPaseto> {
  if (typeof token !== 'string' || token.length === 0) return fail('ERR_EMPTY', 'decode.empty');
  const m = PASETO_TOKEN.exec(token);
  if (m === null) return fail('ERR_SEGMENT_COUNT', 'paseto.shape');
  const version = `v${m[1]}` as PasetoVersion;
  const purpose = m[2] as PasetoPurpose;
  const payloadBytes = bytesOf(m[3] ?? '');
  if (payloadBytes === undefined) return fail('ERR_BASE64URL', 'paseto.payload');
  let footer: DecodedPaseto['footer'];
  if (m[4] !== undefined) {
    const footerBytes = bytesOf(m[4]);
    const text = footerBytes === undefined ? undefined : decodeUtf8(footerBytes);
    if (text === undefined) return fail('ERR_BASE64URL', 'paseto.footer');
    const read = readJson(text);
    footer = read.ok ? { type: 'json', value: read.value.value, json: text } : { type: 'text', text };
  }
  let payload: DecodedPaseto['payload'];
  if (purpose === 'local') payload = { type: 'encrypted', bytes: payloadBytes.length };
  else {
    const signatureBytes = PASETO_SIGNATURE_BYTES[version];
    if (payloadBytes.length < signatureBytes) return fail('ERR_BASE64URL', 'paseto.short', [version, signatureBytes]);
    const text = decodeUtf8(payloadBytes.subarray(0, payloadBytes.length - signatureBytes));
    if (text === undefined) return fail('ERR_HEADER_NOT_JSON', 'paseto.utf8');
    const read = readJson(text);
    payload = read.ok && isJsonObject(read.value.value) ? { type: 'claims', claims: read.value.value, json: text, signatureBytes } : { type: 'text', text, signatureBytes };
  }
  return { ok: true, value: footer === undefined ? { token, version, purpose, payload } : { token, version, purpose, payload, footer } };
}

function readPasetoTime(claims: JsonObject, name: PasetoTimeClaim['name']): PasetoTimeClaim | undefined {
  if (!Object.prototype.hasOwnProperty.call(claims, name)) return undefined;
  const raw = claims[name] as JsonValue;
  if (typeof raw !== 'string' || !ISO_DATE_TIME.test(raw)) return { name, raw, invalid: 'not an ISO 8601 date-time with a time zone, as PASETO requires' };
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? { name, raw, seconds: Math.floor(ms / 1000) } : { name, raw, invalid: 'not a valid date' };
}

/**
 * Decodes and inspects a PASETO token at `now`: times (ISO 8601 in PASETO), size, and the
 * hints that apply (no `exp`: article reason 1; no `jti`: article reason 1; an unusable time). Total.
 *
 * @example inspectPaseto(token, { now: Date.now() }).value.time.relative // 'expires in 4 min'
 */
export function inspectPaseto(token: string, options: InspectOptions = {}): Result<PasetoInspection> {
  const decoded = decodePaseto(token);
  if (!decoded.ok) return decoded;
  try {
    const now = typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : Date.now();
    const clockSkewSec = typeof options.clockSkewSec === 'number' && Number.isFinite(options.clockSkewSec) && options.clockSkewSec >= 0 ? options.clockSkewSec : 60;
    const { payload } = decoded.value;
    const claims = payload.type === 'claims' ? payload.claims : undefined;
    const timeClaims: PasetoTimeClaim[] = [];
    // The time report reads NumericDates: give it the PASETO times as seconds.
    const numeric: JsonObject = {};
    for (const name of ['iat', 'nbf', 'exp'] as const) {
      const claim = claims === undefined ? undefined : readPasetoTime(claims, name);
      if (claim === undefined) continue;
      timeClaims.push(claim);
      numeric[name] = claim.seconds ?? claim.raw;
    }
    const time = timeReport(claims === undefined ? undefined : numeric, { now, clockSkewSec });
    // Sized as a whole (PASETO has no JOSE segments); claim weights when the message is JSON.
    const size = sizeReport({ token, segments: [], payload: payload.type === 'claims' ? { type: 'claims', claims: payload.claims, json: payload.json } : { type: 'encrypted', ciphertextBytes: 0 } });
    const findings: Finding[] = [];
    if (claims !== undefined) {
      for (const c of timeClaims) {
        if (c.invalid !== undefined) pushFinding(findings, 'TL215.paseto', 'error', DATE_TIME, [c.name, '', timeReasonParam(c.invalid)]);
      }
      if (!Object.prototype.hasOwnProperty.call(claims, 'exp')) {
        pushFinding(findings, 'TL101.paseto', 'warning', { kind: 'article', reason: 1, title: 'Revocation is a Nightmare' });
      }
      if (!Object.prototype.hasOwnProperty.call(claims, 'jti')) {
        pushFinding(findings, 'TL103.paseto', 'info', { kind: 'article', reason: 1, title: 'Revocation is a Nightmare' });
      }
    }
    return { ok: true, value: { decoded: decoded.value, time, timeClaims, size, findings: sortFindings(findings) } };
  } catch {
    return fail('ERR_ANALYSIS_FAILED', 'paseto.analysis');
  }
}

/** LE64 of the PASETO specification: little-endian, the top bit cleared. */
function le64(n: number): Uint8Array {
  const out = new Uint8Array(8);
  let v = n;
  for (let i = 0; i < 8; i++) {
    out[i] = v % 256;
    v = Math.floor(v / 256);
  }
  out[7] = (out[7] ?? 0) & 0x7f;
  return out;
}

/**
 * PAE, the pre-authentication encoding of the PASETO specification ("Authentication
 * Padding"): LE64(number of pieces), then each piece as LE64(its length) followed by its bytes.
 *
 * @example pae([]) // 00 00 00 00 00 00 00 00
 */
export function pae(pieces: readonly Uint8Array[]): Uint8Array {
  let length = 8;
  for (const p of pieces) length += 8 + p.length;
  const out = new Uint8Array(length);
  out.set(le64(pieces.length), 0);
  let at = 8;
  for (const p of pieces) {
    out.set(le64(p.length), at);
    out.set(p, at + 8);
    at += 8 + p.length;
  }
  return out;
}

/** Outcome of {@link verifyPasetoV4Public}. */
export type PasetoVerification =
  | { readonly status: 'verified'; readonly message: string }
  | { readonly status: 'invalid-signature'; readonly message: string }
  | { readonly status: 'not-checked'; readonly message: string };

/** The key of {@link verifyPasetoV4Public}: an Ed25519 public key as a JWK (`kty` OKP, `crv` Ed25519) or its 32 raw bytes. */
export type PasetoPublicKey = { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string } | Uint8Array;

/**
 * Verifies a `v4.public` token's Ed25519 signature (Web Crypto `Ed25519`) over
 * PAE(`v4.public.`, message, footer, implicit assertion). Never rejects.
 *
 * @example await verifyPasetoV4Public(token, { kty: 'OKP', crv: 'Ed25519', x }) // { status: 'verified', … }
 */
export async function verifyPasetoV4Public(token: string, publicKey: PasetoPublicKey, implicitAssertion: Uint8Array = new Uint8Array(0)): Promise<PasetoVerification> {
  try {
    const m = typeof token === 'string' ? PASETO_TOKEN.exec(token) : null;
    if (m === null || m[1] !== '4' || m[2] !== 'public') return { status: 'not-checked', message: 'Only v4.public tokens are verified here' };
    const payload = bytesOf(m[3] ?? '');
    const footer = m[4] === undefined ? new Uint8Array(0) : bytesOf(m[4]);
    if (payload === undefined || footer === undefined || payload.length < 64) return { status: 'not-checked', message: 'The token does not decode' };
    const message = payload.subarray(0, payload.length - 64);
    const signature = payload.subarray(payload.length - 64);
    const key = publicKey instanceof Uint8Array
      ? await globalThis.crypto.subtle.importKey('raw', new Uint8Array(publicKey), { name: 'Ed25519' }, false, ['verify'])
      : await globalThis.crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: publicKey.x }, { name: 'Ed25519' }, false, ['verify']);
    const signed = pae([new TextEncoder().encode('v4.public.'), message, footer, implicitAssertion]);
    const ok = await globalThis.crypto.subtle.verify('Ed25519', key, new Uint8Array(signature), new Uint8Array(signed));
    return ok ? { status: 'verified', message: 'The v4.public signature verifies with this Ed25519 key' } : { status: 'invalid-signature', message: 'The v4.public signature does not verify with this Ed25519 key' };
  } catch {
    return { status: 'not-checked', message: 'The key is not a usable Ed25519 public key, or this platform has no Web Crypto Ed25519' };
  }
}
