/**
 * Size as the surfaces write it. Summaries give exact bytes (`812 B`: what a header budget
 * counts), and so do limits (`4096 B (4 KiB)`: a rounded decimal "4.1 KB" misstates a limit of
 * 4096 bytes); the cost line rounds with `formatBytes` (1 KB = 1000 B).
 */
import * as l10n from '@vscode/l10n';
import { formatBytes, SESSION_ID_BYTES } from '../core';
import type { SizeLimit, SizeReport } from '../core';
import { displayLanguageOf, numberText } from './locale';

/** The decimal units of {@link bytesText}, as Intl names them. */
const BYTE_UNITS: readonly [number, 'kilobyte' | 'megabyte' | 'gigabyte'][] = [[1_000_000_000, 'gigabyte'], [1_000_000, 'megabyte'], [1000, 'kilobyte']];

/**
 * A rounded size in the display language (`4,1 kB`, `297 MB`, `812 Byte` in German, through
 * Intl); unconfigured, the core's `formatBytes` (`4.1 KB`, `812 B`). 1 kB = 1000 B.
 *
 * @example bytesText(4096) === '4.1 KB' // unconfigured
 */
export function bytesText(bytes: number): string {
  const language = displayLanguageOf();
  if (language === undefined || !Number.isFinite(bytes)) return formatBytes(bytes);
  const [size, unit] = BYTE_UNITS.find(([size]) => bytes >= size) ?? [1, 'byte' as const];
  const digits = size === 1 ? 0 : 1;
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(bytes / size);
}

/**
 * Exact bytes, for summaries: `812 B`, `20480 B` (`20.480 B` in German: digits in the display language).
 *
 * @example sizeText(812) === '812 B'
 */
export function sizeText(bytes: number): string {
  return `${numberText(bytes)} B`;
}

/**
 * What carrying the token costs (article reason 3): `25.4× a 32-byte session id · 812.0 MB per
 * million requests`.
 */
export function sizeCostText(size: Pick<SizeReport, 'timesSessionId' | 'bytesPerMillionRequests'>): string {
  const times = displayLanguageOf() === undefined ? size.timesSessionId.toFixed(1) : numberText(size.timesSessionId, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return l10n.t('{0}× a {1}-byte session id · {2} per million requests', times, SESSION_ID_BYTES, bytesText(size.bytesPerMillionRequests));
}

/**
 * A limit in exact bytes, with its size in KiB when it is a whole number of them.
 *
 * @example limitText(4096) === '4096 B (4 KiB)'
 * @example limitText(8190) === '8190 B'
 */
export function limitText(bytes: number): string {
  return bytes >= 1024 && bytes % 1024 === 0 ? `${numberText(bytes)} B (${numberText(bytes / 1024)} KiB)` : `${numberText(bytes)} B`;
}

/** What each limit is called in a sentence, with its size (`{0}`), in the display language. */
function limitPhrase(id: SizeLimit['id'], size: string): string {
  switch (id) {
    case 'cookie':
      return l10n.t('the cookie limit of {0}', size);
    case 'header-line':
      return l10n.t('the header-line limit of {0}', size);
    default:
      return l10n.t('the limit for all request headers together of {0}', size);
  }
}

/** `a, b and c`: in English as before, in another language through Intl.ListFormat. */
function listText(parts: readonly string[]): string {
  const language = displayLanguageOf();
  if (language !== undefined && parts.length > 1) return new Intl.ListFormat(language, { type: 'conjunction' }).format(parts);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/**
 * The limits a token exceeds as one phrase naming each limit and its size, or `undefined` when
 * it exceeds none.
 *
 * @example exceededLimitsText(size) === 'over the cookie limit of 4096 B (4 KiB)'
 * @example exceededLimitsText(big) === 'over the cookie limit of 4096 B (4 KiB) and the header-line limit of 8190 B'
 */
export function exceededLimitsText(size: Pick<SizeReport, 'limits'>): string | undefined {
  const parts = size.limits.filter((l) => l.exceeded).map((l) => limitPhrase(l.id, limitText(l.bytes)));
  if (parts.length === 0) return undefined;
  return l10n.t('over {0}', listText(parts));
}

/** Labels of the size limits the token exceeds (`Cookie`, `Header line`), in report order. */
export function exceededLimits(size: Pick<SizeReport, 'limits'>): string[] {
  return size.limits.filter((l) => l.exceeded).map((l) => l.label);
}
