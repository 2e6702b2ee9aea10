import { strict as assert } from 'node:assert';
import { FindingCodes } from '../../../src/core/codes';
import { findingExplanation } from '../../../src/present/findingHelp';

describe('present/findingHelp: what a finding code means (the inspector\'s Explain)', () => {
  it('explains every code of the one registry, as plain text', () => {
    for (const code of Object.values(FindingCodes)) {
      const text = findingExplanation(code);
      assert.ok(text !== undefined && text.length > 3, `${code} has an explanation`);
      assert.ok(!text.includes('`'), `${code}: no Markdown marks`);
    }
    assert.match(findingExplanation(FindingCodes.ALG_NONE)!, /none/i);
  });

  it('knows no other code, including inherited property names', () => {
    for (const code of ['TL999', '', 'constructor', '__proto__', 'toString']) assert.equal(findingExplanation(code), undefined, code);
  });
});
