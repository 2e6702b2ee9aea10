import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, type CliIo, type InspectFunction } from '../../../src/cli/run';
import type { ScanReport } from '../../../src/cli/report';
import type { Finding, Inspection, Severity } from '../../../src/core/types';
import { inspectToken } from '../../../src/core/inspect';

/**
 * The runner with a controlled inspection (dependency injection): these tests pin the CLI's
 * own logic — exit codes, --fail-on, skipping, offsets, colours, JSON shape — independently
 * of the analysis rules, which have their own tests in test/unit/core.
 */
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl';

function finding(severity: Severity, code: string): Finding {
  return { code, severity, message: `${severity} finding`, evidence: 'evidence here', reference: { kind: 'article', reason: 2, title: 'Reason 2' } };
}

function inspection(findings: Finding[]): Inspection {
  return {
    decoded: {
      token: TOKEN,
      kind: 'jws',
      header: { alg: 'HS256' },
      headerJson: '{"alg":"HS256"}',
      payload: { type: 'claims', claims: { sub: 'a' }, json: '{"sub":"a"}' },
      duplicateKeys: [],
      segments: [
        { name: 'header', encodedBytes: 20, decodedBytes: 15 },
        { name: 'payload', encodedBytes: 15, decodedBytes: 11 },
        { name: 'signature', encodedBytes: 12, decodedBytes: 9 },
      ],
      padded: false,
    },
    time: { now: 0, status: 'never-expires', claims: [], relative: 'never expires', clockSkewSec: 60, withinSkew: false },
    size: { totalBytes: 49, segments: [], timesSessionId: 1.5, bytesPerMillionRequests: 49_000_000, limits: [], heaviestClaims: [] },
    algorithm: { alg: 'HS256', family: 'hmac', costNote: 'HMAC verify: cheap' },
    hints: findings.filter((f) => f.code.startsWith('TL1')),
    findings: findings.filter((f) => !f.code.startsWith('TL1')),
  };
}

function harness(opts: { tty?: boolean; stdin?: string; env?: Record<string, string> } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readStdin: () => Promise.resolve(opts.stdin ?? ''),
    isTty: opts.tty ?? false,
    env: opts.env ?? {},
    version: '9.9.9',
    clock: () => Date.parse('2026-01-01T00:00:00Z'),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const withFindings =
  (findings: Finding[]): InspectFunction =>
  () => ({ ok: true, value: inspection(findings) });

describe('cli runCli', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'token-lens-cli-'));
    writeFileSync(join(dir, 'a.http'), `GET /\nAuthorization: Bearer ${TOKEN}\n\n@t = ${TOKEN}\n`);
    writeFileSync(join(dir, 'big.txt'), `x ${TOKEN}\n`.repeat(3000));
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 3]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('--fail-on error: exit 1 only when an error exists', async () => {
    for (const [findings, failOn, code] of [
      [[finding('warning', 'TL101')], 'error', 0],
      [[finding('error', 'TL201')], 'error', 1],
      [[finding('warning', 'TL101')], 'warning', 1],
      [[finding('info', 'TL301')], 'warning', 0],
      [[finding('error', 'TL201')], undefined, 0],
    ] as [Finding[], string | undefined, number][]) {
      const h = harness();
      const argv = ['decode', TOKEN, ...(failOn ? ['--fail-on', failOn] : [])];
      assert.equal(await runCli(argv, h.io, withFindings(findings)), code, `${failOn} ${findings[0].severity}`);
    }
  });

  it('decode reads stdin with -, accepts a pasted header line, and prints no token text', async () => {
    const h = harness({ stdin: `Authorization: Bearer ${TOKEN}\n` });
    let seen = '';
    const code = await runCli(['decode', '-'], h.io, (t) => {
      seen = t;
      return { ok: true, value: inspection([finding('warning', 'TL102')]) };
    });
    assert.equal(code, 0);
    assert.equal(seen, TOKEN);
    assert.match(h.out(), /JWS · HS256 · never expires · 49 B/);
    assert.match(h.out(), /warning TL102 warning finding \[article reason 2\]/);
    assert.ok(!h.out().includes(TOKEN));
  });

  it('decode of unusable input exits 2 with one line on stderr', async () => {
    const h = harness();
    assert.equal(await runCli(['decode', 'not-a-token'], h.io, withFindings([])), 2);
    assert.equal(h.err().trim().split('\n').length, 1);
    assert.match(h.err(), /^token-lens: /);
  });

  it('uses colours on a TTY, plain text otherwise, and honours NO_COLOR / --no-color', async () => {
    const colour = harness({ tty: true });
    await runCli(['decode', TOKEN], colour.io, withFindings([finding('error', 'TL201')]));
    assert.match(colour.out(), /\u001b\[31m/);
    for (const [opts, argv] of [
      [{ tty: false }, []],
      [{ tty: true, env: { NO_COLOR: '1' } }, []],
      [{ tty: true }, ['--no-color']],
    ] as [Parameters<typeof harness>[0], string[]][]) {
      const h = harness(opts);
      await runCli(['decode', TOKEN, ...argv], h.io, withFindings([finding('error', 'TL201')]));
      assert.ok(!h.out().includes('\u001b['), JSON.stringify(opts));
    }
  });

  it('decode --json of a token whose signature a copy cut short: header and payload decoded, the segment error listed (schemaVersion 2)', async () => {
    const b = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const truncated = `${b({ alg: 'RS256', typ: 'JWT' })}.${b({ sub: 'cut', exp: 1_893_456_000 })}.${'A'.repeat(41)}`;
    const h = harness();
    await runCli(['decode', truncated, '--json'], h.io, inspectToken);
    const report = JSON.parse(h.out()) as { schemaVersion: number; token: { header: { alg: string }; payload: { type: string; claims?: { sub?: string } }; segmentErrors: { segment: string; code: string }[]; findings: Finding[] } };
    assert.equal(report.schemaVersion, 2);
    assert.equal(report.token.header.alg, 'RS256');
    assert.equal(report.token.payload.claims?.sub, 'cut');
    assert.deepEqual(report.token.segmentErrors.map((e) => [e.segment, e.code]), [['signature', 'length']]);
    assert.ok(report.token.findings.some((f) => f.code === 'TL305'), 'the malformed-segment finding');
    const whole = harness();
    await runCli(['decode', `${b({ alg: 'HS256' })}.${b({ sub: 'ok' })}.${b('sig')}`, '--json'], whole.io, inspectToken);
    assert.deepEqual((JSON.parse(whole.out()) as { token: { segmentErrors: unknown[] } }).token.segmentErrors, [], 'always present, empty when every segment decoded');
  });

  it('scan --json reports offsets, line/column, context, skips binary and over-size files', async () => {
    const h = harness();
    const code = await runCli(['scan', dir, '--json', '--max-file-size', '16'], h.io, withFindings([finding('warning', 'TL101')]));
    assert.equal(code, 0);
    const report = JSON.parse(h.out()) as ScanReport;
    assert.equal(report.schemaVersion, 2);
    assert.equal(report.command, 'scan');
    assert.equal(report.now, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(
      report.skipped.map((s) => [s.path.endsWith('big.txt') || s.path.endsWith('blob.bin'), s.reason.split(' ')[0]]),
      [
        [true, 'larger'],
        [true, 'binary'],
      ],
    );
    const [file] = report.files;
    assert.ok(file.path.endsWith('a.http'));
    assert.deepEqual(
      file.tokens.map((t) => [t.line, t.column, t.context.kind, t.preview]),
      [
        [2, 23, 'authorization', TOKEN.slice(0, 12)],
        [4, 6, 'http-variable', TOKEN.slice(0, 12)],
      ],
    );
    assert.equal(file.tokens[0].inspection?.alg, 'HS256');
    assert.deepEqual(report.summary, { filesScanned: 1, tokens: 2, errors: 0, warnings: 2, allowed: 0 });
    assert.ok(!h.out().includes(TOKEN), 'scan output never carries the token itself');
  });

  it('scan text output names file:line:col and says what was skipped', async () => {
    const h = harness();
    const code = await runCli(['scan', join(dir, '*'), '--fail-on', 'warning', '--max-file-size', '16'], h.io, withFindings([finding('warning', 'TL101')]));
    assert.equal(code, 1);
    assert.match(h.out(), /a\.http:2:23 JWS · HS256/);
    assert.match(h.out(), /skipped .*blob\.bin: binary/);
    assert.match(h.out(), /2 tokens in 1 file scanned \(0 errors, 2 warnings, 2 skipped\)/);
  });

  it('scan of a missing path or an unmatched glob exits 2', async () => {
    for (const path of [join(dir, 'nope.http'), join(dir, '*.nothing')]) {
      const h = harness();
      assert.equal(await runCli(['scan', path], h.io, withFindings([])), 2);
      assert.match(h.err(), /No such file/);
    }
  });

  it('scan - reads stdin', async () => {
    const h = harness({ stdin: `GET /cb?token=${TOKEN}` });
    assert.equal(await runCli(['scan', '-', '--json'], h.io, withFindings([])), 0);
    const report = JSON.parse(h.out()) as ScanReport;
    assert.equal(report.files[0].path, '<stdin>');
    assert.equal(report.files[0].tokens[0].context.kind, 'query-param');
  });

  it('without an inspection engine, decode/scan exit 2 but --help and --version work', async () => {
    const h = harness();
    assert.equal(await runCli(['decode', TOKEN], h.io, undefined), 2);
    assert.equal(await runCli(['--version'], h.io, undefined), 0);
    assert.match(h.out(), /token-lens 9\.9\.9/);
  });
});
