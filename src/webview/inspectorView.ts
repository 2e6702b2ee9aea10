import * as vscode from 'vscode';
import type { TokenEditor } from '../model/editSessions';
import type { DecryptionSource, Inspector, InspectTarget, SignatureSource } from '../model/types';
import type { RenderedSummary } from '../present/inspector/protocol';
import { webviewOptions } from './html';
import { InspectorSession } from './inspectorSession';

/**
 * The Inspector webview view of the Token Lens sidebar (~300 px wide). Register with
 * `vscode.window.registerWebviewViewProvider(InspectorViewProvider.viewType, provider)`;
 * call `show(target)` when the cursor moves or a tree item is selected. A token shown before
 * the view is first opened is remembered (in memory) and drawn when it resolves.
 */
export class InspectorViewProvider implements vscode.WebviewViewProvider, Inspector, vscode.Disposable {
  static readonly viewType = 'tokenLens.inspectorView';

  private view: vscode.WebviewView | undefined;
  private session: InspectorSession | undefined;
  private pending: InspectTarget | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderWaiters: ((s: RenderedSummary) => void)[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly signatures?: SignatureSource,
    /** Extension tests only: the view reports what it rendered. */
    private readonly testMode = false,
    /** Edit… and the quick edits (absent: the view offers neither). */
    private readonly editor?: TokenEditor,
    /** A JWE's decryption with the stored keys (absent: a JWE stays encrypted). */
    private readonly decryption?: DecryptionSource,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tokenLens')) this.session?.refresh();
      }),
    );
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.session?.dispose();
    this.view = view;
    view.webview.options = webviewOptions(this.extensionUri);
    const editing = this.editor !== undefined ? { editor: this.editor, show: (target: InspectTarget): void => this.show(target) } : undefined;
    const session = new InspectorSession(view.webview, this.extensionUri, 'sidebar', undefined, this.signatures, this.testMode, editing, this.decryption);
    this.session = session;
    for (const w of this.renderWaiters.splice(0)) void session.whenRendered().then(w);
    view.onDidDispose(() => {
      if (this.session === session) {
        this.pending = session.current;
        session.dispose();
        this.session = undefined;
        this.view = undefined;
      }
    });
    session.show(this.pending);
  }

  get current(): InspectTarget | undefined {
    return this.session?.current ?? this.pending;
  }

  /** Validation failures of webview messages so far. */
  get rejectedMessages(): number {
    return this.session?.rejectedMessages ?? 0;
  }

  show(target: InspectTarget, options?: { readonly reveal?: boolean }): void {
    this.pending = target;
    if (this.session !== undefined) this.session.show(target);
    if (options?.reveal === true) {
      if (this.view !== undefined) this.view.show(true);
      else void vscode.commands.executeCommand(`${InspectorViewProvider.viewType}.focus`);
    }
  }

  /** Re-inspects the current token (document edited, settings changed). */
  refresh(): void {
    this.session?.refresh();
  }

  /** Resolves on the next render of the view (waits for the view to be opened if needed). */
  whenRendered(): Promise<RenderedSummary> {
    if (this.session !== undefined) return this.session.whenRendered();
    return new Promise((resolve) => this.renderWaiters.push(resolve));
  }

  /** A fresh summary of what the view shows now; resolves once the view is open. */
  requestReport(): Promise<RenderedSummary> {
    return this.session !== undefined ? this.session.requestReport() : this.whenRendered();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.session?.dispose();
    this.session = undefined;
    this.pending = undefined;
  }
}
