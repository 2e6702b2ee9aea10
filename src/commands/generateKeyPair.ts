import * as vscode from 'vscode';
import { generateSigningKeyPair, KEY_PAIR_TYPES } from '../core/keygen';
import type { GeneratedKeyPair, KeyPairType } from '../core/keygen';
import type { KeyStore } from '../model/keyStore';
import { labelText, notificationText } from '../present/escape';

/** What *Generate Key Pair* made: the label stored and the public file written, if any. */
export interface GeneratedKeyOutcome {
  readonly label: string;
  readonly kid: string;
  readonly alg: string;
  readonly publicFile?: vscode.Uri;
}

const TYPE_ITEMS: Readonly<Record<KeyPairType, { label: string; detail: string }>> = {
  'RSA-2048': { label: 'RSA 2048', detail: 'RS256 · accepted everywhere' },
  'RSA-3072': { label: 'RSA 3072', detail: 'RS256 · the size NIST recommends beyond 2030' },
  'EC-P-256': { label: 'EC P-256', detail: 'ES256 · small and fast' },
  'EC-P-384': { label: 'EC P-384', detail: 'ES384' },
  'EC-P-521': { label: 'EC P-521', detail: 'ES512' },
  Ed25519: { label: 'Ed25519', detail: 'EdDSA · small and fast; not every library verifies it' },
};

type PublicForm = 'jwks' | 'jwk' | 'pem';

const FORMS: readonly { readonly form: PublicForm; readonly label: string; readonly detail: string; readonly suffix: string; readonly filter: Record<string, string[]> }[] = [
  { form: 'jwks', label: '$(json) Public JWKS', detail: '{"keys": [ … ]}: what a local test server serves as its jwks_uri', suffix: '.jwks.json', filter: { 'JWK Set': ['json'] } },
  { form: 'jwk', label: '$(json) Public JWK', detail: 'The one public key as a JWK', suffix: '.jwk.json', filter: { JWK: ['json'] } },
  { form: 'pem', label: '$(file-code) Public key, SPKI PEM', detail: '-----BEGIN PUBLIC KEY-----', suffix: '.pub.pem', filter: { PEM: ['pem'] } },
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
    KEY_PAIR_TYPES.map((t) => ({ ...TYPE_ITEMS[t], type: t })),
    { title: 'Token Lens: Generate Key Pair', placeHolder: 'Key type' },
  );
  if (type === undefined) return undefined;
  const existing = new Set((await store.signingKeys()).map((k) => k.label));
  const suggested = `${type.label} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
  const label = await vscode.window.showInputBox({
    title: 'Label for the new signing key',
    prompt: 'The private key is stored in VS Code secret storage under this label',
    value: suggested,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'A label is required' : v.length > 200 ? 'At most 200 characters' : existing.has(v.trim()) ? 'A signing key has this label; choose another' : undefined),
  });
  if (label === undefined || label.trim() === '' || existing.has(label.trim())) return undefined;
  const pair = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Token Lens: generating a ${type.label} key pair…` }, () => generateSigningKeyPair(type.type));
  if (!pair.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${pair.error.message}`));
    return undefined;
  }
  const { value } = pair;
  await store.addSigningKey({
    label: label.trim(),
    material: { kind: 'pem', pem: value.privatePem },
    kid: value.kid,
    publicJwk: JSON.stringify(value.publicJwk),
    description: `${type.label} private key · ${value.alg}`,
  });
  const outcome: GeneratedKeyOutcome = { label: label.trim(), kid: value.kid, alg: value.alg };
  const publicFile = await offerPublicFile(value, outcome.label);
  void vscode.window.showInformationMessage(
    notificationText(`Token Lens: stored signing key "${outcome.label}" (${value.alg}, kid ${value.kid.slice(0, 12)}…) in secret storage${publicFile !== undefined ? `; public key written to ${vscode.workspace.asRelativePath(publicFile)}` : ''}.`, 400),
  );
  return publicFile !== undefined ? { ...outcome, publicFile } : outcome;
}

/** Offers to write the public key; the save dialog is the confirmation. */
async function offerPublicFile(pair: GeneratedKeyPair, label: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showQuickPick([...FORMS, { form: undefined, label: '$(close) Do not write a file', detail: 'The key is stored; you can verify and sign with it now', suffix: '', filter: {} }], {
    title: `Write the public key of "${labelText(label, { max: 60 })}" to a file?`,
    placeHolder: 'For a local test server (the private key is never written)',
    ignoreFocusOut: true,
  });
  if (picked?.form === undefined) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = `${fileStem(label)}${picked.suffix}`;
  const uri = await vscode.window.showSaveDialog({
    title: 'Save the public key',
    saveLabel: 'Write Public Key',
    filters: picked.filter,
    ...(folder !== undefined ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
  });
  if (uri === undefined) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(publicText(pair, picked.form)));
  return uri;
}
