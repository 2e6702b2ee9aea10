/**
 * Well-known weak HMAC secrets, tried offline on HS256/384/512 tokens. A hit means anyone
 * can forge tokens for that service (RFC 8725 §3.5: HMAC keys need real entropy). The list
 * holds tutorial and framework sample secrets and the most common passwords; it is
 * bundled, never fetched.
 */
import { FindingCodes } from './codes';
import { readProtectedHeader } from './header';
import { base64urlBody, decodeBody } from './segments';
import { makeFinding } from './findingTexts';
import type { Finding } from './types';

/** The bundled weak secrets, in the order tried. */
export const WEAK_HMAC_SECRETS: readonly string[] = [
  'your-256-bit-secret', // jwt.io HS256 sample
  'your-384-bit-secret', // jwt.io HS384 sample
  'your-512-bit-secret', // jwt.io HS512 sample
  'secret',
  'secretkey',
  'secret_key',
  'secret-key',
  'mysecret',
  'my_secret',
  'mysecretkey',
  'my-secret-key',
  'supersecret',
  'super-secret',
  'topsecret',
  'jwt',
  'jwtsecret',
  'jwt_secret',
  'jwt-secret',
  'JWT_SECRET',
  'key',
  'private',
  'changeme',
  'changeit',
  'password',
  'Password',
  'password1',
  'pass',
  'admin',
  'test',
  'testing',
  'dev',
  'default',
  '123456',
  '12345678',
  '1234567890',
  'qwerty',
  'shhhhh', // express-jwt README sample
  'shhhhhhared-secret', // express-jwt README sample
  'keyboard cat', // express-session sample
  'hello',
  'token',
  'auth',
  'example',
  's3cr3t',
  'gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr9C', // jwt_tool/hashcat tutorial sample
];

const HMAC_ALGS = new Set(['HS256', 'HS384', 'HS512']);

/** What a hit reports. */
function weakSecretFinding(alg: string, secret: string): Finding {
  return makeFinding(FindingCodes.WEAK_SECRET, 'error', { kind: 'rfc', rfc: 8725, section: '3.5', title: 'Ensure Cryptographic Keys Have Sufficient Entropy' }, [alg, secret]);
}

/** A checker that tries a list of weak secrets on HS* tokens; see {@link createWeakSecretChecker}. */
export interface WeakSecretChecker {
  /** An error finding naming the secret on a hit; `undefined` on a miss or for a non-HS* token. Never rejects. */
  check(token: string): Promise<Finding | undefined>;
  /** Imports the keys of every HS* algorithm now rather than at the first check. Never rejects. */
  warm(): Promise<void>;
}

/** Signature length of each HMAC algorithm, in bytes: a signature of any other length matches no secret. */
const HMAC_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/**
 * A checker for `secrets` that imports each secret as an HMAC key once per algorithm (Web
 * Crypto `CryptoKey`s) and reuses them. This is a dictionary search, not a verification: the
 * token is split and its signature decoded once, then every key checks the same bytes with
 * `crypto.subtle.verify` (constant-time). Re-parsing the token through jose's `compactVerify`
 * once per secret cost 5.8 ms a token for the bundled list; this costs about 1.4 ms, and a
 * signature of the wrong length for its `alg` costs nothing. Tokens are verified with the
 * user's keys by jose (`verify.ts`). The keys live as long as the checker (the verification
 * service holds one).
 */
export function createWeakSecretChecker(secrets: readonly string[] = WEAK_HMAC_SECRETS): WeakSecretChecker {
  const encoder = new TextEncoder();
  const keysByAlg = new Map<string, Promise<readonly (readonly [string, CryptoKey])[]>>();
  const keysFor = (alg: string, subtle: SubtleCrypto): Promise<readonly (readonly [string, CryptoKey])[]> => {
    let keys = keysByAlg.get(alg);
    if (keys === undefined) {
      keys = Promise.all(
        secrets.map(async (secret): Promise<readonly (readonly [string, CryptoKey])[]> => {
          const raw = encoder.encode(secret);
          if (raw.length === 0) return []; // Web Crypto refuses empty HMAC keys
          try {
            return [[secret, await subtle.importKey('raw', raw, { name: 'HMAC', hash: `SHA-${alg.slice(2)}` }, false, ['verify'])]];
          } catch {
            return [];
          }
        }),
      ).then((lists) => lists.flat());
      keysByAlg.set(alg, keys);
    }
    return keys;
  };
  return {
    async warm(): Promise<void> {
      const subtle = globalThis.crypto?.subtle;
      if (subtle !== undefined) await Promise.all([...HMAC_ALGS].map((alg) => keysFor(alg, subtle).catch(() => undefined)));
    },
    async check(token: string): Promise<Finding | undefined> {
      const subtle = globalThis.crypto?.subtle;
      const trimmed = token.trim();
      const first = trimmed.indexOf('.');
      const last = trimmed.lastIndexOf('.');
      if (subtle === undefined || first <= 0 || last === first || trimmed.indexOf('.', first + 1) !== last) return undefined;
      const header = readProtectedHeader(trimmed.slice(0, first));
      if (!header.ok || !HMAC_ALGS.has(header.value.header.alg)) return undefined;
      const alg = header.value.header.alg;
      const body = base64urlBody(trimmed.slice(last + 1));
      const signature = body !== undefined ? decodeBody(body) : undefined;
      if (signature === undefined || signature.length !== HMAC_BYTES[alg]) return undefined;
      const signingInput = encoder.encode(trimmed.slice(0, last));
      try {
        const keys = await keysFor(alg, subtle);
        // All secrets at once (the HMACs run concurrently); the first hit in list order is named.
        const hits = await Promise.all(keys.map(([, key]) => subtle.verify('HMAC', key, signature as Uint8Array<ArrayBuffer>, signingInput).catch(() => false)));
        const index = hits.indexOf(true);
        return index === -1 ? undefined : weakSecretFinding(alg, keys[index]![0]);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * Tries every bundled weak secret on an HS256/384/512 token once (no key reuse: callers that
 * check many tokens keep a {@link createWeakSecretChecker}). Never throws.
 *
 * @example
 * const finding = await checkWeakSecrets(token); // finding?.code === 'TL401'
 */
export function checkWeakSecrets(token: string, secrets: readonly string[] = WEAK_HMAC_SECRETS): Promise<Finding | undefined> {
  return createWeakSecretChecker(secrets).check(token);
}
