import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { boundedSetting, NUMERIC_SETTINGS, RESTRICTED_SETTINGS, restrictedValue } from '../../../src/core/settings';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> } };
  capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
};

describe('setting bounds (hostile workspace settings)', () => {
  it('clamps a clock skew of 1e308 to 600 s, and non-numbers to the default', () => {
    assert.equal(boundedSetting('clockSkewSeconds', 1e308), 600);
    assert.equal(boundedSetting('clockSkewSeconds', Number.POSITIVE_INFINITY), 60);
    assert.equal(boundedSetting('clockSkewSeconds', Number.NaN), 60);
    assert.equal(boundedSetting('clockSkewSeconds', '600000'), 60);
    assert.equal(boundedSetting('clockSkewSeconds', -5), 0);
    assert.equal(boundedSetting('maxLifetimeMinutes', 1e12), 525_600);
    assert.equal(boundedSetting('sizeWarningBytes', 1), 64);
  });

  it('package.json declares the same default, minimum and maximum for every numeric setting', () => {
    const props = manifest.contributes.configuration.properties;
    for (const [key, b] of Object.entries(NUMERIC_SETTINGS)) {
      const p = props[`tokenLens.${key}`];
      assert.ok(p, `tokenLens.${key} declared`);
      assert.deepEqual([p.default, p.minimum, p.maximum], [b.fallback, b.min, b.max], `tokenLens.${key}`);
    }
  });

  it('package.json restricts exactly the restricted settings in untrusted workspaces', () => {
    const u = manifest.capabilities.untrustedWorkspaces;
    assert.equal(u.supported, 'limited');
    assert.deepEqual([...(u.restrictedConfigurations ?? [])].sort(), RESTRICTED_SETTINGS.map((k) => `tokenLens.${k}`).sort());
  });

  it('an untrusted workspace cannot set a restricted value; a trusted one can', () => {
    const layers = { defaultValue: 60, globalValue: 30, workspaceValue: 1e308, workspaceFolderValue: 1e308 };
    assert.equal(restrictedValue(false, 1e308, layers), 30);
    assert.equal(restrictedValue(false, 1e308, { defaultValue: 60, workspaceValue: 1e308 }), 60);
    assert.equal(restrictedValue(true, 1e308, layers), 1e308);
  });
});
