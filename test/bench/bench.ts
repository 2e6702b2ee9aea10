/**
 * `npm run bench`: scanner throughput against the practical limit (an `indexOf('eyJ')` loop)
 * and against the naive approach (a dotted-base64url regex plus a jose decode of every
 * candidate), adversarial inputs in ms/MB, and decode+inspect tokens/s. All figures come
 * from one process, so the ratios compare like with like.
 *
 * Targets (issue 10): sparse scan ≥ 0.8× the indexOf rate (and ≥ 20× naive, issue 2);
 * adversarial ≤ 10 ms/MB; ≥ 50,000 tokens/s decode+inspect. The last lines are a table of the
 * targets with PASS/MISS. The machine's load average is printed first: on a shared machine a
 * busy neighbour slows the JavaScript-bound figures (scanner, inspect) more than the
 * memchr-bound indexOf.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { SignJWT, UnsecuredJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import type * as Core from '../../src/core';

/**
 * The core as it ships: bundled and minified by esbuild with the options of the extension and
 * CLI bundles (esbuild.js: node20, CommonJS, ESM fields first). Importing the TypeScript
 * sources through tsx instead measures tsx's module interop (a getter per imported binding,
 * a fifth of inspectToken's time) rather than the code users run.
 */
async function shippedCore(): Promise<typeof Core> {
  const dir = mkdtempSync(join(tmpdir(), 'token-lens-bench-'));
  const outfile = join(dir, 'core.cjs');
  try {
    await build({
      entryPoints: [join(__dirname, '..', '..', 'src', 'core', 'index.ts')],
      outfile, bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20',
      mainFields: ['module', 'main'], logLevel: 'silent', legalComments: 'none',
    });
    return createRequire(__filename)(outfile) as typeof Core;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = 1_000_000;

/** Deterministic PRNG (LCG) so every run scans the same bytes. */
function prng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function randomBase64Url(length: number, rand: () => number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[(rand() * 64) | 0];
  return s;
}

/** A ~50 MB application log: dotted class names, URLs, versions, hashes; a token every ~400 lines. */
function sparseLog(tokens: readonly string[], bytes: number): string {
  const rand = prng(1);
  const parts: string[] = [];
  let size = 0;
  let n = 0;
  const hosts = ['api.example.com', 'auth.eyeglass.io', 'cdn.jsdelivr.net', 'keyvault.vault.azure.net'];
  while (size < bytes) {
    n++;
    let line = `2026-11-26T10:${String(n % 60).padStart(2, '0')}:${String((n * 7) % 60).padStart(2, '0')}.${String(n % 1000).padStart(3, '0')}Z INFO com.example.auth.TokenService GET https://${hosts[n % hosts.length]}/v${n % 3}.${n % 7}.${n % 5}/users?page=${n} 200 ${(rand() * 900) | 0}ms sha256-${randomBase64Url(43, rand)} pkg=@scope/eyes.util@1.${n % 40}.0`;
    if (n % 400 === 0) line += ` Authorization: Bearer ${tokens[n % tokens.length]}`;
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join('\n') + '\n';
}

/** A token-dense file: one token per short line (an .http file of pasted tokens). */
function denseFile(tokens: readonly string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const line = `@t${n} = ${tokens[n % tokens.length]}`;
    parts.push(line);
    size += line.length + 1;
  }
  return parts.join('\n') + '\n';
}

/**
 * A ~10 MB Kubernetes manifest of Secrets: base64 `data:` values (certificates, passwords,
 * config blobs), one Secret in eight holding a base64-wrapped JWT (issue 14).
 */
function secretYaml(tokens: readonly string[], bytes: number): string {
  const rand = prng(3);
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    const lines = [
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata:',
      `  name: app-${n}`,
      `  namespace: team-${n % 17}`,
      '  labels:',
      `    app.kubernetes.io/name: service-${n % 97}`,
      'type: Opaque',
      'data:',
      `  tls.crt: ${b64(`-----BEGIN CERTIFICATE-----\n${randomBase64Url(900, rand)}\n-----END CERTIFICATE-----\n`)}`,
      `  password: ${b64(randomBase64Url(24, rand))}`,
      `  config.yaml: ${b64(`endpoint: https://svc-${n}.example.com\nretries: ${n % 5}\n`)}`,
    ];
    if (n % 8 === 0) lines.push(`  token: ${b64(tokens[n % tokens.length])}`);
    const block = lines.join('\n');
    parts.push(block);
    size += block.length + 1;
  }
  return parts.join('\n') + '\n';
}

function indexOfLoop(text: string): number {
  let count = 0;
  for (let i = text.indexOf('eyJ'); i !== -1; i = text.indexOf('eyJ', i + 3)) count++;
  return count;
}

/** The naive peer approach: a dotted-base64url regex, then a jose decode of every candidate. */
function naive(text: string): number {
  let count = 0;
  const candidate = /[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
  for (const m of text.matchAll(candidate)) {
    try {
      if (typeof decodeProtectedHeader(m[0]).alg === 'string') count++;
    } catch {
      // not a token
    }
  }
  return count;
}

/** Best of `runs` timings of `fn(text)` in ms, plus its result. */
/**
 * Best wall time of `runs` calls after a warm-up, and the mean CPU time of this process per
 * call: on a shared machine a neighbour stretches the wall time of a run it preempts, not the
 * CPU time the work itself takes.
 */
function time<T>(fn: (text: string) => T, text: string, runs: number): { ms: number; cpuMs: number; result: T } {
  let best = Number.POSITIVE_INFINITY;
  let result = fn(text);
  const c0 = process.cpuUsage();
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn(text);
    best = Math.min(best, performance.now() - t0);
  }
  const cpu = process.cpuUsage(c0);
  return { ms: best, cpuMs: (cpu.user + cpu.system) / 1000 / runs, result };
}

const rate = (bytes: number, ms: number) => bytes / MB / (ms / 1000);
const fmt = (n: number, digits = 1) => (Number.isNaN(n) ? '-' : n.toFixed(digits)).padStart(8);

async function main(): Promise<void> {
  const { findTokens, inspectToken } = await shippedCore();
  const secret = new TextEncoder().encode('bench-secret-of-at-least-32-bytes!');
  const tokens: string[] = [];
  for (let i = 0; i < 16; i++) {
    tokens.push(
      await new SignJWT({ sub: `user-${i}`, scope: 'read write', email: `u${i}@example.com` })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuedAt(1_764_000_000)
        .setExpirationTime(1_764_003_600 + i * 600)
        .setJti(`id-${i}`)
        .sign(secret),
    );
  }
  tokens.push(new UnsecuredJWT({ sub: 'none' }).encode());

  console.log(`token-lens bench — node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${availableParallelism()} CPUs\n`);
  const files: [string, string][] = [
    ['sparse log', sparseLog(tokens, 50 * MB)],
    ['token-dense', denseFile(tokens, 10 * MB)],
    ['secret YAML', secretYaml(tokens, 10 * MB)],
  ];
  console.log('file              size MB   scanner MB/s  indexOf MB/s  naive MB/s   tokens  scan/indexOf  scan/naive');
  let sparseVsIndexOf = 0;
  let sparseVsNaive = 0;
  let secretRate = 0;
  let secretOnePassRate = 0;
  let secretWrapped = 0;
  let secretPlanted = 0;
  for (const [label, text] of files) {
    // A Secret manifest is what a thorough scan is for (thoroughScanFor('….yaml')): wrapped tokens.
    const thorough = label === 'secret YAML';
    const scan = time((t) => findTokens(t, { thorough }).length, text, 5);
    const idx = time(indexOfLoop, text, 5);
    // The naive regex backtracks over base64 runs (minutes on the Secret file), and it finds no wrapped token anyway.
    const nv = thorough ? undefined : time(naive, text, 1);
    const mb = text.length / MB;
    const s = rate(text.length, scan.ms);
    const i = rate(text.length, idx.ms);
    const n = nv === undefined ? Number.NaN : rate(text.length, nv.ms);
    if (thorough) {
      secretRate = rate(text.length, scan.ms);
      secretOnePassRate = rate(text.length, time((t) => findTokens(t).length, text, 5).ms);
      secretWrapped = findTokens(text, { thorough }).filter((m) => m.wrapped === 'base64').length;
      secretPlanted = text.split('\n  token: ').length - 1;
    } else if (nv !== undefined && scan.result !== nv.result) console.log(`  (!) scanner found ${scan.result}, naive found ${nv.result}`);
    if (label === 'sparse log') {
      sparseVsIndexOf = s / i;
      sparseVsNaive = s / n;
    }
    console.log(`${label.padEnd(14)} ${fmt(mb)} ${fmt(s, 0)}      ${fmt(i, 0)}      ${fmt(n, 1)}  ${String(scan.result).padStart(7)}     ${fmt(s / i, 2)}×    ${fmt(s / n, 1)}×`);
  }

  console.log(`secret YAML: thorough scan (both passes) ${secretRate.toFixed(0)} MB/s, one pass ${secretOnePassRate.toFixed(0)} MB/s; ${secretWrapped} of ${secretPlanted} wrapped tokens found`);

  console.log('\nadversarial input                                   size MB  wall ms/MB  CPU ms/MB');
  const header = 'eyJhbGciOiJIUzI1NiJ9';
  const rand = prng(2);
  const adversarial: [string, string][] = [
    ['400 KB of repeated eyJ', 'eyJ'.repeat(136_534)],
    ['400 KB of "eyJ " (boundary before each)', 'eyJ '.repeat(102_400)],
    ['5 MB base64url line, no dots', 'eyJ' + randomBase64Url(5 * MB, rand)],
    ['5 MB base64url line after a valid header', header + randomBase64Url(5 * MB, rand)],
    ['100k dots', '.'.repeat(100_000)],
    ['100k "ey."', 'ey.'.repeat(100_000)],
    ['valid header + 100k dots', header + '.'.repeat(100_000)],
    ['" header.a.b.c.d.e.f" × 15k (too many segments)', (' ' + header + '.a.b.c.d.e.f').repeat(15_000)],
    ['60 KB undecodable headers × 20', (' ey' + 'A'.repeat(60_000) + '.a.b').repeat(20)],
    ['"eyJ==.=" × 100k', 'eyJ==.='.repeat(100_000)],
  ];
  let worst = 0;
  let worstCpu = 0;
  for (const [label, text] of adversarial) {
    const t = time((x) => findTokens(x).length, text, 7);
    const msPerMb = t.ms / (text.length / MB);
    const cpuMsPerMb = t.cpuMs / (text.length / MB);
    worst = Math.max(worst, msPerMb);
    worstCpu = Math.max(worstCpu, cpuMsPerMb);
    console.log(`${label.padEnd(50)} ${fmt(text.length / MB, 2)}  ${fmt(msPerMb, 2)}  ${fmt(cpuMsPerMb, 2)}`);
  }
  console.log(`worst adversarial: ${worst.toFixed(2)} ms/MB wall (best of 7), ${worstCpu.toFixed(2)} ms/MB CPU (mean of 7) (target ≤ 10)`);

  // decode+inspect: every call decodes and analyses a token in full (no caching across calls).
  // Three timed loops of 200k after a warm-up; the verdict uses the median loop, so one loop
  // slowed by a neighbour on this shared machine neither fails nor flatters the figure. Each
  // loop also times jose's own decoding of the same tokens (decodeProtectedHeader + decodeJwt:
  // no analysis, no duplicate-member or lossy-number checks) as the baseline in this process.
  const inspect = inspectToken;
  const now = Date.parse('2026-11-26T12:00:00Z');
  const rounds = 200_000;
  let ok = 0;
  const joseDecode = (t: string): boolean => {
    try {
      return decodeProtectedHeader(t) !== undefined && decodeJwt(t) !== undefined;
    } catch {
      return false;
    }
  };
  for (let i = 0; i < 5_000; i++) {
    inspect(tokens[i % tokens.length], { now });
    joseDecode(tokens[i % tokens.length]);
  }
  const loopRates: number[] = [];
  const cpuRates: number[] = [];
  const joseRates: number[] = [];
  for (let loop = 0; loop < 3; loop++) {
    ok = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) if (inspect(tokens[i % tokens.length], { now }).ok) ok++;
    loopRates.push(rounds / ((performance.now() - t0) / 1000));
    const cpu = process.cpuUsage(c0);
    cpuRates.push(rounds / ((cpu.user + cpu.system) / 1e6));
    const j0 = performance.now();
    for (let i = 0; i < rounds; i++) joseDecode(tokens[i % tokens.length]);
    joseRates.push(rounds / ((performance.now() - j0) / 1000));
  }
  const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[1] ?? 0;
  const tokensPerSecond = median(loopRates);
  const perLoop = loopRates.map((r) => Math.round(r).toLocaleString('en-US')).join(' / ');
  const vsJose = median(loopRates.map((r, i) => r / (joseRates[i] ?? Infinity)));
  console.log(`\ndecode+inspect: ${Math.round(tokensPerSecond).toLocaleString('en-US')} tokens/s median (loops: ${perLoop}; by CPU time ${Math.round(median(cpuRates)).toLocaleString('en-US')}), ${(1e6 / tokensPerSecond).toFixed(2)} µs/token (${ok}/${rounds} ok per loop; target ≥ 50,000)`);
  console.log(`jose decodeProtectedHeader + decodeJwt alone: ${Math.round(median(joseRates)).toLocaleString('en-US')} tokens/s; decode+inspect runs at ${vsJose.toFixed(2)}× jose's bare decoding`);

  // One line per target, with the measured figure, the bound and the verdict.
  const verdict = (pass: boolean) => (pass ? 'PASS' : 'MISS');
  const rows: [string, string, string, boolean][] = [
    ["sparse log: scanner / indexOf('eyJ')", `${sparseVsIndexOf.toFixed(2)}×`, '≥ 0.80×', sparseVsIndexOf >= 0.8],
    ['sparse log: scanner / naive regex+jose', `${sparseVsNaive.toFixed(1)}×`, '≥ 20×', sparseVsNaive >= 20],
    ['adversarial: worst ms/MB (wall)', worst.toFixed(2), '≤ 10', worst <= 10],
    ['decode+inspect tokens/s (median)', Math.round(tokensPerSecond).toLocaleString('en-US'), '≥ 50,000', tokensPerSecond >= 50_000],
    ['secret YAML: wrapped tokens found', `${secretWrapped}/${secretPlanted}`, 'all', secretPlanted > 0 && secretWrapped === secretPlanted],
  ];
  console.log('\ntarget                                      measured     bound        verdict');
  for (const [label, measured, bound, pass] of rows) console.log(`${label.padEnd(43)} ${measured.padStart(9)}    ${bound.padEnd(11)}  ${verdict(pass)}`);
  const misses = rows.filter((r) => !r[3]).length;
  console.log(misses === 0 ? 'all targets met' : `${misses} target(s) missed`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
