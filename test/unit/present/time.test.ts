import { strict as assert } from 'node:assert';
import { timeReport } from '../../../src/core';
import { absoluteTimeText, clockText, countdownText, ENCRYPTED_TIME_TEXT, instantText, statusWords, timeText, verificationTimingText } from '../../../src/present/time';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const nowSec = NOW / 1000;

describe('present/time', () => {
  it('timeText: the relative text, nothing for a token without time claims', () => {
    assert.equal(timeText(timeReport({ exp: nowSec + 720 }, { now: NOW })), 'expires in 12 min');
    assert.equal(timeText(timeReport({ sub: 'x' }, { now: NOW })), 'never expires');
    assert.equal(timeText(timeReport(undefined, { now: NOW })), undefined);
  });

  it('clockText: hh:mm:ss, days in front, sign ignored', () => {
    assert.equal(clockText(0), '00:00:00');
    assert.equal(clockText(59_999), '00:00:59');
    assert.equal(clockText(3_600_000), '01:00:00');
    assert.equal(clockText(90_061_000), '1 d 01:01:01');
    assert.equal(clockText(-5_000), '00:00:05');
  });

  it('countdownText: to exp, since exp, to nbf, never', () => {
    assert.equal(countdownText(timeReport({ exp: nowSec + 719 }, { now: NOW })), 'expires in 00:11:59');
    // Since exp in words: "expired 01:00:05 ago" read as a time of day (issue 12).
    assert.equal(countdownText(timeReport({ exp: nowSec - 3605 }, { now: NOW, clockSkewSec: 0 })), 'expired 1 h ago');
    assert.equal(countdownText(timeReport({ exp: nowSec - 689 }, { now: NOW, clockSkewSec: 0 })), 'expired 11 min 29 s ago');
    assert.doesNotMatch(countdownText(timeReport({ exp: nowSec - 689 }, { now: NOW, clockSkewSec: 0 })), /\d\d:\d\d:\d\d ago/);
    assert.equal(countdownText(timeReport({ nbf: nowSec + 3600, exp: nowSec + 7200 }, { now: NOW })), 'valid in 01:00:00');
    assert.equal(countdownText(timeReport({ sub: 'x' }, { now: NOW })), 'no exp: never expires');
    const none = timeReport(undefined, { now: NOW });
    assert.equal(countdownText(none), none.relative);
  });

  it('a JWE: "expiry unknown (encrypted)" in summaries and status words, never "never expires"', () => {
    const jweTime = timeReport(undefined, { now: NOW });
    assert.equal(timeText(jweTime, 'jwe'), ENCRYPTED_TIME_TEXT);
    assert.equal(ENCRYPTED_TIME_TEXT, 'expiry unknown (encrypted)');
    assert.equal(statusWords(jweTime, 'jwe'), 'expiry unknown (encrypted)');
    assert.equal(statusWords(timeReport({ exp: nowSec + 720 }, { now: NOW }), 'jws'), 'expires in 12 min');
    assert.equal(timeText(jweTime, 'jws'), undefined, 'a JWS without readable claims still has no time part');
  });

  it('instantText: a fixed instant for the Problems panel, UTC or local, out-of-range said so', () => {
    assert.equal(instantText(1_796_130_300, 'utc'), '2026-12-01 13:05:00 UTC');
    assert.equal(instantText(1_796_130_300.25, 'utc'), '2026-12-01 13:05:00 UTC');
    assert.equal(instantText(8.64e12 + 1, 'utc'), 'a time outside the Date range');
    const local = instantText(1_796_130_300, 'local');
    assert.ok(local.length > 0 && local.includes('2026'), local);
  });

  it('absoluteTimeText: ISO 8601 UTC without zero milliseconds; out-of-range said so', () => {
    assert.equal(absoluteTimeText(0, 'utc'), '1970-01-01T00:00:00Z');
    assert.equal(absoluteTimeText(nowSec + 0.5, 'utc'), '2026-01-01T12:00:00.500Z');
    assert.equal(absoluteTimeText(8.64e12 + 1, 'utc'), 'outside the Date range');
    assert.equal(absoluteTimeText(8.64e12 + 1, 'local'), 'outside the Date range');
    assert.ok(absoluteTimeText(0, 'local').length > 0);
  });

  it('verificationTimingText: three decimals under 0.1 ms, two above (article reason 5)', () => {
    assert.equal(verificationTimingText({ alg: 'HS256', medianMs: 0.0521, runs: 7, verified: true }), '0.052 ms per HS256 verification (median of 7, this machine)');
    assert.equal(verificationTimingText({ alg: 'RS256', medianMs: 1.234, runs: 7, verified: true }), '1.23 ms per RS256 verification (median of 7, this machine)');
  });
});
