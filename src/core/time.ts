/**
 * Time facts of a token at one instant: NumericDate claims (RFC 7519 §2, §4.1.4–4.1.6),
 * status, lifetime, elapsed fraction. Pure: `now` is passed in, so the webview can recompute
 * every second without re-decoding.
 */
import { formatIso, formatRelative, formatValidIn } from './format';
import type { JsonObject, JsonValue, TimeClaim, TimeReport } from './types';

/** Largest absolute ms value a JavaScript Date holds (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;
const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;

/** Options of {@link timeReport}. */
export interface TimeOptions {
  /** Current time in ms since the epoch. */
  readonly now: number;
  /** Clock skew tolerated, seconds. Default 60. */
  readonly clockSkewSec?: number;
}

function describeInvalid(raw: JsonValue): string | undefined {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return 'not a finite number';
    if (Math.abs(raw * 1000) > MAX_DATE_MS) return 'outside the Date range';
    if (raw < 0) return 'a negative NumericDate (before 1970)';
    return undefined;
  }
  if (raw === null) return 'null, not a NumericDate';
  if (Array.isArray(raw)) return 'an array, not a NumericDate';
  return `a ${typeof raw}, not a NumericDate`;
}

function usableSeconds(claim: TimeClaim | undefined): number | undefined {
  return claim !== undefined && claim.invalid === undefined ? claim.seconds : undefined;
}

/** Reads one time claim; `undefined` when absent. Negative values are flagged but still dated. */
export function readTimeClaim(claims: JsonObject, name: TimeClaim['name']): TimeClaim | undefined {
  if (!Object.prototype.hasOwnProperty.call(claims, name)) return undefined;
  const raw = claims[name] as JsonValue;
  const invalid = describeInvalid(raw);
  if (typeof raw === 'number' && Number.isFinite(raw) && Math.abs(raw * 1000) <= MAX_DATE_MS) {
    const iso = formatIso(raw * 1000);
    // A negative NumericDate is a date, but almost certainly a bug: keep it visible as invalid.
    return invalid === undefined ? { name, raw, seconds: raw, iso } : { name, raw, seconds: raw, iso, invalid };
  }
  return { name, raw, invalid: invalid ?? 'not a NumericDate' };
}

/**
 * Time report of a claims set at `now`. Status precedence: invalid `exp`/`nbf` →
 * `invalid-claim`; `nbf` in the future (beyond skew) → `not-yet-valid`; `exp` passed (beyond
 * skew) → `expired`; no `exp` → `never-expires`; else `valid`. Pass `undefined` claims (JWE,
 * non-object payload) for `not-applicable`.
 */
export function timeReport(claims: JsonObject | undefined, options: TimeOptions): TimeReport {
  return timeReportOf(claims === undefined ? undefined : readTimeClaims(claims), options);
}

/** The time claims (`iat`, `nbf`, `exp`, `auth_time`) present in `claims`, read once (dates formatted). */
export function readTimeClaims(claims: JsonObject): readonly TimeClaim[] {
  const list: TimeClaim[] = [];
  for (const name of TIME_CLAIMS) {
    const claim = readTimeClaim(claims, name);
    if (claim !== undefined) list.push(claim);
  }
  return list;
}

/**
 * {@link timeReport} from claims already read by {@link readTimeClaims} (`undefined`: no
 * readable claims): what a cache re-evaluates at every instant without formatting dates again
 * (`toISOString` was most of a CodeLens pass over 14,000 tokens).
 */
export function timeReportOf(list: readonly TimeClaim[] | undefined, options: TimeOptions): TimeReport {
  const now = Number.isFinite(options.now) ? options.now : 0;
  const skew = options.clockSkewSec !== undefined && Number.isFinite(options.clockSkewSec) && options.clockSkewSec >= 0 ? options.clockSkewSec : 60;
  if (list === undefined) {
    return { now, status: 'not-applicable', claims: [], relative: 'no readable claims', clockSkewSec: skew, withinSkew: false };
  }
  let exp: TimeClaim | undefined;
  let nbf: TimeClaim | undefined;
  let iat: TimeClaim | undefined;
  for (const claim of list) {
    if (claim.name === 'exp') exp = claim;
    else if (claim.name === 'nbf') nbf = claim;
    else if (claim.name === 'iat') iat = claim;
  }
  const expSec = usableSeconds(exp);
  const nbfSec = usableSeconds(nbf);
  const iatSec = usableSeconds(iat);
  const skewMs = skew * 1000;
  const lifetimeSec = expSec !== undefined && iatSec !== undefined ? expSec - iatSec : undefined;
  const msToExpiry = expSec !== undefined ? expSec * 1000 - now : undefined;
  let elapsedFraction: number | undefined;
  if (lifetimeSec !== undefined && iatSec !== undefined) {
    elapsedFraction = lifetimeSec <= 0 ? 1 : Math.min(1, Math.max(0, (now - iatSec * 1000) / (lifetimeSec * 1000)));
  }
  // The report is built by plain assignment in one fixed order (now, claims, clockSkewSec, the
  // optional figures, status, relative, withinSkew): object spread of conditional parts here
  // cost more than everything else in inspectToken (a V8 slow path, ~10 µs per report).
  const report: DraftTimeReport = { now, claims: list, clockSkewSec: skew };
  if (lifetimeSec !== undefined) report.lifetimeSec = lifetimeSec;
  if (elapsedFraction !== undefined) report.elapsedFraction = elapsedFraction;
  if (msToExpiry !== undefined) report.msToExpiry = msToExpiry;
  if ((exp !== undefined && expSec === undefined) || (nbf !== undefined && nbfSec === undefined)) {
    const bad = exp !== undefined && expSec === undefined ? exp : nbf;
    return finish(report, 'invalid-claim', `${bad?.name} is ${bad?.invalid}`, false);
  }
  if (nbfSec !== undefined && nbfSec * 1000 > now) {
    if (nbfSec * 1000 - skewMs > now) {
      return finish(report, 'not-yet-valid', formatValidIn(nbfSec * 1000 - now), false);
    }
  }
  const nbfWithinSkew = nbfSec !== undefined && nbfSec * 1000 > now;
  if (msToExpiry === undefined) {
    return finish(report, 'never-expires', 'never expires', nbfWithinSkew);
  }
  if (msToExpiry < 0 && -msToExpiry > skewMs) {
    return finish(report, 'expired', formatRelative(msToExpiry), false);
  }
  return finish(report, 'valid', formatRelative(msToExpiry), nbfWithinSkew || msToExpiry < 0);
}

/** A time report under construction: the verdict fields come last, set by {@link finish}. */
interface DraftTimeReport {
  now: number;
  claims: readonly TimeClaim[];
  clockSkewSec: number;
  lifetimeSec?: number;
  elapsedFraction?: number;
  msToExpiry?: number;
  status?: TimeReport['status'];
  relative?: string;
  withinSkew?: boolean;
}

/** Sets the verdict fields, which completes the report. */
function finish(report: DraftTimeReport, status: TimeReport['status'], relative: string, withinSkew: boolean): TimeReport {
  report.status = status;
  report.relative = relative;
  report.withinSkew = withinSkew;
  return report as TimeReport;
}
