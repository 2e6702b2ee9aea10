import * as vscode from 'vscode';
import type { DocumentTokens } from '../features/documentTokens';
import type { TokenTreeProvider } from '../features/tokenTree';
import type { Inspector } from '../webview/inspectorApi';
import { copyTokenPart } from './copy';
import { decodeToken } from './decodeToken';
import { CommandIds } from './ids';
import { inspectToken, type ShowInPanel } from './inspectToken';
import { revealToken } from './revealToken';
import { scanWorkspace } from './scanWorkspace';

/** What the commands need, passed in (no module-global state). */
export interface CommandDeps {
  readonly tokens: DocumentTokens;
  readonly tree: TokenTreeProvider;
  /** The sidebar inspector view. */
  readonly sidebar: Inspector;
  /** Opens (or reuses) the inspector editor panel on a target. */
  readonly showInPanel: ShowInPanel;
}

/** Registers every Token Lens command of `src/commands` (verification keys register apart). */
export function registerAllCommands(deps: CommandDeps): vscode.Disposable[] {
  const { tokens, tree, sidebar, showInPanel } = deps;
  return [
    vscode.commands.registerCommand(CommandIds.decodeToken, (arg?: unknown) => decodeToken(tokens, showInPanel, arg)),
    vscode.commands.registerCommand(CommandIds.inspectToken, (arg?: unknown) => inspectToken(tokens, showInPanel, arg)),
    vscode.commands.registerCommand(CommandIds.copyHeaderJson, (arg?: unknown) => copyTokenPart(tokens, 'header', arg)),
    vscode.commands.registerCommand(CommandIds.copyPayloadJson, (arg?: unknown) => copyTokenPart(tokens, 'payload', arg)),
    vscode.commands.registerCommand(CommandIds.copyClaimsTable, (arg?: unknown) => copyTokenPart(tokens, 'table', arg)),
    vscode.commands.registerCommand(CommandIds.scanWorkspace, () => scanWorkspace(tree)),
    vscode.commands.registerCommand(CommandIds.clearScanResults, () => tree.setScanResults([])),
    vscode.commands.registerCommand(CommandIds.revealToken, (arg?: unknown) => revealToken(tokens, sidebar, arg)),
  ];
}
