import * as vscode from 'vscode';
import type { KeyStore } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { storedKeyDescriptionText } from '../present/keys';

/**
 * Token Lens: Remove Signing Key (issue 11). `label` (from a caller or a link) only
 * pre-selects: the key is removed after a modal confirmation naming it. Returns whether a key
 * was removed.
 */
export async function removeSigningKey(store: KeyStore, label?: unknown): Promise<boolean> {
  const keys = await store.signingKeySummaries();
  if (keys.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Token Lens: no signing keys are stored.'));
    return false;
  }
  let target = typeof label === 'string' ? keys.find((k) => k.label === label) : undefined;
  if (target === undefined) {
    const picked = await vscode.window.showQuickPick(
      keys.map((k) => ({ label: labelText(k.label, { icons: true, max: 120 }), description: labelText(storedKeyDescriptionText(k.description), { icons: true, max: 120 }), key: k })),
      { title: vscode.l10n.t('Remove Signing Key'), placeHolder: vscode.l10n.t('Choose the signing key to remove') },
    );
    target = picked?.key;
  }
  if (target === undefined) return false;
  const remove = vscode.l10n.t('Remove Key');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove the signing key "{0}"?', labelText(target.label, { max: 80 })),
    { modal: true, detail: vscode.l10n.t('{0}. It cannot be recovered: tokens it signed no longer verify with it here.', labelText(storedKeyDescriptionText(target.description), { max: 160 })) },
    remove,
  );
  if (answer !== remove) return false;
  const removed = await store.removeSigningKey(target.label);
  if (removed) void vscode.window.showInformationMessage(notificationText(vscode.l10n.t('Token Lens: removed signing key "{0}".', target.label)));
  return removed;
}
