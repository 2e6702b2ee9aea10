import { strict as assert } from 'node:assert';
import { timeReport } from '../../../src/core';
import { ANNOUNCEMENT_INTERVAL_MS, countdownAnnouncement, nextAnnouncement, spokenDuration, type Announcement } from '../../../src/present/time';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const nowSec = NOW / 1000;

describe('present/time: the countdown as a screen reader hears it', () => {
  it('spokenDuration: whole minutes in words, two units, less than a minute below one', () => {
    assert.equal(spokenDuration(0), 'less than a minute');
    assert.equal(spokenDuration(59_999), 'less than a minute');
    assert.equal(spokenDuration(60_000), '1 minute');
    assert.equal(spokenDuration(14 * 60_000 + 59_000), '14 minutes');
    assert.equal(spokenDuration(-(14 * 60_000 + 59_000)), '14 minutes');
    assert.equal(spokenDuration(65 * 60_000), '1 hour 5 minutes');
    assert.equal(spokenDuration(2 * 3_600_000), '2 hours');
    assert.equal(spokenDuration(86_400_000 + 3_600_000), '1 day 1 hour');
    assert.equal(spokenDuration(86_400_000 + 60_000), '1 day', 'no "0 hours" between');
    assert.equal(spokenDuration(366 * 86_400_000), '1 year 1 day');
    assert.equal(spokenDuration(Number.POSITIVE_INFINITY), 'an unbounded time');
  });

  it('countdownAnnouncement: the same answer for every second of a minute, a new one the next minute', () => {
    const at = (offsetSec: number): string => countdownAnnouncement(timeReport({ exp: nowSec + 900 }, { now: NOW + offsetSec * 1000 })).text;
    assert.equal(at(0), 'Expires in 15 minutes');
    for (let s = 1; s <= 60; s++) assert.equal(at(s), 'Expires in 14 minutes', `${s} s later`);
    assert.equal(at(61), 'Expires in 13 minutes');
  });

  it('countdownAnnouncement: each status in words', () => {
    const say = (claims: Record<string, unknown>, skew = 60): string => {
      const a = countdownAnnouncement(timeReport(claims as never, { now: NOW, clockSkewSec: skew }));
      return `${a.state}: ${a.text}`;
    };
    assert.equal(say({ exp: nowSec + 90 }), 'valid: Expires in 1 minute');
    assert.equal(say({ exp: nowSec - 3 * 3600 }), 'expired: Expired 3 hours ago');
    // Past exp but within the skew: the status is still valid, the state (said at once) is not.
    assert.equal(say({ exp: nowSec - 30 }), 'within-skew: Expired less than a minute ago, still accepted within the clock skew');
    assert.equal(say({ nbf: nowSec + 7200, exp: nowSec + 9000 }, 0), 'not-yet-valid: Not yet valid: valid in 2 hours');
    assert.equal(say({ sub: 'x' }), 'never-expires: Never expires: the token has no exp claim');
    assert.deepEqual(countdownAnnouncement(timeReport({ exp: nowSec + 60 }, { now: NOW }), 'jwe'), { state: 'encrypted', text: 'Expiry unknown (encrypted)' });
    assert.deepEqual(countdownAnnouncement(timeReport(undefined, { now: NOW })), { state: 'not-applicable', text: 'No readable claims' });
  });

  describe('nextAnnouncement: at most once a minute, at once on a change of state', () => {
    const said = (text: string, at: number, state: Announcement['state'] = 'valid', subject = 'A'): Announcement => ({ subject, state, text, at });

    it('the first text is said at once', () => {
      assert.deepEqual(nextAnnouncement(undefined, { subject: 'A', state: 'valid', text: 'Expires in 14 minutes' }, NOW), said('Expires in 14 minutes', NOW));
    });

    it('the same text is never said again', () => {
      assert.equal(nextAnnouncement(said('Expires in 14 minutes', NOW), { subject: 'A', state: 'valid', text: 'Expires in 14 minutes' }, NOW + 10 * ANNOUNCEMENT_INTERVAL_MS), undefined);
    });

    it('a new text waits until the last one is a minute old', () => {
      const last = said('Expires in 14 minutes', NOW);
      const next = { subject: 'A', state: 'valid' as const, text: 'Expires in 13 minutes' };
      assert.equal(nextAnnouncement(last, next, NOW + 1000), undefined);
      assert.equal(nextAnnouncement(last, next, NOW + ANNOUNCEMENT_INTERVAL_MS - 1), undefined);
      assert.deepEqual(nextAnnouncement(last, next, NOW + ANNOUNCEMENT_INTERVAL_MS), said('Expires in 13 minutes', NOW + ANNOUNCEMENT_INTERVAL_MS));
    });

    it('expiry, becoming valid and another token or instant are said at once', () => {
      const last = said('Expires in less than a minute', NOW);
      assert.deepEqual(nextAnnouncement(last, { subject: 'A', state: 'expired', text: 'Expired less than a minute ago' }, NOW + 1000), said('Expired less than a minute ago', NOW + 1000, 'expired'));
      const waiting = said('Not yet valid: valid in less than a minute', NOW, 'not-yet-valid');
      assert.equal(nextAnnouncement(waiting, { subject: 'A', state: 'valid', text: 'Expires in 9 minutes' }, NOW + 1000)?.text, 'Expires in 9 minutes');
      assert.equal(nextAnnouncement(last, { subject: 'B', state: 'valid', text: 'Expires in 3 minutes' }, NOW + 1000)?.text, 'Expires in 3 minutes');
      assert.equal(nextAnnouncement(said('Expires in less than a minute', NOW), { subject: 'A', state: 'within-skew', text: 'Expired less than a minute ago, still accepted within the clock skew' }, NOW + 1000)?.state, 'within-skew', 'crossing exp is said at once');
    });

    it('a second-by-second run over ten minutes speaks once a minute (a tick every second)', () => {
      let last: Announcement | undefined;
      const spoken: number[] = [];
      for (let s = 0; s <= 600; s++) {
        const now = NOW + s * 1000;
        const next = nextAnnouncement(last, { subject: 'A', ...countdownAnnouncement(timeReport({ exp: nowSec + 630 }, { now })) }, now);
        if (next !== undefined) {
          last = next;
          spoken.push(s);
        }
      }
      assert.equal(spoken.length, 11, `spoken at ${spoken.join(', ')} s`);
      for (let i = 1; i < spoken.length; i++) assert.ok((spoken[i] ?? 0) - (spoken[i - 1] ?? 0) >= 60, `${spoken[i - 1]} → ${spoken[i]} s`);
    });
  });
});
