/**
 * Size as the surfaces write it. Summaries give exact bytes (`812 B`: what a header budget
 * counts); the cost line rounds with `formatBytes` (1 KB = 1000 B).
 */
import { formatBytes, SESSION_ID_BYTES } from '../core';
import type { SizeReport } from '../core';

/**
 * Exact bytes, for summaries: `812 B`, `20480 B`.
 *
 * @example sizeText(812) === '812 B'
 */
export function sizeText(bytes: number): string {
  return `${bytes} B`;
}

/**
 * What carrying the token costs (article reason 3): `25.4× a 32-byte session id · 812.0 MB per
 * million requests`.
 */
export function sizeCostText(size: Pick<SizeReport, 'timesSessionId' | 'bytesPerMillionRequests'>): string {
  return `${size.timesSessionId.toFixed(1)}× a ${SESSION_ID_BYTES}-byte session id · ${formatBytes(size.bytesPerMillionRequests)} per million requests`;
}

/** Labels of the size limits the token exceeds (`Cookie`, `Header line`), in report order. */
export function exceededLimits(size: Pick<SizeReport, 'limits'>): string[] {
  return size.limits.filter((l) => l.exceeded).map((l) => l.label);
}
