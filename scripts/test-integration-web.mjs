// The integration suites (test/integration/suite) a second time, in the browser's web worker
// extension host: code-server with `remote.extensionKind: { "token-lens.token-lens": ["web"] }`
// runs the development payload (dist/web/extension.js) in the worker, and a tests module inside
// the extension's folder (out/integration-web/index.js) runs there too. Suites are bundled for
// the browser with test/integration/web's `assert` and `Buffer`; a suite that imports another
// Node built-in (fs, path, os, …) cannot run in a worker and is listed as skipped with the
// reason. Prints mocha's report and `RESULT passed=N failed=N` for scripts/test-all.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { format } from 'node:util';
import { ROOT, ensureHost, launchBrowser, startCodeServer, workbenchUrl } from './lib/host.mjs';

// The worker host is slower than the Node one (one thread for the extension and the suites).
const TIMEOUT_MS = Number(process.env.TOKEN_LENS_IT_TIMEOUT_MS ?? 900_000);
const OUT = path.join(ROOT, 'out', 'integration-web');
const BASE = path.join(ROOT, 'test', 'integration');
const WEB = path.join(BASE, 'web');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** assert and Buffer from test/integration/web; any other Node built-in fails the bundle. */
const browserShims = {
  name: 'browser-shims',
  setup(b) {
    b.onResolve({ filter: /^(node:)?assert(\/strict)?$/ }, () => ({ path: path.join(WEB, 'assert.ts') }));
    b.onResolve({ filter: /^(node:)?buffer$/ }, () => ({ path: path.join(WEB, 'buffer.ts') }));
    b.onResolve({ filter: /.*/ }, (args) => (BUILTINS.has(args.path) ? { errors: [{ text: `Node built-in "${args.path}"` }] } : undefined));
  },
};

const common = {
  bundle: true, platform: 'browser', format: 'cjs', target: 'es2022', mainFields: ['browser', 'module', 'main'],
  external: ['vscode'], inject: [path.join(WEB, 'buffer.ts')], logLevel: 'silent',
  define: { 'globalThis.TOKEN_LENS_IT_GREP': JSON.stringify(process.env.TOKEN_LENS_IT_GREP ?? '') },
};

function suiteFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? suiteFiles(full) : e.name.endsWith('.test.ts') ? [full] : [];
  }).sort();
}

/** Each suite that bundles for the browser, and the others with the reason. */
async function classify() {
  const runnable = [], skipped = [];
  for (const file of suiteFiles(path.join(BASE, 'suite'))) {
    try {
      await build({ ...common, entryPoints: [file], write: false, plugins: [browserShims] });
      runnable.push(file);
    } catch (e) {
      skipped.push({ file, reason: [...new Set((e.errors ?? []).map((x) => x.text))].join(', ') || String(e) });
    }
  }
  return { runnable, skipped };
}

async function bundle(runnable) {
  fs.rmSync(OUT, { recursive: true, force: true });
  const list = {
    name: 'suite-list',
    setup(b) {
      b.onResolve({ filter: /^\.\/suites\.gen$/ }, () => ({ path: 'suites.gen', namespace: 'suite-list' }));
      b.onLoad({ filter: /.*/, namespace: 'suite-list' }, () => ({
        resolveDir: WEB, loader: 'js',
        contents: `export const suites = [${runnable.map((f) => `{ file: ${JSON.stringify(path.relative(BASE, f))}, load: () => require(${JSON.stringify(f)}) }`).join(',\n')}];`,
      }));
    },
  };
  await build({ ...common, entryPoints: [path.join(WEB, 'index.ts')], outfile: path.join(OUT, 'index.js'), plugins: [list, browserShims], logLevel: 'warning' });
  return path.join(OUT, 'index.js');
}

async function formatConsole(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]')));
  if (args.length === 0) return msg.text();
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && args.length >= 2) args.splice(0, 2);
  return args.length === 0 ? '' : format(...args);
}
const REPORT_LINE = /^\s*$|^\s*(✔|✓|\d+\) |\d+ (passing|failing|pending)\b)|^ {2,}\S/;

async function main() {
  const t0 = Date.now();
  ensureHost();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'extension.js'))) throw new Error('dist/web/extension.js missing: run `npm run build` first');
  const { runnable, skipped } = await classify();
  for (const s of skipped) console.log(`web worker: skipped ${path.relative(ROOT, s.file)} (${s.reason})`);
  const testsPath = await bundle(runnable);
  const workspace = path.join(BASE, 'fixtures');
  const host = await startCodeServer({ workspace, label: 'it-web', settings: { 'remote.extensionKind': { 'token-lens.token-lens': ['web'] } } });
  const { browser, close } = await launchBrowser();
  let passed = 0, failed = 0;
  try {
    const page = await browser.newPage();
    const exitCode = new Promise((resolve) => { void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))); });
    await page.exposeFunction('codeAutomationLog', () => {});
    let printing = Promise.resolve();
    page.on('console', (msg) => {
      printing = printing.then(async () => {
        const text = await formatConsole(msg);
        if (process.env.TOKEN_LENS_IT_DEBUG) console.error(`[console.${msg.type()}] ${text}`);
        const m = text.match(/^\s*(\d+) (passing|failing)\b/);
        if (m) (m[2] === 'passing' ? (passed = Number(m[1])) : (failed = Number(m[1])));
        if (msg.type() === 'log' && REPORT_LINE.test(text)) console.log(text);
      });
    });
    await page.goto(workbenchUrl(host, workspace, [['extensionDevelopmentPath', host.remoteUri(ROOT)], ['extensionTestsPath', host.remoteUri(testsPath)]]));
    const timer = new Promise((_, reject) => setTimeout(() => reject(new Error(`web worker integration run TIMED OUT after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref());
    const code = await Promise.race([exitCode, timer]).catch(async (e) => {
      fs.mkdirSync(path.join(ROOT, '.artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, '.artifacts', 'integration-web-timeout.png') }).catch(() => {});
      throw e;
    });
    await printing;
    if (code !== 0 && failed === 0) failed = 1;
    console.log(`integration (web worker host): exit ${code}, ${passed} passing, ${failed} failing, ${skipped.length} suites skipped, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`RESULT passed=${passed} failed=${failed}`);
    return code;
  } finally {
    await close();
    host.stop();
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`web worker integration FAILED: ${e.stack ?? e}`);
  console.log('RESULT passed=0 failed=1');
  process.exit(1);
});
