import { strict as assert } from 'node:assert';
import type { DecodeReport, NestedTokenReport } from '../../../src/cli/report';
import { CTY_JWT, ID_TOKEN, jws, OUTER } from '../core/fixtures/nested';
import { runInProcess } from './harness';

/** The fixtures are minted at 2026-01-01T12:00:00Z (NOW). */
const AT = ['--now', '2026-01-01T12:00:00Z'];

function labels(list: readonly NestedTokenReport[]): string[] {
  return list.flatMap((t) => [t.label, ...labels(t.nested)]);
}

describe('cli decode: nested tokens (issue 13)', () => {
  it('--json: nested[] holds each inner token as a report of its own, with label, path, depth and via', async () => {
    const { code, out } = await runInProcess(['decode', '--json', ...AT, OUTER]);
    assert.equal(code, 0);
    const report = JSON.parse(out) as DecodeReport;
    assert.equal(report.schemaVersion, 2, 'a field added: the schema version stays');
    const nested = report.token.nested ?? [];
    assert.deepEqual(nested.map((t) => t.label), ['id_token', 'software_statement', 'act.actor_token', 'act.act.actor_token']);
    const id = nested[0]!;
    assert.deepEqual([id.path, id.depth, id.via, id.kind, id.alg, id.time.status], [['id_token'], 1, 'claim', 'jws', 'RS256', 'valid']);
    assert.equal(id.header.kid, 'idp-1');
    assert.ok(id.payload.type === 'claims' && id.payload.claims.nonce === 'n-0S6_WzA2Mj');
    assert.ok(Array.isArray(id.findings) && Array.isArray(id.hints));
    assert.ok(!out.includes(OUTER), 'the outer token text is never in the JSON');
    assert.equal(labels(nested).length, 6, 'three of the chain, id_token, software_statement, batch');
    const third = nested[2]!.nested[0]!.nested[0]!;
    assert.equal(third.depth, 3);
    assert.deepEqual(third.nestedNotices.map((n) => [n.code, n.depth]), [['too-deep', 4]]);
    assert.deepEqual(report.token.nestedNotices, []);
  });

  it('--json: a token without nested tokens has nested: [] and nestedNotices: []', async () => {
    const { out } = await runInProcess(['decode', '--json', ...AT, ID_TOKEN]);
    const report = JSON.parse(out) as DecodeReport;
    assert.deepEqual([report.token.nested, report.token.nestedNotices], [[], []]);
  });

  it('text: a "Nested tokens" section, each inner token indented under its claim path, the stop explained', async () => {
    const { out } = await runInProcess(['decode', ...AT, OUTER]);
    const section = out.slice(out.indexOf('\nNested tokens\n'));
    assert.ok(section.length > 20, 'no Nested tokens section');
    assert.match(section, /\n {2}id_token \(nested, depth 1\)\n {4}JWS · RS256 · expires in 50 min · \d+ B\n/);
    assert.match(section, /\n {4}Header\n {6}\{\n {8}"alg": "RS256",/);
    assert.match(section, /\n {2}software_statement \(nested, depth 1\)\n {4}JWS · ES256 · never expires/);
    // The chain: each level indented four more.
    assert.match(section, /\n {6}act\.actor_token → act\.actor_token \(nested, depth 2\)\n/);
    assert.match(section, /\n {14}stopped A token nested 4 levels deep \(act\.actor_token → act\.actor_token → act\.actor_token → act\.actor_token\) is not decoded: nested tokens are shown to a depth of 3\n/);
  });

  it('text: cty: JWT shows the payload as the inner token', async () => {
    const { out } = await runInProcess(['decode', ...AT, CTY_JWT]);
    assert.match(out, /\nNested tokens\n\n {2}payload \(cty: JWT\) \(the payload, cty: JWT\)\n {4}JWS · RS256 · expires in 50 min/);
  });

  it('member names from the token are escaped for the terminal (ESC, bidi controls)', async () => {
    const hostile = jws({ alg: 'HS256' }, { 'x\u001b]0;pwned\u0007\u202e': ID_TOKEN });
    const { out } = await runInProcess(['decode', ...AT, hostile]);
    const section = out.slice(out.indexOf('\nNested tokens\n'));
    assert.ok(!/[\u001b\u0007\u202e]/.test(section), 'a control character reached the terminal');
    assert.match(section, /x\\x1b\]0;pwned\\x07\\u202e \(nested, depth 1\)/);
  });
});
