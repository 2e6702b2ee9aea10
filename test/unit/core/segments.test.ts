import * as assert from 'node:assert/strict';
import { base64url } from 'jose';
import { base64urlBody, decodeBody, decodeBodyText, decodeUtf8 } from '../../../src/core/segments';

/** Deterministic PRNG (LCG) so every run checks the same inputs. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** What decodeBodyText must equal: the byte path (jose's base64url, then strict UTF-8). */
function bytePath(body: string): ReturnType<typeof decodeBodyText> {
  const bytes = decodeBody(body);
  if (bytes === undefined) return { ok: false, reason: 'base64url', byteLength: 0 };
  const text = decodeUtf8(bytes);
  return text === undefined ? { ok: false, reason: 'utf8', byteLength: bytes.length } : { ok: true, text };
}

describe('core/segments decodeBodyText (the ASCII fast path through atob)', () => {
  it('reads ASCII JSON as the byte path does', () => {
    for (const json of ['{"alg":"HS256","typ":"JWT"}', '{}', '', '{"a":"\\u00e9\\n"}', '\u0000\u007f']) {
      const body = base64url.encode(json);
      assert.deepEqual(decodeBodyText(body), { ok: true, text: json });
      assert.deepEqual(decodeBodyText(body), bytePath(body));
    }
  });

  it('non-ASCII text, a BOM and invalid UTF-8 take the byte path and give its answer', () => {
    const cases: Uint8Array[] = [
      new TextEncoder().encode('{"name":"Zoë 🦊"}'),
      Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d), // BOM kept as U+FEFF
      Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d), // invalid continuation byte
      Uint8Array.of(0xff),
      Uint8Array.of(0xed, 0xa0, 0x80), // a UTF-16 surrogate in UTF-8: invalid
    ];
    for (const bytes of cases) {
      const body = base64url.encode(bytes);
      assert.deepEqual(decodeBodyText(body), bytePath(body), `bytes ${[...bytes].join(',')}`);
    }
    assert.deepEqual(decodeBodyText(base64url.encode(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d))), { ok: false, reason: 'utf8', byteLength: 4 });
    assert.deepEqual(decodeBodyText(base64url.encode(Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d))), { ok: true, text: '\ufeff{}' });
  });

  it('agrees with the byte path on 3,000 random byte strings of every length mod 3', () => {
    const rand = prng(7);
    for (let n = 0; n < 3_000; n++) {
      const length = Math.floor(rand() * 40);
      // Mostly ASCII, sometimes any byte: both paths get exercised.
      const high = rand() < 0.3;
      const bytes = Uint8Array.from({ length }, () => Math.floor(rand() * (high ? 256 : 128)));
      const body = base64url.encode(bytes);
      assert.deepEqual(decodeBodyText(body), bytePath(body), `bytes ${[...bytes].join(',')}`);
    }
  });

  it('a body the strict check let through always decodes; text that is not base64url never reaches it', () => {
    // base64urlBody refuses 4n+1 lengths and foreign characters, so decodeBodyText only sees
    // bodies both paths decode; a body it is handed anyway fails as the byte path fails.
    assert.equal(base64urlBody('abcde'), undefined);
    assert.equal(base64urlBody('ab+c'), undefined);
    assert.deepEqual(decodeBodyText('abcde'), bytePath('abcde'));
  });
});
