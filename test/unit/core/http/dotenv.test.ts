import { strict as assert } from 'node:assert';
import { parseDotEnv } from '../../../../src/core/http/dotenv';
import { TOKEN } from './fixture';

describe('parseDotEnv', () => {
  const text = ['# comment', `TOKEN=${TOKEN}`, 'export QUOTED="a b"', "SINGLE='x y'", 'TRAILING=value # note', '  SPACED = v', 'not a line', ''].join('\n');
  const vars = parseDotEnv(text);
  it('reads names and values (quotes, export, trailing comments)', () => {
    assert.deepEqual(
      vars.map((v) => [v.name, v.value]),
      [
        ['TOKEN', TOKEN],
        ['QUOTED', 'a b'],
        ['SINGLE', 'x y'],
        ['TRAILING', 'value'],
        ['SPACED', 'v'],
      ],
    );
  });
  it('reports offsets of names and values', () => {
    for (const v of vars) {
      assert.equal(text.slice(v.nameStart, v.nameEnd), v.name);
      assert.equal(text.slice(v.valueStart, v.valueEnd), v.value);
    }
  });
});
