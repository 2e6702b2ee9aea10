import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FindingCodes } from '../../../src/core/codes';
import { FINDING_HELP_SOURCE, type FindingHelp } from '../../../src/cli/sarif';

const ROOT = join(__dirname, '../../..');
const HELP_JSON = join(ROOT, 'src/present/finding-help.json');

/**
 * The table rows of docs/findings.md (`| TL… | severity | meaning | reference |`). A `|` inside
 * backticks (TL204 lists it) is part of the cell, as GitHub's Markdown reads it.
 */
function findingRows(markdown: string): Record<string, FindingHelp> {
  const rows: Record<string, FindingHelp> = {};
  for (const line of markdown.split('\n')) {
    if (!/^\| TL\d{3} \|/.test(line)) continue;
    const cells: string[] = [];
    let cell = '';
    let code = false;
    for (const c of line.slice(1)) {
      if (c === '`') code = !code;
      if (c === '|' && !code) {
        cells.push(cell.trim());
        cell = '';
      } else cell += c;
    }
    const [id, severity, meaning, reference] = cells;
    rows[id!] = { severity: severity!, meaning: meaning!, reference: reference! };
  }
  return rows;
}

/**
 * SARIF rules carry the text of docs/findings.md (the one place the codes are described):
 * the CLI bundle cannot read docs at run time, so src/present/finding-help.json holds the rows,
 * made from the page by this test. Regenerate after editing the page:
 * `UPDATE_FINDING_HELP=1 npx mocha test/unit/cli/findingHelp.test.ts`.
 */
describe('cli finding-help.json is the rows of docs/findings.md', () => {
  const rows = findingRows(readFileSync(join(ROOT, FINDING_HELP_SOURCE), 'utf8'));
  if (process.env.UPDATE_FINDING_HELP) writeFileSync(HELP_JSON, JSON.stringify({ source: FINDING_HELP_SOURCE, rules: rows }, null, 2) + '\n');
  const stored = JSON.parse(readFileSync(HELP_JSON, 'utf8')) as { source: string; rules: Record<string, FindingHelp> };

  it('holds exactly the rows of the page (regenerate: UPDATE_FINDING_HELP=1 npx mocha test/unit/cli/findingHelp.test.ts)', () => {
    assert.equal(stored.source, FINDING_HELP_SOURCE);
    assert.deepEqual(stored.rules, rows);
  });
  it('has a row for every code of FindingCodes', () => {
    assert.deepEqual(Object.values(FindingCodes).filter((code) => stored.rules[code] === undefined), []);
  });
  it('keeps a | inside backticks in its cell (TL204)', () => {
    assert.match(stored.rules.TL204!.meaning, /`\|`/);
    assert.equal(stored.rules.TL204!.reference, 'OWASP JWT cheat sheet');
  });
});
