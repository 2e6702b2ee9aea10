/**
 * `token-lens` command runner: argv in, text out, exit code back. The inspection engine and
 * all I/O are passed in, so tests and the bundled binary share one code path.
 */
import { createWeakSecretChecker, nestedTokens, normalizeTokenInput } from '../core';
import type { InspectOptions } from '../core/types';
import { parseArgs, USAGE, type CommonOptions } from './args';
import { terminalJson, terminalText } from '../present';
import { analyseToken, type InspectFunction } from './scanFile';
import { isVerificationFailure, loadCliKeys } from './verify';
import { loadCliKeySet, readSecretSources } from './privateKeys';
import { runEncode } from './encode';
import { isCompactJwe, runDecodeJwe, runDecrypt, type DecryptContext } from './decrypt';
import { runScan, type ScanPoolFactory } from './scan';
import { runDiff } from './diff';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exitCodes';
import { COLOR, JSON_SCHEMA_VERSION, meetsFailLevel, PLAIN, renderInspection, reportedVerification, tokenReport, verificationLine, type DecodeReport } from './report';

export type { InspectFunction } from './scanFile';

/** Everything the runner touches outside itself. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** stdout is a terminal (colours). */
  readonly isTty: boolean;
  /** stderr is a terminal: `scan` then shows its progress there. */
  readonly stderrIsTty?: boolean;
  /** Runs `scan` over worker threads when given (the bundled binary; tests run in-process). */
  readonly scanPool?: ScanPoolFactory;
  /** Cores to use by default (`os.availableParallelism()`). */
  readonly cores?: number;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  readonly clock: () => number;
}

export { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exitCodes';

function inspectOptions(options: CommonOptions, now: number): InspectOptions {
  return {
    now,
    ...(options.clockSkewSec !== undefined ? { clockSkewSec: options.clockSkewSec } : {}),
    ...(options.maxLifetimeSec !== undefined ? { thresholds: { maxLifetimeSec: options.maxLifetimeSec } } : {}),
  };
}

function useColor(options: CommonOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  return io.isTty && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/** The one line on stderr for bad usage or unreadable input (it may quote a path or a token's text). */
function usageError(io: CliIo, message: string): number {
  io.stderr(`token-lens: ${terminalText(message)}\n`);
  return EXIT_USAGE;
}

/** Runs one `token-lens` invocation and returns its exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo, engine: InspectFunction | undefined): Promise<number> {
  const parsed = parseArgs(argv, io.clock);
  if (!parsed.ok) return usageError(io, parsed.message);
  const command = parsed.value;
  if (command.command === 'help') {
    io.stdout(USAGE + '\n');
    return EXIT_OK;
  }
  if (command.command === 'version') {
    io.stdout(`token-lens ${io.version}\n`);
    return EXIT_OK;
  }
  // --secret-file and --secret - are read first, into --secret values at their places.
  const secretsRead = command.secretSources !== undefined ? await readSecretSources(command.keySources ?? [], command.secretSources, io.readStdin) : undefined;
  if (secretsRead !== undefined && !secretsRead.ok) return usageError(io, secretsRead.message);
  const keySources = secretsRead?.ok === true ? secretsRead.sources : command.keySources;
  if (command.command === 'diff') {
    const style = useColor(command, io) ? COLOR : PLAIN;
    return runDiff(command.inputs, { readStdin: io.readStdin, stdout: io.stdout, json: command.json, style, usageError: (message) => usageError(io, message) });
  }
  if (engine === undefined) return usageError(io, 'this build has no inspection engine (inspectToken missing from src/core)');
  const inspect: InspectFunction = engine;
  const now = command.now ?? io.clock();
  const style = useColor(command, io) ? COLOR : PLAIN;
  const options = inspectOptions(command, now);
  // decode, encode and decrypt also take private keys (sign, decrypt; their public halves verify).
  // Scan workers load their keys from the sources themselves, so scan takes public keys and secrets.
  const keySet = command.command === 'scan' || keySources === undefined ? undefined : await loadCliKeySet(keySources, secretsRead?.ok === true ? secretsRead.labels : undefined);
  if (keySet !== undefined && !keySet.ok) return usageError(io, keySet.message);
  const loadedKeys = keySet !== undefined ? { ok: true as const, keys: keySet.value.keys } : keySources ? await loadCliKeys(keySources) : { ok: true as const, keys: [] };
  if (!loadedKeys.ok) return usageError(io, loadedKeys.message);
  const keys = loadedKeys.keys;
  const privateKeys = keySet?.value.privateKeys ?? [];
  const decryptContext: DecryptContext = { stdout: io.stdout, stderr: io.stderr, readStdin: io.readStdin, privateKeys, keys, options, style, usageError: (message) => usageError(io, message) };
  if (command.command === 'encode') {
    return runEncode(command, { stdout: io.stdout, stderr: io.stderr, readStdin: io.readStdin, key: privateKeys[0], usageError: (message) => usageError(io, message) });
  }
  if (command.command === 'decrypt') {
    const token = await tokenArgument(command.input, io);
    if (!token.ok) return usageError(io, token.message);
    return runDecrypt(command, token.value, decryptContext, now);
  }

  if (command.command === 'decode') {
    const token = await tokenArgument(command.input, io);
    if (!token.ok) return usageError(io, token.message);
    if (privateKeys.length > 0 && isCompactJwe(token.value)) {
      const inspected = inspect(token.value, options);
      if (!inspected.ok) return usageError(io, inspected.error.message);
      return runDecodeJwe(command, inspected.value, decryptContext, now);
    }
    // The weak-secret check (TL401) runs by default, as in the editor.
    const analysed = await analyseToken(token.value, { inspect, options, keys, weakSecrets: createWeakSecretChecker() });
    const { inspection, verification } = analysed;
    if (inspection === undefined) return usageError(io, analysed.error?.message ?? 'cannot decode the token');
    const nested = nestedTokens(inspection.decoded, options);
    if (command.json) {
      const report: DecodeReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'decode', now: new Date(now).toISOString(), token: tokenReport(inspection, nested) };
      io.stdout(terminalJson(verification ? { ...report, verification: reportedVerification(verification) } : report) + '\n');
    } else {
      io.stdout(renderInspection(inspection, style, nested) + (verification ? `\n${verificationLine(verification)}` : '') + '\n');
    }
    // A signature that does not verify is an error-level result for --fail-on.
    const verificationFailed = verification !== undefined && isVerificationFailure(verification) && command.failOn !== undefined;
    return verificationFailed || (command.failOn && meetsFailLevel(inspection, command.failOn)) ? EXIT_FINDINGS : EXIT_OK;
  }

  return runScan(keySources === command.keySources ? command : { ...command, keySources }, { io, inspect, options, keys, now, style, usageError: (message) => usageError(io, message) });
}

/** The token argument of decode/decrypt (`-`: read from stdin), normalised; or why it is unusable. */
async function tokenArgument(input: string, io: Pick<CliIo, 'readStdin'>): Promise<{ ok: true; value: string } | { ok: false; message: string }> {
  let text = input;
  if (text === '-') {
    try {
      text = await io.readStdin();
    } catch {
      return { ok: false, message: 'cannot read stdin' };
    }
  }
  const token = normalizeTokenInput(text);
  return token.ok ? { ok: true, value: token.value } : { ok: false, message: token.error.message };
}
