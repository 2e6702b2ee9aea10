// Runs test/integration (mocha inside the real extension host) in code-server + headless
// Chromium with the development payload; prints mocha's report and exits with its code.
// Prints `RESULT passed=N failed=N` for scripts/test-all.mjs.
import { build } from 'esbuild';
import fs from 'node:fs';
import { format } from 'node:util';
import path from 'node:path';
import { ROOT, configurationWarnings, ensureHost, startCodeServer, launchBrowser, workbenchUrl } from './lib/host.mjs';

// A guard against a hung host, not a performance bound: the suites took 84 s on a quiet machine and
// over 300 s at load 15, so the guard leaves room for a busy CI runner.
const TIMEOUT_MS = Number(process.env.TOKEN_LENS_IT_TIMEOUT_MS ?? 900_000);
const OUT = path.join(ROOT, 'out', 'integration');
/** `--locale de`: a host in that display language, running test/integration-de. */
const LOCALE = process.argv.includes('--locale') ? process.argv[process.argv.indexOf('--locale') + 1] : undefined;

function suiteEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? suiteEntries(full) : e.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** Bundles index.ts and every suite (vscode and mocha stay external) into out/integration. */
export async function bundleIntegration(locale = LOCALE) {
  const out = locale === undefined ? OUT : `${OUT}-${locale}`;
  fs.rmSync(out, { recursive: true, force: true });
  const base = path.join(ROOT, 'test', 'integration');
  // `--locale de`: the same runner module over the suites of test/integration-de.
  const suites = locale === undefined ? path.join(base, 'suite') : path.join(ROOT, 'test', `integration-${locale}`, 'suite');
  await build({
    entryPoints: [{ in: path.join(base, 'index.ts'), out: 'index' }, ...suiteEntries(suites).map((f) => ({ in: f, out: path.join('suite', path.relative(suites, f)).replace(/\.ts$/, '') }))],
    outdir: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'],
    external: ['vscode', 'mocha'], sourcemap: 'inline', logLevel: 'warning',
  });
  return path.join(out, 'index.js');
}

async function main() {
  const t0 = Date.now();
  ensureHost();
  if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js missing: run `npm run build` first');
  }
  const testsPath = await bundleIntegration();
  const workspace = path.join(ROOT, 'test', 'integration', 'fixtures');
  const host = await startCodeServer({ workspace, label: LOCALE === undefined ? 'it' : `it-${LOCALE}`, ...(LOCALE !== undefined ? { locale: LOCALE } : {}) });
  const { browser, close } = await launchBrowser();
  let passed = 0, failed = 0;
  try {
    const page = await browser.newPage();
    const exitCode = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', () => {});
    const recent = [];
    // Console messages are formatted one after another so the report keeps its order.
    let printing = Promise.resolve();
    page.on('console', (msg) => {
      printing = printing.then(async () => {
        const text = await formatConsole(msg);
        recent.push(text);
        if (recent.length > 40) recent.shift();
        if (process.env.TOKEN_LENS_IT_DEBUG) console.error(`[console.${msg.type()}] ${text}`);
        const m = text.match(/^\s*(\d+) (passing|failing)\b/);
        if (m) (m[2] === 'passing' ? (passed = Number(m[1])) : (failed = Number(m[1])));
        if (fromExtensionHost(msg, text)) console.log(text);
      });
    });
    const payload = [
      ['extensionDevelopmentPath', host.remoteUri(ROOT)],
      ['extensionTestsPath', host.remoteUri(testsPath)],
    ];
    await page.goto(workbenchUrl(host, workspace, payload));
    const timer = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`integration run TIMED OUT after ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref(),
    );
    let code = await Promise.race([exitCode, timer]).catch(async (e) => {
      // Fail loudly with what the workbench showed and said last.
      fs.mkdirSync(path.join(ROOT, '.artifacts'), { recursive: true });
      await page.screenshot({ path: path.join(ROOT, '.artifacts', 'integration-timeout.png') }).catch(() => {});
      console.error(`page title: ${await page.title().catch(() => '?')}\nlast console messages:\n${recent.join('\n')}`);
      throw e;
    });
    await printing;
    if (code !== 0 && failed === 0) failed = 1; // the run itself failed (e.g. no suites, load error)
    const logs = host.logs();
    const warnings = configurationWarnings(logs);
    const lines = [...logs.values()].reduce((n, text) => n + text.split('\n').length, 0);
    console.log(`extension host logs: ${warnings.length} configuration-scope warnings for tokenLens.* settings (${lines} lines in ${logs.size} log files)`);
    if (warnings.length > 0) {
      for (const w of warnings.slice(0, 5)) console.log(`  ${w}`);
      failed += 1;
      if (code === 0) code = 1;
    }
    console.log(`integration: exit ${code}, ${passed} passing, ${failed} failing, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`RESULT passed=${passed} failed=${failed}`);
    return code;
  } finally {
    await close();
    host.stop();
  }
}

// The workbench re-logs extension-host console output as
// console.log('%c INFO', 'color: …', format, ...args): drop the style pair, apply the format.
async function formatConsole(msg) {
  const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '[unserializable]')));
  if (args.length === 0) return msg.text();
  if (typeof args[0] === 'string' && args[0].startsWith('%c') && args.length >= 2) args.splice(0, 2);
  return args.length === 0 ? '' : format(...args);
}

const REPORT_LINE = /^\s*$|^\s*(✔|✓|\d+\) |\d+ (passing|failing|pending)\b)|^ {2,}\S/;
/** Extension-host lines (mocha's report, test logs); workbench noise (ERR stack traces) is not. */
function fromExtensionHost(msg, text) {
  return msg.type() === 'log' && msg.text().startsWith('%c INFO') && REPORT_LINE.test(text);
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
