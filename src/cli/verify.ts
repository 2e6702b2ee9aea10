/**
 * `--key FILE`, `--jwks FILE`, `--secret TEXT`: signature verification for the CLI. Key files
 * are read here (Node); parsing and verification are the core's. Key material is never
 * printed: only labels (the file name or "--secret") and results.
 */
import { basename } from 'node:path';
import { guessKeyKind, parseVerificationKey, verifyToken } from '../core';
import type { KeyMaterial, VerificationKey, VerificationResult } from '../core';
import { readRegularFile } from './files';

/** Largest key or JWKS file read: far above any real one, and a bound on `--key /dev/zero`-like mistakes. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;

/** One key source given on the command line. */
export type CliKeySource =
  | { readonly kind: 'key'; readonly path: string }
  | { readonly kind: 'jwks'; readonly path: string }
  | { readonly kind: 'secret'; readonly value: string };

/** Reads and parses every key source; the first failure is returned as a one-line message. */
export async function loadCliKeys(sources: readonly CliKeySource[]): Promise<{ ok: true; keys: VerificationKey[] } | { ok: false; message: string }> {
  const keys: VerificationKey[] = [];
  for (const source of sources) {
    let material: KeyMaterial;
    let label: string;
    if (source.kind === 'secret') {
      material = { kind: 'secret', value: source.value, encoding: 'utf8' };
      label = '--secret';
    } else {
      const read = readRegularFile(source.path, MAX_KEY_FILE_BYTES);
      if (!read.ok) return { ok: false, message: `cannot read key file ${source.path}: ${read.reason}` };
      const text = read.bytes.toString('utf8');
      label = basename(source.path);
      if (source.kind === 'jwks') material = { kind: 'jwks', json: text };
      else {
        // --key takes a PEM (SPKI, PKCS#1, certificate) or a JWK file.
        const kind = guessKeyKind(text);
        material = kind === 'pem' ? { kind, pem: text } : kind === 'jwk' || kind === 'jwks' ? { kind, json: text } : { kind: 'pem', pem: text };
      }
    }
    const parsed = await parseVerificationKey({ label, material });
    if (!parsed.ok) return { ok: false, message: `${label}: ${parsed.error.message}` };
    keys.push(parsed.value);
  }
  return { ok: true, keys };
}

/** Verifies `token` with `keys` (never throws). */
export function verifyForCli(token: string, keys: readonly VerificationKey[]): Promise<VerificationResult> {
  return verifyToken(token, keys);
}

/** Whether a result should make `--fail-on error` fail: a signature that does not verify. */
export function isVerificationFailure(result: VerificationResult): boolean {
  return result.status === 'invalid-signature' || result.status === 'key-mismatch';
}
