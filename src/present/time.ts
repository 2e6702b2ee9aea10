/**
 * Time as the surfaces write it: the relative text of a summary, the inspector's second-by-
 * second countdown, absolute instants, and the measured cost of one verification. Pure: `now`
 * comes in with the report, never from a clock here.
 */
import { durationParts, formatDuration } from '../core';
import type { DurationUnit, TimeReport, TokenKind, VerificationTiming } from '../core';
import * as l10n from '@vscode/l10n';
import { dateLocale, displayLanguageOf, numberText, relativeText } from './locale';

/** The parts of a time report the relative text is made of. */
type RelativeTime = Pick<TimeReport, 'status' | 'relative' | 'msToExpiry' | 'claims' | 'now'>;

/**
 * What a JWE's time status reads: its claims are encrypted, so nothing is known of its expiry
 * (it is not "never expires", and not "no time claims").
 */
export const ENCRYPTED_TIME_TEXT = 'expiry unknown (encrypted)';

/**
 * The time part of a one-line summary (`expires in 12 min`, `expired 3 days ago`, `valid in
 * 2 h`, `never expires`, `expiry unknown (encrypted)` for a JWE), or `undefined` when the token
 * has no time claims to speak of.
 */
export function timeText(time: RelativeTime, kind?: TokenKind): string | undefined {
  if (kind === 'jwe') return l10n.t('expiry unknown (encrypted)');
  return time.status === 'not-applicable' ? undefined : relativeText(time);
}

/**
 * The time status as a surface says it in words (status bar, tree rows): the relative text, or
 * {@link ENCRYPTED_TIME_TEXT} for a JWE.
 */
export function statusWords(time: RelativeTime, kind: TokenKind): string {
  return kind === 'jwe' ? l10n.t('expiry unknown (encrypted)') : relativeText(time);
}

/** Years and days are written out (`30 Tage`), hours, minutes and seconds short (`1 Std. 5 Min.`), as the English `30 days`, `1 h 5 min`. */
const LONG_UNITS: ReadonlySet<DurationUnit> = new Set(['year', 'day']);

/**
 * A duration in seconds as at most two units in the display language (`1 Std. 5 Min.`,
 * `30 Tage`, through Intl); unconfigured, the core's `formatDuration` (`1 h 5 min`, `30 days`).
 *
 * @example durationText(3900) === '1 h 5 min' // unconfigured
 */
export function durationText(seconds: number): string {
  const language = displayLanguageOf();
  if (language === undefined) return formatDuration(seconds);
  const parts = durationParts(seconds);
  if (parts === undefined) return l10n.t('an unbounded time');
  return parts.map((p) => new Intl.NumberFormat(language, { style: 'unit', unit: p.unit, unitDisplay: LONG_UNITS.has(p.unit) ? 'long' : 'short' }).format(p.value)).join(' ');
}

/**
 * `hh:mm:ss` of a duration (sign ignored), with whole days in front when longer: unlike the
 * rounded relative text it changes every second.
 *
 * @example clockText(90_061_000) === '1 d 01:01:01'
 */
export function clockText(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days} d ${hms}` : hms;
}

/**
 * The countdown line of a time report: `expires in 00:11:59`, `valid in 01:00:00`,
 * `no exp: never expires`, else the relative text (`expired 11 min 29 s ago`: a clock reading
 * followed by "ago" reads as a time of day).
 */
export function countdownText(report: TimeReport): string {
  if (report.status === 'never-expires') return 'no exp: never expires';
  if (report.status === 'not-yet-valid') {
    const nbf = report.claims.find((c) => c.name === 'nbf')?.seconds;
    return nbf !== undefined ? `valid in ${clockText(nbf * 1000 - report.now)}` : report.relative;
  }
  if (report.msToExpiry !== undefined && report.msToExpiry >= 0) return `expires in ${clockText(report.msToExpiry)}`;
  return report.relative;
}

/**
 * A NumericDate (seconds since the epoch) as an instant: ISO 8601 in UTC without zero
 * milliseconds, or the runtime's local date and time; `outside the Date range` when no Date
 * holds it.
 *
 * @example absoluteTimeText(0, 'utc') === '1970-01-01T00:00:00Z'
 */
export function absoluteTimeText(seconds: number, display: 'local' | 'utc'): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return 'outside the Date range';
  return display === 'utc' ? date.toISOString().replace('.000Z', 'Z') : date.toLocaleString(dateLocale(), { dateStyle: 'medium', timeStyle: 'long' });
}

/**
 * A NumericDate as a fixed instant for text that stays on screen while time passes (Problems
 * entries): `2026-12-01 13:05:00 UTC`, or the runtime's local date and time with its zone.
 * Unlike "expired 1 min ago" it is still true when read later.
 *
 * @example instantText(1_796_130_300, 'utc') === '2026-12-01 13:05:00 UTC'
 */
export function instantText(seconds: number, display: 'local' | 'utc'): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) return 'a time outside the Date range';
  if (display === 'local') return date.toLocaleString(dateLocale(), { dateStyle: 'medium', timeStyle: 'long' });
  return date.toISOString().replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/**
 * What one verification of this token costs on this machine (article reason 5).
 *
 * @example verificationTimingText({ alg: 'HS256', medianMs: 0.052, runs: 7, verified: true }) === '0.052 ms per HS256 verification (median of 7, this machine)'
 */
export function verificationTimingText(timing: VerificationTiming): string {
  const digits = timing.medianMs < 0.1 ? 3 : 2;
  // German digits (`0,052`) when a display language is configured; the English as before.
  const ms = displayLanguageOf() === undefined ? timing.medianMs.toFixed(digits) : numberText(timing.medianMs, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return l10n.t('{0} ms per {1} verification (median of {2}, this machine)', ms, timing.alg, timing.runs);
}

/**
 * A duration as a screen reader should say it: whole minutes at most (the announcement changes
 * once a minute, not every second), two units in words (`14 minutes`, `1 hour 5 minutes`,
 * `3 days 4 hours`), `less than a minute` below one; the sign is ignored.
 *
 * @example spokenDuration(14 * 60_000 + 59_000) === '14 minutes'
 */
export function spokenDuration(ms: number): string {
  if (!Number.isFinite(ms)) return l10n.t('an unbounded time');
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes === 0) return l10n.t('less than a minute');
  const units: [number, DurationUnit][] = [[525_600, 'year'], [1440, 'day'], [60, 'hour'], [1, 'minute']];
  const parts: string[] = [];
  const language = displayLanguageOf();
  let rest = minutes;
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      // In the display language through Intl, the unit written out (`14 Minuten`, `1 Stunde`).
      parts.push(language === undefined ? `${n} ${name}${n === 1 ? '' : 's'}` : new Intl.NumberFormat(language, { style: 'unit', unit: name, unitDisplay: 'long' }).format(n));
      rest -= n * size;
      if (parts.length === 2) break;
    } else if (parts.length > 0) break; // "1 day 0 hours" reads worse than "1 day"
  }
  return parts.join(' ');
}

/**
 * What the live region tells apart: the time statuses, and a token past `exp` that the clock
 * skew still accepts (crossing `exp` is said at once, though the status stays `valid`).
 */
export type AnnouncedState = TimeReport['status'] | 'within-skew' | 'encrypted';

/**
 * What the inspector's polite live region says about a token's time (`Expires in 14 minutes`,
 * `Expired 3 hours ago`, `Valid in 2 hours`, `Never expires`) and the state it is in:
 * minute-grained, so that the region changes at most once a minute while the visible countdown
 * ticks every second.
 */
export function countdownAnnouncement(report: TimeReport, kind?: TokenKind): { state: AnnouncedState; text: string } {
  // Through l10n.t: the inspector page configures present/locale with these words (its strings table).
  if (kind === 'jwe') return { state: 'encrypted', text: l10n.t('Expiry unknown (encrypted)') };
  switch (report.status) {
    case 'never-expires':
      return { state: report.status, text: l10n.t('Never expires: the token has no exp claim') };
    case 'not-yet-valid': {
      const nbf = report.claims.find((c) => c.name === 'nbf')?.seconds;
      return { state: report.status, text: nbf !== undefined ? l10n.t('Not yet valid: valid in {0}', spokenDuration(nbf * 1000 - report.now)) : l10n.t('Not yet valid: {0}', relativeText(report)) };
    }
    case 'valid':
      if (report.msToExpiry === undefined) return { state: report.status, text: l10n.t('Valid') };
      return report.msToExpiry >= 0
        ? { state: report.status, text: l10n.t('Expires in {0}', spokenDuration(report.msToExpiry)) }
        : { state: 'within-skew', text: l10n.t('Expired {0} ago, still accepted within the clock skew', spokenDuration(report.msToExpiry)) };
    case 'expired':
      return { state: report.status, text: report.msToExpiry !== undefined ? l10n.t('Expired {0} ago', spokenDuration(report.msToExpiry)) : l10n.t('Expired') };
    default: {
      const relative = relativeText(report);
      return { state: report.status, text: relative.charAt(0).toUpperCase() + relative.slice(1) };
    }
  }
}

/** What the live region last said, about which token (at which instant), and when. */
export interface Announcement {
  /** The token and the instant it is evaluated at: another subject is a change of state. */
  readonly subject: string;
  readonly state: AnnouncedState;
  readonly text: string;
  /** Wall-clock ms when it was said. */
  readonly at: number;
}

/** The live region speaks at most this often while nothing but the time left changes. */
export const ANNOUNCEMENT_INTERVAL_MS = 60_000;

/**
 * The live region's next text, or `undefined` to leave it as it is: a change of token, instant
 * or state (expired, past `exp` within the skew, becomes valid) is said at once; a new
 * minute-grained text only when the last announcement is {@link ANNOUNCEMENT_INTERVAL_MS} old.
 * Pure: `now` is the caller's clock.
 */
export function nextAnnouncement(last: Announcement | undefined, next: Omit<Announcement, 'at'>, now: number): Announcement | undefined {
  if (last === undefined || last.subject !== next.subject || last.state !== next.state) return { ...next, at: now };
  if (last.text === next.text || now - last.at < ANNOUNCEMENT_INTERVAL_MS) return undefined;
  return { ...next, at: now };
}
