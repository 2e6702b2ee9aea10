/**
 * "Valid at…": the instant a user types to evaluate a token at another time than now — the
 * inspector's control and the CLI's `--now`. Total: a typed error for anything else.
 *
 * Accepted (case-insensitive, surrounding spaces ignored):
 * - `now`;
 * - ISO 8601 dates and date-times: `2026-12-01`, `2026-12-01T18:00`, `2026-12-01 18:00:30`,
 *   `2026-12-01T18:00:00.000Z`, `2026-12-01T18:00+01:00` (no zone: local time, or UTC with
 *   `utc`);
 * - relative to now: `in 2 h`, `in 90 min`, `in 1.5 h`, `in 1 day 2 h`, `2 h ago`, `+15m`,
 *   `-3d` (units s, m/min, h, d, w in short or long form);
 * - a day and a time: `today 18:00`, `yesterday 18:00`, `tomorrow 9:30`, or a bare `18:00`
 *   (today);
 * - a NumericDate: 9 to 11 digits, seconds since the epoch (as in `exp`).
 */
import { coreMessage, type MessageTextId } from './findingTexts';
import type { FindingParam, Result } from './types';

/** Why a text is not an instant. */
export interface InstantError {
  readonly code: 'ERR_INSTANT';
  readonly message: string;
  /** The message's id in core `MESSAGE_TEXTS` (`instant.*`), for the display language. */
  readonly textId: MessageTextId;
  /** The message's params: the typed text, trimmed. */
  readonly params: readonly FindingParam[];
}

/** Options of {@link parseInstant}. */
export interface InstantOptions {
  /** The current instant, ms since the epoch (what relative texts count from). */
  readonly now: number;
  /** Read zone-less dates and day times as UTC instead of local time. */
  readonly utc?: boolean;
}

/** Longest text considered (a date-time with zone and fraction is about 30 characters). */
const MAX_INSTANT_CHARS = 64;

/** Largest absolute ms value a JavaScript Date holds (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

const UNIT_MS: Readonly<Record<string, number>> = {
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  w: 604_800_000, week: 604_800_000, weeks: 604_800_000,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(z|[+-]\d{2}:?\d{2})?$/;
const DAY_TIME = /^(?:(today|yesterday|tomorrow)\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DAY_ONLY = /^(today|yesterday|tomorrow)$/;
const AMOUNT = /^(\d{1,6}(?:\.\d{1,3})?)\s*([a-z]+)$/;
const NUMERIC_DATE = /^\d{9,11}$/;

function fail(id: MessageTextId & `instant.${string}`, params: readonly FindingParam[] = []): { ok: false; error: InstantError } {
  const { message } = coreMessage(id, params);
  return { ok: false, error: { code: 'ERR_INSTANT', message, textId: id, params } };
}

function instant(ms: number): Result<number, InstantError> {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? { ok: true, value: ms } : fail('instant.outsideRange');
}

/** `2 h`, `1 day 2 h`, `90min` (after `in`, before `ago`, after `+`/`-`): total ms, or undefined. */
function duration(text: string): number | undefined {
  const parts = text.trim().split(/\s+(?=\d)/);
  if (parts.length === 0 || parts.length > 4) return undefined;
  let total = 0;
  for (const part of parts) {
    const m = AMOUNT.exec(part);
    const unit = m === null ? undefined : UNIT_MS[m[2]!];
    if (m === null || unit === undefined) return undefined;
    total += Number(m[1]) * unit;
  }
  return total;
}

/**
 * A positive duration in seconds: bare seconds (`90`) or amounts with units as in "in 2 h"
 * (`90s`, `30m`, `1.5h`, `7d`, `2w`, `1 day 2 h`); undefined for anything else, zero or
 * negative. The CLI's `--max-lifetime` reads it, as `--now` reads {@link parseInstant}.
 *
 * @example parseDuration('30m') // 1800
 */
export function parseDuration(text: string): number | undefined {
  if (typeof text !== 'string' || text.length > MAX_INSTANT_CHARS) return undefined;
  const t = text.trim().toLowerCase();
  const ms = /^\d{1,12}$/.test(t) ? Number(t) * 1000 : duration(t);
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms / 1000 : undefined;
}

/** Midnight (local or UTC) of the day `offset` days from `now`'s day, then `h:m:s` on it. */
function dayTime(now: number, offset: number, h: number, m: number, s: number, utc: boolean): number {
  const d = new Date(now);
  if (utc) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + offset, h, m, s);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + offset, h, m, s).getTime();
}

const DAY_OFFSET: Readonly<Record<string, number>> = { today: 0, yesterday: -1, tomorrow: 1 };

/**
 * The instant `text` names, in ms since the epoch (see the module comment for the forms).
 *
 * @example parseInstant('in 2 h', { now }) // { ok: true, value: now + 7_200_000 }
 * @example parseInstant('2026-12-01T18:00Z', { now }).ok === true
 */
export function parseInstant(text: string, options: InstantOptions): Result<number, InstantError> {
  if (typeof text !== 'string' || text.trim() === '') return fail('instant.empty');
  if (text.length > MAX_INSTANT_CHARS) return fail('instant.tooLong');
  if (!Number.isFinite(options.now)) return fail('instant.noClock');
  const t = text.trim().toLowerCase();
  const now = options.now;
  const utc = options.utc === true;
  if (t === 'now') return { ok: true, value: now };
  if (NUMERIC_DATE.test(t)) return instant(Number(t) * 1000);

  const iso = ISO.exec(t);
  if (iso !== null) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = iso;
    const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return fail('instant.invalidDate', [text.trim()]);
    const ms = Math.floor(Number(`0.${frac || '0'}`) * 1000);
    let value: number;
    if (zone === undefined) {
      value = utc ? Date.UTC(year, month - 1, day, hour, minute, second, ms) : new Date(year, month - 1, day, hour, minute, second, ms).getTime();
    } else {
      const offset = zone === 'z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
      value = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
    }
    // Date rolls 2026-02-30 over into March: refuse a day its month does not have.
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return fail('instant.invalidDate', [text.trim()]);
    return instant(value);
  }

  const dt = DAY_TIME.exec(t);
  if (dt !== null) {
    const [, dayWord = 'today', h, m, s = '0'] = dt;
    const [hour, minute, second] = [h, m, s].map(Number) as [number, number, number];
    if (hour > 23 || minute > 59 || second > 59) return fail('instant.invalidTime', [text.trim()]);
    return instant(dayTime(now, DAY_OFFSET[dayWord]!, hour, minute, second, utc));
  }
  const dayOnly = DAY_ONLY.exec(t);
  if (dayOnly !== null) return instant(dayTime(now, DAY_OFFSET[dayOnly[1]!]!, 0, 0, 0, utc));

  if (t.startsWith('in ')) {
    const ms = duration(t.slice(3));
    if (ms !== undefined) return instant(now + ms);
  } else if (t.endsWith(' ago')) {
    const ms = duration(t.slice(0, -4));
    if (ms !== undefined) return instant(now - ms);
  } else if (t.startsWith('+') || t.startsWith('-')) {
    const ms = duration(t.slice(1));
    if (ms !== undefined) return instant(t.startsWith('+') ? now + ms : now - ms);
  }
  return fail('instant.unknown', [text.trim()]);
}
