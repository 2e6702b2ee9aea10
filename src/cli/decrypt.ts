/**
 * `token-lens decrypt` and `decode` of a JWE with a key: core `decryptToken` (the same guards
 * as the editor: PBES2 `p2c` bound, `zip` cap, the failing step named), the plaintext shown
 * as claims, JSON or text, and a nested token (`cty: JWT`, or a plaintext that is one) shown
 * in full with its signature checked against the keys given. Plaintext is printed because it
 * was asked for, and kept nowhere; key material is never printed.
 */
import { decryptToken, verifyToken } from '../core';
import type { DecryptedToken, DecryptError, Inspection, InspectOptions, VerificationKey, VerificationResult } from '../core';
import { terminalJson, terminalText } from '../present';
import type { CliCommand } from './args';
import { EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import type { LabelledPrivateKey } from './privateKeys';
import { JSON_SCHEMA_VERSION, meetsFailLevel, renderInspection, tokenReport, verificationLine } from './report';
import type { DecodeReport, Style, TokenReport } from './report';
import { isVerificationFailure } from './verify';

/** What decryption needs from the runner. */
export interface DecryptContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly privateKeys: readonly LabelledPrivateKey[];
  /** Verification keys for an inner JWS (public keys, secrets, public halves of the private keys). */
  readonly keys: readonly VerificationKey[];
  readonly options: InspectOptions;
  readonly style: Style;
  readonly usageError: (message: string) => number;
}

/** A decrypted JWE in `--json` output: never the key, and the inner token as a token report. */
export interface DecryptedReport {
  readonly alg: string;
  readonly enc: string;
  readonly header: DecryptedToken['header'];
  /** The `--key`/`--secret` label that decrypted it. */
  readonly key: string;
  /** The key's description and kid ("RSA private key (2048 bit), kid k1"). */
  readonly keyDescription: string;
  readonly compressed: boolean;
  readonly plaintextBytes: number;
  readonly payload: DecryptedToken['payload'];
  readonly depth: number;
  readonly notes: readonly string[];
  readonly inner?: {
    readonly via: 'cty' | 'plaintext';
    readonly token: TokenReport;
    readonly verification?: VerificationResult;
    readonly decrypted?: DecryptedReport;
    readonly error?: DecryptError;
  };
}

/** `decrypt --json` output. */
export interface DecryptReport {
  readonly schemaVersion: number;
  readonly command: 'decrypt';
  readonly now: string;
  readonly decrypted?: DecryptedReport;
  readonly error?: DecryptError;
}

/** True for text that is a compact JWE by its shape (five segments). */
export function isCompactJwe(token: string): boolean {
  return token.split('.', 6).length === 5;
}

interface Verified {
  /** Inner JWS verification results, by depth (1 = the outer JWE's inner token). */
  readonly byDepth: Map<number, VerificationResult>;
}

async function verifyInner(decrypted: DecryptedToken, keys: readonly VerificationKey[], verified: Verified): Promise<void> {
  const inner = decrypted.inner;
  if (inner === undefined) return;
  if (inner.decrypted !== undefined) await verifyInner(inner.decrypted, keys, verified);
  else if (inner.inspection.decoded.kind !== 'jwe' && keys.length > 0) verified.byDepth.set(decrypted.depth, await verifyToken(inner.token, keys));
}

function keyLabel(decrypted: DecryptedToken, keys: readonly LabelledPrivateKey[]): string {
  return keys[decrypted.keyIndex]?.label ?? '';
}

function report(decrypted: DecryptedToken, ctx: DecryptContext, verified: Verified): DecryptedReport {
  const inner = decrypted.inner;
  const verification = verified.byDepth.get(decrypted.depth);
  return {
    alg: decrypted.alg,
    enc: decrypted.enc,
    header: decrypted.header,
    key: keyLabel(decrypted, ctx.privateKeys),
    keyDescription: decrypted.keyDescription,
    compressed: decrypted.compressed,
    plaintextBytes: decrypted.plaintextBytes,
    payload: decrypted.payload,
    depth: decrypted.depth,
    notes: decrypted.notes,
    ...(inner !== undefined
      ? {
          inner: {
            via: inner.via,
            token: tokenReport(inner.inspection),
            ...(verification !== undefined ? { verification } : {}),
            ...(inner.decrypted !== undefined ? { decrypted: report(inner.decrypted, ctx, verified) } : {}),
            ...(inner.error !== undefined ? { error: inner.error } : {}),
          },
        }
      : {}),
  };
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

function plaintextLines(decrypted: DecryptedToken, style: Style): string[] {
  const payload = decrypted.payload;
  const size = `${decrypted.plaintextBytes} B${decrypted.compressed ? ', inflated from zip "DEF"' : ''}`;
  // Integers of 16 digits or more may not survive JSON.parse: show the JSON as it was decrypted.
  const json = (parsed: unknown, raw: string) => indent(terminalText(/\d{16,}/.test(raw) ? raw : JSON.stringify(parsed, null, 2), { multiline: true }), '  ');
  switch (payload.type) {
    case 'claims':
      return [style.bold(`Plaintext (claims, ${size})`), json(payload.claims, payload.json)];
    case 'json':
      return [style.bold(`Plaintext (JSON, not a claims object, ${size})`), json(payload.value, payload.json)];
    case 'text':
      return [style.bold(`Plaintext (text, ${size})`), `  ${terminalText(payload.text)}`];
    default:
      return [style.bold(`Plaintext (${size}, not UTF-8)`)];
  }
}

/** The text of one decrypted level, its inner token below it. */
function render(decrypted: DecryptedToken, ctx: DecryptContext, verified: Verified): string {
  const { style } = ctx;
  const level = decrypted.depth > 1 ? ` (JWE level ${decrypted.depth})` : '';
  const lines = [
    `${style.green('decrypted')}${level}: ${terminalText(`${decrypted.alg} · ${decrypted.enc}`)} with key "${terminalText(keyLabel(decrypted, ctx.privateKeys))}" (${terminalText(decrypted.keyDescription)})`,
    ...plaintextLines(decrypted, style),
  ];
  const inner = decrypted.inner;
  if (inner !== undefined) {
    lines.push('', style.bold(`Inner token (${inner.via === 'cty' ? 'cty: JWT' : 'the plaintext is a token'})`), indent(renderInspection(inner.inspection, style), '  '));
    const verification = verified.byDepth.get(decrypted.depth);
    if (verification !== undefined) lines.push(`  ${verificationLine(verification)}`);
    if (inner.decrypted !== undefined) lines.push('', indent(render(inner.decrypted, ctx, verified), '  '));
    if (inner.error !== undefined) lines.push(`  ${failureLine(inner.error, style)}`);
  }
  for (const note of decrypted.notes) lines.push(`  ${style.yellow('note')} ${terminalText(note)}`);
  return lines.join('\n');
}

/** "decryption failed at key unwrap: …" — the step, then the core's sentence (no key material in it). */
function failureLine(error: DecryptError, style: Style): string {
  return `${style.red('decryption failed')} at ${error.step.replace('-', ' ')}: ${terminalText(error.message)}`;
}

/** Whether any inner token of the chain meets `--fail-on`, or its signature does not verify. */
function innerFails(decrypted: DecryptedToken, level: 'error' | 'warning', verified: Verified): boolean {
  const inner = decrypted.inner;
  if (inner === undefined) return false;
  const verification = verified.byDepth.get(decrypted.depth);
  if (meetsFailLevel(inner.inspection, level) || (verification !== undefined && isVerificationFailure(verification)) || inner.error !== undefined) return true;
  return inner.decrypted !== undefined && innerFails(inner.decrypted, level, verified);
}

async function decryptWithKeys(token: string, ctx: DecryptContext): Promise<{ decrypted?: DecryptedToken; error?: DecryptError; verified: Verified }> {
  const verified: Verified = { byDepth: new Map() };
  const result = await decryptToken(token, ctx.privateKeys.map((k) => k.key), { inspect: ctx.options });
  if (!result.ok) return { error: result.error, verified };
  await verifyInner(result.value, ctx.keys, verified);
  return { decrypted: result.value, verified };
}

/**
 * `token-lens decrypt`: exit 0 with the plaintext (and inner token), 1 when the token does not
 * decrypt (the step on stderr) or `--fail-on` is met by the inner token, 2 for bad usage.
 */
export async function runDecrypt(command: Extract<CliCommand, { command: 'decrypt' }>, token: string, ctx: DecryptContext, now: number): Promise<number> {
  if (ctx.privateKeys.length === 0) return ctx.usageError('decrypt needs a private key or secret: --key (a private PEM or JWK), --secret or --secret-file');
  if (!isCompactJwe(token)) return ctx.usageError('decrypt takes a compact JWE (five dot-separated segments); decode shows other tokens');
  const { decrypted, error, verified } = await decryptWithKeys(token, ctx);
  if (command.json) {
    const out: DecryptReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'decrypt', now: new Date(now).toISOString(), ...(decrypted !== undefined ? { decrypted: report(decrypted, ctx, verified) } : {}), ...(error !== undefined ? { error } : {}) };
    ctx.stdout(terminalJson(out) + '\n');
  } else if (decrypted !== undefined) {
    ctx.stdout(render(decrypted, ctx, verified) + '\n');
  }
  if (error !== undefined) {
    if (!command.json) ctx.stderr(`token-lens: ${failureLine(error, ctx.style)}\n`);
    return EXIT_FINDINGS;
  }
  return command.failOn !== undefined && decrypted !== undefined && innerFails(decrypted, command.failOn, verified) ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * `decode` of a JWE given a private key or secret: the JWE's own inspection, then what
 * decrypting it gives (or the step that failed). A failure to decrypt is an error-level
 * result for `--fail-on`, as a signature that does not verify is.
 */
export async function runDecodeJwe(command: Extract<CliCommand, { command: 'decode' }>, inspection: Inspection, ctx: DecryptContext, now: number): Promise<number> {
  const { decrypted, error, verified } = await decryptWithKeys(inspection.decoded.token, ctx);
  if (command.json) {
    const base: DecodeReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'decode', now: new Date(now).toISOString(), token: tokenReport(inspection) };
    ctx.stdout(terminalJson({ ...base, ...(decrypted !== undefined ? { decrypted: report(decrypted, ctx, verified) } : {}), ...(error !== undefined ? { decryptionError: error } : {}) }) + '\n');
  } else {
    const tail = decrypted !== undefined ? render(decrypted, ctx, verified) : failureLine(error!, ctx.style);
    ctx.stdout(`${renderInspection(inspection, ctx.style)}\n\n${tail}\n`);
  }
  if (command.failOn === undefined) return EXIT_OK;
  const failed = error !== undefined || meetsFailLevel(inspection, command.failOn) || (decrypted !== undefined && innerFails(decrypted, command.failOn, verified));
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
