import * as vscode from 'vscode';
import { checkDecryptable, decryptToken, parsePrivateKey } from '../core';
import type { DecryptedToken, DecryptError, PrivateKey } from '../core';
import type { KeyStore } from './keyStore';
import { decryptOptions, readSettings, type TokenLensSettings } from './settings';
import type { SignatureStatus, VerificationService } from './verification';

/**
 * A JWE's decryption with the stored keys:
 * - `no-keys`: no signing or decryption key is stored, nothing was tried;
 * - `failed`: a guard refused the token before any work (PBES2 `p2c` over the bound, an
 *   unsupported `alg`), no stored key fits, or a step failed (core `DecryptError`: the step and
 *   a sentence, never key material);
 * - `decrypted`: core `DecryptedToken` (plaintext, inner token, inner JWEs), the labels of the
 *   keys tried (`keyLabels[level.keyIndex]` names each level's key) and the signature status of
 *   every inner JWS, checked with the stored verification keys.
 *
 * Plaintext: the caller shows it and drops it; nothing here keeps it.
 */
export type DecryptionOutcome =
  | { readonly status: 'no-keys' }
  | { readonly status: 'failed'; readonly error: DecryptError }
  | { readonly status: 'decrypted'; readonly decrypted: DecryptedToken; readonly keyLabels: readonly string[]; readonly signatures: ReadonlyMap<string, SignatureStatus> };

/** The inner JWS tokens of a decrypted JWE, at every level (inner JWEs are decrypted levels themselves). */
function innerSignedTokens(d: DecryptedToken): string[] {
  const inner = d.inner;
  if (inner === undefined) return [];
  if (inner.decrypted !== undefined) return innerSignedTokens(inner.decrypted);
  return inner.inspection.decoded.kind === 'jwe' ? [] : [inner.token];
}

/**
 * Decrypts JWEs for the hover, the tree and the inspector with every stored private key
 * (signing keys decrypt what they fit; decryption keys from *Add Decryption Key*), the guards
 * from the settings (`tokenLens.decryption.*`). Parsed keys are kept in memory until the key
 * store changes (as the verification service keeps its keys); **decrypted results are never
 * cached** — each surface asks when it shows a token and drops the answer when it no longer
 * shows it, so plaintext lives in memory only while shown (docs/architecture.md).
 */
export class DecryptionService implements vscode.Disposable {
  private keys: Promise<{ readonly labels: string[]; readonly keys: PrivateKey[] }> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the stored keys changed: shown decryptions are stale. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: KeyStore,
    private readonly verification?: VerificationService,
    private readonly settingsOf: (scope?: vscode.Uri) => TokenLensSettings = (scope) => readSettings(scope),
  ) {
    this.subscription = store.onDidChange(() => {
      this.keys = undefined;
      this.changed.fire();
    });
  }

  /** Stored private keys that parse (labels alongside); one that no longer parses is skipped. */
  private loadKeys(): Promise<{ readonly labels: string[]; readonly keys: PrivateKey[] }> {
    this.keys ??= this.store.decryptionKeys().then(async (stored) => {
      const parsed = await Promise.all(stored.map(async (k) => ({ label: k.label, kid: k.kid, result: await parsePrivateKey(k.material) })));
      const usable = parsed.flatMap((p) => (p.result.ok ? [{ label: p.label, key: p.kid !== undefined && p.result.value.kid === undefined ? { ...p.result.value, kid: p.kid } : p.result.value }] : []));
      return { labels: usable.map((u) => u.label), keys: usable.map((u) => u.key) };
    });
    return this.keys;
  }

  /**
   * Decrypts `token` with the stored keys and the guards of the settings for `scope`, inner
   * tokens inspected at `now`. Refused before any key is loaded when a guard says so. Never rejects.
   */
  async decrypt(token: string, scope?: vscode.Uri, now: number = Date.now()): Promise<DecryptionOutcome> {
    try {
      const settings = this.settingsOf(scope);
      const options = decryptOptions(settings, now);
      const guarded = checkDecryptable(token, options);
      if (!guarded.ok) return { status: 'failed', error: guarded.error };
      const { labels, keys } = await this.loadKeys();
      if (keys.length === 0) return { status: 'no-keys' };
      const result = await decryptToken(token, keys, options);
      if (!result.ok) return { status: 'failed', error: result.error };
      const signatures = new Map<string, SignatureStatus>();
      if (this.verification !== undefined) {
        for (const inner of innerSignedTokens(result.value)) signatures.set(inner, await this.verification.checkOnce(inner));
      }
      return { status: 'decrypted', decrypted: result.value, keyLabels: labels, signatures };
    } catch (error) {
      return { status: 'failed', error: { code: 'ERR_JWE_FAILED', step: 'decryption', message: `Decryption could not run (${error instanceof Error ? error.name : 'error'})` } };
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.keys = undefined;
  }
}
