// What `npm pack` ships (a pre-commit `language: node` hook installs the package this way):
// the CLI bundle and its manifest, no sources, no extension bundles, no fixtures.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

describe('npm pack (the pre-commit hook install)', function () {
  this.timeout(120_000);

  it('ships dist/cli.js with package.json, README, LICENSE and the hook manifest, and nothing else', () => {
    // `prepare` builds dist/ on install; a checkout that has not built yet builds here.
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'ignore' });
    // npm's cache and logs go to a directory of this test's own, not the user's ~/.npm.
    const cache = mkdtempSync(join(tmpdir(), 'token-lens-npm-'));
    try {
    const npm = (args: string[]): string => execFileSync('npm', [...args, '--cache', cache, '--logs-max', '0'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const out = npm(['pack', '--dry-run', '--json', '--ignore-scripts']);
    const files = (JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path).sort();
    assert.deepEqual(files, ['.pre-commit-hooks.yaml', 'LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
    const manifest = JSON.parse(npm(['pkg', 'get', 'bin', 'scripts.prepare', '--json'])) as Record<string, unknown>;
    assert.deepEqual(manifest.bin, { 'token-lens': './dist/cli.js' });
    assert.equal(manifest['scripts.prepare'], 'node esbuild.js', 'a git install builds the CLI before packing');
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
