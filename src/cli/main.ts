/**
 * `token-lens` entry point (bundled to `dist/cli.js`): wires the runner to the process.
 * Reading files and stdin is fine here; tokens are printed only as decoded output on stdout,
 * never written anywhere else.
 */
import * as core from '../core';
import { version } from '../../package.json';
import { runCli, EXIT_USAGE, type CliIo, type InspectFunction } from './run';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin,
  isTty: process.stdout.isTTY === true,
  env: process.env,
  version,
  clock: () => Date.now(),
};

// The analysis engine is `inspectToken` from the core (src/core/inspect.ts).
const inspect = (core as { inspectToken?: InspectFunction }).inspectToken;

runCli(process.argv.slice(2), io, inspect).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('token-lens: internal error\n');
    process.exitCode = EXIT_USAGE;
  },
);
