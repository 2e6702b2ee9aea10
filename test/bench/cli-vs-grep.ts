/**
 * `npm run bench:cli`: `token-lens scan` of the project's own `node_modules` against
 * `grep -rlI eyJ` on the same tree, in one run (issue 14 target: the CLI ≤ 2× grep's time),
 * and the CLI on one thread against all cores (the worker speedup). Each command runs once
 * to warm the page cache, then the runs alternate and the median of each is reported.
 *
 * The two do not read the same bytes: the CLI skips nested `node_modules`, `dist`, `out`, VCS
 * folders, binary files and files over 2 MiB, and decodes every token it finds; grep reads every
 * file and stops at the first match. So a second ratio compares grep over exactly the files the
 * CLI scanned. The machine's load average is printed: a busy neighbour slows both.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const TREE = 'node_modules';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_RATIO = 2;
const ALL_CORES = `token-lens scan --jobs ${availableParallelism()}`;

function timed(command: string, args: readonly string[], input?: string): number {
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  // grep exits 1 when nothing matched; the CLI 0 (no --fail-on).
  if (r.status !== 0 && !(command === 'grep' && r.status === 1)) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.js` first (npm run bench:cli does)');
  const report = JSON.parse(execFileSync(process.execPath, [CLI, 'scan', TREE, '--json', '--jobs', '1'], { cwd: ROOT, maxBuffer: 1 << 30, encoding: 'utf8' })) as {
    files: { path: string }[];
    skipped: unknown[];
    summary: { tokens: number };
  };
  const scanned = report.files.map((f) => f.path);
  const scannedBytes = scanned.reduce((sum, p) => sum + statSync(join(ROOT, p)).size, 0);
  const treeFiles = execFileSync('find', [TREE, '-type', 'f'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 }).split('\n').filter(Boolean);
  const treeBytes = treeFiles.reduce((sum, p) => sum + statSync(join(ROOT, p)).size, 0);
  const fileList = scanned.join('\0');

  const commands: Record<string, () => number> = {
    'grep -rlI eyJ': () => timed('grep', ['-rlI', 'eyJ', TREE]),
    'grep -lI eyJ (the CLI\'s files)': () => timed('xargs', ['-0', 'grep', '-lI', 'eyJ'], fileList),
    'token-lens scan (default jobs)': () => timed(process.execPath, [CLI, 'scan', TREE]),
    'token-lens scan --jobs 1': () => timed(process.execPath, [CLI, 'scan', TREE, '--jobs', '1']),
    [ALL_CORES]: () => timed(process.execPath, [CLI, 'scan', TREE, '--jobs', String(availableParallelism())]),
  };
  const times = new Map<string, number[]>(Object.keys(commands).map((k) => [k, []]));
  for (const run of Object.values(commands)) run(); // warm the page cache
  for (let i = 0; i < RUNS; i++) for (const [name, run] of Object.entries(commands)) times.get(name)!.push(run());

  const ms = (name: string) => median(times.get(name)!);
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} · ${availableParallelism()} cores · median of ${RUNS} runs`);
  console.log(`tree: ${treeFiles.length} files, ${(treeBytes / 1e6).toFixed(1)} MB (grep -r reads all); the CLI scans ${scanned.length} files, ${(scannedBytes / 1e6).toFixed(1)} MB (${report.skipped.length} skipped, ${report.summary.tokens} tokens)`);
  for (const name of times.keys()) console.log(`  ${name.padEnd(34)} ${ms(name).toFixed(0).padStart(6)} ms`);
  const ratio = ms('token-lens scan (default jobs)') / ms('grep -rlI eyJ');
  const sameFiles = ms('token-lens scan (default jobs)') / ms("grep -lI eyJ (the CLI's files)");
  const speedup = ms('token-lens scan --jobs 1') / ms(ALL_CORES);
  console.log(`token-lens / grep -rlI: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'})`);
  console.log(`token-lens / grep over the same files: ${sameFiles.toFixed(2)}×`);
  console.log(`worker speedup (--jobs 1 / --jobs ${availableParallelism()}): ${speedup.toFixed(2)}×`);
}

main();
