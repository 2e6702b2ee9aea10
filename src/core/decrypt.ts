/**
 * JWE decryption with jose `compactDecrypt`: `dir`, `A*KW`, `A*GCMKW`, `RSA-OAEP*`,
 * `ECDH-ES*` and `PBES2-*` (RFC 7518 §4). Guards run before any work: the protected header
 * is read by the one header reader (`header.ts`), a PBES2 `p2c` over the bound is refused
 * before a key is imported or derived (RFC 8725 §3.2, RFC 7518 §4.8.1.2), and a key that
 * does not fit `alg`/`enc` is refused before any crypto. A `zip: "DEF"` plaintext is
 * inflated by jose as a stream and stopped past the cap (jose `maxDecompressedLength`), so a
 * zip bomb costs at most the cap. A failure names its step without echoing key material.
 *
 * A plaintext that is a compact token (`cty: JWT`, RFC 7519 §5.2, or one that decodes as
 * one) is inspected as an inner token; an inner JWE is decrypted with the same keys, up to
 * {@link MAX_JWE_DEPTH} levels.
 *
 * Pure: WebCrypto only through jose, no Node built-ins. Total: a typed {@link DecryptError},
 * never an exception. Plaintext is a credential: callers keep it in memory only while shown.
 */
import { compactDecrypt, errors } from 'jose';
import { decodeToken, MAX_DECODE_LENGTH, readPayloadBytes } from './decoder';
import { coreMessage } from './findingTexts';
import type { MessageTextId } from './findingTexts';
import { quoteText } from './format';
import { readProtectedHeader, saysNestedJwt } from './header';
import { inspectToken } from './inspect';
import { isJsonObject } from './json';
import { importPrivateKey, rsaKeyTooLarge } from './keys';
import type { PrivateKey } from './keys';
import type { DecodedPayload, FindingParam, InspectOptions, Inspection, JsonObject, Result } from './types';

/** Largest PBES2 `p2c` decrypted by default: jose's `maxPBES2Count` default (RFC 8725 §3.2). */
export const DEFAULT_MAX_PBES2_COUNT = 10_000;
/** Largest `zip: "DEF"` plaintext inflated by default: 1 MiB. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 1024 * 1024;
/** JWE levels decrypted: the token itself and two JWEs nested in it. */
export const MAX_JWE_DEPTH = 3;

/** Key management algorithms `decryptToken` takes (RFC 7518 §4.1). RSA1_5 is not: jose dropped it (RFC 8725 §3.2). */
export const KEY_MANAGEMENT_ALGORITHMS = [
  'dir',
  'A128KW', 'A192KW', 'A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
  'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
] as const;

/** Content encryption algorithms and their key sizes in bytes (RFC 7518 §5.1). */
const CONTENT_KEY_BYTES: Readonly<Record<string, number>> = {
  A128GCM: 16, A192GCM: 24, A256GCM: 32,
  'A128CBC-HS256': 32, 'A192CBC-HS384': 48, 'A256CBC-HS512': 64,
};

/** AES key-wrap key sizes in bytes (RFC 7518 §4.4, §4.7). */
const WRAP_KEY_BYTES: Readonly<Record<string, number>> = {
  A128KW: 16, A192KW: 24, A256KW: 32, A128GCMKW: 16, A192GCMKW: 24, A256GCMKW: 32,
};

/** Options of {@link decryptToken}. */
export interface DecryptOptions {
  /** Largest PBES2 `p2c` accepted (default {@link DEFAULT_MAX_PBES2_COUNT}); above it the token is refused before any work. */
  readonly maxPbes2Count?: number;
  /** Largest inflated `zip: "DEF"` plaintext in bytes (default {@link DEFAULT_MAX_DECOMPRESSED_BYTES}). */
  readonly maxDecompressedBytes?: number;
  /** JWE levels to decrypt, 1 to {@link MAX_JWE_DEPTH} (the default). */
  readonly maxDepth?: number;
  /** How inner tokens are inspected (instant, clock skew, thresholds). */
  readonly inspect?: InspectOptions;
}

/**
 * The step a decryption failed at:
 * - `header`: the token or its protected header (not five segments, not JSON, an unknown
 *   `alg`/`enc`/`zip`, a PBES2 `p2c` over the bound, a missing `epk`/`p2s`/`iv`/`tag`);
 * - `key`: no key given, or none fits `alg`/`enc` (type, curve, size), checked before any crypto;
 * - `key-unwrap`: the content key could not be derived or unwrapped (e.g. an `epk` on another curve);
 * - `content-decryption`: the ciphertext does not authenticate with the key (`dir`, `ECDH-ES`:
 *   a wrong key, or an altered token);
 * - `decryption`: key unwrap or content decryption, for algorithms that wrap a key: jose does
 *   not tell the two apart, so a failure reveals nothing about the key (RFC 7516 §11.5);
 * - `decompression`: the `zip: "DEF"` plaintext does not inflate;
 * - `cap`: it inflates past {@link DecryptOptions.maxDecompressedBytes}.
 */
export type DecryptStep = 'header' | 'key' | 'key-unwrap' | 'content-decryption' | 'decryption' | 'decompression' | 'cap';

/** Stable codes of decryption failures. */
export type DecryptErrorCode =
  /** Not a compact JWE (five segments). */
  | 'ERR_JWE_NOT_COMPACT'
  /** The protected header does not read, or lacks `alg`/`enc`. */
  | 'ERR_JWE_HEADER'
  /** `alg`, `enc` or `zip` is not one Token Lens decrypts. */
  | 'ERR_JWE_UNSUPPORTED'
  /** PBES2 `p2c` missing, not a positive integer, or over the bound (finding TL214). */
  | 'ERR_JWE_P2C'
  /** No key was given. */
  | 'ERR_JWE_NO_KEY'
  /** No key given fits the token's `alg`/`enc`. */
  | 'ERR_JWE_KEY_MISMATCH'
  /** jose could not derive or unwrap the content key. */
  | 'ERR_JWE_KEY_UNWRAP'
  /** The ciphertext did not decrypt and authenticate (wrong key, or an altered token). */
  | 'ERR_JWE_DECRYPTION'
  /** The `zip: "DEF"` plaintext does not inflate. */
  | 'ERR_JWE_DECOMPRESSION'
  /** The inflated plaintext would exceed the cap. */
  | 'ERR_JWE_TOO_LARGE'
  /** An unexpected failure of jose or WebCrypto. */
  | 'ERR_JWE_FAILED';

/** A typed decryption error: the step, and one sentence with no key material in it. */
export interface DecryptError {
  readonly code: DecryptErrorCode;
  readonly step: DecryptStep;
  readonly message: string;
  /** The {@link MESSAGE_TEXTS} id and params each language writes {@link message} from. */
  readonly textId?: string;
  readonly params?: readonly FindingParam[];
}

/** A compact token found in a decrypted plaintext. */
export interface InnerToken {
  /** The inner token's compact text (a credential like the outer one). */
  readonly token: string;
  /** How it was recognised: the outer header's `cty: JWT`, or the plaintext decodes as one. */
  readonly via: 'cty' | 'plaintext';
  /** Decode and every analysis of the inner token (its own header, claims, times, findings). */
  readonly inspection: Inspection;
  /** An inner JWE, decrypted (with the same keys) when within the depth limit. */
  readonly decrypted?: DecryptedToken;
  /** Why an inner JWE did not decrypt. At the depth limit it has neither this nor `decrypted`, and the outer `notes` say so. */
  readonly error?: DecryptError;
}

/** A decrypted JWE. */
export interface DecryptedToken {
  readonly header: JsonObject;
  /** The protected header JSON exactly as in the token. */
  readonly headerJson: string;
  readonly alg: string;
  readonly enc: string;
  /** Which of the keys given decrypted it (zero-based). */
  readonly keyIndex: number;
  /** The key's description and `kid`, never its material, e.g. "RSA private key (2048 bit), kid k1". */
  readonly keyDescription: string;
  /** True when the plaintext was `zip: "DEF"` compressed. */
  readonly compressed: boolean;
  readonly plaintextBytes: number;
  /** The plaintext read as a payload: claims, other JSON, text or bytes. */
  readonly payload: DecodedPayload;
  /** JWE level of this token: 1 for the token given, 2 and 3 for JWEs inside it. */
  readonly depth: number;
  /** The nested token, when the plaintext is one. */
  readonly inner?: InnerToken;
  /** Remarks, e.g. an inner JWE left encrypted at the depth limit. */
  readonly notes: readonly string[];
}

function fail(code: DecryptErrorCode, step: DecryptStep, id: MessageTextId, params: readonly FindingParam[] = []): { ok: false; error: DecryptError } {
  return { ok: false, error: { code, step, ...coreMessage(id, params) } };
}

function positiveInteger(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isSafeInteger(value) && value > 0 ? value : fallback;
}

/** The curve of an `epk` or key: `P-256`…, `X25519`, or the key type when it has none. */
function curveOf(kty: unknown, crv: unknown): string {
  return typeof crv === 'string' ? quoteText(crv, 16) : typeof kty === 'string' ? `a ${quoteText(kty, 8)} key without a curve` : 'no curve';
}

/** Why `key` cannot decrypt a token with this header's `alg`/`enc`, or undefined when it fits. */
function keyMismatch(key: PrivateKey, alg: string, enc: string, header: JsonObject): string | undefined {
  if (typeof key !== 'object' || key === null) return 'no key was given';
  const tooLarge = rsaKeyTooLarge(key);
  if (tooLarge !== undefined) return tooLarge;
  if (alg === 'dir') {
    if (key.family !== 'hmac') return `"dir" needs a ${CONTENT_KEY_BYTES[enc]}-byte secret, not an ${key.description}`;
    const want = CONTENT_KEY_BYTES[enc]!;
    return key.secret?.length === want ? undefined : `"dir" with ${enc} needs a ${want}-byte secret; this one is ${key.secret?.length ?? 0} bytes`;
  }
  const wrap = WRAP_KEY_BYTES[alg];
  if (wrap !== undefined) {
    if (key.family !== 'hmac') return `${alg} needs a ${wrap}-byte secret, not an ${key.description}`;
    return key.secret?.length === wrap ? undefined : `${alg} needs a ${wrap}-byte secret; this one is ${key.secret?.length ?? 0} bytes`;
  }
  if (alg.startsWith('PBES2-')) return key.family === 'hmac' ? undefined : `${alg} needs a password (a secret), not an ${key.description}`;
  if (alg.startsWith('RSA-OAEP')) return key.family === 'rsa' ? undefined : `${alg} needs an RSA private key, not ${key.family === 'hmac' ? 'a secret' : `an ${key.description}`}`;
  // ECDH-ES*: an EC key on a NIST curve, or X25519 (RFC 8037 §3.2).
  const ecdh = (key.family === 'ec' && ['P-256', 'P-384', 'P-521'].includes(key.crv ?? '')) || (key.family === 'okp' && key.crv === 'X25519');
  if (!ecdh) return `${alg} needs an EC (P-256/384/521) or X25519 private key, not ${key.family === 'hmac' ? 'a secret' : `an ${key.description}`}`;
  // The ephemeral key must be on the key's curve (RFC 7518 §4.6.1.1); said here, before any
  // crypto, not left to WebCrypto's key agreement to fail as something else.
  const epk = header['epk'];
  if (isJsonObject(epk) && (epk['kty'] !== (key.family === 'ec' ? 'EC' : 'OKP') || epk['crv'] !== key.crv)) {
    return `the token's epk is on ${curveOf(epk['kty'], epk['crv'])}, the key on ${key.crv ?? 'no curve'}`;
  }
  return undefined;
}

/** A key's use markings that rule out decryption (RFC 7517 §4.2, §4.3). */
function useMismatch(key: PrivateKey): string | undefined {
  if (key.use !== undefined && key.use !== 'enc') return `the key is marked "use": "${quoteText(key.use, 16)}", not "enc"`;
  const decrypting = ['decrypt', 'unwrapKey', 'deriveKey', 'deriveBits'];
  if (key.keyOps !== undefined && !key.keyOps.some((op) => decrypting.includes(op))) return 'the key\'s "key_ops" allow no decryption';
  return undefined;
}

function describeKey(key: PrivateKey): string {
  return key.kid !== undefined ? `${key.description}, kid ${key.kid}` : key.description;
}

/** Longest jose/WebCrypto message quoted in a {@link DecryptError}. */
const JOSE_MESSAGE_CHARS = 120;

/** A jose failure as a step. jose gives decompression and the cap one code, so its message tells them apart. */
function joseFailure(error: unknown, alg: string): DecryptError {
  const wraps = alg !== 'dir' && alg !== 'ECDH-ES';
  if (error instanceof errors.JWEDecryptionFailed) {
    return wraps
      ? { code: 'ERR_JWE_DECRYPTION', step: 'decryption', ...coreMessage('decrypt.unwrapOrContent', [alg]) }
      : { code: 'ERR_JWE_DECRYPTION', step: 'content-decryption', ...coreMessage('decrypt.content', [alg]) };
  }
  if (error instanceof errors.JWEInvalid) {
    if (/exceeded the configured limit/.test(error.message)) return { code: 'ERR_JWE_TOO_LARGE', step: 'cap', message: '' };
    if (/decompress/i.test(error.message)) return { code: 'ERR_JWE_DECOMPRESSION', step: 'decompression', ...coreMessage('decrypt.decompression') };
    return { code: 'ERR_JWE_HEADER', step: 'header', ...coreMessage('decrypt.invalid', [quoteText(error.message, JOSE_MESSAGE_CHARS)]) };
  }
  if (error instanceof errors.JOSENotSupported || error instanceof errors.JOSEAlgNotAllowed) return { code: 'ERR_JWE_UNSUPPORTED', step: 'header', ...coreMessage('decrypt.notSupported', [quoteText(error.message, JOSE_MESSAGE_CHARS)]) };
  // jose's own messages name parameters, never key material, but may quote the token's
  // header: cut and escaped. A WebCrypto failure is named by its type only.
  if (error instanceof TypeError) return { code: 'ERR_JWE_KEY_MISMATCH', step: 'key', ...coreMessage('decrypt.keyUse', [alg, quoteText(error.message, JOSE_MESSAGE_CHARS)]) };
  return { code: 'ERR_JWE_KEY_UNWRAP', step: 'key-unwrap', ...coreMessage('decrypt.unwrap', [alg, error instanceof Error ? error.name : 'error']) };
}

interface Limits {
  readonly maxPbes2Count: number;
  readonly maxDecompressedBytes: number;
  readonly maxDepth: number;
  readonly inspect: InspectOptions;
}

/** Reads what the guards need from the token: no key touched, no byte decrypted. */
function guard(token: string, limits: Limits): Result<{ header: JsonObject; headerJson: string; alg: string; enc: string }, DecryptError> {
  if (typeof token !== 'string' || token.length === 0) return fail('ERR_JWE_NOT_COMPACT', 'header', 'decrypt.empty');
  if (token.length > MAX_DECODE_LENGTH) return fail('ERR_JWE_NOT_COMPACT', 'header', 'decrypt.tooLong', [MAX_DECODE_LENGTH]);
  const first = token.indexOf('.');
  let segments = 1;
  for (let at = first; at !== -1 && segments <= 5; at = token.indexOf('.', at + 1)) segments++;
  if (segments !== 5) return fail('ERR_JWE_NOT_COMPACT', 'header', 'decrypt.notCompact');
  const read = readProtectedHeader(token.slice(0, first), { jwe: true });
  if (!read.ok) return { ok: false, error: { code: 'ERR_JWE_HEADER', step: 'header', message: read.error.message, ...(read.error.textId !== undefined ? { textId: read.error.textId, params: read.error.params ?? [] } : {}) } };
  const { header, json } = read.value;
  const alg = header.alg;
  const enc = header['enc'] as string;
  // RFC 7515 §4.1.11 (RFC 7516 §4.1.13): a critical parameter the recipient does not
  // understand makes the JWE invalid. Token Lens (like jose by default) understands none.
  const crit = header['crit'];
  if (crit !== undefined) {
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
      return fail('ERR_JWE_HEADER', 'header', 'decrypt.critShape');
    }
    const name = quoteText(crit[0], 32);
    return crit.length > 1 ? fail('ERR_JWE_UNSUPPORTED', 'header', 'decrypt.crit.more', [name, crit.length - 1]) : fail('ERR_JWE_UNSUPPORTED', 'header', 'decrypt.crit', [name]);
  }
  if (!(KEY_MANAGEMENT_ALGORITHMS as readonly string[]).includes(alg)) {
    return fail('ERR_JWE_UNSUPPORTED', 'header', alg === 'RSA1_5' ? 'decrypt.alg.rsa1_5' : 'decrypt.alg', [quoteText(alg, 32)]);
  }
  if (CONTENT_KEY_BYTES[enc] === undefined) return fail('ERR_JWE_UNSUPPORTED', 'header', 'decrypt.enc', [quoteText(enc, 32)]);
  const zip = header['zip'];
  if (zip !== undefined && zip !== 'DEF') return fail('ERR_JWE_UNSUPPORTED', 'header', 'decrypt.zip');
  if (alg.startsWith('PBES2-')) {
    const p2c = header['p2c'];
    if (typeof p2c !== 'number' || !Number.isSafeInteger(p2c) || p2c < 1) return fail('ERR_JWE_P2C', 'header', 'decrypt.p2c');
    if (p2c > limits.maxPbes2Count) {
      return fail('ERR_JWE_P2C', 'header', 'decrypt.p2c.bound', [p2c, limits.maxPbes2Count]);
    }
  }
  return { ok: true, value: { header, headerJson: json, alg, enc } };
}

/** The compact token a plaintext is, when it is one. */
function innerCandidate(plaintext: DecodedPayload, header: JsonObject): { token: string; via: InnerToken['via'] } | undefined {
  if (plaintext.type !== 'text') return undefined;
  const text = plaintext.text.trim();
  if (saysNestedJwt(header)) return { token: text, via: 'cty' };
  if (!/^[A-Za-z0-9_=-]+(\.[A-Za-z0-9_=-]*){2}(\.[A-Za-z0-9_=-]*){0,2}$/.test(text)) return undefined;
  const decoded = decodeToken(text);
  return decoded.ok && decoded.value.segmentErrors === undefined ? { token: text, via: 'plaintext' } : undefined;
}

async function decryptAt(token: string, keys: readonly PrivateKey[], limits: Limits, depth: number): Promise<Result<DecryptedToken, DecryptError>> {
  const guarded = guard(token, limits);
  if (!guarded.ok) return guarded;
  const { header, headerJson, alg, enc } = guarded.value;
  if (keys.length === 0) return fail('ERR_JWE_NO_KEY', 'key', 'decrypt.noKey');
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  const reasons: string[] = [];
  const fitting: number[] = [];
  keys.forEach((key, index) => {
    const why = keyMismatch(key, alg, enc, header) ?? useMismatch(key);
    if (why === undefined) fitting.push(index);
    else reasons.push(why);
  });
  if (fitting.length === 0) {
    const listed = [...new Set(reasons)].slice(0, 3).join('; ');
    return fail('ERR_JWE_KEY_MISMATCH', 'key', 'decrypt.keyMismatch', [alg, enc, { message: listed }]);
  }
  // Keys named by the token's kid first (RFC 7516 §4.1.6), then the others.
  fitting.sort((a, b) => Number(keys[b]!.kid === kid && kid !== undefined) - Number(keys[a]!.kid === kid && kid !== undefined));
  let last: DecryptError | undefined;
  for (const index of fitting) {
    const key = keys[index]!;
    let result: Awaited<ReturnType<typeof compactDecrypt>>;
    try {
      const cryptoKey = await importPrivateKey(key, alg);
      result = await compactDecrypt(token, cryptoKey, {
        keyManagementAlgorithms: [alg] as never,
        contentEncryptionAlgorithms: [enc] as never,
        maxPBES2Count: limits.maxPbes2Count,
        maxDecompressedLength: limits.maxDecompressedBytes,
      });
    } catch (error) {
      const failure = joseFailure(error, alg);
      if (failure.step === 'cap') {
        return fail('ERR_JWE_TOO_LARGE', 'cap', 'decrypt.cap', [limits.maxDecompressedBytes]);
      }
      // Past decryption (decompression), or the token itself at fault: no other key changes that.
      if (failure.step === 'decompression' || failure.step === 'header') return { ok: false, error: failure };
      last = failure;
      continue;
    }
    const plaintext = result.plaintext;
    const { payload } = readPayloadBytes(plaintext);
    const notes: string[] = [];
    const decrypted: DecryptedToken = {
      header,
      headerJson,
      alg,
      enc,
      keyIndex: index,
      keyDescription: describeKey(key),
      compressed: header['zip'] === 'DEF',
      plaintextBytes: plaintext.length,
      payload,
      depth,
      notes,
    };
    const candidate = innerCandidate(payload, header);
    if (candidate === undefined) return { ok: true, value: decrypted };
    const inspection = inspectToken(candidate.token, limits.inspect);
    if (!inspection.ok) {
      notes.push(`The header says cty "${quoteText(String(header['cty']), 16)}" but the plaintext is not a token: ${quoteText(inspection.error.message, 120)}`);
      return { ok: true, value: decrypted };
    }
    let inner: InnerToken = { token: candidate.token, via: candidate.via, inspection: inspection.value };
    if (inspection.value.decoded.kind === 'jwe') {
      if (depth >= limits.maxDepth) {
        notes.push(`The inner JWE is not decrypted: ${limits.maxDepth} levels of JWE is the limit`);
      } else {
        const nested = await decryptAt(candidate.token, keys, limits, depth + 1);
        inner = nested.ok ? { ...inner, decrypted: nested.value } : { ...inner, error: nested.error };
      }
    }
    return { ok: true, value: { ...decrypted, inner } };
  }
  return { ok: false, error: last ?? { code: 'ERR_JWE_FAILED', step: 'decryption', ...coreMessage('decrypt.failed') } };
}

/**
 * Decrypts a compact JWE with one key or several (tried in order, those named by the
 * token's `kid` first; a key that does not fit `alg`/`enc` is not tried). See the module
 * comment for the guards, and {@link DecryptStep} for what a failure names.
 *
 * @example
 * const key = await parsePrivateKey({ kind: 'jwk', json: privateJwkText });
 * if (key.ok) {
 *   const r = await decryptToken(jwe, key.value);
 *   if (r.ok) r.value.payload;      // { type: 'claims', claims: {...} } or the inner token's text
 *   else r.error.step;              // 'header' | 'key' | 'decryption' | 'cap' | …
 * }
 */
export async function decryptToken(token: string, key: PrivateKey | readonly PrivateKey[], options: DecryptOptions = {}): Promise<Result<DecryptedToken, DecryptError>> {
  try {
    const limits: Limits = {
      maxPbes2Count: positiveInteger(options.maxPbes2Count, DEFAULT_MAX_PBES2_COUNT),
      maxDecompressedBytes: positiveInteger(options.maxDecompressedBytes, DEFAULT_MAX_DECOMPRESSED_BYTES),
      maxDepth: Math.min(MAX_JWE_DEPTH, positiveInteger(options.maxDepth, MAX_JWE_DEPTH)),
      inspect: options.inspect ?? {},
    };
    const keys: readonly PrivateKey[] = Array.isArray(key) ? key : [key as PrivateKey];
    return await decryptAt(typeof token === 'string' ? token.trim() : token, keys, limits, 1);
  } catch (error) {
    return fail('ERR_JWE_FAILED', 'decryption', 'decrypt.couldNotRun', [error instanceof Error ? error.name : 'error']);
  }
}

/**
 * The key management algorithms (RFC 7518 §4.1) a key can decrypt with — `dir` when a
 * content encryption algorithm takes a key of its size — so a UI can say what a key is for
 * before it is stored. Empty for a key that decrypts nothing (an Ed25519 key, a key marked
 * `"use": "sig"`). Total.
 *
 * @example decryptionAlgorithms(rsaKey) // ['RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512']
 */
export function decryptionAlgorithms(key: PrivateKey): string[] {
  try {
    if (typeof key !== 'object' || key === null || useMismatch(key) !== undefined) return [];
    return KEY_MANAGEMENT_ALGORITHMS.filter((alg) =>
      alg === 'dir' ? Object.keys(CONTENT_KEY_BYTES).some((enc) => keyMismatch(key, alg, enc, {}) === undefined) : keyMismatch(key, alg, 'A256GCM', {}) === undefined,
    );
  } catch {
    return [];
  }
}

/**
 * The guards alone: reads the protected header and applies the `p2c` bound and the
 * `alg`/`enc`/`zip` checks, without a key and without decrypting. `decryptToken` runs this
 * first; a UI can call it to say why a token will be refused before asking for a key.
 */
export function checkDecryptable(token: string, options: Pick<DecryptOptions, 'maxPbes2Count'> = {}): Result<{ alg: string; enc: string }, DecryptError> {
  const limits: Limits = { maxPbes2Count: positiveInteger(options.maxPbes2Count, DEFAULT_MAX_PBES2_COUNT), maxDecompressedBytes: DEFAULT_MAX_DECOMPRESSED_BYTES, maxDepth: MAX_JWE_DEPTH, inspect: {} };
  const guarded = guard(typeof token === 'string' ? token.trim() : token, limits);
  return guarded.ok ? { ok: true, value: { alg: guarded.value.alg, enc: guarded.value.enc } } : guarded;
}
