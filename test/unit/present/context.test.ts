import { strict as assert } from 'node:assert';
import { contextLabel } from '../../../src/present/context';

describe('present/context: contextLabel', () => {
  it('labels token contexts with 1-based lines', () => {
    assert.equal(contextLabel({ context: { kind: 'authorization', scheme: 'Bearer' } }, 11), 'Authorization · line 12');
    assert.equal(contextLabel({ context: { kind: 'http-variable', name: 'token' } }, 0), '@token · line 1');
    assert.equal(contextLabel({ context: { kind: 'json-key', name: 'id_token' } }, 2), '"id_token" · line 3');
    assert.equal(contextLabel({ context: { kind: 'set-cookie', name: 'sid' } }, 6), 'Cookie sid · line 7');
    assert.equal(contextLabel({ context: { kind: 'query-param' } }, 0), 'query-param · line 1');
    assert.equal(contextLabel({ context: { kind: 'bare' } }, 4), 'Token · line 5');
  });
});
