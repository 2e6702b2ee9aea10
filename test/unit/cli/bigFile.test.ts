import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHUNK_BYTES } from '../../../src/cli/files';
import type { ScanReport } from '../../../src/cli/report';

const ROOT = join(__dirname, '../../..');
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJsb2ctdXNlciJ9.c2lnbmF0dXJlc2lnbmF0dXJlc2lnbmF0dXJl';
/** File size; TOKEN_LENS_BIG_FILE_MB=2048 runs the 2 GB case. */
const SIZE_MB = Number(process.env.TOKEN_LENS_BIG_FILE_MB ?? 1024);
const RSS_LIMIT_MB = 300;

/**
 * A sparse log of SIZE_MB: a text head (so it is not taken for binary), holes read as NUL
 * bytes, and an `Authorization:` line across every 8th chunk edge of the reader, half of the
 * token before the edge and half after. The CLI runs in a child process that reports its peak
 * RSS (`process.resourceUsage().maxRSS`) at exit.
 */
describe('token-lens scan of a file larger than memory should need (child process)', function () {
  this.timeout(180_000);
  let dir: string;
  let path: string;
  const offsets: number[] = [];
  const head = 'a sparse log\n'.repeat(1000);
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-big-'));
    path = join(dir, 'big.log');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, head, 0);
      for (let edge = CHUNK_BYTES; edge < SIZE_MB * 1024 * 1024 - 1024; edge += 8 * CHUNK_BYTES) {
        const line = `\nAuthorization: Bearer ${TOKEN}\n`;
        const at = edge - 22 - Math.floor(TOKEN.length / 2);
        writeSync(fd, line, at);
        offsets.push(at + 22 + 1);
      }
      ftruncateSync(fd, SIZE_MB * 1024 * 1024);
    } finally {
      closeSync(fd);
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it(`is scanned whole when named, each token across a chunk edge once, in < ${RSS_LIMIT_MB} MB RSS`, () => {
    const preload = join(dir, 'rss.cjs');
    writeFileSync(preload, `process.on('exit', () => process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'));\n`);
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--require', preload, '--import', tsx, join(ROOT, 'src/cli/main.ts'), 'scan', path, '--json', '--now', '2026-01-01T00:00:00Z'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    assert.equal(r.status, 0, r.stderr);
    const rssMb = Number(/maxRSS=(\d+)/.exec(r.stderr)![1]) / 1024;
    console.log(`      ${SIZE_MB} MB file: ${seconds.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB, ${offsets.length} tokens across chunk edges`);
    const report = JSON.parse(r.stdout) as ScanReport;
    assert.deepEqual(report.skipped, []);
    const tokens = report.files[0]!.tokens;
    assert.deepEqual(
      tokens.map((t) => t.start),
      offsets,
      'every token once, at its offset',
    );
    // The head has 1000 lines; each token line adds two newlines before the next one.
    assert.deepEqual(
      tokens.map((t) => [t.line, t.column, t.context.kind]),
      offsets.map((_, i) => [1000 + 2 * i + 2, 23, 'authorization']),
    );
    assert.ok(rssMb < RSS_LIMIT_MB, `peak RSS ${rssMb.toFixed(0)} MB`);
  });

  it('found by a directory walk, the same file is skipped over the size cap', () => {
    const tsx = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
    const r = spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'src/cli/main.ts'), 'scan', dir, '--json'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as ScanReport;
    assert.deepEqual(
      report.skipped.map((s) => s.reason),
      [`larger than 2048 KiB (${SIZE_MB * 1024} KiB)`],
    );
  });
});
