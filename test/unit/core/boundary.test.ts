import { strict as assert } from 'node:assert';
import { nextTimeBoundary } from '../../../src/core/boundary';
import { timeReport } from '../../../src/core/time';
import type { JsonObject } from '../../../src/core/types';

const at = (claims: JsonObject, nowSec: number, skew = 60): number | undefined => nextTimeBoundary(timeReport(claims, { now: nowSec * 1000, clockSkewSec: skew }));

describe('nextTimeBoundary (when a cached inspection must be redone)', () => {
  it('a valid token: at exp (within skew from then), then at exp + skew (expired)', () => {
    assert.equal(at({ exp: 1000 }, 500), 1_000_000);
    assert.equal(at({ exp: 1000 }, 1010), 1_060_000);
    assert.equal(at({ exp: 1000 }, 1061), undefined, 'expired for good: nothing changes any more');
  });
  it('not yet valid: at nbf − skew, then at nbf', () => {
    assert.equal(at({ nbf: 2000, exp: 5000 }, 100), 1_940_000);
    assert.equal(at({ nbf: 2000, exp: 5000 }, 1950), 2_000_000);
    assert.equal(at({ nbf: 2000, exp: 5000 }, 2001), 5_000_000);
  });
  it('an iat in the future stops being one at iat − skew', () => {
    assert.equal(at({ iat: 3000 }, 100), 2_940_000);
    assert.equal(at({ iat: 3000 }, 2950), undefined);
  });
  it('no usable time claim: never', () => {
    assert.equal(at({}, 100), undefined);
    assert.equal(at({ exp: 'tomorrow' }, 100), undefined);
    assert.equal(nextTimeBoundary(timeReport(undefined, { now: 0, clockSkewSec: 60 })), undefined);
  });
});
