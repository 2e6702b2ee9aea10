/**
 * Algorithm families and what one verification costs per request (article reason 5,
 * "Signature Verification Adds Overhead"). Costs are order-of-magnitude figures for one
 * verification on a current server core (Node.js/OpenSSL), not measurements of this machine.
 */
import type { AlgorithmInfo, JsonObject } from './types';

const FAMILIES: readonly { readonly test: RegExp; readonly family: AlgorithmInfo['family']; readonly costNote: string }[] = [
  { test: /^HS(256|384|512)$/, family: 'hmac', costNote: 'HMAC: about a microsecond per verify, but every verifier holds the signing secret' },
  { test: /^RS(256|384|512)$/, family: 'rsa', costNote: 'RSA PKCS#1 v1.5 verify: roughly 20–50 µs per request (2048-bit key); signing is far slower' },
  { test: /^PS(256|384|512)$/, family: 'rsa-pss', costNote: 'RSA-PSS verify: roughly 20–50 µs per request (2048-bit key)' },
  { test: /^ES(256|384|512|256K)$/, family: 'ecdsa', costNote: 'ECDSA verify: roughly 50–150 µs per request, slower to verify than RSA' },
  { test: /^(EdDSA|Ed25519|Ed448)$/, family: 'eddsa', costNote: 'EdDSA verify: roughly 50–100 µs per request' },
  { test: /^none$/i, family: 'none', costNote: 'No signature: nothing to verify, and nothing protects the claims' },
  {
    test: /^(RSA1_5|RSA-OAEP(-256|-384|-512)?|A(128|192|256)KW|dir|ECDH-ES(\+A(128|192|256)KW)?|A(128|192|256)GCMKW|PBES2-HS(256\+A128|384\+A192|512\+A256)KW)$/,
    family: 'jwe-key-management',
    costNote: 'JWE: every request pays key unwrapping plus content decryption',
  },
];

/**
 * Family and per-request cost note of the header's `alg`.
 *
 * @example algorithmInfo({ alg: 'RS256' }).family // 'rsa'
 */
export function algorithmInfo(header: JsonObject): AlgorithmInfo {
  const alg = typeof header['alg'] === 'string' ? header['alg'] : '';
  for (const f of FAMILIES) if (f.test.test(alg)) return { alg, family: f.family, costNote: f.costNote };
  return { alg, family: 'unknown', costNote: 'Unknown algorithm: most libraries reject it' };
}
