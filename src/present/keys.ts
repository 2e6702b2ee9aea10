/**
 * How verification keys read in prompts and lists: a key's binding (`iss`/`kid`), the choices
 * offered when a key is added, and the store confirmation. Plain text: callers escape it for
 * their output (`labelText` for quick picks, modal messages).
 */
import * as l10n from '@vscode/l10n';
import { keyDescriptionParam } from '../core';
import { truncate } from './escape';
import { messageText } from './findingText';
import { displayLanguageOf, numberText } from './locale';

/**
 * "only for iss = …, any kid": the binding of a key, for confirmations and lists.
 *
 * @example bindingText('https://issuer', undefined) === 'only for iss = "https://issuer", any kid'
 */
export function bindingText(iss: string | undefined, kid: string | undefined): string {
  return [iss ? l10n.t('only for iss = "{0}"', iss) : l10n.t('any issuer'), kid ? l10n.t('only for kid = "{0}"', kid) : l10n.t('any kid')].join(', ');
}

/** A binding a new key may get: `custom` asks for `iss` and `kid` in input boxes. */
export interface BindingChoice {
  readonly label: string;
  readonly detail: string;
  readonly iss?: string;
  readonly kid?: string;
  readonly custom?: true;
}


/**
 * The bindings offered when a key is added, from the `iss`/`kid` of the token at the cursor
 * (or of a link's pre-fill): the tightest binding first, then any token, then typing one.
 * Empty when there is nothing to pre-fill (the caller then asks for `iss` and `kid` directly).
 *
 * @example bindingChoices({ iss: 'https://id.example' }).map((c) => c.label)
 * // ['Only tokens from issuer "https://id.example"', 'Any token (no binding)', 'Enter an issuer or key id…']
 */
export function bindingChoices(from: { readonly iss?: string; readonly kid?: string }): BindingChoice[] {
  const { iss, kid } = from;
  if (!iss && !kid) return [];
  const bound = l10n.t('Gives a verdict on tokens it is bound to: "signature verified" or "invalid signature"');
  const out: BindingChoice[] = [];
  if (iss && kid) out.push({ label: l10n.t('Only tokens from issuer "{0}" with key id "{1}"', iss, kid), detail: bound, iss, kid });
  if (iss) out.push({ label: l10n.t('Only tokens from issuer "{0}"', iss), detail: bound, iss });
  if (kid) out.push({ label: l10n.t('Only tokens with key id "{0}"', kid), detail: bound, kid });
  // Why a binding matters, in one sentence (shown with the unbound choice).
  out.push({ label: l10n.t('Any token (no binding)'), detail: l10n.t('Tried on every token; where it does not verify one, that token shows "no matching key", never "invalid signature"') });
  out.push({ label: l10n.t('Enter an issuer or key id…'), detail: l10n.t('Type the exact "iss" and header "kid" to bind to'), custom: true });
  return out;
}

/** The prompts for a typed binding: what an unbound key means, said where it is chosen (in the display language when read). */
export const BINDING_PROMPTS = {
  get iss(): string {
    return l10n.t('Exact "iss" value; leave empty for any issuer. An unbound key shows "no matching key" on tokens it does not verify');
  },
  get kid(): string {
    return l10n.t('Exact header "kid"; leave empty for any');
  },
};

/** What the store confirmation says about a key. */
export interface KeyConfirmation {
  /** The modal's message (names the key once). */
  readonly message: string;
  /** The modal's detail: what the key is (unless its label already says so), its binding, where it is kept. */
  readonly detail: string;
}

/**
 * The confirmation before a key is stored. The key's description is left out of the detail
 * when the label is that description (the label's default), so nothing is said twice.
 *
 * @example keyConfirmation({ label: 'HMAC secret (32 bytes)', description: 'HMAC secret (32 bytes)', replaces: false }).detail
 * // 'Any issuer, any kid. Kept in VS Code's secret storage only; …'
 */
export function keyConfirmation(key: { readonly label: string; readonly description: string; readonly iss?: string; readonly kid?: string; readonly replaces: boolean }): KeyConfirmation {
  const binding = bindingText(key.iss && truncate(key.iss, 200), key.kid && truncate(key.kid, 200));
  const what = sameText(key.label, key.description) ? '' : `${truncate(key.description, 120)} · `;
  const sentence = `${what}${binding}`;
  return {
    message: l10n.t('Store the verification key "{0}"?', truncate(key.label, 80)),
    detail:
      `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.${key.replaces ? ` ${l10n.t('It replaces the stored key with the same label.')}` : ''}` +
      ` ${l10n.t('Kept in VS Code\'s secret storage only; tokens it verifies show "signature verified".')}`,
  };
}

function sameText(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

/**
 * The notice after a key was stored: its label, and its description only when the label is not
 * that description already.
 *
 * @example keyAddedText('prod', 'RSA public key (2048 bit)') === 'Token Lens: added verification key "prod" (RSA public key (2048 bit)).'
 */
export function keyAddedText(label: string, description: string): string {
  return sameText(label, description)
    ? l10n.t('Token Lens: added verification key "{0}".', truncate(label, 80))
    : l10n.t('Token Lens: added verification key "{0}" ({1}).', truncate(label, 80), truncate(description, 120));
}

/** The algorithms a decryption key decrypts, as its stored description lists them (`A, B, C and 2 more`). */
function algorithmsListText(list: string): string {
  const more = /^(.+) and (\d+) more$/.exec(list);
  return more === null ? list : l10n.t('{0} and {1} more', more[1]!, numberText(Number(more[2])));
}

/** What a private key is (core keys.ts's English, or the type label Generate Key Pair once stored: `RSA 2048 private key`), in the display language. */
function privateKeyText(head: string): string {
  const generated = /^RSA (\d+) private key$/.exec(head) ?? /^EC (P-\d+) private key$/.exec(head);
  const english = generated === null ? head : head.startsWith('RSA') ? `RSA private key (${generated[1]!} bit)` : `EC private key (${generated[1]!})`;
  const param = keyDescriptionParam(english);
  // Unconfigured (English) the description is shown as stored, the type label of an old generated key included.
  return param.textId === undefined || displayLanguageOf() === undefined ? head : messageText(param);
}

/**
 * A stored private key's description (SecretStorage keeps the English, written when the key was
 * added: `EC private key (P-256) · ES256`, `RSA private key (2048 bit) · decrypts RSA-OAEP-256`) as
 * pickers and notices show it, in the display language; a description of another form is shown
 * as stored.
 *
 * @example storedKeyDescriptionText('EC private key (P-256) · ES256') === 'EC private key (P-256) · ES256' // unconfigured
 */
export function storedKeyDescriptionText(stored: string): string {
  const decrypts = /^(.+) · decrypts (.+)$/.exec(stored);
  if (decrypts !== null) return l10n.t('{0} · decrypts {1}', privateKeyText(decrypts[1]!), algorithmsListText(decrypts[2]!));
  const signs = /^(.+) · ([A-Za-z0-9+-]+)$/.exec(stored);
  if (signs !== null) return `${privateKeyText(signs[1]!)} · ${signs[2]!}`;
  return privateKeyText(stored);
}
