import * as vscode from 'vscode';
import { normalizeTokenInput } from '../core';
import { editDocumentText } from '../model/editDocument';
import type { EditSession, EditSource, FinishChoice, TokenEditFileSystem } from '../model/editSessions';
import type { KeyStore } from '../model/keyStore';
import type { ScanResults } from '../model/scanResults';
import { resolveTarget } from '../model/targetResolver';
import { finishToken, placeToken } from '../model/tokenEdits';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import { labelText, notificationText } from '../present/escape';
import { readClipboard } from './decodeToken';

/** What *Edit Token* needs. */
export interface EditTokenDeps {
  readonly tokens: TokenIndex;
  readonly edits: TokenEditFileSystem;
  readonly keyStore: KeyStore;
  readonly scanResults: ScanResults;
}

/**
 * Token Lens: Edit Token (issue 11). Opens the token's header and payload as JSON in a real
 * editor tab (the `tokenlens-edit:` file system; completion, hover docs and date hints come
 * with it). The argument is a location (hover link), a tree row or nothing (the cursor, else
 * the clipboard when picked); it never carries a token. Saving the tab runs
 * {@link finishEdit}. Returns the session opened.
 */
export async function editToken(deps: EditTokenDeps, arg?: unknown): Promise<EditSession | undefined> {
  const target = await targetOf(deps, arg);
  if (target === undefined) return undefined;
  const text = editDocumentText(target.token);
  if (!text.ok) {
    void vscode.window.showWarningMessage(notificationText(`Token Lens: ${text.error.message}`));
    return undefined;
  }
  const session = deps.edits.open(target.token, target.label, await sourceOf(deps.scanResults, target), text.value);
  await vscode.window.showTextDocument(session.uri, { preview: false });
  return session;
}

async function targetOf(deps: EditTokenDeps, arg: unknown): Promise<InspectTarget | undefined> {
  const resolved = await resolveTarget(deps.tokens, arg);
  if (resolved.ok) return resolved.target;
  if (resolved.reason !== 'nothing') {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  // A browser host reads the clipboard only when asked, so the clipboard is a pick, never a given.
  const pick = await vscode.window.showQuickPick([{ label: '$(clippy) Edit the token on the clipboard', detail: 'The new token goes back to the clipboard when you save' }], {
    title: 'Token Lens: Edit Token',
    placeHolder: 'No token at the cursor',
  });
  if (pick === undefined) return undefined;
  const clip = normalizeTokenInput(await readClipboard());
  if (!clip.ok) {
    void vscode.window.showWarningMessage(notificationText(`Token Lens: the clipboard holds no token: ${clip.error.message}`));
    return undefined;
  }
  return { token: clip.value, label: 'clipboard' };
}

/**
 * Where the new token goes: the document, when the token is in it (at the target, or once
 * anywhere: a `{{reference}}`'s `@name = …` line); the clipboard for the clipboard, a scan
 * result (a file the user did not open) or a reference defined elsewhere (an environment file).
 */
async function sourceOf(scanResults: ScanResults, target: InspectTarget): Promise<EditSource> {
  const { uri, range } = target;
  if (uri === undefined || range === undefined) return { kind: 'clipboard' };
  if (scanResults.all.some((r) => r.target === target)) return { kind: 'clipboard' };
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText(range) === target.token) return { kind: 'document', uri, range };
  const text = document.getText();
  const first = text.indexOf(target.token);
  if (first !== -1 && text.indexOf(target.token, first + 1) === -1) {
    return { kind: 'document', uri, range: new vscode.Range(document.positionAt(first), document.positionAt(first + target.token.length)) };
  }
  return { kind: 'clipboard' };
}

interface FinishItem extends vscode.QuickPickItem {
  readonly choice: FinishChoice;
}

/** Asks how saving finishes the token (once per session). Undefined when cancelled. */
async function askFinish(keyStore: KeyStore, session: EditSession): Promise<FinishChoice | undefined> {
  const keys = await keyStore.signingKeySummaries();
  const items: FinishItem[] = [
    ...keys.map((k) => ({
      label: `$(key) Sign with "${labelText(k.label, { max: 80 })}"`,
      description: labelText(k.description, { max: 80 }),
      detail: 'The algorithm comes from the key',
      choice: { kind: 'sign' as const, keyLabel: k.label },
    })),
    { label: '$(unlock) Leave unsigned (alg: none)', detail: 'An unsecured token: anyone can forge it, and servers must reject it', choice: { kind: 'unsigned' } },
    { label: '$(history) Keep the old signature', detail: 'The signature no longer matches: the token shows as invalid', choice: { kind: 'keep-signature' } },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `Token Lens: finish the edited token (${labelText(session.label, { max: 60 })})`,
    placeHolder: keys.length > 0 ? 'Sign with a stored key, or…' : 'No signing key stored (Token Lens: Generate Key Pair / Add Signing Key)',
    ignoreFocusOut: true,
  });
  return picked?.choice;
}

/**
 * Saving an edit document: asks how to finish (the first time; remembered for the session),
 * makes the token and puts it back in its source as one undoable edit, or on the clipboard.
 * Resolves with the document text to keep; rejects (the save fails, the tab stays dirty) when
 * cancelled or when no token could be made.
 */
export async function finishEdit(keyStore: KeyStore, session: EditSession, text: string): Promise<string> {
  let finish = session.finish;
  if (finish?.kind === 'sign' && (await keyStore.signingKey(finish.keyLabel)) === undefined) finish = undefined;
  finish ??= await askFinish(keyStore, session);
  if (finish === undefined) throw new Error('Token Lens: not saved — choose how to finish the token (sign, unsigned or keep the old signature).');
  const made = await finishToken(text, finish, session.token, keyStore);
  if (!made.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${made.error.message}`, 400));
    throw new Error(`Token Lens: ${made.error.message}`);
  }
  session.finish = finish;
  const placed = await placeToken(session, made.value.token);
  if (!placed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${placed.error.message}`, 400));
    throw new Error(`Token Lens: ${placed.error.message}`);
  }
  const where = placed.value.kind === 'clipboard' ? 'copied to the clipboard' : `replaced in ${vscode.workspace.asRelativePath(placed.value.uri)} (Undo there restores the old token)`;
  const message = notificationText(`Token Lens: ${made.value.description}; ${where}.`, 400);
  if (made.value.unsecured || finish.kind === 'keep-signature') void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return made.value.documentText;
}
