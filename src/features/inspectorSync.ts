import * as vscode from 'vscode';
import { targetAt } from '../model/targetResolver';
import type { Inspector, InspectTarget } from '../model/types';
import type { TokenIndex } from '../model/tokenIndex';

/** Edits settle this long before the inspector re-reads the token (typing stays smooth). */
const DEBOUNCE_MS = 250;

/**
 * Where `position` is after `changes` (one change event): edits before it move it by the lines
 * and characters they add or remove; an edit spanning it puts it at the edit's start.
 */
export function shiftPosition(position: vscode.Position, changes: readonly vscode.TextDocumentContentChangeEvent[]): vscode.Position {
  let line = position.line;
  let character = position.character;
  // Bottom-up, so each change's range still refers to the text before the earlier ones moved it.
  for (const change of [...changes].sort((a, b) => b.range.start.compareTo(a.range.start))) {
    const { start, end } = change.range;
    if (start.isAfter(new vscode.Position(line, character))) continue;
    if (end.isAfter(new vscode.Position(line, character))) {
      line = start.line;
      character = start.character;
      continue;
    }
    const inserted = change.text.split(/\r\n|\r|\n/);
    const lastInserted = inserted[inserted.length - 1] ?? '';
    const lineDelta = inserted.length - 1 - (end.line - start.line);
    if (end.line === line) {
      // Same line: the characters after the change move with its last inserted line.
      character = (inserted.length === 1 ? start.character : 0) + lastInserted.length + (character - end.character);
    }
    line += lineDelta;
  }
  return new vscode.Position(line, character);
}

/**
 * Keeps inspectors in step with edits of the document their token came from: the token's
 * position is carried through each edit, and after the edits settle the token (or
 * `{{reference}}`) there is read again and shown. When nothing token-like is there any more
 * the inspector keeps the last token, with its position still tracked (the user may be retyping).
 */
export class InspectorDocumentSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** One pending re-read per document. */
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Tracked token positions per inspector, carried through edits until the re-read. */
  private readonly positions = new Map<Inspector, vscode.Position>();

  constructor(
    private readonly tokens: TokenIndex,
    private readonly inspectors: () => readonly (Inspector | undefined)[],
  ) {
    this.disposables.push(vscode.workspace.onDidChangeTextDocument((e) => this.changed(e)));
  }

  private following(uri: string): Inspector[] {
    return this.inspectors().filter((i): i is Inspector => i?.current?.uri?.toString() === uri && i.current.range !== undefined);
  }

  private changed(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const uri = e.document.uri.toString();
    const inspectors = this.following(uri);
    if (inspectors.length === 0) return;
    for (const inspector of inspectors) {
      const from = this.positions.get(inspector) ?? inspector.current!.range!.start;
      this.positions.set(inspector, shiftPosition(from, e.contentChanges));
    }
    const pending = this.timers.get(uri);
    if (pending !== undefined) clearTimeout(pending);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.resync(e.document);
      }, DEBOUNCE_MS),
    );
  }

  private resync(document: vscode.TextDocument): void {
    for (const inspector of this.following(document.uri.toString())) {
      const current = inspector.current!;
      const tracked = this.positions.get(inspector);
      this.positions.delete(inspector);
      if (tracked === undefined) continue;
      const position = document.validatePosition(tracked);
      const found = targetAt(this.tokens, document, position);
      if (found?.ok === true) {
        const next = found.target;
        if (next.token !== current.token || next.label !== current.label || !next.range?.isEqual(current.range!)) inspector.show(next);
      } else if (!position.isEqual(current.range!.start)) {
        // Nothing token-like here now: keep the token, but where it was moved to (Reveal stays right).
        const moved: InspectTarget = { ...current, range: new vscode.Range(position, position) };
        inspector.show(moved);
      }
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.positions.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
