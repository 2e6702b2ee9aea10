/**
 * Key pair generation with jose `generateKeyPair` (extractable): RSA 2048/3072, EC P-256,
 * P-384, P-521 and Ed25519. The private key comes back as PKCS#8 PEM and private JWK (and
 * parsed, ready for `signToken`); the public key as JWK, JWKS and SPKI PEM, each with a
 * `kid` that is the key's RFC 7638 thumbprint (jose `calculateJwkThumbprint`), `use: "sig"`
 * and its `alg` pinned (RFC 8725 §3.1: the key decides the algorithm).
 *
 * Pure: WebCrypto only through jose. Total: a typed {@link KeyGenError}, never an exception.
 */
import { calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import type { JWK } from 'jose';
import { parsePrivateKey } from './keys';
import type { KeyFamily, PrivateKey } from './keys';
import { coreMessage } from './findingTexts';
import type { MessageTextId } from './findingTexts';
import type { FindingParam, Result } from './types';

/** The key pairs Token Lens generates. */
export const KEY_PAIR_TYPES = ['RSA-2048', 'RSA-3072', 'EC-P-256', 'EC-P-384', 'EC-P-521', 'Ed25519'] as const;

/** One of {@link KEY_PAIR_TYPES}. */
export type KeyPairType = (typeof KEY_PAIR_TYPES)[number];

/** What each type is, and the JWS algorithm its keys are pinned to by default. */
const TYPES: Readonly<Record<KeyPairType, { family: KeyFamily; alg: string; modulusLength?: number; crv?: string; label: string }>> = {
  'RSA-2048': { family: 'rsa', alg: 'RS256', modulusLength: 2048, label: 'RSA 2048 bit' },
  'RSA-3072': { family: 'rsa', alg: 'RS256', modulusLength: 3072, label: 'RSA 3072 bit' },
  'EC-P-256': { family: 'ec', alg: 'ES256', crv: 'P-256', label: 'EC P-256' },
  'EC-P-384': { family: 'ec', alg: 'ES384', crv: 'P-384', label: 'EC P-384' },
  'EC-P-521': { family: 'ec', alg: 'ES512', crv: 'P-521', label: 'EC P-521' },
  Ed25519: { family: 'okp', alg: 'EdDSA', crv: 'Ed25519', label: 'Ed25519' },
};

/** RSA keys may be pinned to any of these instead of RS256. */
const RSA_ALGORITHMS: readonly string[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** Options of {@link generateSigningKeyPair}. */
export interface KeyGenOptions {
  /** RSA only: the JWS algorithm to pin (default RS256); EC and Ed25519 keys have one. */
  readonly alg?: string;
}

/** A generated key pair. The private parts are credentials: store them in secret storage only. */
export interface GeneratedKeyPair {
  readonly type: KeyPairType;
  /** The JWS algorithm the keys are pinned to (`alg` of both JWKs). */
  readonly alg: string;
  /** RFC 7638 SHA-256 thumbprint of the public key, base64url: the `kid` of every form. */
  readonly kid: string;
  /** Private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). */
  readonly privatePem: string;
  /** Private JWK, with `kid`, `alg` and `use`. */
  readonly privateJwk: JWK;
  /** The private key parsed, ready for `signToken` (as `parsePrivateKey` would give it). */
  readonly privateKey: PrivateKey;
  /** Public JWK, with `kid`, `alg` and `use: "sig"`. Safe to publish. */
  readonly publicJwk: JWK;
  /** `{ "keys": [publicJwk] }` (RFC 7517 §5). Safe to publish. */
  readonly publicJwks: { readonly keys: readonly JWK[] };
  /** Public key, SPKI PEM (`-----BEGIN PUBLIC KEY-----`). Safe to publish. */
  readonly publicPem: string;
  /** Plain description, e.g. "EC P-256 key pair (kid NzbLsXh8…)". */
  readonly description: string;
}

/** Stable codes of key generation failures. */
export type KeyGenErrorCode = 'ERR_KEYGEN_TYPE' | 'ERR_KEYGEN_ALG' | 'ERR_KEYGEN_FAILED';

/** A typed key generation error. */
export interface KeyGenError {
  readonly code: KeyGenErrorCode;
  readonly message: string;
  /** The {@link MESSAGE_TEXTS} id and params each language writes {@link message} from. */
  readonly textId: MessageTextId;
  readonly params: readonly FindingParam[];
}

function fail(code: KeyGenErrorCode, id: MessageTextId, params: readonly FindingParam[]): { ok: false; error: KeyGenError } {
  return { ok: false, error: { code, ...coreMessage(id, params) } };
}

/**
 * Generates a signing key pair and returns it in every form a user needs.
 *
 * @example
 * const pair = await generateSigningKeyPair('EC-P-256');
 * if (pair.ok) {
 *   write('jwks.json', JSON.stringify(pair.value.publicJwks)); // public: fine in a workspace file
 *   secretStorage.store(id, pair.value.privatePem);             // private: secret storage only
 * }
 */
export async function generateSigningKeyPair(type: KeyPairType, options: KeyGenOptions = {}): Promise<Result<GeneratedKeyPair, KeyGenError>> {
  const spec = typeof type === 'string' && Object.prototype.hasOwnProperty.call(TYPES, type) ? TYPES[type] : undefined;
  if (spec === undefined) return fail('ERR_KEYGEN_TYPE', 'keygen.type', [KEY_PAIR_TYPES.join(', ')]);
  let alg = spec.alg;
  // Callers outside TypeScript may pass null or a non-object: read as "no options".
  if (typeof options !== 'object' || options === null) options = {};
  if (options.alg !== undefined) {
    if (typeof options.alg !== 'string') return fail('ERR_KEYGEN_ALG', 'keygen.alg', [spec.label, spec.family === 'rsa' ? RSA_ALGORITHMS.join(', ') : spec.alg]);
    if (spec.family !== 'rsa' ? options.alg !== spec.alg : !RSA_ALGORITHMS.includes(options.alg)) {
      const allowed = spec.family === 'rsa' ? RSA_ALGORITHMS.join(', ') : spec.alg;
      return fail('ERR_KEYGEN_ALG', 'keygen.alg', [spec.label, allowed]);
    }
    alg = options.alg;
  }
  try {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(spec.modulusLength !== undefined ? { modulusLength: spec.modulusLength } : {}), ...(spec.crv !== undefined ? { crv: spec.crv } : {}) });
    const publicBase = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicBase, 'sha256');
    const publicJwk: JWK = { ...publicBase, kid, alg, use: 'sig' };
    const privateJwk: JWK = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
    // Through the one key parser, so a generated key is what a pasted one would be.
    const parsed = await parsePrivateKey({ kind: 'jwk', json: JSON.stringify(privateJwk) });
    if (!parsed.ok) return fail('ERR_KEYGEN_FAILED', 'keygen.readBack', [spec.label, parsed.error.code]);
    return {
      ok: true,
      value: {
        type,
        alg,
        kid,
        privatePem: await exportPKCS8(privateKey),
        privateJwk,
        privateKey: parsed.value,
        publicJwk,
        publicJwks: { keys: [publicJwk] },
        publicPem: await exportSPKI(publicKey),
        description: `${spec.label} key pair (kid ${kid.slice(0, 8)}…)`,
      },
    };
  } catch (error) {
    return fail('ERR_KEYGEN_FAILED', 'keygen.failed', [spec.label, error instanceof Error ? error.name : 'error']);
  }
}
