import { strict as assert } from 'node:assert';
import { PLAIN, renderInspection } from '../../../src/cli/report';
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
