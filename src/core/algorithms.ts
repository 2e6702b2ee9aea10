/**
 * Algorithm families and what one verification costs per request (article reason 5,
 * "Signature Verification Adds Overhead"). Costs are order-of-magnitude figures for one
 * verification on a current server core (Node.js/OpenSSL), not measurements of this machine:
 * a call through an async API such as WebCrypto adds its own overhead (tenths of a millisecond),
 * which is what the verification service measures when a key verifies the token.
 */
import type { AlgorithmInfo, JsonObject } from './types';

type Family = AlgorithmInfo['family'];

/**
 * Every registered JWS/JWE `alg` (RFC 7518 §3.1 and §4.1, RFC 8037, RFC 8812, RFC 9864) by
 * family, with its cost note. A lookup table: the names are a closed set, and a table lookup
 * is cheaper than trying one pattern per family for every inspected token.
 */
const FAMILIES: readonly { readonly algs: readonly string[]; readonly family: Family; readonly costNote: string }[] = [
  { algs: ['HS256', 'HS384', 'HS512'], family: 'hmac', costNote: 'HMAC: the cheapest check (the hash takes microseconds; a call through an async crypto API, tenths of a millisecond), but every verifier holds the signing secret' },
  { algs: ['RS256', 'RS384', 'RS512'], family: 'rsa', costNote: 'RSA PKCS#1 v1.5 verify: tens of µs per request in a native library (2048-bit key); signing is far slower' },
  { algs: ['PS256', 'PS384', 'PS512'], family: 'rsa-pss', costNote: 'RSA-PSS verify: tens of µs per request in a native library (2048-bit key)' },
  { algs: ['ES256', 'ES384', 'ES512', 'ES256K'], family: 'ecdsa', costNote: 'ECDSA verify: about a hundred µs per request in a native library, slower to verify than RSA' },
  { algs: ['EdDSA', 'Ed25519', 'Ed448'], family: 'eddsa', costNote: 'EdDSA verify: about a hundred µs per request in a native library' },
  {
    algs: [
      'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256', 'RSA-OAEP-384', 'RSA-OAEP-512', 'A128KW', 'A192KW', 'A256KW', 'dir',
      'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW',
      'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
    ],
    family: 'jwe-key-management',
    costNote: 'JWE: every request pays key unwrapping plus content decryption',
  },
];
const BY_ALG = new Map<string, { readonly family: Family; readonly costNote: string }>();
for (const f of FAMILIES) for (const alg of f.algs) BY_ALG.set(alg, f);
const NONE_COST = 'No signature: nothing to verify, and nothing protects the claims';
const UNKNOWN_COST = 'Unknown algorithm: most libraries reject it';

/** Every cost note {@link algorithmInfo} returns: the English a surface writes in its language. */
export const COST_NOTES: readonly string[] = [...FAMILIES.map((f) => f.costNote), NONE_COST, UNKNOWN_COST];

/**
 * Family and per-request cost note of the header's `alg`.
 *
 * @example algorithmInfo({ alg: 'RS256' }).family // 'rsa'
 */
export function algorithmInfo(header: JsonObject): AlgorithmInfo {
  const alg = typeof header['alg'] === 'string' ? header['alg'] : '';
  const known = BY_ALG.get(alg);
  if (known !== undefined) return { alg, family: known.family, costNote: known.costNote };
  // `none` in any letter case (RFC 8725 §3.1: verifiers have been fooled by `None`, `nOnE`).
  if (alg.length === 4 && alg.toLowerCase() === 'none') return { alg, family: 'none', costNote: NONE_COST };
  return { alg, family: 'unknown', costNote: UNKNOWN_COST };
}
