import { strict as assert } from 'node:assert';
import { readTimeClaim, timeReport } from '../../../src/core/time';
import type { JsonObject } from '../../../src/core/types';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0); // fixed instant: no flaky tests
const S = NOW / 1000;

/** RFC 7519 §4.1.4–4.1.6 and §2 (NumericDate) at a fixed `now`. */
describe('timeReport: status', () => {
  const cases: [string, JsonObject, string, string][] = [
    ['valid', { iat: S - 60, exp: S + 252 }, 'valid', 'expires in 4 min 12 s'],
    ['expired', { iat: S - 4 * 86400, exp: S - 3 * 86400 }, 'expired', 'expired 3 days ago'],
    ['never expires (no exp)', { iat: S }, 'never-expires', 'never expires'],
    ['not yet valid (nbf in 2 h)', { nbf: S + 7200, exp: S + 9000 }, 'not-yet-valid', 'valid in 2 h'],
    ['exp as string "123"', { exp: '123' }, 'invalid-claim', 'exp is a string, not a NumericDate'],
    ['exp true', { exp: true }, 'invalid-claim', 'exp is a boolean, not a NumericDate'],
    ['exp null', { exp: null }, 'invalid-claim', 'exp is null, not a NumericDate'],
    ['exp 1e308 (outside Date range)', { exp: 1e308 }, 'invalid-claim', 'exp is outside the Date range'],
    ['exp -1 (before 1970)', { exp: -1 }, 'invalid-claim', 'exp is a negative NumericDate (before 1970)'],
    ['nbf as array', { nbf: [1], exp: S + 10 }, 'invalid-claim', 'nbf is an array, not a NumericDate'],
    ['exp fractional 1.5 s in the future is fine (RFC 7519 §2 allows non-integers)', { exp: S + 1.5 }, 'valid', 'expires in 1 s'],
  ];
  for (const [name, claims, status, relative] of cases) {
    it(name, () => {
      const t = timeReport(claims, { now: NOW, clockSkewSec: 60 });
      assert.equal(t.status, status);
      assert.equal(t.relative, relative);
    });
  }
  it('not-applicable without claims (JWE, non-object payload)', () => {
    assert.equal(timeReport(undefined, { now: NOW }).status, 'not-applicable');
  });
});

describe('timeReport: clock skew', () => {
  it('exp 30 s ago is valid within 60 s skew, flagged withinSkew', () => {
    const t = timeReport({ exp: S - 30 }, { now: NOW, clockSkewSec: 60 });
    assert.equal(t.status, 'valid');
    assert.equal(t.withinSkew, true);
    assert.equal(t.relative, 'expired 30 s ago');
  });
  it('exp 30 s ago is expired with zero skew', () => {
    assert.equal(timeReport({ exp: S - 30 }, { now: NOW, clockSkewSec: 0 }).status, 'expired');
  });
  it('nbf 30 s ahead is valid within skew', () => {
    const t = timeReport({ nbf: S + 30, exp: S + 600 }, { now: NOW, clockSkewSec: 60 });
    assert.equal(t.status, 'valid');
    assert.equal(t.withinSkew, true);
  });
  it('invalid skew falls back to 60 s', () => {
    assert.equal(timeReport({ exp: S }, { now: NOW, clockSkewSec: -5 }).clockSkewSec, 60);
  });
});

describe('timeReport: lifetime and elapsed fraction', () => {
  it('lifetime = exp − iat, fraction of it elapsed', () => {
    const t = timeReport({ iat: S - 900, exp: S + 2700 }, { now: NOW });
    assert.equal(t.lifetimeSec, 3600);
    assert.equal(t.elapsedFraction, 0.25);
    assert.equal(t.msToExpiry, 2_700_000);
  });
  it('fraction clamps to 0..1', () => {
    assert.equal(timeReport({ iat: S + 100, exp: S + 200 }, { now: NOW }).elapsedFraction, 0);
    assert.equal(timeReport({ iat: S - 200, exp: S - 100 }, { now: NOW }).elapsedFraction, 1);
    assert.equal(timeReport({ iat: S, exp: S - 100 }, { now: NOW }).elapsedFraction, 1);
  });
  it('no lifetime when iat is missing or invalid', () => {
    assert.equal(timeReport({ exp: S + 10 }, { now: NOW }).lifetimeSec, undefined);
    assert.equal(timeReport({ iat: 'x', exp: S + 10 }, { now: NOW }).lifetimeSec, undefined);
  });
});

describe('readTimeClaim', () => {
  it('gives ISO dates for valid claims, including auth_time', () => {
    assert.deepEqual(readTimeClaim({ auth_time: 1300819380 }, 'auth_time'), { name: 'auth_time', raw: 1300819380, seconds: 1300819380, iso: '2011-03-22T18:43:00.000Z' });
  });
  it('absent claim is undefined; own-property check ignores the prototype', () => {
    assert.equal(readTimeClaim({}, 'exp'), undefined);
    assert.equal(readTimeClaim(Object.create({ exp: 5 }) as JsonObject, 'exp'), undefined);
  });
  it('8.64e12 seconds is the last representable instant; one more is out of range', () => {
    assert.equal(readTimeClaim({ exp: 8.64e12 }, 'exp')?.iso, '+275760-09-13T00:00:00.000Z');
    assert.equal(readTimeClaim({ exp: 8.64e12 + 1 }, 'exp')?.invalid, 'outside the Date range');
  });
});
