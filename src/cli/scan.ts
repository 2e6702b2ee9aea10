/**
 * `token-lens scan`: expand the paths, scan each file (here, or over worker threads), add the
 * live-credential finding for still-valid tokens in files under version control, and write
 * the report as text, JSON or SARIF. The report is assembled in walk order once every file
 * is done, so it is the same bytes whichever thread scanned which file.
 */
import { createWeakSecretChecker, FindingCodes, type VerificationKey } from '../core';
import type { Finding, InspectOptions, Inspection } from '../core/types';
import { terminalJson, terminalText } from '../present';
import type { CliCommand } from './args';
import { loadAllowFiles, type AllowList } from './allow';
import { EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import { expandPaths, MissingPathError, UNREADABLE, walksTree, type ScanPath } from './files';
import { Progress } from './progress';
import { countSeverities, JSON_SCHEMA_VERSION, meetsFailLevel, reportedError, reportedVerification, scanErrorLine, scanTokenLines, skippedLine, tokenReport, type ScanFileReport, type ScanReport, type ScanTokenReport, type Style } from './report';
import { sarifLog, type SarifFile } from './sarif';
import { chunkBuffer, scanFile, scanText, withFinding, type FileScan, type FoundToken, type InspectFunction, type ScanContext } from './scanFile';
import type { TrackedFiles } from './tracked';
import { isVerificationFailure, type CliKeySource } from './verify';
import type { CliIo } from './run';

/** What a scan worker is started with (plain data: it crosses to the worker by structured clone). */
export interface ScanWorkerInit {
  readonly options: InspectOptions;
  readonly keySources: readonly CliKeySource[];
  readonly maxBytes: number;
}

/** Worker threads scanning files. */
export interface ScanPool {
  /**
   * Scans every file over the workers and `scanHere` (the calling thread takes batches too);
   * results in the order of `files`. `onDone` hears of each file as it is done.
   */
  scanAll(files: readonly ScanPath[], onDone: (scan: FileScan) => void, scanHere: (file: ScanPath) => Promise<FileScan>): Promise<FileScan[]>;
  close(): Promise<void>;
}

export type ScanPoolFactory = (size: number, init: ScanWorkerInit) => ScanPool;

/** Below this many files a scan stays on the main thread unless `--jobs` asks (starting workers costs more than it saves). */
const AUTO_WORKER_MIN_FILES = 256;
/** Most threads chosen without `--jobs` (this one and up to 7 workers). */
const AUTO_WORKER_MAX = 8;
/**
 * Fewest cores for workers without `--jobs`: on two cores a worker's start-up and the
 * contention cost more than it saves (`npm run bench:cli` on a busy two-core machine: 0.7×).
 */
const AUTO_WORKER_MIN_CORES = 4;

export interface ScanRun {
  readonly io: CliIo;
  readonly inspect: InspectFunction;
  readonly options: InspectOptions;
  readonly keys: readonly VerificationKey[];
  readonly now: number;
  readonly style: Style;
  readonly usageError: (message: string) => number;
}

/** No file is in a git index (no file had a token to ask about). */
const NOT_TRACKED: TrackedFiles = { isTracked: () => false, repositoryRoot: () => undefined };

/** Time statuses of a token that still works (or will): an exposed copy is a live credential. */
const LIVE_STATUSES: ReadonlySet<string> = new Set(['valid', 'never-expires', 'not-yet-valid']);

/** TL217: a still-valid token in a file in the git index. */
export function liveCredentialFinding(inspection: Inspection, tokenHash: string): Finding | undefined {
  if (!LIVE_STATUSES.has(inspection.time.status)) return undefined;
  return {
    code: FindingCodes.LIVE_CREDENTIAL,
    severity: 'error',
    // The hash is in the message too: the text report shows messages, and it is the allow-file line.
    message: `A still-valid token in a file under version control: anyone who can read the repository can use it. Revoke it and remove it from the history; if it is a test fixture, add ${tokenHash} to an --allow file.`,
    evidence: `${inspection.time.relative || inspection.time.status}; the file is in the git index; --allow entry for this token: ${tokenHash}`,
    reference: { kind: 'owasp', title: 'OWASP Secrets Management Cheat Sheet' },
  };
}

/** A scanned token with the scan-level facts added: the live-credential finding, the allow-list verdict. */
interface ReportedToken extends FoundToken {
  readonly allowedBy?: string;
}

type ReportedFile = { readonly path: string; readonly fsPath?: Buffer; readonly tokens: readonly ReportedToken[] };

function judge(token: FoundToken, file: { path: string; fsPath?: Buffer }, tracked: TrackedFiles, allow: AllowList | undefined): ReportedToken {
  const allowedBy = allow?.allows({ tokenHash: token.tokenHash, preview: token.preview, path: file.fsPath === undefined ? undefined : file.path });
  if (allowedBy !== undefined) return { ...token, allowedBy };
  if (token.inspection === undefined || file.fsPath === undefined || !tracked.isTracked(file.fsPath)) return token;
  const live = liveCredentialFinding(token.inspection, token.tokenHash);
  return live ? { ...token, inspection: withFinding(token.inspection, live) } : token;
}

/** Scans `files` here, one after another (each file's weak-secret checks run concurrently). */
async function scanHere(files: readonly ScanPath[], maxBytes: number, ctx: ScanContext, progress: Progress): Promise<FileScan[]> {
  const results: FileScan[] = [];
  for (const file of files) {
    const result = await scanFile(file, maxBytes, ctx);
    progress.fileDone('tokens' in result ? result.tokens.length : 0);
    results.push(result);
  }
  return results;
}

/** Scans `files` over a worker pool; results in the order of `files`. */
async function scanInPool(files: readonly ScanPath[], pool: ScanPool, scanHere: (file: ScanPath) => Promise<FileScan>, progress: Progress): Promise<FileScan[]> {
  try {
    return await pool.scanAll(files, (result) => progress.fileDone('tokens' in result ? result.tokens.length : 0), scanHere);
  } finally {
    await pool.close();
  }
}

export async function runScan(command: Extract<CliCommand, { command: 'scan' }>, run: ScanRun): Promise<number> {
  const { io, style } = run;
  let allow: AllowList | undefined;
  if (command.allowFiles.length > 0) {
    const loaded = loadAllowFiles(command.allowFiles);
    if (!loaded.ok) return run.usageError(loaded.message);
    allow = loaded.list;
  }
  let stdinText: string | undefined;
  if (command.paths.includes('-')) {
    try {
      stdinText = await io.readStdin();
    } catch {
      return run.usageError('cannot read stdin');
    }
  }
  const maxBytes = command.maxFileSizeKb * 1024;
  const paths = command.paths.filter((p) => p !== '-');
  // Workers start before the walk, so they have booted when it ends: asked for with --jobs, or
  // chosen when a directory or glob is walked on a machine with the cores (and given up after
  // the walk when it found too few files to be worth them).
  const cores = io.cores ?? 1;
  const autoJobs = command.jobs === undefined && cores >= AUTO_WORKER_MIN_CORES && walksTree(paths) ? Math.min(cores, AUTO_WORKER_MAX) : undefined;
  const poolJobs = command.jobs ?? autoJobs ?? 1;
  let pool = poolJobs > 1 && io.scanPool ? io.scanPool(poolJobs - 1, { options: run.options, keySources: command.keySources ?? [], maxBytes }) : undefined;
  let files: ScanPath[];
  try {
    files = expandPaths(paths);
  } catch (e) {
    await pool?.close();
    return run.usageError(e instanceof MissingPathError ? e.message : 'cannot read the given paths');
  }
  if (pool && (files.length < 2 || (autoJobs !== undefined && files.length < AUTO_WORKER_MIN_FILES))) {
    await pool.close();
    pool = undefined;
  }
  const progress = new Progress(files.length + (stdinText === undefined ? 0 : 1), io.stderrIsTty ? io.stderr : undefined, io.clock);

  const scans: { scan: FileScan; fsPath?: Buffer }[] = [];
  const ctx: ScanContext = { inspect: run.inspect, options: run.options, keys: run.keys, weakSecrets: createWeakSecretChecker(), chunk: chunkBuffer() };
  if (stdinText !== undefined) {
    scans.push({ scan: await scanText('<stdin>', stdinText, ctx) });
    progress.fileDone(0);
  }
  // Threads scanning: this one and the pool's workers.
  const results = pool ? await scanInPool(files, pool, (file) => scanFile(file, maxBytes, ctx), progress) : await scanHere(files, maxBytes, ctx, progress);
  progress.finish();
  results.forEach((scan, i) => scans.push({ scan, fsPath: files[i]!.fsPath }));

  // An explicitly named file that cannot be read is bad input, not a silent skip.
  for (const { scan } of scans) if ('skipped' in scan && scan.skipped === UNREADABLE && scan.given === true) return run.usageError(`cannot read ${scan.path}`);

  // Only a file with an inspected token is asked about (judge), so only those are looked up in a
  // git index; tracked.ts (and the child process module) is loaded only when there is one.
  const withTokens = scans.flatMap(({ scan, fsPath }) => (fsPath !== undefined && 'tokens' in scan && scan.tokens.some((t) => t.inspection !== undefined) ? [fsPath] : []));
  const gitIndex = withTokens.length > 0 ? await (await import('./tracked')).trackedFiles(withTokens) : NOT_TRACKED;
  const reported: ReportedFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let tokens = 0;
  let errors = 0;
  let warnings = 0;
  let allowed = 0;
  let failed = false;
  for (const { scan, fsPath } of scans) {
    if ('skipped' in scan) {
      skipped.push({ path: scan.path, reason: scan.skipped });
      continue;
    }
    const file = { path: scan.path, ...(fsPath ? { fsPath } : {}) };
    const judged = scan.tokens.map((t) => judge(t, file, gitIndex, allow));
    for (const token of judged) {
      tokens++;
      if (token.allowedBy !== undefined) {
        allowed++;
        continue;
      }
      if (token.inspection === undefined) continue;
      const counts = countSeverities(token.inspection);
      errors += counts.errors;
      warnings += counts.warnings;
      if (command.failOn && meetsFailLevel(token.inspection, command.failOn)) failed = true;
      if (command.failOn && token.verification && isVerificationFailure(token.verification)) failed = true;
    }
    reported.push({ ...file, tokens: judged });
  }
  const summary = { filesScanned: reported.length, tokens, errors, warnings, allowed };

  if (command.format === 'sarif') {
    const cwd = process.cwd();
    const sarifFiles: SarifFile[] = reported.map((f) => ({
      path: f.path,
      ...(f.fsPath ? { fsPath: f.fsPath } : {}),
      tokens: f.tokens.flatMap((t) =>
        t.inspection === undefined
          ? []
          : [{ line: t.line, column: t.column, endLine: t.endLine, endColumn: t.endColumn, preview: t.preview, tokenHash: t.tokenHash, findings: [...t.inspection.hints, ...t.inspection.findings], ...(t.allowedBy !== undefined ? { allowedBy: t.allowedBy } : {}) }],
      ),
    }));
    const { repositoryRootOf } = await import('./tracked');
    io.stdout(terminalJson(sarifLog(sarifFiles, skipped, { toolVersion: io.version, root: repositoryRootOf(cwd) ?? cwd, cwd })) + '\n');
  } else if (command.format === 'json') {
    const files: ScanFileReport[] = reported.map((f) => ({ path: f.path, tokens: f.tokens.map(jsonToken) }));
    const report: ScanReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'scan', now: new Date(run.now).toISOString(), files, skipped, summary };
    io.stdout(terminalJson(report) + '\n');
  } else {
    const text: string[] = [];
    for (const f of reported) {
      for (const t of f.tokens) {
        const located = jsonToken(t);
        if (t.inspection === undefined) {
          if (t.error) text.push(scanErrorLine(f.path, located, t.error, style));
          continue;
        }
        const lines = scanTokenLines(f.path, located, t.inspection, t.verification, style);
        // An accepted fixture: its line, and which allow file accepts it, not its findings.
        text.push(...(t.allowedBy !== undefined ? [lines[0]!, `  ${style.dim(`allowed by ${terminalText(t.allowedBy)}`)}`] : lines));
      }
    }
    for (const s of skipped) text.push(skippedLine(s, style));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    text.push(
      `${plural(tokens, 'token')} in ${plural(reported.length, 'file')} scanned (${plural(errors, 'error')}, ${plural(warnings, 'warning')}${allowed ? `, ${allowed} allowed` : ''}${skipped.length ? `, ${skipped.length} skipped` : ''})`,
    );
    io.stdout(text.join('\n') + '\n');
  }
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

/** The `--json` form of a token (no token text: the preview and the hash). */
function jsonToken(t: ReportedToken): ScanTokenReport {
  return {
    start: t.start,
    end: t.end,
    line: t.line,
    column: t.column,
    context: t.context,
    preview: t.preview,
    tokenHash: t.tokenHash,
    ...(t.allowedBy !== undefined ? { allowed: t.allowedBy } : {}),
    ...(t.inspection ? { inspection: tokenReport(t.inspection) } : {}),
    ...(t.error ? { error: reportedError(t.error) } : {}),
    ...(t.verification ? { verification: reportedVerification(t.verification) } : {}),
  };
}
