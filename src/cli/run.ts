/**
 * `token-lens` command runner: argv in, text out, exit code back. The inspection engine and
 * all I/O are passed in, so tests and the bundled binary share one code path.
 */
import { findTokens, normalizeTokenInput } from '../core';
import type { InspectOptions, Inspection, Result } from '../core/types';
import { parseArgs, USAGE, type CommonOptions } from './args';
import { BINARY_SNIFF_BYTES, LineIndex, looksBinary, terminalJson, terminalText } from '../present';
import { expandPaths, MissingPathError, readForScan, UNREADABLE, type FileEntry } from './files';
import { isVerificationFailure, loadCliKeys, verifyForCli } from './verify';
import {
  COLOR,
  countSeverities,
  JSON_SCHEMA_VERSION,
  meetsFailLevel,
  PLAIN,
  renderInspection,
  scanErrorLine,
  scanTokenLines,
  skippedLine,
  tokenReport,
  verificationLine,
  type DecodeReport,
  type ScanFileReport,
  type ScanReport,
  type ScanTokenReport,
} from './report';

/** The analysis the CLI runs on each token (`inspectToken` from the core). */
export type InspectFunction = (token: string, options?: InspectOptions) => Result<Inspection>;

/** Everything the runner touches outside itself. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly version: string;
  readonly clock: () => number;
}

/** Exit codes: 0 ok, 1 `--fail-on` threshold met, 2 bad usage or unreadable input. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

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
  const parsed = parseArgs(argv);
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
  if (engine === undefined) return usageError(io, 'this build has no inspection engine (inspectToken missing from src/core)');
  const inspect: InspectFunction = engine;
  const now = command.now ?? io.clock();
  const style = useColor(command, io) ? COLOR : PLAIN;
  const options = inspectOptions(command, now);
  const loadedKeys = command.keySources ? await loadCliKeys(command.keySources) : { ok: true as const, keys: [] };
  if (!loadedKeys.ok) return usageError(io, loadedKeys.message);
  const keys = loadedKeys.keys;

  if (command.command === 'decode') {
    let input = command.input;
    if (input === '-') {
      try {
        input = await io.readStdin();
      } catch {
        return usageError(io, 'cannot read stdin');
      }
    }
    const token = normalizeTokenInput(input);
    if (!token.ok) return usageError(io, token.error.message);
    const inspection = inspect(token.value, options);
    if (!inspection.ok) return usageError(io, inspection.error.message);
    const verification = keys.length ? await verifyForCli(token.value, keys) : undefined;
    if (command.json) {
      const report: DecodeReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'decode', now: new Date(now).toISOString(), token: tokenReport(inspection.value) };
      io.stdout(terminalJson(verification ? { ...report, verification } : report) + '\n');
    } else {
      io.stdout(renderInspection(inspection.value, style) + (verification ? `\n${verificationLine(verification)}` : '') + '\n');
    }
    // A signature that does not verify is an error-level result for --fail-on.
    const verificationFailed = verification !== undefined && isVerificationFailure(verification) && command.failOn !== undefined;
    return verificationFailed || (command.failOn && meetsFailLevel(inspection.value, command.failOn)) ? EXIT_FINDINGS : EXIT_OK;
  }

  // scan
  const entries: FileEntry[] = [];
  const fileArgs = command.paths.filter((p) => p !== '-');
  try {
    if (command.paths.includes('-')) {
      let text: string;
      try {
        text = await io.readStdin();
      } catch {
        return usageError(io, 'cannot read stdin');
      }
      entries.push(looksBinary(new TextEncoder().encode(text.slice(0, BINARY_SNIFF_BYTES))) ? { path: '<stdin>', skipped: 'binary' } : { path: '<stdin>', text });
    }
    for (const path of expandPaths(fileArgs)) entries.push(readForScan(path, command.maxFileSizeKb * 1024));
  } catch (e) {
    return usageError(io, e instanceof MissingPathError ? e.message : 'cannot read the given paths');
  }
  for (const entry of entries) {
    // An explicitly named file that cannot be read is bad input, not a silent skip.
    if ('skipped' in entry && entry.skipped === UNREADABLE && entry.given === true) return usageError(io, `cannot read ${entry.path}`);
  }

  const files: ScanFileReport[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let tokens = 0;
  let errors = 0;
  let warnings = 0;
  let failed = false;
  const text: string[] = [];
  for (const entry of entries) {
    if ('skipped' in entry) {
      skipped.push({ path: entry.path, reason: entry.skipped });
      continue;
    }
    const lines = new LineIndex(entry.text);
    const reports: ScanTokenReport[] = [];
    for (const match of findTokens(entry.text)) {
      const { line, character } = lines.positionAt(match.start);
      const located = { start: match.start, end: match.end, line: line + 1, column: character + 1, context: match.context, preview: match.token.slice(0, 12) };
      const inspection = inspect(match.token, options);
      tokens++;
      if (!inspection.ok) {
        reports.push({ ...located, error: inspection.error });
        text.push(scanErrorLine(entry.path, located, inspection.error, style));
        continue;
      }
      const counts = countSeverities(inspection.value);
      errors += counts.errors;
      warnings += counts.warnings;
      if (command.failOn && meetsFailLevel(inspection.value, command.failOn)) failed = true;
      const verification = keys.length ? await verifyForCli(match.token, keys) : undefined;
      if (verification && command.failOn && isVerificationFailure(verification)) failed = true;
      reports.push({ ...located, inspection: tokenReport(inspection.value), ...(verification ? { verification } : {}) });
      text.push(...scanTokenLines(entry.path, located, inspection.value, verification, style));
    }
    files.push({ path: entry.path, tokens: reports });
  }

  if (command.json) {
    const report: ScanReport = {
      schemaVersion: JSON_SCHEMA_VERSION,
      command: 'scan',
      now: new Date(now).toISOString(),
      files,
      skipped,
      summary: { filesScanned: files.length, tokens, errors, warnings },
    };
    io.stdout(terminalJson(report) + '\n');
  } else {
    for (const s of skipped) text.push(skippedLine(s, style));
    text.push(`${tokens} token${tokens === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'} scanned (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${skipped.length ? `, ${skipped.length} skipped` : ''})`);
    io.stdout(text.join('\n') + '\n');
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}
