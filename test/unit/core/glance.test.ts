import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import { glanceAt, glanceOf, glanceRecord } from '../../../src/core/glance';
import { inspectToken } from '../../../src/core/inspect';
import { readTimeClaims, timeReport, timeReportOf } from '../../../src/core/time';
import type { Inspection, JsonObject } from '../../../src/core/types';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const S = NOW / 1000;
const b64 = (v: unknown): string => base64url.encode(JSON.stringify(v));
const token = (header: JsonObject, payload: JsonObject | string, sig = 'c2ln'): string => `${b64(header)}.${typeof payload === 'string' ? base64url.encode(payload) : b64(payload)}.${sig}`;

function inspect(t: string, now = NOW): Inspection {
  const r = inspectToken(t, { now, clockSkewSec: 60 });
  assert.ok(r.ok, 'inspects');
  return r.value;
}

describe('core/glance', () => {
  it('timeReportOf over readTimeClaims equals timeReport, at every instant and for every claim shape', () => {
    const sets: JsonObject[] = [
      { iat: S - 60, exp: S + 252 },
      { iat: S - 4 * 86400, exp: S - 3 * 86400 },
      { iat: S },
      { nbf: S + 7200, exp: S + 9000, auth_time: S - 10 },
      { exp: '123' },
      { nbf: [1], exp: S + 10 },
      {},
    ];
    for (const claims of sets) {
      const list = readTimeClaims(claims);
      for (const now of [NOW - 86400_000, NOW, NOW + 3600_000, NOW + 9 * 86400_000]) {
        assert.deepEqual(timeReportOf(list, { now, clockSkewSec: 60 }), timeReport(claims, { now, clockSkewSec: 60 }), JSON.stringify(claims));
      }
    }
    assert.deepEqual(timeReportOf(undefined, { now: NOW }), timeReport(undefined, { now: NOW }));
  });

  it('keeps kind, alg, size, time claims and only the error and warning findings, most severe first', () => {
    const full = inspect(token({ alg: 'none' }, { sub: 'a', iat: S, exp: S + 30 * 86400 }, ''));
    const record = glanceRecord(full);
    assert.equal(record.kind, 'unsecured');
    assert.equal(record.alg, 'none');
    assert.equal(record.totalBytes, full.size.totalBytes);
    assert.deepEqual(record.timeClaims?.map((c) => c.name), ['iat', 'exp']);
    const all = [...full.findings, ...full.hints];
    const expected = all.filter((f) => f.severity !== 'info').map((f) => f.code);
    assert.ok(expected.includes('TL201') && expected.includes('TL102'), `alg none and a 30-day lifetime are notable: ${expected.join(', ')}`);
    assert.deepEqual(new Set(record.notable.map((f) => f.code)), new Set(expected));
    assert.ok(all.some((f) => f.severity === 'info') && record.notable.every((f) => f.severity !== 'info'), 'info findings stay in the full inspection');
    const order = record.notable.map((f) => f.severity);
    assert.deepEqual(order, [...order].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : b === 'error' ? 1 : 0)));
  });

  it('a glance at any instant has the time report a fresh inspection at that instant has', () => {
    const t = token({ alg: 'HS256' }, { sub: 'a', iat: S - 60, nbf: S - 60, exp: S + 600 });
    const record = glanceRecord(inspect(t));
    for (const now of [NOW, NOW + 599_000, NOW + 661_000, NOW + 86400_000]) {
      assert.deepEqual(glanceAt(record, { now, clockSkewSec: 60 }).time, inspect(t, now).time, `at +${(now - NOW) / 1000} s`);
    }
  });

  it('a payload that is not claims has no time claims (not-applicable), and a header alg that is no string is left out', () => {
    const record = glanceRecord(inspect(token({ alg: 'HS256' }, 'plain text payload')));
    assert.equal(record.timeClaims, undefined);
    assert.equal(glanceAt(record, { now: NOW }).time.status, 'not-applicable');
    const jwe = inspect(`${b64({ alg: 'dir', enc: 'A128GCM' })}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA`);
    assert.equal(glanceOf(jwe).kind, 'jwe');
    assert.equal(glanceOf(jwe).time.status, 'not-applicable');
  });
});
