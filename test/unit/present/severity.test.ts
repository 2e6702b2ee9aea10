import { strict as assert } from 'node:assert';
import type { Severity } from '../../../src/core';
import { atLeast, bySeverity, compareSeverity, SEVERITIES, severityCounts, severityIcon, severityTone } from '../../../src/present/severity';

describe('present/severity', () => {
  it('orders most severe first', () => {
    assert.deepEqual(SEVERITIES, ['error', 'warning', 'info']);
    assert.deepEqual((['info', 'error', 'warning', 'info'] as Severity[]).sort(compareSeverity), ['error', 'warning', 'info', 'info']);
  });
  it('atLeast reads "this level or worse" (the CLI --fail-on threshold)', () => {
    assert.equal(atLeast('error', 'warning'), true);
    assert.equal(atLeast('warning', 'warning'), true);
    assert.equal(atLeast('info', 'warning'), false);
    assert.equal(atLeast('warning', 'error'), false);
    for (const s of SEVERITIES) assert.equal(atLeast(s, 'info'), true);
  });
  it('bySeverity sorts a copy and keeps the order of equal severities', () => {
    const findings = [
      { code: 'a', severity: 'info' },
      { code: 'b', severity: 'warning' },
      { code: 'c', severity: 'error' },
      { code: 'd', severity: 'warning' },
    ] as const;
    assert.deepEqual(bySeverity(findings).map((f) => f.code), ['c', 'b', 'd', 'a']);
    assert.deepEqual(findings.map((f) => f.code), ['a', 'b', 'c', 'd'], 'input untouched');
  });
  it('counts each severity', () => {
    assert.deepEqual(severityCounts([{ severity: 'warning' }, { severity: 'warning' }, { severity: 'info' }]), { error: 0, warning: 2, info: 1 });
  });
  it('gives each severity its codicon and tone', () => {
    assert.deepEqual(SEVERITIES.map(severityIcon), ['error', 'warning', 'info']);
    assert.deepEqual(SEVERITIES.map(severityTone), ['error', 'warning', 'info']);
  });
});
