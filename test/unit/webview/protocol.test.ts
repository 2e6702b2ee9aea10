import * as assert from 'assert';
import { QUICK_EDITS } from '../../../src/core/quickEdits';
import { claimsTableMarkdown, parseHostMessage, parseWebviewMessage } from '../../../src/present/inspector/protocol';
import type { RenderedSummary, SignatureView } from '../../../src/present/inspector/protocol';
import { buildViewModel } from '../../../src/present/inspector/viewModel';
import { claimsTable } from '../../../src/present/claims';

const summary: RenderedSummary = {
  state: 'token',
  title: 'Authorization · line 3',
  kind: 'JWS',
  alg: 'HS256',
  status: 'valid',
  statusText: 'expires in 59 min',
  countdown: 'expires in 00:59:59',
  signature: 'signature verified',
  hintCodes: ['TL103'],
  findingCodes: [],
  headings: ['Revocation risks', 'Header'],
  sections: ['summary', 'verdict', 'payload'],
  error: '',
  nested: ['id_token · JWS · RS256 · expires in 50 min'],
  nestedNotices: [],
  comparison: '',
  editActions: ['Edit…', 'exp +1 h'],
};

describe('webview protocol: messages from the webview', () => {
  it('accepts every message kind in its exact shape', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'reveal' }), { type: 'reveal' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'compare' }), { type: 'compare' });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'clearComparison' }), { type: 'clearComparison' });
    for (const target of ['header', 'payload', 'claims', 'token'] as const) {
      assert.deepStrictEqual(parseWebviewMessage({ type: 'copy', target }), { type: 'copy', target });
    }
    assert.deepStrictEqual(parseWebviewMessage({ type: 'rendered', summary }), { type: 'rendered', summary });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'edit' }), { type: 'edit' });
    for (const edit of QUICK_EDITS) assert.deepStrictEqual(parseWebviewMessage({ type: 'quickEdit', edit }), { type: 'quickEdit', edit });
  });

  it('returns a fresh copy, not the received object', () => {
    const raw = { type: 'rendered', summary: { ...summary, hintCodes: ['TL101'] } };
    const parsed = parseWebviewMessage(raw);
    assert.ok(parsed?.type === 'rendered');
    raw.summary.hintCodes.push('TL999');
    assert.deepStrictEqual(parsed.summary.hintCodes, ['TL101']);
  });

  const hostile: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['a number', 1],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['an unknown type', { type: 'eval', code: 'x' }],
    ['type with other casing', { type: 'Ready' }],
    ['extra key on ready', { type: 'ready', token: 'x' }],
    ['extra key on reveal', { type: 'reveal', uri: 'file:///etc/passwd' }],
    ['copy without target', { type: 'copy' }],
    ['copy of an unknown target', { type: 'copy', target: 'secret' }],
    ['copy with a non-string target', { type: 'copy', target: ['token'] }],
    ['copy with an extra key', { type: 'copy', target: 'token', text: 'attacker text' }],
    ['rendered without summary', { type: 'rendered' }],
    ['rendered with a null summary', { type: 'rendered', summary: null }],
    ['rendered with a missing field', { type: 'rendered', summary: { ...summary, error: undefined } }],
    ['rendered with an extra field', { type: 'rendered', summary: { ...summary, extra: 1 } }],
    ['rendered with a numeric title', { type: 'rendered', summary: { ...summary, title: 5 } }],
    ['rendered with an unknown state', { type: 'rendered', summary: { ...summary, state: 'pwned' } }],
    ['rendered with a non-string code', { type: 'rendered', summary: { ...summary, hintCodes: [{}] } }],
    ['rendered with an oversized string', { type: 'rendered', summary: { ...summary, title: 'x'.repeat(5000) } }],
    ['rendered with too many codes', { type: 'rendered', summary: { ...summary, findingCodes: Array.from({ length: 500 }, () => 'TL201') } }],
    ['validAt without at', { type: 'validAt' }],
    ['validAt with a string', { type: 'validAt', at: 'tomorrow' }],
    ['validAt outside the Date range', { type: 'validAt', at: 1e300 }],
    ['validAt with NaN', { type: 'validAt', at: Number.NaN }],
    ['validAt with an extra key', { type: 'validAt', at: 0, token: 'x' }],
    ['compare with a token to compare against', { type: 'compare', token: 'eyJhbGciOiJub25lIn0.e30.' }],
    ['clearComparison with an extra key', { type: 'clearComparison', all: true }],
    // Edit… and the quick edits carry nothing but the edit's name: no token, claims, instant or key.
    ['edit with a token', { type: 'edit', token: 'eyJhbGciOiJub25lIn0.e30.' }],
    ['edit with a location', { type: 'edit', uri: 'file:///etc/passwd', line: 0, character: 0 }],
    ['quickEdit without edit', { type: 'quickEdit' }],
    ['quickEdit of an unknown edit', { type: 'quickEdit', edit: 'exp+2h' }],
    ['quickEdit of another casing', { type: 'quickEdit', edit: 'EXP+1H' }],
    ['quickEdit with padding', { type: 'quickEdit', edit: ' exp+1h' }],
    ['quickEdit with a number', { type: 'quickEdit', edit: 3600 }],
    ['quickEdit with an array', { type: 'quickEdit', edit: ['exp+1h'] }],
    ['quickEdit with an object', { type: 'quickEdit', edit: { claim: 'exp', seconds: 3600 } }],
    ['quickEdit of a prototype name', { type: 'quickEdit', edit: 'toString' }],
    ['quickEdit with claims', { type: 'quickEdit', edit: 'exp+1h', claims: { exp: 9999999999 } }],
    ['quickEdit with a clock reading', { type: 'quickEdit', edit: 'exp-now', now: 0 }],
    ['quickEdit with key material', { type: 'quickEdit', edit: 'exp+1h', key: { kty: 'oct', k: 'c2VjcmV0' } }],
    ['quickEdit with a key label', { type: 'quickEdit', edit: 'exp+1h', keyLabel: 'prod-signing' }],
    ['quickEdit with a finish', { type: 'quickEdit', edit: 'exp+1h', finish: 'unsigned' }],
    ['quickEdit as another type', { type: 'quickedit', edit: 'exp+1h' }],
    ['rendered with non-string edit actions', { type: 'rendered', summary: { ...summary, editActions: [1] } }],
    ['a class instance', Object.assign(Object.create({ polluted: true }) as object, { type: 'ready' })],
    ['a __proto__ key', JSON.parse('{"type":"ready","__proto__":{"x":1}}')],
  ];
  it('accepts validAt with an instant or null (back to now)', () => {
    assert.deepStrictEqual(parseWebviewMessage({ type: 'validAt', at: 1_764_000_000_000 }), { type: 'validAt', at: 1_764_000_000_000 });
    assert.deepStrictEqual(parseWebviewMessage({ type: 'validAt', at: null }), { type: 'validAt', at: null });
  });
  for (const [name, raw] of hostile) {
    it(`rejects ${name}`, () => {
      assert.strictEqual(parseWebviewMessage(raw), undefined);
    });
  }
});

describe('webview protocol: messages from the extension', () => {
  it('accepts report, empty, error and token shows', () => {
    assert.deepStrictEqual(parseHostMessage({ type: 'report' }), { type: 'report' });
    assert.deepStrictEqual(parseHostMessage({ type: 'show', model: { state: 'empty' } }), { type: 'show', model: { state: 'empty' } });
    const error = { state: 'error', title: 't', error: { code: 'ERR_BASE64URL', message: 'm' }, length: 3, canReveal: false };
    assert.deepStrictEqual(parseHostMessage({ type: 'show', model: error }), { type: 'show', model: error });
  });

  it('rejects unknown states and malformed token models', () => {
    assert.strictEqual(parseHostMessage({ type: 'show', model: { state: 'other' } }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'show', model: { state: 'token', title: 't' } }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'show' }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'report', x: 1 }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'ready' }), undefined);
  });

  it('accepts a token model with a known signature view and refuses unknown icons or states', () => {
    const token = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.c2ln`;
    const model = buildViewModel(token, { title: 't', now: 0, clockSkewSec: 0, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc', canReveal: false });
    assert.strictEqual(model.state, 'token');
    const signature: SignatureView = { state: 'verified', icon: 'verified-filled', label: 'signature verified', message: 'ok', timing: '0.1 ms' };
    assert.deepStrictEqual(parseHostMessage({ type: 'show', model: { ...model, signature } }), { type: 'show', model: { ...model, signature } });
    assert.ok(parseHostMessage({ type: 'show', model }) !== undefined, 'the signature is optional');
    assert.deepStrictEqual(parseHostMessage({ type: 'signature', signature }), { type: 'signature', signature });
    assert.strictEqual(parseHostMessage({ type: 'signature', signature: { ...signature, icon: 'link-external' } }), undefined);
    assert.strictEqual(parseHostMessage({ type: 'signature', signature, extra: 1 }), undefined);
    for (const bad of [{ ...signature, icon: 'link-external' }, { ...signature, state: 'trusted' }, { ...signature, label: 3 }, { ...signature, timing: 1 }, 'verified']) {
      assert.strictEqual(parseHostMessage({ type: 'show', model: { ...model, signature: bad } }), undefined, JSON.stringify(bad));
    }
  });

  it('accepts what the token can be edited as, and nothing else', () => {
    const token = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}.c2ln`;
    const model = buildViewModel(token, { title: 't', now: 0, clockSkewSec: 0, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc', canReveal: false });
    for (const editable of ['json', 'claims'] as const) assert.deepStrictEqual(parseHostMessage({ type: 'show', model: { ...model, editable } }), { type: 'show', model: { ...model, editable } });
    for (const bad of [true, 'all', 1, null, ['claims']]) assert.strictEqual(parseHostMessage({ type: 'show', model: { ...model, editable: bad } }), undefined, JSON.stringify(bad));
  });
});

describe('claimsTableMarkdown', () => {
  it('writes the view model rows in the Copy Claims as Table format, strings unquoted, cells escaped', () => {
    const md = claimsTableMarkdown(
      [
        { name: 'exp', value: '0', seconds: 0, title: 'Expiration Time' },
        { name: 'a|b', value: '"x\\ny|z"' },
        { name: 'roles', value: '["a","b"]' },
      ],
      [{ name: 'alg', value: '"HS256"', title: 'Algorithm' }],
    );
    assert.deepStrictEqual(md.split('\n'), [
      '| Part | Claim | Value |',
      '| --- | --- | --- |',
      '| header | alg | HS256 |',
      '| payload | exp | 0 |',
      '| payload | a\\|b | x y\\|z |',
      '| payload | roles | \\["a","b"\\] |',
    ]);
  });

  it('copies from the inspector exactly what the command copies for the same token', () => {
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const header = { alg: 'HS256', typ: 'JWT', kid: 'k|1' };
    const claims = { sub: 'carol', aud: ['a', 'b'], exp: 1_900_000_000, nested: { x: [1, null] }, flag: true, note: '[x](command:y)' };
    const model = buildViewModel(`${b64(header)}.${b64(claims)}.${b64('sig')}`, { title: 't', now: 0, clockSkewSec: 60, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc', canReveal: false });
    assert.ok(model.state === 'token' && model.payload.type === 'claims');
    assert.strictEqual(claimsTableMarkdown(model.payload.rows, model.headerRows), claimsTable(header, claims));
  });
});
