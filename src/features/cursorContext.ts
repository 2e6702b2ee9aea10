import * as vscode from 'vscode';
import { CURSOR_ON_TOKEN_CONTEXT } from '../model/commandIds';
import { loadEnvironments, targetAt } from '../model/targetResolver';
import type { InspectTarget } from '../model/types';
import { isHttpLike, type TokenIndex } from '../model/tokenIndex';
import type { HttpEnvironment } from '../model/environments';

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

  constructor(private readonly tokens: TokenIndex) {
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

  private update(editor: vscode.TextEditor | undefined, env?: HttpEnvironment): void {
    const found = editor === undefined ? undefined : targetAt(this.tokens, editor.document, editor.selection.active, env);
    const target = found?.ok === true ? found.target : undefined;
    const previous = this.currentTarget;
    const same =
      target === undefined || previous === undefined
        ? target === previous
        : target.token === previous.token && target.uri?.toString() === previous.uri?.toString() && target.range?.isEqual(previous.range ?? new vscode.Range(0, 0, 0, 0)) === true;
    this.currentTarget = target;
    if (this.onToken !== (target !== undefined)) {
      this.onToken = target !== undefined;
      void vscode.commands.executeCommand('setContext', CURSOR_ON_TOKEN_CONTEXT, this.onToken);
    }
    if (!same) this.changed.fire(target);
    // A `{{reference}}` to an env file resolves once the folder's environment files are read:
    // look again when they are, if the cursor has not moved meanwhile.
    // Once loaded, the lookup above already used them: no second pass on every cursor move.
    if (editor !== undefined && target === undefined && isHttpLike(editor.document) && !this.tokens.environments.isLoaded(editor.document)) {
      const position = editor.selection.active;
      const version = editor.document.version;
      void loadEnvironments(this.tokens, editor.document).then((env) => {
        if (env === undefined || vscode.window.activeTextEditor !== editor) return;
        if (editor.document.version !== version || !editor.selection.active.isEqual(position)) return;
        const late = targetAt(this.tokens, editor.document, position, env);
        if (late?.ok === true) this.update(editor, env);
      });
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
