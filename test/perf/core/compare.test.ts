import { strict as assert } from 'node:assert';
import { compareTokens } from '../../../src/core/compare';
import { MAX_GROWTH, growth, note } from '../lib/measure';

/**
 * Comparing two tokens (issue 13) is linear in their sizes: the normalised documents render each
 * member once, the summary compares canonical texts through maps, and the key lists are sorted
 * once. Each case builds the second token at n and 4n characters (the first one fixed, or of
 * the same shape) and times `compareTokens` against the linear reference pass
 * (test/perf/lib/measure.ts); quadratic work would give a growth near 4.
 */
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HEADER = b64('{"alg":"RS256","typ":"JWT","kid":"k1"}');
const token = (payload: string) => `${HEADER}.${b64(payload)}.c2ln`;
const claims = (count: number, prefix: string) => `{${Array.from({ length: count }, (_, i) => `"c${i}":"${prefix}${i}"`).join(',')}}`;
const FIXED = token('{"sub":"a","exp":1796148000}');

/** The text measured is the pair, so both tokens' sizes count. */
const pair = (other: (n: number) => string) => (n: number) => `${FIXED}\n${other(n)}`;
const compareLines = (text: string) => {
  const [a = '', b = ''] = text.split('\n');
  return compareTokens(a, b);
};

const CASES: [string, (n: number) => string, number][] = [
  ['many claims, all changed', (n) => `${token(claims(Math.round(n / 12), 'a'))}\n${token(claims(Math.round(n / 12), 'b'))}`, 25_000],
  ['many claims on one side only (all added)', pair((n) => token(claims(Math.round(n / 12), 'x'))), 50_000],
  ['one huge string claim', pair((n) => token(`{"sub":"${'x'.repeat(n)}","exp":1}`)), 400_000],
  ['a wide nested object', pair((n) => token(`{"sub":"a","obj":${claims(Math.round(n / 12), 'v')}}`)), 25_000],
  ['a long array of small objects', pair((n) => token(`{"list":[${Array.from({ length: Math.round(n / 16) }, (_, i) => `{"b":${i},"a":1}`).join(',')}]}`)), 100_000],
  ['nested 200 levels deep, repeated', pair((n) => token(`{"d":[${Array.from({ length: Math.max(1, Math.round(n / 420)) }, () => `${'['.repeat(200)}${']'.repeat(200)}`).join(',')}]}`)), 200_000],
];

describe('compareTokens: linear time in the tokens\' sizes (ratio to a reference pass, ×4 input)', () => {
  for (const [label, make, n] of CASES) {
    it(label, () => {
      assert.ok(compareLines(make(n)).ok, 'the fixture compares');
      const g = growth(make, compareLines, n, 4);
      note(g.summary);
      assert.ok(g.growth <= MAX_GROWTH, g.summary);
    });
  }
});
