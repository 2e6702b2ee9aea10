import { strict as assert } from 'node:assert';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { base64url } from 'jose';
import { decodeSecret, guessKeyKind, parseVerificationKey, pkcs1ToSpki } from '../../../src/core/keys';
import type { KeyError, KeyMaterial } from '../../../src/core/keys';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'keys');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function pemBody(pem: string): Uint8Array {
  const b64 = pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return base64url.decode(b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
}

async function parseError(material: KeyMaterial): Promise<KeyError> {
  const result = await parseVerificationKey({ label: 'k', material });
  assert.equal(result.ok, false, 'expected a parse error');
  if (result.ok) throw new Error('unreachable');
  return result.error;
}

describe('core/keys', () => {
  describe('decodeSecret', () => {
    it('reads UTF-8, base64 (padded, +/) and base64url secrets', () => {
      assert.deepEqual(decodeSecret('sécret', 'utf8'), { ok: true, value: new TextEncoder().encode('sécret') });
      const b64 = decodeSecret('+/8=', 'base64');
      assert.ok(b64.ok);
      assert.deepEqual([...b64.value], [0xfb, 0xff]);
      const url = decodeSecret('-_8', 'base64url');
      assert.ok(url.ok);
      assert.deepEqual([...url.value], [0xfb, 0xff]);
    });

    it('refuses empty and mis-encoded secrets with typed errors', () => {
      assert.equal((decodeSecret('', 'utf8') as { error: KeyError }).error.code, 'ERR_KEY_EMPTY');
      assert.equal((decodeSecret('-_8', 'base64') as { error: KeyError }).error.code, 'ERR_SECRET_ENCODING');
      assert.equal((decodeSecret('+/8=', 'base64url') as { error: KeyError }).error.code, 'ERR_SECRET_ENCODING');
      assert.equal((decodeSecret('abcde', 'base64url') as { error: KeyError }).error.code, 'ERR_SECRET_ENCODING');
    });
  });

  describe('pkcs1ToSpki (RFC 8017 A.1 → RFC 5280 SubjectPublicKeyInfo)', () => {
    it('wraps the RFC 7515 A.2 PKCS#1 key into exactly the SPKI DER that OpenSSL produces', () => {
      const pkcs1 = pemBody(fixture('rfc7515-a2-pkcs1.pem'));
      const spki = pemBody(fixture('rfc7515-a2-spki.pem'));
      assert.deepEqual([...pkcs1ToSpki(pkcs1)], [...spki]);
    });

    it('uses short-form DER lengths for small keys', () => {
      const out = pkcs1ToSpki(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]));
      // 30 len | AlgorithmIdentifier (15 bytes) | 03 06 00 | 5 key bytes
      assert.equal(out[0], 0x30);
      assert.equal(out[1], 15 + 3 + 5);
      assert.deepEqual([...out.subarray(15 + 2, 15 + 5)], [0x03, 0x06, 0x00]);
      assert.equal(out.length, 2 + 15 + 3 + 5);
    });
  });

  describe('parseVerificationKey', () => {
    it('imports an SPKI RSA public key', async () => {
      const result = await parseVerificationKey({ label: 'a2', material: { kind: 'pem', pem: fixture('rfc7515-a2-spki.pem') } });
      assert.ok(result.ok);
      assert.equal(result.value.entries[0]!.family, 'rsa');
      assert.equal(result.value.description, 'RSA public key (2048 bit)');
    });

    it('imports a PKCS#1 "RSA PUBLIC KEY" to the same JWK as its SPKI form', async () => {
      const a = await parseVerificationKey({ label: 'a', material: { kind: 'pem', pem: fixture('rfc7515-a2-pkcs1.pem') } });
      const b = await parseVerificationKey({ label: 'b', material: { kind: 'pem', pem: fixture('rfc7515-a2-spki.pem') } });
      assert.ok(a.ok && b.ok);
      assert.deepEqual(a.value.entries[0]!.jwk, b.value.entries[0]!.jwk);
    });

    it('imports the public key of an X.509 certificate (EC P-256)', async () => {
      const result = await parseVerificationKey({ label: 'cert', material: { kind: 'pem', pem: fixture('test-only-cert.pem') } });
      assert.ok(result.ok);
      assert.equal(result.value.entries[0]!.family, 'ec');
      assert.equal(result.value.entries[0]!.crv, 'P-256');
      assert.equal(result.value.entries[0]!.jwk?.d, undefined);
    });

    it('keeps label and iss/kid bindings', async () => {
      const result = await parseVerificationKey({ label: 'dev', iss: 'joe', kid: 'k1', material: { kind: 'secret', value: 'secret', encoding: 'utf8' } });
      assert.ok(result.ok);
      assert.equal(result.value.label, 'dev');
      assert.equal(result.value.iss, 'joe');
      assert.equal(result.value.kid, 'k1');
      assert.equal(result.value.description, 'HMAC secret (6 bytes)');
    });

    it('strips private members from a private JWK (verification needs only the public part)', async () => {
      const jwk = {
        kty: 'EC', crv: 'P-256', kid: 'appendix3',
        x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
        y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
        d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
      };
      const result = await parseVerificationKey({ label: 'a3', material: { kind: 'jwk', json: JSON.stringify(jwk) } });
      assert.ok(result.ok);
      assert.equal(result.value.entries[0]!.jwk?.d, undefined);
      assert.equal(result.value.entries[0]!.kid, 'appendix3');
    });

    it('reads an oct JWK as an HMAC secret', async () => {
      const result = await parseVerificationKey({ label: 'oct', material: { kind: 'jwk', json: '{"kty":"oct","k":"c2VjcmV0"}' } });
      assert.ok(result.ok);
      assert.equal(new TextDecoder().decode(result.value.entries[0]!.secret), 'secret');
    });

    // RFC 7515 A.3 EC P-256 key, public part.
    const EC_PUBLIC = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };

    it('reads every public key of a JWKS with its kid and alg', async () => {
      const jwks = { keys: [{ ...EC_PUBLIC, kid: 'a' }, { ...EC_PUBLIC, kid: 'b', alg: 'ES256', use: 'sig', key_ops: ['verify'] }] };
      const result = await parseVerificationKey({ label: 'set', material: { kind: 'jwks', json: JSON.stringify(jwks) } });
      assert.ok(result.ok);
      assert.deepEqual(result.value.entries.map((e) => [e.family, e.kid, e.alg]), [['ec', 'a', undefined], ['ec', 'b', 'ES256']]);
      assert.equal(result.value.description, 'JWKS with 2 keys');
      assert.equal(result.value.skipped, undefined);
    });

    it('skips JWKS members that are no public signing keys, saying why (as jose createLocalJWKSet; RFC 7517 §4.2, §4.3)', async () => {
      const jwks = {
        keys: [
          { kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' },
          { ...EC_PUBLIC, kid: 'leaked', d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' },
          { ...EC_PUBLIC, kid: 'enc', use: 'enc' },
          { ...EC_PUBLIC, kid: 'wrap', key_ops: ['wrapKey'] },
          { kty: 'AKP', alg: 'ML-DSA-44', pub: 'AA', kid: 'pq' },
          { ...EC_PUBLIC, kid: 'good' },
        ],
      };
      const result = await parseVerificationKey({ label: 'set', material: { kind: 'jwks', json: JSON.stringify(jwks) } });
      assert.ok(result.ok);
      assert.deepEqual(result.value.entries.map((e) => e.kid), ['good']);
      assert.deepEqual(
        result.value.skipped?.map((s) => [s.index, s.kid, s.code]),
        [
          [1, 'hmac', 'ERR_JWKS_SECRET'],
          [2, 'leaked', 'ERR_JWKS_PRIVATE'],
          [3, 'enc', 'ERR_JWKS_USE'],
          [4, 'wrap', 'ERR_JWKS_KEY_OPS'],
          [5, 'pq', 'ERR_JWKS_KTY'],
        ],
      );
      for (const skip of result.value.skipped ?? []) assert.match(skip.message, new RegExp(`^JWKS key #${skip.index} `));
      assert.match(result.value.skipped![1]!.message, /private key parameters \("d"\)/);
      assert.doesNotMatch(result.value.skipped!.map((s) => s.message).join(' '), /c2VjcmV0|jpsQnn/, 'no key material in messages');
      assert.equal(result.value.description, 'EC public key (P-256), 5 members skipped');
    });

    it('refuses a JWKS whose members are all skipped, naming the reasons', async () => {
      const jwks = { keys: [{ kty: 'oct', k: 'c2VjcmV0' }, { ...EC_PUBLIC, use: 'enc' }] };
      const error = await parseError({ kind: 'jwks', json: JSON.stringify(jwks) });
      assert.equal(error.code, 'ERR_JWKS_NO_PUBLIC_KEY');
      assert.match(error.message, /JWKS key #1 is an "oct" secret.*; JWKS key #2 has "use" "enc"/);
    });

    it('reads the first complete PEM block after explanatory text and unterminated BEGIN lines (RFC 7468 §2)', async () => {
      const pem = `notes\n-----BEGIN JUNK-----\nnot base64\n${fixture('rfc7515-a2-spki.pem')}`;
      const result = await parseVerificationKey({ label: 'a2', material: { kind: 'pem', pem } });
      assert.ok(result.ok);
      assert.equal(result.value.description, 'RSA public key (2048 bit)');
    });

    const malformed: [string, KeyMaterial, string, RegExp][] = [
      ['PEM without END line', { kind: 'pem', pem: '-----BEGIN PUBLIC KEY-----\nMIIB' }, 'ERR_PEM_MALFORMED', /No complete PEM block/],
      ['PEM whose END label differs', { kind: 'pem', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END CERTIFICATE-----' }, 'ERR_PEM_MALFORMED', /No complete PEM block/],
      ['PEM with an empty label', { kind: 'pem', pem: '-----BEGIN -----\nAAAA\n-----END -----' }, 'ERR_PEM_MALFORMED', /No complete PEM block/],
      ['PEM with a broken body', { kind: 'pem', pem: '-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----' }, 'ERR_PEM_MALFORMED', /not valid base64/],
      ['PEM whose DER is no key', { kind: 'pem', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' }, 'ERR_PEM_MALFORMED', /does not hold a supported/],
      ['PEM private key', { kind: 'pem', pem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' }, 'ERR_PEM_PRIVATE', /never needs a private key/],
      ['unknown PEM label', { kind: 'pem', pem: '-----BEGIN DH PARAMETERS-----\nAAAA\n-----END DH PARAMETERS-----' }, 'ERR_PEM_UNSUPPORTED', /not supported/],
      ['JWK that is not JSON', { kind: 'jwk', json: '{kty:RSA' }, 'ERR_JWK_MALFORMED', /not a JSON object/],
      ['JWK with unknown kty', { kind: 'jwk', json: '{"kty":"XYZ"}' }, 'ERR_JWK_MALFORMED', /"kty" must be/],
      ['RSA JWK without n', { kind: 'jwk', json: '{"kty":"RSA","e":"AQAB"}' }, 'ERR_JWK_MALFORMED', /cannot be imported/],
      ['oct JWK without k', { kind: 'jwk', json: '{"kty":"oct"}' }, 'ERR_JWK_MALFORMED', /needs a string "k"/],
      ['JWKS given as JWK', { kind: 'jwk', json: '{"keys":[]}' }, 'ERR_JWK_MALFORMED', /This is a JWKS/],
      ['JWKS without keys', { kind: 'jwks', json: '{"kty":"oct"}' }, 'ERR_JWKS_MALFORMED', /"keys" array/],
      ['JWKS with a non-object key', { kind: 'jwks', json: '{"keys":[42]}' }, 'ERR_JWKS_MALFORMED', /./],
      ['JWKS with a broken key', { kind: 'jwks', json: '{"keys":[{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}]}' }, 'ERR_JWKS_MALFORMED', /JWKS key #1/],
      ['empty JWKS', { kind: 'jwks', json: '{"keys":[]}' }, 'ERR_JWKS_MALFORMED', /no keys/],
      ['empty PEM', { kind: 'pem', pem: '  ' }, 'ERR_KEY_EMPTY', /empty/],
    ];
    for (const [name, material, code, message] of malformed) {
      it(`refuses ${name} with ${code}`, async () => {
        const error = await parseError(material);
        assert.equal(error.code, code);
        assert.match(error.message, message);
      });
    }
  });

  it('guessKeyKind tells PEM, JWK, JWKS and secrets apart', () => {
    assert.equal(guessKeyKind(fixture('test-only-cert.pem')), 'pem');
    assert.equal(guessKeyKind('{"kty":"oct","k":"AA"}'), 'jwk');
    assert.equal(guessKeyKind(' {"keys":[]}'), 'jwks');
    assert.equal(guessKeyKind('{not json'), 'secret');
    assert.equal(guessKeyKind('your-256-bit-secret'), 'secret');
  });
});

describe('parseVerificationKey: RSA size bound', () => {
  it('refuses a 16384-bit RSA public JWK and SPKI PEM with ERR_KEY_TOO_LARGE before importing them', async () => {
    const n = base64url.encode(randomBytes(2048));
    const jwk = await parseError({ kind: 'jwk', json: JSON.stringify({ kty: 'RSA', n, e: 'AQAB' }) });
    assert.equal(jwk.code, 'ERR_KEY_TOO_LARGE');
    assert.match(jwk.message, /16384 bit/);
    const body = Buffer.from(randomBytes(2100)).toString('base64').replace(/.{64}/g, '$&\n');
    const pem = await parseError({ kind: 'pem', pem: `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----` });
    assert.equal(pem.code, 'ERR_KEY_TOO_LARGE');
  });
});
