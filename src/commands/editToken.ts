import * as vscode from 'vscode';
import { normalizeTokenInput } from '../core';
import type { QuickEdit, QuickEditOutcome } from '../core/quickEdits';
import type { Clock } from '../model/clock';
import { editDocumentText, readEditDocument, withHeader } from '../model/editDocument';
import type { EditedParts } from '../model/editDocument';
import type { EditPlace, EditSession, EditSource, FinishChoice, TokenEditFileSystem, TokenEditor } from '../model/editSessions';
import type { KeyStore } from '../model/keyStore';
import type { ScanResults } from '../model/scanResults';
import { resolveTarget } from '../model/targetResolver';
import { makeToken, placedTarget, placeToken, quickEditParts } from '../model/tokenEdits';
import type { MadeToken, Placement } from '../model/tokenEdits';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';
import { storedKeyDescriptionText } from '../present/keys';
import { diffColumn } from './compareTokens';
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
    void vscode.window.showWarningMessage(notificationText(`Token Lens: ${messageText(text.error)}`));
    return undefined;
  }
  const session = deps.edits.open(target.token, target.label, await sourceOf(deps.scanResults, target), text.value);
  // From the inspector panel (no text editor active) the tab opens beside it, in the text editors' group.
  await vscode.window.showTextDocument(session.uri, { preview: false, viewColumn: diffColumn() });
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
  const pick = await vscode.window.showQuickPick([{ label: `$(clippy) ${vscode.l10n.t('Edit the token on the clipboard')}`, detail: vscode.l10n.t('The new token goes back to the clipboard when you save') }], {
    title: vscode.l10n.t('Token Lens: Edit Token'),
    placeHolder: vscode.l10n.t('No token at the cursor'),
  });
  if (pick === undefined) return undefined;
  const clip = normalizeTokenInput(await readClipboard());
  if (!clip.ok) {
    void vscode.window.showWarningMessage(notificationText(vscode.l10n.t('Token Lens: the clipboard holds no token: {0}', messageText(clip.error))));
    return undefined;
  }
  return { token: clip.value, label: vscode.l10n.t('clipboard') };
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

/** Asks how the token is finished (once per place). Undefined when cancelled. */
async function askFinish(keyStore: KeyStore, place: EditPlace): Promise<FinishChoice | undefined> {
  const keys = await keyStore.signingKeySummaries();
  const items: FinishItem[] = [
    ...keys.map((k) => ({
      label: `$(key) ${vscode.l10n.t('Sign with "{0}"', labelText(k.label, { max: 80 }))}`,
      description: labelText(storedKeyDescriptionText(k.description), { max: 80 }),
      detail: vscode.l10n.t('The algorithm comes from the key'),
      choice: { kind: 'sign' as const, keyLabel: k.label },
    })),
    { label: `$(unlock) ${vscode.l10n.t('Leave unsigned (alg: none)')}`, detail: vscode.l10n.t('An unsecured token: anyone can forge it, and servers must reject it'), choice: { kind: 'unsigned' } },
    { label: `$(history) ${vscode.l10n.t('Keep the old signature')}`, detail: vscode.l10n.t('The signature no longer matches: the token shows as invalid'), choice: { kind: 'keep-signature' } },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Token Lens: finish the edited token ({0})', labelText(place.label, { max: 60 })),
    placeHolder: keys.length > 0 ? vscode.l10n.t('Sign with a stored key, or…') : vscode.l10n.t('No signing key stored (Token Lens: Generate Key Pair / Add Signing Key)'),
    ignoreFocusOut: true,
  });
  return picked?.choice;
}

/** What finishing made and where it went; or why not (`cancelled`: the finish pick was closed). */
type Finished = { readonly ok: true; readonly made: MadeToken; readonly placed: Placement } | { readonly ok: false; readonly cancelled: boolean; readonly message: string };

/**
 * The one way an edited token is finished, for a save and a quick edit alike: asks how (the
 * first time; remembered in the place, asked again when its key is gone), makes the token and
 * puts it back in its source as one undoable edit, or on the clipboard, then says what it did
 * (`what` names the quick edit). Errors are shown here; the caller only learns it failed.
 */
async function finishInto(keyStore: KeyStore, place: EditPlace, parts: Pick<EditedParts, 'headerJson' | 'payloadJson'>, what?: string): Promise<Finished> {
  let finish = place.finish;
  if (finish?.kind === 'sign' && (await keyStore.signingKey(finish.keyLabel)) === undefined) finish = undefined;
  finish ??= await askFinish(keyStore, place);
  if (finish === undefined) return { ok: false, cancelled: true, message: vscode.l10n.t('Token Lens: not saved — choose how to finish the token (sign, unsigned or keep the old signature).') };
  const made = await makeToken(parts, finish, place.token, keyStore);
  if (!made.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${made.error.message}`, 400));
    return { ok: false, cancelled: false, message: `Token Lens: ${made.error.message}` };
  }
  place.finish = finish;
  const placed = await placeToken(place, made.value.token);
  if (!placed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${placed.error.message}`, 400));
    return { ok: false, cancelled: false, message: `Token Lens: ${placed.error.message}` };
  }
  const where = placed.value.kind === 'clipboard' ? vscode.l10n.t('copied to the clipboard') : vscode.l10n.t('replaced in {0} (Undo there restores the old token)', vscode.workspace.asRelativePath(placed.value.uri));
  const message = notificationText(`Token Lens: ${what !== undefined ? `${what}. ` : ''}${made.value.description}; ${where}.`, 400);
  if (made.value.unsecured || finish.kind === 'keep-signature') void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
  return { ok: true, made: made.value, placed: placed.value };
}

/**
 * Saving an edit document: reads it, then {@link finishInto}. Resolves with the document text to
 * keep (the header the key signed); rejects (the save fails, the tab stays dirty) when cancelled
 * or when no token could be made.
 */
export async function finishEdit(keyStore: KeyStore, session: EditSession, text: string): Promise<string> {
  const parts = readEditDocument(text);
  if (!parts.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${parts.error.message}`, 400));
    throw new Error(`Token Lens: ${parts.error.message}`);
  }
  const finished = await finishInto(keyStore, session, parts.value);
  if (!finished.ok) throw new Error(finished.message);
  return finished.made.headerJson !== undefined ? withHeader(text, finished.made.headerJson) : text;
}

/** What a quick edit did, in words: `exp +1 h: exp set to 2025-12-01T15:40:00Z`. */
function quickEditText(edit: QuickEdit, outcome: Extract<QuickEditOutcome, { changed: true }>): string {
  const name = quickEditName(edit);
  if (outcome.after === undefined) return vscode.l10n.t('{0}: {1} removed', name, outcome.claim);
  return vscode.l10n.t('{0}: {1} set to {2}', name, outcome.claim, new Date(outcome.after * 1000).toISOString().replace('.000Z', 'Z'));
}

/** The name of a quick edit as its button says it (`exp +15 min`). */
function quickEditName(edit: QuickEdit): string {
  switch (edit) {
    case 'exp+15m':
      return vscode.l10n.t('exp +15 min');
    case 'exp+1h':
      return vscode.l10n.t('exp +1 h');
    case 'exp-now':
      return vscode.l10n.t('exp now');
    case 'exp-remove':
      return vscode.l10n.t('remove exp');
    case 'iat-now':
      return vscode.l10n.t('iat now');
  }
}

/**
 * A quick edit from the inspector (issue 11): the claim arithmetic of core `applyQuickEdit` at
 * `nowMs` (the model clock), then finished exactly as saving an edit is ({@link finishInto}: the
 * place's remembered finish, the one undoable edit or the clipboard). Resolves with the new
 * token's target, or `undefined` when nothing was replaced (the user was told why).
 */
export async function quickEditToken(keyStore: KeyStore, place: EditPlace, target: InspectTarget, edit: QuickEdit, nowMs: number): Promise<InspectTarget | undefined> {
  const made = quickEditParts(place.token, edit, nowMs);
  if (!made.ok) {
    void vscode.window.showWarningMessage(notificationText(vscode.l10n.t('Token Lens: {0} cannot be applied: {1}', quickEditName(edit), messageText(made.error)), 400));
    return undefined;
  }
  const { parts, outcome } = made.value;
  if (!outcome.changed) {
    const why = outcome.reason === 'no-exp' ? vscode.l10n.t('Token Lens: this token has no exp claim, so there is nothing to remove; the token is unchanged.') : vscode.l10n.t('Token Lens: {0} already holds that instant; the token is unchanged.', outcome.claim);
    void vscode.window.showInformationMessage(why);
    return undefined;
  }
  const before = place.source;
  const finished = await finishInto(keyStore, place, parts, quickEditText(edit, outcome));
  if (!finished.ok) {
    if (finished.cancelled) void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: {0} not applied: no finish was chosen (sign, unsigned or keep the old signature).', quickEditName(edit)));
    return undefined;
  }
  return placedTarget(target, before, place);
}

/**
 * *Edit Token* for the inspector ({@link TokenEditor}): the Edit… button opens the edit tab on
 * the shown token; a quick edit finishes into the place of {@link sourceOf}, at the clock's now.
 */
export function inspectorTokenEditor(deps: EditTokenDeps, clock: Pick<Clock, 'now'>): TokenEditor {
  return {
    open: (target) => editToken(deps, { target }),
    place: async (target) => ({ label: target.label, token: target.token, source: await sourceOf(deps.scanResults, target) }),
    quickEdit: (place, target, edit) => quickEditToken(deps.keyStore, place, target, edit, clock.now()),
  };
}
