import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { readProtectedHeader } from '../../../src/core/header';
import { normalizeTokenInput } from '../../../src/core/input';
import { findTokens } from '../../../src/core/scanner';
import type { TokenErrorCode } from '../../../src/core/types';
import { verifyToken } from '../../../src/core/verify';
import { checkWeakSecrets } from '../../../src/core/weakSecrets';

const b64 = (text: string) => base64url.encode(text);

describe('readProtectedHeader (RFC 7515 §4, RFC 7516 §4)', () => {
  it('reads alg, keeps the JSON text exactly and reports duplicates', () => {
    const json = '{ "alg" : "HS256", "typ":"JWT", "typ":"at+jwt" }';
    const r = readProtectedHeader(b64(json));
    assert.ok(r.ok);
    assert.equal(r.value.header.alg, 'HS256');
    assert.equal(r.value.header['typ'], 'at+jwt');
    assert.equal(r.value.json, json);
    assert.deepEqual(r.value.reading.duplicates, [{ path: '', key: 'typ' }]);
  });
  it('tolerates up to two = of padding (AWS ALB), not three', () => {
    const segment = b64('{"alg":"ES256" }'); // 16 bytes: 22 characters, 2 of padding in standard base64
    assert.equal(segment.length, 22);
    assert.ok(readProtectedHeader(segment).ok);
    assert.ok(readProtectedHeader(`${segment}==`).ok);
    assert.ok(!readProtectedHeader(`${segment}===`).ok);
  });
  it('needs a string enc only for a JWE (RFC 7516 §4.1.2)', () => {
    const dir = b64('{"alg":"dir"}');
    assert.ok(readProtectedHeader(dir).ok);
    const r = readProtectedHeader(dir, { jwe: true });
    assert.equal(!r.ok && r.error.code, 'ERR_HEADER_ENC');
  });
  const failures: [string, string, TokenErrorCode][] = [
    ['empty', '', 'ERR_BASE64URL'],
    ['standard base64', 'eyJhbGciOiJIUzI1NiJ9+/', 'ERR_BASE64URL'],
    ['impossible length (4n+1)', 'eyJhb', 'ERR_BASE64URL'],
    ['invalid UTF-8', base64url.encode(new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d])), 'ERR_HEADER_NOT_JSON'],
    ['a BOM before the JSON', b64('\ufeff{"alg":"HS256"}'), 'ERR_HEADER_NOT_JSON'],
    ['not JSON', b64('{alg:HS256}'), 'ERR_HEADER_NOT_JSON'],
    ['nested beyond the JSON reader depth', b64(`{"alg":"HS256","x":${'['.repeat(300)}${']'.repeat(300)}}`), 'ERR_HEADER_NOT_JSON'],
    ['an array', b64('[]'), 'ERR_HEADER_NOT_OBJECT'],
    ['no alg', b64('{"typ":"JWT"}'), 'ERR_HEADER_ALG'],
    ['alg not a string', b64('{"alg":1}'), 'ERR_HEADER_ALG'],
  ];
  for (const [name, segment, code] of failures) {
    it(`${name} → ${code}, on the header segment, in one line`, () => {
      const r = readProtectedHeader(segment);
      assert.ok(!r.ok);
      assert.equal(r.error.code, code);
      assert.equal(r.error.segment, 'header');
      assert.ok(!r.error.message.includes('\n'));
    });
  }
  it('never throws on non-string input', () => {
    assert.equal(readProtectedHeader(undefined as unknown as string).ok, false);
  });
});

describe('every header reader of the core agrees (one reader)', () => {
  // Headers where a second JSON parser would have disagreed with the core's reader.
  const headers: [string, boolean][] = [
    ['{"alg":"HS256"}', true],
    ['{"alg":"HS256","alg":"HS384"}', true],
    ['{\n"alg":"HS256"}', true],
    [`{"alg":"HS256","x":${'['.repeat(300)}${']'.repeat(300)}}`, false],
    ['{"alg":"HS256","x":"\\u12"}', false],
    ['{"alg":["HS256"]}', false],
  ];
  const secret = new TextEncoder().encode('secret');
  for (const [json, accepted] of headers) {
    it(`${accepted ? 'accepts' : 'refuses'} ${JSON.stringify(json.length > 40 ? `${json.slice(0, 40)}…` : json)} everywhere`, async () => {
      const token = `${b64(json)}.${b64('{"sub":"x"}')}.c2ln`;
      assert.equal(readProtectedHeader(b64(json)).ok, accepted, 'readProtectedHeader');
      assert.equal(findTokens(`Bearer ${token}`).length === 1, accepted, 'findTokens');
      assert.equal(decodeToken(token).ok, accepted, 'decodeToken');
      const pasted = normalizeTokenInput(token);
      assert.equal(pasted.ok, accepted, 'normalizeTokenInput');
      const verification = await verifyToken(token, [{ label: 'k', description: 'HMAC secret', entries: [{ family: 'hmac', secret }] }]);
      assert.equal(verification.status === 'not-checked' && verification.reason === 'malformed', !accepted, `verifyToken: ${verification.status}`);
      if (!accepted) assert.equal(await checkWeakSecrets(token), undefined, 'checkWeakSecrets');
    });
  }
});
