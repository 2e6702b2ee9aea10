import * as vscode from 'vscode';
import { guessKeyKind, parseVerificationKey } from '../core';
import type { KeyInput, KeyMaterial, SecretEncoding } from '../core';
import { tokenBinding } from '../core/verify';
import { fetchJwks, parseJwksUrl } from '../model/jwksFetch';
import type { KeyStore } from '../model/keyStore';
import { targetAt } from '../model/targetResolver';
import type { TokenIndex } from '../model/tokenIndex';
import { BINDING_PROMPTS, bindingChoices, bindingText, keyAddedText, keyConfirmation } from '../present';
import { labelText, notificationText } from '../present/escape';
import { messageText } from '../present/findingText';

export { bindingText };


/**
 * What the command accepts from its caller (a link, a keybinding, another extension): at most a
 * binding to pre-fill (`iss`, `kid`), which the user sees and confirms. Key material, labels and
 * JWKS URLs always come from the prompts — a command link in a hostile file must never store a
 * key. Anything else in the argument is ignored.
 */
export interface AddVerificationKeyArgs {
  readonly iss?: string;
  readonly kid?: string;
}

/** The pre-fill of an argument: bounded strings only (arguments come from untyped URIs). */
function prefill(args: unknown): { iss: string; kid: string } {
  const pick = (k: 'iss' | 'kid'): string => {
    if (typeof args !== 'object' || args === null) return '';
    const v = (args as Record<string, unknown>)[k];
    return typeof v === 'string' && v.length <= 512 ? v : '';
  };
  return { iss: pick('iss'), kid: pick('kid') };
}

/** Files offered in the workspace quick pick. */
const KEY_FILE_GLOB = '**/*.{pem,crt,cer,pub,key,jwk,jwks,json}';

type Source = 'paste' | 'workspace' | 'open' | 'url';

/** Builds material from text whose kind is guessed; secrets ask for their encoding. */
async function materialFromText(text: string): Promise<KeyMaterial | undefined> {
  const kind = guessKeyKind(text);
  if (kind === 'pem') return { kind, pem: text };
  if (kind === 'jwk' || kind === 'jwks') return { kind, json: text };
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('UTF-8 text'), encoding: 'utf8' as SecretEncoding, detail: vscode.l10n.t('The secret is used byte for byte as typed') },
      { label: 'base64', encoding: 'base64' as SecretEncoding, detail: vscode.l10n.t('Standard base64 (+ / =)') },
      { label: 'base64url', encoding: 'base64url' as SecretEncoding, detail: vscode.l10n.t('URL-safe base64 (- _), as in a JWK "k"') },
    ],
    { title: vscode.l10n.t('How is the HMAC secret encoded?') },
  );
  return picked ? { kind: 'secret', value: text, encoding: picked.encoding } : undefined;
}

async function readFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function materialFromJwksUrl(text: string): Promise<KeyMaterial | undefined> {
  const parsed = parseJwksUrl(text);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${parsed.error.message}`));
    return undefined;
  }
  // Explicit, per-fetch consent naming the host: a JWKS URL is never fetched on our own.
  const fetchIt = vscode.l10n.t('Fetch');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Fetch the JWKS from {0}?', parsed.url.host),
    { modal: true, detail: vscode.l10n.t('Token Lens will send one GET request to {0}. No token is sent.', parsed.url.origin) },
    fetchIt,
  );
  if (answer !== fetchIt) return undefined;
  const fetched = await fetchJwks(parsed.url);
  if (!fetched.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${fetched.error.message}`));
    return undefined;
  }
  return { kind: 'jwks', json: fetched.json };
}

async function pickMaterial(): Promise<KeyMaterial | undefined> {
  const source = await vscode.window.showQuickPick(
    [
      { label: `$(clippy) ${vscode.l10n.t('Paste a secret, PEM, JWK or JWKS')}`, source: 'paste' as Source },
      { label: `$(file) ${vscode.l10n.t('Key file in this workspace…')}`, source: 'workspace' as Source },
      { label: `$(folder-opened) ${vscode.l10n.t('Open a key file…')}`, source: 'open' as Source },
      { label: `$(cloud-download) ${vscode.l10n.t('Fetch a JWKS from a URL…')}`, source: 'url' as Source },
    ],
    { title: vscode.l10n.t('Add Verification Key') },
  );
  if (!source) return undefined;
  switch (source.source) {
    case 'paste': {
      const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Paste the key'), prompt: vscode.l10n.t('HMAC secret, PEM public key / certificate, JWK or JWKS'), password: true, ignoreFocusOut: true });
      return text ? materialFromText(text) : undefined;
    }
    case 'workspace': {
      const files = await vscode.workspace.findFiles(KEY_FILE_GLOB, '**/node_modules/**', 200);
      const picked = await vscode.window.showQuickPick(
        files.map((uri) => ({ label: labelText(vscode.workspace.asRelativePath(uri), { icons: true, max: 200 }), uri })),
        { title: vscode.l10n.t('Key file'), placeHolder: files.length ? vscode.l10n.t('Choose a key file') : vscode.l10n.t('No .pem/.crt/.jwk/.json files found') },
      );
      return picked ? materialFromText(await readFile(picked.uri)) : undefined;
    }
    case 'open': {
      const [uri] = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: vscode.l10n.t('Use as verification key') })) ?? [];
      return uri ? materialFromText(await readFile(uri)) : undefined;
    }
    case 'url': {
      const text = await vscode.window.showInputBox({ title: vscode.l10n.t('JWKS URL'), prompt: 'https://…/.well-known/jwks.json', ignoreFocusOut: true });
      return text ? materialFromJwksUrl(text) : undefined;
    }
  }
}

/** The `iss`/`kid` of the token at the active editor's cursor, to pre-fill the binding (empty when none). */
function bindingAtCursor(tokens: TokenIndex | undefined): { iss: string; kid: string } {
  const editor = vscode.window.activeTextEditor;
  if (tokens === undefined || editor === undefined) return { iss: '', kid: '' };
  const target = targetAt(tokens, editor.document, editor.selection.active);
  const binding = target?.ok ? tokenBinding(target.target.token) : {};
  const bounded = (v: string | undefined): string => (v !== undefined && v.length <= 512 ? v : '');
  return { iss: bounded(binding.iss), kid: bounded(binding.kid) };
}

/**
 * The key's binding: a quick pick of the bindings the pre-fill suggests (the token at the cursor
 * or a link's `iss`/`kid`), else, or on "Enter…", the two input boxes. Undefined when cancelled.
 */
async function pickBinding(initial: { iss: string; kid: string }): Promise<{ iss: string; kid: string } | undefined> {
  const choices = bindingChoices(initial);
  if (choices.length > 0) {
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ ...c, label: labelText(c.label, { icons: true, max: 300 }), detail: labelText(c.detail, { icons: true, max: 300 }) })),
      { title: vscode.l10n.t('Which tokens is this key for?'), placeHolder: vscode.l10n.t('Bound to the token at the cursor; a key bound to a token gives a verdict on it'), ignoreFocusOut: true },
    );
    if (picked === undefined) return undefined;
    if (picked.custom !== true) return { iss: picked.iss ?? '', kid: picked.kid ?? '' };
  }
  const iss = await vscode.window.showInputBox({ title: vscode.l10n.t('Only for tokens from this issuer (optional)'), prompt: BINDING_PROMPTS.iss, value: initial.iss, ignoreFocusOut: true });
  if (iss === undefined) return undefined;
  const kid = await vscode.window.showInputBox({ title: vscode.l10n.t('Only for tokens with this key id (optional)'), prompt: BINDING_PROMPTS.kid, value: initial.kid, ignoreFocusOut: true });
  if (kid === undefined) return undefined;
  return { iss, kid };
}

/**
 * Token Lens: Add Verification Key. Always interactive: the key comes from the prompts (paste,
 * workspace file, open dialog or a JWKS URL fetched after a confirmation naming the host), then
 * a label and a binding to `iss`/`kid` (offered from `args`, else from the token at the cursor),
 * then a modal confirmation naming the key and its binding before anything is stored in
 * SecretStorage. Returns the label stored, or undefined when cancelled or invalid.
 */
export async function addVerificationKey(store: KeyStore, args?: unknown, tokens?: TokenIndex): Promise<string | undefined> {
  const fromArgs = prefill(args);
  const initial = fromArgs.iss || fromArgs.kid ? fromArgs : bindingAtCursor(tokens);
  const material = await pickMaterial();
  if (!material) return undefined;
  const probe = await parseVerificationKey({ label: 'probe', material });
  if (!probe.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(probe.error)}`));
    return undefined;
  }
  const label = await vscode.window.showInputBox({
    title: vscode.l10n.t('Label for this key'),
    value: probe.value.description,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? vscode.l10n.t('A label is required') : v.length > 200 ? vscode.l10n.t('At most 200 characters') : undefined),
  });
  if (!label) return undefined;
  const binding = await pickBinding(initial);
  if (binding === undefined) return undefined;
  const { iss, kid } = binding;
  const input: KeyInput = { label: label.trim(), material, ...(iss.trim() ? { iss: iss.trim() } : {}), ...(kid.trim() ? { kid: kid.trim() } : {}) };
  const parsed = await parseVerificationKey(input);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(notificationText(`Token Lens: ${messageText(parsed.error)}`));
    return undefined;
  }
  const replaces = (await store.list()).some((k) => k.label === input.label);
  const store_ = vscode.l10n.t('Store Key');
  const confirmation = keyConfirmation({ label: input.label, description: parsed.value.description, ...(input.iss ? { iss: input.iss } : {}), ...(input.kid ? { kid: input.kid } : {}), replaces });
  const answer = await vscode.window.showWarningMessage(labelText(confirmation.message), { modal: true, detail: labelText(confirmation.detail, { max: 800 }) }, store_);
  if (answer !== store_) return undefined;
  await store.add(input);
  void vscode.window.showInformationMessage(notificationText(keyAddedText(input.label, parsed.value.description)));
  return input.label;
}
