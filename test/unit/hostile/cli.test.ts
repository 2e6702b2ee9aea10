// Hostile files against the `token-lens` CLI (issue 8, items 5–7): an attacker controls files
// in a repository that a pre-commit hook or a CI job scans. The output must not drive the
// terminal, special files must not stall or exhaust the scan, and no file may hide by its name.
// Cases that hung or grew without bound before the fix run in a child process, so the guard
// can stop them; nothing here measures time (glob growth is in test/perf/cli-glob.test.ts).
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { PLAIN, COLOR, renderInspection, scanErrorLine, scanTokenLines, skippedLine } from '../../../src/cli/report';
import { runChild, runInProcess } from '../cli/harness';
import { inspectToken } from '../../../src/core';
import type { Inspection } from '../../../src/core/types';

const NOW = '2026-01-01T00:00:00Z';
const ESC = '\u001b';

/** Erase line, retitle (OSC 0), write the clipboard (OSC 52), C1 CSI, bidi override + isolate, lone CR. */
const ERASE = `${ESC}[2K`;
const TITLE = `${ESC}]0;owned${ESC}\\`;
const CLIPBOARD = `${ESC}]52;c;ZWNobyBvd25lZA==\u0007`;
const C1_CSI = '\u009b2J';
const BIDI = '\u202eevil\u2066';
const HOSTILE = `${ERASE}${TITLE}${CLIPBOARD}${C1_CSI}${BIDI}\rX`;

/**
 * Code points a terminal acts on: C0 except line feed (our own line breaks), DEL, C1 (U+0080–
 * U+009F), bidi embeddings/overrides/isolates. Checked on code points, as UTF-8 bytes 0x80–0x9F
 * are also ordinary continuation bytes.
 */
function rawControls(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m.index}`);
}

/** With colour on, every ESC must open one of our own SGR sequences (`ESC [ digits m`). */
function foreignEscapes(text: string): number {
  return [...text.matchAll(/\u001b(?!\[\d+m)/g)].length + rawControls(text.replace(/\u001b\[\d+m/g, '')).length;
}

/** A JWS whose header and payload are exactly these JSON texts (duplicate names kept). */
function rawToken(headerJson: string, payloadJson: string): string {
  return `${base64url.encode(headerJson)}.${base64url.encode(payloadJson)}.c2lnbmF0dXJl`;
}

const json = (s: string) => JSON.stringify(s);
/** `alg`, claim text, duplicate member names and an invalid `exp` carry the payloads. */
const HOSTILE_TOKEN = rawToken(
  `{"alg":${json(`HS256${HOSTILE}`)},"kid":${json(`k${TITLE}`)}}`,
  `{"sub":${json(`a${CLIPBOARD}`)},${json(`dup${ERASE}`)}:1,${json(`dup${ERASE}`)}:2,"note":${json(`${C1_CSI}${BIDI}`)},"exp":${json(`soon${ERASE}`)},"iat":1}`,
);

const run = (argv: string[], tty = false) => runInProcess(argv, { tty, now: NOW });
/** The real entry point in a child process, for the cases that never ended before the fix. */
const cli = (args: string[]) => runChild(args, { timeout: 15_000 });

describe('hostile files: CLI text output carries no terminal controls (issue 8, item 6)', () => {
  let dir: string;
  const evilName = `name${ESC}]0;T\u0007\n${C1_CSI}.env`;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-hostile-cli-'));
    writeFileSync(join(dir, 'request.http'), `GET /\nAuthorization: Bearer ${HOSTILE_TOKEN}\n`);
    writeFileSync(join(dir, 'config.json'), `{"to${ERASE}${TITLE}ken": "${HOSTILE_TOKEN}"}\n`);
    writeFileSync(join(dir, evilName), `T=${HOSTILE_TOKEN}\n`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('scan: alg, claim text, duplicate names, context names and file names are shown escaped', async () => {
    const r = await run(['scan', dir, '--now', NOW]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(rawControls(r.out.replace(/\n$/, '').split('\n').join('')), []);
    assert.ok(r.out.includes('HS256\\x1b[2K\\x1b]0;owned\\x1b\\\\x1b]52;c;'), r.out);
    assert.ok(r.out.includes('name\\x1b]0;T\\x07\\n\\x9b2J.env:1:3'), 'the file name, newline included, on one line');
    assert.ok(r.out.includes('(json-key to\\x1b[2K\\x1b]0;owned'), 'the context name');
    assert.match(r.out, /3 tokens in 3 files scanned/);
    const colour = await run(['scan', dir, '--now', NOW, '--color']);
    assert.equal(foreignEscapes(colour.out), 0);
  });

  it('decode: header, payload, duplicate names, time claims and findings are shown escaped', async () => {
    for (const tty of [false, true]) {
      const r = await run(['decode', HOSTILE_TOKEN, '--now', NOW, ...(tty ? ['--color'] : [])]);
      assert.equal(r.code, 0, r.err);
      if (tty) assert.equal(foreignEscapes(r.out), 0);
      else assert.deepEqual(rawControls(r.out), []);
      assert.match(r.out, /duplicate keys: payload:dup\\x1b\[2K/);
      assert.match(r.out, /evidence:.*HS256\\x1b\[2K/);
    }
  });

  it('--json: the same values, with C1, DEL and bidi controls as \\u escapes (JSON.stringify leaves them raw)', async () => {
    const r = await run(['decode', HOSTILE_TOKEN, '--now', NOW, '--json']);
    assert.deepEqual(rawControls(r.out.replace(/\n/g, '')), []);
    const report = JSON.parse(r.out) as { token: { alg: string; payload: { claims: { note: string } } } };
    assert.equal(report.token.alg, `HS256${HOSTILE}`);
    assert.equal(report.token.payload.claims.note, `${C1_CSI}${BIDI}`);
    const scan = await run(['scan', dir, '--now', NOW, '--json']);
    assert.deepEqual(rawControls(scan.out.replace(/\n/g, '')), []);
    assert.ok((JSON.parse(scan.out) as { files: { path: string }[] }).files.some((f) => f.path.endsWith(evilName)));
  });

  it('stderr: a hostile path or key file name in the one-line error is escaped', async () => {
    const missing = await run(['scan', join(dir, `missing${ERASE}${CLIPBOARD}`)]);
    assert.equal(missing.code, 2);
    assert.deepEqual(rawControls(missing.err.replace(/\n$/, '')), []);
    assert.match(missing.err, /missing\\x1b\[2K/);
    const key = await run(['decode', HOSTILE_TOKEN, '--key', join(dir, `k${TITLE}.pem`)]);
    assert.equal(key.code, 2);
    assert.deepEqual(rawControls(key.err.replace(/\n$/, '')), []);
  });

  it('signature line: the key file name quoted in the verification result is escaped', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const keyFile = join(dir, `key${TITLE}${C1_CSI}.pem`);
    writeFileSync(keyFile, await exportSPKI(publicKey));
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const r = await run(['decode', token, '--key', keyFile, '--now', NOW]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /signature: verified — .*key\\x1b\]0;owned\\x1b\\\\x9b2J\.pem/);
    assert.deepEqual(rawControls(r.out), []);
  });

  it('every string of an inspection, whatever branch prints it, is escaped (render and scan lines)', () => {
    const base = inspectToken(HOSTILE_TOKEN, { now: Date.parse(NOW) });
    assert.ok(base.ok);
    // Discriminants select branches; everything else is treated as text a file could hold.
    const discriminants = new Set(['kind', 'type', 'status', 'severity', 'family', 'segment']);
    const poison = (value: unknown, key = ''): unknown => {
      if (typeof value === 'string') return discriminants.has(key) ? value : `${value}${HOSTILE}`;
      if (Array.isArray(value)) return value.map((v) => poison(v, key));
      if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
      return value;
    };
    const hostile = poison(base.value) as Inspection;
    const payloads: Inspection['decoded']['payload'][] = [
      hostile.decoded.payload,
      { type: 'json', value: [HOSTILE], json: json(HOSTILE) },
      { type: 'text', text: HOSTILE },
      { type: 'bytes', byteLength: 3, reason: HOSTILE },
    ];
    const extra: Partial<Inspection['decoded']> = { payloadNote: HOSTILE, lossyNumbers: [{ segment: 'header', path: HOSTILE, raw: HOSTILE }] };
    for (const payload of payloads) {
      for (const decoded of [{ ...hostile.decoded, payload }, { ...hostile.decoded, payload, ...extra }]) {
        const inspection: Inspection = {
          ...hostile,
          decoded,
          size: { ...hostile.size, limits: [{ label: HOSTILE, bytes: 1, used: 2, exceeded: true, source: HOSTILE } as Inspection['size']['limits'][number]] },
        };
        assert.deepEqual(rawControls(renderInspection(inspection, PLAIN).split('\n').join('')), [], payload.type);
        assert.equal(foreignEscapes(renderInspection(inspection, COLOR)), 0);
        const located = { start: 0, end: 1, line: 1, column: 1, context: { kind: 'header' as const, name: HOSTILE }, preview: '' };
        const verification = { status: 'invalid-signature' as const, alg: HOSTILE, keyLabels: [HOSTILE], message: HOSTILE };
        const error = { code: 'ERR_SEGMENT_COUNT' as const, message: HOSTILE };
        const lines = [...scanTokenLines(HOSTILE, located, inspection, verification, PLAIN), scanErrorLine(HOSTILE, located, error, PLAIN), skippedLine({ path: HOSTILE, reason: HOSTILE }, PLAIN)];
        assert.deepEqual(rawControls(lines.join('')), []);
      }
    }
  });
});

describe('hostile files: devices, FIFOs, sockets and lying sizes never stall the scan (issue 8, item 7)', function () {
  this.timeout(60_000);
  let dir: string;
  let server: Server | undefined;
  before(async function () {
    if (process.platform === 'win32') this.skip();
    dir = mkdtempSync(join(tmpdir(), 'tl-special-'));
    mkdirSync(join(dir, 'tree'));
    writeFileSync(join(dir, 'tree', 'plain.env'), `T=${HOSTILE_TOKEN}\n`);
    execFileSync('mkfifo', [join(dir, 'tree', 'pipe')]);
    symlinkSync('/dev/zero', join(dir, 'tree', 'zero-link'));
    symlinkSync('/dev/zero', join(dir, 'zero-link'));
    const socket = join(dir, 'tree', 'sock');
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(socket, resolve));
  });
  after(async () => {
    if (server) await new Promise((resolve) => server!.close(resolve));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('scan of a FIFO, /dev/zero, a link to /dev/zero and a socket finishes and lists each as skipped, with why', () => {
    const tree = join(dir, 'tree');
    const r = cli(['scan', tree, join(tree, 'pipe'), '/dev/zero', join(dir, 'zero-link'), join(tree, 'sock'), '--json', '--now', NOW]);
    assert.equal(r.signal, null, 'the scan finished');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string }[]; skipped: { path: string; reason: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), [join(tree, 'plain.env')]);
    assert.deepEqual(
      report.skipped.map((s) => [s.path, s.reason]),
      [
        [join(tree, 'pipe'), 'not a regular file (FIFO)'],
        [join(tree, 'sock'), 'not a regular file (socket)'],
        [join(tree, 'zero-link'), 'symbolic link (not followed)'],
        ['/dev/zero', 'not a regular file (character device)'],
        [join(dir, 'zero-link'), 'not a regular file (character device)'],
      ],
    );
  });

  it('--key /dev/zero and --jwks <FIFO> exit 2 with a clear message', () => {
    for (const [flag, path, kind] of [
      ['--key', '/dev/zero', 'character device'],
      ['--jwks', join(dir, 'tree', 'pipe'), 'FIFO'],
    ]) {
      const r = cli(['decode', HOSTILE_TOKEN, flag, path]);
      assert.equal(r.signal, null, `${flag} finished`);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `token-lens: cannot read key file ${path}: not a regular file (${kind})\n`);
    }
  });

  it('a file whose size stat reports wrongly (0 in /proc) is read only up to the cap', async function () {
    if (process.platform !== 'linux') this.skip();
    // Found by a glob: the cap applies to walks and globs (a file named on the command line is read whatever its size).
    const r = await run(['scan', '/proc/self/statu?', '--max-file-size', '0.25', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { files: unknown[]; skipped: { path: string; reason: string }[] };
    assert.deepEqual(report.files, []);
    assert.deepEqual(report.skipped, [{ path: '/proc/self/status', reason: 'larger than 0 KiB (read stopped there)' }]);
  });
});

describe('hostile files: names that are not UTF-8 (issue 8, item 7)', () => {
  let dir: string;
  let created = false;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-bytes-'));
    try {
      writeFileSync(Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff, 0xfe, 0x1b]), Buffer.from('.env')]), `T=${HOSTILE_TOKEN}\n`);
      created = true;
    } catch {
      // File systems that insist on UTF-8 names (APFS) cannot hold this case.
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a token in such a file is found, --fail-on fails, and the name is shown with \\xNN escapes', async function () {
    if (!created) this.skip();
    const r = await run(['scan', dir, '--fail-on', 'warning', '--now', NOW]);
    assert.equal(r.code, 1, r.out);
    assert.ok(r.out.includes(`${join(dir, 'bad')}\\xff\\xfe\\x1b.env:1:3 JWS`), r.out);
    assert.doesNotMatch(r.out, /skipped/);
    const viaGlob = await run(['scan', join(dir, '**/*.env'), '--json', '--now', NOW]);
    assert.deepEqual((JSON.parse(viaGlob.out) as { files: { path: string }[] }).files.map((f) => f.path), [`${join(dir, 'bad')}\\xff\\xfe${ESC}.env`]);
  });
});

describe('hostile globs: repeated **/ (issue 8, item 5)', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-glob-'));
    const deep = join(dir, ...Array.from({ length: 24 }, () => 'a'));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'x.env'), `T=${HOSTILE_TOKEN}\n`);
    writeFileSync(join(deep, 'y.txt'), 'nothing\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('24 × "**/" over a 24-deep tree matches the same files as one "**/", and finishes', () => {
    const many = `${dir}/${'**/'.repeat(24)}`;
    const r = cli(['scan', `${many}*.env`, `${many}a/**/a/**/a/*.env`, '--json', '--now', NOW]);
    assert.equal(r.signal, null, 'the scan finished');
    assert.equal(r.code, 0, r.stderr);
    const files = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(files, [join(dir, ...Array.from({ length: 24 }, () => 'a'), 'x.env')]);
    const none = cli(['scan', `${many}*.nothing`]);
    assert.equal(none.signal, null, 'an unmatched glob finished');
    assert.equal(none.code, 2);
  });
});
