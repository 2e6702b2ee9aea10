import * as vscode from 'vscode';
import type { KeyStore } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { bindingText } from './addVerificationKey';


/**
 * Token Lens: Remove Verification Key. `label` (from a caller or a link) only pre-selects: the
 * key is removed after a modal confirmation naming it and its binding. Returns whether a key
 * was removed.
 */
export async function removeVerificationKey(store: KeyStore, label?: unknown): Promise<boolean> {
  const keys = await store.list();
  if (keys.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: no verification keys are stored.'));
    return false;
  }
  let target = typeof label === 'string' ? keys.find((k) => k.label === label) : undefined;
  if (target === undefined) {
    const picked = await vscode.window.showQuickPick(
      keys.map((k) => ({ label: labelText(k.label, { icons: true, max: 120 }), description: k.material.kind, detail: labelText(bindingText(k.iss, k.kid), { icons: true, max: 300 }), key: k })),
      { title: vscode.l10n.t('Remove Verification Key'), placeHolder: vscode.l10n.t('Choose the key to remove') },
    );
    target = picked?.key;
  }
  if (target === undefined) return false;
  const remove = vscode.l10n.t('Remove Key');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the verification key "{0}"?', labelText(target.label, { max: 80 })),
    { modal: true, detail: vscode.l10n.t('{0} key · {1}. Tokens it verified show "unverified" afterwards.', target.material.kind, labelText(bindingText(target.iss, target.kid), { max: 300 })) },
    remove,
  );
  if (answer !== remove) return false;
  const removed = await store.remove(target.label);
  if (removed) void vscode.window.showInformationMessage(notificationText(vscode.l10n.t('Token Lens: removed verification key "{0}".', target.label)));
  return removed;
}
