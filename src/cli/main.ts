/**
 * `token-lens` entry point (bundled to `dist/cli.js`): wires the runner to the process.
 * Reading files and stdin is fine here; tokens are printed only as decoded output on stdout,
 * never written anywhere else.
 */
import { inspectToken } from '../core';
import { version } from '../../package.json';
import { runCli, EXIT_USAGE, type CliIo } from './run';

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

runCli(process.argv.slice(2), io, inspectToken).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('token-lens: internal error\n');
    process.exitCode = EXIT_USAGE;
  },
);
