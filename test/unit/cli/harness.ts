import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli, type CliIo } from '../../../src/cli/run';
import { inspectToken } from '../../../src/core';

const ROOT = join(__dirname, '../../..');

/** `runCli` over the real core in this process, with a fixed clock, no stdin, output collected. */
export async function runInProcess(argv: string[], options: { tty?: boolean; stderrTty?: boolean; now?: string } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => Promise.resolve(''),
    isTty: options.tty ?? false,
    stderrIsTty: options.stderrTty ?? false,
    env: {},
    version: 'test',
    clock: () => Date.parse(options.now ?? '2026-01-01T00:00:00Z'),
  };
  const code = await runCli(argv, io, inspectToken);
  return { code, out, err };
}

/**
 * The real `token-lens` entry (src/cli/main.ts through tsx) as a child process, colours off.
 * `timeout` stops a run that would never end (the test then fails on `signal`); it is no time bound.
 */
export function runChild(args: string[], options: { input?: string; timeout?: number; cwd?: string } = {}) {
  // tsx by file URL, so the child finds it from any working directory (a temporary git repository).
  const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
  const r = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: options.timeout ?? 20_000,
    killSignal: 'SIGKILL',
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** git in `cwd`, isolated from any repository the tests themselves run in (a hook's GIT_DIR, GIT_INDEX_FILE). */
export function git(cwd: string, ...args: string[]): void {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_')));
  execFileSync('git', ['-c', 'user.name=Token Lens tests', '-c', 'user.email=tests@token-lens.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd, env, stdio: 'ignore' });
}
