import * as assert from 'assert';
import { buildViewModel, copyText, groupHints, prettyJson, verdictFindings } from '../../../src/present/inspector/viewModel';
import type { ViewModelOptions } from '../../../src/present/inspector/viewModel';
import type { Finding } from '../../../src/core';

const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const nowSec = NOW / 1000;
const jws = (header: unknown, payload: unknown): string => `${b64(header)}.${b64(payload)}.${b64('signature-bytes-here')}`;

const options: ViewModelOptions = {
  title: 'Authorization · line 3',
  now: NOW,
  clockSkewSec: 60,
  maxLifetimeSec: 3600,
  sizeWarningBytes: 1024,
  timeDisplay: 'utc',
  canReveal: true,
};

describe('inspector view model', () => {
  it('builds parts, claim rows, raw JSON and time facts of a JWS', () => {
    const headerJson = '{"alg":"HS256","typ":"JWT"}';
    const token = `${b64(headerJson)}.${b64({ sub: 'alice', iat: nowSec - 60, exp: nowSec + 600 })}.${b64('sig')}`;
    const m = buildViewModel(token, options);
    assert.ok(m.state === 'token');
    assert.strictEqual(m.kind, 'jws');
    assert.strictEqual(m.alg, 'HS256');
    assert.deepStrictEqual(m.parts.map((p) => p.name), ['header', 'payload', 'signature']);
    assert.strictEqual(m.parts.map((p) => p.text).join('.'), token);
    assert.strictEqual(m.headerJson, headerJson);
    assert.deepStrictEqual(m.headerRows.map((r) => [r.name, r.value]), [['alg', '"HS256"'], ['typ', '"JWT"']]);
    assert.ok(m.payload.type === 'claims');
    const exp = m.payload.rows.find((r) => r.name === 'exp');
    assert.strictEqual(exp?.seconds, nowSec + 600);
    assert.strictEqual(m.payload.rows.find((r) => r.name === 'sub')?.seconds, undefined);
    assert.deepStrictEqual(m.timeClaims, { iat: nowSec - 60, exp: nowSec + 600 });
    assert.strictEqual(m.status, 'valid');
    assert.strictEqual(m.title, options.title);
    assert.strictEqual(m.timeDisplay, 'utc');
    assert.strictEqual(m.size.totalBytes, token.length);
  });

  it('is plain JSON (survives postMessage structured clone unchanged)', () => {
    const m = buildViewModel(jws({ alg: 'RS256' }, { sub: 'a', exp: nowSec - 10_000 }), options);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('reports expired, never-expires and invalid-claim statuses', () => {
    const expired = buildViewModel(jws({ alg: 'HS256' }, { exp: nowSec - 3600 }), options);
    assert.ok(expired.state === 'token' && expired.status === 'expired');
    const never = buildViewModel(jws({ alg: 'HS256' }, { sub: 'x' }), options);
    assert.ok(never.state === 'token' && never.status === 'never-expires');
    const invalid = buildViewModel(jws({ alg: 'HS256' }, { exp: 'tomorrow' }), options);
    assert.ok(invalid.state === 'token' && invalid.status === 'invalid-claim');
    assert.deepStrictEqual(invalid.timeClaims, { exp: 'tomorrow' });
  });

  it('groups revocation hints by article reason in order, with the article titles', () => {
    const m = buildViewModel(jws({ alg: 'HS256' }, { sub: 'x', iat: nowSec, exp: nowSec + 86400 * 30, blob: 'y'.repeat(2000) }), options);
    assert.ok(m.state === 'token');
    const reasons = m.hintGroups.map((g) => g.reason);
    assert.deepStrictEqual(reasons, [...reasons].sort());
    assert.ok(reasons.includes(2), 'long lifetime is reason 2');
    assert.ok(reasons.includes(3), 'size is reason 3');
    for (const g of m.hintGroups) {
      assert.ok(g.hints.length > 0);
      assert.ok(g.hints.every((h) => h.reference.kind === 'article' && h.reference.reason === g.reason));
    }
    assert.strictEqual(m.hintGroups.find((g) => g.reason === 3)?.title, 'JWTs Are Large and Inefficient');
  });

  it('groupHints leaves out non-article findings and empty reasons', () => {
    const f = (reason: 1 | 5, code: string): Finding => ({ code, severity: 'info', message: 'm', evidence: 'e', reference: { kind: 'article', reason, title: 't' } });
    const rfc: Finding = { code: 'TL201', severity: 'error', message: 'm', evidence: 'e', reference: { kind: 'rfc', rfc: 8725, section: '3.1', title: 't' } };
    const groups = groupHints([f(5, 'TL108'), rfc, f(1, 'TL101'), f(1, 'TL103')]);
    assert.deepStrictEqual(groups.map((g) => [g.reason, g.hints.map((h) => h.code)]), [[1, ['TL101', 'TL103']], [5, ['TL108']]]);
  });

  it('shows a JWE with five parts and an encrypted payload', () => {
    const token = [b64({ alg: 'RSA-OAEP', enc: 'A256GCM' }), b64('k'.repeat(32)), b64('iv-iv-iv-iv'), b64('c'.repeat(40)), b64('t'.repeat(16))].join('.');
    const m = buildViewModel(token, options);
    assert.ok(m.state === 'token');
    assert.strictEqual(m.kind, 'jwe');
    assert.strictEqual(m.enc, 'A256GCM');
    assert.deepStrictEqual(m.parts.map((p) => p.name), ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag']);
    assert.strictEqual(m.payload.type, 'encrypted');
    assert.deepStrictEqual(m.timeClaims, {});
    assert.strictEqual(copyText(m, token, 'payload'), undefined);
  });

  it('shows a non-JSON payload as text and copies it', () => {
    const token = jws({ alg: 'HS256' }, 'hello, not json');
    const m = buildViewModel(token, options);
    assert.ok(m.state === 'token');
    assert.deepStrictEqual(m.payload, { type: 'text', text: 'hello, not json' });
    assert.strictEqual(copyText(m, token, 'payload'), 'hello, not json');
  });

  it('turns a decode failure into an error model without echoing the token', () => {
    const bad = `${b64('{"alg":"HS256" SECRET-MARKER')}.${b64({ sub: 'a' })}.sig`;
    const m = buildViewModel(bad, { ...options, canReveal: false });
    assert.ok(m.state === 'error');
    assert.strictEqual(m.length, bad.length);
    assert.strictEqual(m.error.code, 'ERR_HEADER_NOT_JSON');
    assert.ok(!JSON.stringify(m).includes(bad.slice(0, 20)));
    assert.strictEqual(copyText(m, bad, 'token'), bad);
    assert.strictEqual(copyText(m, bad, 'header'), undefined);
  });

  it('copies header and payload JSON exactly as in the token', () => {
    const headerJson = '{ "alg" : "HS256" }';
    const payloadJson = '{"n": 12345678901234567890}';
    const token = `${b64(headerJson)}.${b64(payloadJson)}.${b64('s')}`;
    const m = buildViewModel(token, options);
    assert.strictEqual(copyText(m, token, 'header'), headerJson);
    assert.strictEqual(copyText(m, token, 'payload'), payloadJson);
  });

  it('passes claim descriptions from the describer into the rows', () => {
    const m = buildViewModel(jws({ alg: 'HS256' }, { sub: 'a' }), {
      ...options,
      describe: (name, segment) => (name === 'sub' && segment === 'payload' ? { title: 'Subject', description: 'Who the token is about.' } : undefined),
    });
    assert.ok(m.state === 'token' && m.payload.type === 'claims');
    assert.deepStrictEqual(m.payload.rows[0], { name: 'sub', value: '"a"', title: 'Subject', description: 'Who the token is about.' });
    assert.strictEqual(m.headerRows[0]?.title, undefined);
  });

  it('names registered claims and header parameters from the core registry by default', () => {
    const m = buildViewModel(jws({ alg: 'HS256', 'x-custom': 1 }, { exp: nowSec + 60, 'app-role': 'admin' }), options);
    assert.ok(m.state === 'token' && m.payload.type === 'claims');
    assert.strictEqual(m.headerRows[0]?.title, 'Algorithm');
    assert.match(m.headerRows[0]?.description ?? '', /RFC 7515/);
    assert.strictEqual(m.headerRows[1]?.title, undefined);
    assert.strictEqual(m.payload.rows[0]?.title, 'Expiration time');
    assert.strictEqual(m.payload.rows[1]?.title, undefined);
  });

  it('pretty JSON only re-indents: big numbers, escapes, key order and duplicate keys stay as written', () => {
    const exact = '{"b":1,"a":12345678901234567890,"s":"q\\"\\u00e9","a":[1,{"x":null}]}';
    const pretty = prettyJson(exact);
    assert.strictEqual(pretty.replace(/\s+/g, ''), exact.replace(/\s+/g, ''), 'only whitespace changes');
    assert.ok(pretty.includes('12345678901234567890'), 'a big number is kept digit for digit');
    assert.ok(pretty.includes('\n  "b": 1,'), `two-space indent: ${pretty}`);
    assert.strictEqual(prettyJson('not json {'), prettyJson('not json {'), 'total on any text');
  });

  it('the view model carries pretty JSON of header and payload, and a verdict of errors and warnings of every kind', () => {
    const now = Date.UTC(2026, 0, 15, 12, 0, 0);
    const s = now / 1000;
    const token = `${b64('{"alg":"none"}')}.${b64(JSON.stringify({ sub: 'x', email: 'a@b.example', iat: s, exp: s + 30 * 86400 }))}.`;
    const m = buildViewModel(token, { ...options, now, explain: (code) => (code === 'TL201' ? 'Unsigned tokens can be forged.' : undefined) });
    assert.ok(m.state === 'token');
    assert.ok(m.headerPretty.includes('\n  "alg": "none"'));
    assert.ok(m.payload.type === 'claims' && m.payload.pretty.includes('\n  "sub": "x"'));
    const codes = m.verdict.map((f) => f.code);
    assert.ok(codes.includes('TL201') && codes.includes('TL102'), `security finding and revocation hint together: ${codes.join(', ')}`);
    assert.ok(m.verdict.every((f) => f.severity !== 'info'));
    const firstWarning = m.verdict.findIndex((f) => f.severity === 'warning');
    assert.ok(m.verdict.slice(firstWarning).every((f) => f.severity === 'warning'), 'errors first');
    assert.deepStrictEqual(m.explanations, { TL201: 'Unsigned tokens can be forged.' });
  });

  it('verdictFindings sorts errors before warnings and drops info', () => {
    const f = (code: string, severity: Finding['severity']): Finding => ({ code, severity, message: code, evidence: '', reference: { kind: 'rfc', rfc: 8725, section: '3.1', title: 't' } });
    assert.deepStrictEqual(verdictFindings([f('TL210', 'info'), f('TL205', 'warning')], [f('TL107', 'error'), f('TL103', 'info')]).map((x) => x.code), ['TL107', 'TL205']);
  });

  it('marks the part that did not decode (a signature a copy cut short), and only that one', () => {
    const m = buildViewModel(`${b64({ alg: 'RS256' })}.${b64({ sub: 'cut' })}.${'A'.repeat(41)}`, options);
    assert.ok(m.state === 'token', 'a partial token still has a view');
    assert.deepStrictEqual(m.parts.map((p) => [p.name, p.error !== undefined]), [['header', false], ['payload', false], ['signature', true]]);
    assert.ok(m.payload.type === 'claims' && m.payload.rows.some((r) => r.name === 'sub'));
    assert.ok(m.verdict.some((f) => f.code === 'TL305'));
  });
});
