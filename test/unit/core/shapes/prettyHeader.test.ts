import { strict as assert } from 'node:assert';
import { decodeToken } from '../../../../src/core/decoder';
import { findTokens } from '../../../../src/core/scanner';
import { fixtureJson } from './fixtures';

const pretty = fixtureJson<Record<'newlines' | 'spaces' | 'tabs' | 'crlf', string>>('pretty-header.json');

describe('pretty-printed headers (JSON whitespace after "{", RFC 8259 §2)', () => {
  it('the fixtures start as base64url of "{\\n", "{ ", "{\\t" and "{\\r"', () => {
    assert.deepEqual([pretty.newlines, pretty.spaces, pretty.tabs, pretty.crlf].map((t) => t.slice(0, 4)), ['ewog', 'eyAi', 'ewki', 'ew0K']);
  });
  for (const [name, token] of Object.entries(pretty)) {
    it(`finds and decodes a header with ${name}, keeping its JSON text as written`, () => {
      const text = `Authorization: Bearer ${token}\n`;
      const found = findTokens(text);
      assert.equal(found.length, 1);
      assert.equal(found[0]?.shape, 'jose');
      assert.equal(found[0]?.token, token);
      const decoded = decodeToken(token);
      assert.ok(decoded.ok);
      assert.equal(decoded.value.header['alg'], 'HS256');
      assert.equal(decoded.value.headerJson, Buffer.from(token.split('.')[0]!, 'base64url').toString());
      assert.match(decoded.value.headerJson, /[\s]/);
    });
  }
});
