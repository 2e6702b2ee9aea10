import * as vscode from 'vscode';
import { findTokens } from '../core';
import { readSettings } from '../model/settings';
import { contextLabel, LineIndex, looksBinary, numberText } from '../present';
import type { ScanResults, ScannedToken } from '../model/scanResults';

/** Upper bound of files visited by one scan (a huge monorepo stays responsive). */
const MAX_FILES = 20000;

/** Outcome of a scan (returned for tests and shown in the notification). */
export interface ScanSummary {
  readonly files: number;
  readonly tokens: number;
  readonly skippedLarge: number;
  readonly skippedBinary: number;
  readonly cancelled: boolean;
  readonly ms: number;
}

/** Glob of excluded paths from `files.exclude` and `search.exclude` (enabled entries only). */
function excludeGlob(): string | undefined {
  const patterns = new Set<string>();
  for (const section of ['files.exclude', 'search.exclude']) {
    const value = vscode.workspace.getConfiguration().get<Record<string, unknown>>(section) ?? {};
    for (const [glob, on] of Object.entries(value)) if (on === true) patterns.add(glob);
  }
  patterns.add('**/node_modules/**');
  return patterns.size === 0 ? undefined : `{${[...patterns].join(',')}}`;
}

/**
 * Scan Workspace for Tokens: every file not excluded by `files.exclude`/`search.exclude`, read
 * through `workspace.fs` (virtual workspaces), skipping binary files and files over
 * `tokenLens.scan.maxFileSizeKB`; cancellable progress; results go to the scan results the Tokens tree shows.
 */
export async function scanWorkspace(scanResults: ScanResults): Promise<ScanSummary> {
  const started = Date.now();
  const maxBytes = readSettings().scanMaxFileSizeKB * 1024;
  const results: ScannedToken[] = [];
  let skippedLarge = 0;
  let skippedBinary = 0;
  let files = 0;
  let cancelled = false;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Token Lens: scanning workspace'), cancellable: true },
    async (progress, cancel) => {
      const uris = await vscode.workspace.findFiles('**/*', excludeGlob(), MAX_FILES, cancel);
      const decoder = new TextDecoder('utf-8');
      for (const uri of uris) {
        if (cancel.isCancellationRequested) {
          cancelled = true;
          break;
        }
        files++;
        progress.report({ message: `${files}/${uris.length}`, increment: 100 / Math.max(1, uris.length) });
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          if (stat.size > maxBytes) {
            skippedLarge++;
            continue;
          }
          const bytes = await vscode.workspace.fs.readFile(uri);
          if (looksBinary(bytes)) {
            skippedBinary++;
            continue;
          }
          const text = decoder.decode(bytes);
          const lines = new LineIndex(text);
          const at = (offset: number): vscode.Position => {
            const p = lines.positionAt(offset);
            return new vscode.Position(p.line, p.character);
          };
          for (const match of findTokens(text)) {
            const start = at(match.start);
            const end = at(match.end);
            results.push({ target: { token: match.token, label: contextLabel(match, start.line), uri, range: new vscode.Range(start, end) } });
          }
        } catch {
          // Unreadable file (permissions, deleted meanwhile): skip it, the scan goes on.
        }
      }
    },
  );
  scanResults.set(results);
  const summary = { files, tokens: results.length, skippedLarge, skippedBinary, cancelled, ms: Date.now() - started };
  const tokenCount = summary.tokens === 1 ? vscode.l10n.t('1 token') : vscode.l10n.t('{0} tokens', numberText(summary.tokens));
  const fileCount = files === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', numberText(files));
  const skipped = skippedLarge + skippedBinary > 0 ? ` (${vscode.l10n.t('skipped {0} large, {1} binary', numberText(skippedLarge), numberText(skippedBinary))})` : '';
  void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: {0} in {1}{2}{3}.', tokenCount, fileCount, skipped, cancelled ? ` — ${vscode.l10n.t('cancelled')}` : ''));
  return summary;
}
