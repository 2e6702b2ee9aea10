import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runCli, type CliIo } from '../../../src/cli/run';
import type { ScanPool } from '../../../src/cli/scan';
import { inspectToken } from '../../../src/core';
import { runChild, runInProcess } from './harness';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const NOW = '2026-01-10T00:00:00Z';

describe('token-lens scan over worker threads', function () {
  this.timeout(120_000);

  for (const format of ['json', 'sarif']) {
    it(`--format ${format} is byte-identical with 1 and 3 workers (source tree, through tsx)`, () => {
      const one = runChild(['scan', FIXTURES, '--format', format, '--now', NOW, '--jobs', '1']);
      const three = runChild(['scan', FIXTURES, '--format', format, '--now', NOW, '--jobs', '3']);
      assert.equal(one.code, 0, one.stderr);
      assert.equal(three.code, 0, three.stderr);
      assert.ok(one.stdout.length > 1000);
      assert.equal(three.stdout, one.stdout);
    });
  }

  it('works from the bundled single-file CLI (dist/cli.js, as in the npm package and the vsix)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tl-bundle-'));
    try {
      // The CLI target of esbuild.js.
      const outfile = join(dir, 'extension', 'dist', 'cli.js');
      await build({ entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'silent', banner: { js: '#!/usr/bin/env node' } });
      const run = (jobs: string) => spawnSync(process.execPath, [outfile, 'scan', FIXTURES, '--json', '--now', NOW, '--jobs', jobs], { encoding: 'utf8', cwd: ROOT });
      const one = run('1');
      const two = run('2');
      assert.equal(two.status, 0, two.stderr);
      assert.equal(two.stderr, '');
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stdout, runChild(['scan', FIXTURES, '--json', '--now', NOW, '--jobs', '1']).stdout, 'the bundle reports what the source does');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('token-lens scan: when workers start', () => {
  /** runCli in this process on a machine of `cores` cores, with a pool that scans on the calling thread and records what was asked of it. */
  async function scanWith(argv: string[], cores: number) {
    const events: string[] = [];
    let out = '';
    const io: CliIo = {
      stdout: (t) => (out += t),
      stderr: () => undefined,
      readStdin: () => Promise.resolve(''),
      isTty: false,
      stderrIsTty: false,
      env: {},
      version: 'test',
      clock: () => Date.parse(NOW),
      cores,
      scanPool: (size): ScanPool => {
        events.push(`start ${size}`);
        return {
          async scanAll(files, onDone, scanHere) {
            events.push(`scan ${files.length}`);
            const results = [];
            for (const file of files) results.push(await scanHere(file));
            results.forEach(onDone);
            return results;
          },
          close: async () => void events.push('close'),
        };
      },
    };
    const code = await runCli(argv, io, inspectToken);
    return { code, out, events };
  }

  it('starts the pool before the walk, and gives it up after a walk that found too few files to be worth it', async () => {
    const auto = await scanWith(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW], 8);
    assert.deepEqual(auto.events, ['start 7', 'close']);
    assert.equal(auto.out, (await runInProcess(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW], { now: NOW })).out);
  });

  it('keeps the pool --jobs asked for, and starts none for one named file or on a machine below the cores it needs', async () => {
    assert.deepEqual((await scanWith(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW, '--jobs', '3'], 2)).events, ['start 2', 'scan 5', 'close']);
    assert.deepEqual((await scanWith(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW], 1)).events, []);
    assert.deepEqual((await scanWith(['scan', join(FIXTURES, 'scan', 'requests.http'), '--json', '--now', NOW], 8)).events, []);
  });

  it('closes a pool it started when a path names nothing (a usage error, exit 2)', async () => {
    const missing = await scanWith(['scan', join(FIXTURES, 'scan'), join(FIXTURES, 'no-such-dir'), '--now', NOW, '--jobs', '2'], 8);
    assert.equal(missing.code, 2);
    assert.deepEqual(missing.events, ['start 1', 'close']);
  });
});

describe('token-lens scan progress', () => {
  it('shows files done / total and tokens found on a terminal stderr, then erases the line', async () => {
    const quiet = await runInProcess(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW]);
    const shown = await runInProcess(['scan', join(FIXTURES, 'scan'), '--json', '--now', NOW], { stderrTty: true });
    assert.equal(quiet.err, '');
    assert.match(shown.err, /\r\u001b\[2Kscanning 5\/5 files · 3 tokens/);
    assert.ok(shown.err.endsWith('\r\u001b[2K'));
    assert.equal(shown.out, quiet.out, 'stdout is the same');
  });
});
