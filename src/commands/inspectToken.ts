import * as vscode from 'vscode';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import { resolveTarget } from '../model/targetResolver';
import { notificationText } from '../present/escape';

/** Opens the inspector panel on a target (the extension passes `InspectorPanel.createOrShow`). */
export type ShowInPanel = (target: InspectTarget) => void;

/** Inspect Token at Cursor: the token under the cursor / given location / tree item in the panel. */
export async function inspectToken(tokens: TokenIndex, showInPanel: ShowInPanel, arg?: unknown): Promise<InspectTarget | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (!resolved.ok) {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  showInPanel(resolved.target);
  return resolved.target;
}
