import * as vscode from 'vscode';
import type { KeyStore } from '../features/keyStore';

export const REMOVE_VERIFICATION_KEY = 'tokenLens.removeVerificationKey';

/**
 * Token Lens: Remove Verification Key. Removes the key with `label`, or one picked from the
 * stored labels. Returns whether a key was removed.
 */
export async function removeVerificationKey(store: KeyStore, label?: string): Promise<boolean> {
  let target = typeof label === 'string' ? label : undefined;
  if (target === undefined) {
    const keys = await store.list();
    if (keys.length === 0) {
      void vscode.window.showInformationMessage('Token Lens: no verification keys are stored.');
      return false;
    }
    const picked = await vscode.window.showQuickPick(keys.map((k) => ({ label: k.label, description: k.material.kind })), { title: 'Remove Verification Key' });
    target = picked?.label;
  }
  if (target === undefined) return false;
  const removed = await store.remove(target);
  if (removed) void vscode.window.showInformationMessage(`Token Lens: removed verification key "${target}".`);
  return removed;
}
