/**
 * How verification keys read in prompts and lists: a key's binding (`iss`/`kid`), the choices
 * offered when a key is added, and the store confirmation. Plain text: callers escape it for
 * their output (`labelText` for quick picks, modal messages).
 */
import * as l10n from '@vscode/l10n';
import { truncate } from './escape';

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
