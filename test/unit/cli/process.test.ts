import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild } from './harness';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'test/fixtures/scan');
const NOW = '2026-01-10T00:00:00Z';
/** The real `token-lens` entry (src/cli/main.ts through tsx) as a child process. */
const cli = (args: string[], input?: string) => runChild(args, { input });

const requests = readFileSync(join(FIXTURES, 'requests.http'), 'utf8');
const longLived = /@longLived = (\S+)/.exec(requests)![1];

describe('token-lens (child process)', function () {
  this.timeout(30_000);

  it('--help prints usage and exits 0', () => {
    const r = cli(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage:\n {2}token-lens decode/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = cli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout.trim(), `token-lens ${version}`);
  });

  it('bad usage exits 2 with one line on stderr and nothing on stdout', () => {
    for (const args of [['--bogus'], ['decode'], ['scan', join(FIXTURES, 'missing-file.http')]]) {
      const r = cli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });

  it('decode --json from stdin gives the decoded header and claims', () => {
    const r = cli(['decode', '-', '--json', '--now', NOW], `Authorization: Bearer ${longLived}\n`);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { command: string; now: string; token: { alg: string; payload: { type: string; claims: Record<string, unknown> }; time: { status: string } } };
    assert.equal(report.command, 'decode');
    assert.equal(report.now, '2026-01-10T00:00:00.000Z');
    assert.equal(report.token.alg, 'HS256');
    assert.equal(report.token.payload.type, 'claims');
    assert.equal(report.token.payload.claims.sub, 'alice');
    assert.equal(report.token.time.status, 'valid');
    assert.ok(!r.stdout.includes(longLived));
  });

  it('scan --json over the fixture tree finds the tokens and skips the binary file', () => {
    const r = cli(['scan', FIXTURES, '--json', '--now', NOW]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string; tokens: { line: number; context: { kind: string }; inspection?: { kind: string } }[] }[]; skipped: { path: string; reason: string }[] };
    const byName = Object.fromEntries(report.files.map((f) => [f.path.slice(FIXTURES.length + 1), f.tokens]));
    assert.deepEqual(
      byName['requests.http'].map((t) => [t.line, t.context.kind]),
      [
        [3, 'http-variable'],
        [11, 'authorization'],
      ],
    );
    assert.equal(byName['nested/app.env'][0].inspection?.kind, 'unsecured');
    assert.deepEqual(byName['no-tokens.log'], []);
    assert.deepEqual(report.skipped.map((s) => [s.path.slice(FIXTURES.length + 1), s.reason]), [['nested/binary.dat', 'binary']]);
  });

  it('scan --fail-on warning exits 1 on the 30-day token; plain output has no colour codes', () => {
    const r = cli(['scan', join(FIXTURES, 'requests.http'), '--fail-on', 'warning', '--now', NOW]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /requests\.http:3:14 JWS · HS256/);
    assert.ok(!r.stdout.includes('\u001b['));
  });
});
