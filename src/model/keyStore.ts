import * as vscode from 'vscode';
import type { KeyInput, KeyMaterial } from '../core';

/**
 * The user's verification keys, kept in VS Code `SecretStorage` only (OS keychain): never in
 * settings, logs, workspace state or webview state. One secret holds the whole list so that
 * add/remove are a single write.
 */
export class KeyStore implements vscode.Disposable {
  /** SecretStorage key of the list. */
  static readonly SECRET_KEY = 'tokenLens.verificationKeys';

  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a key was added or removed (also from another window). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === KeyStore.SECRET_KEY) this.changed.fire();
    });
  }

  /** All stored keys; a corrupt entry is dropped rather than failing every verification. */
  async list(): Promise<KeyInput[]> {
    const raw = await this.secrets.get(KeyStore.SECRET_KEY);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? parsed.filter(isKeyInput) : [];
    } catch {
      return [];
    }
  }

  /** Adds a key, replacing one with the same label. */
  async add(key: KeyInput): Promise<void> {
    const keys = (await this.list()).filter((k) => k.label !== key.label);
    keys.push(key);
    await this.secrets.store(KeyStore.SECRET_KEY, JSON.stringify(keys));
  }

  /** Removes the key with this label; returns whether one was removed. */
  async remove(label: string): Promise<boolean> {
    const keys = await this.list();
    const rest = keys.filter((k) => k.label !== label);
    if (rest.length === keys.length) return false;
    if (rest.length === 0) await this.secrets.delete(KeyStore.SECRET_KEY);
    else await this.secrets.store(KeyStore.SECRET_KEY, JSON.stringify(rest));
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const MATERIAL_KINDS: readonly KeyMaterial['kind'][] = ['secret', 'pem', 'jwk', 'jwks'];

/** Shape check of one stored entry (the secret may have been written by an older version). */
export function isKeyInput(value: unknown): value is KeyInput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v['material'] as Record<string, unknown> | undefined;
  if (typeof v['label'] !== 'string' || typeof m !== 'object' || m === null) return false;
  if (!MATERIAL_KINDS.includes(m['kind'] as KeyMaterial['kind'])) return false;
  if (m['kind'] === 'secret') return typeof m['value'] === 'string' && ['utf8', 'base64', 'base64url'].includes(m['encoding'] as string);
  return typeof (m['kind'] === 'pem' ? m['pem'] : m['json']) === 'string';
}
