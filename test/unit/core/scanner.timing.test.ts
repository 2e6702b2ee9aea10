import { strict as assert } from 'node:assert';
import { findTokens } from '../../../src/core/scanner';

/**
 * Adversarial inputs must scan in linear time. The target is ≤ 10 ms per MB; the assertion
 * allows 4× that (shared, noisy CI machines) yet still fails on any quadratic behaviour,
 * which on these inputs costs seconds to minutes per MB.
 */
const BOUND_MS_PER_MB = 40;

function msPerMb(text: string): number {
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    findTokens(text);
    best = Math.min(best, performance.now() - t0);
  }
  return best / (text.length / 1_000_000);
}

function randomBase64Url(length: number, seed: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out.push(alphabet[x & 63]);
  }
  return out.join('');
}

const header = 'eyJhbGciOiJIUzI1NiJ9';

const ADVERSARIAL: [string, () => string][] = [
  ['400 KB of repeated eyJ', () => 'eyJ'.repeat(136_534)],
  ['400 KB of "eyJ " (a boundary before each)', () => 'eyJ '.repeat(102_400)],
  ['5 MB base64url line without dots', () => 'eyJ' + randomBase64Url(5_000_000, 1)],
  ['5 MB base64url line starting with a valid header', () => header + randomBase64Url(5_000_000, 2)],
  ['100k dots', () => '.'.repeat(100_000)],
  ['100k "ey." (a dot after every candidate)', () => 'ey.'.repeat(100_000)],
  ['valid header followed by 100k dots', () => header + '.'.repeat(100_000)],
  ['repeated "header." runs (never a boundary)', () => (header + '.').repeat(20_000)],
  ['repeated " header.e30" (two segments each)', () => (' ' + header + '.e30').repeat(20_000)],
  ['repeated "header.a.b.c.d.e.f" (too many segments)', () => (' ' + header + '.a.b.c.d.e.f').repeat(15_000)],
  ['60 KB headers that fail to decode, repeated', () => (' ey' + 'A'.repeat(60_000) + '.a.b').repeat(20)],
  ['= runs between candidates', () => 'eyJ==.='.repeat(100_000)],
  ['one long line of JSON keys before a lone candidate', () => '"k": "'.repeat(200_000) + header + '.e30.'],
];

describe('findTokens: adversarial timing (linear time)', () => {
  before(() => {
    // Let the JIT compile the scanner first: the bound is about complexity, not warm-up.
    for (const [, make] of ADVERSARIAL.slice(0, 3)) findTokens(make().slice(0, 200_000));
  });
  for (const [label, make] of ADVERSARIAL) {
    it(`${label}: ≤ ${BOUND_MS_PER_MB} ms/MB`, () => {
      const text = make();
      const rate = msPerMb(text);
      assert.ok(rate <= BOUND_MS_PER_MB, `${rate.toFixed(2)} ms/MB`);
    });
  }
  it('a token-dense 5 MB file scans in linear time (2× the size ≈ 2× the time)', () => {
    const line = `Authorization: Bearer ${header}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ\n`;
    const small = line.repeat(Math.ceil(2_500_000 / line.length));
    const large = small + small;
    const a = msPerMb(small);
    const b = msPerMb(large);
    assert.equal(findTokens(small).length, Math.ceil(2_500_000 / line.length));
    // Per-MB cost stays flat (quadratic growth would double it); generous noise margin.
    assert.ok(b < a * 2.5 + 5, `small ${a.toFixed(1)} ms/MB, large ${b.toFixed(1)} ms/MB`);
  });
});
