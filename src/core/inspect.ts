/**
 * `inspectToken`: decode + every analysis at one instant. The parts are exported separately
 * (timeReport, sizeReport, algorithmInfo, riskHints, securityFindings) so a webview can
 * recompute the time facts each second without decoding again.
 */
import { algorithmInfo } from './algorithms';
import { decodeToken } from './decoder';
import { coreMessage } from './findingTexts';
import { DEFAULT_THRESHOLDS, riskHints } from './hints';
import { securityFindings } from './security';
import { sizeReport } from './size';
import { timeReport } from './time';
import type { DecodedToken, InspectOptions, Inspection, Result, Thresholds } from './types';

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Fills missing or invalid thresholds with {@link DEFAULT_THRESHOLDS}. */
export function resolveThresholds(partial: Partial<Thresholds> | undefined): Thresholds {
  const p = partial ?? {};
  return {
    maxLifetimeSec: positive(p.maxLifetimeSec, DEFAULT_THRESHOLDS.maxLifetimeSec),
    sizeWarningBytes: positive(p.sizeWarningBytes, DEFAULT_THRESHOLDS.sizeWarningBytes),
    refreshMaxLifetimeSec: positive(p.refreshMaxLifetimeSec, DEFAULT_THRESHOLDS.refreshMaxLifetimeSec),
    maxPbes2Count: positive(p.maxPbes2Count, DEFAULT_THRESHOLDS.maxPbes2Count),
  };
}

/** Analyses an already decoded token (no re-decoding). Total. */
export function inspectDecoded(decoded: DecodedToken, options: InspectOptions = {}): Inspection {
  const now = typeof options.now === 'number' && Number.isFinite(options.now) ? options.now : Date.now();
  const clockSkewSec = positive(options.clockSkewSec, 60);
  const thresholds = resolveThresholds(options.thresholds);
  const claims = decoded.payload.type === 'claims' ? decoded.payload.claims : undefined;
  const time = timeReport(claims, { now, clockSkewSec });
  const size = sizeReport(decoded);
  const algorithm = algorithmInfo(decoded.header);
  return {
    decoded,
    time,
    size,
    algorithm,
    hints: riskHints(decoded, time, size, thresholds, algorithm),
    findings: securityFindings(decoded, time, thresholds),
  };
}

/**
 * Decodes and analyses a token at `now` (default `Date.now()`). Total: never throws.
 *
 * @example
 * const r = inspectToken(token, { now: Date.now(), clockSkewSec: 60 });
 * if (r.ok) r.value.time.relative; // 'expires in 4 min 12 s'
 */
export function inspectToken(token: string, options: InspectOptions = {}): Result<Inspection> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, value: inspectDecoded(decoded.value, options) };
  } catch {
    return { ok: false, error: { code: 'ERR_ANALYSIS_FAILED', ...coreMessage('inspect.failed') } };
  }
}
