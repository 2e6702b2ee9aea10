/**
 * The severity order and the severity icons. Most severe first everywhere: hover and tree
 * lists, the inspector, and the CLI's `--fail-on` threshold ("this level or worse").
 */
import type { Finding, Severity } from '../core';
import type { Tone } from './tone';
import * as l10n from '@vscode/l10n';

/** Every severity, most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** 0 for the most severe (`error`), growing towards `info`. */
function rank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/**
 * Orders severities most severe first (an `Array.prototype.sort` comparator).
 *
 * @example ['info', 'error'].sort(compareSeverity) // ['error', 'info']
 */
export function compareSeverity(a: Severity, b: Severity): number {
  return rank(a) - rank(b);
}

/** Whether `severity` is `level` or more severe (`atLeast('error', 'warning') === true`). */
export function atLeast(severity: Severity, level: Severity): boolean {
  return rank(severity) <= rank(level);
}

/** A sorted copy of `findings`, most severe first; equal severities keep their order. */
export function bySeverity<T extends Pick<Finding, 'severity'>>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => compareSeverity(a.severity, b.severity));
}

/** How many findings there are of each severity. */
export function severityCounts(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Codicon of a severity (`$(error)`, `$(warning)`, `$(info)`). */
export function severityIcon(severity: Severity): 'error' | 'warning' | 'info' {
  return severity;
}

/**
 * A severity in words, said beside its icon wherever one is drawn (hover, tree rows), so no
 * meaning rests on an icon or a colour alone.
 *
 * @example severityLabel('warning') === 'Warning'
 */
export function severityLabel(severity: Severity): string {
  return severity === 'error' ? l10n.t('Error') : severity === 'warning' ? l10n.t('Warning') : l10n.t('Info');
}

/** Tone of a severity (its colour in the tree, the inspector and the terminal). */
export function severityTone(severity: Severity): Tone {
  return severity;
}
