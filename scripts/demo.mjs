// `npm run demo`: build, mint fresh tokens into a demo workspace, start a private code-server
// with Token Lens loaded from this checkout, print the loopback URL; Ctrl-C stops everything.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureHost, startCodeServer, workbenchUrl } from './lib/host.mjs';
import { writeDemoWorkspace } from '../demo/mint.mjs';

// Git-ignored (under .cache/): generated tokens are never committed.
const WORKSPACE = path.join(ROOT, '.cache', 'demo-workspace');

execFileSync('node', ['esbuild.js'], { cwd: ROOT, stdio: 'inherit' });
ensureHost();
await writeDemoWorkspace(WORKSPACE);

const host = await startCodeServer({
  workspace: WORKSPACE, label: 'demo',
  settings: { 'workbench.colorTheme': 'Default Dark Modern' },
});
const url = workbenchUrl(host, WORKSPACE, [['extensionDevelopmentPath', host.remoteUri(ROOT)]]);
console.log(`
Token Lens demo is running (tokens minted ${new Date().toISOString()}; the access token expires in 15 minutes).
Open this URL in a browser on this machine (forward the port if you are remote):

  ${url}

Workspace: ${WORKSPACE}
Press Ctrl-C to stop code-server and remove its temporary profile.`);

// Stay up until Ctrl-C (the host library kills the code-server process group on exit).
const watchdog = setInterval(() => {
  try { process.kill(host.pid, 0); } catch {
    console.error('code-server exited; see its log above');
    process.exit(1);
  }
}, 2000);
void watchdog;
