import * as vscode from 'vscode';
import type { DocumentTokens } from '../features/documentTokens';
import type { InspectTarget } from '../webview/inspectorApi';
import { resolveTarget } from './target';
import { notificationText } from '../present/escape';

/** Opens the inspector panel on a target (the extension passes `InspectorPanel.createOrShow`). */
export type ShowInPanel = (target: InspectTarget) => void;

/** Inspect Token at Cursor: the token under the cursor / given location / tree item in the panel. */
export async function inspectToken(tokens: DocumentTokens, showInPanel: ShowInPanel, arg?: unknown): Promise<InspectTarget | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (!resolved.ok) {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  showInPanel(resolved.target);
  return resolved.target;
}
