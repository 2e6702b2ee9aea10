import { strict as assert } from 'node:assert';
import { parse as parseJsonc } from 'jsonc-parser';
import { compareDecoded, compareInspections, compareTokens, decodeToken, inspectToken, normalizedDocument } from '../../../src/core';
import type { ComparisonSummary, DecodedToken, TokenComparison } from '../../../src/core';

/** Compact tokens built from JSON (the signature is a placeholder: comparing never verifies). */
const b64 = (text: string) => Buffer.from(text).toString('base64url');
const jws = (header: unknown, payload: unknown, signature = 'c2ln') => `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}.${signature}`;
const jwe = (header: unknown, ciphertext = 'Y2lwaGVy') => `${b64(JSON.stringify(header))}.ZW5jcnlwdGVkX2tleQ.aXZpdml2aXZpdml2.${ciphertext}.dGFnZ2VkdGFnZ2VkdGFn`;

const EXP = 1796148000; // 2026-12-01T18:00:00Z
const BEFORE = jws({ typ: 'JWT', alg: 'RS256', kid: 'key-2026-11' }, { sub: 'alice', iss: 'https://id.example', iat: EXP - 3600, exp: EXP, scope: 'read', legacy: true, roles: ['user'] });
const AFTER = jws({ kid: 'key-2026-12', alg: 'ES256', typ: 'JWT' }, { iss: 'https://id.example', sub: 'alice', iat: EXP, exp: EXP + 3600, scope: 'read write', roles: ['user'], tenant: 't1' });

function compared(a: string, b: string): TokenComparison {
  const r = compareTokens(a, b);
  assert.ok(r.ok, r.ok ? '' : r.error.error.message);
  return r.value;
}

function decoded(token: string): DecodedToken {
  const r = decodeToken(token);
  assert.ok(r.ok);
  return r.value;
}

const summaryOf = (a: string, b: string): ComparisonSummary => compared(a, b).summary;

describe('core compareTokens (issue 13: compare two tokens)', () => {
  describe('summary', () => {
    const summary = summaryOf(BEFORE, AFTER);

    it('lists header parameters and claims added, removed and changed, header first, in the normalised order', () => {
      assert.deepEqual(
        summary.changes.map((c) => `${c.change} ${c.segment}.${c.name}`),
        ['changed header.alg', 'changed header.kid', 'changed payload.exp', 'changed payload.iat', 'removed payload.legacy', 'changed payload.scope', 'added payload.tenant'],
      );
      assert.deepEqual(summary.counts, { added: 1, removed: 1, changed: 5 });
      assert.equal(summary.omittedChanges, 0);
      assert.equal(summary.identical, false);
    });

    it('gives old and new values as compact JSON', () => {
      const scope = summary.changes.find((c) => c.name === 'scope');
      assert.deepEqual(scope, { segment: 'payload', name: 'scope', change: 'changed', from: '"read"', to: '"read write"' });
      assert.deepEqual(summary.changes.find((c) => c.name === 'legacy'), { segment: 'payload', name: 'legacy', change: 'removed', from: 'true' });
      assert.deepEqual(summary.changes.find((c) => c.name === 'tenant'), { segment: 'payload', name: 'tenant', change: 'added', to: '"t1"' });
    });

    it('says how far exp moved (signed seconds) with both dates', () => {
      assert.equal(summary.exp?.movedSec, 3600);
      assert.equal(summary.exp?.from?.iso, '2026-12-01T18:00:00.000Z');
      assert.equal(summary.exp?.to?.iso, '2026-12-01T19:00:00.000Z');
      assert.equal(summaryOf(AFTER, BEFORE).exp?.movedSec, -3600);
    });

    it('names a different kid and alg (RFC 7515 §4.1.1, §4.1.4)', () => {
      assert.deepEqual(summary.alg, { from: 'RS256', to: 'ES256' });
      assert.deepEqual(summary.kid, { from: 'key-2026-11', to: 'key-2026-12' });
      const noKid = jws({ alg: 'RS256' }, { sub: 'a' });
      assert.deepEqual(summaryOf(noKid, jws({ alg: 'RS256', kid: 'k' }, { sub: 'a' })).kid, { from: undefined, to: 'k' });
    });

    it('exp added, removed, or not a NumericDate: no duration', () => {
      const without = jws({ alg: 'HS256' }, { sub: 'a' });
      const withExp = jws({ alg: 'HS256' }, { sub: 'a', exp: EXP });
      const bad = jws({ alg: 'HS256' }, { sub: 'a', exp: 'tomorrow' });
      assert.equal(summaryOf(without, withExp).exp?.from, undefined);
      assert.equal(summaryOf(without, withExp).exp?.movedSec, undefined);
      assert.equal(summaryOf(withExp, without).exp?.to, undefined);
      assert.equal(summaryOf(withExp, bad).exp?.to?.invalid, 'a string, not a NumericDate');
      assert.equal(summaryOf(withExp, bad).exp?.movedSec, undefined);
      assert.equal(summaryOf(without, without).exp, undefined);
    });

    it('identical tokens: identical, the same token, nothing listed', () => {
      const s = summaryOf(BEFORE, BEFORE);
      assert.equal(s.identical, true);
      assert.equal(s.sameToken, true);
      assert.deepEqual(s.changes, []);
      assert.equal(s.exp, undefined);
      assert.equal(s.alg, undefined);
    });

    it('the same claims in another key order and another signature: identical content, not the same token', () => {
      const a = jws({ alg: 'ES256', typ: 'JWT' }, { sub: 'a', exp: EXP, nested: { y: 1, x: [1, { b: 2, a: 1 }] } }, 'c2lnMQ');
      const b = jws({ typ: 'JWT', alg: 'ES256' }, { nested: { x: [1, { a: 1, b: 2 }], y: 1 }, exp: EXP, sub: 'a' }, 'c2lnMg');
      const s = summaryOf(a, b);
      assert.equal(s.identical, true);
      assert.equal(s.sameToken, false);
      assert.equal(s.onlyCryptoDiffers, true);
      const docs = compared(a, b);
      assert.equal(docs.left, docs.right);
    });

    it('a nested change is one changed claim, compared with sorted keys', () => {
      const s = summaryOf(jws({ alg: 'HS256' }, { cnf: { jkt: 'a', kid: 'x' } }), jws({ alg: 'HS256' }, { cnf: { kid: 'x', jkt: 'b' } }));
      assert.deepEqual(s.changes, [{ segment: 'payload', name: 'cnf', change: 'changed', from: '{"jkt":"a","kid":"x"}', to: '{"jkt":"b","kid":"x"}' }]);
    });

    it('compareInspections gives the same summary from two inspections (the inspector)', () => {
      const a = inspectToken(BEFORE, { now: 0 });
      const b = inspectToken(AFTER, { now: 0 });
      assert.ok(a.ok && b.ok);
      const c = compareInspections(a.value, b.value);
      assert.deepEqual(c.summary, summary);
      assert.equal(c.left, '', 'no documents unless asked');
      assert.equal(compareInspections(a.value, b.value, { documents: true }).left, compared(BEFORE, AFTER).left);
    });

    it('a side that does not decode is named, with its decode error', () => {
      const r = compareTokens(BEFORE, 'not a token');
      assert.ok(!r.ok);
      assert.equal(r.error.side, 'right');
      assert.equal(r.error.error.code, 'ERR_SEGMENT_COUNT');
      const l = compareTokens('', AFTER);
      assert.ok(!l.ok);
      assert.equal(l.error.side, 'left');
    });
  });

  describe('normalised documents', () => {
    const { left, right } = compared(BEFORE, AFTER);

    it('are JSONC with the header and payload, two-space indent, a first line naming the kind', () => {
      assert.equal(left.split('\n')[0], '// JWS');
      const parsed = parseJsonc(left) as { header: Record<string, unknown>; payload: Record<string, unknown> };
      assert.deepEqual(parsed.header, { alg: 'RS256', typ: 'JWT', kid: 'key-2026-11' });
      assert.equal(parsed.payload.exp, EXP);
      assert.match(left, /^ {2}"header": \{\n {4}"alg": "RS256",$/m);
    });

    it('put registered names first in a fixed order, then the rest sorted', () => {
      const keys = (doc: string, segment: 'header' | 'payload') => Object.keys((parseJsonc(doc) as Record<string, Record<string, unknown>>)[segment]);
      assert.deepEqual(keys(left, 'header'), ['alg', 'typ', 'kid']);
      assert.deepEqual(keys(right, 'header'), ['alg', 'typ', 'kid'], 'the token order (kid, alg, typ) does not matter');
      assert.deepEqual(keys(left, 'payload'), ['iss', 'sub', 'exp', 'iat', 'legacy', 'roles', 'scope']);
      assert.deepEqual(keys(right, 'payload'), ['iss', 'sub', 'exp', 'iat', 'roles', 'scope', 'tenant']);
    });

    it('annotate time claims with their UTC date on the same line (RFC 7519 §2 NumericDate)', () => {
      assert.match(left, /^ {4}"exp": 1796148000, \/\/ 2026-12-01T18:00:00Z$/m);
      assert.match(right, /^ {4}"exp": 1796151600, \/\/ 2026-12-01T19:00:00Z$/m);
      const bad = normalizedDocument(decoded(jws({ alg: 'HS256' }, { nbf: 'soon', exp: -1 })));
      assert.match(bad, /"exp": -1, \/\/ 1969-12-31T23:59:59Z, a negative NumericDate \(before 1970\)$/m);
      assert.match(bad, /"nbf": "soon" \/\/ a string, not a NumericDate$/m);
    });

    it('sort nested objects and keep arrays in order, one element a line', () => {
      const doc = normalizedDocument(decoded(jws({ alg: 'HS256' }, { z: { b: [2, 1], a: {} }, e: [] })));
      assert.match(doc, / {4}"e": \[\],\n {4}"z": \{\n {6}"a": \{\},\n {6}"b": \[\n {8}2,\n {8}1\n {6}\]\n {4}\}/);
    });

    it('write controls that reorder or break lines as \\u escapes (the same JSON value)', () => {
      const doc = normalizedDocument(decoded(jws({ alg: 'HS256' }, { name: 'a\u202eb\u2028c\u0085', 'k\u200e': 1 })));
      assert.ok(!/[\u202e\u2028\u0085\u200e]/.test(doc));
      assert.deepEqual((parseJsonc(doc) as { payload: unknown }).payload, { 'k\u200e': 1, name: 'a\u202eb\u2028c\u0085' });
    });

    it('show a payload that is not a claims set as what it is', () => {
      const text = normalizedDocument(decoded(`${b64('{"alg":"HS256"}')}.${b64('hello world')}.c2ln`));
      assert.match(text, /"payload": "hello world" \/\/ text, not JSON/);
      const array = normalizedDocument(decoded(`${b64('{"alg":"HS256"}')}.${b64('[1,2]')}.c2ln`));
      assert.match(array, /"payload": \[\n {4}1,\n {4}2\n {2}\] \/\/ JSON, not a claims set/);
      const bytes = normalizedDocument(decoded(`${b64('{"alg":"HS256"}')}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.c2ln`));
      assert.match(bytes, /"payload": null \/\/ 2 bytes that are not UTF-8 text/);
      const encrypted = normalizedDocument(decoded(jwe({ alg: 'RSA-OAEP', enc: 'A256GCM' })));
      assert.equal(encrypted.split('\n')[0], '// JWE');
      assert.match(encrypted, /"payload": null \/\/ encrypted: 6 bytes of ciphertext/);
      for (const doc of [text, array, bytes, encrypted]) assert.notEqual(parseJsonc(doc), undefined);
    });
  });

  describe('hostile input', () => {
    it('a huge claim: values in the summary are cut to maxValueChars, the documents keep them whole', () => {
      const huge = 'x'.repeat(300_000);
      const a = jws({ alg: 'HS256' }, { blob: huge, ['k'.repeat(5000)]: 1 });
      const b = jws({ alg: 'HS256' }, { blob: `${huge}y` });
      const r = compared(a, b);
      const blob = r.summary.changes.find((c) => c.name === 'blob');
      assert.equal(blob?.from?.length, 80);
      assert.ok(blob?.to?.endsWith('…'));
      assert.ok(r.summary.changes.every((c) => c.name.length <= 80));
      assert.ok(r.right.includes(`${huge}y`));
      const short = compareTokens(a, b, { maxValueChars: 20 });
      assert.ok(short.ok);
      assert.equal(short.value.summary.changes[0]?.from?.length, 20);
    });

    it('many claims: at most maxChanges listed, the rest counted', () => {
      const many = (prefix: string) => Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`c${i}`, `${prefix}${i}`]));
      const s = summaryOf(jws({ alg: 'HS256' }, many('a')), jws({ alg: 'HS256' }, many('b')));
      assert.equal(s.changes.length, 100);
      assert.equal(s.omittedChanges, 400);
      assert.equal(s.counts.changed, 500);
      const few = compareTokens(jws({ alg: 'HS256' }, many('a')), jws({ alg: 'HS256' }, {}), { maxChanges: 3, documents: false });
      assert.ok(few.ok);
      assert.equal(few.value.summary.changes.length, 3);
      assert.equal(few.value.summary.counts.removed, 500);
    });

    it('deep nesting: within the JSON reader depth it renders; beyond it the payload is text', () => {
      const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
      const within = `${b64('{"alg":"HS256"}')}.${b64(`{"d":${deep(200)}}`)}.c2ln`;
      const beyond = `${b64('{"alg":"HS256"}')}.${b64(`{"d":${deep(5000)}}`)}.c2ln`;
      const r = compared(within, beyond);
      assert.deepEqual(r.summary.payloadType, { from: 'claims', to: 'text' });
      assert.equal(r.summary.changes.length, 1);
      assert.equal(r.summary.changes[0]?.name, '');
      // Pretty-printed 8 levels down, then one compact line: the document stays near the token's size.
      assert.ok(r.left.length < 3 * within.length, `${r.left.length} characters for a ${within.length}-character token`);
      assert.match(r.left, /^ {16}\[\[\[\[/m);
      assert.ok(r.left.split('\n').every((line) => line.length < 420));
      assert.deepEqual((parseJsonc(r.left) as { payload: unknown }).payload, JSON.parse(`{"d":${deep(200)}}`));
    });

    it('JWS against JWE: a different kind, the payload types differ', () => {
      const s = summaryOf(BEFORE, jwe({ alg: 'RSA-OAEP', enc: 'A256GCM', kid: 'key-2026-11' }));
      assert.deepEqual(s.kind, { from: 'jws', to: 'jwe' });
      assert.deepEqual(s.payloadType, { from: 'claims', to: 'encrypted' });
      assert.deepEqual(s.alg, { from: 'RS256', to: 'RSA-OAEP' });
      assert.equal(s.kid, undefined);
      assert.deepEqual(s.exp?.to, undefined);
      assert.ok(s.changes.some((c) => c.segment === 'header' && c.name === 'enc' && c.change === 'added'));
    });

    it('two JWEs with the same header but other ciphertext are not identical (their contents cannot be read)', () => {
      const s = summaryOf(jwe({ alg: 'dir', enc: 'A256GCM' }, 'YWFhYQ'), jwe({ alg: 'dir', enc: 'A256GCM' }, 'YmJiYg'));
      assert.equal(s.identical, false);
      assert.equal(s.onlyCryptoDiffers, true);
      assert.deepEqual(s.changes, []);
    });

    it('__proto__ and constructor claims are ordinary names', () => {
      const a = `${b64('{"alg":"HS256"}')}.${b64('{"__proto__":{"x":1},"constructor":1}')}.c2ln`;
      const b = `${b64('{"alg":"HS256"}')}.${b64('{"__proto__":{"x":2}}')}.c2ln`;
      const s = summaryOf(a, b);
      assert.deepEqual(s.changes.map((c) => `${c.change} ${c.name}`), ['changed __proto__', 'removed constructor']);
    });

    it('compareDecoded is total on odd options', () => {
      const s = compareDecoded(decoded(BEFORE), decoded(AFTER), { maxValueChars: Number.NaN, maxChanges: -5 });
      assert.equal(s.summary.changes.length, 0);
      assert.equal(s.summary.omittedChanges, 7);
    });
  });
});
