// Mints the demo tokens at demo start (never committed), so expiry countdowns are live.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignJWT, UnsecuredJWT, EncryptJWT, generateKeyPair } from 'jose';

/** The demo's `dir` (A256GCM) key, 32 bytes of text: public on purpose, for the demo only. */
export const DEMO_JWE_KEY = 'token-lens-demo-dir-key-32-bytes';

const ISSUER = 'https://auth.demo.example';
const now = () => Math.floor(Date.now() / 1000);
/** The live access token's lifetime: hours, so a slow first look still sees a live countdown. */
export const ACCESS_TOKEN_HOURS = 8;

/** @returns {Promise<Record<string, string>>} placeholder name → token */
export async function mintDemoTokens() {
  const { privateKey } = await generateKeyPair('RS256');
  const es = await generateKeyPair('ES256');
  const hmac = crypto.getRandomValues(new Uint8Array(32));
  // A published demo key (README, Decrypt): store it with Add Decryption Key… as text to see {{encryptedToken}} decrypted.
  const jweKey = new TextEncoder().encode(DEMO_JWE_KEY);
  const t = now();

  const access = await new SignJWT({ scope: 'orders:read orders:write', email: 'alice@demo.example', name: 'Alice Demo' })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'demo-rsa-1' })
    .setIssuer(ISSUER).setSubject('user-1042').setAudience('orders-api').setJti(crypto.randomUUID())
    .setIssuedAt(t).setNotBefore(t).setExpirationTime(t + ACCESS_TOKEN_HOURS * 3600).sign(privateKey);

  const expired = await new SignJWT({ scope: 'orders:read', email: 'bob@demo.example' })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'demo-ec-1' })
    .setIssuer(ISSUER).setSubject('user-7').setAudience('orders-api')
    .setIssuedAt(t - 2 * 3600).setExpirationTime(t - 3600).sign(es.privateKey);

  const noExp = await new SignJWT({ role: 'service', client_id: 'legacy-batch-job' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER).setSubject('svc-legacy').setIssuedAt(t - 400 * 86400).sign(hmac);

  const refresh = await new SignJWT({ token_use: 'refresh', sid: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'demo-rsa-1' })
    .setIssuer(ISSUER).setSubject('user-1042').setAudience(ISSUER).setJti(crypto.randomUUID())
    .setIssuedAt(t).setExpirationTime(t + 30 * 86400).sign(privateKey);

  // Reason 3 of the article: everything stuffed into the token travels with every request.
  const permissions = Array.from({ length: 160 }, (_, i) => `tenant-${String(i).padStart(3, '0')}:orders:read-write`);
  const oversized = await new SignJWT({ email: 'carol@demo.example', roles: ['admin', 'billing', 'support'], permissions })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'demo-rsa-1' })
    .setIssuer(ISSUER).setSubject('user-9').setAudience('orders-api')
    .setIssuedAt(t).setExpirationTime(t + 3600).sign(privateKey);

  const unsigned = new UnsecuredJWT({ sub: 'user-1042', admin: true })
    .setIssuer(ISSUER).setIssuedAt(t).setExpirationTime(t + 3600).encode();

  const encrypted = await new EncryptJWT({ sub: 'user-1042', ssn: 'hidden' })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT', kid: 'demo-dir-1' })
    .setIssuer(ISSUER).setIssuedAt(t).setExpirationTime(t + 600).encrypt(jweKey);

  // Signed with jwt.io's sample secret: Token Lens flags it offline (TL401).
  const weakSecret = await new SignJWT({ sub: 'user-1042', role: 'admin' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER).setAudience('orders-api').setJti(crypto.randomUUID())
    .setIssuedAt(t).setExpirationTime(t + 10 * 60).sign(new TextEncoder().encode('your-256-bit-secret'));

  // A copy that lost the end of the line: the signature is cut to an impossible base64url
  // length, so it cannot verify, but the header and claims still decode (issue 12).
  const truncated = access.slice(0, access.lastIndexOf('.') + 1 + 41);

  // Token exchange (RFC 8693): claims that are tokens themselves (issue 13). Alice's ID token,
  // the client's software statement (RFC 7591, no exp), and an act chain four actor tokens deep:
  // the inspector shows three levels and says where it stopped.
  const idToken = await new SignJWT({ email: 'alice@demo.example' })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'demo-ec-1' })
    .setIssuer(ISSUER).setSubject('user-1042').setAudience('batch-client')
    .setIssuedAt(t).setExpirationTime(t + 3600).sign(es.privateKey);
  const softwareStatement = await new SignJWT({ software_id: 'batch-client', software_version: '4.2.0' })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
    .setIssuer('https://registry.demo.example').setIssuedAt(t - 30 * 86400).sign(es.privateKey);
  let actor;
  for (const sub of ['cron-trigger', 'scheduler', 'batch-service', 'gateway']) {
    actor = await new SignJWT(actor === undefined ? {} : { act: { actor_token: actor } })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(sub).setExpirationTime(t + 1800).sign(es.privateKey);
  }
  const delegated = await new SignJWT({ scope: 'orders:read', client_id: 'batch-client', id_token: idToken, software_statement: softwareStatement, act: { sub: 'gateway', actor_token: actor } })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'demo-ec-1' })
    .setIssuer(ISSUER).setSubject('user-1042').setAudience('orders-api').setJti(crypto.randomUUID())
    .setIssuedAt(t).setExpirationTime(t + 3600).sign(es.privateKey);
  if (delegated.length > 4096) throw new Error(`delegated demo token is ${delegated.length} B: over the cookie limit`);

  if (oversized.length <= 4096) throw new Error(`oversized demo token is only ${oversized.length} B`);
  return {
    ACCESS_TOKEN: access, EXPIRED_TOKEN: expired, NO_EXP_TOKEN: noExp, REFRESH_TOKEN: refresh,
    OVERSIZED_TOKEN: oversized, UNSIGNED_TOKEN: unsigned, ENCRYPTED_TOKEN: encrypted, WEAK_SECRET_TOKEN: weakSecret,
    TRUNCATED_TOKEN: truncated, DELEGATED_TOKEN: delegated,
  };
}

/**
 * Copies the demo workspace template (`demo/workspace`) to `target` with fresh tokens in place
 * of its `__NAME__` placeholders. `target` must be git-ignored: tokens are never committed.
 * @param {string} target
 */
export async function writeDemoWorkspace(target) {
  const template = path.join(path.dirname(fileURLToPath(import.meta.url)), 'workspace');
  const tokens = await mintDemoTokens();
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(template, target, { recursive: true });
  for (const entry of fs.readdirSync(target, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8').replace(/__([A-Z_]+)__/g, (m, key) => tokens[key] ?? m);
    fs.writeFileSync(file, text);
  }
  return tokens;
}
