import { strict as assert } from 'node:assert';
import { compareTokens } from '../../../src/core';
import type { ComparisonSummary } from '../../../src/core';
import { comparisonHeadline, comparisonLines, memberChangeText, signedDuration } from '../../../src/present';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = (header: unknown, payload: unknown, signature = 'c2ln') => `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${signature}`;
const EXP = 1796148000;

function summary(a: string, b: string): ComparisonSummary {
  const r = compareTokens(a, b, { documents: false });
  assert.ok(r.ok);
  return r.value.summary;
}

describe('present compare: the comparison summary as text', () => {
  const before = jws({ alg: 'HS256', kid: 'k1' }, { sub: 'a', exp: EXP, old: 1, role: 'user' });
  const after = jws({ alg: 'RS256', kid: 'k2' }, { sub: 'a', exp: EXP + 5400, role: 'admin', added: true });

  it('signedDuration: a sign and at most two units', () => {
    assert.equal(signedDuration(5400), '+1 h 30 min');
    assert.equal(signedDuration(-86400 * 3), '−3 days');
    assert.equal(signedDuration(0), '±0 s');
  });

  it('the headline puts kind, alg, kid and exp before the counts', () => {
    assert.equal(comparisonHeadline(summary(before, after)), 'alg HS256 → RS256 · kid k1 → k2 · exp +1 h 30 min · 1 added, 1 removed, 4 changed');
    assert.equal(comparisonHeadline(summary(before, before)), 'the same token');
    assert.equal(comparisonHeadline(summary(jws({ alg: 'ES256' }, { a: 1 }, 'eDE'), jws({ alg: 'ES256' }, { a: 1 }, 'eDI'))), 'identical header and payload (the signature differs)');
    assert.equal(comparisonHeadline(summary(jws({ alg: 'HS256' }, { a: 1 }), jws({ alg: 'HS256', kid: 'n' }, { a: 1, exp: EXP }))), 'kid (none) → n · exp added · 2 added');
  });

  it('the lines: kind, alg, kid, exp with dates, then one diff-like line per change', () => {
    assert.deepEqual(comparisonLines(summary(before, after)), [
      'alg: HS256 → RS256',
      'kid: k1 → k2',
      'exp: +1 h 30 min (2026-12-01T18:00:00.000Z → 2026-12-01T19:30:00.000Z)',
      '~ header.alg: "HS256" → "RS256"',
      '~ header.kid: "k1" → "k2"',
      '~ payload.exp: 1796148000 → 1796153400',
      '+ payload.added: true',
      '- payload.old: 1',
      '~ payload.role: "user" → "admin"',
    ]);
  });

  it('a payload compared whole and omitted changes are said', () => {
    const text = `${b64('{"alg":"HS256"}')}.${b64('plain')}.c2ln`;
    const lines = comparisonLines(summary(before, text));
    assert.ok(lines.includes('payload: claims → text'));
    assert.equal(memberChangeText({ segment: 'payload', name: '', change: 'changed', from: '{}', to: '"plain"' }), '~ payload: {} → "plain"');
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`c${i}`, i]));
    assert.equal(comparisonLines(summary(jws({ alg: 'HS256' }, {}), jws({ alg: 'HS256' }, many))).at(-1), '… 1 more change');
  });
});
