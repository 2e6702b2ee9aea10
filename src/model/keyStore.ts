import * as vscode from 'vscode';
import type { KeyInput, KeyMaterial, SecretEncoding } from '../core';

/**
 * Signing material as the user entered or generated it: an HMAC secret, a PKCS#8 PEM private
 * key or a private JWK. Kept in SecretStorage only and never shown back.
 */
export type SigningMaterial =
  | { readonly kind: 'secret'; readonly value: string; readonly encoding: SecretEncoding }
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'jwk'; readonly json: string };

/** One stored signing key: material, label, the `iss`/`kid` binding as for verification keys. */
export interface SigningKeyInput {
  readonly label: string;
  readonly material: SigningMaterial;
  /** Tokens this key signs carry this `iss` (offered, never forced). */
  readonly iss?: string;
  /** Header `kid` put on the tokens this key signs. */
  readonly kid?: string;
  /**
   * The key's public half as a JWK (JSON text), so tokens it signs verify without a second
   * entry; absent for HMAC secrets (the secret itself verifies).
   */
  readonly publicJwk?: string;
  /** Short description without material: "EC P-256 private key", "HMAC secret (32 bytes)". */
  readonly description: string;
  /**
   * What the key is for. Absent: a signing key (Add Signing Key, Generate Key Pair), which also
   * decrypts a JWE it fits (an RSA or EC key pair, a `dir`/`A*KW` secret). `decrypt`: a
   * decryption key (*Add Decryption Key*): it decrypts and is never offered for signing.
   */
  readonly purpose?: 'decrypt';
}

/** What a picker shows of a signing key: never its material. */
export interface SigningKeySummary {
  readonly label: string;
  readonly description: string;
  readonly iss?: string;
  readonly kid?: string;
}

/** A stored private key used for decryption, as a surface names it: never its material. */
export interface DecryptionKeySummary {
  readonly label: string;
  readonly description: string;
  /** True for a signing key (it decrypts too); false for a decryption key. */
  readonly signs: boolean;
}

/**
 * The user's keys, kept in VS Code `SecretStorage` only (OS keychain): never in settings,
 * logs, workspace state or webview state. Verification keys and private keys are two secrets,
 * each holding its whole list so that add/remove are a single write. The private keys are one
 * home for signing and decryption material: signing keys (which also decrypt what they fit)
 * and decryption keys (`purpose: 'decrypt'`, never offered for signing), labels unique among
 * them all.
 */
export class KeyStore implements vscode.Disposable {
  /** SecretStorage key of the verification keys. */
  static readonly SECRET_KEY = 'tokenLens.verificationKeys';
  /** SecretStorage key of the private keys: signing keys and decryption keys (issue 11). */
  static readonly SIGNING_SECRET_KEY = 'tokenLens.signingKeys';

  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a key was added or removed (also from another window). */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === KeyStore.SECRET_KEY || e.key === KeyStore.SIGNING_SECRET_KEY) this.changed.fire();
    });
  }

  /** All stored verification keys; a corrupt entry is dropped rather than failing every verification. */
  async list(): Promise<KeyInput[]> {
    return (await this.read(KeyStore.SECRET_KEY)).filter(isKeyInput);
  }

  /** Adds a verification key, replacing one with the same label. */
  async add(key: KeyInput): Promise<void> {
    const keys = (await this.list()).filter((k) => k.label !== key.label);
    keys.push(key);
    await this.secrets.store(KeyStore.SECRET_KEY, JSON.stringify(keys));
  }

  /** Removes the verification key with this label; returns whether one was removed. */
  async remove(label: string): Promise<boolean> {
    return this.removeFrom(KeyStore.SECRET_KEY, await this.list(), label);
  }

  /** Every stored private key, signing and decryption keys (material included: never for display). */
  private async privateKeys(): Promise<SigningKeyInput[]> {
    return (await this.read(KeyStore.SIGNING_SECRET_KEY)).filter(isSigningKeyInput);
  }

  /** All stored signing keys (material included: for the signer only, never for display). */
  async signingKeys(): Promise<SigningKeyInput[]> {
    return (await this.privateKeys()).filter((k) => k.purpose !== 'decrypt');
  }

  /** Every private key decryption may try: the signing keys, then the decryption keys (material included: for the decrypter only). */
  async decryptionKeys(): Promise<SigningKeyInput[]> {
    const all = await this.privateKeys();
    return [...all.filter((k) => k.purpose !== 'decrypt'), ...all.filter((k) => k.purpose === 'decrypt')];
  }

  /** Labels and descriptions of every key decryption may try, without material. */
  async decryptionKeySummaries(): Promise<DecryptionKeySummary[]> {
    return (await this.decryptionKeys()).map((k) => ({ label: k.label, description: k.description, signs: k.purpose !== 'decrypt' }));
  }

  /** True when a private key (signing or decryption) has this label. */
  async hasPrivateKey(label: string): Promise<boolean> {
    return (await this.privateKeys()).some((k) => k.label === label);
  }

  /** Adds a decryption key, replacing any private key with the same label. */
  async addDecryptionKey(key: Omit<SigningKeyInput, 'purpose'>): Promise<void> {
    await this.putPrivateKey({ ...key, purpose: 'decrypt' });
  }

  /** Removes the decryption key (not a signing key) with this label; returns whether one was removed. */
  async removeDecryptionKey(label: string): Promise<boolean> {
    return this.removePrivateKey((k) => k.label === label && k.purpose === 'decrypt');
  }

  /** Labels, descriptions and bindings of the signing keys, without material. */
  async signingKeySummaries(): Promise<SigningKeySummary[]> {
    return (await this.signingKeys()).map((k) => ({ label: k.label, description: k.description, ...(k.iss !== undefined ? { iss: k.iss } : {}), ...(k.kid !== undefined ? { kid: k.kid } : {}) }));
  }

  /** The signing key with this label, if stored. */
  async signingKey(label: string): Promise<SigningKeyInput | undefined> {
    return (await this.signingKeys()).find((k) => k.label === label);
  }

  /** Adds a signing key, replacing any private key with the same label. */
  async addSigningKey(key: SigningKeyInput): Promise<void> {
    const signing: SigningKeyInput = { ...key };
    delete (signing as { purpose?: unknown }).purpose;
    await this.putPrivateKey(signing);
  }

  /** Removes the signing key with this label; returns whether one was removed. */
  async removeSigningKey(label: string): Promise<boolean> {
    return this.removePrivateKey((k) => k.label === label && k.purpose !== 'decrypt');
  }

  private async putPrivateKey(key: SigningKeyInput): Promise<void> {
    const keys = (await this.privateKeys()).filter((k) => k.label !== key.label);
    keys.push(key);
    await this.secrets.store(KeyStore.SIGNING_SECRET_KEY, JSON.stringify(keys));
  }

  private async removePrivateKey(matches: (key: SigningKeyInput) => boolean): Promise<boolean> {
    const keys = await this.privateKeys();
    const rest = keys.filter((k) => !matches(k));
    if (rest.length === keys.length) return false;
    if (rest.length === 0) await this.secrets.delete(KeyStore.SIGNING_SECRET_KEY);
    else await this.secrets.store(KeyStore.SIGNING_SECRET_KEY, JSON.stringify(rest));
    return true;
  }

  /**
   * Every key verification may use: the verification keys, then each signing key's public half
   * (a key pair generated here verifies the tokens it signed; an HMAC secret verifies as itself).
   */
  async verificationInputs(): Promise<KeyInput[]> {
    const derived = (await this.signingKeys()).flatMap((k): KeyInput[] => {
      const material: KeyMaterial | undefined =
        k.material.kind === 'secret' ? k.material : k.publicJwk !== undefined ? { kind: 'jwk', json: k.publicJwk } : undefined;
      return material === undefined ? [] : [{ label: k.label, material, ...(k.iss !== undefined ? { iss: k.iss } : {}), ...(k.kid !== undefined ? { kid: k.kid } : {}) }];
    });
    return [...(await this.list()), ...derived];
  }

  private async read(secretKey: string): Promise<unknown[]> {
    const raw = await this.secrets.get(secretKey);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }

  private async removeFrom(secretKey: string, keys: readonly { readonly label: string }[], label: string): Promise<boolean> {
    const rest = keys.filter((k) => k.label !== label);
    if (rest.length === keys.length) return false;
    if (rest.length === 0) await this.secrets.delete(secretKey);
    else await this.secrets.store(secretKey, JSON.stringify(rest));
    return true;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

const MATERIAL_KINDS: readonly KeyMaterial['kind'][] = ['secret', 'pem', 'jwk', 'jwks'];
const SECRET_ENCODINGS: readonly string[] = ['utf8', 'base64', 'base64url'];

/** Shape check of one stored entry (the secret may have been written by an older version). */
export function isKeyInput(value: unknown): value is KeyInput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v['material'] as Record<string, unknown> | undefined;
  if (typeof v['label'] !== 'string' || typeof m !== 'object' || m === null) return false;
  if (!MATERIAL_KINDS.includes(m['kind'] as KeyMaterial['kind'])) return false;
  if (m['kind'] === 'secret') return typeof m['value'] === 'string' && SECRET_ENCODINGS.includes(m['encoding'] as string);
  return typeof (m['kind'] === 'pem' ? m['pem'] : m['json']) === 'string';
}

/** Shape check of one stored signing key. */
export function isSigningKeyInput(value: unknown): value is SigningKeyInput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const m = v['material'] as Record<string, unknown> | undefined;
  if (typeof v['label'] !== 'string' || typeof v['description'] !== 'string' || typeof m !== 'object' || m === null) return false;
  if (v['publicJwk'] !== undefined && typeof v['publicJwk'] !== 'string') return false;
  if (v['purpose'] !== undefined && v['purpose'] !== 'decrypt') return false;
  switch (m['kind']) {
    case 'secret':
      return typeof m['value'] === 'string' && SECRET_ENCODINGS.includes(m['encoding'] as string);
    case 'pem':
      return typeof m['pem'] === 'string';
    case 'jwk':
      return typeof m['json'] === 'string';
    default:
      return false;
  }
}
