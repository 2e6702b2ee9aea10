import { strict as assert } from 'node:assert';
import { findHttpVariables } from '../../../../src/core/http/variables';
import { HTTP_FILE, TOKEN } from './fixture';

describe('findHttpVariables', () => {
  const vars = findHttpVariables(HTTP_FILE);
  it('finds file variables with and without spaces, ignores `# @name` request names', () => {
    assert.deepEqual(
      vars.map((v) => [v.name, v.value, v.line]),
      [
        ['host', 'api.example.com', 0],
        ['token', TOKEN, 1],
        ['auth', 'Bearer {{token}}', 2],
        ['spaced', 'value with spaces', 3],
      ],
    );
  });
  it('reports exact offsets of names and values', () => {
    for (const v of vars) {
      assert.equal(HTTP_FILE.slice(v.nameStart, v.nameEnd), v.name);
      assert.equal(HTTP_FILE.slice(v.valueStart, v.valueEnd), v.value);
    }
  });
  // Linear time (no regex backtracking) on these shapes: test/perf/core/linear.test.ts.
  it('reads a value with a huge run of spaces', () => {
    const line = `@v = a${' '.repeat(200_000)}b${' '.repeat(200_000)}`;
    const [v] = findHttpVariables(line);
    assert.equal(v.value.length, 200_002);
  });
  it('is total', () => {
    assert.deepEqual(findHttpVariables(''), []);
    assert.deepEqual(findHttpVariables(undefined as unknown as string), []);
  });
});
