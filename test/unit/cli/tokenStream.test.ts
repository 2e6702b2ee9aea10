import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createWeakSecretChecker, findTokens, inspectToken } from '../../../src/core';
import { LineIndex } from '../../../src/present';
import { scanFile, type FileScan } from '../../../src/cli/scanFile';
import { TokenStream } from '../../../src/cli/tokenStream';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlc2lnbmF0dXJl';
const TOKEN_B = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJiIn0.';

/** What a whole-text scan reports: offsets, 1-based line/column of start and end, context. */
function wholeScan(text: string, maxTokenLength?: number, thorough = false) {
  const lines = new LineIndex(text);
  return findTokens(text, { maxTokenLength, thorough }).map((m) => {
    const s = lines.positionAt(m.start);
    const e = lines.positionAt(m.end);
    return { start: m.start, end: m.end, line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1, context: m.context, token: m.token };
  });
}

/** The same text pushed in pieces of `size` characters. */
function streamed(text: string, size: number, maxTokenLength?: number, thorough = false) {
  const stream = new TokenStream({ maxTokenLength, thorough });
  const found = [];
  for (let i = 0; i < text.length; i += size) found.push(...stream.push(text.slice(i, i + size)));
  found.push(...stream.end());
  return found.map(({ match: m, line, column, endLine, endColumn }) => ({ start: m.start, end: m.end, line, column, endLine, endColumn, context: m.context, token: m.token }));
}

describe('cli TokenStream: text in pieces gives what the whole text gives', () => {
  const text = [
    'GET /\n',
    `Authorization: Bearer ${TOKEN}\n`,
    'x'.repeat(300),
    ` cookie=${TOKEN_B} `,
    `\n\n"access_token": "${TOKEN}"\n`,
    `a long line ${'y'.repeat(700)} token=${TOKEN}`,
  ].join('');

  it('every piece size, from 1 character up, finds each token once with the same place and context', () => {
    const expected = wholeScan(text);
    assert.equal(expected.length, 4);
    for (const size of [1, 2, 3, 7, 16, 50, 64, 100, 333, text.length]) assert.deepEqual(streamed(text, size, 80), wholeScan(text, 80), `pieces of ${size}`);
    for (const size of [1, 64, 1000]) assert.deepEqual(streamed(text, size), expected, `pieces of ${size}, default bound`);
  });

  it('the default token length bound behaves the same (a piece far smaller than the overlap)', () => {
    assert.deepEqual(streamed(text, 97), wholeScan(text));
  });

  it('property: random texts of tokens, separators and newlines, cut anywhere', () => {
    const part = fc.constantFrom(TOKEN, TOKEN_B, ' ', '\n', 'Bearer ', 'a=', '.', 'eyJ', 'é', '\r\n', 'x'.repeat(40));
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), fc.integer({ min: 1, max: 120 }), (parts, size) => {
        const t = parts.join('');
        assert.deepEqual(streamed(t, size, 90), wholeScan(t, 90));
      }),
      { numRuns: 300 },
    );
  });
});

describe('cli TokenStream: a thorough scan (base64-wrapped tokens, as in Kubernetes Secrets)', () => {
  const wrapped = Buffer.from(TOKEN).toString('base64');
  const text = `apiVersion: v1\nkind: Secret\ndata:\n  token: ${wrapped}\n  other: ${Buffer.from(TOKEN_B).toString('base64')}\n  plain: ${TOKEN}\n`;

  it('finds the wrappers across piece edges as the whole text does', () => {
    const expected = wholeScan(text, 200, true);
    assert.ok(expected.length >= 3, JSON.stringify(expected.map((m) => m.start)));
    assert.ok(expected.length > wholeScan(text, 200).length, 'the thorough scan finds the wrapped ones');
    for (const size of [1, 3, 17, 64, 101, text.length]) assert.deepEqual(streamed(text, size, 200, true), expected, `pieces of ${size}`);
  });

  it('property: wrapped and bare tokens in random texts, cut anywhere', () => {
    const part = fc.constantFrom(wrapped, TOKEN, TOKEN_B, ' ', '\n', 'token: ', '"', 'x'.repeat(30), '=');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 30 }), fc.integer({ min: 1, max: 150 }), (parts, size) => {
        const t = parts.join('');
        assert.deepEqual(streamed(t, size, 200, true), wholeScan(t, 200, true));
      }),
      { numRuns: 300 },
    );
  });
});

describe('cli scanFile: chunked reading', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-chunks-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ctx = (chunkBytes: number) => ({ inspect: inspectToken, options: { now: Date.parse('2026-01-01T00:00:00Z') }, keys: [], weakSecrets: createWeakSecretChecker(), chunk: Buffer.alloc(chunkBytes) });
  const places = (scan: FileScan) => ('tokens' in scan ? scan.tokens.map((t) => [t.start, t.line, t.column, t.preview]) : scan.skipped);

  it('tokens across chunk edges, and multi-byte characters cut by an edge, are found once where they are', async () => {
    // 'é' is two bytes in UTF-8: offsets count UTF-16 code units, as the whole-text scan does.
    const text = `é${'.'.repeat(1000)} ${TOKEN}\n${'ü'.repeat(500)} ${TOKEN_B}\n${TOKEN}`;
    const path = join(dir, 'edges.log');
    writeFileSync(path, text);
    const expected = wholeScan(text).map((m) => [m.start, m.line, m.column, m.token.slice(0, 12)]);
    assert.equal(expected.length, 3);
    const file = { fsPath: Buffer.from(path), display: path, given: true };
    for (const chunk of [1, 5, 64, 1009, 1024, 4096, 1 << 20]) assert.deepEqual(places(await scanFile(file, 1024, ctx(chunk))), expected, `chunks of ${chunk} bytes`);
  });

  it('a file named on the command line is read whatever its size; found by a walk, it is capped', async () => {
    const path = join(dir, 'big.log');
    writeFileSync(path, `${'z'.repeat(3000)} ${TOKEN}\n`);
    const given = await scanFile({ fsPath: Buffer.from(path), display: path, given: true }, 1024, ctx(512));
    assert.equal(places(given).length, 1);
    const walked = await scanFile({ fsPath: Buffer.from(path), display: path, given: false }, 1024, ctx(512));
    assert.deepEqual(walked, { path, skipped: 'larger than 1 KiB (3 KiB)', given: false });
  });

  it('a binary file is skipped from its first chunk', async () => {
    const path = join(dir, 'blob.bin');
    writeFileSync(path, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(` ${TOKEN}`)]));
    assert.deepEqual(await scanFile({ fsPath: Buffer.from(path), display: path, given: true }, 1 << 20, ctx(1 << 16)), { path, skipped: 'binary' });
  });
});
