/**
 * `token-lens` entry point (bundled to `dist/cli.js`): wires the runner to the process.
 * Reading files and stdin is fine here; tokens are printed only as decoded output on stdout,
 * never written anywhere else. The same file is the scan workers' entry (`new Worker(__filename)`,
 * see workers.ts): in a worker it serves scan requests instead of running the CLI.
 */
import { availableParallelism } from 'node:os';
import { inspectToken } from '../core';
import { version } from '../../package.json';
import { runCli, EXIT_USAGE, type CliIo } from './run';
import type { ScanWorkerInit } from './scan';
import { createScanPool, SCAN_WORKER_ARG, SCAN_WORKER_ROLE, serveScanWorker } from './workers';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

function runMain(): void {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    isTty: process.stdout.isTTY === true,
    stderrIsTty: process.stderr.isTTY === true,
    scanPool: (size, init) => createScanPool(__filename, size, init),
    cores: availableParallelism(),
    env: process.env,
    version,
    clock: () => Date.now(),
  };

  runCli(process.argv.slice(2), io, inspectToken).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.stderr.write('token-lens: internal error\n');
      process.exitCode = EXIT_USAGE;
    },
  );
}

/** Serves scan requests when this thread is a scan worker (workers.ts), else runs the CLI. */
async function runWorkerOrMain(): Promise<void> {
  const { isMainThread, parentPort, workerData } = await import('node:worker_threads');
  const scanWorker = workerData as { role?: unknown; init?: ScanWorkerInit } | null;
  if (!isMainThread && parentPort !== null && scanWorker?.role === SCAN_WORKER_ROLE && scanWorker.init !== undefined) serveScanWorker(parentPort, scanWorker.init);
  else runMain();
}

// Only a scan worker is started with SCAN_WORKER_ARG; a CLI run does not load node:worker_threads.
if (process.argv.includes(SCAN_WORKER_ARG)) void runWorkerOrMain();
else runMain();
