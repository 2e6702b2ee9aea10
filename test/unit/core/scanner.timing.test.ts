import { strict as assert } from 'node:assert';
import { findTokens } from '../../../src/core/scanner';

/**
 * Adversarial inputs must scan in linear time. Measured as a ratio, so a loaded CI machine
 * slows both sides alike: the scan against a linear reference pass over the same text (one
 * `charCodeAt` per character), best of several interleaved runs. Linear scanning stays within
 * a small constant factor of the reference (the bench shows ≤ 10 ms/MB); a quadratic walk on
 * these inputs is hundreds to thousands of times slower, so the bound cannot be met by chance.
 */
const MAX_RATIO = 40;
/** Also a generous absolute ceiling (target ≤ 10 ms/MB) for the case both sides are slow. */
const CEILING_MS_PER_MB = 250;

function referencePass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

function measure(text: string): { ratio: number; msPerMb: number } {
  let scan = Number.POSITIVE_INFINITY;
  let reference = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    let t0 = performance.now();
    findTokens(text);
    scan = Math.min(scan, performance.now() - t0);
    t0 = performance.now();
    referencePass(text);
    reference = Math.min(reference, performance.now() - t0);
  }
  return { ratio: scan / Math.max(reference, 0.05), msPerMb: scan / (text.length / 1_000_000) };
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
    it(`${label}: linear (≤ ${MAX_RATIO}× a reference pass)`, () => {
      const { ratio, msPerMb } = measure(make());
      assert.ok(ratio <= MAX_RATIO, `${ratio.toFixed(1)}× the reference pass (${msPerMb.toFixed(2)} ms/MB)`);
      assert.ok(msPerMb <= CEILING_MS_PER_MB, `${msPerMb.toFixed(2)} ms/MB`);
    });
  }
  it('a token-dense 5 MB file scans in linear time (2× the size ≈ 2× the time)', () => {
    const line = `Authorization: Bearer ${header}.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ\n`;
    const small = line.repeat(Math.ceil(2_500_000 / line.length));
    const large = small + small;
    const a = measure(small);
    const b = measure(large);
    assert.equal(findTokens(small).length, Math.ceil(2_500_000 / line.length));
    // The ratio to the reference stays flat (quadratic growth would double it); noise margin.
    assert.ok(b.ratio < a.ratio * 2.5 + 5, `small ${a.ratio.toFixed(1)}×, large ${b.ratio.toFixed(1)}×`);
  });
});
