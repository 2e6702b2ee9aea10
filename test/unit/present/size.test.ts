import { strict as assert } from 'node:assert';
import { inspectToken } from '../../../src/core';
import { exceededLimits, exceededLimitsText, limitText, sizeCostText, sizeText } from '../../../src/present/size';

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
  it('limitText: limits in exact bytes (4096 B is not "4.1 KB"), with KiB when whole', () => {
    assert.equal(limitText(4096), '4096 B (4 KiB)');
    assert.equal(limitText(16384), '16384 B (16 KiB)');
    assert.equal(limitText(8190), '8190 B');
    assert.equal(limitText(500), '500 B');
  });
  it('exceededLimitsText: one full phrase naming each crossed limit and its size', () => {
    const small = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ sub: 'a' })}.c2ln`);
    const cookie = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ blob: 'x'.repeat(5000) })}.c2ln`);
    const big = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ blob: 'x'.repeat(9000) })}.c2ln`);
    assert.ok(small.ok && cookie.ok && big.ok);
    assert.equal(exceededLimitsText(small.value.size), undefined);
    assert.equal(exceededLimitsText(cookie.value.size), 'over the cookie limit of 4096 B (4 KiB)');
    assert.equal(exceededLimitsText(big.value.size), 'over the cookie limit of 4096 B (4 KiB) and the header-line limit of 8190 B');
    assert.doesNotMatch(exceededLimitsText(big.value.size)!, /KB|over the Cookie\b/);
  });
});
