import { strict as assert } from 'node:assert';
import { inspectToken } from '../../../src/core';
import type { Inspection } from '../../../src/core';
import { headerAlg, lensTitle, summaryText, tokenSummary } from '../../../src/present/summary';

const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const nowSec = NOW / 1000;

function inspect(token: string): Inspection {
  const r = inspectToken(token, { now: NOW });
  assert.ok(r.ok, 'inspects');
  return r.value;
}

describe('present/summary', () => {
  it('headerAlg: a string alg, else undefined', () => {
    assert.equal(headerAlg({ alg: 'ES256' }), 'ES256');
    assert.equal(headerAlg({ alg: 5 }), undefined);
    assert.equal(headerAlg({}), undefined);
  });

  it('a JWS: kind, alg, relative time, exact bytes', () => {
    const token = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'gina', exp: nowSec + 12 * 60 + 30 })}.${b64('sig')}`;
    const summary = tokenSummary(inspect(token));
    assert.deepEqual(summary, { kind: 'JWS', alg: 'RS256', status: 'valid', time: 'expires in 12 min 30 s', size: `${token.length} B` });
    assert.equal(summaryText(summary), `JWS · RS256 · expires in 12 min 30 s · ${token.length} B`);
    assert.equal(lensTitle(inspect(token)), summaryText(summary));
  });

  it('an unsecured JWS, a JWE (expiry unknown, never "never expires"), an alg that is not a string', () => {
    const unsecured = `${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.`;
    assert.equal(summaryText(tokenSummary(inspect(unsecured))), `Unsecured JWS · none · never expires · ${unsecured.length} B`);
    const jwe = `${b64({ alg: 'dir', enc: 'A128GCM' })}..${b64('iv')}.${b64('ciphertext')}.${b64('tag')}`;
    const summary = tokenSummary(inspect(jwe));
    // Its claims are encrypted: nothing is known of its expiry (issue 12 changed this from no time part).
    assert.equal(summary.time, 'expiry unknown (encrypted)');
    assert.equal(summaryText(summary), `JWE · dir · expiry unknown (encrypted) · ${jwe.length} B`);
    // The decoder refuses a header without a string alg; a summary of such data still reads.
    const jws = inspect(unsecured);
    assert.equal(tokenSummary({ ...jws, decoded: { ...jws.decoded, header: { alg: 5 } } }).alg, '?');
  });

  it('lensTitle: one line, at most 120 characters, no icon drawn from the token', () => {
    const token = `${b64({ alg: `$(check) verified\r\n${'A'.repeat(500)}` })}.${b64({ sub: 'x' })}.${b64('sig')}`;
    const title = lensTitle(inspect(token));
    assert.ok(title.length <= 120);
    assert.ok(!/[\r\n]/.test(title));
    assert.ok(title.startsWith('JWS · \\$(check) verified'), title);
  });
});
