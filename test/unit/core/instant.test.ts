import { strict as assert } from 'node:assert';
import { parseInstant } from '../../../src/core/instant';
import { timeReport } from '../../../src/core/time';

// A fixed instant: Tuesday 2026-12-01 10:30:00 UTC.
const NOW = Date.UTC(2026, 11, 1, 10, 30, 0);
const H = 3_600_000;

function at(text: string, utc = true): number {
  const r = parseInstant(text, { now: NOW, utc });
  assert.ok(r.ok, `${text}: ${r.ok ? '' : r.error.message}`);
  return r.value;
}

describe('core/instant: parseInstant ("valid at…", --now)', () => {
  it('relative to now: in, ago, + and -, short and long units, two parts', () => {
    assert.equal(at('in 2 h'), NOW + 2 * H);
    assert.equal(at('IN 90 min'), NOW + 90 * 60_000);
    assert.equal(at('in 1 day 2 h'), NOW + 26 * H);
    assert.equal(at('2 h ago'), NOW - 2 * H);
    assert.equal(at('30 seconds ago'), NOW - 30_000);
    assert.equal(at('+15m'), NOW + 15 * 60_000);
    assert.equal(at('-3d'), NOW - 3 * 24 * H);
    assert.equal(at('in 2 weeks'), NOW + 14 * 24 * H);
    assert.equal(at('now'), NOW);
  });

  it('a day and a time, in UTC or local time', () => {
    assert.equal(at('yesterday 18:00'), Date.UTC(2026, 10, 30, 18, 0, 0));
    assert.equal(at('tomorrow 9:30'), Date.UTC(2026, 11, 2, 9, 30, 0));
    assert.equal(at('today 23:59:59'), Date.UTC(2026, 11, 1, 23, 59, 59));
    assert.equal(at('18:00'), Date.UTC(2026, 11, 1, 18, 0, 0));
    assert.equal(at('yesterday'), Date.UTC(2026, 10, 30));
    const local = new Date(NOW);
    assert.equal(at('yesterday 18:00', false), new Date(local.getFullYear(), local.getMonth(), local.getDate() - 1, 18, 0, 0).getTime());
  });

  it('ISO 8601 dates and date-times, with and without zone, and NumericDate seconds', () => {
    assert.equal(at('2026-12-01T18:00:00Z'), Date.UTC(2026, 11, 1, 18));
    assert.equal(at('2026-12-01T18:00:00.250Z'), Date.UTC(2026, 11, 1, 18, 0, 0, 250));
    assert.equal(at('2026-12-01T18:00+01:00'), Date.UTC(2026, 11, 1, 17));
    assert.equal(at('2026-12-01 18:00-0230'), Date.UTC(2026, 11, 1, 20, 30));
    assert.equal(at('2026-12-01'), Date.UTC(2026, 11, 1));
    assert.equal(at('2026-12-01T18:00'), Date.UTC(2026, 11, 1, 18));
    assert.equal(at('2026-12-01T18:00', false), new Date(2026, 11, 1, 18).getTime());
    assert.equal(at('1764603000'), 1_764_603_000_000);
  });

  it('refuses anything else with a message that says what it understands', () => {
    for (const text of ['', '   ', 'soon', 'in 2 parsecs', '2026-02-30', '2026-13-01', '25:00', 'yesterday 18:61', 'in', '2 h', 'x'.repeat(200), '99999999999999999999']) {
      const r = parseInstant(text, { now: NOW, utc: true });
      assert.equal(r.ok, false, text);
      if (!r.ok) {
        assert.equal(r.error.code, 'ERR_INSTANT');
        assert.ok(r.error.message.length > 0 && r.error.message.length < 300, text);
      }
    }
    assert.equal(parseInstant('now', { now: Number.NaN }).ok, false);
  });

  it('the status it yields at chosen instants: an expired token is valid inside its lifetime', () => {
    const claims = { iat: Date.UTC(2026, 11, 1, 8) / 1000, exp: Date.UTC(2026, 11, 1, 9) / 1000 };
    const status = (text: string) => timeReport(claims, { now: at(text), clockSkewSec: 60 }).status;
    assert.equal(status('now'), 'expired');
    assert.equal(status('2 h ago'), 'valid'); // 08:30
    assert.equal(status('today 8:59'), 'valid');
    assert.equal(status('today 9:00:59'), 'valid'); // within the 60 s skew
    assert.equal(status('today 9:02'), 'expired');
    assert.equal(status('2026-12-01T07:00Z'), 'valid'); // before iat: no nbf, so still valid
  });
});
