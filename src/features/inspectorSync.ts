import * as vscode from 'vscode';
import { targetAt } from '../commands/target';
import type { Inspector } from '../webview/inspectorApi';
import type { DocumentTokens } from './documentTokens';

/** Edits settle this long before the inspector re-reads the token (typing stays smooth). */
const DEBOUNCE_MS = 250;

/**
 * Keeps an inspector in step with edits of the document its token came from: after an edit,
 * the token (or `{{reference}}`) at the same place is read again and shown. When nothing
 * token-like is there any more, the inspector keeps the last token (the user may be retyping).
 */
export class InspectorDocumentSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly tokens: DocumentTokens,
    private readonly inspectors: () => readonly (Inspector | undefined)[],
  ) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)));
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const uri = e.document.uri.toString();
    if (!this.inspectors().some((i) => i?.current?.uri?.toString() === uri)) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.resync(e.document);
    }, DEBOUNCE_MS);
  }

  private resync(document: vscode.TextDocument): void {
    for (const inspector of this.inspectors()) {
      const current = inspector?.current;
      if (inspector === undefined || current?.range === undefined || current.uri?.toString() !== document.uri.toString()) continue;
      // The edit may have removed the token's line: clamp into the document as it is now.
      const found = targetAt(this.tokens, document, document.validatePosition(current.range.start));
      if (found?.ok !== true) continue;
      const next = found.target;
      if (next.token !== current.token || next.label !== current.label || !next.range?.isEqual(current.range)) inspector.show(next);
    }
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
