/**
 * How a JWE's decryption with the stored keys reads on every surface (hover, tree, inspector):
 * decrypted (with which key, `alg`/`enc`), refused by a guard before any work, no stored key
 * fits, or it failed at a named step. Never key material: a key is named by its label, a
 * failure by core `decryptToken`'s step and sentence (which hold none).
 */
import * as l10n from '@vscode/l10n';
import type { DecryptedToken, DecryptError, DecryptStep } from '../core';
import { messageText } from './findingText';
import { displayLanguageOf } from './locale';
import { bytesText } from './size';

/** Where a JWE's decryption stands, as a surface is told. */
export type DecryptionState =
  /** Decryption runs (the inspector shows the encrypted token meanwhile). */
  | { readonly state: 'pending' }
  /** No signing or decryption key is stored: nothing was tried. */
  | { readonly state: 'no-keys' }
  /** Refused by a guard, no key fits, or a step failed. */
  | { readonly state: 'failed'; readonly error: DecryptError }
  /** Decrypted; `keyLabels[d.keyIndex]` names the key of each level. */
  | { readonly state: 'decrypted'; readonly decrypted: DecryptedToken; readonly keyLabels: readonly string[] };

/** What a surface says: a short headline and one or two sentences. */
export interface DecryptionText {
  /** `Decrypted with key “dev”`, `Encrypted — no stored key fits`, `Refused before any work`. */
  readonly headline: string;
  readonly message: string;
  /** True when a guard refused the token (p2c over the bound, zip cap, unsupported alg): not a key question. */
  readonly refused: boolean;
  /** Codicon for the state: `unlock`, `lock`, `error`, `loading`. */
  readonly icon: 'unlock' | 'lock' | 'error' | 'loading';
}

/** The label of the key that decrypted `d` (a level of the outcome), or a neutral word. */
export function keyLabelOf(d: Pick<DecryptedToken, 'keyIndex'>, keyLabels: readonly string[]): string {
  return keyLabels[d.keyIndex] ?? l10n.t('a stored key');
}

/** `RSA-OAEP-256 · A256GCM · zip DEF`. */
export function decryptedAlgText(d: Pick<DecryptedToken, 'alg' | 'enc' | 'compressed'>): string {
  return `${d.alg} · ${d.enc}${d.compressed ? ' · zip DEF' : ''}`;
}

/** A decryption step's name (core `DecryptStep`) in the display language. */
function stepText(step: DecryptStep): string {
  switch (step) {
    case 'header':
      return l10n.t('header');
    case 'key':
      return l10n.t('key selection');
    case 'key-unwrap':
      return l10n.t('key unwrap');
    case 'content-decryption':
      return l10n.t('content decryption');
    case 'decryption':
      return l10n.t('decryption');
    case 'decompression':
      return l10n.t('decompression');
    case 'cap':
      return l10n.t('size cap');
  }
}

/** Words of a failure by its step (core `DecryptStep`), without key material. */
function failureText(error: DecryptError): DecryptionText {
  const message = l10n.t('{0} (step: {1})', messageText(error), displayLanguageOf() === undefined ? error.step : stepText(error.step));
  switch (error.code) {
    case 'ERR_JWE_P2C':
    case 'ERR_JWE_UNSUPPORTED':
      return { headline: l10n.t('Refused before decryption'), message, refused: true, icon: 'error' };
    case 'ERR_JWE_TOO_LARGE':
      return { headline: l10n.t('Refused — the plaintext inflates past the cap'), message, refused: true, icon: 'error' };
    case 'ERR_JWE_NO_KEY':
      return { headline: l10n.t('Encrypted — no decryption key stored'), message, refused: false, icon: 'lock' };
    case 'ERR_JWE_KEY_MISMATCH':
      return { headline: l10n.t('Encrypted — no stored key fits'), message, refused: false, icon: 'lock' };
    case 'ERR_JWE_NOT_COMPACT':
    case 'ERR_JWE_HEADER':
    case 'ERR_JWE_DECOMPRESSION':
      return { headline: l10n.t('Not decrypted — the JWE is not valid'), message, refused: false, icon: 'error' };
    default:
      return { headline: l10n.t('Encrypted — decryption with the stored keys failed'), message, refused: false, icon: 'lock' };
  }
}

/**
 * The headline and sentence for a decryption state.
 *
 * @example decryptionText({ state: 'no-keys' }).headline === 'Encrypted — no decryption key stored'
 */
export function decryptionText(s: DecryptionState): DecryptionText {
  switch (s.state) {
    case 'pending':
      return { headline: l10n.t('Decrypting…'), message: l10n.t('Decrypting with your stored keys.'), refused: false, icon: 'loading' };
    case 'no-keys':
      return {
        headline: l10n.t('Encrypted — no decryption key stored'),
        message: l10n.t('Add the recipient\'s key with “Token Lens: Add Decryption Key…” (RSA-OAEP*, ECDH-ES*, dir, A*KW, A*GCMKW or a PBES2 password); it stays in VS Code\'s secret storage.'),
        refused: false,
        icon: 'lock',
      };
    case 'failed':
      return failureText(s.error);
    case 'decrypted': {
      const d = s.decrypted;
      const label = keyLabelOf(d, s.keyLabels);
      return {
        headline: l10n.t('Decrypted with key “{0}”', label),
        message: d.compressed
          ? l10n.t('{0} · {1} of plaintext (inflated). Shown from memory only while this token is shown; never stored.', decryptedAlgText(d), bytesText(d.plaintextBytes))
          : l10n.t('{0} · {1} of plaintext. Shown from memory only while this token is shown; never stored.', decryptedAlgText(d), bytesText(d.plaintextBytes)),
        refused: false,
        icon: 'unlock',
      };
    }
  }
}
