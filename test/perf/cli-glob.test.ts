import { strict as assert } from 'node:assert';
import { globMatcher } from '../../src/cli/files';
import { MAX_GROWTH, growth, note } from './lib/measure';

/**
 * `token-lens scan` globs (issue 8, item 5): the old regex conversion backtracked over repeated
 * `**` + `/` (exponential in the repeats, a high power of the path depth). Matching is now one
 * pass over the path per pattern step: the time per input character stays flat from n to 2n
 * and 4n, for growing paths and for growing patterns.
 */
const REPEATED = `${'**/'.repeat(12)}a*/**/a*/**/x.txt`;

const CASES: [string, (n: number) => string, (text: string) => unknown, number][] = [
  ['a deep path that does not match 12 × "**/" and more "**/"', (n) => `${'a/'.repeat(n / 2)}y.txt`, (path) => globMatcher(REPEATED)(path), 20_000],
  ['one long name against "*a*a*a*a*a*b"', (n) => 'a'.repeat(n), (path) => globMatcher('*a*a*a*a*a*b')(path), 40_000],
  ['a pattern of n / 3 repeated "**/" against a 200-deep path', (n) => `${'**/'.repeat(n / 3)}x.txt`, (glob) => globMatcher(glob)(`${'a/'.repeat(200)}y.txt`), 3_000],
  ['a pattern of n / 2 repeated "*a" against one long name', (n) => `${'*a'.repeat(n / 2)}b`, (glob) => globMatcher(glob)('a'.repeat(400)), 2_000],
];

describe('cli glob matching: linear time (ratio to a reference pass, ×2 and ×4 input)', () => {
  for (const [label, make, op, n] of CASES) {
    it(label, () => {
      for (const factor of [2, 4]) {
        const g = growth(make, op, n, factor);
        note(g.summary);
        assert.ok(g.growth <= MAX_GROWTH, g.summary);
      }
    });
  }
});
