import { strict as assert } from 'node:assert';
import { COLOR, PLAIN, renderInspection, summaryLine } from '../../../src/cli/report';
import { inspectToken } from '../../../src/core';
import { summaryText, tokenSummary } from '../../../src/present/summary';
import type { Inspection } from '../../../src/core/types';

function inspectionWithPayload(claims: Record<string, number | string>, json: string, lossy: Partial<Inspection['decoded']> = {}): Inspection {
  return {
    decoded: {
      token: 'x',
      kind: 'jws',
      header: { alg: 'ES256' },
      headerJson: '{"alg":"ES256"}',
      payload: { type: 'claims', claims, json },
      duplicateKeys: [],
      segments: [],
      padded: false,
      ...lossy,
    },
    time: { now: 0, status: 'not-applicable', claims: [], relative: '', clockSkewSec: 60, withinSkew: false },
    size: { totalBytes: 10, segments: [], timesSessionId: 0.3, bytesPerMillionRequests: 1e7, limits: [], heaviestClaims: [] },
    algorithm: { alg: 'ES256', family: 'ecdsa', costNote: 'ECDSA P-256 verify' },
    hints: [],
    findings: [],
  };
}

describe('cli renderInspection', () => {
  it('pretty-prints ordinary JSON', () => {
    const text = renderInspection(inspectionWithPayload({ sub: 'a' }, '{"sub":"a"}'), PLAIN);
    assert.match(text, /Payload\n {2}\{\n {4}"sub": "a"\n {2}\}/);
  });
  it('shows the raw JSON when parsing lost a big number (fidelity)', () => {
    const raw = '{"id":12345678901234567890}';
    const text = renderInspection(inspectionWithPayload({ id: 12345678901234567000 }, raw, { lossyNumbers: [{ segment: 'payload', path: 'id', raw: '12345678901234567890' }] }), PLAIN);
    assert.ok(text.includes(raw));
    assert.match(text, /raw JSON shown/);
  });
  it('shows the raw JSON when a duplicate key was dropped', () => {
    const raw = '{"sub":"a","sub":"b"}';
    const text = renderInspection(inspectionWithPayload({ sub: 'b' }, raw, { duplicateKeys: [{ segment: 'payload', path: '', key: 'sub' }] }), PLAIN);
    assert.ok(text.includes(raw));
  });
});

describe('cli summaryLine', () => {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const NOW = Date.UTC(2026, 0, 1);
  it('is the present summary (the CodeLens title reads the same), coloured by the status tone', () => {
    const tokens = [
      `${b64({ alg: 'HS256' })}.${b64({ sub: 'a', exp: NOW / 1000 + 600 })}.c2ln`,
      `${b64({ alg: 'none' })}.${b64({ sub: 'a' })}.`,
      `${b64({ alg: 'dir', enc: 'A128GCM' })}..${b64('iv')}.${b64('ciphertext')}.${b64('tag')}`,
    ];
    for (const token of tokens) {
      const inspection = inspectToken(token, { now: NOW });
      assert.ok(inspection.ok);
      assert.equal(summaryLine(inspection.value, PLAIN), summaryText(tokenSummary(inspection.value)));
    }
    const expired = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ exp: NOW / 1000 - 3600 })}.c2ln`, { now: NOW });
    assert.ok(expired.ok);
    assert.match(summaryLine(expired.value, COLOR), /\u001b\[31mexpired 1 h ago\u001b\[0m/);
  });
});
