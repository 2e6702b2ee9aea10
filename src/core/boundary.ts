/**
 * When a token's time verdict next changes: the one instant a clock needs to wake at (the next
 * `exp`/`nbf`/`iat` edge, with and without the skew), instead of re-inspecting every second.
 */
import type { TimeReport } from './types';

/**
 * The first instant after `time.now` (ms since the epoch) at which the time status, the
 * within-skew flag or a time finding (future `iat`) of this report can change; undefined when
 * none can (no usable time claim, or every edge is past).
 *
 * @example nextTimeBoundary(timeReport({ exp: 1000 }, { now: 0, clockSkewSec: 60 })) === 1_000_000
 */
export function nextTimeBoundary(time: TimeReport): number | undefined {
  const skewMs = time.clockSkewSec * 1000;
  let next: number | undefined;
  for (const claim of time.claims) {
    if (claim.seconds === undefined) continue;
    const at = claim.seconds * 1000;
    // exp: valid-within-skew from `exp`, expired after `exp + skew`; nbf: valid-within-skew from
    // `nbf − skew`, plainly valid from `nbf`; iat: no longer "in the future" from `iat − skew`.
    const edges = claim.name === 'exp' ? [at, at + skewMs] : claim.name === 'nbf' ? [at - skewMs, at] : claim.name === 'iat' ? [at - skewMs] : [];
    for (const edge of edges) if (edge > time.now && (next === undefined || edge < next)) next = edge;
  }
  return next;
}
