import { strict as assert } from 'node:assert';
import { calculateJwkThumbprint, importSPKI } from 'jose';
import { generateSigningKeyPair, KEY_PAIR_TYPES } from '../../../src/core/keygen';
import type { KeyPairType } from '../../../src/core/keygen';
import { parsePrivateKey, parseVerificationKey } from '../../../src/core/keys';
import { signToken } from '../../../src/core/sign';
import { verifyToken } from '../../../src/core/verify';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

describe('generateSigningKeyPair', () => {
  const expected: Record<KeyPairType, { alg: string; kty: string; crv?: string; bits?: number }> = {
    'RSA-2048': { alg: 'RS256', kty: 'RSA', bits: 2048 },
    'RSA-3072': { alg: 'RS256', kty: 'RSA', bits: 3072 },
    'EC-P-256': { alg: 'ES256', kty: 'EC', crv: 'P-256' },
    'EC-P-384': { alg: 'ES384', kty: 'EC', crv: 'P-384' },
    'EC-P-521': { alg: 'ES512', kty: 'EC', crv: 'P-521' },
    Ed25519: { alg: 'EdDSA', kty: 'OKP', crv: 'Ed25519' },
  };

  for (const type of KEY_PAIR_TYPES) {
    it(`${type}: private PKCS#8 and JWK, public JWK, JWKS and SPKI, kid = RFC 7638 thumbprint; what it signs the public key verifies`, async () => {
      const pair = await generateSigningKeyPair(type);
      assert.ok(pair.ok, pair.ok ? '' : pair.error.message);
      const { alg, kid, publicJwk, publicJwks, publicPem, privatePem, privateJwk, privateKey } = pair.value;
      const want = expected[type];
      assert.equal(alg, want.alg);
      assert.equal(publicJwk.kty, want.kty);
      assert.equal(publicJwk.crv, want.crv);
      const bare: Record<string, unknown> = { ...publicJwk };
      for (const member of ['kid', 'alg', 'use']) delete bare[member];
      assert.equal(kid, await calculateJwkThumbprint(bare, 'sha256'));
      assert.deepEqual([publicJwk.kid, publicJwk.alg, publicJwk.use], [kid, alg, 'sig']);
      assert.deepEqual(publicJwks, { keys: [publicJwk] });
      for (const member of PRIVATE_MEMBERS) assert.equal((publicJwk as Record<string, unknown>)[member], undefined, `public JWK has no "${member}"`);
      assert.equal(typeof privateJwk.d, 'string');
      assert.match(privatePem, /^-----BEGIN PRIVATE KEY-----\n/);
      assert.match(publicPem, /^-----BEGIN PUBLIC KEY-----\n/);
      await importSPKI(publicPem, alg);
      if (want.bits !== undefined) assert.equal(privateKey.bits, want.bits);
      // The PEM reads back through the one private key parser; the JWKS through the verification key parser.
      const fromPem = await parsePrivateKey({ kind: 'pem', pem: privatePem });
      assert.ok(fromPem.ok);
      assert.equal(fromPem.value.description, privateKey.description);
      const signed = await signToken({ header: '{"typ":"JWT"}', payload: '{"sub":"generated"}', key: privateKey });
      assert.ok(signed.ok);
      assert.deepEqual([signed.value.alg, signed.value.kid], [alg, kid]);
      const jwks = await parseVerificationKey({ label: 'jwks', material: { kind: 'jwks', json: JSON.stringify(publicJwks) } });
      assert.ok(jwks.ok, jwks.ok ? '' : jwks.error.message);
      const verified = await verifyToken(signed.value.token, [jwks.value]);
      assert.equal(verified.status, 'verified', verified.message);
      const spki = await parseVerificationKey({ label: 'spki', material: { kind: 'pem', pem: publicPem } });
      assert.ok(spki.ok);
      assert.equal((await verifyToken(signed.value.token, [spki.value])).status, 'verified');
    });
  }

  it('pins an RSA key to PS256 when asked; other algorithms are a typed error', async () => {
    const pss = await generateSigningKeyPair('RSA-2048', { alg: 'PS256' });
    assert.ok(pss.ok);
    assert.equal(pss.value.publicJwk.alg, 'PS256');
    const signed = await signToken({ header: '{}', payload: '{}', key: pss.value.privateKey });
    assert.ok(signed.ok);
    assert.equal(signed.value.alg, 'PS256');
    const bad = await generateSigningKeyPair('EC-P-256', { alg: 'ES384' });
    assert.ok(!bad.ok);
    assert.equal(bad.error.code, 'ERR_KEYGEN_ALG');
    const unknown = await generateSigningKeyPair('DSA-1024' as KeyPairType);
    assert.ok(!unknown.ok);
    assert.equal(unknown.error.code, 'ERR_KEYGEN_TYPE');
  });

  it('two pairs of one type differ (fresh randomness, distinct kids)', async () => {
    const [a, b] = await Promise.all([generateSigningKeyPair('EC-P-256'), generateSigningKeyPair('EC-P-256')]);
    assert.ok(a.ok && b.ok);
    assert.notEqual(a.value.kid, b.value.kid);
  });
});

describe('generateSigningKeyPair: totality', () => {
  it('reads null options as none, and a non-string alg or type as a typed error', async () => {
    const hostile = <T>(value: unknown) => value as T;
    const pair = await generateSigningKeyPair('Ed25519', hostile(null));
    assert.ok(pair.ok);
    const alg = await generateSigningKeyPair('Ed25519', hostile({ alg: 5 }));
    assert.ok(!alg.ok);
    assert.equal(alg.error.code, 'ERR_KEYGEN_ALG');
    const type = await generateSigningKeyPair(hostile({}));
    assert.ok(!type.ok);
    assert.equal(type.error.code, 'ERR_KEYGEN_TYPE');
  });
});
