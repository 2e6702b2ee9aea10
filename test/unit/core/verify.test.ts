import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactSign, SignJWT, base64url, exportJWK, generateKeyPair, importPKCS8 } from 'jose';
import { parseVerificationKey } from '../../../src/core/keys';
import type { KeyInput, VerificationKey } from '../../../src/core/keys';
import { allowedAlgorithms, isZeroEcdsaSignature, measureVerification, tokenBinding, verifyToken } from '../../../src/core/verify';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'keys');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

async function key(input: KeyInput): Promise<VerificationKey> {
  const result = await parseVerificationKey(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** RFC 7515 A.1: HS256, JWK k below. */
const A1_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const A1_K = 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow';

/** RFC 7515 A.2: RS256 (public key in test/fixtures/keys/rfc7515-a2-*.pem). */
const A2_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';

/** RFC 7515 A.3: ES256. */
const A3_TOKEN =
  'eyJhbGciOiJFUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
const A3_JWK = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };

/** RFC 7515 A.4: ES512 over the payload "Payload". */
const A4_TOKEN =
  'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA' +
  '.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn';
const A4_JWK = {
  kty: 'EC',
  crv: 'P-521',
  x: 'AekpBQ8ST8a8VcfVOTNl353vSrDCLLJXmPk06wTjxrrjcBpXp5EOnYG_NjFZ6OvLFV1jSfS9tsz4qUxcWceqwQGk',
  y: 'ADSmRA43Z1DSNx_RvcLI87cdL07l6jQyyBXMoxVg_l2Th-x3S1WDhjDly79ajL4Kkd0AZMaZmh9ubmf63e3kyMj2',
};

/** RFC 8037 A.4: Ed25519 over "Example of Ed25519 signing". */
const ED_TOKEN =
  'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc' +
  '.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';
const ED_JWK = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };

const jwkKey = (label: string, jwk: object) => key({ label, material: { kind: 'jwk', json: JSON.stringify(jwk) } });
const a1Key = () => key({ label: 'a1', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } });
const a2Key = (pem = 'rfc7515-a2-spki.pem') => key({ label: 'a2', material: { kind: 'pem', pem: fixture(pem) } });

function tamperPayload(token: string): string {
  const [h, , s] = token.split('.');
  return `${h}.${base64url.encode('{"iss":"joe","admin":true}')}.${s}`;
}

function tamperSignature(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const sig = base64url.decode(s);
  sig[sig.length >> 1] ^= 0x01;
  return `${h}.${p}.${base64url.encode(sig)}`;
}

describe('core/verify', () => {
  describe('RFC test vectors verify', () => {
    const cases: [string, string, () => Promise<VerificationKey>][] = [
      ['RFC 7515 A.1 HS256 (base64url secret)', A1_TOKEN, a1Key],
      ['RFC 7515 A.2 RS256 (SPKI PEM)', A2_TOKEN, () => a2Key()],
      ['RFC 7515 A.2 RS256 (PKCS#1 PEM)', A2_TOKEN, () => a2Key('rfc7515-a2-pkcs1.pem')],
      ['RFC 7515 A.3 ES256 (JWK)', A3_TOKEN, () => jwkKey('a3', A3_JWK)],
      ['RFC 7515 A.4 ES512 (JWK)', A4_TOKEN, () => jwkKey('a4', A4_JWK)],
      ['RFC 8037 A.4 Ed25519 (JWK)', ED_TOKEN, () => jwkKey('ed', ED_JWK)],
    ];
    for (const [name, token, makeKey] of cases) {
      it(`${name}: verified; tampered payload and signature are invalid`, async () => {
        const k = await makeKey();
        const ok = await verifyToken(token, [k]);
        assert.equal(ok.status, 'verified', ok.message);
        assert.ok(ok.status === 'verified' && ok.keyLabel === k.label);
        assert.equal((await verifyToken(tamperPayload(token), [k])).status, 'invalid-signature');
        const bad = await verifyToken(tamperSignature(token), [k]);
        assert.equal(bad.status, 'invalid-signature');
        assert.match(bad.message, new RegExp(`key "${k.label}"`));
      });
    }

    it('verifies a token signed with the key of an X.509 certificate', async () => {
      const priv = await importPKCS8(fixture('test-only-cert-key.pem'), 'ES256');
      const token = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256' }).sign(priv);
      const cert = await key({ label: 'cert', material: { kind: 'pem', pem: fixture('test-only-cert.pem') } });
      assert.equal((await verifyToken(token, [cert])).status, 'verified');
    });

    it('the wrong secret gives invalid-signature', async () => {
      const wrong = await key({ label: 'wrong', material: { kind: 'secret', value: 'not-the-key', encoding: 'utf8' } });
      assert.equal((await verifyToken(A1_TOKEN, [wrong])).status, 'invalid-signature');
    });
  });

  describe('the key decides the algorithm (RFC 8725 §2.1, §3.1)', () => {
    it('refuses an HS256 token forged with the RSA public key PEM as HMAC secret (RS256→HS256 confusion)', async () => {
      const pem = fixture('rfc7515-a2-spki.pem');
      const forged = await new SignJWT({ iss: 'joe', admin: true }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(pem));
      const result = await verifyToken(forged, [await a2Key()]);
      assert.equal(result.status, 'key-mismatch');
      assert.match(result.message, /HS256/);
      assert.match(result.message, /algorithm confusion/);
    });

    it('refuses an RS256 token against an HMAC secret, and ES512 against a P-256 key', async () => {
      assert.equal((await verifyToken(A2_TOKEN, [await a1Key()])).status, 'key-mismatch');
      assert.equal((await verifyToken(A4_TOKEN, [await jwkKey('a3', A3_JWK)])).status, 'key-mismatch');
    });

    it('a JWK alg pin narrows the allowed algorithms', async () => {
      const pinned = await jwkKey('pinned', { kty: 'oct', k: A1_K, alg: 'HS512' });
      assert.deepEqual(allowedAlgorithms(pinned.entries[0]!), ['HS512']);
      assert.equal((await verifyToken(A1_TOKEN, [pinned])).status, 'key-mismatch');
    });

    it('never verifies alg "none" or an empty signature, even with keys present', async () => {
      const none = `${base64url.encode('{"alg":"none"}')}.${base64url.encode('{"iss":"joe"}')}.`;
      const result = await verifyToken(none, [await a1Key()]);
      assert.deepEqual([result.status, result.status === 'not-checked' && result.reason], ['not-checked', 'unsecured']);
      const noneWithSig = `${base64url.encode('{"alg":"None"}')}.${base64url.encode('{}')}.AAAA`;
      assert.equal((await verifyToken(noneWithSig, [await a1Key()])).status, 'not-checked');
    });

    it('never verifies a JWE', async () => {
      const jwe = `${base64url.encode('{"alg":"dir","enc":"A128GCM"}')}..AAAA.AAAA.AAAA`;
      const result = await verifyToken(jwe, [await a1Key()]);
      assert.ok(result.status === 'not-checked' && result.reason === 'jwe');
    });

    it('rejects the ES256 all-zero "psychic signature" (CVE-2022-21449)', async () => {
      const [h, p] = A3_TOKEN.split('.');
      const zero = `${h}.${p}.${base64url.encode(new Uint8Array(64))}`;
      const result = await verifyToken(zero, [await jwkKey('a3', A3_JWK)]);
      assert.equal(result.status, 'invalid-signature');
      assert.match(result.message, /CVE-2022-21449/);
      assert.equal(isZeroEcdsaSignature(new Uint8Array(64)), true);
      const rOnly = new Uint8Array(64);
      rOnly[3] = 1;
      assert.equal(isZeroEcdsaSignature(rOnly), true, 's is still zero');
      assert.equal(isZeroEcdsaSignature(base64url.decode(A3_TOKEN.split('.')[2]!)), false);
    });

    it('reports unsupported algorithms', async () => {
      const es256k = `${base64url.encode('{"alg":"ES256K"}')}.${base64url.encode('{}')}.AAAA`;
      const result = await verifyToken(es256k, [await a1Key()]);
      assert.equal(result.status, 'unsupported');
      assert.match(result.message, /ES256K/);
    });
  });

  describe('key selection', () => {
    it('no keys → not-checked (no-key)', async () => {
      const result = await verifyToken(A1_TOKEN, []);
      assert.ok(result.status === 'not-checked' && result.reason === 'no-key');
    });

    it('a key bound to another iss or kid is not used', async () => {
      const other = await key({ label: 'b', iss: 'alice', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } });
      assert.ok((await verifyToken(A1_TOKEN, [other])).status === 'not-checked');
      const joe = await key({ label: 'joe', iss: 'joe', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } });
      assert.equal((await verifyToken(A1_TOKEN, [other, joe])).status, 'verified');
      const kidBound = await key({ label: 'k', kid: 'k1', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } });
      assert.equal((await verifyToken(A1_TOKEN, [kidBound])).status, 'not-checked');
      assert.equal((await verifyToken(A1_TOKEN, [kidBound], { ignoreBindings: true })).status, 'verified');
    });

    it('matches JWKS keys by kid and reports which one verified', async () => {
      // A JWKS holds public keys only (its oct members are skipped: test/unit/core/keys.test.ts).
      const [a, b] = await Promise.all([generateKeyPair('ES256', { extractable: true }), generateKeyPair('ES256', { extractable: true })]);
      const jwks = {
        keys: [
          { ...(await exportJWK(a.publicKey)), kid: 'a' },
          { ...(await exportJWK(b.publicKey)), kid: 'b' },
          { ...A3_JWK, kid: 'ec' },
        ],
      };
      const set = await key({ label: 'set', material: { kind: 'jwks', json: JSON.stringify(jwks) } });
      const tokenB = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'b' }).sign(b.privateKey);
      const byKid = await verifyToken(tokenB, [set]);
      assert.ok(byKid.status === 'verified' && byKid.kid === 'b', byKid.message);
      // Without a kid, entries are tried by type: A.3 has no kid and still finds the EC key.
      const byType = await verifyToken(A3_TOKEN, [set]);
      assert.ok(byType.status === 'verified' && byType.kid === 'ec');
      // A kid that names key "a" while signed with "b" fails: the kid selects, it does not widen.
      const lying = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid: 'a' }).sign(b.privateKey);
      assert.equal((await verifyToken(lying, [set])).status, 'invalid-signature');
    });

    it('does not throw on garbage', async () => {
      for (const junk of ['', 'a.b.c', '....', 'eyJhbGciOiJIUzI1NiJ9.e30.***']) {
        const result = await verifyToken(junk, [await a1Key()]);
        assert.equal(result.status, 'not-checked', junk);
      }
    });
  });

  describe('stored keys: a key that does not apply to a token is not a verdict (keySource "stored")', () => {
    const stored = { keySource: 'stored' } as const;
    const unrelated = () => key({ label: 'other-service', material: { kind: 'secret', value: 'a-secret-of-another-service', encoding: 'utf8' } });

    it('an unbound HMAC secret leaves an unrelated HS256 token at "no matching key (1 tried)", not "invalid signature"', async () => {
      const result = await verifyToken(A1_TOKEN, [await unrelated()], stored);
      assert.ok(result.status === 'not-checked' && result.reason === 'no-matching-key' && result.tried === 1, JSON.stringify(result));
      assert.match(result.message, /No stored key matches this token/);
      assert.match(result.message, /not a verdict/i);
    });

    it('an unbound HMAC secret leaves RS256, ES256, ES512 and EdDSA tokens at "no matching key", not "key does not fit alg"', async () => {
      for (const token of [A2_TOKEN, A3_TOKEN, A4_TOKEN, ED_TOKEN]) {
        const result = await verifyToken(token, [await unrelated()], stored);
        assert.ok(result.status === 'not-checked' && result.reason === 'no-matching-key' && result.tried === 1, `${token.slice(0, 20)}: ${result.status}`);
      }
      // An unbound RSA key and an HS256 token: the key cannot apply either.
      const result = await verifyToken(A1_TOKEN, [await a2Key()], stored);
      assert.ok(result.status === 'not-checked' && result.reason === 'no-matching-key');
    });

    it('counts every stored key that was tried, and still verifies with the one that fits', async () => {
      const many = [await unrelated(), await a2Key(), await jwkKey('a3', A3_JWK)];
      const none = await verifyToken(A1_TOKEN, many, stored);
      assert.ok(none.status === 'not-checked' && none.reason === 'no-matching-key' && none.tried === 3);
      const ok = await verifyToken(A3_TOKEN, many, stored);
      assert.ok(ok.status === 'verified' && ok.keyLabel === 'a3', ok.message);
    });

    it('a key bound to the token by iss gives "invalid signature" when it fails, and "key-mismatch" when it cannot fit', async () => {
      // A.1's payload has iss "joe".
      const joe = await key({ label: 'joe', iss: 'joe', material: { kind: 'secret', value: 'not-the-key', encoding: 'utf8' } });
      const invalid = await verifyToken(A1_TOKEN, [joe], stored);
      assert.ok(invalid.status === 'invalid-signature' && invalid.keyLabels.join() === 'joe', invalid.message);
      assert.equal((await verifyToken(tamperPayload(A1_TOKEN), [await key({ label: 'joe-real', iss: 'joe', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } })], stored)).status, 'invalid-signature');
      const rsaForJoe = await key({ label: 'joe-rsa', iss: 'joe', material: { kind: 'pem', pem: fixture('rfc7515-a2-spki.pem') } });
      const forged = await new SignJWT({ iss: 'joe' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(fixture('rfc7515-a2-spki.pem')));
      const mismatch = await verifyToken(forged, [rsaForJoe], stored);
      assert.equal(mismatch.status, 'key-mismatch');
      assert.match(mismatch.message, /algorithm confusion/);
    });

    it('a key bound by kid, or a JWKS member named by the token\'s kid, gives a verdict; the unbound one beside it does not', async () => {
      const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
      const other = await generateKeyPair('ES256', { extractable: true });
      const signed = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(other.privateKey);
      const byKid = await key({ label: 'k1-key', kid: 'k1', material: { kind: 'jwk', json: JSON.stringify(await exportJWK(publicKey)) } });
      const result = await verifyToken(signed, [await unrelated(), byKid], stored);
      assert.ok(result.status === 'invalid-signature' && result.keyLabels.join() === 'k1-key', result.message);
      const set = await key({ label: 'set', material: { kind: 'jwks', json: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] }) } });
      assert.equal((await verifyToken(signed, [set], stored)).status, 'invalid-signature', 'the set names the token\'s kid');
      const good = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
      assert.equal((await verifyToken(good, [await unrelated(), set], stored)).status, 'verified');
      // A JWKS without that kid: its entries are tried by type, unbound.
      const unnamed = await key({ label: 'unnamed', material: { kind: 'jwks', json: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'zz' }] }) } });
      const free = await verifyToken(signed, [unnamed], stored);
      assert.ok(free.status === 'not-checked' && free.reason === 'no-matching-key', free.status);
    });

    it('keys all bound to other tokens: "no matching key" with none tried', async () => {
      const alice = await key({ label: 'alice', iss: 'alice', material: { kind: 'secret', value: A1_K, encoding: 'base64url' } });
      const result = await verifyToken(A1_TOKEN, [alice], stored);
      assert.ok(result.status === 'not-checked' && result.reason === 'no-matching-key' && result.tried === 0);
    });

    it('the all-zero ECDSA signature stays invalid whatever the key (CVE-2022-21449)', async () => {
      const [h, p] = A3_TOKEN.split('.');
      const zero = `${h}.${p}.${base64url.encode(new Uint8Array(64))}`;
      assert.equal((await verifyToken(zero, [await jwkKey('a3', A3_JWK)], stored)).status, 'invalid-signature');
    });

    it('keys the user chose (the default, as the CLI\'s --key) keep their verdicts', async () => {
      assert.equal((await verifyToken(A1_TOKEN, [await unrelated()])).status, 'invalid-signature');
      assert.equal((await verifyToken(A2_TOKEN, [await unrelated()])).status, 'key-mismatch');
    });
  });

  describe('tokenBinding (the binding offered when a key is added)', () => {
    it('reads the iss claim and header kid of a JWS; nothing of a token that does not decode', async () => {
      assert.deepEqual(tokenBinding(A1_TOKEN), { iss: 'joe' });
      const withKid = await new SignJWT({ iss: 'https://id.example' }).setProtectedHeader({ alg: 'HS256', kid: 'k7' }).sign(new TextEncoder().encode('x'.repeat(32)));
      assert.deepEqual(tokenBinding(`  ${withKid}\n`), { iss: 'https://id.example', kid: 'k7' });
      assert.deepEqual(tokenBinding('not.a.token'), {});
      const jwe = `${base64url.encode('{"alg":"dir","enc":"A128GCM","kid":"enc-1"}')}..AAAA.AAAA.AAAA`;
      assert.deepEqual(tokenBinding(jwe), { kid: 'enc-1' });
    });
  });

  describe('measureVerification (article reason 5)', () => {
    it('returns the median of the runs, verified with the fitting key', async () => {
      const timing = await measureVerification(A2_TOKEN, await a2Key(), 5);
      assert.ok(timing.ok);
      assert.equal(timing.value.runs, 5);
      assert.equal(timing.value.verified, true);
      // A duration, whatever the machine's load: no bound in ms (the unit suite has no timing assertion).
      assert.ok(Number.isFinite(timing.value.medianMs) && timing.value.medianMs >= 0, String(timing.value.medianMs));
    });

    it('reports typed errors for unsecured tokens and unfitting keys', async () => {
      const none = `${base64url.encode('{"alg":"none"}')}.e30.`;
      const a = await measureVerification(none, await a1Key());
      assert.ok(!a.ok && a.error.code === 'ERR_NOT_VERIFIABLE');
      const b = await measureVerification(A2_TOKEN, await a1Key());
      assert.ok(!b.ok && b.error.code === 'ERR_NO_FITTING_KEY');
    });

    it('still measures (and reports) a signature that does not verify', async () => {
      const priv = await importPKCS8(fixture('test-only-cert-key.pem'), 'ES256');
      const other = await new CompactSign(new TextEncoder().encode('x')).setProtectedHeader({ alg: 'ES256' }).sign(priv);
      const timing = await measureVerification(other, await jwkKey('a3', A3_JWK), 3);
      assert.ok(timing.ok && timing.value.verified === false);
    });
  });
});
