import * as vscode from 'vscode';
import type { SecretEncoding } from '../core';
import { decryptionAlgorithms } from '../core/decrypt';
import { parsePrivateKey } from '../core/keys';
import type { KeyStore, SigningMaterial } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';

/** Where the material came from: a clipboard still holding it is cleared once it is stored. */
type Source = 'paste' | 'clipboard' | 'open';

/** How the algorithms a key decrypts read in a prompt: `RSA-OAEP, RSA-OAEP-256 and 2 more`. */
function algorithmsText(algs: readonly string[]): string {
  return algs.length <= 3 ? algs.join(', ') : `${algs.slice(0, 3).join(', ')} and ${algs.length - 3} more`;
}

/** Text a user pasted, copied or a file held, as decryption material (a secret asks what it is). */
async function materialFromText(text: string): Promise<SigningMaterial | undefined> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return { kind: 'pem', pem: text };
  if (trimmed.startsWith('{')) return { kind: 'jwk', json: text };
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Password or text', encoding: 'utf8' as SecretEncoding, detail: 'A PBES2-* password, or a key typed as text: used byte for byte' },
      { label: 'Key bytes, base64url', encoding: 'base64url' as SecretEncoding, detail: 'URL-safe base64 (- _), as a JWK "k": a dir or A*KW / A*GCMKW key' },
      { label: 'Key bytes, base64', encoding: 'base64' as SecretEncoding, detail: 'Standard base64 (+ / =)' },
    ],
    { title: 'What is this secret?', ignoreFocusOut: true },
  );
  return picked ? { kind: 'secret', value: text, encoding: picked.encoding } : undefined;
}

async function pickMaterial(): Promise<{ material: SigningMaterial; source: Source; text: string } | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: '$(lock) Type or paste a private key, JWK, secret or password', description: 'hidden as you type', source: 'paste' as const },
      { label: '$(clippy) Use the key on the clipboard', description: 'the clipboard is cleared once it is stored', source: 'clipboard' as const },
      { label: '$(folder-opened) Open a private key file…', source: 'open' as const },
    ],
    { title: 'Token Lens: Add Decryption Key', placeHolder: 'RSA-OAEP*, ECDH-ES* (EC or X25519) private key; dir / A*KW key; PBES2 password', ignoreFocusOut: true },
  );
  if (source === undefined) return undefined;
  let text: string | undefined;
  if (source.source === 'paste') {
    text = await vscode.window.showInputBox({
      title: 'Decryption key',
      prompt: '-----BEGIN PRIVATE KEY----- / EC PRIVATE KEY / RSA PRIVATE KEY …, a private JWK, a secret or a PBES2 password (hidden as you type)',
      password: true,
      ignoreFocusOut: true,
    });
  } else if (source.source === 'clipboard') {
    // Read only now that the user chose it (a browser host asks before a clipboard read).
    text = await vscode.env.clipboard.readText();
    if (!text) {
      void vscode.window.showWarningMessage('Token Lens: the clipboard is empty.');
      return undefined;
    }
  } else {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Use as decryption key', title: 'Private key file (read once, stored in secret storage)' })) ?? [];
    if (uri === undefined) return undefined;
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }
  if (!text) return undefined;
  const material = await materialFromText(text);
  return material === undefined ? undefined : { material, source: source.source, text };
}

/**
 * Token Lens: Add Decryption Key (issue 11). Always interactive: the material comes from a
 * hidden input box, the clipboard (read only when chosen, cleared after storing) or a file
 * picker — never from the command's arguments, which a link in a hostile file could set — then
 * a label, then a confirmation naming what the key decrypts before it is stored in
 * SecretStorage as a decryption key (one home with the signing keys, which decrypt too, but
 * never offered for signing). The key is checked with core `parsePrivateKey` and
 * `decryptionAlgorithms` (a public key, or one that decrypts nothing, is refused) and never
 * shown back. Returns the label stored, or undefined.
 */
export async function addDecryptionKey(store: KeyStore): Promise<string | undefined> {
  const picked = await pickMaterial();
  if (picked === undefined) return undefined;
  const { material } = picked;
  const parsed = await parsePrivateKey(material);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${parsed.error.message}`));
    return undefined;
  }
  const algs = decryptionAlgorithms(parsed.value);
  if (algs.length === 0) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: this ${parsed.value.description} decrypts no JWE (it is for signatures).`));
    return undefined;
  }
  const label = await vscode.window.showInputBox({
    title: 'Label for this decryption key',
    prompt: 'Surfaces name the key that decrypted a token by this label',
    value: parsed.value.description,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A label is required' : v.length > 200 ? 'At most 200 characters' : undefined),
  });
  if (!label?.trim()) return undefined;
  const name = label.trim();
  const replaces = await store.hasPrivateKey(name);
  // The confirmation names what the key decrypts; only its first item stores.
  const confirm = await vscode.window.showQuickPick(
    [
      {
        label: `$(lock) ${replaces ? 'Replace' : 'Store'} the decryption key "${labelText(name, { max: 80 })}"`,
        detail: `${parsed.value.description}, decrypts ${algorithmsText(algs)}${parsed.value.kid !== undefined ? ` · kid ${labelText(parsed.value.kid, { max: 120 })}` : ''}. ${replaces ? 'The key stored under this label is replaced. ' : ''}Kept in VS Code secret storage only; it is never shown again.`,
        store: true,
      },
      { label: '$(close) Cancel', detail: 'Store nothing', store: false },
    ],
    { title: 'Store this decryption key?', ignoreFocusOut: true },
  );
  if (confirm?.store !== true) return undefined;
  await store.addDecryptionKey({
    label: name,
    material,
    ...(parsed.value.kid !== undefined ? { kid: parsed.value.kid } : {}),
    description: `${parsed.value.description} · decrypts ${algorithmsText(algs)}`,
  });
  let cleared = false;
  if (picked.source === 'clipboard' && (await vscode.env.clipboard.readText()) === picked.text) {
    await vscode.env.clipboard.writeText('');
    cleared = true;
  }
  void vscode.window.showInformationMessage(notificationText(`Token Lens: stored decryption key "${name}" in secret storage${cleared ? '; the clipboard was cleared' : ''}.`));
  return name;
}
