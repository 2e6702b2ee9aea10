import { strict as assert } from 'node:assert';
import { base64url, CompactEncrypt, exportJWK, generateKeyPair } from 'jose';
import { checkDecryptable, decryptToken, DEFAULT_MAX_DECOMPRESSED_BYTES } from '../../../src/core/decrypt';
import type { DecryptedToken } from '../../../src/core/decrypt';
import { parsePrivateKey } from '../../../src/core/keys';
import type { PrivateKey, PrivateKeyMaterial } from '../../../src/core/keys';
import { signToken } from '../../../src/core/sign';
import { RFC7520_JWE } from './fixtures/rfc7520';

async function privateKey(material: PrivateKeyMaterial): Promise<PrivateKey> {
  const parsed = await parsePrivateKey(material);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const secret = (bytes: Uint8Array) => privateKey({ kind: 'secret-bytes', bytes });
const encoder = new TextEncoder();

function plaintextOf(decrypted: DecryptedToken): string {
  const payload = decrypted.payload;
  if (payload.type === 'text') return payload.text;
  if (payload.type === 'claims' || payload.type === 'json') return payload.json;
  throw new Error(`unexpected payload ${payload.type}`);
}

async function encrypt(plaintext: string | Uint8Array, header: Record<string, unknown>, key: CryptoKey | Uint8Array): Promise<string> {
  return new CompactEncrypt(typeof plaintext === 'string' ? encoder.encode(plaintext) : plaintext).setProtectedHeader(header as never).encrypt(key);
}

const b64 = (value: unknown) => base64url.encode(encoder.encode(JSON.stringify(value)));

describe('decryptToken: RFC 7520 §5 JWE examples (JOSE Cookbook)', () => {
  for (const vector of RFC7520_JWE) {
    it(`§${vector.section} ${vector.title} (${vector.alg}, ${vector.enc})`, async () => {
      const key = 'jwk' in vector.key ? await privateKey({ kind: 'jwk', json: JSON.stringify(vector.key.jwk) }) : await privateKey({ kind: 'secret', value: vector.key.password, encoding: 'utf8' });
      const result = await decryptToken(vector.compact, key);
      assert.ok(result.ok, result.ok ? '' : `${result.error.step}: ${result.error.message}`);
      assert.equal(plaintextOf(result.value), vector.plaintext);
      assert.equal(result.value.alg, vector.alg);
      assert.equal(result.value.enc, vector.enc);
      assert.equal(result.value.compressed, vector.section === '5.9');
      assert.equal(result.value.depth, 1);
    });
  }

  it('§5.3 JWK-set plaintext reads as JSON (cty jwk-set+json), not as an inner token', async () => {
    const vector = RFC7520_JWE.find((v) => v.section === '5.3')!;
    const key = await privateKey({ kind: 'secret', value: (vector.key as { password: string }).password, encoding: 'utf8' });
    const result = await decryptToken(vector.compact, key);
    assert.ok(result.ok);
    assert.equal(result.value.payload.type, 'claims');
    assert.equal(result.value.inner, undefined);
  });

  it('a wrong key fails at the step it fails at, without key material in the message', async () => {
    const wrongSecret16 = await secret(new Uint8Array(16).fill(7));
    const dir = RFC7520_JWE.find((v) => v.section === '5.6')!;
    const dirResult = await decryptToken(dir.compact, wrongSecret16);
    assert.ok(!dirResult.ok);
    assert.deepEqual([dirResult.error.code, dirResult.error.step], ['ERR_JWE_DECRYPTION', 'content-decryption']);
    const kw = RFC7520_JWE.find((v) => v.section === '5.8')!;
    const kwResult = await decryptToken(kw.compact, wrongSecret16);
    assert.ok(!kwResult.ok);
    assert.deepEqual([kwResult.error.code, kwResult.error.step], ['ERR_JWE_DECRYPTION', 'decryption']);
    assert.match(kwResult.error.message, /RFC 7516 §11\.5/);
    const pbes2 = RFC7520_JWE.find((v) => v.section === '5.3')!;
    const wrongPassword = await privateKey({ kind: 'secret', value: 'not-the-password', encoding: 'utf8' });
    const pbes2Result = await decryptToken(pbes2.compact, wrongPassword);
    assert.ok(!pbes2Result.ok);
    assert.equal(pbes2Result.error.step, 'decryption');
    assert.ok(!JSON.stringify([dirResult, kwResult, pbes2Result]).includes('not-the-password'));
    // An altered ciphertext with the right key: content decryption fails.
    const right = await privateKey({ kind: 'jwk', json: JSON.stringify((dir.key as { jwk: object }).jwk) });
    const parts = dir.compact.split('.');
    parts[3] = (parts[3]!.startsWith('A') ? 'B' : 'A') + parts[3]!.slice(1);
    const altered = await decryptToken(parts.join('.'), right);
    assert.ok(!altered.ok);
    assert.equal(altered.error.step, 'content-decryption');
  });

  it('a key that does not fit alg/enc is refused before any crypto (step "key")', async () => {
    const samwise = RFC7520_JWE.find((v) => v.section === '5.2')!;
    const rsa = await privateKey({ kind: 'jwk', json: JSON.stringify((samwise.key as { jwk: object }).jwk) });
    const kw = RFC7520_JWE.find((v) => v.section === '5.8')!;
    const cases: [string, PrivateKey, RegExp][] = [
      [kw.compact, rsa, /A128KW needs a 16-byte secret, not an RSA private key/],
      [kw.compact, await secret(new Uint8Array(32)), /A128KW needs a 16-byte secret; this one is 32 bytes/],
      [RFC7520_JWE.find((v) => v.section === '5.6')!.compact, await secret(new Uint8Array(32)), /"dir" with A128GCM needs a 16-byte secret/],
      [samwise.compact, await secret(new Uint8Array(16)), /RSA-OAEP needs an RSA private key, not a secret/],
      [RFC7520_JWE.find((v) => v.section === '5.5')!.compact, rsa, /ECDH-ES needs an EC \(P-256\/384\/521\) or X25519 private key/],
    ];
    for (const [token, key, message] of cases) {
      const result = await decryptToken(token, key);
      assert.ok(!result.ok);
      assert.deepEqual([result.error.code, result.error.step], ['ERR_JWE_KEY_MISMATCH', 'key']);
      assert.match(result.error.message, message);
    }
    const signingOnly = await privateKey({ kind: 'jwk', json: JSON.stringify({ kty: 'oct', k: 'GZy6sIZ6wl9NJOKB-jnmVQ', use: 'sig' }) });
    const marked = await decryptToken(kw.compact, signingOnly);
    assert.ok(!marked.ok);
    assert.match(marked.error.message, /"use": "sig", not "enc"/);
    const none = await decryptToken(kw.compact, []);
    assert.ok(!none.ok);
    assert.deepEqual([none.error.code, none.error.step], ['ERR_JWE_NO_KEY', 'key']);
  });

  it('tries several keys, the one named by kid first, and says which one worked', async () => {
    const kw = RFC7520_JWE.find((v) => v.section === '5.8')!;
    const right = await privateKey({ kind: 'jwk', json: JSON.stringify((kw.key as { jwk: object }).jwk) });
    const wrong = await secret(new Uint8Array(16).fill(1));
    const result = await decryptToken(kw.compact, [wrong, right]);
    assert.ok(result.ok);
    assert.equal(result.value.keyIndex, 1);
    assert.equal(result.value.keyDescription, 'Secret (16 bytes), kid 81b20965-8332-43d9-a468-82160ad91ac8');
  });
});

describe('decryptToken: each key management family (jose CompactEncrypt)', () => {
  it('A192KW, A128GCMKW, dir with A256CBC-HS512, RSA-OAEP-256, ECDH-ES+A256KW (P-521 and X25519), PBES2-HS256+A128KW', async () => {
    const rsa = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const p521 = await generateKeyPair('ECDH-ES+A256KW', { crv: 'P-521', extractable: true });
    const x25519 = await generateKeyPair('ECDH-ES', { crv: 'X25519', extractable: true });
    const jwkKey = async (key: CryptoKey) => privateKey({ kind: 'jwk', json: JSON.stringify(await exportJWK(key)) });
    const s24 = new Uint8Array(24).fill(3);
    const s16 = new Uint8Array(16).fill(4);
    const s64 = new Uint8Array(64).fill(5);
    const cases: [Record<string, unknown>, CryptoKey | Uint8Array, PrivateKey][] = [
      [{ alg: 'A192KW', enc: 'A192GCM' }, s24, await secret(s24)],
      [{ alg: 'A128GCMKW', enc: 'A128GCM' }, s16, await secret(s16)],
      [{ alg: 'dir', enc: 'A256CBC-HS512' }, s64, await secret(s64)],
      [{ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, rsa.publicKey, await jwkKey(rsa.privateKey)],
      [{ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }, p521.publicKey, await jwkKey(p521.privateKey)],
      [{ alg: 'ECDH-ES', enc: 'A128GCM' }, x25519.publicKey, await jwkKey(x25519.privateKey)],
      [{ alg: 'PBES2-HS256+A128KW', enc: 'A128CBC-HS256', p2c: 2048 }, encoder.encode('correct horse'), await privateKey({ kind: 'secret', value: 'correct horse', encoding: 'utf8' })],
    ];
    for (const [header, encryptKey, key] of cases) {
      const token = await encrypt('{"sub":"family"}', header, encryptKey);
      const result = await decryptToken(token, key);
      assert.ok(result.ok, `${String(header['alg'])}: ${result.ok ? '' : result.error.message}`);
      assert.deepEqual(result.value.payload, { type: 'claims', claims: { sub: 'family' }, json: '{"sub":"family"}' });
    }
  });
});

describe('decryptToken guards', () => {
  /** A PBES2 JWE header with a hostile count; the other segments are never looked at. */
  const p2cToken = (p2c: number) => `${b64({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2s: 'AAAAAAAAAAAAAAAAAAAAAA', p2c })}.AAAA.AAAA.AAAA.AAAA`;

  it('refuses a PBES2 p2c above the bound in under a millisecond, before any key derivation (RFC 8725 §3.2)', async () => {
    const password = await privateKey({ kind: 'secret', value: 'password', encoding: 'utf8' });
    // 2^31 PBKDF2-SHA512 iterations would take minutes: an answer within 1 ms derived nothing.
    const token = p2cToken(2 ** 31);
    const samples: number[] = [];
    for (let i = 0; i < 41; i++) {
      const start = performance.now();
      const result = await decryptToken(token, password);
      samples.push(performance.now() - start);
      assert.ok(!result.ok);
      assert.deepEqual([result.error.code, result.error.step], ['ERR_JWE_P2C', 'header']);
    }
    samples.sort((a, b) => a - b);
    const median = samples[20]!;
    assert.ok(median < 1, `median ${median.toFixed(3)} ms`);
    // Counted, not timed: the refusal never touches the key (no import, no derivation).
    let reads = 0;
    const counted = new Proxy(password, { get: (target, property, receiver) => (reads++, Reflect.get(target, property, receiver)) });
    const refused = await decryptToken(token, counted);
    assert.ok(!refused.ok);
    assert.equal(reads, 0, 'the key was not read');
    // The guard alone, without a key, says the same.
    const checked = checkDecryptable(token);
    assert.ok(!checked.ok);
    assert.match(checked.error.message, /"p2c" is 2147483648, over the bound of 10000/);
  });

  it('the p2c bound is a parameter: RFC 7520 §5.3 (p2c 8192) is refused under 4096, decrypted at the default', async () => {
    const vector = RFC7520_JWE.find((v) => v.section === '5.3')!;
    const key = await privateKey({ kind: 'secret', value: (vector.key as { password: string }).password, encoding: 'utf8' });
    const refused = await decryptToken(vector.compact, key, { maxPbes2Count: 4096 });
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'ERR_JWE_P2C');
    assert.ok((await decryptToken(vector.compact, key)).ok);
    assert.ok(!checkDecryptable(p2cToken(10_001)).ok);
    assert.ok(checkDecryptable(p2cToken(10_000)).ok);
    for (const bad of [0, -1, 1.5]) assert.equal((checkDecryptable(p2cToken(bad)) as { error: { code: string } }).error.code, 'ERR_JWE_P2C');
  });

  it('caps a zip bomb: 4 MiB of zeros (a few KiB compressed) is refused at the 1 MiB cap; a higher cap inflates it', async () => {
    const key = new Uint8Array(16).fill(9);
    const bomb = await encrypt(new Uint8Array(4 * 1024 * 1024), { alg: 'dir', enc: 'A128GCM', zip: 'DEF' }, key);
    assert.ok(bomb.length < 64 * 1024, `the bomb is small: ${bomb.length} characters`);
    const refused = await decryptToken(bomb, await secret(key));
    assert.ok(!refused.ok);
    assert.deepEqual([refused.error.code, refused.error.step], ['ERR_JWE_TOO_LARGE', 'cap']);
    assert.match(refused.error.message, new RegExp(`cap of ${DEFAULT_MAX_DECOMPRESSED_BYTES} bytes`));
    const inflated = await decryptToken(bomb, await secret(key), { maxDecompressedBytes: 8 * 1024 * 1024 });
    assert.ok(inflated.ok);
    assert.equal(inflated.value.plaintextBytes, 4 * 1024 * 1024);
    assert.equal(inflated.value.compressed, true);
    // Just over and just under a small cap: the cap is exact.
    const small = await encrypt('x'.repeat(1000), { alg: 'dir', enc: 'A128GCM', zip: 'DEF' }, key);
    assert.ok(!(await decryptToken(small, await secret(key), { maxDecompressedBytes: 999 })).ok);
    assert.ok((await decryptToken(small, await secret(key), { maxDecompressedBytes: 1000 })).ok);
  });

  it('a zip "DEF" plaintext that does not inflate fails at "decompression"', async () => {
    const raw = new Uint8Array(16).fill(2);
    const protectedHeader = b64({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' });
    const iv = new Uint8Array(12).fill(1);
    const cryptoKey = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt']);
    // 0xff…: not a raw DEFLATE stream (BTYPE 11 is reserved, RFC 1951 §3.2.3).
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(protectedHeader), tagLength: 128 }, cryptoKey, new Uint8Array(32).fill(0xff)));
    const token = [protectedHeader, '', base64url.encode(iv), base64url.encode(sealed.slice(0, -16)), base64url.encode(sealed.slice(-16))].join('.');
    const result = await decryptToken(token, await secret(raw));
    assert.ok(!result.ok);
    assert.deepEqual([result.error.code, result.error.step], ['ERR_JWE_DECOMPRESSION', 'decompression']);
  });

  it('the header step: not five segments, a header that does not read, an unknown alg, enc or zip', async () => {
    const key = await secret(new Uint8Array(16));
    const cases: [string, string][] = [
      ['a.b.c', 'ERR_JWE_NOT_COMPACT'],
      ['', 'ERR_JWE_NOT_COMPACT'],
      ['a.b.c.d.e.f', 'ERR_JWE_NOT_COMPACT'],
      ['!!!.a.b.c.d', 'ERR_JWE_HEADER'],
      [`${b64({ alg: 'dir' })}.a.b.c.d`, 'ERR_JWE_HEADER'],
      [`${b64({ alg: 'RSA1_5', enc: 'A128GCM' })}.a.b.c.d`, 'ERR_JWE_UNSUPPORTED'],
      [`${b64({ alg: 'dir', enc: 'A127GCM' })}.a.b.c.d`, 'ERR_JWE_UNSUPPORTED'],
      [`${b64({ alg: 'dir', enc: 'A128GCM', zip: 'GZIP' })}.a.b.c.d`, 'ERR_JWE_UNSUPPORTED'],
    ];
    for (const [token, code] of cases) {
      const result = await decryptToken(token, key);
      assert.ok(!result.ok, token);
      assert.deepEqual([result.error.code, result.error.step], [code, 'header'], token);
    }
  });
});

describe('decryptToken: inner tokens', () => {
  const dirKey = new Uint8Array(32).fill(6);
  let key: PrivateKey;
  let signer: PrivateKey;
  let jws: string;
  before(async () => {
    key = await secret(dirKey);
    signer = await privateKey({ kind: 'secret', value: 'inner-signing-secret-inner-signing', encoding: 'utf8' });
    const signed = await signToken({ header: '{"typ":"JWT"}', payload: '{"sub":"inner","exp":1764600000}', key: signer });
    if (!signed.ok) throw new Error(signed.error.message);
    jws = signed.value.token;
  });

  it('cty "JWT": the plaintext is inspected as an inner token with its own header, claims and findings (RFC 7519 §5.2)', async () => {
    const jwe = await encrypt(jws, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, dirKey);
    const result = await decryptToken(jwe, key, { inspect: { now: Date.parse('2026-01-01T00:00:00Z') } });
    assert.ok(result.ok);
    const inner = result.value.inner;
    assert.ok(inner);
    assert.equal(inner.via, 'cty');
    assert.equal(inner.token, jws);
    assert.equal(inner.inspection.decoded.kind, 'jws');
    assert.deepEqual(inner.inspection.decoded.header, { alg: 'HS256', typ: 'JWT' });
    assert.equal(inner.inspection.time.status, 'expired');
  });

  it('a plaintext that decodes as a token is an inner token without cty; other text is not', async () => {
    const bare = await decryptToken(await encrypt(jws, { alg: 'dir', enc: 'A256GCM' }, dirKey), key);
    assert.ok(bare.ok);
    assert.equal(bare.value.inner?.via, 'plaintext');
    const text = await decryptToken(await encrypt('a.b.c is not a token', { alg: 'dir', enc: 'A256GCM' }, dirKey), key);
    assert.ok(text.ok);
    assert.equal(text.value.inner, undefined);
    assert.deepEqual(text.value.payload, { type: 'text', text: 'a.b.c is not a token' });
  });

  it('JWE in JWE is decrypted to a depth of 3, then left encrypted with a note', async () => {
    let token = jws;
    for (let i = 0; i < 4; i++) token = await encrypt(token, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, dirKey);
    const result = await decryptToken(token, key);
    assert.ok(result.ok);
    const level2 = result.value.inner?.decrypted;
    const level3 = level2?.inner?.decrypted;
    assert.equal(level2?.depth, 2);
    assert.equal(level3?.depth, 3);
    assert.equal(level3?.inner?.inspection.decoded.kind, 'jwe');
    assert.equal(level3?.inner?.decrypted, undefined);
    assert.match(level3?.notes.join(' ') ?? '', /3 levels of JWE is the limit/);
    // Three levels around the JWS: all decrypt, and the JWS is reached.
    let three = jws;
    for (let i = 0; i < 3; i++) three = await encrypt(three, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, dirKey);
    const full = await decryptToken(three, key);
    assert.ok(full.ok);
    assert.equal(full.value.inner?.decrypted?.inner?.decrypted?.inner?.inspection.decoded.kind, 'jws');
    const shallow = await decryptToken(three, key, { maxDepth: 1 });
    assert.ok(shallow.ok);
    assert.equal(shallow.value.inner?.decrypted, undefined);
  });

  it('an inner JWE that does not decrypt carries its error', async () => {
    const other = new Uint8Array(32).fill(8);
    const inner = await encrypt(jws, { alg: 'dir', enc: 'A256GCM' }, other);
    const outer = await encrypt(inner, { alg: 'dir', enc: 'A256GCM', cty: 'JWT' }, dirKey);
    const result = await decryptToken(outer, key);
    assert.ok(result.ok);
    assert.equal(result.value.inner?.error?.step, 'content-decryption');
  });
});

describe('decryptToken: review fixes (crit, quoted jose text, epk curve, RSA size)', () => {
  const TAIL = '..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA';
  const isControl = (c: string) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f);

  it('refuses an unknown critical parameter itself (RFC 7515 §4.1.11), quoting a cut, escaped name', async () => {
    const key = await secret(new Uint8Array(16));
    const name = `\u001b]8;;http://evil/\u0007CLICK${'X'.repeat(5000)}`;
    const token = b64({ alg: 'dir', enc: 'A128GCM', crit: [name], [name]: 1 }) + TAIL;
    for (const result of [await decryptToken(token, key), checkDecryptable(token)]) {
      assert.ok(!result.ok);
      assert.equal(result.error.step, 'header');
      assert.equal(result.error.code, 'ERR_JWE_UNSUPPORTED');
      assert.ok(result.error.message.length <= 200, String(result.error.message.length));
      assert.ok(![...result.error.message].some(isControl), JSON.stringify(result.error.message));
      assert.match(result.error.message, /\\u001b\]8;;http:\/\/evil\/\\u0007/);
    }
    const malformed = checkDecryptable(b64({ alg: 'dir', enc: 'A128GCM', crit: 'x' }) + TAIL);
    assert.ok(!malformed.ok);
    assert.equal(malformed.error.code, 'ERR_JWE_HEADER');
  });

  it('cuts and escapes an algorithm name quoted from the header', () => {
    const result = checkDecryptable(b64({ alg: `\u001b[31m${'A'.repeat(5000)}`, enc: 'A128GCM' }) + TAIL);
    assert.ok(!result.ok);
    assert.ok(result.error.message.length <= 200);
    assert.ok(![...result.error.message].some(isControl));
  });

  it('names an ECDH-ES epk on another curve than the key, at step key, before any crypto', async () => {
    const ec = await generateKeyPair('ECDH-ES', { crv: 'P-256', extractable: true });
    const key = await privateKey({ kind: 'jwk', json: JSON.stringify(await exportJWK(ec.privateKey)) });
    const other = await generateKeyPair('ECDH-ES', { crv: 'P-384', extractable: true });
    const epk = await exportJWK(other.publicKey);
    const result = await decryptToken(b64({ alg: 'ECDH-ES', enc: 'A128GCM', epk }) + TAIL, key);
    assert.ok(!result.ok);
    assert.equal(result.error.step, 'key');
    assert.equal(result.error.code, 'ERR_JWE_KEY_MISMATCH');
    assert.match(result.error.message, /the token's epk is on P-384, the key on P-256/);
    const okp = await decryptToken(b64({ alg: 'ECDH-ES', enc: 'A128GCM', epk: { kty: 'OKP', crv: 'X25519', x: 'A'.repeat(43) } }) + TAIL, key);
    assert.ok(!okp.ok);
    assert.equal(okp.error.step, 'key');
    assert.match(okp.error.message, /epk is on X25519, the key on P-256/);
  });

  it('refuses a stored RSA key over MAX_RSA_MODULUS_BITS at step key', async () => {
    const fake = { family: 'rsa', bits: 16384, jwk: { kty: 'RSA', n: base64url.encode(new Uint8Array(2048).fill(0xab)), e: 'AQAB', d: 'AQAB' }, description: 'RSA private key (16384 bit)' } as unknown as PrivateKey;
    const result = await decryptToken(b64({ alg: 'RSA-OAEP', enc: 'A128GCM' }) + '.AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA', fake);
    assert.ok(!result.ok);
    assert.equal(result.error.step, 'key');
    assert.match(result.error.message, /too large \(16384 bit/);
  });
});
