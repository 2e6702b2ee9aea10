import * as vscode from 'vscode';
import { parseVerificationKey } from '../core';
import type { KeyStore } from '../model/keyStore';
import { labelText } from '../present/escape';
import { messageText } from '../present/findingText';
import { bindingText } from './addVerificationKey';


/** One line of the key list: never the key material itself. */
export interface KeySummary {
  readonly label: string;
  readonly description: string;
  readonly iss?: string;
  readonly kid?: string;
}

/**
 * Token Lens: List Verification Keys. Shows labels, key types and bindings (no material) in
 * a quick pick and returns the same summaries.
 */
export async function listVerificationKeys(store: KeyStore, options: { readonly show?: boolean } = {}): Promise<KeySummary[]> {
  const summaries: KeySummary[] = [];
  for (const input of await store.list()) {
    const parsed = await parseVerificationKey(input);
    summaries.push({
      label: input.label,
      description: parsed.ok ? parsed.value.description : vscode.l10n.t('unreadable: {0}', messageText(parsed.error)),
      ...(input.iss ? { iss: input.iss } : {}),
      ...(input.kid ? { kid: input.kid } : {}),
    });
  }
  if (options.show !== false) {
    // Quick-pick rows draw `$(icon)`: labels and bindings are user text, escaped as labels.
    const items = summaries.map((s) => ({
      label: labelText(s.label, { icons: true, max: 120 }),
      description: labelText(s.description, { icons: true, max: 160 }),
      detail: labelText(bindingText(s.iss, s.kid), { icons: true, max: 300 }),
    }));
    void vscode.window.showQuickPick(items, { title: vscode.l10n.t('Verification keys (stored in SecretStorage)'), placeHolder: items.length ? undefined : vscode.l10n.t('No keys: run "Token Lens: Add Verification Key"') });
  }
  return summaries;
}
