// The JWE guard settings (issue 11): tokenLens.decryption.maxPbes2Count and
// tokenLens.decryption.maxDecompressedBytes default to decrypt.ts's own defaults, are bounded,
// and an untrusted workspace cannot raise them.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_PBES2_COUNT } from '../../../src/core/decrypt';
import { boundedSetting, NUMERIC_SETTINGS, RESTRICTED_SETTINGS, restrictedValue } from '../../../src/core/settings';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default?: unknown; minimum?: number; maximum?: number }> } };
};

describe('decryption settings (JWE guards)', () => {
  it('default to the core defaults: jose\'s maxPBES2Count (10,000) and 1 MiB of inflated plaintext', () => {
    assert.equal(NUMERIC_SETTINGS['decryption.maxPbes2Count'].fallback, DEFAULT_MAX_PBES2_COUNT);
    assert.equal(NUMERIC_SETTINGS['decryption.maxDecompressedBytes'].fallback, DEFAULT_MAX_DECOMPRESSED_BYTES);
    const props = manifest.contributes.configuration.properties;
    assert.equal(props['tokenLens.decryption.maxPbes2Count']?.default, 10_000);
    assert.equal(props['tokenLens.decryption.maxDecompressedBytes']?.default, 1_048_576);
  });

  it('are clamped to their bounds: a huge p2c bound or cap cannot be set, nor a zero one', () => {
    assert.equal(boundedSetting('decryption.maxPbes2Count', 1e12), 1_000_000);
    assert.equal(boundedSetting('decryption.maxPbes2Count', 0), 1);
    assert.equal(boundedSetting('decryption.maxPbes2Count', Number.NaN), 10_000);
    assert.equal(boundedSetting('decryption.maxPbes2Count', '50000'), 10_000, 'a string is no number');
    assert.equal(boundedSetting('decryption.maxDecompressedBytes', 2 ** 40), 8 * 1024 * 1024);
    assert.equal(boundedSetting('decryption.maxDecompressedBytes', 10), 1024);
    assert.equal(boundedSetting('decryption.maxDecompressedBytes', 65_536), 65_536);
  });

  it('are restricted: in an untrusted workspace only the user\'s value counts', () => {
    assert.ok(RESTRICTED_SETTINGS.includes('decryption.maxPbes2Count'));
    assert.ok(RESTRICTED_SETTINGS.includes('decryption.maxDecompressedBytes'));
    assert.equal(restrictedValue(false, 1_000_000, { defaultValue: 10_000, workspaceValue: 1_000_000 }), 10_000);
  });
});
