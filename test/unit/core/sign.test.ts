import { strict as assert } from 'node:assert';
import { base64url, exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { parsePrivateKey, verificationKeyFor } from '../../../src/core/keys';
import type { PrivateKey, PrivateKeyMaterial } from '../../../src/core/keys';
import { compactJson, defaultSigningAlgorithm, MAX_SIGN_INPUT_CHARS, setMembers, SIGNING_ALGORITHMS, signingAlgorithms, signToken } from '../../../src/core/sign';
import { verifyToken } from '../../../src/core/verify';

async function privateKey(material: PrivateKeyMaterial): Promise<PrivateKey> {
  const parsed = await parsePrivateKey(material);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

async function pemKey(alg: string, options: { crv?: string } = {}): Promise<PrivateKey> {
  const { privateKey: key } = await generateKeyPair(alg, { extractable: true, ...options });
  return privateKey({ kind: 'pem', pem: await exportPKCS8(key) });
}

async function jwkKey(alg: string, extra: Record<string, unknown> = {}, options: { crv?: string } = {}): Promise<PrivateKey> {
  const { privateKey: key } = await generateKeyPair(alg, { extractable: true, ...options });
  return privateKey({ kind: 'jwk', json: JSON.stringify({ ...(await exportJWK(key)), ...extra }) });
}

const SECRET_64 = 'a-64-byte-secret-for-hs512-a-64-byte-secret-for-hs512-abcdefghij';

/** RFC 7515 §7.1 signatures made here, checked by the core's own verifier (src/core/verify.ts). */
describe('signToken', () => {
  let keys: Record<'hmac' | 'rsa' | 'p256' | 'p384' | 'p521' | 'ed25519', PrivateKey>;
  before(async () => {
    keys = {
      hmac: await privateKey({ kind: 'secret', value: SECRET_64, encoding: 'utf8' }),
      rsa: await pemKey('RS256'),
      p256: await pemKey('ES256'),
      p384: await pemKey('ES384'),
      p521: await jwkKey('ES512'),
      ed25519: await jwkKey('Ed25519'),
    };
  });

  const ROUND_TRIP: readonly [string, keyof typeof keys][] = [
    ['HS256', 'hmac'], ['HS384', 'hmac'], ['HS512', 'hmac'],
    ['RS256', 'rsa'], ['RS384', 'rsa'], ['RS512', 'rsa'],
    ['PS256', 'rsa'], ['PS384', 'rsa'], ['PS512', 'rsa'],
    ['ES256', 'p256'], ['ES384', 'p384'], ['ES512', 'p521'],
    ['EdDSA', 'ed25519'],
  ];

  for (const [alg, name] of ROUND_TRIP) {
    it(`${alg}: sign → verify round trip through verifyToken`, async () => {
      const signed = await signToken({ header: { typ: 'JWT' }, payload: '{"sub":"user-1","iat":1764600000}', key: keys[name], alg });
      assert.ok(signed.ok, signed.ok ? '' : signed.error.message);
      assert.equal(signed.value.alg, alg);
      assert.equal(signed.value.unsecured, false);
      const verified = await verifyToken(signed.value.token, [verificationKeyFor(keys[name], name)]);
      assert.equal(verified.status, 'verified', verified.message);
      if (verified.status === 'verified') assert.equal(verified.alg, alg);
      // A wrong key of the same family does not verify it: the check can fail.
      const other = name === 'hmac' ? await privateKey({ kind: 'secret', value: `${SECRET_64}!`, encoding: 'utf8' }) : undefined;
      if (other) assert.equal((await verifyToken(signed.value.token, [verificationKeyFor(other, 'other')])).status, 'invalid-signature');
    });
  }

  it('covers every algorithm it lists (Ed25519 is EdDSA under its RFC 9864 name)', () => {
    const tested = new Set(ROUND_TRIP.map(([alg]) => alg));
    assert.deepEqual(SIGNING_ALGORITHMS.filter((alg) => !tested.has(alg)), ['Ed25519']);
  });

  it('chooses the algorithm from the key when none is given', async () => {
    assert.equal(defaultSigningAlgorithm(keys.hmac), 'HS256');
    assert.equal(defaultSigningAlgorithm(keys.rsa), 'RS256');
    assert.equal(defaultSigningAlgorithm(keys.p384), 'ES384');
    assert.equal(defaultSigningAlgorithm(keys.p521), 'ES512');
    assert.equal(defaultSigningAlgorithm(keys.ed25519), 'EdDSA');
    const pinned = await jwkKey('PS384', { alg: 'PS384', kid: 'pinned' });
    const signed = await signToken({ header: '{}', payload: '{}', key: pinned });
    assert.ok(signed.ok);
    assert.equal(signed.value.alg, 'PS384');
    assert.equal(signed.value.algSource, 'key');
    assert.equal(signed.value.kid, 'pinned');
  });

  it("keeps the header's alg when the key can sign with it, replaces it when not", async () => {
    const kept = await signToken({ header: '{"alg":"HS512"}', payload: '{}', key: keys.hmac });
    assert.ok(kept.ok);
    assert.deepEqual([kept.value.alg, kept.value.algSource, kept.value.replaced], ['HS512', 'header', undefined]);
    const replaced = await signToken({ header: '{"alg":"RS256"}', payload: '{}', key: keys.p256 });
    assert.ok(replaced.ok);
    assert.deepEqual([replaced.value.alg, replaced.value.algSource, replaced.value.replaced], ['ES256', 'key', { alg: 'RS256' }]);
  });

  it('an alg that does not fit the key is a typed error, never a signature', async () => {
    const cases: [PrivateKey, string, string][] = [
      [keys.rsa, 'HS256', 'ERR_SIGN_ALG_KEY_MISMATCH'],
      [keys.hmac, 'RS256', 'ERR_SIGN_ALG_KEY_MISMATCH'],
      [keys.p256, 'ES384', 'ERR_SIGN_ALG_KEY_MISMATCH'],
      [keys.ed25519, 'ES256', 'ERR_SIGN_ALG_KEY_MISMATCH'],
      [keys.hmac, 'none', 'ERR_SIGN_ALG_NONE'],
      [keys.hmac, 'None', 'ERR_SIGN_ALG_NONE'],
      [keys.hmac, 'HS1', 'ERR_SIGN_ALG_UNSUPPORTED'],
    ];
    for (const [key, alg, code] of cases) {
      const signed = await signToken({ header: '{}', payload: '{}', key, alg });
      assert.ok(!signed.ok, `${alg} with ${key.description}`);
      assert.equal(signed.error.code, code, alg);
      assert.equal(signed.error.part, 'alg');
    }
    const encryptionPin = await signToken({ header: '{}', payload: '{}', key: await jwkKey('RSA-OAEP', { alg: 'RSA-OAEP' }) });
    assert.ok(!encryptionPin.ok);
    assert.equal(encryptionPin.error.code, 'ERR_SIGN_ALG_KEY_MISMATCH');
  });

  it('editing never yields alg "none" by accident: every header, every key, a real signature', async () => {
    const headers = ['{"alg":"none"}', '{"alg":"NONE"}', '{"alg":"nOnE","typ":"JWT"}', '{}', '{"alg":""}', '{"alg":null}', '{"alg":"HS256"}', '{"alg":"RS256","kid":"old"}', { alg: 'none' }];
    for (const name of Object.keys(keys) as (keyof typeof keys)[]) {
      for (const header of headers) {
        const signed = await signToken({ header, payload: '{"sub":"x"}', key: keys[name] });
        assert.ok(signed.ok, `${name} ${JSON.stringify(header)}: ${signed.ok ? '' : signed.error.message}`);
        assert.notEqual(signed.value.alg.toLowerCase(), 'none');
        assert.equal(signed.value.unsecured, false);
        const decoded = decodeToken(signed.value.token);
        assert.ok(decoded.ok);
        assert.equal(decoded.value.kind, 'jws');
        assert.notEqual(String(decoded.value.header['alg']).toLowerCase(), 'none');
        assert.ok(signed.value.token.split('.')[2]!.length > 0, 'a signature segment');
        assert.equal((await verifyToken(signed.value.token, [verificationKeyFor(keys[name], name)])).status, 'verified');
      }
    }
  });

  it('alg "none" only on the explicit unsecured path, labelled as such', async () => {
    const unsecured = await signToken({ header: '{"alg":"HS256","typ":"JWT"}', payload: '{"sub":"x"}', unsecured: true });
    assert.ok(unsecured.ok);
    assert.equal(unsecured.value.alg, 'none');
    assert.equal(unsecured.value.unsecured, true);
    assert.equal(unsecured.value.algSource, 'unsecured');
    assert.deepEqual(unsecured.value.replaced, { alg: 'HS256' });
    assert.match(unsecured.value.description, /^Unsecured \(alg "none"\)/);
    assert.ok(unsecured.value.token.endsWith('.'));
    const decoded = decodeToken(unsecured.value.token);
    assert.ok(decoded.ok);
    assert.equal(decoded.value.kind, 'unsecured');
    assert.deepEqual(decoded.value.header, { alg: 'none', typ: 'JWT' });
  });

  it('signs the payload as typed: literals and member order kept, whitespace removed', async () => {
    const signed = await signToken({ header: '{}', payload: '{\n  "z": 1,\n  "big": 12345678901234567890,\n  "s": "a b\\n",\n  "a": [1, 2]\n}', key: keys.hmac });
    assert.ok(signed.ok);
    const payload = new TextDecoder().decode(base64url.decode(signed.value.token.split('.')[1]!));
    assert.equal(payload, '{"z":1,"big":12345678901234567890,"s":"a b\\n","a":[1,2]}');
    assert.equal(compactJson(' [ 1 , { "x" : "y z" } ] '), '[1,{"x":"y z"}]');
  });

  it("puts the key's kid in the header and says which kid it replaced", async () => {
    const key = await jwkKey('ES256', { kid: 'new-kid' });
    const signed = await signToken({ header: '{"kid":"old-kid","typ":"JWT"}', payload: '{}', key });
    assert.ok(signed.ok);
    assert.deepEqual(signed.value.header, { alg: 'ES256', kid: 'new-kid', typ: 'JWT' });
    assert.deepEqual(signed.value.replaced, { kid: 'old-kid' });
    assert.match(signed.value.description, /key id new-kid/);
  });

  it('bad input is a typed error naming the part', async () => {
    const cases: [Parameters<typeof signToken>[0], string, string][] = [
      [{ header: '{', payload: '{}', key: keys.hmac }, 'ERR_SIGN_HEADER', 'header'],
      [{ header: '[]', payload: '{}', key: keys.hmac }, 'ERR_SIGN_HEADER', 'header'],
      [{ header: '{"alg":"dir","enc":"A128GCM"}', payload: '{}', key: keys.hmac }, 'ERR_SIGN_HEADER_JWE', 'header'],
      [{ header: '{}', payload: 'not json', key: keys.hmac }, 'ERR_SIGN_PAYLOAD', 'payload'],
      [{ header: '{}', payload: '{"exp":1,"exp":2}', key: keys.hmac }, 'ERR_SIGN_DUPLICATE_MEMBER', 'payload'],
      [{ header: '{}', payload: '{', unsecured: true }, 'ERR_SIGN_PAYLOAD', 'payload'],
    ];
    for (const [input, code, part] of cases) {
      const signed = await signToken(input);
      assert.ok(!signed.ok, code);
      assert.equal(signed.error.code, code);
      assert.equal(signed.error.part, part);
    }
  });

  it('refuses a key marked for encryption', async () => {
    const encKey = await jwkKey('ES256', { use: 'enc' });
    const signed = await signToken({ header: '{}', payload: '{}', key: encKey });
    assert.ok(!signed.ok);
    assert.equal(signed.error.code, 'ERR_SIGN_KEY_USE');
    const opsKey = await jwkKey('ES256', { key_ops: ['verify'] });
    const byOps = await signToken({ header: '{}', payload: '{}', key: opsKey });
    assert.ok(!byOps.ok);
    assert.equal(byOps.error.code, 'ERR_SIGN_KEY_USE');
  });

  it('notes a secret shorter than its hash (RFC 7518 §3.2), and never echoes it', async () => {
    const short = await privateKey({ kind: 'secret', value: 'hunter2', encoding: 'utf8' });
    const signed = await signToken({ header: '{}', payload: '{}', key: short, alg: 'HS512' });
    assert.ok(signed.ok);
    assert.match(signed.value.notes.join(' '), /7 bytes; HS512 needs at least 64/);
    const mismatch = await signToken({ header: '{}', payload: '{}', key: short, alg: 'RS256' });
    assert.ok(!mismatch.ok);
    assert.ok(!JSON.stringify([signed.value.notes, signed.value.description, mismatch.error]).includes('hunter2'));
  });

  it('setMembers sets and removes claims, keeping every other member as written', () => {
    const set = setMembers('{"sub":"1","big":12345678901234567890,"exp":1}', { exp: 1764600900, iat: 1764600000 });
    assert.ok(set.ok);
    assert.equal(compactJson(set.value), '{"sub":"1","big":12345678901234567890,"exp":1764600900,"iat":1764600000}');
    const removed = setMembers('{"sub":"1","exp":1}', { exp: undefined });
    assert.ok(removed.ok);
    assert.equal(compactJson(removed.value), '{"sub":"1"}');
    for (const bad of ['[1]', 'nope', '"x"']) {
      const result = setMembers(bad, { exp: 1 });
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'ERR_SIGN_PAYLOAD');
    }
  });
});

describe('signToken: review fixes (bounds, b64/crit, totality)', () => {
  // A stored key that never went through the parser: only its claimed size matters here.
  const fakeRsa16k = { family: 'rsa', bits: 16384, jwk: { kty: 'RSA', n: base64url.encode(new Uint8Array(2048).fill(0xab)), e: 'AQAB', d: 'AQAB' }, description: 'RSA private key (16384 bit)' } as unknown as PrivateKey;

  it('refuses an RSA key over MAX_RSA_MODULUS_BITS before signing (ERR_SIGN_KEY)', async () => {
    const result = await signToken({ header: '{}', payload: '{}', key: fakeRsa16k });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'ERR_SIGN_KEY');
    assert.match(result.error.message, /too large \(16384 bit; at most 8192\)/);
  });

  it('refuses a header or payload text over MAX_SIGN_INPUT_CHARS (ERR_SIGN_TOO_LARGE)', async () => {
    const key = await privateKey({ kind: 'secret', value: SECRET_64, encoding: 'utf8' });
    const big = `{"a":"${'x'.repeat(MAX_SIGN_INPUT_CHARS)}"}`;
    for (const input of [{ header: big, payload: '{}' }, { header: '{}', payload: big }]) {
      const result = await signToken({ ...input, key });
      assert.ok(!result.ok);
      assert.equal(result.error.code, 'ERR_SIGN_TOO_LARGE');
      assert.ok(result.error.message.length < 200);
    }
    const members = setMembers(big, { exp: 1 });
    assert.ok(!members.ok);
    assert.equal(members.error.code, 'ERR_SIGN_TOO_LARGE');
  });

  it('refuses "b64" and "crit" in the header to sign (RFC 7797, RFC 7515 §4.1.11), without jose\'s message', async () => {
    const key = await privateKey({ kind: 'secret', value: SECRET_64, encoding: 'utf8' });
    for (const [header, said] of [['{"b64":false}', /"b64"/], ['{"b64":false,"crit":["b64"]}', /"b64"/], ['{"crit":["exp"],"exp":1}', /"crit"/]] as const) {
      const result = await signToken({ header, payload: '{}', key });
      assert.ok(!result.ok, header);
      assert.equal(result.error.code, 'ERR_SIGN_HEADER');
      assert.match(result.error.message, said);
      assert.doesNotMatch(result.error.message, /failed/);
    }
  });

  it('quotes a duplicate member name cut and escaped', async () => {
    const key = await privateKey({ kind: 'secret', value: SECRET_64, encoding: 'utf8' });
    const name = `\u001b]8;;http://evil/\u0007${'X'.repeat(5000)}`;
    const result = await signToken({ header: '{}', payload: `{${JSON.stringify(name)}:1,${JSON.stringify(name)}:2}`, key });
    assert.ok(!result.ok);
    assert.equal(result.error.code, 'ERR_SIGN_DUPLICATE_MEMBER');
    assert.ok(result.error.message.length <= 200, String(result.error.message.length));
    assert.ok(![...result.error.message].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f)));
  });

  it('is total on hostile arguments: typed errors or results, never an exception', async () => {
    const hostile = <T>(value: unknown) => value as T;
    const noMembers = setMembers('{}', hostile(undefined));
    assert.ok(!noMembers.ok);
    assert.equal(noMembers.error.code, 'ERR_SIGN_PAYLOAD');
    const bigint = setMembers('{}', hostile({ a: 1n }));
    assert.ok(!bigint.ok);
    assert.equal(bigint.error.code, 'ERR_SIGN_PAYLOAD');
    const notText = setMembers(hostile(5), {});
    assert.ok(!notText.ok);
    assert.equal(compactJson(hostile(5)), '');
    assert.equal(defaultSigningAlgorithm(hostile(undefined)), undefined);
    assert.deepEqual(signingAlgorithms(hostile({})), []);
    const nothing = await signToken(hostile(undefined));
    assert.ok(!nothing.ok);
    const noKey = await signToken({ header: '{}', payload: '{}', key: hostile(undefined) });
    assert.ok(!noKey.ok);
    assert.equal(noKey.error.code, 'ERR_SIGN_KEY');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const cycle = await signToken({ header: hostile(cyclic), payload: '{}', unsecured: true });
    assert.ok(!cycle.ok);
    assert.equal(cycle.error.code, 'ERR_SIGN_HEADER');
  });
});
