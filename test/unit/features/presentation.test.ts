import { strict as assert } from 'node:assert';
import { claimText, contextLabel } from '../../../src/features/presentation';

describe('presentation helpers', () => {
  it('renders claim values on one line', () => {
    assert.equal(claimText('x'), 'x');
    assert.equal(claimText(['a', 1]), '["a",1]');
  });
  it('labels token contexts with 1-based lines', () => {
    assert.equal(contextLabel({ context: { kind: 'authorization', scheme: 'Bearer' } }, 11), 'Authorization · line 12');
    assert.equal(contextLabel({ context: { kind: 'http-variable', name: 'token' } }, 0), '@token · line 1');
    assert.equal(contextLabel({ context: { kind: 'json-key', name: 'id_token' } }, 2), '"id_token" · line 3');
  });
});
