import * as vscode from 'vscode';
import { CommandIds, type TokenLocation } from '../model/commandIds';
import type { TokenIndex } from '../model/tokenIndex';
import { isHttpLike } from '../model/tokenIndex';
import { labelText, lensTitle, undecodedText } from '../present';

/** CodeLens above tokens in http files: `JWT · RS256 · expires in 12 min · 812 B`; click inspects. */
export class TokenCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly tokens: TokenIndex) {}

  /** Re-renders lenses (settings changed, time passed). */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!isHttpLike(document) || !this.tokens.inspections.settings(document.uri).codeLensEnabled) return [];
    const now = Date.now();
    return this.tokens.tokens(document).map(({ match, range }) => {
      const location: TokenLocation = { uri: document.uri.toString(), line: range.start.line, character: range.start.character };
      const glance = this.tokens.inspections.glance(match.token, document.uri, now);
      const title = glance.ok ? lensTitle(glance.value) : labelText(undecodedText(glance.error).text, { icons: true, max: 120 });
      return new vscode.CodeLens(range, { title, command: CommandIds.inspectToken, arguments: [location], tooltip: vscode.l10n.t('Open in the Token Inspector') });
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
