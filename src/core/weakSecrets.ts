/**
 * Well-known weak HMAC secrets, tried offline on HS256/384/512 tokens. A hit means anyone
 * can forge tokens for that service (RFC 8725 §3.5: HMAC keys need real entropy). The list
 * holds tutorial and framework sample secrets and the most common passwords; it is
 * bundled, never fetched.
 */
import { compactVerify } from 'jose';
import { readProtectedHeader } from './header';
import type { Finding, FindingCode } from './types';

/** Verification finding codes (`TL4xx`). */
export const VERIFICATION_CODES = {
  /** HS* token signed with a secret from {@link WEAK_HMAC_SECRETS}. */
  weakSecret: 'TL401',
} as const satisfies Record<string, FindingCode>;

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

/**
 * Tries every bundled weak secret on an HS256/384/512 token. Returns an error finding naming
 * the secret on a hit, `undefined` on a miss or for any other kind of token. Never throws.
 *
 * @example
 * const finding = await checkWeakSecrets(token); // finding?.code === 'TL401'
 */
export async function checkWeakSecrets(token: string, secrets: readonly string[] = WEAK_HMAC_SECRETS): Promise<Finding | undefined> {
  const trimmed = token.trim();
  if (trimmed.split('.').length !== 3) return undefined;
  const header = readProtectedHeader(trimmed.slice(0, trimmed.indexOf('.')));
  if (!header.ok || !HMAC_ALGS.has(header.value.header.alg)) return undefined;
  const alg = header.value.header.alg;
  const encoder = new TextEncoder();
  for (const secret of secrets) {
    try {
      await compactVerify(trimmed, encoder.encode(secret), { algorithms: [alg] });
      return {
        code: VERIFICATION_CODES.weakSecret,
        severity: 'error',
        message: 'Signed with a publicly known secret: anyone can forge tokens that this service accepts.',
        evidence: `${alg} signature verifies with the well-known secret "${secret}"`,
        reference: { kind: 'rfc', rfc: 8725, section: '3.5', title: 'Ensure Cryptographic Keys Have Sufficient Entropy' },
      };
    } catch {
      // Not this secret.
    }
  }
  return undefined;
}
