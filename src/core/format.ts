/**
 * Human-readable durations and relative times, shared by the hover, webview, tree and CLI.
 */

/** The units a duration is written in, largest first. */
export type DurationUnit = 'year' | 'day' | 'hour' | 'minute' | 'second';

const UNITS: readonly { readonly sec: number; readonly unit: DurationUnit }[] = [
  { sec: 365 * 86400, unit: 'year' },
  { sec: 86400, unit: 'day' },
  { sec: 3600, unit: 'hour' },
  { sec: 60, unit: 'minute' },
  { sec: 1, unit: 'second' },
];
const WORDS: Readonly<Record<DurationUnit, string>> = { year: 'year', day: 'day', hour: 'h', minute: 'min', second: 's' };

function plural(n: number, unit: string): string {
  // Only spelled-out units take a plural: "3 days", but "5 min", "2 h".
  return unit === 'year' || unit === 'day' ? `${n} ${unit}${n === 1 ? '' : 's'}` : `${n} ${unit}`;
}

/**
 * A duration in seconds as at most two whole units, largest first (`[{ value: 1, unit: 'hour' },
 * { value: 5, unit: 'minute' }]`), the words of {@link formatDuration} for every language;
 * `undefined` for a non-finite duration. Negative values use their magnitude.
 */
export function durationParts(sec: number): { readonly value: number; readonly unit: DurationUnit }[] | undefined {
  if (!Number.isFinite(sec)) return undefined;
  let rest = Math.floor(Math.abs(sec));
  if (rest === 0) return [{ value: 0, unit: 'second' }];
  const parts: { value: number; unit: DurationUnit }[] = [];
  for (const unit of UNITS) {
    const n = Math.floor(rest / unit.sec);
    if (n > 0) {
      parts.push({ value: n, unit: unit.unit });
      if (parts.length === 2) break;
      rest -= n * unit.sec;
    } else if (parts.length > 0) break; // "1 day 0 h" reads worse than "1 day"
  }
  return parts;
}

/**
 * A duration in seconds as at most two units: `30 days`, `1 h 5 min`, `4 min 12 s`, `0 s`.
 * Total: negative values use their magnitude, non-finite values give `an unbounded time`.
 *
 * @example formatDuration(3900) // '1 h 5 min'
 */
export function formatDuration(sec: number): string {
  const parts = durationParts(sec);
  if (parts === undefined) return 'an unbounded time';
  return parts.map((p) => plural(p.value, WORDS[p.unit])).join(' ');
}

/**
 * Relative expiry text for `ms` until expiry (negative = already expired):
 * `expires in 4 min 12 s`, `expired 3 days ago`.
 *
 * @example formatRelative(-3 * 86400_000) // 'expired 3 days ago'
 */
export function formatRelative(ms: number): string {
  if (!Number.isFinite(ms)) return 'never expires';
  const sec = Math.trunc(ms / 1000);
  if (ms >= 0) return sec === 0 ? 'expires now' : `expires in ${formatDuration(sec)}`;
  return sec === 0 ? 'expired just now' : `expired ${formatDuration(sec)} ago`;
}

/** Relative text for a future start (`nbf`): `valid in 2 h`. */
export function formatValidIn(ms: number): string {
  return `valid in ${formatDuration(Math.max(1, Math.ceil(ms / 1000)))}`;
}

/** Bytes as `812 B`, `4.1 KB`, `2.3 MB` (1 KB = 1000 B, as network budgets are counted). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return `${bytes} B`;
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  if (bytes < 1_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

/** Largest absolute ms value a JavaScript Date holds (ECMA-262 §21.4.1.1). */
const MAX_DATE_MS = 8.64e15;

/**
 * `new Date(ms).toISOString()` (ECMA-262 §21.4.4.36, extended `±YYYYYY` years outside
 * 0000–9999), made total: outside the Date range (or not finite) gives `Invalid Date`, where
 * `toISOString` would throw.
 *
 * @example formatIso(1_700_000_000_000) // '2023-11-14T22:13:20.000Z'
 */
export function formatIso(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) return 'Invalid Date';
  return new Date(ms).toISOString();
}

// C0 and C1 controls and DEL: a terminal or a notification would act on them (ESC, BEL, CSI).
const QUOTE_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A value from a token, a key file or a library's error message, made safe to embed in one
 * sentence: cut to `max` characters (`…` included), control characters written as `\uXXXX`.
 * The one home for quoting such text in core messages and findings' evidence. Total.
 *
 * @example quoteText('\u001b]8;;http://evil/\u0007' + 'X'.repeat(99), 32) // '\\u001b]8;;http://evil/\\u0007XXX…'
 */
export function quoteText(value: unknown, max = 80): string {
  let s: string;
  try {
    s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    s = typeof value;
  }
  const limit = Number.isSafeInteger(max) && max >= 2 ? max : 2;
  const escaped = (s.length > limit ? s.slice(0, limit) : s).replace(QUOTE_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (s.length <= limit && escaped.length <= limit) return escaped;
  let end = limit - 1;
  const code = escaped.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${escaped.slice(0, end)}…`;
}
