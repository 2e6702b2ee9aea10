import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import fc from 'fast-check';
import { FindingCodes } from '../../../src/core/codes';
import { sortFindings } from '../../../src/core/hints';
import { inspectToken } from '../../../src/core/inspect';
import type { Finding, Inspection, Thresholds } from '../../../src/core/types';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const S = NOW / 1000;
const tok = (header: object, claims: unknown, sig = 'c2lnbmF0dXJl') => `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.${sig}`;

function inspect(header: object, claims: unknown, thresholds?: Partial<Thresholds>): Inspection {
  const r = inspectToken(tok(header, claims), { now: NOW, clockSkewSec: 60, ...(thresholds ? { thresholds } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);
const hint = (i: Inspection, code: string) => i.hints.find((h) => h.code === code);

/** Every hint cites one of the article's reasons, with its title (shared/article.md). */
describe('riskHints: article reasons with evidence from this token', () => {
  const HS = { alg: 'HS256', typ: 'JWT' };
  it('well-formed short-lived session token: only the per-request verification cost hint', () => {
    const i = inspect(HS, { iss: 'a', aud: 'b', sub: 'u', jti: 'j1', sid: 's1', iat: S - 60, exp: S + 600 });
    assert.deepEqual(codes(i.hints), [FindingCodes.VERIFICATION_COST]);
    assert.deepEqual(i.hints[0]?.reference, { kind: 'article', reason: 5, title: 'Signature Verification Adds Overhead' });
    assert.match(i.hints[0]?.evidence ?? '', /HS256/);
  });
  it('reason 1: no exp → never expires', () => {
    const h = hint(inspect(HS, { sub: 'u', jti: 'j', sid: 's' }), FindingCodes.NO_EXPIRY);
    assert.equal(h?.reference.kind === 'article' && h.reference.reason, 1);
    assert.equal(h?.evidence, 'no `exp` claim');
  });
  it('reason 2: lifetime over the threshold names the date a leaked copy works until', () => {
    const i = inspect(HS, { iat: S, exp: S + 30 * 86400 });
    const h = hint(i, FindingCodes.LONG_LIFETIME);
    assert.ok(h);
    assert.match(h.message, /works until 2026-02-14T12:00:00\.000Z/);
    assert.match(h.evidence, /lifetime 30 days/);
    assert.equal(h.reference.kind === 'article' && h.reference.reason, 2);
  });
  it('reason 2 threshold is an option: 30 days is fine with a 60-day threshold', () => {
    assert.equal(hint(inspect(HS, { iat: S, exp: S + 30 * 86400 }, { maxLifetimeSec: 60 * 86400 }), FindingCodes.LONG_LIFETIME), undefined);
  });
  it('reason 1: no jti; reason 4: no sid', () => {
    const i = inspect(HS, { iat: S, exp: S + 60 });
    assert.deepEqual(hint(i, FindingCodes.NO_JTI)?.reference, { kind: 'article', reason: 1, title: 'Revocation is a Nightmare' });
    assert.deepEqual(hint(i, FindingCodes.NO_SID)?.reference, { kind: 'article', reason: 4, title: 'No Built-In Session Management' });
  });
  const refreshCases: [string, object, object][] = [
    ['typ refresh+jwt', { alg: 'HS256', typ: 'refresh+jwt' }, {}],
    ['token_use refresh', HS, { token_use: 'refresh' }],
    ['offline_access scope', HS, { scope: 'openid offline_access' }],
  ];
  for (const [name, header, extra] of refreshCases) {
    it(`reason 2: refresh-token sign (${name}) with a 30-day lifetime`, () => {
      const h = hint(inspect(header, { ...extra, iat: S, exp: S + 30 * 86400 }), FindingCodes.LONG_LIVED_REFRESH);
      assert.ok(h, 'refresh hint expected');
      assert.match(h.evidence, /lifetime 30 days/);
    });
  }
  it('refresh token with a 1-day lifetime is under the 7-day refresh threshold', () => {
    assert.equal(hint(inspect({ alg: 'HS256', typ: 'refresh+jwt' }, { iat: S, exp: S + 86400 }), FindingCodes.LONG_LIVED_REFRESH), undefined);
  });
  it('reason 3: size over the threshold cites bytes, ratio and the heaviest claim', () => {
    const i = inspect(HS, { iat: S, exp: S + 60, permissions: 'p'.repeat(1200) });
    const h = hint(i, FindingCodes.LARGE_TOKEN);
    assert.ok(h);
    assert.match(h.evidence, /heaviest claim `permissions`/);
    assert.match(h.message, /× a 32-byte session id/);
    assert.equal(hint(i, FindingCodes.SIZE_LIMIT_EXCEEDED), undefined);
  });
  it('reason 3: a 5 KB token exceeds the cookie limit (error)', () => {
    const i = inspect(HS, { iat: S, exp: S + 60, blob: 'b'.repeat(5000) });
    const h = hint(i, FindingCodes.SIZE_LIMIT_EXCEEDED);
    assert.equal(h?.severity, 'error');
    assert.match(h?.evidence ?? '', /against 4096/);
    assert.equal(i.hints[0]?.severity, 'error', 'most severe first');
  });
  it('reason 5 is not claimed for unsecured tokens (nothing to verify)', () => {
    const r = inspectToken(`${base64url.encode('{"alg":"none"}')}.${base64url.encode('{"exp":1}')}.`, { now: NOW });
    assert.ok(r.ok && !codes(r.value.hints).includes(FindingCodes.VERIFICATION_COST));
  });
  it('JWE: no claim-based hints, but verification cost of key management', () => {
    const r = inspectToken(`${base64url.encode('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a2V5.aXY.Y3Q.dGFn`, { now: NOW });
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(codes(r.value.hints), [FindingCodes.VERIFICATION_COST]);
  });
});

describe('sortFindings', () => {
  const finding = fc.record({
    code: fc.constantFrom('TL101', 'TL103', 'TL106', 'TL201', 'TL212', 'TL301', 'TL216'),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    message: fc.string({ maxLength: 4 }),
    evidence: fc.string({ maxLength: 4 }),
    reference: fc.constant({ kind: 'owasp' as const, title: 'OWASP JSON Web Token Cheat Sheet' }),
  });
  it('orders most severe first, then by code, stably (same order as a stable library sort), for short and long lists', () => {
    const order = { error: 0, warning: 1, info: 2 };
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (list: Finding[]) => {
        const expected = [...list].sort((a, b) => order[a.severity] - order[b.severity] || a.code.localeCompare(b.code));
        const input = [...list];
        const sorted = sortFindings(input);
        assert.equal(sorted, input, 'sorts in place');
        assert.deepEqual(sorted.map((f) => list.indexOf(f)), expected.map((f) => list.indexOf(f)));
      }),
    );
  });
});
