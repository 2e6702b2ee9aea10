import * as assert from 'assert';
import { compareTokens } from '../../../src/core';
import { parseHostMessage } from '../../../src/present/inspector/protocol';
import type { NestedTokenView, TokenViewModel } from '../../../src/present/inspector/protocol';
import { buildViewModel } from '../../../src/present/inspector/viewModel';
import type { ViewModelOptions } from '../../../src/present/inspector/viewModel';
import { ID_TOKEN, jws, NOW, OUTER } from '../core/fixtures/nested';

const options: ViewModelOptions = { title: 'Authorization · line 3', now: NOW, clockSkewSec: 60, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc', canReveal: true };

function tokenModel(token: string, extra: Partial<ViewModelOptions> = {}): TokenViewModel {
  const m = buildViewModel(token, { ...options, ...extra });
  assert.ok(m.state === 'token');
  return m;
}

function cards(views: readonly NestedTokenView[]): string[] {
  return views.flatMap((v) => [`${v.label} @${v.depth}`, ...cards(v.model.nested?.tokens ?? [])]);
}

describe('inspector view model: nested tokens and the comparison (issue 13)', () => {
  it('each nested token is a card with its own view model: header, claims, times and verdict', () => {
    const m = tokenModel(OUTER);
    assert.ok(m.nested, 'no nested tokens');
    assert.deepStrictEqual(cards(m.nested.tokens), [
      'id_token @1',
      'software_statement @1',
      'act.actor_token @1',
      'act.actor_token → act.actor_token @2',
      'act.actor_token → act.actor_token → act.actor_token @3',
      'act.act.actor_token @1',
    ]);
    const id = m.nested.tokens[0]!.model;
    assert.strictEqual(id.title, 'id_token');
    assert.strictEqual(id.alg, 'RS256');
    assert.strictEqual(id.status, 'valid');
    assert.deepStrictEqual(id.headerRows.map((r) => r.name), ['alg', 'typ', 'kid']);
    assert.ok(id.payload.type === 'claims' && id.payload.rows.some((r) => r.name === 'nonce'));
    assert.deepStrictEqual(Object.keys(id.timeClaims), ['iat', 'exp']);
    assert.strictEqual(id.canReveal, false, 'a nested token has no location of its own');
    const statement = m.nested.tokens[1]!.model;
    assert.ok(statement.verdict.some((f) => f.code === 'TL101'), 'the software statement never expires: its own verdict says so');
    // The claims holding nested tokens say so (the table cuts their values short).
    assert.ok(m.payload.type === 'claims');
    assert.deepStrictEqual(m.payload.rows.filter((r) => r.nested !== undefined).map((r) => [r.name, r.nested]), [
      ['id_token', ['id_token']],
      ['software_statement', ['software_statement']],
      ['act', ['act.actor_token', 'act.act.actor_token']],
    ]);
    const chain = m.nested.tokens[2]!.model;
    assert.ok(chain.payload.type === 'claims');
    assert.deepStrictEqual(chain.payload.rows.find((r) => r.name === 'act')?.nested, ['act.actor_token → act.actor_token']);
    const third = m.nested.tokens[2]!.model.nested!.tokens[0]!.model.nested!.tokens[0]!.model;
    assert.deepStrictEqual(third.nested?.tokens, []);
    assert.deepStrictEqual(third.nested?.notices.map((n) => n.code), ['too-deep']);
  });

  it('a token without nested tokens has no nested field; the model stays plain JSON', () => {
    assert.strictEqual(tokenModel(ID_TOKEN).nested, undefined);
    const m = tokenModel(OUTER);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(m)), m);
    assert.deepStrictEqual(parseHostMessage({ type: 'show', model: m }), { type: 'show', model: m });
    assert.strictEqual(parseHostMessage({ type: 'show', model: { ...m, nested: 'x' } }), undefined);
  });

  it('"valid at…": nested tokens are evaluated at the chosen instant too', () => {
    const later = tokenModel(OUTER, { now: NOW + 2 * 3600 * 1000, asOf: true });
    const id = later.nested!.tokens[0]!.model;
    assert.strictEqual(id.status, 'expired');
    assert.strictEqual(id.asOf, NOW + 2 * 3600 * 1000);
  });

  it('the comparison section reads as the diff editor\'s title and `token-lens diff` (present/compare.ts)', () => {
    const other = jws({ alg: 'RS256', typ: 'JWT', kid: 'idp-2' }, { iss: 'https://idp.example', sub: 'alice', aud: 'client-1', iat: NOW / 1000 - 600, exp: NOW / 1000 + 6600, tenant: 't1' });
    const compared = compareTokens(ID_TOKEN, other, { documents: false });
    assert.ok(compared.ok);
    const m = tokenModel(ID_TOKEN, { comparison: { summary: compared.value.summary, other: 'clipboard' } });
    assert.deepStrictEqual(m.comparison, {
      other: 'clipboard',
      identical: false,
      headline: 'kid idp-1 → idp-2 · exp +1 h · 1 added, 1 removed, 2 changed',
      lines: [
        'kid: idp-1 → idp-2',
        'exp: +1 h (2026-01-01T12:50:00.000Z → 2026-01-01T13:50:00.000Z)',
        '~ header.kid: "idp-1" → "idp-2"',
        '~ payload.exp: 1767271800 → 1767275400',
        '- payload.nonce: "n-0S6_WzA2Mj"',
        '+ payload.tenant: "t1"',
      ],
    });
    assert.strictEqual(tokenModel(ID_TOKEN).comparison, undefined);
    const nested = tokenModel(OUTER, { comparison: { summary: compared.value.summary, other: 'clipboard' } });
    assert.strictEqual(nested.nested!.tokens[0]!.model.comparison, undefined, 'only the shown token has the comparison');
  });
});
