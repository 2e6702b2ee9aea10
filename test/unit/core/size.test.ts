import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import fc from 'fast-check';
import { claimWeights, COOKIE_LIMIT_BYTES, HEADER_LINE_LIMIT_BYTES, sizeReport, TOTAL_HEADERS_LIMIT_BYTES, utf8Length } from '../../../src/core/size';
import type { DecodedToken } from '../../../src/core/types';

function decoded(payload: object): DecodedToken {
  const token = `${base64url.encode('{"alg":"HS256","typ":"JWT"}')}.${base64url.encode(JSON.stringify(payload))}.${'A'.repeat(43)}`;
  const r = decodeToken(token);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
/** A token of exactly `n` bytes (n ≥ 100), built by padding one claim. */
function ofLength(n: number): DecodedToken {
  for (let fill = Math.max(0, Math.floor(((n - 100) * 3) / 4)); fill < n; fill++) {
    const d = decoded({ sub: 'x', pad: 'p'.repeat(fill) });
    if (d.token.length === n) return d;
    if (d.token.length > n) break;
  }
  // base64 granularity: lengthen the signature to land exactly.
  const d = decoded({ sub: 'x', pad: 'p'.repeat(Math.floor(((n - 120) * 3) / 4)) });
  const r = decodeToken(d.token + 'A'.repeat(n - d.token.length));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('sizeReport (article reason 3)', () => {
  it('totals, per segment sizes, ratio to a 32-byte session id, bytes per million requests', () => {
    const d = decoded({ sub: 'alice' });
    const s = sizeReport(d);
    assert.equal(s.totalBytes, d.token.length);
    assert.equal(s.segments.reduce((n, x) => n + x.encodedBytes, 0) + 2, s.totalBytes);
    assert.equal(s.timesSessionId, s.totalBytes / 32);
    assert.equal(s.bytesPerMillionRequests, s.totalBytes * 1_000_000);
  });
  it('cookie limit RFC 6265 §6.1 counts the "name=" framing: 4096 fits, 4097 does not', () => {
    const fits = ofLength(COOKIE_LIMIT_BYTES - 'token='.length);
    const over = ofLength(COOKIE_LIMIT_BYTES - 'token='.length + 1);
    assert.equal(sizeReport(fits).limits.find((l) => l.id === 'cookie')?.exceeded, false);
    assert.equal(sizeReport(fits).limits.find((l) => l.id === 'cookie')?.used, 4096);
    assert.equal(sizeReport(over).limits.find((l) => l.id === 'cookie')?.exceeded, true);
    assert.equal(sizeReport(over, { cookieName: 't' }).limits.find((l) => l.id === 'cookie')?.exceeded, false);
  });
  it('header line limit (Apache 8190) counts "Authorization: Bearer "', () => {
    const framing = 'Authorization: Bearer '.length;
    const fits = sizeReport(ofLength(HEADER_LINE_LIMIT_BYTES - framing)).limits.find((l) => l.id === 'header-line');
    const over = sizeReport(ofLength(HEADER_LINE_LIMIT_BYTES - framing + 1)).limits.find((l) => l.id === 'header-line');
    assert.deepEqual([fits?.used, fits?.exceeded], [8190, false]);
    assert.deepEqual([over?.used, over?.exceeded], [8191, true]);
  });
  it('total headers limit (Node 16 KiB) trips on a 17 KB token', () => {
    const s = sizeReport(ofLength(17_000));
    assert.equal(s.limits.find((l) => l.id === 'total-headers')?.exceeded, true);
    assert.equal(TOTAL_HEADERS_LIMIT_BYTES, 16384);
  });
  it('heaviest claims first, shares within 0..1', () => {
    const w = claimWeights(decoded({ sub: 'a', roles: ['admin', 'user', 'auditor'], big: 'x'.repeat(500) }));
    assert.deepEqual(w.map((c) => c.name), ['big', 'roles', 'sub']);
    assert.equal(w[0]?.bytes, '"big":'.length + 502);
    for (const c of w) assert.ok(c.share > 0 && c.share <= 1);
  });
  it('no claim weights for JWE or non-object payloads', () => {
    const r = decodeToken(`${base64url.encode('{"alg":"dir","enc":"A128GCM"}')}..aXY.Y3Q.dGFn`);
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(sizeReport(r.value).heaviestClaims, []);
  });
});

describe('utf8Length', () => {
  it('equals TextEncoder byte length for any string, lone surrogates included', () => {
    const enc = new TextEncoder();
    for (const s of ['', 'a', 'é', '€', '😀', '\ud800', '\udc00x', 'a\ud83d']) assert.equal(utf8Length(s), enc.encode(s).length, JSON.stringify(s));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === enc.encode(s).length), { numRuns: 500 });
  });
});

describe('claim weights are the bytes of the compact "name":value', () => {
  const encoder = new TextEncoder();
  const compactBytes = (name: string, value: unknown) => encoder.encode(`${JSON.stringify(name)}:${JSON.stringify(value)}`).length;
  it('for any string name and value, escapes and lone surrogates included', () => {
    const strings = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('\ud800', 'a\udc00b', '\u0000\b\f\n\r\t\u001f"\\', '\ud83d\ude00'));
    fc.assert(
      fc.property(strings, strings, (name, value) => {
        const weights = claimWeights(decoded({ [name]: value }));
        return weights.length === 1 && weights[0]!.bytes === compactBytes(name, value);
      }),
      { numRuns: 300 },
    );
  });
  it('for every kind of JSON value', () => {
    const values = [
      'plain', 'é "q" \\ \n', '\ud83d\ude00', '\ud800', 0, -0, 7, -42, 1764003600, 9007199254740991, -9007199254740991, 1.5, -0.001, 1e21, 1e-7,
      123456789012345680000, true, false, null, [], [1, 'a'], {}, { nested: { deep: ['é'] } },
    ];
    const claims: Record<string, unknown> = {};
    values.forEach((v, i) => (claims[`c${i}`] = v));
    const weights = claimWeights(decoded(claims));
    for (const w of weights) assert.equal(w.bytes, compactBytes(w.name, claims[w.name]), w.name);
  });
  it('heaviest first, ties by name, for few and for many claims', () => {
    for (const count of [5, 16, 17, 40]) {
      const claims: Record<string, string> = {};
      for (let i = 0; i < count; i++) claims[`k${String.fromCharCode(122 - (i % 26))}${i}`] = 'v'.repeat(i % 4);
      const weights = claimWeights(decoded(claims));
      const expected = Object.keys(claims)
        .map((name) => ({ name, bytes: compactBytes(name, claims[name]) }))
        .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name));
      assert.deepEqual(weights.map((w) => w.name), expected.map((w) => w.name), `${count} claims`);
    }
  });
  it('an overflowing number (1e999) weighs what JSON.stringify gives it: null', () => {
    const token = `${base64url.encode('{"alg":"HS256"}')}.${base64url.encode('{"big":1e999}')}.c2ln`;
    const r = decodeToken(token);
    assert.ok(r.ok);
    if (r.ok) assert.equal(claimWeights(r.value)[0]?.bytes, '"big":null'.length);
  });
});

describe('claimWeights sizes each member as its compact JSON', () => {
  const reference = (name: string, value: unknown): number => {
    const v = Buffer.byteLength(JSON.stringify(value), 'utf8');
    return Buffer.byteLength(JSON.stringify(name), 'utf8') + 1 + v;
  };
  const weigh = (claims: Record<string, unknown>) =>
    claimWeights({ payload: { type: 'claims', claims, json: JSON.stringify(claims) } } as unknown as Pick<DecodedToken, 'payload'>);

  it('strings with quotes, backslashes, controls, emoji, lone surrogates and U+2028; numbers, booleans, null, nested values', () => {
    const claims: Record<string, unknown> = {
      plain: 'read write',
      quote: 'say "hi"',
      slash: 'a\\b',
      ctl: 'tab\there\u0001',
      emoji: 'ok 🔑',
      lone: 'x\ud800y',
      ls: 'line\u2028sep',
      'näme "q"': 'ü',
      int: 1764003600,
      float: -0.5e-7,
      big: 1e21,
      yes: true,
      no: false,
      nil: null,
      nested: { a: [1, 'b', { c: null }] },
    };
    for (const w of weigh(claims)) assert.equal(w.bytes, reference(w.name, claims[w.name]), w.name);
  });

  it('matches JSON.stringify for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }), (claims) => {
        for (const w of weigh(claims)) assert.equal(w.bytes, reference(w.name, claims[w.name]), w.name);
      }),
      { numRuns: 300 },
    );
  });
});
