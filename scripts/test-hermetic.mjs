// The host never writes to the user's home (issue 9). Starts code-server and Chromium the way
// every other stage does, but in a child process whose HOME is a fresh, empty directory and
// whose XDG_* variables are unset; opens the workbench with Token Lens loaded, waits until it
// is up, stops everything, and asserts that the directory is still empty (listing what it
// found otherwise). Run after `node scripts/lib/host.mjs` (installing the host would write the
// package tools' caches, which is the install step's business, not the host's).
// Prints `RESULT passed=N failed=N` for scripts/test-all.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
const TIMEOUT_MS = 120_000;

/** Every path below `dir`, relative, directories marked with a trailing slash. */
function listTree(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = `${prefix}${e.name}`;
    return e.isDirectory() ? [`${rel}/`, ...listTree(path.join(dir, e.name), `${rel}/`)] : [rel];
  });
}

/** The child: start the host with this process's (empty) HOME, load the workbench, stop. */
async function child() {
  const { ROOT, ensureHost, startCodeServer, launchBrowser, workbenchUrl } = await import('./lib/host.mjs');
  ensureHost();
  const workspace = path.join(ROOT, 'test', 'integration', 'fixtures');
  const host = await startCodeServer({ workspace, label: 'hermetic' });
  const { browser, close } = await launchBrowser();
  try {
    const page = await browser.newPage();
    // With the extension loaded, so the extension host (and what it writes) takes part too.
    await page.goto(workbenchUrl(host, workspace, [['extensionDevelopmentPath', host.remoteUri(ROOT)]]));
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.http' }).first().waitFor({ timeout: 60_000 });
    await page.locator('.activitybar .action-item [aria-label^="Token Lens"]').first().waitFor({ timeout: 60_000 });
    console.log(`workbench loaded: ${await page.title()}`);
  } finally {
    await close();
    host.stop();
  }
}

/** The parent: a fresh HOME for the child, then the assertions. */
async function main() {
  const t0 = Date.now();
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'token-lens-empty-home-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^XDG_/.test(k)));
  env.HOME = home;
  const code = await new Promise((resolve) => {
    const c = spawn(process.execPath, [SELF, '--child'], { env, stdio: 'inherit' });
    const timer = setTimeout(() => c.kill('SIGTERM'), TIMEOUT_MS);
    c.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve(status ?? (signal ? 1 : 0));
    });
  });
  const checks = [];
  checks.push({ name: 'the workbench loaded with HOME empty', ok: code === 0, detail: `child exit ${code}` });
  const found = listTree(home);
  checks.push({
    name: 'HOME is still empty after the host ran',
    ok: found.length === 0,
    detail: found.length === 0 ? home : `${found.length} entries in ${home}:\n${found.map((f) => `    ${f}`).join('\n')}`,
  });
  for (const c of checks) console.log(`${c.ok ? '✔' : '✘'} ${c.name} (${c.detail})`);
  if (found.length === 0) fs.rmSync(home, { recursive: true, force: true });
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`hermetic: ${checks.length - failed} passed, ${failed} failed, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`RESULT passed=${checks.length - failed} failed=${failed}`);
  return failed === 0 ? 0 : 1;
}

if (process.argv.includes('--child')) {
  child().then(
    () => process.exit(0),
    (e) => {
      console.error(`hermetic child FAILED: ${e.stack ?? e}`);
      process.exit(1);
    },
  );
} else {
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(`hermetic FAILED: ${e.stack ?? e}`);
      console.log('RESULT passed=0 failed=1');
      process.exit(1);
    },
  );
}
