import * as vscode from 'vscode';
import { createWeakSecretChecker, measureVerification, parseVerificationKey, verifyToken } from '../core';
import type { Finding, VerificationKey, VerificationResult, VerificationTiming } from '../core';
import type { KeyStore } from './keyStore';

/** Everything the hover, tree and inspector show about one token's signature. */
export interface SignatureStatus {
  readonly result: VerificationResult;
  /** TL401 when an HS* token verifies with a publicly known secret. */
  readonly weakSecret?: Finding;
  /** Median time of one verification with the key that verified it (article reason 5). */
  readonly timing?: VerificationTiming;
}

/**
 * Verification status per token for the hover, tree and inspector. Results are cached in
 * memory by token text (never persisted) and dropped whenever the key store changes.
 */
export class VerificationService implements vscode.Disposable {
  private keys: Promise<VerificationKey[]> | undefined;
  private readonly cache = new Map<string, Promise<SignatureStatus>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when cached statuses were invalidated (a key was added or removed). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;
  /** Weak-secret keys imported once for the life of the service (TL401). */
  private readonly weakSecrets = createWeakSecretChecker();

  /** Upper bound of cached tokens; the oldest entry is evicted first. */
  static readonly MAX_CACHED = 500;

  constructor(private readonly store: KeyStore) {
    this.subscription = store.onDidChange(() => this.invalidate());
  }

  /** Drops cached keys and statuses and tells listeners to re-render. */
  invalidate(): void {
    this.keys = undefined;
    this.cache.clear();
    this.changed.fire();
  }

  /**
   * Loads the stored keys and imports the weak-secret keys ahead of the first hover (which
   * otherwise pays for both: hundreds of milliseconds on a cold host). Never rejects.
   */
  async warm(): Promise<void> {
    await Promise.all([this.loadKeys().catch(() => undefined), this.weakSecrets.warm()]);
  }

  /** Keys that parse; a stored key that no longer parses is skipped. */
  private loadKeys(): Promise<VerificationKey[]> {
    this.keys ??= this.store.verificationInputs().then(async (inputs) => {
      const parsed = await Promise.all(inputs.map((input) => parseVerificationKey(input)));
      return parsed.flatMap((r) => (r.ok ? [r.value] : []));
    });
    return this.keys;
  }

  /** Status of `token` (cached). Never rejects. */
  status(token: string): Promise<SignatureStatus> {
    const hit = this.cache.get(token);
    if (hit) return hit;
    const pending = this.compute(token);
    if (this.cache.size >= VerificationService.MAX_CACHED) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(token, pending);
    return pending;
  }

  /**
   * Status of `token` computed now and kept nowhere: for a token decrypted from a JWE, which is
   * plaintext and lives only while a surface shows it (the cache above outlives that). Never rejects.
   */
  checkOnce(token: string): Promise<SignatureStatus> {
    return this.compute(token);
  }

  private async compute(token: string): Promise<SignatureStatus> {
    try {
      const keys = await this.loadKeys();
      const [result, weakSecret] = await Promise.all([verifyToken(token, keys, { keySource: 'stored' }), this.weakSecrets.check(token)]);
      let timing: VerificationTiming | undefined;
      if (result.status === 'verified') {
        const key = keys.find((k) => k.label === result.keyLabel);
        const measured = key ? await measureVerification(token, key, 7) : undefined;
        if (measured?.ok) timing = measured.value;
      }
      return { result, ...(weakSecret ? { weakSecret } : {}), ...(timing ? { timing } : {}) };
    } catch {
      return { result: { status: 'not-checked', reason: 'malformed', message: vscode.l10n.t('Verification could not run') } };
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.cache.clear();
  }
}

