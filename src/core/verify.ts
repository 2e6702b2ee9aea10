/**
 * JWS signature verification over jose. The key decides which algorithms are acceptable;
 * the token's `alg` only selects among them (RFC 8725 §3.1), so an HS256 token is never
 * checked against an RSA public key used as an HMAC secret (RS256→HS256 confusion).
 * `alg: none` and JWE are never reported as verified.
 *
 * Pure: WebCrypto only through jose, no Node built-ins; timing via `performance.now()`.
 */
import { compactVerify, importJWK } from 'jose';
import { decodeToken } from './decoder';
import type { KeyEntry, KeyFamily, VerificationKey } from './keys';
import { decodeBody } from './segments';
import { coreMessage, type MessageTextId } from './findingTexts';
import type { FindingParam, NestedMessage, Result } from './types';

/** Why a token was not checked at all. */
export type NotCheckedReason = 'no-key' | 'jwe' | 'unsecured' | 'malformed';

/**
 * Outcome of {@link verifyToken}. Switch on `status`; `message` is one presentable sentence (in
 * English; `textId` and `params` are what other languages write it from, present `messageText`).
 */
export type VerificationResult = VerificationOutcome & { readonly textId?: string; readonly params?: readonly FindingParam[] };

type VerificationOutcome =
  | { readonly status: 'verified'; readonly alg: string; readonly keyLabel: string; readonly kid?: string; readonly message: string }
  | { readonly status: 'invalid-signature'; readonly alg: string; readonly keyLabels: readonly string[]; readonly message: string }
  | { readonly status: 'key-mismatch'; readonly alg: string; readonly keyLabels: readonly string[]; readonly message: string }
  | { readonly status: 'unsupported'; readonly alg: string; readonly message: string }
  | { readonly status: 'not-checked'; readonly reason: NotCheckedReason; readonly message: string }
  /**
   * Stored keys were tried (`tried` of them, 0 when every stored key is bound to other tokens)
   * but none applies to this token: none verifies it and none is bound to it by `iss`/`kid`.
   * Not a verdict on the signature (see {@link VerifyOptions.keySource}).
   */
  | { readonly status: 'not-checked'; readonly reason: 'no-matching-key'; readonly tried: number; readonly message: string };

/** Status values of {@link VerificationResult}. */
export type VerificationStatus = VerificationResult['status'];

/** JWS algorithms each key family may verify (RFC 7518 §3.1, RFC 8037 §3.1). */
const FAMILY_ALGORITHMS: Record<KeyFamily, readonly string[]> = {
  hmac: ['HS256', 'HS384', 'HS512'],
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  ec: ['ES256', 'ES384', 'ES512'],
  okp: ['EdDSA', 'Ed25519'],
};

const EC_CURVE_ALG: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

/** All algorithms this verifier can check. */
export const SUPPORTED_ALGORITHMS: readonly string[] = Object.values(FAMILY_ALGORITHMS).flat();

const FAMILY_NAMES: Record<KeyFamily, string> = { hmac: 'HMAC secret', rsa: 'RSA public key', ec: 'EC public key', okp: 'EdDSA public key' };

/**
 * Algorithms one key entry may verify: its family's algorithms, narrowed by its curve and by
 * a JWK `alg` pin.
 */
export function allowedAlgorithms(entry: KeyEntry): readonly string[] {
  let algs = FAMILY_ALGORITHMS[entry.family];
  if (entry.family === 'ec') algs = entry.crv && EC_CURVE_ALG[entry.crv] ? [EC_CURVE_ALG[entry.crv]!] : [];
  if (entry.family === 'okp') algs = entry.crv === 'Ed25519' ? algs : [];
  if (entry.alg) algs = algs.filter((alg) => alg === entry.alg || (entry.alg === 'EdDSA' && alg === 'Ed25519') || (entry.alg === 'Ed25519' && alg === 'EdDSA'));
  return algs;
}

/** Options of {@link verifyToken}. */
export interface VerifyOptions {
  /** Try every key, ignoring their `iss`/`kid` bindings (default false). */
  readonly ignoreBindings?: boolean;
  /**
   * Where the keys come from, which decides what a key that fails says about the token.
   * - `chosen` (default): the user picked these keys for this token (the CLI's `--key`,
   *   `--secret`): a key that does not verify it is a verdict, `invalid-signature` or
   *   `key-mismatch`.
   * - `stored`: a key store tried against every token. A key that is not bound to the token
   *   (no `iss`/`kid` binding that it matches, no JWKS member named by its `kid`) and does not
   *   verify it says nothing about it: the result is `no-matching-key`. Only a bound key gives
   *   `invalid-signature` or `key-mismatch`.
   */
  readonly keySource?: 'chosen' | 'stored';
}

interface ParsedJws {
  readonly alg: string;
  readonly kid?: string;
  readonly iss?: string;
  readonly signature: Uint8Array;
}

function parseJws(token: string): Result<ParsedJws, VerificationResult> {
  const trimmed = token.trim();
  const parts = trimmed.split('.');
  const notChecked = (reason: NotCheckedReason, id: MessageTextId, params: readonly FindingParam[] = []) => ({ ok: false as const, error: { status: 'not-checked' as const, reason, ...coreMessage(id, params) } });
  if (parts.length === 5) return notChecked('jwe', 'verify.jwe');
  if (parts.length !== 3) return notChecked('malformed', 'verify.segments');
  const decoded = decodeToken(trimmed);
  if (!decoded.ok) return notChecked('malformed', 'verify.undecodable', [nested(decoded.error)]);
  const { header, payload, kind, segmentErrors } = decoded.value;
  const alg = header['alg'] as string;
  if (kind === 'jwe') return notChecked('jwe', 'verify.truncatedJwe');
  if (alg.toLowerCase() === 'none' || kind === 'unsecured') {
    return notChecked('unsecured', 'verify.unsecured');
  }
  // A token decoded leniently is shown, never verified: what failed to decode was not signed as is.
  const broken = segmentErrors?.[0];
  if (broken !== undefined) return notChecked('malformed', 'verify.brokenSegment', [{ ...nested(broken), lower: true }]);
  if (parts[2]!.length === 0) return notChecked('malformed', 'verify.stripped', [alg]);
  const signature = decodeBody(parts[2]!);
  if (signature === undefined) return notChecked('malformed', 'verify.signatureBase64');
  const iss = payload.type === 'claims' && typeof payload.claims['iss'] === 'string' ? payload.claims['iss'] : undefined;
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  return { ok: true, value: { alg, signature, ...(kid !== undefined ? { kid } : {}), ...(iss !== undefined ? { iss } : {}) } };
}

/** A core error's sentence as a param of another (its text id along, when it has one). */
function nested(error: { readonly message: string; readonly textId?: string; readonly params?: readonly FindingParam[] }): NestedMessage {
  return { message: error.message, ...(error.textId !== undefined ? { textId: error.textId } : {}), ...(error.params !== undefined ? { params: error.params } : {}) };
}

/** What a key can be bound to: a token's `iss` claim and header `kid` (each when a string). */
export interface TokenBinding {
  readonly iss?: string;
  readonly kid?: string;
}

/**
 * The `iss` claim and header `kid` of a token, offered as the binding of a key being added.
 * Total: a token that does not decode has neither.
 *
 * @example tokenBinding(jws) // { iss: 'https://id.example', kid: 'k1' }
 */
export function tokenBinding(token: string): TokenBinding {
  const decoded = decodeToken(token.trim());
  if (!decoded.ok) return {};
  const { header, payload } = decoded.value;
  const iss = payload.type === 'claims' && typeof payload.claims['iss'] === 'string' ? payload.claims['iss'] : undefined;
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  return { ...(iss !== undefined ? { iss } : {}), ...(kid !== undefined ? { kid } : {}) };
}

/**
 * True when an ECDSA signature has an all-zero `r` or `s` half. Such a signature is never
 * valid (r, s ∈ [1, n−1], FIPS 186-4 §6.4); Java 15–18 accepted it (CVE-2022-21449), so it is
 * refused here before any crypto runs, whatever the platform does.
 */
export function isZeroEcdsaSignature(signature: Uint8Array): boolean {
  if (signature.length === 0 || signature.length % 2 !== 0) return false;
  const half = signature.length / 2;
  return signature.subarray(0, half).every((b) => b === 0) || signature.subarray(half).every((b) => b === 0);
}

/** Imports one entry for one algorithm (an algorithm the entry allows). */
async function importEntry(entry: KeyEntry, alg: string): Promise<CryptoKey | Uint8Array> {
  if (entry.family === 'hmac') return entry.secret ?? new Uint8Array();
  return importJWK({ ...entry.jwk, alg }, alg) as Promise<CryptoKey>;
}

interface Candidate {
  readonly key: VerificationKey;
  readonly entry: KeyEntry;
  /** The key names this token: its `iss`/`kid` binding matches, or the entry's JWK `kid` does. */
  readonly bound: boolean;
}

/** Keys whose `iss`/`kid` binding admits the token, then entries matched by `kid` (else all). */
function candidateEntries(jws: ParsedJws, keys: readonly VerificationKey[], options: VerifyOptions): Candidate[] {
  const bound = options.ignoreBindings
    ? keys
    : keys.filter((key) => (key.iss === undefined || key.iss === jws.iss) && (key.kid === undefined || key.kid === jws.kid));
  const out: Candidate[] = [];
  for (const key of bound) {
    // A JWKS is matched by `kid` when the token names one that the set has (RFC 7515 §4.1.4);
    // otherwise every entry of a fitting type is a candidate.
    const byKid = jws.kid !== undefined ? key.entries.filter((entry) => entry.kid === jws.kid) : [];
    const byBinding = (key.iss !== undefined && key.iss === jws.iss) || (key.kid !== undefined && key.kid === jws.kid);
    for (const entry of byKid.length > 0 ? byKid : key.entries) out.push({ key, entry, bound: byBinding || byKid.length > 0 });
  }
  return out;
}

async function checkSignature(token: string, candidate: Candidate, alg: string): Promise<'verified' | 'invalid'> {
  try {
    const key = await importEntry(candidate.entry, alg);
    await compactVerify(token.trim(), key, { algorithms: [alg] });
    return 'verified';
  } catch {
    // JWSSignatureVerificationFailed, or a key jose refuses for this alg (e.g. RSA < 2048
    // bit): either way this key does not vouch for the token.
    return 'invalid';
  }
}

/** Distinct labels of some candidates, in order. */
function labelsOf(candidates: readonly Candidate[]): string[] {
  return [...new Set(candidates.map((c) => c.key.label))];
}

/** "No stored key matches …": keys that do not apply to a token are not a verdict on it. */
function noMatchingKey(jws: ParsedJws, tried: number, stored: number): VerificationResult {
  const text =
    tried === 0
      ? coreMessage('verify.allBoundElsewhere', [stored])
      : jws.kid !== undefined
        ? coreMessage('verify.noMatch.kid', [tried, jws.kid])
        : jws.iss !== undefined
          ? coreMessage('verify.noMatch.iss', [tried, jws.iss])
          : coreMessage('verify.noMatch', [tried]);
  return { status: 'not-checked', reason: 'no-matching-key', tried, ...text };
}

/**
 * Verifies a compact JWS against the user's keys.
 *
 * The acceptable algorithms come from each key (its type, curve and JWK `alg`); a token
 * whose `alg` no candidate key allows gets `key-mismatch`, never a verification attempt.
 * With `keySource: 'stored'` only keys bound to the token give verdicts; others that do not
 * verify it give `no-matching-key` (see {@link VerifyOptions}). Total: never throws.
 *
 * @example
 * const result = await verifyToken(token, [key]);
 * if (result.status === 'verified') show(`Signature verified with ${result.keyLabel}`);
 */
export async function verifyToken(token: string, keys: readonly VerificationKey[], options: VerifyOptions = {}): Promise<VerificationResult> {
  try {
    const parsed = parseJws(token);
    if (!parsed.ok) return parsed.error;
    const jws = parsed.value;
    if (!SUPPORTED_ALGORITHMS.includes(jws.alg)) {
      return { status: 'unsupported', alg: jws.alg, ...coreMessage('verify.unsupported', [jws.alg, SUPPORTED_ALGORITHMS.join(', ')]) };
    }
    if (keys.length === 0) return { status: 'not-checked', reason: 'no-key', ...coreMessage('verify.noKey') };
    const stored = options.keySource === 'stored';
    const candidates = candidateEntries(jws, keys, options);
    if (candidates.length === 0) {
      if (stored) return noMatchingKey(jws, 0, keys.length);
      return { status: 'not-checked', reason: 'no-key', ...coreMessage('verify.notBound') };
    }
    // The keys whose failure is a verdict: all of them when the user chose them, else the bound ones.
    const judging = stored ? candidates.filter((c) => c.bound) : candidates;
    const fitting = candidates.filter((c) => allowedAlgorithms(c.entry).includes(jws.alg));
    if (fitting.length === 0) {
      if (judging.length === 0) return noMatchingKey(jws, labelsOf(candidates).length, keys.length);
      const families = [...new Set(judging.map((c) => FAMILY_NAMES[c.entry.family]))].join(', ');
      const confusion = jws.alg.startsWith('HS') && judging.some((c) => c.entry.family !== 'hmac');
      return {
        status: 'key-mismatch',
        alg: jws.alg,
        keyLabels: labelsOf(judging),
        ...coreMessage(confusion ? 'verify.keyMismatch.confusion' : 'verify.keyMismatch', [jws.alg, families]),
      };
    }
    // An all-zero r or s is invalid whatever the key: a verdict even from an unbound key.
    if (jws.alg.startsWith('ES') && isZeroEcdsaSignature(jws.signature)) {
      return {
        status: 'invalid-signature',
        alg: jws.alg,
        keyLabels: labelsOf(fitting),
        ...coreMessage('verify.zeroEcdsa'),
      };
    }
    for (const candidate of fitting) {
      if ((await checkSignature(token, candidate, jws.alg)) === 'verified') {
        const kid = candidate.entry.kid;
        return {
          status: 'verified',
          alg: jws.alg,
          keyLabel: candidate.key.label,
          ...(kid !== undefined ? { kid } : {}),
          ...(kid !== undefined ? coreMessage('verify.verified.kid', [jws.alg, candidate.key.label, kid]) : coreMessage('verify.verified', [jws.alg, candidate.key.label])),
        };
      }
    }
    const failed = fitting.filter((c) => judging.includes(c));
    if (failed.length === 0) return noMatchingKey(jws, labelsOf(candidates).length, keys.length);
    const labels = labelsOf(failed);
    return {
      status: 'invalid-signature',
      alg: jws.alg,
      keyLabels: labels,
      ...(labels.length === 1 ? coreMessage('verify.invalid', [labels[0]!]) : coreMessage('verify.invalid.many', [labels.join(', '), labels.length])),
    };
  } catch (error) {
    // Totality guard: an unexpected jose/WebCrypto failure is reported, not thrown.
    return { status: 'not-checked', reason: 'malformed', ...coreMessage('verify.failed', [error instanceof Error ? error.name : 'error']) };
  }
}

/** Median of a few timed verifications (article reason 5: what each request pays). */
export interface VerificationTiming {
  readonly alg: string;
  readonly medianMs: number;
  readonly runs: number;
  /** Whether the timed verification succeeded (a wrong key still costs the same work). */
  readonly verified: boolean;
}

/** Why a timing could not be taken. */
export interface TimingError {
  readonly code: 'ERR_NOT_VERIFIABLE' | 'ERR_NO_FITTING_KEY';
  readonly message: string;
}

/**
 * Times `runs` verifications of `token` with `key` (the first entry that fits the token's
 * `alg`) and returns the median in ms. Key import happens once, outside the timed part, as a
 * server would cache the imported key.
 */
export async function measureVerification(token: string, key: VerificationKey, runs = 7): Promise<Result<VerificationTiming, TimingError>> {
  const parsed = parseJws(token);
  if (!parsed.ok) return { ok: false, error: { code: 'ERR_NOT_VERIFIABLE', message: parsed.error.message } };
  const alg = parsed.value.alg;
  const entry = key.entries.find((e) => allowedAlgorithms(e).includes(alg));
  if (!entry) return { ok: false, error: { code: 'ERR_NO_FITTING_KEY', message: `Key "${key.label}" does not allow ${alg}` } };
  try {
    const imported = await importEntry(entry, alg);
    const count = Math.max(1, Math.min(101, Math.floor(runs)));
    const samples: number[] = [];
    let verified = false;
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      try {
        await compactVerify(token.trim(), imported, { algorithms: [alg] });
        verified = true;
      } catch {
        verified = false;
      }
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const mid = Math.floor(samples.length / 2);
    const medianMs = samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
    return { ok: true, value: { alg, medianMs, runs: count, verified } };
  } catch (error) {
    return { ok: false, error: { code: 'ERR_NO_FITTING_KEY', message: `Key "${key.label}" could not be imported for ${alg} (${error instanceof Error ? error.name : 'error'})` } };
  }
}
