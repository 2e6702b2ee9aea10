import * as vscode from 'vscode';
import { CURSOR_ON_TOKEN_CONTEXT } from '../commands/ids';
import { targetAt } from '../commands/target';
import type { InspectTarget } from '../webview/inspectorApi';
import type { DocumentTokens } from './documentTokens';

/**
 * Tracks the token under the editor cursor: sets the `tokenLens.cursorOnToken` context key
 * (editor context menu) and fires {@link CursorTokenTracker.onDidChange} for the status bar and
 * the follow-cursor inspector. Only the cursor's line is scanned.
 */
export class CursorTokenTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InspectTarget | undefined>();
  readonly onDidChange = this.changed.event;
  private currentTarget: InspectTarget | undefined;
  private onToken = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly tokens: DocumentTokens) {
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeTextEditorSelection((e) => this.update(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => this.update(e)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update(vscode.window.activeTextEditor);
      }),
    );
    // The first look at the cursor runs after activate() returns.
    const first = setTimeout(() => this.update(vscode.window.activeTextEditor), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  /** The token under the cursor, if any. */
  get current(): InspectTarget | undefined {
    return this.currentTarget;
  }

  private update(editor: vscode.TextEditor | undefined): void {
    const found = editor === undefined ? undefined : targetAt(this.tokens, editor.document, editor.selection.active);
    const target = found?.ok === true ? found.target : undefined;
    const same = target?.token === this.currentTarget?.token && target?.range?.isEqual(this.currentTarget?.range ?? new vscode.Range(0, 0, 0, 0)) === true;
    this.currentTarget = target;
    if (this.onToken !== (target !== undefined)) {
      this.onToken = target !== undefined;
      void vscode.commands.executeCommand('setContext', CURSOR_ON_TOKEN_CONTEXT, this.onToken);
    }
    if (!same) this.changed.fire(target);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
