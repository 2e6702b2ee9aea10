import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, USAGE } from '../../../src/cli/args';
import type { DiffReport } from '../../../src/cli/diff';
import { runCli, type CliIo } from '../../../src/cli/run';
import { inspectToken } from '../../../src/core';

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = (header: unknown, payload: unknown, signature = 'c2ln') => `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${signature}`;
const EXP = 1796148000;
const BEFORE = jws({ alg: 'HS256', typ: 'JWT', kid: 'k1' }, { sub: 'alice', exp: EXP, scope: 'read', legacy: true });
const AFTER = jws({ alg: 'RS256', typ: 'JWT', kid: 'k2' }, { sub: 'alice', exp: EXP + 3600, scope: 'read write', tenant: 't1' });

async function run(argv: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    readStdin: () => Promise.resolve(stdin),
    isTty: false,
    env: {},
    version: 'test',
    clock: () => 0,
  };
  const code = await runCli(argv, io, inspectToken);
  return { code, out, err };
}

describe('token-lens diff A B', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-lens-diff-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the summary and exits 1 when the tokens differ', async () => {
    const r = await run(['diff', BEFORE, AFTER]);
    assert.equal(r.code, 1);
    assert.equal(r.err, '');
    assert.deepEqual(r.out.split('\n'), [
      'different: alg HS256 → RS256 · kid k1 → k2 · exp +1 h · 1 added, 1 removed, 4 changed',
      'alg: HS256 → RS256',
      'kid: k1 → k2',
      'exp: +1 h (2026-12-01T18:00:00.000Z → 2026-12-01T19:00:00.000Z)',
      '~ header.alg: "HS256" → "RS256"',
      '~ header.kid: "k1" → "k2"',
      '~ payload.exp: 1796148000 → 1796151600',
      '- payload.legacy: true',
      '~ payload.scope: "read" → "read write"',
      '+ payload.tenant: "t1"',
      '',
    ]);
  });

  it('exits 0 on identical tokens', async () => {
    const r = await run(['diff', BEFORE, BEFORE]);
    assert.equal(r.code, 0);
    assert.equal(r.out, 'identical: the same token\n');
  });

  it('--json gives the summary as JSON', async () => {
    const r = await run(['diff', '--json', BEFORE, AFTER]);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.out) as DiffReport;
    assert.equal(report.schemaVersion, 2);
    assert.equal(report.command, 'diff');
    assert.equal(report.identical, false);
    assert.equal(report.summary.exp?.movedSec, 3600);
    assert.deepEqual(report.summary.kid, { from: 'k1', to: 'k2' });
    assert.deepEqual(report.summary.counts, { added: 1, removed: 1, changed: 4 });
    assert.ok(!r.out.includes(BEFORE) && !r.out.includes(AFTER), 'no token text in the report');
  });

  it('reads a side from a file or from stdin, accepting what decode accepts (Bearer, header lines)', async () => {
    const file = join(dir, 'after.txt');
    writeFileSync(file, `Authorization: Bearer ${AFTER}\n`);
    assert.equal((await run(['diff', BEFORE, file])).code, 1);
    assert.equal((await run(['diff', '-', file], `"${AFTER}"\n`)).code, 0);
    assert.equal((await run(['diff', `Bearer ${BEFORE}`, '-'], BEFORE)).code, 0);
  });

  it('bad input exits 2 with one line on stderr and nothing on stdout', async () => {
    const cases: [string[], RegExp][] = [
      [['diff', BEFORE], /diff takes exactly two tokens/],
      [['diff', BEFORE, AFTER, AFTER], /diff takes exactly two tokens/],
      [['diff', '-', '-'], /stdin for one side only/],
      [['diff', BEFORE, join(dir, 'missing.txt')], /^token-lens: B is neither a token nor a file: /],
      [['diff', 'eyJhbGciOiJIUzI1NiJ9.e30', AFTER], /^token-lens: A is neither a token nor a file/],
      [['diff', '--fail-on', 'error', BEFORE, AFTER], /--fail-on does not apply to diff/],
      [['diff', '--format', 'sarif', BEFORE, AFTER], /sarif applies to scan only/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '');
      assert.match(r.err, message);
      assert.equal(r.err.split('\n').length, 2);
    }
  });

  it('a file that is no token, a directory, or too large is bad input', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, 'hello\n');
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'a'.repeat(300 * 1024));
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    assert.match((await run(['diff', BEFORE, empty])).err, /^token-lens: B \(.*empty\.txt\): /);
    assert.match((await run(['diff', BEFORE, big])).err, /larger than 256 KiB/);
    assert.match((await run(['diff', folder, BEFORE])).err, /not a regular file \(directory\)/);
    assert.equal((await run(['diff', '-', BEFORE], 'no token here')).code, 2);
  });

  it('hostile text is shown, never obeyed: escapes in claim names and values are made visible', async () => {
    const evil = jws({ alg: 'HS256', kid: 'a\u001b]0;pwned\u0007' }, { 'x\u001b[2K': '\u009b31m', bidi: 'a\u202eb' });
    const r = await run(['diff', BEFORE, evil]);
    assert.equal(r.code, 1);
    assert.ok(!/[\u001b\u0007\u009b\u202e]/.test(r.out), r.out);
    assert.match(r.out, /kid: k1 → a\\x1b\]0;pwned\\x07/);
    const json = await run(['diff', '--json', BEFORE, evil]);
    assert.ok(!/[\u001b\u0007\u009b\u202e]/.test(json.out));
    assert.equal((JSON.parse(json.out) as DiffReport).summary.kid?.to, 'a\u001b]0;pwned\u0007');
  });

  it('JWS against JWE, and a huge claim: bounded lines', async () => {
    const jwe = `${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.ZW5j.aXZpdml2aXZpdml2.Y2lwaGVy.dGFnZ2VkdGFnZ2VkdGFn`;
    const r = await run(['diff', BEFORE, jwe]);
    assert.equal(r.code, 1);
    assert.match(r.out, /^different: JWS → JWE · alg HS256 → RSA-OAEP/);
    assert.match(r.out, /^payload: claims → encrypted$/m);
    const huge = jws({ alg: 'HS256' }, { blob: 'z'.repeat(200_000) });
    const h = await run(['diff', BEFORE, huge]);
    assert.ok(h.out.split('\n').every((line) => line.length < 300));
  });

  it('is in --help, with its exit codes', () => {
    assert.match(USAGE, /token-lens diff <A> <B>/);
    assert.match(USAGE, /exit 0 when identical, 1 when they differ/);
    const parsed = parseArgs(['diff', 'a', 'b']);
    assert.ok(parsed.ok && parsed.value.command === 'diff');
  });
});
