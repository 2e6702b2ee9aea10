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
run('npx', ['vsce', 'ls', '--no-dependencies']);
console.log(`vsix: ${path.relative(ROOT, vsix)} ${(fs.statSync(vsix).size / 1024).toFixed(1)} KiB`);
