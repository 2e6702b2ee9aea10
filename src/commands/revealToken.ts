import * as vscode from 'vscode';
import type { TokenIndex } from '../model/tokenIndex';
import type { Inspector } from '../model/types';
import { resolveTarget } from '../model/targetResolver';
import { notificationText } from '../present/escape';

/**
 * Reveal Token in Editor: opens the token's document, selects the token and shows it in the
 * sidebar inspector (tree item click, hover link).
 */
export async function revealToken(tokens: TokenIndex, inspector: Inspector, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (!resolved.ok) {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  const { uri, range } = resolved.target;
  inspector.show(resolved.target);
  if (uri === undefined || range === undefined) return undefined;
  let editor: vscode.TextEditor;
  try {
    editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
  } catch {
    // A scan result or stale hover link whose file was deleted or moved since: say so plainly.
    void vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: the document holding this token can no longer be opened.'));
    return undefined;
  }
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
