import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CompactEncrypt, SignJWT, UnsecuredJWT } from 'jose';
import { findTokenAt, findTokens } from '../../../src/core/scanner';

/** Tokens minted at test time: HS256 with random claims, unsecured, JWE (dir + A256GCM). */
const minted: string[] = [];

before(async function () {
  this.timeout(30_000);
  const secret = new TextEncoder().encode('property-test-secret-of-32-bytes!');
  const claimSets = fc.sample(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean()), { maxKeys: 6 }), { numRuns: 24, seed: 42 });
  for (const claims of claimSets) {
    minted.push(await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret));
  }
  minted.push(new UnsecuredJWT({ sub: 'u' }).encode(), new UnsecuredJWT({}).encode());
  for (const text of ['a', 'payload with spaces', '{"sub":"x"}']) {
    minted.push(await new CompactEncrypt(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(new Uint8Array(32)));
  }
});

/** Characters that may sit directly before a token (none is base64url or `.`). */
const before_ = fc.constantFrom(' ', '"', "'", '(', '[', '<', '\n', '\t', ',', '=', ':', '+', '/', '{', '>');
/** What may directly follow: punctuation, or a sentence-final period followed by a space/end. */
const after = fc.constantFrom(' ', '"', "'", ')', ']', '>', '\n', '\r\n', ',', '&', ';', '+', '/', '!', '. ', '.', '');
const filler = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.:;=/"\'{}()[]&?#@\n\t'.split('')), maxLength: 40 });

describe('findTokens: properties (fast-check)', () => {
  it('any minted token embedded in random text is found with exact bounds', () => {
    fc.assert(
      fc.property(fc.nat(), filler, before_, after, filler, (pick, head, lead, trail, tail) => {
        const token = minted[pick % minted.length];
        // The filler ends with a separator and starts after one, so it cannot glue to the token.
        const prefix = head + lead;
        const suffix = trail + (trail === '' ? '' : ' ' + tail);
        const text = prefix + token + suffix;
        const found = findTokens(text);
        const hit = found.filter((m) => m.start === prefix.length);
        assert.equal(hit.length, 1, JSON.stringify({ prefix, suffix }));
        assert.equal(hit[0].end, prefix.length + token.length);
        assert.equal(hit[0].token, token);
        assert.equal(found.length, 1);
        assert.equal(findTokenAt(text, prefix.length + (pick % token.length))?.start, prefix.length);
      }),
      { numRuns: 500 },
    );
  });

  it('several tokens in one text are all found, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), before_, after), { minLength: 1, maxLength: 6 }), (parts) => {
        let text = '';
        const expected: number[] = [];
        for (const [pick, lead, trail] of parts) {
          text += 'word' + lead;
          expected.push(text.length);
          text += minted[pick % minted.length] + (trail === '' || trail === '.' ? ' ' : trail + ' ');
        }
        assert.deepEqual(
          findTokens(text).map((m) => m.start),
          expected,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('random text without tokens yields none', () => {
    // Fragments that build token-shaped runs but can never spell a header with `alg`
    // (`eyJhbGciOiJ` + `In0` would: `{"alg":""}`), so any token found is a false positive.
    const fragments = fc.constantFrom('ey', 'eyJ', 'ew', 'ewo', '.', '..', '=', '==', 'J9', 'In0', 'abc', 'e30', ' ', '-', '_', '\n', '"', 'eyJ0eXAi');
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 200 }), fc.string({ maxLength: 200 }), (parts, noise) => {
        assert.deepEqual(findTokens(parts.join('')), []);
        assert.deepEqual(findTokens(noise), []);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws, whatever the text and options', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.record({ maxTokenLength: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }), rangeStart: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }), rangeEnd: fc.option(fc.integer(), { nil: undefined }) }),
        fc.oneof(fc.integer(), fc.double()),
        (text, options, offset) => {
          const found = findTokens(text, options);
          for (const m of found) assert.equal(text.slice(m.start, m.end), m.token);
          findTokenAt(text, offset, options);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
