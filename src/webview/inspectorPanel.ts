import * as vscode from 'vscode';
import type { TokenEditor } from '../model/editSessions';
import type { DecryptionSource, Inspector, InspectTarget, SignatureSource } from '../model/types';
import type { RenderedSummary } from '../present/inspector/protocol';
import { webviewOptions } from './html';
import { InspectorSession } from './inspectorSession';

/**
 * The Token Inspector editor panel: one panel, reused for every token. Create or bring it
 * forward with {@link InspectorPanel.createOrShow}; `dispose()` closes it and releases
 * everything. `retainContextWhenHidden` stays off: the page holds a token and is rebuilt
 * from memory on the next `ready` instead.
 */
export class InspectorPanel implements Inspector, vscode.Disposable {
  static readonly viewType = 'tokenLens.inspector';
  private static instance: InspectorPanel | undefined;

  private readonly session: InspectorSession;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    signatures: SignatureSource | undefined,
    private readonly testMode: boolean,
    editor: TokenEditor | undefined,
    decryption: DecryptionSource | undefined,
  ) {
    const editing = editor !== undefined ? { editor, show: (target: InspectTarget): void => this.show(target) } : undefined;
    this.session = new InspectorSession(panel.webview, extensionUri, 'panel', undefined, signatures, testMode, editing, decryption);
    this.disposables.push(
      this.session,
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('tokenLens')) this.session.refresh();
      }),
    );
  }

  /** The open panel, if any. */
  static get current(): InspectorPanel | undefined {
    return InspectorPanel.instance;
  }

  /**
   * Opens the panel (or reuses the open one) and shows `target`; `signatures` adds the signature
   * status, `editor` the Edit… button and the quick edits, `decryption` a JWE's decryption with the stored keys.
   */
  static createOrShow(context: Pick<vscode.ExtensionContext, 'extensionUri' | 'extensionMode'>, target: InspectTarget, signatures?: SignatureSource, editor?: TokenEditor, decryption?: DecryptionSource): InspectorPanel {
    const existing = InspectorPanel.instance;
    if (existing !== undefined) {
      existing.show(target, { reveal: true });
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      InspectorPanel.viewType,
      'Token Inspector',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { ...webviewOptions(context.extensionUri), retainContextWhenHidden: false },
    );
    const created = new InspectorPanel(panel, context.extensionUri, signatures, context.extensionMode === vscode.ExtensionMode.Test, editor, decryption);
    InspectorPanel.instance = created;
    created.show(target);
    return created;
  }

  get current(): InspectTarget | undefined {
    return this.session.current;
  }

  /** Validation failures of webview messages so far (tests check hostile messages are dropped). */
  get rejectedMessages(): number {
    return this.session.rejectedMessages;
  }

  show(target: InspectTarget, options?: { readonly reveal?: boolean }): void {
    this.panel.title = `Token Inspector · ${target.label}`;
    this.session.show(target);
    if (options?.reveal === true) this.panel.reveal(undefined, true);
  }

  /** Re-inspects the current token (document edited, settings changed). */
  refresh(): void {
    this.session.refresh();
  }

  whenRendered(): Promise<RenderedSummary> {
    return this.session.whenRendered();
  }

  /** A fresh summary of what the page shows now (after countdown ticks). */
  requestReport(): Promise<RenderedSummary> {
    return this.session.requestReport();
  }

  /** Posts a raw message as if the webview had sent it (integration tests of validation; test mode only). */
  simulateWebviewMessage(raw: unknown): void {
    if (!this.testMode) throw new Error('simulateWebviewMessage exists for extension tests only');
    this.session.receive(raw);
  }

  dispose(): void {
    if (InspectorPanel.instance === this) InspectorPanel.instance = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
