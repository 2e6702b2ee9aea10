/**
 * Bounds of the numeric `tokenLens.*` settings: the one home of these numbers. package.json
 * declares the same `minimum`/`maximum` (a unit test keeps them equal) and `src/config.ts`
 * clamps with {@link boundedSetting}, so a workspace cannot push a threshold past a sane range
 * (a `clockSkewSeconds` of 1e308 once turned a token that expired in 2001 into "valid").
 *
 * `restricted` settings weaken verdicts when raised (skew hides expiry, a long max lifetime or a
 * big size threshold hides hints, a tiny scan limit hides files): in an untrusted workspace only
 * the user's own value counts (package.json `restrictedConfigurations`, and config.ts).
 */
export interface SettingBounds {
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
  readonly restricted: boolean;
}

export const NUMERIC_SETTINGS = {
  maxLifetimeMinutes: { fallback: 60, min: 1, max: 525_600, restricted: true },
  sizeWarningBytes: { fallback: 1024, min: 64, max: 65_536, restricted: true },
  clockSkewSeconds: { fallback: 60, min: 0, max: 600, restricted: true },
  'scan.maxFileSizeKB': { fallback: 2048, min: 1, max: 102_400, restricted: true },
  // JWE guards (decrypt.ts DEFAULT_MAX_PBES2_COUNT, DEFAULT_MAX_DECOMPRESSED_BYTES): a workspace
  // that raised them could make a token decide how long a hover takes or how much it inflates.
  'decryption.maxPbes2Count': { fallback: 10_000, min: 1, max: 1_000_000, restricted: true },
  'decryption.maxDecompressedBytes': { fallback: 1_048_576, min: 1024, max: 8_388_608, restricted: true },
} as const satisfies Readonly<Record<string, SettingBounds>>;

export type NumericSetting = keyof typeof NUMERIC_SETTINGS;

/** Settings (besides the numeric ones) honoured from the workspace only when it is trusted. */
export const RESTRICTED_SETTINGS: readonly string[] = [
  ...Object.entries(NUMERIC_SETTINGS).filter(([, b]) => b.restricted).map(([k]) => k),
  'diagnostics.scope',
];

/**
 * A setting's value within its bounds: not a finite number → the default; below the minimum →
 * the minimum; above the maximum → the maximum.
 *
 * @example boundedSetting('clockSkewSeconds', 1e308) === 600
 */
export function boundedSetting(key: NumericSetting, value: unknown): number {
  const b: SettingBounds = NUMERIC_SETTINGS[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) return b.fallback;
  return Math.min(b.max, Math.max(b.min, value));
}

/** The layers of one setting as `WorkspaceConfiguration.inspect` reports them. */
export interface SettingLayers<T> {
  readonly defaultValue?: T;
  readonly globalValue?: T;
  readonly workspaceValue?: T;
  readonly workspaceFolderValue?: T;
  readonly workspaceFolderLanguageValue?: T;
  readonly workspaceLanguageValue?: T;
  readonly globalLanguageValue?: T;
}

/**
 * The value to use for a restricted setting: in a trusted workspace the effective value
 * (`effective`); in an untrusted one the user's (global) value, else the default — never a
 * value the workspace wrote.
 */
export function restrictedValue<T>(trusted: boolean, effective: T | undefined, layers: SettingLayers<T> | undefined): T | undefined {
  if (trusted) return effective;
  return layers?.globalLanguageValue ?? layers?.globalValue ?? layers?.defaultValue;
}
