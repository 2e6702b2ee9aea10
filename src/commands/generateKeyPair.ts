import * as vscode from 'vscode';
import { generateSigningKeyPair, KEY_PAIR_TYPES } from '../core/keygen';
import type { GeneratedKeyPair, KeyPairType } from '../core/keygen';
import type { KeyStore } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';

/** What *Generate Key Pair* made: the label stored and the public file written, if any. */
export interface GeneratedKeyOutcome {
  readonly label: string;
  readonly kid: string;
  readonly alg: string;
  readonly publicFile?: vscode.Uri;
}

/** The key types as the pick offers them (their words in the display language, read when it opens). */
const typeItems = (): Readonly<Record<KeyPairType, { label: string; detail: string }>> => ({
  'RSA-2048': { label: 'RSA 2048', detail: `RS256 · ${vscode.l10n.t('accepted everywhere')}` },
  'RSA-3072': { label: 'RSA 3072', detail: `RS256 · ${vscode.l10n.t('the size NIST recommends beyond 2030')}` },
  'EC-P-256': { label: 'EC P-256', detail: `ES256 · ${vscode.l10n.t('small and fast')}` },
  'EC-P-384': { label: 'EC P-384', detail: 'ES384' },
  'EC-P-521': { label: 'EC P-521', detail: 'ES512' },
  Ed25519: { label: 'Ed25519', detail: `EdDSA · ${vscode.l10n.t('small and fast; not every library verifies it')}` },
});

type PublicForm = 'jwks' | 'jwk' | 'pem';

/** The public-key files offered (their words in the display language, read when the pick opens). */
const forms = (): readonly { readonly form: PublicForm; readonly label: string; readonly detail: string; readonly suffix: string; readonly filter: Record<string, string[]> }[] => [
  { form: 'jwks', label: `$(json) ${vscode.l10n.t('Public JWKS')}`, detail: vscode.l10n.t('{0}: what a local test server serves as its jwks_uri', '{"keys": [ … ]}'), suffix: '.jwks.json', filter: { 'JWK Set': ['json'] } },
  { form: 'jwk', label: `$(json) ${vscode.l10n.t('Public JWK')}`, detail: vscode.l10n.t('The one public key as a JWK'), suffix: '.jwk.json', filter: { JWK: ['json'] } },
  { form: 'pem', label: `$(file-code) ${vscode.l10n.t('Public key, SPKI PEM')}`, detail: '-----BEGIN PUBLIC KEY-----', suffix: '.pub.pem', filter: { PEM: ['pem'] } },
];

function publicText(pair: GeneratedKeyPair, form: PublicForm): string {
  if (form === 'pem') return pair.publicPem.endsWith('\n') ? pair.publicPem : `${pair.publicPem}\n`;
  return `${JSON.stringify(form === 'jwks' ? pair.publicJwks : pair.publicJwk, undefined, 2)}\n`;
}

function fileStem(label: string): string {
  return label.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'signing-key';
}

/**
 * Token Lens: Generate Key Pair (issue 11). Asks the type (RSA 2048/3072, EC P-256/384/521,
 * Ed25519) and a label, generates the pair with jose, stores the private key in SecretStorage
 * only (as a signing key; its public half verifies what it signs) and offers to write the
 * *public* key — JWKS, JWK or SPKI PEM — to a file the user picks in a save dialog. The private
 * key is never shown, written or logged. Returns what was made, undefined when cancelled.
 */
export async function generateKeyPair(store: KeyStore): Promise<GeneratedKeyOutcome | undefined> {
  const type = await vscode.window.showQuickPick(
    KEY_PAIR_TYPES.map((t) => ({ ...typeItems()[t], type: t })),
    { title: vscode.l10n.t('Token Lens: Generate Key Pair'), placeHolder: vscode.l10n.t('Key type') },
  );
  if (type === undefined) return undefined;
  const existing = new Set((await store.signingKeys()).map((k) => k.label));
  const suggested = `${type.label} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
  const label = await vscode.window.showInputBox({
    title: vscode.l10n.t('Label for the new signing key'),
    prompt: vscode.l10n.t('The private key is stored in VS Code secret storage under this label'),
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A label is required') : v.length > 200 ? vscode.l10n.t('At most 200 characters') : existing.has(v.trim()) ? vscode.l10n.t('A signing key has this label; choose another') : undefined),
  });
  if (label === undefined || label.trim() === '' || existing.has(label.trim())) return undefined;
  const pair = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Token Lens: generating a {0} key pair…', type.label) }, () => generateSigningKeyPair(type.type));
  if (!pair.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(pair.error)}`));
    return undefined;
  }
  const { value } = pair;
  await store.addSigningKey({
    label: label.trim(),
    material: { kind: 'pem', pem: value.privatePem },
    kid: value.kid,
    publicJwk: JSON.stringify(value.publicJwk),
    // The core's English (`RSA private key (2048 bit) · RS256`), as Add Signing Key stores it: pickers show it in the display language (present storedKeyDescriptionText).
    description: `${value.privateKey.description} · ${value.alg}`,
  });
  const outcome: GeneratedKeyOutcome = { label: label.trim(), kid: value.kid, alg: value.alg };
  const publicFile = await offerPublicFile(value, outcome.label);
  void vscode.window.showInformationMessage(
    notificationText(
      publicFile !== undefined
        ? vscode.l10n.t('Token Lens: stored signing key "{0}" ({1}, kid {2}…) in secret storage; public key written to {3}.', outcome.label, value.alg, value.kid.slice(0, 12), vscode.workspace.asRelativePath(publicFile))
        : vscode.l10n.t('Token Lens: stored signing key "{0}" ({1}, kid {2}…) in secret storage.', outcome.label, value.alg, value.kid.slice(0, 12)),
      400,
    ),
  );
  return publicFile !== undefined ? { ...outcome, publicFile } : outcome;
}

/** Offers to write the public key; the save dialog is the confirmation. */
async function offerPublicFile(pair: GeneratedKeyPair, label: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick([...forms(), { form: undefined, label: `$(close) ${vscode.l10n.t('Do not write a file')}`, detail: vscode.l10n.t('The key is stored; you can verify and sign with it now'), suffix: '', filter: {} }], {
    title: vscode.l10n.t('Write the public key of "{0}" to a file?', labelText(label, { max: 60 })),
    placeHolder: vscode.l10n.t('For a local test server (the private key is never written)'),
    ignoreFocusOut: true,
  });
  if (picked?.form === undefined) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${fileStem(label)}${picked.suffix}`;
  const uri = await vscode.window.showSaveDialog({
    title: vscode.l10n.t('Save the public key'),
    saveLabel: vscode.l10n.t('Write Public Key'),
    filters: picked.filter,
    ...(folder !== undefined ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
  if (uri === undefined) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(publicText(pair, picked.form)));
  return uri;
}
