import { decodeToken } from '../../../src/core/decoder';
import { inspectToken } from '../../../src/core/inspect';
import { findTokens } from '../../../src/core/scanner';
import { growthTests, type GrowthCase } from '../lib/measure';

/**
 * Lenient decoding (issue 12) on hostile input: a segment that does not decode is explained
 * in one pass (its first bad character, its length), a header that does not read still gets
 * its other segments read, and docs placeholders are looked for within a bounded window. Each
 * input is built at n, 2n and 4n characters and timed against the linear reference pass
 * (test/perf/lib/measure.ts); the bound is on 4n (quadratic gives about 4), 2n is printed.
 */
const b64url = (s: string) => Buffer.from(s).toString('base64url');
const fill = (unit: string, chars: number) => unit.repeat(Math.max(1, Math.round(chars / unit.length)));
const HEADER = b64url('{"alg":"RS256","typ":"JWT"}');
const CLAIMS = b64url('{"sub":"u1","exp":1700000000}');
const inspect = (t: string) => inspectToken(t, { now: 0 });

const CASES: GrowthCase[] = [
  ['a huge signature whose last character is bad (the offset search)', (n) => `${HEADER}.${CLAIMS}.${'A'.repeat(n)}!`, inspect, 200_000],
  ['a huge signature of 4n+1 characters (the length check)', (n) => `${HEADER}.${CLAIMS}.${'A'.repeat(4 * Math.round(n / 4) + 1)}`, inspect, 200_000],
  ['a huge payload with "=" runs inside (misplaced padding)', (n) => `${HEADER}.${fill('AB==', n)}.c2ln`, inspect, 200_000],
  ['a header that does not read before huge broken segments (the partial path)', (n) => `e30.${'A'.repeat(n)}!.${'B'.repeat(n)}?`, decodeToken, 200_000],
  ['a truncated JWE with a huge encrypted key', (n) => `${b64url('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.${'A'.repeat(n)}.AAAA`, inspect, 200_000],
  ['scanner: many tokens each followed by an unclosed "{" placeholder', (n) => fill(`${HEADER}.${CLAIMS}.{${'x'.repeat(70)}\n`, n), findTokens, 200_000],
  ['scanner: many tokens each with a closed "{…}" placeholder', (n) => fill(`${HEADER}.${CLAIMS}.{a lot of characters here} `, n), findTokens, 200_000],
];

describe('lenient decoding: linear time on hostile input (ratio to a reference pass, ×2 and ×4 input)', () => {
  growthTests(CASES);
});
