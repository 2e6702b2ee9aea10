/**
 * The CLI's key sources for every command: `--key FILE`, `--jwks FILE`, `--secret TEXT`,
 * `--secret -` (stdin) and `--secret-file FILE`. A secret typed on the command line stays in
 * the shell's history, so `--secret -` and `--secret-file` read it from elsewhere.
 *
 * Each source becomes what it can be used for: a public key or JWKS verifies (the existing
 * `loadCliKeys`); a private key (PKCS#8 PEM, private JWK) signs and decrypts, and verifies
 * with its public half; a secret is an HMAC key, a JWE key and a PBES2 password. Parsing is
 * the core's (`parsePrivateKey`, `parseVerificationKey`); key material is never printed,
 * only labels (the file name, `--secret`).
 */
import { basename } from 'node:path';
import { guessKeyKind, MAX_SIGN_INPUT_CHARS, parsePrivateKey, verificationKeyFor } from '../core';
import type { PrivateKey, VerificationKey } from '../core';
import { readRegularFile } from './files';
import { loadCliKeys, type CliKeySource } from './verify';

/** Largest key or secret file read, as for `--key` (a bound on `--secret-file /dev/zero`-like mistakes). */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** `--secret-file FILE` or `--secret -`, with its place among the key sources (tried in the order given). */
export type SecretSource =
  | { readonly kind: 'secret-file'; readonly path: string; readonly position: number }
  | { readonly kind: 'secret-stdin'; readonly position: number };

/** A private key or secret and the label it is shown by. */
export interface LabelledPrivateKey {
  readonly label: string;
  readonly key: PrivateKey;
}

/** Everything the key sources give. */
export interface CliKeySet {
  /** Verification keys, in the order given (public keys, JWKS, secrets, public halves of private keys). */
  readonly keys: VerificationKey[];
  /** Signing and decryption keys, in the order given (private keys and secrets). */
  readonly privateKeys: LabelledPrivateKey[];
}

type Loaded = { ok: true; value: CliKeySet } | { ok: false; message: string };

/** A secret read from a file or stdin: one trailing newline (LF or CRLF) is the file's end, not the secret's. */
function secretText(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** One `--secret-file` or `--secret -` read as a `--secret` value, or why it cannot be. */
async function readSecret(source: SecretSource, readStdin: () => Promise<string>): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  if (source.kind === 'secret-stdin') {
    let text: string;
    try {
      text = await readStdin();
    } catch {
      return { ok: false, message: 'cannot read the secret from stdin' };
    }
    if (text.length > MAX_SIGN_INPUT_CHARS) return { ok: false, message: `--secret -: stdin holds more than ${MAX_SIGN_INPUT_CHARS} characters (1 MiB); a secret is far shorter` };
    const value = secretText(text);
    return value.length === 0 ? { ok: false, message: '--secret -: stdin held no secret' } : { ok: true, value };
  }
  const read = readRegularFile(source.path, MAX_KEY_FILE_BYTES);
  if (!read.ok) return { ok: false, message: `cannot read secret file ${source.path}: ${read.reason}` };
  const value = secretText(read.bytes.toString('utf8'));
  return value.length === 0 ? { ok: false, message: `secret file ${source.path} is empty` } : { ok: true, value };
}

/**
 * The key sources with `--secret-file` and `--secret -` read into `--secret` values at their
 * places, so everything after (scan workers included) sees one kind of list. The labels of
 * those secrets name where they came from (`--secret -`, the file's name), never the secret.
 */
export async function readSecretSources(
  keySources: readonly CliKeySource[],
  secretSources: readonly SecretSource[],
  readStdin: () => Promise<string>,
): Promise<{ ok: true; sources: CliKeySource[]; labels: Map<CliKeySource, string> } | { ok: false; message: string }> {
  const sources = [...keySources];
  const labels = new Map<CliKeySource, string>();
  for (const secret of [...secretSources].sort((a, b) => a.position - b.position)) {
    const read = await readSecret(secret, readStdin);
    if (!read.ok) return read;
    const source: CliKeySource = { kind: 'secret', value: read.value };
    labels.set(source, secret.kind === 'secret-stdin' ? '--secret -' : basename(secret.path));
    sources.splice(secret.position, 0, source);
  }
  return { ok: true, sources, labels };
}

/** Whether a key file's text is private material (so its parse error is the private parser's). */
function looksPrivate(text: string): boolean {
  const kind = guessKeyKind(text);
  if (kind === 'pem') return /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text);
  return kind === 'jwk' && /"d"\s*:|"kty"\s*:\s*"oct"/.test(text);
}

/**
 * Reads and parses every key source in order (after {@link readSecretSources}). The first
 * failure is one line naming the source, never its content.
 */
export async function loadCliKeySet(sources: readonly CliKeySource[], labels: ReadonlyMap<CliKeySource, string> = new Map()): Promise<Loaded> {
  const keys: VerificationKey[] = [];
  const privateKeys: LabelledPrivateKey[] = [];
  for (const source of sources) {
    const label = labels.get(source) ?? (source.kind === 'secret' ? '--secret' : basename(source.path));
    if (source.kind === 'secret') {
      const verification = await loadCliKeys([source]);
      if (!verification.ok) return { ok: false, message: verification.message };
      keys.push(...verification.keys.map((key) => ({ ...key, label })));
      const secret = await parsePrivateKey({ kind: 'secret', value: source.value, encoding: 'utf8' });
      if (!secret.ok) return { ok: false, message: `${label}: ${secret.error.message}` };
      privateKeys.push({ label, key: secret.value });
      continue;
    }
    if (source.kind === 'key') {
      const read = readRegularFile(source.path, MAX_KEY_FILE_BYTES);
      if (!read.ok) return { ok: false, message: `cannot read key file ${source.path}: ${read.reason}` };
      const text = read.bytes.toString('utf8');
      if (looksPrivate(text)) {
        const parsed = await parsePrivateKey(guessKeyKind(text) === 'pem' ? { kind: 'pem', pem: text } : { kind: 'jwk', json: text });
        if (!parsed.ok) return { ok: false, message: `${label}: ${parsed.error.message}` };
        privateKeys.push({ label, key: parsed.value });
        // Its public half (or the secret) verifies what it signed, unless the key is only for encryption.
        if (parsed.value.use !== 'enc') keys.push(verificationKeyFor(parsed.value, label));
        continue;
      }
    }
    const verification = await loadCliKeys([source]);
    if (!verification.ok) return { ok: false, message: verification.message };
    keys.push(...verification.keys);
  }
  return { ok: true, value: { keys, privateKeys } };
}
