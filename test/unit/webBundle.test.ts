// The `browser` entry (dist/web/extension.js) for the web worker extension host: built here
// with esbuild.js's own web target, it imports only `vscode` (no Node built-in), takes jose's
// Web Crypto build, and the build fails when anything imports a Node built-in.
import { strict as assert } from 'node:assert';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const { webExtensionTarget } = createRequire(__filename)(join(ROOT, 'esbuild.js')) as { webExtensionTarget: BuildOptions };

/** The web target as `npm run package` builds it, in memory, without the problem-matcher log. */
function webBuild(overrides: BuildOptions) {
  const plugins = (webExtensionTarget.plugins ?? []).filter((p: Plugin) => p.name !== 'problem-matcher-log');
  return build({ ...webExtensionTarget, minify: true, sourcemap: false, plugins, absWorkingDir: ROOT, write: false, metafile: true, ...overrides });
}

describe('web extension bundle (package.json "browser")', function () {
  this.timeout(60_000);

  it('is CommonJS for the browser and names the outfile package.json points at', () => {
    const pkg = createRequire(__filename)(join(ROOT, 'package.json')) as { browser: string; main: string };
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.equal(webExtensionTarget.outfile, 'dist/web/extension.js');
    assert.equal(webExtensionTarget.platform, 'browser');
    assert.equal(webExtensionTarget.format, 'cjs');
  });

  it('requires nothing but vscode, and takes jose from its Web Crypto build', async () => {
    const result = await webBuild({});
    const text = result.outputFiles?.[0]?.text ?? '';
    assert.ok(text.length > 10_000, 'the bundle is empty');
    const required = new Set([...text.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]));
    assert.deepEqual([...required], ['vscode']);
    assert.doesNotMatch(text, /["'`]node:[a-z_/]+["'`]/, 'a node: specifier is left in the bundle');
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    const jose = inputs.filter((i) => i.includes('node_modules/jose/'));
    assert.ok(jose.length > 0, 'jose is bundled');
    assert.ok(jose.every((i) => i.includes('node_modules/jose/dist/webapi/')), `jose outside its webapi build: ${jose.join(', ')}`);
  });

  for (const specifier of ['crypto', 'node:crypto', 'fs/promises', 'buffer']) {
    it(`fails the build when anything imports "${specifier}"`, async () => {
      await assert.rejects(
        webBuild({ entryPoints: undefined, stdin: { contents: `import * as m from '${specifier}'; export const x = m;`, resolveDir: join(ROOT, 'src'), loader: 'ts' }, outfile: 'out.js' }),
        (e: Error) => new RegExp(`"${specifier}" is a Node built-in`).test(e.message),
      );
    });
  }
});
