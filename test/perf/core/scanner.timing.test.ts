import { strict as assert } from 'node:assert';
import { findTokens } from '../../../src/core/scanner';
import { MAX_GROWTH, growth, measureText, note } from '../lib/measure';

/**
 * Adversarial inputs must scan in linear time. Measured as a ratio to a linear reference pass
 * (one `charCodeAt` per character) in the same run, best of several interleaved runs, in the perf
 * stage that runs alone. Linear scanning stays within a small constant factor of the reference
 * (the bench shows ≤ 10 ms/MB); a quadratic walk on these inputs is hundreds to thousands of
 * times slower, so the bound cannot be met by chance.
 */
const MAX_RATIO = 40;

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
    it(`${label}: linear (≤ ${MAX_RATIO}× a reference pass)`, () => {
      const text = make();
      const m = measureText(text, findTokens);
      const msPerMb = m.opMs / (text.length / 1_000_000);
      const summary = `${m.ratio.toFixed(1)}× the reference pass (${msPerMb.toFixed(2)} ms/MB)`;
      note(summary);
      assert.ok(m.ratio <= MAX_RATIO, summary);
    });
  }
  it('a token-dense file scans in linear time (4× the size ≈ 4× the time)', () => {
    const line = `Authorization: Bearer ${header}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ\n`;
    const make = (chars: number) => line.repeat(Math.ceil(chars / line.length));
    assert.equal(findTokens(make(625_000)).length, Math.ceil(625_000 / line.length));
    const g = growth(make, findTokens, 625_000);
    note(g.summary);
    // Every token found is an object kept in the result, so the collector's share of the time
    // varies (growth 1.0–1.7 seen here); quadratic work would still be ≈ 4.
    assert.ok(g.growth <= MAX_GROWTH + 0.5, g.summary);
  });
});
