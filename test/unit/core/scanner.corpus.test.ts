import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTokens } from '../../../src/core/scanner';

/**
 * Realistic strings that look like dotted base64url but are not tokens. The scanner must
 * report none of them (zero false positives), alone or inside a line.
 */
const NOT_TOKENS: string[] = [
  'com.example.app.MainActivity',
  'org.springframework.boot.autoconfigure',
  'java.util.concurrent.ConcurrentHashMap',
  'System.Collections.Generic.Dictionary',
  'v1.2.3',
  '1.0.0-beta.1+build.5',
  'node_modules/.bin/eslint',
  'api.example.com',
  'eyes.example.org',
  'eye.exam.ple',
  'keyvault.vault.azure.net',
  'user@mail.eyeglass.co.uk',
  '@types/node@20.19.43',
  'lodash.debounce',
  'sha512-ey9PQ1xK5cR3Wn8fqj2mJ7bYJr+kGZk8o7Vb3Qr2Yy8=',
  'sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC',
  'integrity="sha256-eyJhbGciOiJIUzI1NiJ9abcdefghijklmnopqrstuv="',
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo',
  '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAeyJ4\n-----END PUBLIC KEY-----',
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'eyJub3QiOiJhIGhlYWRlciJ9', // base64url JSON without dots
  'eyJhbGciOiJIUzI1NiJ9', // a lone header
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0', // header + payload, no signature dot
  'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2ln', // header without alg
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln.ZXh0cmE', // four segments
  'eyJhbGciOiJIUzI1NiJ9.a.b.c.d.e.f.g', // too many segments
  'a.b.c',
  'foo.bar.baz',
  'eyebrow.eyelid.eyeball',
  'key.eyJ.ey',
  'window.location.href.split',
  'self.assertEqual(eye.value, 1)',
  'README.md.bak',
  '192.168.1.254',
  '2026-11-26T20:45:00.000Z',
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host',
  'ghp_eyJ1234567890abcdefghijklmnopqrstu',
  'AKIAIOSFODNN7EXAMPLE.wJalrXUtnFEMI.K7MDENG',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'.replace(/\./g, '/'), // slashes, not dots
  'Zm9vYmFy.YmF6cXV4.c2lnbmF0dXJl', // base64url segments whose header is not `{`
  'eyA.eyB.eyC',
  'ewogIA.ewogIA.ewogIA', // `{\n  ` prefix but truncated JSON
  '...........',
  'e.y.J',
];

describe('findTokens: false-positive corpus', () => {
  it(`has at least 30 realistic non-token strings (${NOT_TOKENS.length})`, () => {
    assert.ok(NOT_TOKENS.length >= 30);
  });
  for (const sample of NOT_TOKENS) {
    it(`no token in ${JSON.stringify(sample.length > 60 ? sample.slice(0, 57) + '...' : sample)}`, () => {
      assert.deepEqual(findTokens(sample), []);
      assert.deepEqual(findTokens(`value: "${sample}", next`), []);
      assert.deepEqual(findTokens(`Authorization: Bearer ${sample}`), []);
    });
  }
  it('finds nothing in the realistic fixture files without tokens', () => {
    const dir = join(__dirname, '../../fixtures/scan');
    for (const file of ['no-tokens.log', 'package-lock-excerpt.json']) {
      assert.deepEqual(findTokens(readFileSync(join(dir, file), 'utf8')), [], file);
    }
  });
});
