// `npm run package`: production build, then a .vsix with @vscode/vsce; prints what is inside.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/host.mjs';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });

run('node', ['esbuild.js', '--production']);
// Dependencies are bundled by esbuild, so vsce need not walk node_modules.
run('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix]);
const listed = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
process.stdout.write(listed);
// Every entry package.json names (main, browser, bin) must be inside: .vscodeignore is an allow-list.
const files = new Set(listed.split('\n').map((line) => line.trim()));
const missing = [pkg.main, pkg.browser, ...Object.values(pkg.bin ?? {})].map((p) => path.posix.normalize(p)).filter((p) => !files.has(p));
if (missing.length > 0) {
  console.error(`not in the .vsix (see .vscodeignore): ${missing.join(', ')}`);
  process.exit(1);
}
console.log(`vsix: ${path.relative(ROOT, vsix)} ${(fs.statSync(vsix).size / 1024).toFixed(1)} KiB`);
