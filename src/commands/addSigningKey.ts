import * as vscode from 'vscode';
import type { SecretEncoding } from '../core';
import { parsePrivateKey } from '../core/keys';
import { defaultSigningAlgorithm } from '../core/sign';
import type { KeyStore, SigningMaterial } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';

/** Text a user pasted or a file held, as signing material (a secret asks for its encoding). */
async function materialFromText(text: string): Promise<SigningMaterial | undefined> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return { kind: 'pem', pem: text };
  if (trimmed.startsWith('{')) return { kind: 'jwk', json: text };
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('UTF-8 text'), encoding: 'utf8' as SecretEncoding, detail: vscode.l10n.t('The secret is used byte for byte as typed') },
      { label: 'base64', encoding: 'base64' as SecretEncoding, detail: vscode.l10n.t('Standard base64 (+ / =)') },
      { label: 'base64url', encoding: 'base64url' as SecretEncoding, detail: vscode.l10n.t('URL-safe base64 (- _), as in a JWK "k"') },
    ],
    { title: vscode.l10n.t('How is the HMAC secret encoded?'), ignoreFocusOut: true },
  );
  return picked ? { kind: 'secret', value: text, encoding: picked.encoding } : undefined;
}

async function pickMaterial(): Promise<SigningMaterial | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: `$(lock) ${vscode.l10n.t('Type or paste an HMAC secret, PKCS#8 PEM private key or private JWK')}`, source: 'paste' as const },
      { label: `$(folder-opened) ${vscode.l10n.t('Open a private key file…')}`, source: 'open' as const },
    ],
    { title: vscode.l10n.t('Token Lens: Add Signing Key'), ignoreFocusOut: true },
  );
  if (source === undefined) return undefined;
  if (source.source === 'paste') {
    const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Signing key'), prompt: vscode.l10n.t('HMAC secret, -----BEGIN PRIVATE KEY----- … or a private JWK (hidden as you type)'), password: true, ignoreFocusOut: true });
    return text ? materialFromText(text) : undefined;
  }
  const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use as signing key'), title: vscode.l10n.t('Private key file (read once, stored in secret storage)') })) ?? [];
  if (uri === undefined) return undefined;
  return materialFromText(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

/**
 * Token Lens: Add Signing Key (issue 11). Always interactive: the material comes from a hidden
 * input box or a file picker — never from the command's arguments, which a link in a hostile
 * file could set — then a label and an optional `kid`, then a modal confirmation before it is
 * stored in SecretStorage. The key is checked with core `parsePrivateKey` (a public key is
 * refused) and never shown back. Returns the label stored, or undefined.
 */
export async function addSigningKey(store: KeyStore): Promise<string | undefined> {
  const material = await pickMaterial();
  if (material === undefined) return undefined;
  const parsed = await parsePrivateKey(material);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(parsed.error)}`));
    return undefined;
  }
  const alg = defaultSigningAlgorithm(parsed.value);
  if (alg === undefined) {
    void vscode.window.showErrorMessage(notificationText(vscode.l10n.t('Token Lens: this {0} cannot sign a JWS.', parsed.value.description)));
    return undefined;
  }
  const label = await vscode.window.showInputBox({
    title: vscode.l10n.t('Label for this signing key'),
    value: parsed.value.description,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A label is required') : v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
  });
  if (!label?.trim()) return undefined;
  const kid = await vscode.window.showInputBox({
    title: vscode.l10n.t('Key id (kid) for tokens it signs (optional)'),
    prompt: vscode.l10n.t('Put into the header of every token this key signs; it also binds the key for verification'),
    value: parsed.value.kid ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (v.length > 512 ? vscode.l10n.t('At most 512 characters') : undefined),
  });
  if (kid === undefined) return undefined;
  // Labels are unique among all private keys (a decryption key of this label is replaced too).
  const replaces = await store.hasPrivateKey(label.trim());
  const storeIt = vscode.l10n.t('Store Signing Key');
  const answer = await vscode.window.showWarningMessage(
    replaces ? vscode.l10n.t('Replace the signing key "{0}"?', labelText(label.trim(), { max: 80 })) : vscode.l10n.t('Store the signing key "{0}"?', labelText(label.trim(), { max: 80 })),
    {
      modal: true,
      detail: kid.trim()
        ? vscode.l10n.t('{0}, signs with {1} · kid {2}. Kept in VS Code secret storage only; it is never shown again.', parsed.value.description, alg, labelText(kid.trim(), { max: 120 }))
        : vscode.l10n.t('{0}, signs with {1}. Kept in VS Code secret storage only; it is never shown again.', parsed.value.description, alg),
    },
    storeIt,
  );
  if (answer !== storeIt) return undefined;
  const publicJwk = parsed.value.publicJwk !== undefined ? JSON.stringify(parsed.value.publicJwk) : undefined;
  await store.addSigningKey({
    label: label.trim(),
    material,
    ...(kid.trim() ? { kid: kid.trim() } : {}),
    ...(publicJwk !== undefined ? { publicJwk } : {}),
    description: `${parsed.value.description} · ${alg}`,
  });
  void vscode.window.showInformationMessage(notificationText(vscode.l10n.t('Token Lens: stored signing key "{0}" in secret storage.', label.trim())));
  return label.trim();
}
