// SEC1 `EC PRIVATE KEY` (RFC 5915) private keys: keys.ts wraps them as PKCS#8 for WebCrypto.
// The fixtures are real `openssl ecparam -genkey` output (test/fixtures/keys/README.md).
import { strict as assert } from 'node:assert';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url, CompactEncrypt, importJWK } from 'jose';
import { decryptToken } from '../../../src/core/decrypt';
import { parsePrivateKey, parseVerificationKey, sec1ToPkcs8 } from '../../../src/core/keys';
import { signToken } from '../../../src/core/sign';
import { verifyToken } from '../../../src/core/verify';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'keys');
const pemOf = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const derOf = (pem: string, label: string): Uint8Array => {
  const body = pem.split(`-----BEGIN ${label}-----`)[1]!.split(`-----END ${label}-----`)[0]!.replace(/\s+/g, '');
  return new Uint8Array(Buffer.from(body, 'base64'));
};

describe('SEC1 EC PRIVATE KEY (RFC 5915) in parsePrivateKey', () => {
  const cases = [
    ['test-only-sec1-p256.pem', 'P-256', 'ES256'],
    ['test-only-sec1-p384.pem', 'P-384', 'ES384'],
    ['test-only-sec1-p521.pem', 'P-521', 'ES512'],
    ['test-only-sec1-p256-noparams.pem', 'P-256', 'ES256'],
  ] as const;

  for (const [file, crv, alg] of cases) {
    it(`reads ${file} (openssl ecparam -genkey, ${crv}): the same key OpenSSL reads, signs ${alg} and decrypts ECDH-ES`, async () => {
      const pem = pemOf(file);
      assert.match(pem, /BEGIN EC PRIVATE KEY/);
      const parsed = await parsePrivateKey({ kind: 'pem', pem });
      assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
      assert.equal(parsed.value.description, `EC private key (${crv})`);
      // OpenSSL's own reading of the file is the reference.
      const expected = createPrivateKey(pem).export({ format: 'jwk' });
      assert.deepEqual([parsed.value.jwk?.crv, parsed.value.jwk?.d, parsed.value.jwk?.x, parsed.value.jwk?.y], [expected.crv, expected.d, expected.x, expected.y]);
      const signed = await signToken({ header: '{}', payload: '{"sub":"sec1"}', key: parsed.value });
      assert.ok(signed.ok, signed.ok ? '' : signed.error.message);
      assert.equal(JSON.parse(Buffer.from(signed.value.token.split('.')[0]!, 'base64url').toString()).alg, alg);
      const pub = await parseVerificationKey({ label: 'pub', material: { kind: 'jwk', json: JSON.stringify(parsed.value.publicJwk) } });
      assert.ok(pub.ok);
      assert.equal((await verifyToken(signed.value.token, [pub.value])).status, 'verified');
      const jwe = await new CompactEncrypt(new TextEncoder().encode('{"sub":"to-sec1"}'))
        .setProtectedHeader({ alg: 'ECDH-ES+A128KW', enc: 'A128GCM' })
        .encrypt(await importJWK({ kty: 'EC', crv: expected.crv!, x: expected.x!, y: expected.y! }, 'ECDH-ES+A128KW'));
      const decrypted = await decryptToken(jwe, parsed.value);
      assert.ok(decrypted.ok, decrypted.ok ? '' : decrypted.error.message);
      assert.deepEqual(decrypted.value.payload.type === 'claims' ? decrypted.value.payload.claims : undefined, { sub: 'to-sec1' });
    });
  }

  it('wraps the SEC1 DER as PKCS#8 byte for byte: version 0, id-ecPublicKey + the curve, the ECPrivateKey as an OCTET STRING', () => {
    const sec1 = derOf(pemOf('test-only-sec1-p256.pem'), 'EC PRIVATE KEY');
    const wrapped = sec1ToPkcs8(sec1);
    assert.ok(wrapped.ok);
    const head = Buffer.from(wrapped.value.subarray(0, wrapped.value.length - sec1.length)).toString('hex');
    // SEQUENCE (len) { INTEGER 0, SEQUENCE { OID 1.2.840.10045.2.1, OID 1.2.840.10045.3.1.7 }, OCTET STRING (len) }
    // 3 (version) + 21 (algorithm) + 2 (OCTET STRING head) + the key: 0x93 for openssl's 121-byte P-256 key.
    assert.equal(sec1.length, 121);
    assert.equal(head, '308193020100301306072a8648ce3d020106082a8648ce3d0301070479');
    assert.deepEqual(wrapped.value.subarray(wrapped.value.length - sec1.length), sec1);
    // Node reads the wrapped DER as the same key.
    const fromWrapped = createPrivateKey({ key: Buffer.from(wrapped.value), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' });
    assert.equal(fromWrapped.d, createPrivateKey(pemOf('test-only-sec1-p256.pem')).export({ format: 'jwk' }).d);
  });

  it('refuses what is not a SEC1 key on a WebCrypto curve, with a typed error and no key material', async () => {
    const good = derOf(pemOf('test-only-sec1-p256.pem'), 'EC PRIVATE KEY');
    for (const bad of [new Uint8Array(), new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x02]), good.subarray(0, good.length - 5), new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff])]) {
      const r = sec1ToPkcs8(bad);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'ERR_PEM_MALFORMED');
    }
    // secp256k1 (1.3.132.0.10): SEC1 names it, WebCrypto has no such curve.
    const k1 = Buffer.from(good);
    const at = k1.indexOf(Buffer.from('06082a8648ce3d030107', 'hex'));
    const swapped = Buffer.concat([k1.subarray(0, at - 2), Buffer.from([0xa0, 0x07, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x0a]), k1.subarray(at + 10)]);
    swapped[1] = swapped.length - 2;
    const r = sec1ToPkcs8(new Uint8Array(swapped));
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_PEM_UNSUPPORTED');
    const pem = `-----BEGIN EC PRIVATE KEY-----\n${base64url.encode(new Uint8Array(swapped)).replace(/-/g, '+').replace(/_/g, '/')}\n-----END EC PRIVATE KEY-----\n`;
    const parsed = await parsePrivateKey({ kind: 'pem', pem });
    assert.ok(!parsed.ok);
    assert.match(parsed.error.message, /P-256, P-384 or P-521/);
    assert.ok(!parsed.error.message.includes(base64url.encode(good.subarray(7, 39))));
  });
});
