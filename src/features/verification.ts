import * as vscode from 'vscode';
import { checkWeakSecrets, measureVerification, parseVerificationKey, verifyToken } from '../core';
import type { Finding, VerificationKey, VerificationResult, VerificationTiming } from '../core';
import { ADD_VERIFICATION_KEY, addVerificationKey } from '../commands/addVerificationKey';
import { LIST_VERIFICATION_KEYS, listVerificationKeys } from '../commands/listVerificationKeys';
import { REMOVE_VERIFICATION_KEY, removeVerificationKey } from '../commands/removeVerificationKey';
import type { SignatureSource } from '../webview/inspectorApi';
import type { SignatureView } from '../webview/protocol';
import { KeyStore } from './keyStore';

/** Everything the hover, tree and inspector show about one token's signature. */
export interface VerificationStatus {
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
  private readonly cache = new Map<string, Promise<VerificationStatus>>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when cached statuses were invalidated (a key was added or removed). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

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

  /** Keys that parse; a stored key that no longer parses is skipped. */
  private loadKeys(): Promise<VerificationKey[]> {
    this.keys ??= this.store.list().then(async (inputs) => {
      const parsed = await Promise.all(inputs.map((input) => parseVerificationKey(input)));
      return parsed.flatMap((r) => (r.ok ? [r.value] : []));
    });
    return this.keys;
  }

  /** Status of `token` (cached). Never rejects. */
  status(token: string): Promise<VerificationStatus> {
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

  private async compute(token: string): Promise<VerificationStatus> {
    try {
      const keys = await this.loadKeys();
      const [result, weakSecret] = await Promise.all([verifyToken(token, keys), checkWeakSecrets(token)]);
      let timing: VerificationTiming | undefined;
      if (result.status === 'verified') {
        const key = keys.find((k) => k.label === result.keyLabel);
        const measured = key ? await measureVerification(token, key, 7) : undefined;
        if (measured?.ok) timing = measured.value;
      }
      return { result, ...(weakSecret ? { weakSecret } : {}), ...(timing ? { timing } : {}) };
    } catch {
      return { result: { status: 'not-checked', reason: 'malformed', message: 'Verification could not run' } };
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.cache.clear();
  }
}

/** Codicon and one-word label of a status, shared by hover, tree and inspector. */
export function verificationBadge(result: VerificationResult): { readonly icon: SignatureView['icon']; readonly label: string } {
  switch (result.status) {
    case 'verified':
      return { icon: 'verified-filled', label: 'signature verified' };
    case 'invalid-signature':
      return { icon: 'error', label: 'invalid signature' };
    case 'key-mismatch':
      return { icon: 'warning', label: 'key does not fit alg' };
    case 'unsupported':
      return { icon: 'question', label: 'alg not supported' };
    case 'not-checked':
      return { icon: 'unverified', label: result.reason === 'no-key' ? 'unverified (no key)' : 'not verifiable' };
  }
}

/**
 * Creates the key store and verification service and registers the three key commands.
 * Call once from `activate()`; hover, tree and inspector take `service` and re-render on
 * `service.onDidChange`.
 */
export function activateVerification(context: vscode.ExtensionContext): { readonly store: KeyStore; readonly service: VerificationService } {
  const store = new KeyStore(context.secrets);
  const service = new VerificationService(store);
  context.subscriptions.push(
    store,
    service,
    vscode.commands.registerCommand(ADD_VERIFICATION_KEY, (args?: unknown) => addVerificationKey(store, args)),
    vscode.commands.registerCommand(REMOVE_VERIFICATION_KEY, (label?: unknown) => removeVerificationKey(store, label)),
    vscode.commands.registerCommand(LIST_VERIFICATION_KEYS, (options?: { show?: boolean }) => listVerificationKeys(store, options)),
  );
  return { store, service };
}

/** The inspector's view of a status (plain JSON, posted to the webview). */
export function signatureView(status: VerificationStatus): SignatureView {
  const badge = verificationBadge(status.result);
  return {
    state: status.result.status,
    icon: badge.icon,
    label: badge.label,
    message: status.result.message,
    ...(status.timing !== undefined ? { timing: verificationTimingText(status.timing) } : {}),
    ...(status.weakSecret !== undefined ? { weakSecret: status.weakSecret } : {}),
  };
}

/** Adapts the service to what the inspector panel and sidebar view need. */
export function signatureSource(service: VerificationService): SignatureSource {
  return { status: async (token) => signatureView(await service.status(token)), onDidChange: service.onDidChange };
}

/**
 * One hover/markdown line for a status, e.g. "$(verified-filled) signature verified — Signature
 * verified (RS256) with key "prod" · 0.05 ms per verification". `escape` is the caller's markdown
 * escaper (key labels are user text).
 */
export function verificationMarkdownLine(status: VerificationStatus, escape: (text: string) => string): string {
  const badge = verificationBadge(status.result);
  const timing = status.timing ? ` · ${verificationTimingText(status.timing)}` : '';
  const weak = status.weakSecret ? `  \n$(error) ${escape(status.weakSecret.message)} ${escape(status.weakSecret.evidence)} (${status.weakSecret.code})` : '';
  return `$(${badge.icon}) ${escape(badge.label)} — ${escape(status.result.message)}${timing}${weak}`;
}

/** "0.052 ms per verification (median of 7, this machine)" — article reason 5. */
export function verificationTimingText(timing: VerificationTiming): string {
  const ms = timing.medianMs < 0.1 ? timing.medianMs.toFixed(3) : timing.medianMs.toFixed(2);
  return `${ms} ms per ${timing.alg} verification (median of ${timing.runs}, this machine)`;
}
