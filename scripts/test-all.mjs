// `npm test`: every stage in order, each result printed, then `N passed, N failed` alone on
// the last line. A stage that cannot run (no host, no browser) fails; nothing is skipped.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/host.mjs';

/** @type {{ name: string, cmd: string[], counts?: 'mocha' | 'result' }[]} */
const STAGES = [
  { name: 'lint', cmd: ['npx', 'eslint', 'src', 'test'] },
  { name: 'typecheck', cmd: ['npx', 'tsc', '-p', '.', '--noEmit'] },
  { name: 'unit', cmd: ['npx', 'mocha', '--no-colors'], counts: 'mocha' },
  // Timing and growth checks (ratios to a reference pass), alone: no other stage runs meanwhile.
  { name: 'perf', cmd: ['npx', 'mocha', '--no-colors', '--config', '.mocharc.perf.json'], counts: 'mocha' },
  { name: 'build', cmd: ['node', 'esbuild.js'] },
  { name: 'host setup', cmd: ['node', 'scripts/lib/host.mjs'] },
  { name: 'hermetic home', cmd: ['node', 'scripts/test-hermetic.mjs'], counts: 'result' },
  { name: 'integration', cmd: ['node', 'scripts/test-integration.mjs'], counts: 'result' },
  // One more host in German (code-server --locale de): the extension's German bundles in a real host.
  { name: 'integration (German)', cmd: ['node', 'scripts/test-integration.mjs', '--locale', 'de'], counts: 'result' },
  // The same suites again in the web worker extension host (dist/web/extension.js; issue 15).
  { name: 'integration (web worker)', cmd: ['node', 'scripts/test-integration-web.mjs'], counts: 'result' },
  { name: 'e2e', cmd: ['node', 'scripts/test-e2e.mjs'], counts: 'result' },
  { name: 'package', cmd: ['node', 'scripts/package.mjs'] },
  { name: 'packaged vsix', cmd: ['node', 'scripts/test-e2e.mjs', '--vsix'], counts: 'result' },
];

function runStage(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => process.stderr.write(d));
    // Ctrl-C reaches the child through the terminal's process group; it cleans its own host.
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), out, seconds: (Date.now() - started) / 1000 }));
  });
}

function counts(kind, out) {
  if (kind === 'mocha') {
    const p = out.match(/^\s*(\d+) passing/m), f = out.match(/^\s*(\d+) failing/m);
    return { passed: p ? Number(p[1]) : 0, failed: f ? Number(f[1]) : 0 };
  }
  const lines = [...out.matchAll(/^RESULT passed=(\d+) failed=(\d+)$/gm)];
  const last = lines.at(-1);
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 0 };
}

const results = [];
let passed = 0, failed = 0;
const t0 = Date.now();
for (const stage of STAGES) {
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const r = await runStage(stage);
  let c = stage.counts ? counts(stage.counts, r.out) : { passed: 0, failed: 0 };
  // A failing stage always counts at least one failure, even when it printed no counts.
  if (r.code !== 0 && c.failed === 0) c = { ...c, failed: 1 };
  passed += c.passed;
  failed += c.failed;
  results.push({ ...stage, ...r, ...c });
  // Later stages need the build and the host; stop early when those fail.
  if (r.code !== 0 && ['build', 'host setup'].includes(stage.name)) break;
}
console.log('\n=== summary');
for (const r of results) {
  const tests = r.counts ? ` (${r.passed} passed, ${r.failed} failed)` : '';
  console.log(`${r.code === 0 ? 'PASS' : 'FAIL'}  ${r.name.padEnd(14)} ${r.seconds.toFixed(1).padStart(6)} s${tests}`);
}
for (const s of STAGES.slice(results.length)) console.log(`FAIL  ${s.name.padEnd(14)} not run (an earlier stage failed)`);
const notRun = STAGES.length - results.length;
failed += notRun;
console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || results.some((r) => r.code !== 0) ? 1 : 0);
