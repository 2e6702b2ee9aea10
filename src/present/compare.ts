/**
 * How a token comparison reads (core `compareTokens`): a one-line headline for the diff
 * editor's title, a notification or the inspector, and the detail lines `token-lens diff`
 * prints. Raw token text (names, values, `alg`, `kid`) is in the result: escape it for the
 * output (`terminalText`, `notificationText`, `labelText`).
 */
import * as l10n from '@vscode/l10n';
import type { ComparisonSummary, ExpChange, MemberChange, SideChange } from '../core';
import { kindLabel } from './kind';
import { durationText } from './time';

/** `+1 h 5 min`, `−30 min`, `±0 s`: how far a time moved (positive: later). */
export function signedDuration(sec: number): string {
  if (sec === 0 || !Number.isFinite(sec)) return sec === 0 ? '±0 s' : durationText(sec);
  return `${sec > 0 ? '+' : '−'}${durationText(sec)}`;
}

function sideText(value: string | undefined): string {
  return value === undefined ? l10n.t('(none)') : value;
}

function arrow<T>(change: SideChange<T>, text: (value: T | undefined) => string): string {
  return `${text(change.from)} → ${text(change.to)}`;
}

/** How `exp` moved: `+1 h`, `added`, `removed`, `changed` (one side not a usable date), in the display language. */
function expMove(exp: ExpChange): string {
  if (exp.movedSec !== undefined) return signedDuration(exp.movedSec);
  if (exp.from === undefined) return l10n.t('added');
  if (exp.to === undefined) return l10n.t('removed');
  return l10n.t('changed');
}

/** `exp +1 h`, `exp added`, `exp removed`, `exp changed`. */
function expWords(exp: ExpChange): string {
  return `exp ${expMove(exp)}`;
}

function countsText(summary: ComparisonSummary): string | undefined {
  const { added, removed, changed } = summary.counts;
  const parts = [added > 0 ? l10n.t('{0} added', added) : '', removed > 0 ? l10n.t('{0} removed', removed) : '', changed > 0 ? l10n.t('{0} changed', changed) : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/**
 * The comparison in one line, what matters first: `JWS → JWE · alg HS256 → RS256 · kid k1 → k2 ·
 * exp +1 h · 2 added, 1 removed, 3 changed`, or `identical header and payload`.
 *
 * @example comparisonHeadline(summary) // 'kid k1 → k2 · exp +1 h · 1 added, 2 changed'
 */
export function comparisonHeadline(summary: ComparisonSummary): string {
  if (summary.sameToken) return l10n.t('the same token');
  if (summary.identical) return l10n.t('identical header and payload (the signature differs)');
  const parts: string[] = [];
  if (summary.kind !== undefined) parts.push(arrow(summary.kind, (k) => (k === undefined ? '?' : kindLabel(k))));
  if (summary.alg !== undefined) parts.push(`alg ${arrow(summary.alg, sideText)}`);
  if (summary.kid !== undefined) parts.push(`kid ${arrow(summary.kid, sideText)}`);
  if (summary.exp !== undefined) parts.push(expWords(summary.exp));
  const counts = countsText(summary);
  if (counts !== undefined) parts.push(counts);
  // Same kind and header, both JWE: only the ciphertext differs, which cannot be read here.
  if (parts.length === 0) return l10n.t('same header; the encrypted contents differ and cannot be compared');
  return parts.join(' · ');
}

/** One change as a diff-like line: `+ payload.role: "admin"`, `- header.x5u: "…"`, `~ payload.exp: 1 → 2`. */
export function memberChangeText(change: MemberChange): string {
  const name = change.name === '' ? change.segment : `${change.segment}.${change.name}`;
  switch (change.change) {
    case 'added':
      return `+ ${name}: ${change.to ?? ''}`;
    case 'removed':
      return `- ${name}: ${change.from ?? ''}`;
    case 'changed':
      return `~ ${name}: ${change.from ?? ''} → ${change.to ?? ''}`;
  }
}

/**
 * The detail lines `token-lens diff` prints after the headline: kind, `alg`, `kid`, `exp` with
 * both dates, payload type, then one line per change and how many were left out.
 */
export function comparisonLines(summary: ComparisonSummary): string[] {
  const lines: string[] = [];
  if (summary.kind !== undefined) lines.push(`kind: ${arrow(summary.kind, (k) => (k === undefined ? '?' : kindLabel(k)))}`);
  if (summary.alg !== undefined) lines.push(`alg: ${arrow(summary.alg, sideText)}`);
  if (summary.kid !== undefined) lines.push(`kid: ${arrow(summary.kid, sideText)}`);
  const exp = summary.exp;
  if (exp !== undefined) {
    const date = (side: ExpChange['from']) => (side === undefined ? l10n.t('(none)') : (side.iso ?? String(side.raw)));
    lines.push(`exp: ${expMove(exp)} (${date(exp.from)} → ${date(exp.to)})`);
  }
  if (summary.payloadType !== undefined) lines.push(`payload: ${arrow(summary.payloadType, (t) => t ?? '?')}`);
  for (const change of summary.changes) lines.push(memberChangeText(change));
  if (summary.omittedChanges > 0) lines.push(summary.omittedChanges === 1 ? l10n.t('… 1 more change') : l10n.t('… {0} more changes', summary.omittedChanges));
  return lines;
}
