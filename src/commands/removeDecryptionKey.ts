import * as vscode from 'vscode';
import type { KeyStore } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { storedKeyDescriptionText } from '../present/keys';

/**
 * Token Lens: Remove Decryption Key (issue 11). Lists the decryption keys (signing keys decrypt
 * too, and are removed with *Remove Signing Key*); `label` (from a caller or a link) only
 * pre-selects: the key is removed after a modal confirmation naming it. Returns whether a key
 * was removed.
 */
export async function removeDecryptionKey(store: KeyStore, label?: unknown): Promise<boolean> {
  const keys = (await store.decryptionKeySummaries()).filter((k) => !k.signs);
  if (keys.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: no decryption keys are stored (signing keys, which decrypt too, are removed with Remove Signing Key).'));
    return false;
  }
  let target = typeof label === 'string' ? keys.find((k) => k.label === label) : undefined;
  if (target === undefined) {
    const picked = await vscode.window.showQuickPick(
      keys.map((k) => ({ label: labelText(k.label, { icons: true, max: 120 }), description: labelText(storedKeyDescriptionText(k.description), { icons: true, max: 120 }), key: k })),
      { title: vscode.l10n.t('Remove Decryption Key'), placeHolder: vscode.l10n.t('Choose the decryption key to remove') },
    );
    target = picked?.key;
  }
  if (target === undefined) return false;
  const remove = vscode.l10n.t('Remove Key');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the decryption key "{0}"?', labelText(target.label, { max: 80 })),
    { modal: true, detail: vscode.l10n.t('{0}. It cannot be recovered: tokens encrypted to it no longer decrypt here.', labelText(storedKeyDescriptionText(target.description), { max: 160 })) },
    remove,
  );
  if (answer !== remove) return false;
  const removed = await store.removeDecryptionKey(target.label);
  if (removed) void vscode.window.showInformationMessage(notificationText(vscode.l10n.t('Token Lens: removed decryption key "{0}".', target.label)));
  return removed;
}
