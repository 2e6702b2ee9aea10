import * as vscode from 'vscode';
import type { ComparisonSummary } from '../core';
import type { QuickEdit } from '../core/quickEdits';
import { CommandIds } from '../model/commandIds';
import type { CompareOutcome } from '../model/compareDocuments';
import { editDocumentText } from '../model/editDocument';
import type { EditPlace, TokenEditor } from '../model/editSessions';
import { readSettings } from '../model/settings';
import type { DecryptionSource, InspectTarget, SignatureSource } from '../model/types';
import { claimsTableMarkdown, parseWebviewMessage } from '../present/inspector/protocol';
import type { HostMessage, InspectorViewModel, RenderedSummary, SignatureView, WebviewMessage } from '../present/inspector/protocol';
import { buildViewModel, copyText } from '../present/inspector/viewModel';
import { findingExplanation } from '../present/findingHelp';
import type { ClaimDescriber, DecryptionInput } from '../present/inspector/viewModel';
import { inspectorHtml } from './html';

/**
 * *Edit Token* in an inspector (issue 11): the editor, and how the owner shows a token (the
 * panel retitles itself), for the new token a quick edit made.
 */
export interface InspectorEditing {
  readonly editor: TokenEditor;
  readonly show: (target: InspectTarget) => void;
}

/**
 * The extension side of one inspector webview (panel or sidebar view): builds the view model,
 * waits for the UI's `ready` before the first post, validates every incoming message and runs
 * the copy / reveal / compare / edit requests. Tokens live in memory here only.
 */
export class InspectorSession implements vscode.Disposable {
  private target: InspectTarget | undefined;
  /** "Valid at…": the instant the shown token is evaluated at, when not now. */
  private asOf: number | undefined;
  /** "Compare with…": the shown token's last comparison, until another token is shown. */
  private comparison: { readonly summary: ComparisonSummary; readonly other: string } | undefined;
  /** Where the shown token's quick edits finish, and the finish chosen for them (asked once). */
  private quickPlace: EditPlace | undefined;
  /** A quick edit is being finished (its finish pick may be open): another one waits for it. */
  private quickEditing = false;
  /**
   * The shown JWE's decryption (issue 11): plaintext, held only while this token is shown here —
   * dropped when another token is shown, keys change or the inspector closes; never persisted.
   */
  private decrypted: { readonly token: string; readonly input: DecryptionInput } | undefined;
  /** The decryption run whose answer is awaited (an older one's answer is dropped). */
  private decryptRun = 0;
  private model: InspectorViewModel = { state: 'empty' };
  private ready = false;
  private readonly waiters: ((s: RenderedSummary) => void)[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages from the webview that failed validation (for tests and troubleshooting). */
  rejectedMessages = 0;
  /** The summary of the most recent render, if any. */
  lastRendered: RenderedSummary | undefined;

  constructor(
    private readonly webview: vscode.Webview,
    extensionUri: vscode.Uri,
    layout: 'panel' | 'sidebar',
    private readonly describe?: ClaimDescriber,
    private readonly signatures?: SignatureSource,
    /** Extension tests only: the page reports what it rendered (`rendered`, `report`). */
    private readonly testMode = false,
    /** Edit… and the quick edits; absent, the page offers neither. */
    private readonly editing?: InspectorEditing,
    /** Decrypts a shown JWE with the stored keys; absent, a JWE stays encrypted. */
    private readonly decryption?: DecryptionSource,
  ) {
    this.disposables.push(webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)));
    if (signatures !== undefined) this.disposables.push(signatures.onDidChange(() => this.refresh()));
    if (decryption !== undefined) {
      this.disposables.push(
        decryption.onDidChange(() => {
          // Keys changed: what was decrypted (or not) with the old ones is stale.
          this.decrypted = undefined;
          this.decryptRun++;
          this.refresh();
        }),
      );
    }
    webview.html = inspectorHtml(webview, extensionUri, layout, testMode);
  }

  /** The token shown, if any. */
  get current(): InspectTarget | undefined {
    return this.target;
  }

  /** Shows `target` (or clears the view with `undefined`). */
  show(target: InspectTarget | undefined): void {
    if (target?.token !== this.target?.token) {
      // Another token: back to now, and the comparison was of the other one.
      this.asOf = undefined;
      this.comparison = undefined;
      // The plaintext of the token shown before is dropped with it.
      this.decrypted = undefined;
    }
    this.target = target;
    this.refresh();
  }

  /** Rebuilds the view model from the current token and settings, and posts it. */
  refresh(): void {
    const t = this.target;
    if (t === undefined) {
      this.model = { state: 'empty' };
    } else {
      const settings = readSettings(t.uri);
      const held = this.decrypted?.token === t.token ? this.decrypted.input : undefined;
      const decryption: DecryptionInput | undefined = held ?? (this.decryption !== undefined ? { state: 'pending' } : undefined);
      this.model = buildViewModel(t.token, {
        title: t.label,
        now: this.asOf ?? Date.now(),
        ...(this.asOf !== undefined ? { asOf: true } : {}),
        clockSkewSec: settings.clockSkewSeconds,
        maxLifetimeSec: settings.maxLifetimeMinutes * 60,
        sizeWarningBytes: settings.sizeWarningBytes,
        timeDisplay: settings.timeDisplay,
        canReveal: t.uri !== undefined,
        ...(this.describe !== undefined ? { describe: this.describe } : {}),
        ...(this.comparison !== undefined ? { comparison: this.comparison } : {}),
        maxPbes2Count: settings.decryptionMaxPbes2Count,
        ...(decryption !== undefined ? { decryption } : {}),
        explain: findingExplanation,
      });
      if (this.model.state === 'token' && this.model.kind === 'jwe' && held === undefined) this.decrypt(t);
      if (this.model.state === 'token' && this.editing !== undefined && editDocumentText(t.token).ok) {
        this.model = { ...this.model, editable: this.model.payload.type === 'claims' ? 'claims' : 'json' };
      }
      if (this.model.state === 'token' && this.signatures !== undefined) this.checkSignature(t.token);
    }
    this.post();
  }

  /** Decrypts the shown JWE and shows it again with the answer (unless another token is shown by then). */
  private decrypt(t: InspectTarget): void {
    if (this.decryption === undefined) return;
    const run = ++this.decryptRun;
    void this.decryption.decrypt(t.token, t.uri).then((input) => {
      if (run !== this.decryptRun || this.target?.token !== t.token) return;
      this.decrypted = { token: t.token, input };
      this.refresh();
    });
  }

  /** Shows "checking" now and the verification status when it arrives (unless the token changed meanwhile). */
  private checkSignature(token: string): void {
    const pending: SignatureView = { state: 'pending', icon: 'loading', label: vscode.l10n.t('checking signature'), message: vscode.l10n.t('Checking the signature with your keys…') };
    const model = this.model;
    if (model.state !== 'token' || this.signatures === undefined) return;
    this.model = { ...model, signature: pending };
    const shown = this.model;
    void this.signatures.status(token).then((signature) => {
      if (this.model !== shown || this.target?.token !== token) return;
      this.model = { ...model, signature };
      // Only the signature changes: the page patches it in place (scroll and toggles stay).
      if (this.ready) void this.webview.postMessage({ type: 'signature', signature } satisfies HostMessage);
    });
  }

  /** The webview page was reloaded (view re-resolved): wait for a new `ready`. */
  resetHandshake(): void {
    this.ready = false;
  }

  /** Resolves on the next `rendered` message from the webview. */
  whenRendered(): Promise<RenderedSummary> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Asks the webview for a fresh summary of its DOM (the countdown ticks without re-rendering). */
  requestReport(): Promise<RenderedSummary> {
    if (!this.testMode) return Promise.reject(new Error('requestReport exists for extension tests only'));
    const rendered = this.whenRendered();
    const message: HostMessage = { type: 'report' };
    void this.webview.postMessage(message);
    return rendered;
  }

  private post(): void {
    // Before `ready` the page script has not attached its listener; the message would be lost.
    if (!this.ready) return;
    const message: HostMessage = { type: 'show', model: this.model };
    void this.webview.postMessage(message);
  }

  /** Validates and handles one message from the webview; anything outside the schema is counted and dropped. */
  receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    // DOM summaries are test plumbing: outside test mode a `rendered` message is rejected too.
    if (message === undefined || (message.type === 'rendered' && !this.testMode)) {
      this.rejectedMessages++;
      return;
    }
    this.handle(message);
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.post();
        return;
      case 'rendered': {
        this.lastRendered = message.summary;
        const waiting = this.waiters.splice(0);
        for (const w of waiting) w(message.summary);
        return;
      }
      case 'copy':
        void this.copy(message.target);
        return;
      case 'reveal':
        void this.reveal();
        return;
      case 'validAt':
        this.asOf = message.at ?? undefined;
        this.refresh();
        return;
      case 'compare':
        void this.compare();
        return;
      case 'clearComparison':
        this.comparison = undefined;
        this.refresh();
        return;
      case 'edit':
        void this.edit();
        return;
      case 'quickEdit':
        void this.quickEdit(message.edit);
        return;
    }
  }

  /** "Edit…": *Edit Token* on the shown token, in an editor tab (a clipboard token goes back to the clipboard). */
  private async edit(): Promise<void> {
    const t = this.target;
    if (t === undefined || this.editing === undefined) return;
    await this.editing.editor.open(t);
  }

  /**
   * A quick edit of the shown token: finished as saving an edit is (the finish asked once for
   * this token and the ones its quick edits make), then the new token is shown here.
   */
  private async quickEdit(edit: QuickEdit): Promise<void> {
    const t = this.target;
    const editing = this.editing;
    if (t === undefined || editing === undefined) return;
    if (this.quickEditing) {
      vscode.window.setStatusBarMessage(vscode.l10n.t('Token Lens: the last quick edit is still being finished'), 3000);
      return;
    }
    this.quickEditing = true;
    try {
      // Another token than the last quick edit made: its own place, and the finish is asked again.
      if (this.quickPlace?.token !== t.token) this.quickPlace = await editing.editor.place(t);
      const next = await editing.editor.quickEdit(this.quickPlace, t, edit);
      // Shown unless another token was picked meanwhile (the document sync may show it first).
      if (next !== undefined && (this.target?.token === t.token || this.target?.token === next.token)) editing.show(next);
    } finally {
      this.quickEditing = false;
    }
  }

  /**
   * "Compare with…": runs *Compare Tokens* on the shown token (it opens the diff editor, the other
   * token read from the clipboard or picked), then shows its summary here, unless the shown
   * token changed meanwhile or the user cancelled.
   */
  private async compare(): Promise<void> {
    const t = this.target;
    if (t === undefined) return;
    const outcome = await vscode.commands.executeCommand<CompareOutcome | undefined>(CommandIds.compareTokens, { target: t });
    if (outcome === undefined || this.target?.token !== t.token) return;
    this.comparison = { summary: outcome.summary, other: outcome.labels.right };
    this.refresh();
  }

  private async copy(target: 'header' | 'payload' | 'claims' | 'token'): Promise<void> {
    const t = this.target;
    if (t === undefined) return;
    const text =
      target === 'claims'
        ? this.model.state === 'token' && this.model.payload.type === 'claims'
          ? claimsTableMarkdown(this.model.payload.rows, this.model.headerRows)
          : undefined
        : copyText(this.model, t.token, target);
    if (text === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: this token has no {0} to copy.', target));
      return;
    }
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(`Token Lens: ${target === 'claims' ? 'claims table' : target} copied`, 2000);
  }

  private async reveal(): Promise<void> {
    const t = this.target;
    if (t?.uri === undefined) return;
    try {
      const editor = await vscode.window.showTextDocument(t.uri, {
        preserveFocus: false,
        ...(t.range !== undefined ? { selection: t.range } : {}),
      });
      if (t.range !== undefined) {
        // The token selected with the cursor at its start (`selection` above is a range, which puts
        // it at the end): a long token does not scroll the line sideways.
        editor.selection = new vscode.Selection(t.range.end, t.range.start);
        editor.revealRange(new vscode.Range(t.range.start, t.range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: the document holding this token can no longer be opened.'));
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.waiters.length = 0;
    this.target = undefined;
    this.quickPlace = undefined;
    this.decrypted = undefined;
  }
}
