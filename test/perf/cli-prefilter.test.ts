import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chunkBuffer, scanFile, type ScanContext } from '../../src/cli/scanFile';
import { createWeakSecretChecker, inspectToken } from '../../src/core';
import { note } from './lib/measure';

/**
 * `token-lens scan` decodes and scans a file only when its bytes hold a candidate (issue 14,
 * the node_modules bench): most files of a tree hold none. Two trees of the same files, one
 * where each file also holds a candidate that is no token: scanning the tree without candidates
 * must cost well under the other (about 0.2× here; with every file decoded it is about 1×).
 */
const FILES = 100;
/** Source-like text with non-ASCII letters (so decoding is real work) and the candidates' letters in words. */
const BODY = 'const keyCode = new View(eyes); // they, ewe, ünïcödé — naïve café\n'.repeat(400);
const CANDIDATE = ' eyJhbGciOiJub25lIn0\n';
const MAX_RATIO = 0.6;
const RUNS = 21;

describe('cli scan prefilter: a tree of files without candidates is not decoded', () => {
  let dir: string;
  const ctx: ScanContext = { inspect: inspectToken, options: { now: 0 }, keys: [], weakSecrets: createWeakSecretChecker(), chunk: chunkBuffer() };
  const trees: Record<'none' | 'one', string[]> = { none: [], one: [] };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-prefilter-perf-'));
    for (let i = 0; i < FILES; i++) {
      for (const kind of ['none', 'one'] as const) {
        const path = join(dir, `${kind}-${i}.ts`);
        writeFileSync(path, kind === 'none' ? BODY : BODY + CANDIDATE);
        trees[kind].push(path);
      }
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const scanTree = async (paths: readonly string[]) => {
    let tokens = 0;
    for (const path of paths) {
      const scan = await scanFile({ fsPath: Buffer.from(path), display: path, given: false, regular: true }, 2 * 1024 * 1024, ctx);
      if ('tokens' in scan) tokens += scan.tokens.length;
    }
    return tokens;
  };

  it(`scans ${FILES} files without candidates in under ${MAX_RATIO}× the time of the same files with one`, async () => {
    // scanFile reads and scans a file before it returns (the promise carries the inspections, and these files hold no token): calls in a loop time it whole.
    const syncScan = (paths: readonly string[]) => () => {
      for (const path of paths) void scanFile({ fsPath: Buffer.from(path), display: path, given: false, regular: true }, 2 * 1024 * 1024, ctx);
    };
    // The two trees alternate; the median of the rounds' ratios counts, so a burst of load in one round does not.
    const time = (kind: 'none' | 'one') => {
      const t0 = performance.now();
      syncScan(trees[kind])();
      return performance.now() - t0;
    };
    time('none');
    time('one');
    const ratios: number[] = [];
    for (let run = 0; run < RUNS; run++) ratios.push(run % 2 === 0 ? time('none') / time('one') : 1 / (time('one') / time('none')));
    const ratio = [...ratios].sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    note(`without candidates / with one candidate a file: ${ratio.toFixed(2)}× (median of ${RUNS} rounds; ${ratios.map((r) => r.toFixed(2)).join(' ')})`);
    assert.equal(await scanTree(trees.one), 0);
    assert.ok(ratio <= MAX_RATIO, `${ratio.toFixed(2)}× (bound ${MAX_RATIO}×)`);
  });
});
