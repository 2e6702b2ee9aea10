import { strict as assert } from 'node:assert';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { MAX_RSA_MODULUS_BITS, parsePrivateKey, parseVerificationKey, verificationKeyFor } from '../../../src/core/keys';
import { signToken } from '../../../src/core/sign';
import { verifyToken } from '../../../src/core/verify';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'keys');

/** parsePrivateKey: the signing/decryption counterpart of parseVerificationKey (keys.ts). */
describe('parsePrivateKey', () => {
  it('reads PKCS#8 PEM private keys of every family', async () => {
    const cases: [string, { crv?: string; modulusLength?: number }, string][] = [
      ['RS256', { modulusLength: 2048 }, 'RSA private key (2048 bit)'],
      ['ES256', {}, 'EC private key (P-256)'],
      ['ES384', {}, 'EC private key (P-384)'],
      ['ES512', {}, 'EC private key (P-521)'],
      ['Ed25519', {}, 'Ed25519 private key'],
      ['ECDH-ES', { crv: 'X25519' }, 'X25519 private key'],
    ];
    for (const [alg, options, description] of cases) {
      const { privateKey } = await generateKeyPair(alg, { extractable: true, ...options });
      const parsed = await parsePrivateKey({ kind: 'pem', pem: await exportPKCS8(privateKey) });
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
      assert.equal(parsed.value.description, description);
      assert.equal(typeof parsed.value.jwk?.d, 'string');
      assert.equal(parsed.value.publicJwk?.d, undefined, 'the public half has no private member');
    }
    const cert = await parsePrivateKey({ kind: 'pem', pem: readFileSync(join(FIXTURES, 'test-only-cert-key.pem'), 'utf8') });
    assert.ok(cert.ok);
    assert.equal(cert.value.description, 'EC private key (P-256)');
  });

  it('rewraps a PKCS#1 "RSA PRIVATE KEY" as PKCS#8 (RFC 5208 §5) and signs with it', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    assert.match(privateKey, /BEGIN RSA PRIVATE KEY/);
    const parsed = await parsePrivateKey({ kind: 'pem', pem: privateKey });
    assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
    assert.equal(parsed.value.bits, 2048);
    const signed = await signToken({ header: '{}', payload: '{"sub":"pkcs1"}', key: parsed.value });
    assert.ok(signed.ok);
    const pub = await parseVerificationKey({ label: 'pub', material: { kind: 'pem', pem: publicKey } });
    assert.ok(pub.ok);
    assert.equal((await verifyToken(signed.value.token, [pub.value])).status, 'verified');
  });

  it('reads private JWKs (kid, alg, use kept) and oct JWKs as secrets', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    const parsed = await parsePrivateKey({ kind: 'jwk', json: JSON.stringify(jwk) });
    assert.ok(parsed.ok);
    assert.deepEqual([parsed.value.family, parsed.value.kid, parsed.value.alg, parsed.value.use, parsed.value.crv], ['ec', 'k1', 'ES256', 'sig', 'P-256']);
    const oct = await parsePrivateKey({ kind: 'jwk', json: '{"kty":"oct","k":"GZy6sIZ6wl9NJOKB-jnmVQ","kid":"s1"}' });
    assert.ok(oct.ok);
    assert.deepEqual([oct.value.family, oct.value.secret?.length, oct.value.kid, oct.value.description], ['hmac', 16, 's1', 'Secret (16 bytes)']);
  });

  it('reads secrets typed as UTF-8, base64, base64url, or given as bytes', async () => {
    for (const [material, bytes] of [
      [{ kind: 'secret', value: 'secret', encoding: 'utf8' }, 6],
      [{ kind: 'secret', value: 'c2VjcmV0', encoding: 'base64' }, 6],
      [{ kind: 'secret-bytes', bytes: new Uint8Array(32) }, 32],
    ] as const) {
      const parsed = await parsePrivateKey(material);
      assert.ok(parsed.ok);
      assert.equal(parsed.value.secret?.length, bytes);
    }
  });

  it('a public key is ERR_KEY_PUBLIC; other bad input a typed error without key material', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const cases: [Parameters<typeof parsePrivateKey>[0], string][] = [
      [{ kind: 'pem', pem: await exportSPKI(publicKey) }, 'ERR_KEY_PUBLIC'],
      [{ kind: 'jwk', json: JSON.stringify(await exportJWK(publicKey)) }, 'ERR_KEY_PUBLIC'],
      [{ kind: 'pem', pem: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----' }, 'ERR_PEM_UNSUPPORTED'],
      [{ kind: 'pem', pem: '-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----' }, 'ERR_PEM_MALFORMED'], // SEC1 is read (sec1.test.ts): four zero bytes are no ECPrivateKey
      [{ kind: 'pem', pem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }, 'ERR_PEM_MALFORMED'],
      [{ kind: 'pem', pem: 'not a pem' }, 'ERR_PEM_MALFORMED'],
      [{ kind: 'pem', pem: '  ' }, 'ERR_KEY_EMPTY'],
      [{ kind: 'jwk', json: '{"keys":[]}' }, 'ERR_JWK_MALFORMED'],
      [{ kind: 'jwk', json: '{"kty":"EC","crv":"P-256","x":"AA","y":"AA","d":"AA"}' }, 'ERR_JWK_MALFORMED'],
      [{ kind: 'jwk', json: JSON.stringify({ ...privateJwk, x: privateJwk.y }) }, 'ERR_JWK_MALFORMED'],
      [{ kind: 'jwk', json: '{"kty":"oct"}' }, 'ERR_JWK_MALFORMED'],
      [{ kind: 'secret', value: '', encoding: 'utf8' }, 'ERR_KEY_EMPTY'],
      [{ kind: 'secret-bytes', bytes: new Uint8Array() }, 'ERR_KEY_EMPTY'],
    ];
    for (const [material, code] of cases) {
      const parsed = await parsePrivateKey(material);
      assert.ok(!parsed.ok, code);
      assert.equal(parsed.error.code, code, parsed.error.message);
      assert.ok(!parsed.error.message.includes(privateJwk.d!), 'no private key material in the message');
    }
  });

  it('verificationKeyFor gives the key that verifies what the private key signs', async () => {
    const { privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    const parsed = await parsePrivateKey({ kind: 'pem', pem: await exportPKCS8(privateKey) });
    assert.ok(parsed.ok);
    const signed = await signToken({ header: '{}', payload: '{}', key: parsed.value });
    assert.ok(signed.ok);
    const key = verificationKeyFor(parsed.value, 'mine');
    assert.equal(key.entries[0]?.jwk?.d, undefined);
    assert.equal((await verifyToken(signed.value.token, [key])).status, 'verified');
  });
});

describe('parsePrivateKey: review fixes (RSA size bound, PEM label, totality)', () => {
  const random = (bytes: number) => base64url.encode(randomBytes(bytes));
  // Random members, no real key: the bound is checked before any import.
  const fakeRsaJwk = (bits: number) => JSON.stringify({ kty: 'RSA', n: random(bits / 8), e: 'AQAB', d: random(bits / 8), p: random(bits / 16), q: random(bits / 16), dp: random(bits / 16), dq: random(bits / 16), qi: random(bits / 16) });

  it(`refuses a 16384-bit RSA JWK with ERR_KEY_TOO_LARGE (over MAX_RSA_MODULUS_BITS = ${MAX_RSA_MODULUS_BITS}) before importing it`, async () => {
    // ERR_KEY_TOO_LARGE comes only from the check before importJWK (an import of these random
    // members would fail as ERR_KEY_INVALID-like errors, or take seconds for a real key of this
    // size); no absolute time bound, which a loaded machine would make flaky.
    const json = fakeRsaJwk(16384);
    const parsed = await parsePrivateKey({ kind: 'jwk', json });
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.code, 'ERR_KEY_TOO_LARGE');
    assert.match(parsed.error.message, /16384 bit.*8192/);
  });

  it('refuses a PKCS#8 PEM too large for an 8192-bit RSA key before importing it', async () => {
    const body = Buffer.from(randomBytes(9300)).toString('base64').replace(/.{64}/g, '$&\n');
    const parsed = await parsePrivateKey({ kind: 'pem', pem: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----` });
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.code, 'ERR_KEY_TOO_LARGE');
  });

  it('quotes at most 40 characters of a PEM label', async () => {
    const label = `${'A'.repeat(100_000)} PRIVATE KEY`;
    const pem = `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----`;
    const parsed = await parsePrivateKey({ kind: 'pem', pem });
    assert.ok(!parsed.ok);
    assert.equal(parsed.error.code, 'ERR_PEM_UNSUPPORTED');
    assert.ok(parsed.error.message.length < 200, String(parsed.error.message.length));
    const verification = await parseVerificationKey({ label: 'k', material: { kind: 'pem', pem } });
    assert.ok(!verification.ok);
    assert.equal(verification.error.code, 'ERR_PEM_PRIVATE');
    assert.ok(verification.error.message.length < 200, String(verification.error.message.length));
  });

  it('is total on hostile arguments (typed errors, never an exception)', async () => {
    const hostile = <T>(value: unknown) => value as T;
    const none = await parsePrivateKey(hostile(undefined));
    assert.ok(!none.ok);
    assert.equal(none.error.code, 'ERR_KEY_KIND');
    const unknown = await parsePrivateKey(hostile({ kind: 'x' }));
    assert.ok(unknown !== undefined && !unknown.ok);
    assert.equal(unknown.error.code, 'ERR_KEY_KIND');
    const pemNumber = await parsePrivateKey(hostile({ kind: 'pem', pem: 5 }));
    assert.ok(!pemNumber.ok);
    const verification = verificationKeyFor(hostile(undefined), 'x');
    assert.deepEqual(verification.entries, []);
  });
});
