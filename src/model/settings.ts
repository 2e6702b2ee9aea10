import * as vscode from 'vscode';
import type { DecryptOptions, InspectOptions } from '../core';
import { boundedSetting, restrictedValue, RESTRICTED_SETTINGS, type NumericSetting } from '../core/settings';

/** The `tokenLens.*` settings, read once per use and passed down as an options object. */
export interface TokenLensSettings {
  readonly hoverEnabled: boolean;
  readonly diagnosticsScope: 'off' | 'httpFiles' | 'allFiles';
  readonly codeLensEnabled: boolean;
  readonly maxLifetimeMinutes: number;
  readonly sizeWarningBytes: number;
  readonly clockSkewSeconds: number;
  readonly timeDisplay: 'local' | 'utc';
  readonly inspectorFollowCursor: boolean;
  readonly statusBarEnabled: boolean;
  readonly scanMaxFileSizeKB: number;
  /** `tokenLens.decryption.maxPbes2Count`: a PBES2 JWE over it is refused before any key derivation. */
  readonly decryptionMaxPbes2Count: number;
  /** `tokenLens.decryption.maxDecompressedBytes`: the cap of a `zip: "DEF"` plaintext. */
  readonly decryptionMaxDecompressedBytes: number;
}

export const SETTINGS_SECTION = 'tokenLens';

/**
 * Reads the settings for `scope` (a document URI for language/folder overrides). Numbers are
 * clamped to their bounds (`core/settings.ts`); restricted settings ignore workspace values in
 * an untrusted workspace.
 */
export function readSettings(scope?: vscode.ConfigurationScope): TokenLensSettings {
  // Every setting is resource-scoped: `null` asks for "any resource" explicitly (no scope at all
  // makes VS Code log a warning per read).
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
  const trusted = vscode.workspace.isTrusted;
  const get = <T>(key: string): T | undefined =>
    RESTRICTED_SETTINGS.includes(key) ? restrictedValue<T>(trusted, c.get<T>(key), c.inspect<T>(key)) : c.get<T>(key);
  const num = (key: NumericSetting): number => boundedSetting(key, get<number>(key));
  const scopeValue = get<string>('diagnostics.scope') ?? 'httpFiles';
  return {
    hoverEnabled: c.get<boolean>('hover.enabled', true) !== false,
    diagnosticsScope: scopeValue === 'off' || scopeValue === 'allFiles' ? scopeValue : 'httpFiles',
    codeLensEnabled: c.get<boolean>('codeLens.enabled', true) !== false,
    maxLifetimeMinutes: num('maxLifetimeMinutes'),
    sizeWarningBytes: num('sizeWarningBytes'),
    clockSkewSeconds: num('clockSkewSeconds'),
    timeDisplay: c.get<string>('timeDisplay', 'local') === 'utc' ? 'utc' : 'local',
    inspectorFollowCursor: c.get<boolean>('inspector.followCursor', true) !== false,
    statusBarEnabled: c.get<boolean>('statusBar.enabled', true) !== false,
    scanMaxFileSizeKB: num('scan.maxFileSizeKB'),
    decryptionMaxPbes2Count: num('decryption.maxPbes2Count'),
    decryptionMaxDecompressedBytes: num('decryption.maxDecompressedBytes'),
  };
}

/** Core inspection options derived from the settings. */
export function inspectOptions(settings: TokenLensSettings, now: number = Date.now()): InspectOptions {
  return {
    now,
    clockSkewSec: settings.clockSkewSeconds,
    thresholds: {
      maxLifetimeSec: settings.maxLifetimeMinutes * 60,
      sizeWarningBytes: settings.sizeWarningBytes,
      // TL214 says what decryption refuses: the same bound.
      maxPbes2Count: settings.decryptionMaxPbes2Count,
    },
  };
}

/** Core decryption options (the JWE guards) derived from the settings. */
export function decryptOptions(settings: TokenLensSettings, now: number = Date.now()): DecryptOptions {
  return {
    maxPbes2Count: settings.decryptionMaxPbes2Count,
    maxDecompressedBytes: settings.decryptionMaxDecompressedBytes,
    inspect: inspectOptions(settings, now),
  };
}

/** True when a change event touches any Token Lens setting. */
export function affectsTokenLens(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SETTINGS_SECTION);
}
