import { strict as assert } from 'node:assert';
import { formatDuration, PLAIN, renderInspection } from '../../../src/cli/report';
import type { Inspection } from '../../../src/core/types';

function inspectionWithPayload(claims: Record<string, number | string>, json: string): Inspection {
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
    const text = renderInspection(inspectionWithPayload({ id: 12345678901234567000 }, raw), PLAIN);
    assert.ok(text.includes(raw));
    assert.match(text, /raw JSON shown/);
  });
  it('shows the raw JSON when a duplicate key was dropped', () => {
    const raw = '{"sub":"a","sub":"b"}';
    const text = renderInspection(inspectionWithPayload({ sub: 'b' }, raw), PLAIN);
    assert.ok(text.includes(raw));
  });
});

describe('cli formatDuration', () => {
  const cases: [number, string][] = [
    [45, '45 s'],
    [1800, '30 min'],
    [3725, '1 h 2 min'],
    [86400 * 30, '30 d'],
    [90000, '1 d 1 h'],
  ];
  for (const [seconds, text] of cases) it(`${seconds} s → ${text}`, () => assert.equal(formatDuration(seconds), text));
});
