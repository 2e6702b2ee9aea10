import * as vscode from 'vscode';
import { compareTokens as compare, normalizeTokenInput } from '../core';
import type { CompareDocuments, CompareOutcome } from '../model/compareDocuments';
import { resolveTarget } from '../model/targetResolver';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import { comparisonHeadline, contextLabel, messageText } from '../present';
import { labelText, notificationText } from '../present/escape';
import { readClipboard } from './decodeToken';

export type { CompareOutcome } from '../model/compareDocuments';

/** Tokens offered in one pick at most (a log can hold thousands). */
const MAX_PICK_ITEMS = 500;

interface TokenChoice extends vscode.QuickPickItem {
  /** Absent for the clipboard, which is read only once picked. */
  readonly target?: InspectTarget;
}

/** The clipboard as a choice (its words in the display language, read when the pick opens). */
const clipboardChoice = (): TokenChoice => ({ label: `$(clippy) ${vscode.l10n.t('The clipboard')}`, detail: vscode.l10n.t('Reads the clipboard now'), alwaysShow: true });

/**
 * Token Lens: Compare Tokens (issue 13). Opens VS Code's diff editor on the two tokens'
 * normalised JSON documents (core `compareTokens`: keys in a stable order, time claims dated),
 * titled with the short summary (`kid k1 → k2 · exp +1 h · 2 changed`).
 *
 * Which two: two token rows selected in the Tokens tree (`selected`); else the token at the
 * cursor, the selection or the clicked row compared with the clipboard (desktop: read at once;
 * a browser host reads it only when picked) or with a token picked from the active editor; else
 * two picks from the active editor's tokens and the clipboard.
 */
export async function compareTokens(tokens: TokenIndex, documents: CompareDocuments, arg?: unknown, selected?: unknown): Promise<CompareOutcome | undefined> {
  const rows = selectedTargets(arg, selected);
  if (rows.length > 2) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: select two tokens to compare.'));
    return undefined;
  }
  const [firstRow, secondRow] = rows;
  if (firstRow !== undefined && secondRow !== undefined) return show(documents, firstRow, secondRow);
  let first = firstRow;
  if (first === undefined) {
    const resolved = await resolveTarget(tokens, arg);
    if (resolved.ok) first = resolved.target;
    else if (resolved.reason !== 'nothing') {
      void vscode.window.showWarningMessage(notificationText(resolved.message));
      return undefined;
    }
  }
  if (first !== undefined) {
    if (vscode.env.uiKind !== vscode.UIKind.Web) {
      const clip = normalizeTokenInput(await readClipboard());
      if (clip.ok && clip.value !== first.token) return show(documents, first, { token: clip.value, label: vscode.l10n.t('clipboard') });
    }
    const second = await pickToken(tokens, vscode.l10n.t('Compare "{0}" with…', labelText(first.label, { max: 60 })), first);
    return second === undefined ? undefined : show(documents, first, second);
  }
  const a = await pickToken(tokens, vscode.l10n.t('First token to compare'), undefined);
  if (a === undefined) return undefined;
  const b = await pickToken(tokens, vscode.l10n.t('Compare "{0}" with…', labelText(a.label, { max: 60 })), a);
  return b === undefined ? undefined : show(documents, a, b);
}

/** The targets of the tree rows a context-menu command was run on (`selected`: every selected row). */
function selectedTargets(arg: unknown, selected: unknown): InspectTarget[] {
  const rows = Array.isArray(selected) && selected.length > 0 ? (selected as unknown[]) : arg !== undefined ? [arg] : [];
  return rows.map(carriedTarget).filter((t): t is InspectTarget => t !== undefined);
}

function carriedTarget(row: unknown): InspectTarget | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const target = (row as { target?: unknown }).target;
  return typeof target === 'object' && target !== null && typeof (target as InspectTarget).token === 'string' ? (target as InspectTarget) : undefined;
}

/**
 * The document whose tokens a pick offers: the active editor's, or — when the command runs from
 * the inspector panel, which leaves no text editor active — the document `exclude` came from.
 */
function pickDocument(exclude: InspectTarget | undefined): vscode.TextDocument | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active !== undefined) return active;
  const uri = exclude?.uri?.toString();
  return uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

/** One pick of the JOSE tokens of the active editor (see {@link pickDocument}), but `exclude`, and the clipboard. */
async function pickToken(tokens: TokenIndex, title: string, exclude: InspectTarget | undefined): Promise<InspectTarget | undefined> {
  const document = pickDocument(exclude);
  const items: TokenChoice[] = [];
  if (document !== undefined) {
    for (const found of tokens.tokens(document)) {
      if (items.length >= MAX_PICK_ITEMS) break;
      const { match, range } = found;
      // PASETO and signed cookies are not JOSE: nothing to compare as header and claims.
      if (match.shape !== 'jose' && match.shape !== 'sd-jwt') continue;
      if (exclude !== undefined && exclude.token === match.token && (exclude.range === undefined || exclude.range.isEqual(range))) continue;
      const label = contextLabel(match, range.start.line);
      items.push({
        label: labelText(label, { icons: true, max: 120 }),
        description: labelText(`${match.kind.toUpperCase()} · ${match.alg}`, { icons: true, max: 80 }),
        target: { token: match.token, label, uri: document.uri, range },
      });
    }
  }
  items.push(clipboardChoice());
  const choice = await vscode.window.showQuickPick(items, { title: `Token Lens: ${title}`, placeHolder: vscode.l10n.t('A token of the active editor, or the clipboard'), matchOnDescription: true });
  if (choice === undefined) return undefined;
  if (choice.target !== undefined) return choice.target;
  const clip = normalizeTokenInput(await readClipboard());
  if (!clip.ok) {
    void vscode.window.showWarningMessage(notificationText(vscode.l10n.t('Token Lens: the clipboard holds no token: {0}', messageText(clip.error))));
    return undefined;
  }
  return { token: clip.value, label: vscode.l10n.t('clipboard') };
}

/**
 * Where the diff editor (and *Edit Token*'s tab) opens: the active text editor's group; when none
 * is active (the command ran from the inspector panel), a visible text editor's group, so the
 * inspector and its comparison summary stay in view beside the diff; else beside the active group.
 */
export function diffColumn(): vscode.ViewColumn {
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined);
  return editor?.viewColumn ?? vscode.ViewColumn.Beside;
}

/** Compares and opens the diff editor, or says which token does not decode. */
async function show(documents: CompareDocuments, a: InspectTarget, b: InspectTarget): Promise<CompareOutcome | undefined> {
  const compared = compare(a.token, b.token);
  if (!compared.ok) {
    const which = compared.error.side === 'left' ? a : b;
    void vscode.window.showWarningMessage(notificationText(vscode.l10n.t('Token Lens: cannot compare "{0}": {1}', which.label, messageText(compared.error.error))));
    return undefined;
  }
  const { left, right, summary } = compared.value;
  const uris = documents.add(left, right);
  // The title is the only place the summary is drawn: labels and summary are token text, one line.
  const title = `${labelText(a.label, { max: 60 })} ↔ ${labelText(b.label, { max: 60 })} · ${labelText(comparisonHeadline(summary), { max: 160 })}`;
  await vscode.commands.executeCommand('vscode.diff', uris.left, uris.right, title, { preview: false, viewColumn: diffColumn() });
  return { left: uris.left, right: uris.right, title, summary, labels: { left: a.label, right: b.label } };
}
