import { strict as assert } from 'node:assert';
import type { TimeStatus, VerificationResult } from '../../../src/core';
import { statusLook, tokenStatus, verificationBadge } from '../../../src/present/status';
import { themeColor } from '../../../src/present/tone';
import { SIGNATURE_ICONS } from '../../../src/present/inspector/protocol';

const TIME_STATUSES: readonly TimeStatus[] = ['valid', 'expired', 'not-yet-valid', 'never-expires', 'invalid-claim', 'not-applicable'];

describe('present/status: statusLook', () => {
  it('one label, codicon and tone per time status, and for a malformed token', () => {
    assert.deepEqual(
      [...TIME_STATUSES, 'malformed' as const].map((s) => [s, statusLook(s).icon, statusLook(s).tone]),
      [
        ['valid', 'clock', 'ok'],
        ['expired', 'error', 'error'],
        ['not-yet-valid', 'clock', 'warning'],
        ['never-expires', 'warning', 'warning'],
        ['invalid-claim', 'error', 'error'],
        ['not-applicable', 'circle-slash', 'neutral'],
        ['malformed', 'error', 'error'],
      ],
    );
    assert.equal(new Set(TIME_STATUSES.map((s) => statusLook(s).label)).size, TIME_STATUSES.length, 'labels tell statuses apart');
  });
  it('maps tones to theme colours (neutral keeps the default)', () => {
    assert.equal(themeColor(statusLook('valid').tone), 'testing.iconPassed');
    assert.equal(themeColor(statusLook('expired').tone), 'errorForeground');
    assert.equal(themeColor(statusLook('not-yet-valid').tone), 'editorWarning.foreground');
    assert.equal(themeColor(statusLook('not-applicable').tone), undefined);
  });
});

describe('present/status: verificationBadge', () => {
  const results: [VerificationResult, string, string][] = [
    [{ status: 'verified', alg: 'RS256', keyLabel: 'k', message: '' }, 'verified-filled', 'signature verified'],
    [{ status: 'invalid-signature', alg: 'RS256', keyLabels: ['k'], message: '' }, 'error', 'invalid signature'],
    [{ status: 'key-mismatch', alg: 'RS256', keyLabels: ['k'], message: '' }, 'warning', 'key does not fit alg'],
    [{ status: 'unsupported', alg: 'XX1', message: '' }, 'question', 'alg not supported'],
    [{ status: 'not-checked', reason: 'no-key', message: '' }, 'unverified', 'unverified (no key)'],
    [{ status: 'not-checked', reason: 'jwe', message: '' }, 'unverified', 'not verifiable'],
    [{ status: 'not-checked', reason: 'no-matching-key', tried: 3, message: '' }, 'unverified', 'no matching key (3 tried)'],
    [{ status: 'not-checked', reason: 'no-matching-key', tried: 0, message: '' }, 'unverified', 'no matching key'],
  ];
  for (const [result, icon, label] of results) {
    it(`${result.status}${result.status === 'not-checked' ? ` (${result.reason})` : ''}: $(${icon}) ${label}`, () => {
      const badge = verificationBadge(result);
      assert.equal(badge.icon, icon);
      assert.equal(badge.label, label);
      assert.ok((SIGNATURE_ICONS as readonly string[]).includes(badge.icon), 'an icon the inspector accepts');
    });
  }
});

describe('present/status: what is not a verdict, and what we know anyway (issue 12)', () => {
  it('"no matching key" is neutral, never the red of an invalid signature', () => {
    assert.equal(verificationBadge({ status: 'not-checked', reason: 'no-matching-key', tried: 1, message: '' }).tone, 'neutral');
    assert.equal(verificationBadge({ status: 'invalid-signature', alg: 'HS256', keyLabels: ['k'], message: '' }).tone, 'error');
  });
  it('a TL401 hit is never "unverified (no key)": the key is known, and anyone can forge', () => {
    const badge = verificationBadge({ status: 'not-checked', reason: 'no-key', message: '' }, { weakSecret: true });
    assert.equal(badge.tone, 'error');
    assert.doesNotMatch(badge.label, /unverified|no key/);
    assert.match(badge.label, /well-known secret/);
    assert.ok((SIGNATURE_ICONS as readonly string[]).includes(badge.icon));
    assert.equal(verificationBadge({ status: 'verified', alg: 'HS256', keyLabel: 'k', message: '' }, { weakSecret: true }).tone, 'error', 'verified with a public secret is not green');
  });
  it('a JWE\'s time status is "Expiry unknown (encrypted)", whatever its time report says', () => {
    assert.equal(tokenStatus('jwe', 'not-applicable'), 'encrypted');
    assert.equal(tokenStatus('jwe', 'never-expires'), 'encrypted');
    assert.equal(tokenStatus('jws', 'never-expires'), 'never-expires');
    assert.deepEqual(statusLook('encrypted'), { label: 'Expiry unknown (encrypted)', icon: 'lock', tone: 'neutral' });
  });
});
