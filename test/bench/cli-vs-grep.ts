/**
 * `npm run bench:cli`: `token-lens scan` of the project's own `node_modules` against
 * `grep -rlI eyJ` on the same tree, in one run (issue 14 target: the CLI ≤ 2× grep's time),
 * and the CLI on one thread against all cores (the worker speedup). Each command runs once
 * untimed to warm the page cache, then the commands run in rounds, one after another; each
 * round's CLI/grep ratio is taken from adjacent runs and the median round is reported, beside
 * the median wall time and CPU time (user + system of the child, from /proc on Linux) of each.
 *
 * The two do not read the same bytes: the CLI skips nested `node_modules`, `dist`, `out`, VCS
 * folders, binary files and files over 2 MiB, and decodes every file that may hold a token;
 * grep reads every file and stops at the first match. So one ratio compares grep over exactly
 * the files the CLI scanned. Floors in the same run say what part of the CLI's time is Node's:
 * `node -e 0` (start-up), the CLI on an empty directory (start-up and loading the CLI, the time
 * until it could read a first file), and Node reading the CLI's files without scanning them
 * (open, fstat, read, close each, as the CLI does). The machine's load average is printed: a busy
 * neighbour slows every row.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const TREE = 'node_modules';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const TARGET_RATIO = 2;
const ALL_CORES = `token-lens scan --jobs ${availableParallelism()}`;

/** Reads each file named on stdin (NUL-separated) as the CLI does, and scans nothing. */
const READ_FLOOR = `
const fs = require('fs');
const buf = Buffer.allocUnsafe(2 * 1024 * 1024);
const flags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
for (const p of fs.readFileSync(0, 'latin1').split('\\0')) {
  const fd = fs.openSync(Buffer.from(p, 'latin1'), flags);
  const size = fs.fstatSync(fd).size;
  let n = 0;
  while (n < buf.length) { const r = fs.readSync(fd, buf, n, buf.length - n, null); n += r; if (r === 0 || n === size) break; }
  fs.closeSync(fd);
}`;

/** User + system CPU time of this process's waited-for children, ms (Linux; undefined elsewhere). */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks (100 a second on Linux).
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

interface Timing {
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

function timed(command: string, args: readonly string[], input?: string): Timing {
  const cpu0 = childrenCpuMs();
  const started = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: ROOT, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const cpu1 = childrenCpuMs();
  // grep exits 1 when nothing matched (xargs 123 when one of its greps did); the CLI 0 (no --fail-on).
  if (r.status !== 0 && !(command === 'grep' && r.status === 1) && !(command === 'xargs' && r.status === 123)) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${String(r.stderr).slice(0, 300)}`);
  return { wallMs, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node esbuild.js --production` first (npm run bench:cli does)');
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
  const empty = mkdtempSync(join(tmpdir(), 'tl-bench-empty-'));

  const GREP = 'grep -rlI eyJ';
  const CLI_DEFAULT = 'token-lens scan (default jobs)';
  const commands: Record<string, () => Timing> = {
    [GREP]: () => timed('grep', ['-rlI', 'eyJ', TREE]),
    [CLI_DEFAULT]: () => timed(process.execPath, [CLI, 'scan', TREE]),
    "grep -lI eyJ (the CLI's files)": () => timed('xargs', ['-0', 'grep', '-lI', 'eyJ'], fileList),
    'token-lens scan --json': () => timed(process.execPath, [CLI, 'scan', TREE, '--json']),
    'token-lens scan --jobs 1': () => timed(process.execPath, [CLI, 'scan', TREE, '--jobs', '1']),
    [ALL_CORES]: () => timed(process.execPath, [CLI, 'scan', TREE, '--jobs', String(availableParallelism())]),
    'floor: node -e 0': () => timed(process.execPath, ['-e', '0']),
    'floor: token-lens scan <empty dir>': () => timed(process.execPath, [CLI, 'scan', empty]),
    "floor: node reads the CLI's files": () => timed(process.execPath, ['-e', READ_FLOOR], fileList),
  };
  const times = new Map<string, Timing[]>(Object.keys(commands).map((k) => [k, []]));
  const rounds: number[] = [];
  try {
    for (const run of Object.values(commands)) run(); // warm the page cache (and the CLI's own files)
    for (let i = 0; i < RUNS; i++) {
      for (const [name, run] of Object.entries(commands)) times.get(name)!.push(run());
      // grep and the CLI ran back to back: their ratio in this round.
      rounds.push(times.get(CLI_DEFAULT)![i]!.wallMs / times.get(GREP)![i]!.wallMs);
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }

  const wall = (name: string) => median(times.get(name)!.map((t) => t.wallMs));
  const cpu = (name: string) => {
    const values = times.get(name)!.map((t) => t.cpuMs);
    return values.every((v) => v !== undefined) ? median(values as number[]) : undefined;
  };
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  console.log(`load average ${load} · ${availableParallelism()} cores · median of ${RUNS} rounds`);
  console.log(`tree: ${treeFiles.length} files, ${(treeBytes / 1e6).toFixed(1)} MB (grep -r reads all); the CLI scans ${scanned.length} files, ${(scannedBytes / 1e6).toFixed(1)} MB (${report.skipped.length} skipped, ${report.summary.tokens} tokens)`);
  console.log(`  ${''.padEnd(38)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)}`);
  for (const name of times.keys()) console.log(`  ${name.padEnd(38)} ${wall(name).toFixed(0).padStart(8)} ${(cpu(name)?.toFixed(0) ?? 'n/a').padStart(8)}`);
  const ratio = median(rounds);
  const cpuGrep = cpu(GREP);
  const cpuCli = cpu(CLI_DEFAULT);
  console.log(`token-lens / grep -rlI, wall: ${ratio.toFixed(2)}× (median of the rounds' ratios; ${rounds.map((r) => r.toFixed(2)).join(' ')}) — target ≤ ${TARGET_RATIO}×: ${ratio <= TARGET_RATIO ? 'PASS' : 'MISS'}`);
  if (cpuGrep !== undefined && cpuCli !== undefined) console.log(`token-lens / grep -rlI, CPU: ${(cpuCli / cpuGrep).toFixed(2)}×`);
  console.log(`token-lens / grep over the same files, wall: ${(wall(CLI_DEFAULT) / wall("grep -lI eyJ (the CLI's files)")).toFixed(2)}×`);
  console.log(`floors / grep -rlI, wall: node start-up ${(wall('floor: node -e 0') / wall(GREP)).toFixed(2)}×, CLI start-up ${(wall('floor: token-lens scan <empty dir>') / wall(GREP)).toFixed(2)}×, node reading the files ${(wall("floor: node reads the CLI's files") / wall(GREP)).toFixed(2)}×`);
  console.log(`worker speedup (--jobs 1 / --jobs ${availableParallelism()}): ${(wall('token-lens scan --jobs 1') / wall(ALL_CORES)).toFixed(2)}×`);
}

main();
