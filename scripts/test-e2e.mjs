// End-to-end specs (test/e2e, Playwright over code-server) run by mocha. `--vsix` runs the
// packaged-build specs against the newest .vsix in the repo root instead.
// Prints `RESULT passed=N failed=N` for scripts/test-all.mjs.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, ensureHost } from './lib/host.mjs';

const vsixMode = process.argv.includes('--vsix');
ensureHost();
const env = { ...process.env, FORCE_COLOR: '0' };
let specs = 'test/e2e/*.spec.ts';
if (vsixMode) {
  const vsix = fs.readdirSync(ROOT).filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(ROOT, f)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
  if (!vsix) {
    console.error('no .vsix in the repo root: run `npm run package` first');
    console.log('RESULT passed=0 failed=1');
    process.exit(1);
  }
  env.TOKEN_LENS_E2E_VSIX = vsix;
  specs = 'test/e2e/packaged/*.spec.ts';
} else if (!fs.existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js missing: run `npm run build` first');
  console.log('RESULT passed=0 failed=1');
  process.exit(1);
}
const args = ['mocha', '--no-config', '--node-option', 'import=tsx', '--reporter', 'spec', '--no-colors', '--timeout', '120000', specs];
let out = '';
const child = spawn('npx', args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
child.on('close', (code) => {
  const p = out.match(/^\s*(\d+) passing/m), f = out.match(/^\s*(\d+) failing/m);
  let failed = f ? Number(f[1]) : 0;
  if (code !== 0 && failed === 0) failed = 1;
  console.log(`RESULT passed=${p ? Number(p[1]) : 0} failed=${failed}`);
  process.exit(code ?? 1);
});
