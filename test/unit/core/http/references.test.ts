import { strict as assert } from 'node:assert';
import { findVariableReferenceAt, findVariableReferences } from '../../../../src/core/http/references';
import { HTTP_FILE } from './fixture';

describe('findVariableReferenceAt / findVariableReferences', () => {
  const at = (needle: string, delta = 2) => findVariableReferenceAt(HTTP_FILE, HTTP_FILE.indexOf(needle) + delta);
  it('classifies each kind of reference', () => {
    assert.deepEqual(
      findVariableReferences(HTTP_FILE).map((r) => [r.kind, r.name]),
      [
        ['variable', 'token'],
        ['variable', 'host'],
        ['variable', 'auth'],
        ['dotenv', 'API_KEY'],
        ['processEnv', 'TOKEN_VAR'],
        ['system', '$guid'],
        ['request', 'login.response.body.$.token'],
      ],
    );
  });
  it('returns the reference covering the offset with whole-braces offsets', () => {
    const ref = at('{{auth}}', 3);
    assert.equal(ref?.name, 'auth');
    assert.equal(HTTP_FILE.slice(ref!.start, ref!.end), '{{auth}}');
    assert.equal(at('{{auth}}', 0)?.name, 'auth');
    assert.equal(at('{{auth}}', 8)?.name, 'auth');
    assert.equal(at('Authorization', 0), undefined);
    assert.equal(findVariableReferenceAt(HTTP_FILE, -3), undefined);
  });
  it('skips many unclosed {{ lines', () => {
    const text = '{{a\n'.repeat(100_000) + '{{b}}';
    assert.deepEqual(
      findVariableReferences(text).map((r) => r.name),
      ['b'],
    );
  });
  it('finds every reference on one long line, and the one at an offset', () => {
    const line = 'x-{{a}} '.repeat(10_000) + '{{last}}';
    const references = findVariableReferences(line);
    assert.equal(references.length, 10_001);
    assert.ok(references.every((r, i) => line.slice(r.start, r.end) === (i < 10_000 ? '{{a}}' : '{{last}}')));
    assert.equal(findVariableReferenceAt(line, line.length - 3)?.name, 'last');
    assert.equal(findVariableReferenceAt(`GET /\n${line}\n`, 6 + 4)?.start, 6 + 2);
    // Where two references touch, the first that is a reference wins (an empty `{{ }}` is none).
    assert.equal(findVariableReferenceAt('{{b}}{{a}}', 5)?.name, 'b');
    assert.equal(findVariableReferenceAt('{{ }}{{a}}', 5)?.name, 'a');
    assert.equal(findVariableReferenceAt('{{ }} {{a}}', 2), undefined);
  });
  it('does not pair braces across lines', () => {
    assert.deepEqual(findVariableReferences('{{a\n}}'), []);
  });
});
