/**
 * How a JWE's decryption with the stored keys reads on every surface (hover, tree, inspector):
 * decrypted (with which key, `alg`/`enc`), refused by a guard before any work, no stored key
 * fits, or it failed at a named step. Never key material: a key is named by its label, a
 * failure by core `decryptToken`'s step and sentence (which hold none).
 */
import type { DecryptedToken, DecryptError } from '../core';
import { formatBytes } from '../core';

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
  return keyLabels[d.keyIndex] ?? 'a stored key';
}

/** `RSA-OAEP-256 · A256GCM · zip DEF`. */
export function decryptedAlgText(d: Pick<DecryptedToken, 'alg' | 'enc' | 'compressed'>): string {
  return `${d.alg} · ${d.enc}${d.compressed ? ' · zip DEF' : ''}`;
}

/** Words of a failure by its step (core `DecryptStep`), without key material. */
function failureText(error: DecryptError): DecryptionText {
  const message = `${error.message} (step: ${error.step})`;
  switch (error.code) {
    case 'ERR_JWE_P2C':
    case 'ERR_JWE_UNSUPPORTED':
      return { headline: 'Refused before decryption', message, refused: true, icon: 'error' };
    case 'ERR_JWE_TOO_LARGE':
      return { headline: 'Refused — the plaintext inflates past the cap', message, refused: true, icon: 'error' };
    case 'ERR_JWE_NO_KEY':
      return { headline: 'Encrypted — no decryption key stored', message, refused: false, icon: 'lock' };
    case 'ERR_JWE_KEY_MISMATCH':
      return { headline: 'Encrypted — no stored key fits', message, refused: false, icon: 'lock' };
    case 'ERR_JWE_NOT_COMPACT':
    case 'ERR_JWE_HEADER':
    case 'ERR_JWE_DECOMPRESSION':
      return { headline: 'Not decrypted — the JWE is not valid', message, refused: false, icon: 'error' };
    default:
      return { headline: 'Encrypted — decryption with the stored keys failed', message, refused: false, icon: 'lock' };
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
      return { headline: 'Decrypting…', message: 'Decrypting with your stored keys.', refused: false, icon: 'loading' };
    case 'no-keys':
      return {
        headline: 'Encrypted — no decryption key stored',
        message: 'Add the recipient\'s key with “Token Lens: Add Decryption Key…” (RSA-OAEP*, ECDH-ES*, dir, A*KW, A*GCMKW or a PBES2 password); it stays in VS Code\'s secret storage.',
        refused: false,
        icon: 'lock',
      };
    case 'failed':
      return failureText(s.error);
    case 'decrypted': {
      const d = s.decrypted;
      const label = keyLabelOf(d, s.keyLabels);
      return {
        headline: `Decrypted with key “${label}”`,
        message: `${decryptedAlgText(d)} · ${formatBytes(d.plaintextBytes)} of plaintext${d.compressed ? ' (inflated)' : ''}. Shown from memory only while this token is shown; never stored.`,
        refused: false,
        icon: 'unlock',
      };
    }
  }
}
