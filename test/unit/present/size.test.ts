import { strict as assert } from 'node:assert';
import { inspectToken } from '../../../src/core';
import { exceededLimits, sizeCostText, sizeText } from '../../../src/present/size';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('present/size', () => {
  it('sizeText: exact bytes', () => {
    assert.equal(sizeText(812), '812 B');
    assert.equal(sizeText(20480), '20480 B');
  });
  it('sizeCostText: the ratio to a 32-byte session id and the bytes per million requests', () => {
    assert.equal(sizeCostText({ timesSessionId: 812 / 32, bytesPerMillionRequests: 812e6 }), '25.4× a 32-byte session id · 812.0 MB per million requests');
  });
  it('exceededLimits: the labels of crossed limits only, in report order', () => {
    const small = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}.c2ln`);
    const big = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ blob: 'x'.repeat(9000) })}.c2ln`);
    assert.ok(small.ok && big.ok);
    assert.deepEqual(exceededLimits(small.value.size), []);
    assert.deepEqual(exceededLimits(big.value.size), big.value.size.limits.filter((l) => l.exceeded).map((l) => l.label));
    assert.ok(exceededLimits(big.value.size).length >= 2);
  });
});
