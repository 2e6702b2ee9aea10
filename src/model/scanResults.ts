import * as vscode from 'vscode';
import type { InspectTarget } from './types';

/** A token found by Scan Workspace (kept in memory only, cleared by Clear Scan Results). */
export interface ScannedToken {
  readonly target: InspectTarget & { readonly uri: vscode.Uri; readonly range: vscode.Range };
}

/**
 * The results of the last *Scan Workspace for Tokens*: written by the scan command, shown by
 * the Tokens tree. Memory only; `onDidChange` fires on every replacement.
 */
export class ScanResults implements vscode.Disposable {
  private results: readonly ScannedToken[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  get all(): readonly ScannedToken[] {
    return this.results;
  }

  /** Replaces the results (an empty array clears them) and sets `tokenLens.hasScanResults`. */
  set(results: readonly ScannedToken[]): void {
    this.results = results;
    void vscode.commands.executeCommand('setContext', 'tokenLens.hasScanResults', results.length > 0);
    this.changed.fire();
  }

  dispose(): void {
    this.results = [];
    this.changed.dispose();
  }
}
