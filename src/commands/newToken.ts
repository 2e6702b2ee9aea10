import * as vscode from 'vscode';
import { signToken } from '../core/sign';
import type { KeyStore } from '../model/keyStore';
import { privateKeyOf } from '../model/tokenEdits';
import { TOKEN_TEMPLATES, tokenTemplate } from '../model/tokenTemplates';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';
import { storedKeyDescriptionText } from '../present/keys';

/** What *New Token* made and where it went. */
export interface NewTokenOutcome {
  readonly token: string;
  readonly placed: 'editor' | 'clipboard';
}

/**
 * Token Lens: New Token (issue 11). Picks a template (access, ID, refresh, service token) with
 * `iat`/`nbf`/`exp` from now, then a stored signing key (the algorithm comes from the key), and
 * inserts the signed token at the cursor of the active editor as one edit (or copies it when
 * no editor is open). *Edit Token* changes its claims afterwards.
 */
export async function newToken(store: KeyStore): Promise<NewTokenOutcome | undefined> {
  const template = await vscode.window.showQuickPick(
    TOKEN_TEMPLATES.map((t) => ({ label: t.label, detail: t.detail, template: t })),
    { title: vscode.l10n.t('Token Lens: New Token'), placeHolder: vscode.l10n.t('Template (times counted from now)') },
  );
  if (template === undefined) return undefined;
  const keys = await store.signingKeySummaries();
  if (keys.length === 0) {
    const generate = vscode.l10n.t('Generate Key Pair');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: no signing key is stored. New tokens are signed with a stored key.'), generate);
    if (answer === generate) void vscode.commands.executeCommand('tokenLens.generateKeyPair');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    keys.map((k) => ({ label: `$(key) ${labelText(k.label, { max: 80 })}`, description: labelText(storedKeyDescriptionText(k.description), { max: 80 }), key: k })),
    { title: template.template.signTitle, placeHolder: vscode.l10n.t('The algorithm comes from the key') },
  );
  if (picked === undefined) return undefined;
  const stored = await store.signingKey(picked.key.label);
  const key = stored !== undefined ? await privateKeyOf(stored) : undefined;
  if (key === undefined || !key.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${key?.ok === false ? messageText(key.error) : vscode.l10n.t('the key is no longer stored')}`));
    return undefined;
  }
  const { header, payload } = tokenTemplate(template.template.id, Math.floor(Date.now() / 1000), globalThis.crypto.randomUUID());
  const signed = await signToken({ header, payload, key: key.value });
  if (!signed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(signed.error)}`));
    return undefined;
  }
  const { token } = signed.value;
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && (await editor.edit((edit) => edit.replace(editor.selection, token)))) {
    return { token, placed: 'editor' };
  }
  await vscode.env.clipboard.writeText(token);
  void vscode.window.showInformationMessage(notificationText(vscode.l10n.t('Token Lens: {0}; copied to the clipboard.', signed.value.description)));
  return { token, placed: 'clipboard' };
}
