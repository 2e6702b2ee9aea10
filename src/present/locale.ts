/**
 * The display language of text built here. English is the default and the CLI's only language:
 * until {@link configureLocale} runs, `l10n.t` returns the English text and relative times are the
 * core's own words, byte for byte. The extension configures it once at activation with the
 * bundle VS Code loaded for the display language (`vscode.l10n.bundle`, node and web hosts).
 */
import * as l10n from '@vscode/l10n';
import { formatRelative } from '../core';
import type { TimeReport } from '../core';

// The language sits beside @vscode/l10n's own (module-wide) bundle: both are set once per process.
let displayLanguage: string | undefined;

/**
 * Makes `t` and the Intl formats of this module speak `language` with `bundle` (the messages of
 * `l10n/bundle.l10n.<language>.json`). An English language or no bundle keeps the English text.
 */
export function configureLocale(language: string, bundle: Record<string, string | { message: string; comment: string[] }> | undefined): void {
  if (bundle === undefined || /^en\b/i.test(language)) {
    // Back to English (a test that configured another language, then the CLI's default).
    if (displayLanguage !== undefined) l10n.config({ contents: {} });
    displayLanguage = undefined;
    return;
  }
  l10n.config({ contents: bundle });
  displayLanguage = language;
}

/** The display language for Intl date formats: `undefined` (the runtime's own) when unconfigured. */
export function dateLocale(): string | undefined {
  return displayLanguage;
}

/** The configured display language, `undefined` while the text is the core's English. */
export function displayLanguageOf(): string | undefined {
  return displayLanguage;
}

/**
 * A number in the display language's digits and grouping (`4.096` in German); unconfigured, as
 * the core writes it (`4096`).
 *
 * @example numberText(4096) === '4096' // unconfigured
 */
export function numberText(n: number, options?: Intl.NumberFormatOptions): string {
  if (displayLanguage === undefined || !Number.isFinite(n)) return String(n);
  return new Intl.NumberFormat(displayLanguage, options).format(n);
}

const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [['year', 365 * 86_400_000], ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1000]];

/** `in 4 Min.`, `vor 3 Tagen`: the largest whole unit, through Intl in the display language. */
function relative(ms: number, language: string): string {
  const [unit, size] = RELATIVE_UNITS.find(([, size]) => Math.abs(ms) >= size) ?? RELATIVE_UNITS[RELATIVE_UNITS.length - 1]!;
  return new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' }).format(Math.trunc(ms / size), unit);
}

/**
 * An instant `ms` from now, as the inspector writes it beside a date: `in 5 min`, `3 days ago`
 * (`in 5 Min.`, `vor 3 Tagen` in German, through Intl); unconfigured, the core's English words.
 *
 * @example relativeTimeText(-3 * 86_400_000) === '3 days ago' // unconfigured
 */
export function relativeTimeText(ms: number): string {
  const language = displayLanguage;
  if (language === undefined || !Number.isFinite(ms)) return formatRelative(ms).replace(/^expires in /, 'in ').replace(/^expired /, '');
  return relative(ms, language);
}

/**
 * The relative time of a report in the display language (`läuft in 12 Min. ab`); in English (not
 * configured) the report's own text, `expires in 12 min`. Core texts with no translation here
 * (an invalid claim's reason) stay as the core wrote them.
 */
export function relativeText(time: Pick<TimeReport, 'status' | 'relative' | 'msToExpiry' | 'claims' | 'now'>): string {
  const language = displayLanguage;
  if (language === undefined) return time.relative;
  switch (time.status) {
    case 'never-expires':
      return l10n.t('never expires');
    case 'not-yet-valid': {
      const nbf = time.claims.find((c) => c.name === 'nbf')?.seconds;
      return nbf === undefined ? time.relative : l10n.t('valid {0}', relative(Math.max(1000, nbf * 1000 - time.now), language));
    }
    case 'valid':
    case 'expired': {
      const ms = time.msToExpiry;
      if (ms === undefined || !Number.isFinite(ms)) return time.relative;
      if (Math.trunc(ms / 1000) === 0) return ms >= 0 ? l10n.t('expires now') : l10n.t('expired just now');
      return ms >= 0 ? l10n.t('expires {0}', relative(ms, language)) : l10n.t('expired {0}', relative(ms, language));
    }
    default:
      return time.relative;
  }
}
