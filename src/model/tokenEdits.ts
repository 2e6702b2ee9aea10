import * as vscode from 'vscode';
import { base64url } from 'jose';
import type { Result } from '../core';
import { parsePrivateKey } from '../core/keys';
import type { PrivateKey } from '../core/keys';
import { signToken } from '../core/sign';
import { applyQuickEdit } from '../core/quickEdits';
import type { QuickEdit, QuickEditError, QuickEditOutcome } from '../core/quickEdits';
import { editDocumentText, readEditDocument } from './editDocument';
import type { EditedParts, EditError } from './editDocument';
import type { EditPlace, EditSource, FinishChoice } from './editSessions';
import type { KeyStore, SigningKeyInput } from './keyStore';
import { messageText } from '../present/findingText';
import type { InspectTarget } from './types';

/** A token made from a header and payload, as the chosen finish makes it. */
export interface MadeToken {
  readonly token: string;
  /** The header as signed (the `alg`/`kid` the key set); `undefined` when the old signature was kept (the header as given). */
  readonly headerJson: string | undefined;
  /** One sentence for the user: "Signed with ES256 (key id …)", "Unsecured (alg "none") …". */
  readonly description: string;
  readonly unsecured: boolean;
}

/** Why saving (or a quick edit) did not make a token. Messages never contain key material. */
export interface FinishError {
  readonly code: 'ERR_FINISH_DOCUMENT' | 'ERR_FINISH_KEY' | 'ERR_FINISH_SIGN';
  readonly message: string;
}

function fail(code: FinishError['code'], message: string): { ok: false; error: FinishError } {
  return { ok: false, error: { code, message } };
}

/** A stored signing key parsed for core `signToken`; the stored `kid` binding goes into the header. */
export async function privateKeyOf(stored: SigningKeyInput): Promise<Result<PrivateKey, FinishError>> {
  const parsed = await parsePrivateKey(stored.material);
  if (!parsed.ok) return fail('ERR_FINISH_KEY', vscode.l10n.t('The signing key "{0}" cannot be read: {1}', stored.label, messageText(parsed.error)));
  return { ok: true, value: stored.kid !== undefined ? { ...parsed.value, kid: stored.kid } : parsed.value };
}

const encode = (json: string): string => base64url.encode(new TextEncoder().encode(json));

/**
 * The token a header and payload (compact JSON) make with the chosen finish: signed with a
 * stored key (core `signToken`: the algorithm comes from the key; a header saying `none` is
 * re-signed), unsigned only when that was chosen (`alg: none`), or the old signature kept on
 * the new header and payload (it will not verify, and the inspector says so). Saving an edit
 * and the inspector's quick edits both finish here.
 */
export async function makeToken(parts: Pick<EditedParts, 'headerJson' | 'payloadJson'>, finish: FinishChoice, oldToken: string, keys: KeyStore): Promise<Result<MadeToken, FinishError>> {
  const { headerJson, payloadJson } = parts;
  switch (finish.kind) {
    case 'keep-signature': {
      const signature = oldToken.split('.')[2] ?? '';
      return { ok: true, value: { token: `${encode(headerJson)}.${encode(payloadJson)}.${signature}`, headerJson: undefined, description: vscode.l10n.t('Old signature kept: it does not match the new contents'), unsecured: false } };
    }
    case 'unsigned': {
      const signed = await signToken({ header: headerJson, payload: payloadJson, unsecured: true });
      if (!signed.ok) return fail('ERR_FINISH_SIGN', messageText(signed.error));
      return { ok: true, value: { token: signed.value.token, headerJson: JSON.stringify(signed.value.header), description: messageText(signed.value.descriptionText), unsecured: true } };
    }
    case 'sign': {
      const stored = await keys.signingKey(finish.keyLabel);
      if (stored === undefined) return fail('ERR_FINISH_KEY', vscode.l10n.t('The signing key "{0}" is no longer stored.', finish.keyLabel));
      const key = await privateKeyOf(stored);
      if (!key.ok) return key;
      const signed = await signToken({ header: headerJson, payload: payloadJson, key: key.value });
      if (!signed.ok) return fail('ERR_FINISH_SIGN', messageText(signed.error));
      // unsecured is false on this path by construction; checked anyway: never `none` by accident.
      if (signed.value.unsecured || signed.value.alg === 'none') return fail('ERR_FINISH_SIGN', vscode.l10n.t('Signing produced an unsecured token; refused.'));
      const signedWith = vscode.l10n.t('{0} with "{1}"', messageText(signed.value.descriptionText), stored.label);
      const notes = signed.value.noteTexts.map((n) => messageText(n));
      const description = notes.length > 0 ? `${signedWith} (${notes.join('; ')})` : signedWith;
      return { ok: true, value: { token: signed.value.token, headerJson: JSON.stringify(signed.value.header), description, unsecured: false } };
    }
  }
}

/** Why a quick edit cannot be made: the token is not editable, or its claims cannot take it. */
export type QuickEditFailure = { readonly code: EditError['code'] | QuickEditError['code']; readonly message: string };

/**
 * The header and payload a quick edit makes of `token` at `nowMs` (the model clock's now), read
 * the way *Edit Token* reads a token (a JWE or a payload that is not JSON is not editable), with
 * what changed; core `applyQuickEdit` does the arithmetic.
 */
export function quickEditParts(token: string, edit: QuickEdit, nowMs: number): Result<{ readonly parts: Pick<EditedParts, 'headerJson' | 'payloadJson'>; readonly outcome: QuickEditOutcome }, QuickEditFailure> {
  const document = editDocumentText(token);
  if (!document.ok) return document;
  const parts = readEditDocument(document.value);
  if (!parts.ok) return parts;
  const outcome = applyQuickEdit(parts.value.payloadJson, edit, nowMs);
  if (!outcome.ok) return outcome;
  const payloadJson = outcome.value.changed ? outcome.value.payloadJson : parts.value.payloadJson;
  return { ok: true, value: { parts: { headerJson: parts.value.headerJson, payloadJson }, outcome: outcome.value } };
}

/**
 * The inspect target of the token a finish put in `place`: in its document, the token's new
 * range (or, for a `{{reference}}` target, the reference as it was); on the clipboard, a
 * clipboard token. `before` is where the token was before the finish.
 */
export function placedTarget(target: InspectTarget, before: EditSource, place: EditPlace): InspectTarget {
  const after = place.source;
  if (after.kind === 'clipboard') return { token: place.token, label: vscode.l10n.t('clipboard') };
  const direct = target.range === undefined || (before.kind === 'document' && target.range.isEqual(before.range));
  return { token: place.token, label: target.label, uri: after.uri, range: direct ? after.range : target.range! };
}

/** Where a new token went. */
export type Placement = { readonly kind: 'document'; readonly uri: vscode.Uri } | { readonly kind: 'clipboard' };

/**
 * Puts `token` where the place's token came from: in its document, replacing the old token
 * as one undoable WorkspaceEdit (the document is left unsaved, as any edit), or on the
 * clipboard. The place (an edit session, or the inspector's quick edits) then holds the new
 * token and its new range, so finishing again replaces it. Rejects with a message when the old token is no longer in the document.
 */
export async function placeToken(session: EditPlace, token: string): Promise<Result<Placement, FinishError>> {
  const source: EditSource = session.source;
  if (source.kind === 'clipboard') {
    await vscode.env.clipboard.writeText(token);
    session.token = token;
    return { ok: true, value: { kind: 'clipboard' } };
  }
  const document = await vscode.workspace.openTextDocument(source.uri);
  const range = locate(document, source.range, session.token);
  if (range === undefined) return fail('ERR_FINISH_DOCUMENT', vscode.l10n.t('The original token is no longer in {0} (or is there more than once); nothing was replaced.', vscode.workspace.asRelativePath(source.uri)));
  const edit = new vscode.WorkspaceEdit();
  edit.replace(source.uri, range, token, { needsConfirmation: false, label: vscode.l10n.t('Token Lens: Edit Token') });
  if (!(await vscode.workspace.applyEdit(edit))) return fail('ERR_FINISH_DOCUMENT', vscode.l10n.t('{0} could not be edited.', vscode.workspace.asRelativePath(source.uri)));
  const start = range.start;
  session.source = { kind: 'document', uri: source.uri, range: new vscode.Range(start, document.positionAt(document.offsetAt(start) + token.length)) };
  session.token = token;
  return { ok: true, value: { kind: 'document', uri: source.uri } };
}

/**
 * The old token's range now: where it was when the session opened (if still there), else its
 * one occurrence in the document (a `{{reference}}` target: the `@name = …` line defining it).
 */
function locate(document: vscode.TextDocument, range: vscode.Range, token: string): vscode.Range | undefined {
  if (token === '') return undefined;
  if (document.getText(range) === token) return range;
  const text = document.getText();
  const first = text.indexOf(token);
  if (first === -1 || text.indexOf(token, first + 1) !== -1) return undefined;
  return new vscode.Range(document.positionAt(first), document.positionAt(first + token.length));
}
