import * as vscode from 'vscode';
import { CommandIds } from '../model/commandIds';
import type { CompareDocuments } from '../model/compareDocuments';
import type { TokenEditFileSystem } from '../model/editSessions';
import type { KeyStore } from '../model/keyStore';
import type { ScanResults } from '../model/scanResults';
import type { TokenIndex } from '../model/tokenIndex';
import type { Inspector } from '../model/types';
import { addDecryptionKey } from './addDecryptionKey';
import { addSigningKey } from './addSigningKey';
import { addVerificationKey } from './addVerificationKey';
import { compareTokens } from './compareTokens';
import { copyClaimValue } from './copyClaimValue';
import { copyTokenPart } from './copy';
import { decodeToken } from './decodeToken';
import { editToken } from './editToken';
import { generateKeyPair } from './generateKeyPair';
import { inspectToken, type ShowInPanel } from './inspectToken';
import { listVerificationKeys } from './listVerificationKeys';
import { newToken } from './newToken';
import { removeDecryptionKey } from './removeDecryptionKey';
import { removeSigningKey } from './removeSigningKey';
import { removeVerificationKey } from './removeVerificationKey';
import { revealToken } from './revealToken';
import { scanWorkspace } from './scanWorkspace';

/** What the commands need, passed in (no module-global state). */
export interface CommandDeps {
  readonly tokens: TokenIndex;
  readonly scanResults: ScanResults;
  readonly keyStore: KeyStore;
  /** The sidebar inspector view. */
  readonly sidebar: Inspector;
  /** Opens (or reuses) the inspector editor panel on a target. */
  readonly showInPanel: ShowInPanel;
  /** The read-only documents *Compare Tokens* shows in the diff editor. */
  readonly comparisons: CompareDocuments;
  /** The *Edit Token* documents (`tokenlens-edit:`). */
  readonly edits: TokenEditFileSystem;
}

/** Registers every Token Lens command: one line per id of {@link CommandIds}. */
export function registerAllCommands(deps: CommandDeps): vscode.Disposable[] {
  const { tokens, scanResults, keyStore, sidebar, showInPanel, comparisons, edits } = deps;
  return [
    vscode.commands.registerCommand(CommandIds.decodeToken, (arg?: unknown) => decodeToken(tokens, showInPanel, arg)),
    vscode.commands.registerCommand(CommandIds.inspectToken, (arg?: unknown) => inspectToken(tokens, showInPanel, arg)),
    vscode.commands.registerCommand(CommandIds.copyHeaderJson, (arg?: unknown) => copyTokenPart(tokens, 'header', arg)),
    vscode.commands.registerCommand(CommandIds.copyPayloadJson, (arg?: unknown) => copyTokenPart(tokens, 'payload', arg)),
    vscode.commands.registerCommand(CommandIds.copyClaimsTable, (arg?: unknown) => copyTokenPart(tokens, 'table', arg)),
    vscode.commands.registerCommand(CommandIds.copyClaimValue, (arg?: unknown) => copyClaimValue(tokens, arg)),
    vscode.commands.registerCommand(CommandIds.scanWorkspace, () => scanWorkspace(scanResults)),
    vscode.commands.registerCommand(CommandIds.clearScanResults, () => scanResults.set([])),
    // A tree context menu passes the clicked row and every selected row.
    vscode.commands.registerCommand(CommandIds.compareTokens, (arg?: unknown, selected?: unknown) => compareTokens(tokens, comparisons, arg, selected)),
    vscode.commands.registerCommand(CommandIds.revealToken, (arg?: unknown) => revealToken(tokens, sidebar, arg)),
    // Key commands always prompt: an argument (a link's) can only pre-fill a binding or pre-select.
    vscode.commands.registerCommand(CommandIds.addVerificationKey, (args?: unknown) => addVerificationKey(keyStore, args, tokens)),
    vscode.commands.registerCommand(CommandIds.removeVerificationKey, (label?: unknown) => removeVerificationKey(keyStore, label)),
    vscode.commands.registerCommand(CommandIds.listVerificationKeys, (options?: { show?: boolean }) => listVerificationKeys(keyStore, options)),
    // Edit Token takes a location or a tree row (never a token); saving asks how to sign.
    vscode.commands.registerCommand(CommandIds.editToken, (arg?: unknown) => editToken({ tokens, edits, keyStore, scanResults }, arg)),
    // Signing keys: material only from the prompts, never from arguments; a label only pre-selects a removal.
    vscode.commands.registerCommand(CommandIds.newToken, () => newToken(keyStore)),
    vscode.commands.registerCommand(CommandIds.generateKeyPair, () => generateKeyPair(keyStore)),
    vscode.commands.registerCommand(CommandIds.addSigningKey, () => addSigningKey(keyStore)),
    vscode.commands.registerCommand(CommandIds.removeSigningKey, (label?: unknown) => removeSigningKey(keyStore, label)),
    // Decryption keys: the same rules (material only from the prompts; a label only pre-selects a removal).
    vscode.commands.registerCommand(CommandIds.addDecryptionKey, () => addDecryptionKey(keyStore)),
    vscode.commands.registerCommand(CommandIds.removeDecryptionKey, (label?: unknown) => removeDecryptionKey(keyStore, label)),
  ];
}
