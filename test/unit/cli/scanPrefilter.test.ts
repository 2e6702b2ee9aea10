import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { bytesMayHoldToken, chunkBuffer, scanFile, tokenHash, type FileScan, type ScanContext } from '../../../src/cli/scanFile';
import { TokenStream } from '../../../src/cli/tokenStream';
import { createWeakSecretChecker, findTokens, inspectToken, mayHoldToken, thoroughScanFor } from '../../../src/core';
import { looksBinary } from '../../../src/present';

/**
 * `token-lens scan` decodes a file only when its bytes hold a candidate (core `mayHoldToken` on
 * their latin1 reading). These tests hold the prefiltered scan to the full one, the way
 * scanFile read every file before: decode all of it, stream it through the scanner.
 */
const ROOT = join(__dirname, '../../..');
const FIXTURE_TREES = ['test/fixtures/shapes', 'test/fixtures/scan', 'test/fixtures/cli-guard'].map((d) => join(ROOT, d));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

function context(): ScanContext {
  return { inspect: inspectToken, options: { now: Date.parse('2026-01-01T00:00:00Z') }, keys: [], weakSecrets: createWeakSecretChecker(), chunk: chunkBuffer() };
}

type Located = { start: number; end: number; line: number; column: number; endLine: number; endColumn: number; preview: string; tokenHash: string };

/** The full scan: every byte decoded and streamed through the scanner (what scanFile did for every file). */
function fullScan(path: string, display: string): Located[] | 'binary' {
  const bytes = readFileSync(path);
  if (looksBinary(bytes)) return 'binary';
  const decoder = new StringDecoder('utf8');
  const stream = new TokenStream({ thorough: thoroughScanFor(display) });
  const matches = [...stream.push(decoder.write(bytes)), ...stream.push(decoder.end()), ...stream.end()];
  return matches.map(({ match, line, column, endLine, endColumn }) => ({ start: match.start, end: match.end, line, column, endLine, endColumn, preview: match.token.slice(0, 12), tokenHash: tokenHash(match.token) }));
}

function located(scan: FileScan): Located[] | 'binary' | string {
  if ('skipped' in scan) return scan.skipped;
  return scan.tokens.map(({ start, end, line, column, endLine, endColumn, preview, tokenHash }) => ({ start, end, line, column, endLine, endColumn, preview, tokenHash }));
}

async function prefilteredScan(path: string, display: string): Promise<Located[] | string> {
  return located(await scanFile({ fsPath: Buffer.from(path), display, given: false, regular: true }, 2 * 1024 * 1024, context()));
}

/** Counts the text the scanner is handed while `work` runs (TokenStream.push wrapped, still called through). */
async function charactersScanned(work: () => Promise<unknown>): Promise<number> {
  const push = TokenStream.prototype.push;
  let chars = 0;
  TokenStream.prototype.push = function (this: TokenStream, text: string) {
    chars += text.length;
    return push.call(this, text);
  };
  try {
    await work();
  } finally {
    TokenStream.prototype.push = push;
  }
  return chars;
}

/** A small seeded generator (mulberry32): the same variants every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes put next to tokens: non-ASCII letters, invalid and cut UTF-8, a BOM, line ends, run characters, a dot. */
const NEIGHBOURS = [[0xc3, 0xa9], [0xff], [0xe2, 0x82], [0xef, 0xbb, 0xbf], [0x0d, 0x0a], [0x0a], [0x41], [0x2d], [0x2e], [0x20], [0x7e], [0xf0, 0x9f, 0x98, 0x80]].map((b) => Buffer.from(b));

describe('cli scan prefilter: a file is decoded only when it may hold a token', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-prefilter-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('finds exactly what the full scan finds in every shape, scan and cli-guard fixture, one-pass and thorough', async () => {
    let tokens = 0;
    let files = 0;
    for (const path of FIXTURE_TREES.flatMap(filesUnder)) {
      const name = relative(ROOT, path);
      // The file as it is named, and the same bytes named for a one-pass and for a thorough scan.
      const copies: [string, string][] = [[path, name]];
      for (const ext of ['.log', '.yaml']) {
        const copy = join(dir, `${files}${ext}`);
        writeFileSync(copy, readFileSync(path));
        copies.push([copy, `${name}${ext}`]);
      }
      for (const [file, display] of copies) {
        const full = fullScan(file, display);
        assert.deepEqual(await prefilteredScan(file, display), full, display);
        if (full !== 'binary') tokens += full.length;
      }
      files++;
    }
    // The corpus is not empty: every shape is in it (wrapped, SD-JWT, PASETO, cookies, pretty headers, live and expired JWTs).
    assert.ok(files >= 20 && tokens >= 90, `${files} files, ${tokens} tokens`);
  });

  it('finds exactly what the full scan finds in fixture pieces cut anywhere, with non-ASCII, invalid UTF-8 and run characters around them', async () => {
    const texts = FIXTURE_TREES.flatMap(filesUnder)
      .map((p) => readFileSync(p))
      .filter((b) => !looksBinary(b) && findTokens(b.toString('utf8'), { thorough: true }).length > 0);
    assert.ok(texts.length >= 10);
    const next = random(14);
    let withTokens = 0;
    for (let i = 0; i < 300; i++) {
      const source = texts[Math.floor(next() * texts.length)]!;
      // Most pieces are wide (they keep tokens whole); every third is cut anywhere, often inside a token.
      const wide = i % 3 !== 0;
      const from = Math.floor(next() * (wide ? source.length / 3 : source.length));
      const to = wide ? source.length - Math.floor(next() * (source.length / 3)) : from + Math.floor(next() * (source.length - from + 1));
      const parts: Buffer[] = [];
      // Neighbours inserted at a few random places, so tokens meet every kind of byte before and after them.
      let at = from;
      for (const cut of [from + Math.floor(next() * (to - from)), to].sort((a, b) => a - b)) {
        parts.push(source.subarray(at, cut), NEIGHBOURS[Math.floor(next() * NEIGHBOURS.length)]!);
        at = cut;
      }
      const bytes = Buffer.concat([NEIGHBOURS[Math.floor(next() * NEIGHBOURS.length)]!, ...parts]);
      const file = join(dir, `variant-${i}${i % 2 === 0 ? '.yaml' : '.txt'}`);
      writeFileSync(file, bytes);
      const display = relative(dir, file);
      const full = fullScan(file, display);
      assert.deepEqual(await prefilteredScan(file, display), full, `variant ${i} (${from}-${to})`);
      if (full !== 'binary') {
        // The latin1 reading holds the tokens the decoded text holds (scanFile decodes only when it holds one).
        const tokensOf = (text: string) => findTokens(text, { thorough: thoroughScanFor(display) }).map((m) => m.token);
        assert.deepEqual(tokensOf(bytes.toString('latin1')), tokensOf(new StringDecoder('utf8').end(bytes)), `variant ${i}, latin1 reading`);
      }
      if (full !== 'binary' && full.length > 0) {
        withTokens++;
        assert.ok(mayHoldToken(bytes.toString('latin1'), thoroughScanFor(display)), `variant ${i}`);
      }
    }
    assert.ok(withTokens >= 80, `${withTokens} of 300 variants hold a token`);
  });

  it('mayHoldToken is false only where findTokens finds nothing, over the whole text and over ranges (core)', () => {
    const next = random(7);
    for (const path of FIXTURE_TREES.flatMap(filesUnder)) {
      const text = readFileSync(path, 'utf8');
      for (let k = 0; k < 20; k++) {
        const start = Math.floor(next() * text.length);
        const end = start + Math.floor(next() * Math.min(4096, text.length - start));
        const piece = text.slice(Math.max(0, start - 600), end + 600);
        for (const thorough of [false, true]) {
          const whole = findTokens(piece, { thorough });
          const ranged = findTokens(piece, { thorough, rangeStart: Math.min(600, start), rangeEnd: piece.length - 600 });
          if (!mayHoldToken(piece, thorough)) assert.deepEqual([whole.length, ranged.length], [0, 0], `${path} ${start}-${end}`);
        }
      }
    }
  });

  it('reads the bytes in overlapping windows and misses no candidate across a window edge', () => {
    const window = 64 * 1024;
    const filler = (n: number) => Buffer.from('ab, '.repeat(Math.ceil(n / 4)).slice(0, n));
    for (const candidate of ['eyJhbGciOiJub25lIn0', 'ZXlKaGJHY2lPaUpJVXpJMU5pSjk']) {
      for (const thorough of [false, true]) {
        // The candidate starts anywhere from well before the first edge to after it, after a space or a run character.
        for (let start = window - 40; start <= window + 3; start++) {
          for (const before of [' ', 'x']) {
            const bytes = Buffer.concat([filler(start - 1), Buffer.from(before + candidate + ' '), filler(3 * window)]);
            const whole = mayHoldToken(bytes.toString('latin1'), thorough);
            // Never less than the whole text says; more only where a window starts right before a candidate.
            if (whole) assert.equal(bytesMayHoldToken(bytes, thorough), true, `${candidate} at ${start}, after '${before}'`);
          }
        }
      }
    }
    assert.equal(bytesMayHoldToken(filler(5 * window), true), false);
    assert.equal(bytesMayHoldToken(Buffer.alloc(0), false), false);
  });

  it('never hands a file without a candidate to the scanner; a file with one is scanned', async () => {
    // Words with the candidates' letters that start none: `key`, `eye`, `new`, `ewe`, `eyJ` inside a run; non-ASCII text.
    const plain = 'const keyCode = new View(eyes); // ewe, they, ünïcödé, abceyJhbGciOiJIUzI1NiJ9x, e30\n'.repeat(2000);
    const none = join(dir, 'none.js');
    writeFileSync(none, plain);
    assert.equal(mayHoldToken(Buffer.from(plain).toString('latin1')), false);
    assert.equal(await charactersScanned(async () => assert.deepEqual(await prefilteredScan(none, 'none.js'), [])), 0);

    // One candidate at the end (a header that is no token) in non-ASCII text: its latin1 reading
    // is scanned and holds no token, so the file is not decoded.
    const one = join(dir, 'one.js');
    writeFileSync(one, `${plain} eyJhbGciOiJub25lIn0\n`);
    assert.equal(await charactersScanned(async () => assert.deepEqual(await prefilteredScan(one, 'one.js'), [])), 0);

    // A token there: the whole file is decoded and scanned, and the token placed by the decoded text.
    const token = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.';
    const two = join(dir, 'two.js');
    writeFileSync(two, `${plain} ${token}\n`);
    let found: Awaited<ReturnType<typeof prefilteredScan>> = [];
    assert.equal(await charactersScanned(async () => (found = await prefilteredScan(two, 'two.js'))), plain.length + token.length + 2);
    assert.deepEqual(found, fullScan(two, 'two.js'));
    assert.equal(Array.isArray(found) && found.map((t) => [t.line, t.column]).join(), '2001,2');
  });
});
