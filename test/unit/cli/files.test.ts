import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { displayPath, expandPaths, globMatcher, readRegularFile } from '../../../src/cli/files';

/** The regex conversion `globMatcher` replaced: the same language, by backtracking (the oracle). */
function regexOracle(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      if (glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else {
        re += '.*';
        i += 1;
      }
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

describe('cli globMatcher', () => {
  it('matches *, ?, ** and **/ as the README says, anything else literally', () => {
    const cases: [string, string, boolean][] = [
      ['*.http', 'a.http', true],
      ['*.http', 'dir/a.http', false],
      ['**/*.env', 'app.env', true],
      ['**/*.env', 'a/b/c/app.env', true],
      ['**/*.env', 'a/b/c/app.envx', false],
      ['a/**/b', 'a/b', true],
      ['a/**/b', 'a/x/y/b', true],
      ['a/**/b', 'ab', false],
      ['a/**', 'a/x/y', true],
      ['?.txt', 'a.txt', true],
      ['?.txt', '/.txt', false],
      ['a.[b]+c', 'a.[b]+c', true],
      ['a.[b]+c', 'aX[b]+c', false],
      ['**/**/**/x', 'x', true],
      ['**/**/**/x', 'a/b/x', true],
      ['**/a*/**/a*/x', 'a/ab/q/ac/x', true],
      ['**/a*/**/a*/x', 'a/b/x', false],
      ['😀*', '😀z', true],
    ];
    for (const [glob, path, expected] of cases) assert.equal(globMatcher(glob)(path), expected, `${glob} ~ ${path}`);
  });

  it('accepts exactly what the old regex conversion accepted (property, small patterns)', () => {
    const globPart = fc.constantFrom('a', 'b', '/', '*', '?', '**', '**/', '.');
    const pathPart = fc.constantFrom('a', 'b', '/', '.', 'ab');
    fc.assert(
      fc.property(fc.array(globPart, { maxLength: 7 }), fc.array(pathPart, { maxLength: 8 }), (g, p) => {
        const glob = g.join('');
        const path = p.join('');
        assert.equal(globMatcher(glob)(path), regexOracle(glob).test(path), `${glob} ~ ${path}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('cli displayPath', () => {
  it('keeps UTF-8 names and shows every other byte as \\xNN', () => {
    assert.equal(displayPath(Buffer.from('dir/ünï 😀.env')), 'dir/ünï 😀.env');
    assert.equal(displayPath(Buffer.from([0x61, 0xff, 0xfe, 0x62])), 'a\\xff\\xfeb');
    // A truncated sequence, an overlong encoding and an encoded surrogate are not UTF-8.
    assert.equal(displayPath(Buffer.from([0xe2, 0x82, 0x61])), '\\xe2\\x82a');
    assert.equal(displayPath(Buffer.from([0xc0, 0xaf])), '\\xc0\\xaf');
    assert.equal(displayPath(Buffer.from([0xed, 0xa0, 0x80, 0xc3, 0xa9])), '\\xed\\xa0\\x80é');
  });
});

describe('cli readRegularFile', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-read-'));
    writeFileSync(join(dir, 'ten'), '0123456789');
    writeFileSync(join(dir, 'big'), 'x'.repeat(200_000));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a file up to the cap inclusive, and refuses one byte more', () => {
    const exact = readRegularFile(join(dir, 'ten'), 10);
    assert.ok(exact.ok);
    assert.equal(exact.bytes.toString(), '0123456789');
    assert.deepEqual(readRegularFile(join(dir, 'ten'), 9), { ok: false, reason: 'larger than 0 KiB (0 KiB)' });
    const big = readRegularFile(join(dir, 'big'), 1024 * 1024);
    assert.ok(big.ok);
    assert.equal(big.bytes.length, 200_000);
  });

  it('says why it does not read a directory or a missing path', () => {
    assert.deepEqual(readRegularFile(dir, 100), { ok: false, reason: 'not a regular file (directory)' });
    assert.deepEqual(readRegularFile(join(dir, 'missing'), 100), { ok: false, reason: 'unreadable' });
  });
});

describe('cli expandPaths', () => {
  let dir: string;
  const cwd = process.cwd();
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-expand-'));
    mkdirSync(join(dir, 'tree/sub/node_modules'), { recursive: true });
    for (const f of ['tree/b.txt', 'tree/a.log', 'tree/sub/c.txt', 'tree/sub/node_modules/d.txt']) writeFileSync(join(dir, f), f);
    // A name that is not UTF-8 (byte 0xff), made by its bytes.
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'tree/n')), Buffer.from([0xff]), Buffer.from('.txt')]), 'x');
    symlinkSync('b.txt', join(dir, 'tree/link.txt'));
    process.chdir(dir);
  });
  after(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  const listed = (args: string[]) => expandPaths(args).map((f) => [f.display, f.given, f.regular === true, f.skipped ?? '']);

  it('walks in byte order, skips nested node_modules, lists links as skipped and marks regular files', () => {
    assert.deepEqual(listed(['tree']), [
      ['tree/a.log', false, true, ''],
      ['tree/b.txt', false, true, ''],
      ['tree/link.txt', false, false, 'symbolic link (not followed)'],
      ['tree/n\\xff.txt', false, true, ''],
      ['tree/sub/c.txt', false, true, ''],
    ]);
    assert.deepEqual(expandPaths(['tree'])[3]!.fsPath, Buffer.concat([Buffer.from('tree/n'), Buffer.from([0xff]), Buffer.from('.txt')]));
  });

  it('lists a file reached by several arguments once, where it was first reached', () => {
    const once = listed(['tree/sub/c.txt', 'tree', './tree/', 'tree/**/*.txt']);
    assert.deepEqual(once.map(([display]) => display), ['tree/sub/c.txt', 'tree/a.log', 'tree/b.txt', 'tree/link.txt', 'tree/n\\xff.txt']);
    assert.equal(once[0]![1], true);
  });
});
