// Runs test/integration (mocha inside the real extension host) in code-server + headless
// Chromium with the development payload; prints mocha's report and exits with its code.
// Prints `RESULT passed=N failed=N` for scripts/test-all.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureHost, startCodeServer, launchBrowser, workbenchUrl } from './lib/host.mjs';

const TIMEOUT_MS = Number(process.env.TOKEN_LENS_IT_TIMEOUT_MS ?? 180_000);
const OUT = path.join(ROOT, 'out', 'integration');

function suiteEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? suiteEntries(full) : e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Bundles index.ts and every suite (vscode and mocha stay external) into out/integration. */
export async function bundleIntegration() {
  fs.rmSync(OUT, { recursive: true, force: true });
  const base = path.join(ROOT, 'test', 'integration');
  await build({
    entryPoints: [path.join(base, 'index.ts'), ...suiteEntries(path.join(base, 'suite'))],
    outbase: base, outdir: OUT, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return path.join(OUT, 'index.js');
}

async function main() {
  const t0 = Date.now();
  ensureHost();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js missing: run `npm run build` first');
  }
  const testsPath = await bundleIntegration();
  const workspace = path.join(ROOT, 'test', 'integration', 'fixtures');
  const host = await startCodeServer({ workspace, label: 'it' });
  const { browser, close } = await launchBrowser();
  let passed = 0, failed = 0;
  try {
    const page = await browser.newPage();
    const exitCode = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', () => {});
    page.on('console', (msg) => {
      const text = msg.text();
      // Extension-host output is forwarded to the page console; mocha's spec lines are printed.
      const m = text.match(/^\s*(\d+) (passing|failing)\b/);
      if (m) (m[2] === 'passing' ? (passed = Number(m[1])) : (failed = Number(m[1])));
      if (isHostOutput(text)) console.log(stripHostPrefix(text));
    });
    const payload = [
      ['extensionDevelopmentPath', host.remoteUri(ROOT)],
      ['extensionTestsPath', host.remoteUri(testsPath)],
    ];
    await page.goto(workbenchUrl(host, workspace, payload));
    const timer = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`integration run TIMED OUT after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref(),
    );
    const code = await Promise.race([exitCode, timer]);
    if (code !== 0 && failed === 0) failed = 1; // the run itself failed (e.g. no suites, load error)
    console.log(`integration: exit ${code}, ${passed} passing, ${failed} failing, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`RESULT passed=${passed} failed=${failed}`);
    return code;
  } finally {
    await close();
    host.stop();
  }
}

// The workbench echoes extension-host console output with a `%c[Extension Host]` style prefix.
function isHostOutput(text) {
  return text.includes('[Extension Host]') || /^\s*(✔|✓|\d+\)|\d+ (passing|failing|pending))/.test(text);
}
function stripHostPrefix(text) {
  return text.replace(/^%c\[Extension Host\] ?%c ?/, '').replace(/ \(at console\.<anonymous>.*$/s, '').replace(/\s*color: [^;]*;?\s*$/, '');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts', 'test-integration.mjs')) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`integration FAILED: ${e.stack ?? e}`);
      console.log('RESULT passed=0 failed=1');
      process.exit(1);
    },
  );
}
