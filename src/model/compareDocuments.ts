import * as vscode from 'vscode';
import type { ComparisonSummary } from '../core';

/**
 * What *Compare Tokens* opened: the two documents' URIs, the diff editor's title, the summary
 * and where each token came from (the inspector's "Compare with…" shows the summary with them).
 */
export interface CompareOutcome {
  readonly left: vscode.Uri;
  readonly right: vscode.Uri;
  readonly title: string;
  readonly summary: ComparisonSummary;
  /** The labels of the two tokens (`@before · line 1`, `clipboard`): token and file text, unescaped. */
  readonly labels: { readonly left: string; readonly right: string };
}

/** One comparison's two documents, served from memory. */
interface Pair {
  readonly left: string;
  readonly right: string;
}

/** The text of a comparison whose documents were dropped (a "reopen closed editor"). */
const GONE = '// This comparison was closed. Run "Token Lens: Compare Tokens" again.\n';

/**
 * Read-only virtual documents for *Compare Tokens* (issue 13): the two normalised JSONC
 * documents of a comparison (core `compareTokens`), served from memory under the
 * `token-lens-compare:` scheme. A URI carries an opaque random id and the side, never token
 * text (URIs reach recent-file lists, logs and other extensions). A comparison is dropped when
 * its documents are closed, and at most {@link MAX_COMPARISONS} are kept.
 */
export class CompareDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'token-lens-compare';
  /** Comparisons kept at most (oldest dropped first): a bound on memory whatever the user does. */
  static readonly MAX_COMPARISONS = 16;

  private readonly pairs = new Map<string, Pair>();
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      // The diff tab closing is the user's "done"; a document closing covers the other ways
      // (a side opened on its own, an editor group closed).
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) for (const id of CompareDocuments.idsOf(tab)) this.dropUnlessShown(id);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        const id = CompareDocuments.idOf(document.uri);
        if (id !== undefined) this.dropUnlessShown(id);
      }),
    ];
  }

  /** Drops a comparison unless a tab still shows it. */
  private dropUnlessShown(id: string): void {
    const shown = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => CompareDocuments.idsOf(tab).includes(id)));
    if (!shown) this.pairs.delete(id);
  }

  /** The comparison ids a tab shows (a diff tab, or one side opened as a text tab). */
  private static idsOf(tab: vscode.Tab): string[] {
    const input = tab.input;
    const uris = input instanceof vscode.TabInputTextDiff ? [input.original, input.modified] : input instanceof vscode.TabInputText ? [input.uri] : [];
    return uris.map((uri) => CompareDocuments.idOf(uri)).filter((id): id is string => id !== undefined);
  }

  /** Keeps a comparison's documents and gives their URIs (`….jsonc`, so the editor colours JSON with comments). */
  add(left: string, right: string): { readonly left: vscode.Uri; readonly right: vscode.Uri } {
    const id = globalThis.crypto.randomUUID();
    this.pairs.set(id, { left, right });
    while (this.pairs.size > CompareDocuments.MAX_COMPARISONS) {
      const oldest = this.pairs.keys().next().value;
      if (oldest === undefined) break;
      this.pairs.delete(oldest);
    }
    const uri = (side: 'a' | 'b') => vscode.Uri.from({ scheme: CompareDocuments.scheme, path: `/${id}/token-${side}.jsonc` });
    return { left: uri('a'), right: uri('b') };
  }

  /** How many comparisons are held (tests check that closing drops them). */
  get size(): number {
    return this.pairs.size;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const id = CompareDocuments.idOf(uri);
    const pair = id !== undefined ? this.pairs.get(id) : undefined;
    if (pair === undefined) return GONE;
    return uri.path.endsWith('/token-a.jsonc') ? pair.left : pair.right;
  }

  private static idOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== CompareDocuments.scheme) return undefined;
    return /^\/([0-9a-f-]{36})\/token-[ab]\.jsonc$/.exec(uri.path)?.[1];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.pairs.clear();
  }
}
