import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
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
