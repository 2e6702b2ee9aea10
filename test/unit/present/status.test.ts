import { strict as assert } from 'node:assert';
import type { TimeStatus, VerificationResult } from '../../../src/core';
import { statusLook, verificationBadge } from '../../../src/present/status';
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
