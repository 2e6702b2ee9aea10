import * as vscode from 'vscode';
import { registerAllCommands } from './commands';
import { finishEdit, inspectorTokenEditor } from './commands/editToken';
import { TokenCodeLensProvider } from './features/codeLens';
import { CursorTokenTracker } from './features/cursorContext';
import { EditTimeHintsProvider } from './features/editInlayHints';
import { InspectTokenCodeActionProvider, TokenDiagnostics } from './features/diagnostics';
import { TokenIndex } from './model/tokenIndex';
import { TokenHoverProvider } from './features/hover';
import { InspectorDocumentSync } from './features/inspectorSync';
import { Clock } from './model/clock';
import { TokenStatusBar } from './features/statusBar';
import { TokenTreeProvider } from './features/tokenTree';
import { CompareDocuments } from './model/compareDocuments';
import { TokenEditFileSystem } from './model/editSessions';
import { KeyStore } from './model/keyStore';
import { ScanResults } from './model/scanResults';
import { VerificationService } from './model/verification';
import { DecryptionService } from './model/decryption';
import { decryptionSource } from './features/decryption';
import { signatureSource } from './features/verification';
import type { InspectTarget } from './model/types';
import { InspectorPanel } from './webview/inspectorPanel';
import { InspectorViewProvider } from './webview/inspectorView';
import { configureLocale } from './present';

/**
 * What `activate()` returns in test mode only (`ExtensionMode.Test`: integration tests): handles
 * to the services. In normal use it returns nothing, so no other extension can reach the key
 * store or the token cache through `getExtension().exports`.
 */
export interface TokenLensApi {
  readonly tokens: TokenIndex;
  readonly tree: TokenTreeProvider;
  /** The one clock (boundary wake-ups, shared intervals). */
  readonly clock: Clock;
  /** Results of the last Scan Workspace. */
  readonly scanResults: ScanResults;
  readonly treeView: vscode.TreeView<unknown>;
  readonly diagnostics: TokenDiagnostics;
  readonly codeLens: TokenCodeLensProvider;
  readonly statusBar: TokenStatusBar;
  readonly cursor: CursorTokenTracker;
  readonly inspectorView: InspectorViewProvider;
  /** Signature status per token (keys in SecretStorage). */
  readonly verification: VerificationService;
  /** JWE decryption with the stored private keys (issue 11). */
  readonly decryption: DecryptionService;
  /** The key store (tests add keys here; the commands always prompt). */
  readonly keyStore: KeyStore;
  /** The open inspector panel, if any. */
  readonly inspectorPanel: () => InspectorPanel | undefined;
  /** The documents Compare Tokens shows (tests check they are dropped on close). */
  readonly comparisons: CompareDocuments;
  /** The Edit Token documents (tests check that closing the tab drops a session). */
  readonly edits: TokenEditFileSystem;
  /** The extension's own storage folders (tests search them for key material). */
  readonly storage: readonly vscode.Uri[];
  /** Milliseconds `activate()` took. */
  readonly activationMs: number;
}

/** Wiring only: every provider and command is registered here and pushed to subscriptions. */
export function activate(context: vscode.ExtensionContext): TokenLensApi | undefined {
  const started = performance.now();
  // Text built in present/ (hover summary, status words, relative times) in the display language.
  configureLocale(vscode.env.language, vscode.l10n.bundle);
  const selector: vscode.DocumentSelector = [{ scheme: '*' }];
  const tokens = new TokenIndex();
  const keyStore = new KeyStore(context.secrets);
  const verification = new VerificationService(keyStore);
  // Off the activation path: the first hover should not wait for key imports.
  setTimeout(() => void verification.warm(), 0);
  const scanResults = new ScanResults();
  const signatures = signatureSource(verification);
  // JWEs decrypted with the stored private keys (issue 11); nothing decrypted is cached.
  const decryption = new DecryptionService(keyStore, verification, (scope) => tokens.inspections.settings(scope));
  const decryptions = decryptionSource(decryption);
  const tree = new TokenTreeProvider(tokens, scanResults, verification, decryption);
  // Multi-select: two token rows can be compared (Compare Tokens).
  const treeView = vscode.window.createTreeView('tokenLens.tokens', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  const clock = new Clock();
  const edits = new TokenEditFileSystem((session, text) => finishEdit(keyStore, session, text));
  // The inspector's Edit… button and quick edits (issue 11), at the one clock's now.
  const tokenEditor = inspectorTokenEditor({ tokens, edits, keyStore, scanResults }, clock);
  const inspectorView = new InspectorViewProvider(context.extensionUri, signatures, testMode, tokenEditor, decryptions);
  const showInPanel = (target: InspectTarget): void => void InspectorPanel.createOrShow(context, target, signatures, tokenEditor, decryptions);
  const diagnostics = new TokenDiagnostics(tokens, clock);
  const codeLens = new TokenCodeLensProvider(tokens);
  const cursor = new CursorTokenTracker(tokens);
  const statusBar = new TokenStatusBar(cursor, tokens.inspections, clock);
  const comparisons = new CompareDocuments();

  context.subscriptions.push(
    clock,
    keyStore,
    verification,
    decryption,
    scanResults,
    tokens,
    tree,
    treeView,
    inspectorView,
    diagnostics,
    codeLens,
    cursor,
    statusBar,
    comparisons,
    edits,
    new InspectorDocumentSync(tokens, () => [InspectorPanel.current, inspectorView]),
    // Relative text without a countdown of its own ("expires in 12 min" in CodeLens titles and
    // tree descriptions) is redrawn every 30 s, so an expired token does not keep saying valid.
    clock.every(30_000, () => {
      codeLens.refresh();
      if (treeView.visible) tree.refresh();
    }),
    vscode.window.registerWebviewViewProvider(InspectorViewProvider.viewType, inspectorView),
    vscode.workspace.registerTextDocumentContentProvider(CompareDocuments.scheme, comparisons),
    vscode.workspace.registerFileSystemProvider(TokenEditFileSystem.scheme, edits, { isCaseSensitive: true }),
    vscode.languages.registerInlayHintsProvider(EditTimeHintsProvider.selector, new EditTimeHintsProvider()),
    vscode.languages.registerHoverProvider(selector, new TokenHoverProvider(tokens, verification, decryption)),
    vscode.languages.registerCodeLensProvider(selector, codeLens),
    vscode.languages.registerCodeActionsProvider(selector, new InspectTokenCodeActionProvider(), {
      providedCodeActionKinds: InspectTokenCodeActionProvider.providedCodeActionKinds,
    }),
    ...registerAllCommands({ tokens, scanResults, keyStore, sidebar: inspectorView, showInPanel, comparisons, edits }),
    cursor.onDidChange((target) => {
      if (target !== undefined && tokens.inspections.settings(target.uri).inspectorFollowCursor) inspectorView.show(target);
    }),
    tokens.inspections.onDidChange(() => {
      tree.refresh();
      codeLens.refresh();
    }),
    { dispose: () => InspectorPanel.current?.dispose() },
  );
  if (!testMode) return undefined;
  return {
    tokens,
    clock,
    keyStore,
    scanResults,
    tree,
    treeView,
    diagnostics,
    codeLens,
    statusBar,
    cursor,
    inspectorView,
    verification,
    decryption,
    inspectorPanel: () => InspectorPanel.current,
    comparisons,
    edits,
    storage: [context.globalStorageUri, context.logUri, ...(context.storageUri !== undefined ? [context.storageUri] : [])],
    activationMs: performance.now() - started,
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
