import * as vscode from 'vscode';
import type { SecretEncoding } from '../core';
import { decryptionAlgorithms } from '../core/decrypt';
import { parsePrivateKey } from '../core/keys';
import type { KeyStore, SigningMaterial } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';
import { storedKeyDescriptionText } from '../present/keys';

/** Where the material came from: a clipboard still holding it is cleared once it is stored. */
type Source = 'paste' | 'clipboard' | 'open';

/** How the algorithms a key decrypts read in a prompt: `RSA-OAEP, RSA-OAEP-256 and 2 more`. */
function algorithmsText(algs: readonly string[]): string {
  return algs.length <= 3 ? algs.join(', ') : `${algs.slice(0, 3).join(', ')} and ${algs.length - 3} more`;
}

/** {@link algorithmsText} in the display language (the stored description keeps the English). */
function algorithmsWords(algs: readonly string[]): string {
  return algs.length <= 3 ? algs.join(', ') : vscode.l10n.t('{0} and {1} more', algs.slice(0, 3).join(', '), algs.length - 3);
}

/** Text a user pasted, copied or a file held, as decryption material (a secret asks what it is). */
async function materialFromText(text: string): Promise<SigningMaterial | undefined> {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return { kind: 'pem', pem: text };
  if (trimmed.startsWith('{')) return { kind: 'jwk', json: text };
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Password or text'), encoding: 'utf8' as SecretEncoding, detail: vscode.l10n.t('A PBES2-* password, or a key typed as text: used byte for byte') },
      { label: vscode.l10n.t('Key bytes, base64url'), encoding: 'base64url' as SecretEncoding, detail: vscode.l10n.t('URL-safe base64 (- _), as a JWK "k": a dir or A*KW / A*GCMKW key') },
      { label: vscode.l10n.t('Key bytes, base64'), encoding: 'base64' as SecretEncoding, detail: vscode.l10n.t('Standard base64 (+ / =)') },
    ],
    { title: vscode.l10n.t('What is this secret?'), ignoreFocusOut: true },
  );
  return picked ? { kind: 'secret', value: text, encoding: picked.encoding } : undefined;
}

async function pickMaterial(): Promise<{ material: SigningMaterial; source: Source; text: string } | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: `$(lock) ${vscode.l10n.t('Type or paste a private key, JWK, secret or password')}`, description: vscode.l10n.t('hidden as you type'), source: 'paste' as const },
      { label: `$(clippy) ${vscode.l10n.t('Use the key on the clipboard')}`, description: vscode.l10n.t('the clipboard is cleared once it is stored'), source: 'clipboard' as const },
      { label: `$(folder-opened) ${vscode.l10n.t('Open a private key file…')}`, source: 'open' as const },
    ],
    { title: vscode.l10n.t('Token Lens: Add Decryption Key'), placeHolder: vscode.l10n.t('RSA-OAEP*, ECDH-ES* (EC or X25519) private key; dir / A*KW key; PBES2 password'), ignoreFocusOut: true },
  );
  if (source === undefined) return undefined;
  let text: string | undefined;
  if (source.source === 'paste') {
    text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Decryption key'),
      prompt: vscode.l10n.t('-----BEGIN PRIVATE KEY----- / EC PRIVATE KEY / RSA PRIVATE KEY …, a private JWK, a secret or a PBES2 password (hidden as you type)'),
      password: true,
      ignoreFocusOut: true,
    });
  } else if (source.source === 'clipboard') {
    // Read only now that the user chose it (a browser host asks before a clipboard read).
    text = await vscode.env.clipboard.readText();
    if (!text) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: the clipboard is empty.'));
      return undefined;
    }
  } else {
    const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use as decryption key'), title: vscode.l10n.t('Private key file (read once, stored in secret storage)') })) ?? [];
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
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(parsed.error)}`));
    return undefined;
  }
  const algs = decryptionAlgorithms(parsed.value);
  if (algs.length === 0) {
    void vscode.window.showErrorMessage(notificationText(vscode.l10n.t('Token Lens: this {0} decrypts no JWE (it is for signatures).', parsed.value.description)));
    return undefined;
  }
  const label = await vscode.window.showInputBox({
    title: vscode.l10n.t('Label for this decryption key'),
    prompt: vscode.l10n.t('Surfaces name the key that decrypted a token by this label'),
    value: parsed.value.description,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A label is required') : v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
  });
  if (!label?.trim()) return undefined;
  const name = label.trim();
  const replaces = await store.hasPrivateKey(name);
  // The confirmation names what the key decrypts; only its first item stores.
  const confirm = await vscode.window.showQuickPick(
    [
      {
        label: `$(lock) ${replaces ? vscode.l10n.t('Replace the decryption key "{0}"', labelText(name, { max: 80 })) : vscode.l10n.t('Store the decryption key "{0}"', labelText(name, { max: 80 }))}`,
        detail: [
          parsed.value.kid !== undefined
            ? vscode.l10n.t('{0}, decrypts {1} · kid {2}.', storedKeyDescriptionText(parsed.value.description), algorithmsWords(algs), labelText(parsed.value.kid, { max: 120 }))
            : vscode.l10n.t('{0}, decrypts {1}.', storedKeyDescriptionText(parsed.value.description), algorithmsWords(algs)),
          ...(replaces ? [vscode.l10n.t('The key stored under this label is replaced.')] : []),
          vscode.l10n.t('Kept in VS Code secret storage only; it is never shown again.'),
        ].join(' '),
        store: true,
      },
      { label: `$(close) ${vscode.l10n.t('Cancel')}`, detail: vscode.l10n.t('Store nothing'), store: false },
    ],
    { title: vscode.l10n.t('Store this decryption key?'), ignoreFocusOut: true },
  );
  if (confirm?.store !== true) return undefined;
  await store.addDecryptionKey({
    label: name,
    material,
    ...(parsed.value.kid !== undefined ? { kid: parsed.value.kid } : {}),
    // Stored in English; pickers and notices show it in the display language (present storedKeyDescriptionText).
    description: `${parsed.value.description} · decrypts ${algorithmsText(algs)}`,
  });
  let cleared = false;
  if (picked.source === 'clipboard' && (await vscode.env.clipboard.readText()) === picked.text) {
    await vscode.env.clipboard.writeText('');
    cleared = true;
  }
  void vscode.window.showInformationMessage(notificationText(cleared ? vscode.l10n.t('Token Lens: stored decryption key "{0}" in secret storage; the clipboard was cleared.', name) : vscode.l10n.t('Token Lens: stored decryption key "{0}" in secret storage.', name)));
  return name;
}
