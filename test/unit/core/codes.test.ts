import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FindingCodes, VERIFICATION_CODES } from '../../../src/core/codes';

/** The codes of codes.ts: the one registry every surface and the docs draw on. */
const CODES: readonly string[] = Object.values(FindingCodes);

describe('FindingCodes', () => {
  it('holds each code once, each TL + three digits, each name once', () => {
    assert.equal(new Set(CODES).size, CODES.length, 'a code under two names');
    for (const code of CODES) assert.match(code, /^TL[0-4]\d{2}$/, code);
  });
  it('keeps the old VERIFICATION_CODES name pointing at the same code', () => {
    assert.equal(VERIFICATION_CODES.weakSecret, FindingCodes.WEAK_SECRET);
  });
});

describe('docs/findings.md lists exactly the codes of codes.ts', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/findings.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| (TL\d{3}) \|/gm)].map((m) => m[1]!);

  it('a table row for every code in FindingCodes', () => {
    assert.deepEqual(CODES.filter((code) => !rows.includes(code)), []);
  });
  it('no row for a code that FindingCodes does not have, and no code twice', () => {
    assert.deepEqual(rows.filter((code) => !CODES.includes(code)), []);
    assert.equal(new Set(rows).size, rows.length, 'a code with two rows');
  });
  it('names codes.ts as the source of truth', () => {
    assert.match(doc, /src\/core\/codes\.ts/);
  });
});
