import * as vscode from 'vscode';
import type { SecretEncoding } from '../core';
import { parsePrivateKey } from '../core/keys';
import { defaultSigningAlgorithm } from '../core/sign';
import type { KeyStore, SigningMaterial } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';

/** Text a user pasted or a file held, as signing material (a secret asks for its encoding). */
async function materialFromText(text: string): Promise<SigningMaterial | undefined> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return { kind: 'pem', pem: text };
  if (trimmed.startsWith('{')) return { kind: 'jwk', json: text };
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'UTF-8 text', encoding: 'utf8' as SecretEncoding, detail: 'The secret is used byte for byte as typed' },
      { label: 'base64', encoding: 'base64' as SecretEncoding, detail: 'Standard base64 (+ / =)' },
      { label: 'base64url', encoding: 'base64url' as SecretEncoding, detail: 'URL-safe base64 (- _), as in a JWK "k"' },
    ],
    { title: 'How is the HMAC secret encoded?', ignoreFocusOut: true },
  );
  return picked ? { kind: 'secret', value: text, encoding: picked.encoding } : undefined;
}

async function pickMaterial(): Promise<SigningMaterial | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: '$(lock) Type or paste an HMAC secret, PKCS#8 PEM private key or private JWK', source: 'paste' as const },
      { label: '$(folder-opened) Open a private key file…', source: 'open' as const },
    ],
    { title: 'Token Lens: Add Signing Key', ignoreFocusOut: true },
  );
  if (source === undefined) return undefined;
  if (source.source === 'paste') {
    const text = await vscode.window.showInputBox({ title: 'Signing key', prompt: 'HMAC secret, -----BEGIN PRIVATE KEY----- … or a private JWK (hidden as you type)', password: true, ignoreFocusOut: true });
    return text ? materialFromText(text) : undefined;
  }
  const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use as signing key', title: 'Private key file (read once, stored in secret storage)' })) ?? [];
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
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${parsed.error.message}`));
    return undefined;
  }
  const alg = defaultSigningAlgorithm(parsed.value);
  if (alg === undefined) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: this ${parsed.value.description} cannot sign a JWS.`));
    return undefined;
  }
  const label = await vscode.window.showInputBox({
    title: 'Label for this signing key',
    value: parsed.value.description,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A label is required' : v.length > 200 ? 'At most 200 characters' : undefined),
  });
  if (!label?.trim()) return undefined;
  const kid = await vscode.window.showInputBox({
    title: 'Key id (kid) for tokens it signs (optional)',
    prompt: 'Put into the header of every token this key signs; it also binds the key for verification',
    value: parsed.value.kid ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (v.length > 512 ? 'At most 512 characters' : undefined),
  });
  if (kid === undefined) return undefined;
  // Labels are unique among all private keys (a decryption key of this label is replaced too).
  const replaces = await store.hasPrivateKey(label.trim());
  const storeIt = 'Store Signing Key';
  const answer = await vscode.window.showWarningMessage(
    `${replaces ? 'Replace' : 'Store'} the signing key "${labelText(label.trim(), { max: 80 })}"?`,
    { modal: true, detail: `${parsed.value.description}, signs with ${alg}${kid.trim() ? ` · kid ${labelText(kid.trim(), { max: 120 })}` : ''}. Kept in VS Code secret storage only; it is never shown again.` },
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
  void vscode.window.showInformationMessage(notificationText(`Token Lens: stored signing key "${label.trim()}" in secret storage.`));
  return label.trim();
}
