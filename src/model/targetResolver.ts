import * as vscode from 'vscode';
import { normalizeTokenInput } from '../core';
import type { TokenIndex } from './tokenIndex';
import { isHttpLike, referenceAt } from './tokenIndex';
import { contextLabel, messageText } from '../present';
import { truncate } from '../present/escape';
import type { InspectTarget } from './types';
import type { HttpEnvironment } from './environments';
import { isTokenLocation } from './commandIds';

/**
 * Why no token could be found, as a message for the user. `nothing`: no token-like text at
 * all (commands may fall back to the clipboard); `explained`: something was there and the
 * message says what is wrong with it; `not-a-token`: a `{{reference}}` to something that is no
 * token (a base URL, a system variable) — worth a message for a command, not a hover.
 */
export type TargetResult =
  | { readonly ok: true; readonly target: InspectTarget }
  | { readonly ok: false; readonly message: string; readonly reason: 'nothing' | 'explained' | 'not-a-token' };

/** Something carrying a target: tree items expose `target`. */
function carriedTarget(arg: unknown): InspectTarget | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const t = (arg as { target?: unknown }).target;
  if (typeof t === 'object' && t !== null && typeof (t as InspectTarget).token === 'string') return t as InspectTarget;
  return undefined;
}

/**
 * The token (or `{{name}}` resolving to one) at `position` of `document`. Environment files
 * are used as far as `tokens.environments` has loaded them; async callers await
 * {@link loadEnvironments} first.
 */
export function targetAt(
  tokens: TokenIndex,
  document: vscode.TextDocument,
  position: vscode.Position,
  env: HttpEnvironment = tokens.environments.current(document),
): TargetResult | undefined {
  const found = tokens.tokenAt(document, position);
  if (found !== undefined) {
    return {
      ok: true,
      target: { token: found.match.token, label: contextLabel(found.match, found.range.start.line), uri: document.uri, range: found.range },
    };
  }
  const ref = referenceAt(tokens, document, position, env);
  if (ref === undefined) return undefined;
  if (!ref.result.ok) return { ok: false, message: ref.result.error.message, reason: ref.result.error.code === 'ERR_EXTERNAL' ? 'not-a-token' : 'explained' };
  const normalized = normalizeTokenInput(ref.result.value);
  if (!normalized.ok) return { ok: false, message: vscode.l10n.t('"{0}" does not hold a token: {1}', `{{${truncate(ref.name, 60)}}}`, messageText(normalized.error)), reason: 'not-a-token' };
  const label = ref.environment !== undefined ? `{{${ref.name}}} · env ${ref.environment}` : `{{${ref.name}}}`;
  return { ok: true, target: { token: normalized.value, label, uri: document.uri, range: ref.range } };
}

/**
 * The token a command acts on: an explicit argument (tree item or location), else the token
 * under the cursor, else a selection that normalises to a token.
 */
export async function resolveTarget(tokens: TokenIndex, arg: unknown): Promise<TargetResult> {
  const carried = carriedTarget(arg);
  if (carried !== undefined) return { ok: true, target: carried };
  if (isTokenLocation(arg)) {
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(arg.uri));
      const env = await loadEnvironments(tokens, document);
      return targetAt(tokens, document, new vscode.Position(arg.line, arg.character), env) ?? { ok: false, message: vscode.l10n.t('No token at that location any more.'), reason: 'explained' };
    } catch {
      return { ok: false, message: vscode.l10n.t('The document holding that token could not be opened.'), reason: 'explained' };
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) return { ok: false, message: vscode.l10n.t('Token Lens: no active editor. Place the cursor on a token.'), reason: 'nothing' };
  const env = await loadEnvironments(tokens, editor.document);
  const atCursor = targetAt(tokens, editor.document, editor.selection.active, env);
  if (atCursor !== undefined) return atCursor;
  const malformed = explainMalformedAt(editor.document, editor.selection.active);
  if (malformed !== undefined) return { ok: false, message: malformed, reason: 'explained' };
  if (!editor.selection.isEmpty) {
    const normalized = normalizeTokenInput(editor.document.getText(editor.selection));
    if (normalized.ok) return { ok: true, target: { token: normalized.value, label: vscode.l10n.t('selection'), uri: editor.document.uri, range: editor.selection } };
    return { ok: false, message: vscode.l10n.t('Token Lens: the selection is not a token: {0}', messageText(normalized.error)), reason: 'explained' };
  }
  return { ok: false, message: vscode.l10n.t('Token Lens: the cursor is not on a token.'), reason: 'nothing' };
}

/** A malformed token-looking word at `position`, explained (a clear message instead of silence). */
export function explainMalformedAt(document: vscode.TextDocument, position: vscode.Position): string | undefined {
  const range = document.getWordRangeAtPosition(position, /[A-Za-z0-9_\-.=]+/);
  if (range === undefined) return undefined;
  const word = document.getText(range);
  if (!word.startsWith('eyJ') || !word.includes('.')) return undefined;
  const normalized = normalizeTokenInput(word);
  return normalized.ok ? vscode.l10n.t('Token Lens: this looks like a token but its header has no usable `alg`.') : vscode.l10n.t('Token Lens: malformed token: {0}', messageText(normalized.error));
}

/** Loads the environment files next to an http document (cached; a no-op for other files). */
export async function loadEnvironments(tokens: TokenIndex, document: vscode.TextDocument): Promise<HttpEnvironment | undefined> {
  return isHttpLike(document) ? tokens.environments.load(document) : undefined;
}
