// `npm run demo`: build, mint fresh tokens into a demo workspace, start a private code-server
// with Token Lens loaded from this checkout, print the loopback URL and this run's password;
// the workbench opens on api.http. Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureHost, startCodeServer, workbenchUrl } from './lib/host.mjs';
import { ACCESS_TOKEN_HOURS, writeDemoWorkspace } from '../demo/mint.mjs';

// Git-ignored (under .cache/): generated tokens are never committed.
const WORKSPACE = path.join(ROOT, '.cache', 'demo-workspace');
const START_FILE = path.join(WORKSPACE, 'api.http');

execFileSync('node', ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
ensureHost();
await writeDemoWorkspace(WORKSPACE);

// A password generated for this run: the workbench has a terminal, so nobody else on this
// machine (and no web page that reaches the loopback port) gets it without the password.
const host = await startCodeServer({
  workspace: WORKSPACE, label: 'demo', auth: 'password',
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
});
// `openFile` in the payload opens api.http when the workbench starts (the login page keeps the
// query and returns to it).
const url = workbenchUrl(host, WORKSPACE, [
  ['extensionDevelopmentPath', host.remoteUri(ROOT)],
  ['openFile', host.remoteUri(START_FILE)],
]);
console.log(`
Token Lens demo is running (tokens minted ${new Date().toISOString()}; the access token expires in ${ACCESS_TOKEN_HOURS} hours).
Open this URL in a browser on this machine (forward the port if you are remote):

  ${url}

The page asks for a password, new for each run:

  ${host.password}

Workspace: ${WORKSPACE} (opens on api.http)
Press Ctrl-C to stop code-server and remove its temporary profile.`);

// Stay up until Ctrl-C (the host library kills the code-server process group on exit).
const watchdog = setInterval(() => {
  try { process.kill(host.pid, 0); } catch {
    // Its run folder (and log) is removed on exit: show the end of the log first.
    console.error(`code-server exited; the end of its log:\n${fs.readFileSync(host.logFile, 'utf8').slice(-4000)}`);
    process.exit(1);
  }
}, 2000);
void watchdog;
