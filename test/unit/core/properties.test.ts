import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { base64url } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { inspectToken } from '../../../src/core/inspect';
import { readJson } from '../../../src/core/json';
import { formatDuration, formatRelative } from '../../../src/core/format';
import { timeReport } from '../../../src/core/time';

const b64 = (s: string) => base64url.encode(s);
const segmentChars = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=.+/ '.split(''));
const tokenish = fc.array(segmentChars, { maxLength: 200 }).map((cs) => cs.join(''));
const anyHeader = fc.oneof(
  fc.record({ alg: fc.constantFrom('HS256', 'RS256', 'ES256', 'EdDSA', 'none', 'NoNe', 'PBES2-HS256+A128KW', 'dir', 'weird') }, { requiredKeys: ['alg'] }),
  fc.dictionary(fc.string(), fc.jsonValue()).map((d) => ({ ...d, alg: 'HS256' })),
);
const opts = fc.record({ now: fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constant(NaN)), clockSkewSec: fc.oneof(fc.nat(3600), fc.constant(-1)) });

describe('properties (fast-check)', () => {
  it('decodeToken and inspectToken never throw for any string', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), tokenish, tokenish.map((t) => `${b64('{"alg":"HS256"}')}.${t}`)), opts, (s, o) => {
      const d = decodeToken(s);
      const i = inspectToken(s, o);
      assert.equal(d.ok, i.ok);
      if (!d.ok) assert.ok(d.error.code.startsWith('ERR_') && !d.error.message.includes('\n'));
    }), { numRuns: 500 });
  });
  it('any token built from arbitrary JSON decodes, round-trips its JSON text, and inspects without throwing', () => {
    fc.assert(fc.property(anyHeader, fc.jsonValue(), fc.boolean(), opts, (header, payload, jwe, o) => {
      const headerJson = JSON.stringify(jwe ? { ...header, enc: 'A128GCM' } : header);
      const payloadJson = JSON.stringify(payload);
      const token = jwe ? `${b64(headerJson)}.a2V5.aXY.Y3Q.dGFn` : `${b64(headerJson)}.${b64(payloadJson)}.c2ln`;
      const d = decodeToken(token);
      assert.ok(d.ok, d.ok ? '' : d.error.message);
      if (!d.ok) return;
      assert.equal(d.value.headerJson, headerJson);
      if (!jwe) {
        const p = d.value.payload;
        assert.ok(p.type === 'claims' || p.type === 'json');
        if (p.type === 'claims' || p.type === 'json') assert.equal(p.json, payloadJson);
      }
      const i = inspectToken(token, o);
      assert.ok(i.ok);
      if (!i.ok) return;
      for (const f of [...i.value.hints, ...i.value.findings]) assert.match(f.code, /^TL[123]\d\d$/);
    }), { numRuns: 300 });
  });
  it('readJson agrees with JSON.parse on JSON.stringify output (own keys, __proto__ included)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = JSON.stringify(v);
      const r = readJson(text);
      assert.ok(r.ok);
      if (r.ok) assert.deepEqual(r.value.value, JSON.parse(text));
    }), { numRuns: 300 });
  });
  it('time invariants: fraction in [0,1], lifetime = exp − iat, status matches exp vs now ± skew', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 0, max: 4e9 }), fc.integer({ min: 0, max: 4e12 }), fc.nat(600), (iat, exp, now, skew) => {
      const t = timeReport({ iat, exp }, { now, clockSkewSec: skew });
      assert.equal(t.lifetimeSec, exp - iat);
      assert.ok(t.elapsedFraction !== undefined && t.elapsedFraction >= 0 && t.elapsedFraction <= 1);
      assert.equal(t.msToExpiry, exp * 1000 - now);
      const expected = exp * 1000 + skew * 1000 < now ? 'expired' : 'valid';
      assert.equal(t.status, expected);
    }), { numRuns: 500 });
  });
  it('size invariants: total = sum of segments + dots, limits monotone in size', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (s) => {
      const token = `${b64('{"alg":"HS256"}')}.${b64(JSON.stringify({ s }))}.c2ln`;
      const r = inspectToken(token, { now: 0 });
      assert.ok(r.ok);
      if (!r.ok) return;
      const size = r.value.size;
      assert.equal(size.totalBytes, token.length);
      assert.equal(size.segments.reduce((n, x) => n + x.encodedBytes, 0) + 2, size.totalBytes);
      for (const l of size.limits) assert.equal(l.exceeded, l.used > l.bytes);
      const shares = size.heaviestClaims.reduce((n, c) => n + c.share, 0);
      assert.ok(shares <= 1 + 1e-9);
    }), { numRuns: 200 });
  });
  it('formatRelative/formatDuration are total and one line', () => {
    fc.assert(fc.property(fc.double(), (x) => {
      assert.ok(!formatRelative(x).includes('\n'));
      assert.ok(formatDuration(x).length > 0);
    }), { numRuns: 500 });
  });
});
