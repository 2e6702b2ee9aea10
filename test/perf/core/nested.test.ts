import { decodeToken, nestedTokens } from '../../../src/core';
import type { DecodedToken } from '../../../src/core';
import { growthTests, type GrowthCase } from '../lib/measure';

/**
 * The nested-token search (issue 13) is linear in the token: every JSON value is visited once,
 * a string is tested with one pass before its header is read, and at most 16 inner tokens are
 * decoded. Each case builds a token with n, 2n and 4n claims and times `nestedTokens` on its
 * decoded form against the linear reference pass (test/perf/lib/measure.ts). Claim counts stay
 * in the low thousands, as in the compare cases: past that, walking any large JSON object (even
 * `Object.keys` and a read per member) slows per member as it outgrows the CPU caches.
 */
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const HEADER = b64('{"alg":"HS256","typ":"JWT"}');
const token = (payload: string) => `${HEADER}.${b64(payload)}.c2ln`;
const INNER = token('{"sub":"inner","exp":1796148000}');
const claims = (count: number, value: (i: number) => string) => `{${Array.from({ length: count }, (_, i) => `"c${i}":${value(i)}`).join(',')}}`;

/** The decoded token of each text, once: the search is timed, not the decoder. */
const decodedOf = new Map<string, DecodedToken>();
function search(text: string): unknown {
  let decoded = decodedOf.get(text);
  if (decoded === undefined) {
    const r = decodeToken(text);
    if (!r.ok) throw new Error(r.error.message);
    decodedOf.set(text, (decoded = r.value));
  }
  return nestedTokens(decoded, { now: 0 });
}

const CASES: GrowthCase[] = [
  ['n plain string claims', (n) => token(claims(n, (i) => `"value-${i}"`)), search, 500],
  ['n dotted strings shaped like tokens (three base64url segments, no header)', (n) => token(claims(n, (i) => `"aaaaaaaaaaaa${i}.bbbbbbbbbbbbbbbb.cccccccccccc"`)), search, 500],
  ['n dotted strings starting as a header does, that do not read as one', (n) => token(claims(n, (i) => `"eyJaaaaaaaaa${i}.bbbbbbbbbbbbbbbb.cccccccccccc"`)), search, 500],
  ['n strings whose first segment starts like a header but does not read', (n) => token(claims(n, () => `"eyJhbGciOiJIUzI1NiIsInR5cCI6.eyJzdWIiOiIxIn0.c2ln"`)), search, 500],
  ['n claims holding tokens (16 decoded, the rest not)', (n) => token(claims(n, () => `"${INNER}"`)), search, 500],
  ['act objects nested 200 deep, n of them', (n) => token(`{"list":[${Array.from({ length: Math.max(1, Math.round(n / 50)) }, () => `${'{"act":'.repeat(200)}"x"${'}'.repeat(200)}`).join(',')}]}`), search, 4_000],
  ['one inner token with n claims', (n) => token(`{"id_token":"${token(claims(n, (i) => `"v${i}"`))}"}`), search, 250],
  ['one huge string claim shaped like a token', (n) => token(`{"blob":"eyJ${'A'.repeat(n * 10)}.${'B'.repeat(n * 10)}.c2ln"}`), search, 5_000],
];

describe('nestedTokens: linear in the token (n, 2n, 4n claims; ratio to a reference pass)', () => {
  growthTests(CASES);
});
