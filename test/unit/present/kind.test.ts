import { strict as assert } from 'node:assert';
import { KIND_LABELS, kindLabel } from '../../../src/present/kind';

describe('present/kind: kindLabel', () => {
  it('names the JOSE container: JWS (RFC 7515), Unsecured JWS (RFC 7515 A.5), JWE (RFC 7516)', () => {
    assert.equal(kindLabel('jws'), 'JWS');
    assert.equal(kindLabel('unsecured'), 'Unsecured JWS');
    assert.equal(kindLabel('jwe'), 'JWE');
  });
  it('has one distinct label per core kind', () => {
    assert.deepEqual(Object.keys(KIND_LABELS).sort(), ['jwe', 'jws', 'unsecured']);
    assert.equal(new Set(Object.values(KIND_LABELS)).size, 3);
  });
});
