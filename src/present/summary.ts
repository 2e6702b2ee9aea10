/**
 * The one-line token summary, `JWS · RS256 · expires in 12 min · 812 B`: the CodeLens title,
 * the tree tooltip, the CLI's summary and scan lines. Built from parts so each surface can
 * escape (and the CLI colour) the token text in it.
 */
import type { Glance, Inspection, TimeStatus, TokenError } from '../core';
import * as l10n from '@vscode/l10n';
import { labelText } from './escape';
import { messageText } from './findingText';
import { kindLabel, type KindLabel } from './kind';
import { sizeText } from './size';
import { timeText } from './time';

/** The header's `alg` when it is a string (token text), else `undefined`. */
export function headerAlg(header: Readonly<Record<string, unknown>>): string | undefined {
  return typeof header.alg === 'string' ? header.alg : undefined;
}

/** The parts of a summary line; `alg` and `time` are text to escape for the output. */
export interface TokenSummary {
  readonly kind: KindLabel;
  /** The header's `alg`, `?` when it has none. */
  readonly alg: string;
  readonly status: TimeStatus;
  /** `expires in 12 min`; absent when the token has no time claims. */
  readonly time?: string;
  /** `812 B`. */
  readonly size: string;
}

/** The summary parts of an inspection or a glance at one. */
export function tokenSummary(of: Inspection | Glance): TokenSummary {
  const { time } = of;
  const full = 'decoded' in of;
  const text = timeText(time, full ? of.decoded.kind : of.kind);
  return {
    kind: kindLabel(full ? of.decoded.kind : of.kind),
    alg: (full ? headerAlg(of.decoded.header) : of.alg) ?? '?',
    status: time.status,
    ...(text !== undefined ? { time: text } : {}),
    size: sizeText(full ? of.size.totalBytes : of.totalBytes),
  };
}

/**
 * The summary parts joined: `JWS · RS256 · expires in 12 min · 812 B`. Raw token text: escape
 * the result for the output.
 */
export function summaryText(summary: TokenSummary): string {
  return [summary.kind, summary.alg, ...(summary.time !== undefined ? [summary.time] : []), summary.size].join(' · ');
}

/** Longest CodeLens title. */
const LENS_TITLE_CHARS = 120;

/**
 * The CodeLens title of a token, `JWS · RS256 · expires in 12 min · 812 B`: one line, at most
 * 120 characters, `$(` from the token shown rather than drawn (CodeLens titles draw icons).
 */
export function lensTitle(of: Inspection | Glance): string {
  return labelText(summaryText(tokenSummary(of)), { icons: true, max: LENS_TITLE_CHARS });
}

/**
 * What to say about text that did not inspect as a token: a look-alike the core recognised
 * (`ERR_NOT_JOSE`: a PASETO, a Flask or Django signed cookie) is named for what it is, with
 * `malformed` false; anything else is a malformed token.
 */
export function undecodedText(error: { readonly code: string; readonly message: string; readonly textId?: string; readonly params?: TokenError['params'] }): { readonly text: string; readonly malformed: boolean } {
  return error.code === 'ERR_NOT_JOSE' ? { text: messageText(error), malformed: false } : { text: l10n.t('Malformed token: {0}', messageText(error)), malformed: true };
}
