import { strict as assert } from 'node:assert';
import { SignJWT, base64url } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { normalizeTokenInput } from '../../../src/core/input';
import type { TokenErrorCode } from '../../../src/core/types';

let token: string;
before(async () => {
  token = await new SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('k'.repeat(32)));
});

describe('normalizeTokenInput: accepted pastes', () => {
  const pastes: [string, (t: string) => string][] = [
    ['bare token', (t) => t],
    ['surrounding whitespace and newlines', (t) => `\n\n   ${t}  \n`],
    ['Bearer prefix', (t) => `Bearer ${t}`],
    ['lower-case bearer', (t) => `bearer ${t}`],
    ['Authorization header line', (t) => `Authorization: Bearer ${t}`],
    ['double quotes', (t) => `"${t}"`],
    ['single quotes with comma', (t) => `'${t}',`],
    ['.http file variable line', (t) => `@token = ${t}`],
    ['.env line', (t) => `ACCESS_TOKEN=${t}`],
    ['JSON member', (t) => `"id_token": "${t}",`],
    ['curl header argument', (t) => `-H "Authorization: Bearer ${t}"`],
    ['token wrapped over lines by a terminal', (t) => `${t.slice(0, 30)}\n${t.slice(30, 70)}\n${t.slice(70)}`],
    ['URL path with the token then a slash', (t) => `https://app.example/magic/${t}/confirm`],
    ['same token twice (request + response)', (t) => `Authorization: Bearer ${t}\n\n{"access_token":"${t}"}`],
  ];
  for (const [label, make] of pastes) {
    it(label, () => assert.deepEqual(normalizeTokenInput(make(token)), { ok: true, value: token }));
  }
});

describe('normalizeTokenInput: typed errors', () => {
  const enc = (s: string) => base64url.encode(s);
  const cases: [string, () => string, TokenErrorCode][] = [
    ['empty', () => '', 'ERR_EMPTY'],
    ['only whitespace', () => ' \n\t ', 'ERR_EMPTY'],
    ['Bearer with nothing after', () => 'Bearer "" ', 'ERR_EMPTY'],
    ['two segments', () => token.split('.').slice(0, 2).join('.'), 'ERR_SEGMENT_COUNT'],
    ['four segments', () => `${token}.x`, 'ERR_SEGMENT_COUNT'],
    ['plain word', () => 'hello', 'ERR_SEGMENT_COUNT'],
    ['two different tokens', () => `${token} ${token.replace(/.$/, 'A')}`, 'ERR_MULTIPLE_TOKENS'],
    ['a JWE with an empty ciphertext (the shape of a token, not one the scanner takes)', () => `${enc('{"alg":"dir","enc":"A256GCM"}')}..aXY..dGFn`, 'ERR_NOT_COMPACT'],
    ['standard base64 characters in the header', () => token.replace(/^[^.]*/, (h) => `${h}+/`), 'ERR_BASE64URL'],
    ['header not base64url-decodable', () => `e.${enc('{}')}.sig`, 'ERR_BASE64URL'],
    ['header not JSON', () => `${enc('not json')}.e30.sig`, 'ERR_HEADER_NOT_JSON'],
    ['header is an array', () => `${enc('[1]')}.e30.sig`, 'ERR_HEADER_NOT_OBJECT'],
    ['header without alg', () => `${enc('{"typ":"JWT"}')}.e30.sig`, 'ERR_HEADER_ALG'],
    ['JWE header without enc', () => `${enc('{"alg":"dir"}')}..aXY.Y3Q.dGFn`, 'ERR_HEADER_ENC'],
    ['a segment of impossible length (4n+1), as the decoder says', () => `${enc('{"alg":"dir"}')}.a.aXY.Y3Q.dGFn`, 'ERR_BASE64URL'],
    ['too long', () => `${enc('{"alg":"HS256"}')}.${'a'.repeat(70_000)}.sig`, 'ERR_TOO_LONG'],
    ['absurdly long paste', () => 'x'.repeat(300_000), 'ERR_TOO_LONG'],
  ];
  for (const [label, make, code] of cases) {
    it(`${label} → ${code}`, () => {
      const input = make();
      const result = normalizeTokenInput(input);
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, code);
      assert.ok(result.error.message.length > 10 && !result.error.message.includes('\n'));
      // Tokens are credentials: the message never echoes the input.
      if (input.length > 20) assert.ok(!result.error.message.includes(input.slice(0, 20)));
    });
  }
  it('names the header segment when it is not base64url', () => {
    const result = normalizeTokenInput(token.replace(/^[^.]*/, (h) => `${h}+/`));
    assert.equal(!result.ok && result.error.segment, 'header');
  });
  it('gives a token whose header reads but whose signature is standard base64 whole: the decoder marks the signature (lenient decoding)', () => {
    const pasted = token.replace(/\.([^.]*)$/, '.ab+/cd');
    assert.deepEqual(normalizeTokenInput(pasted), { ok: true, value: pasted });
    const d = decodeToken(pasted);
    assert.ok(d.ok);
    assert.deepEqual(d.value.segmentErrors?.map((e) => [e.segment, e.code, e.offset]), [['signature', 'base64url', 2]]);
  });
  // Linear time on these pastes (the input box validates per keystroke): test/perf/core/linear.test.ts.
  it('rejects hostile pastes', () => {
    for (const hostile of [',;'.repeat(100_000) + 'x', '"'.repeat(200_000) + 'x', 'Bearer '.repeat(30_000), 'eyJ.'.repeat(60_000)]) {
      assert.equal(normalizeTokenInput(hostile).ok, false);
    }
  });
  it('never throws on non-string input', () => {
    assert.equal(normalizeTokenInput(undefined as unknown as string).ok, false);
  });
});
