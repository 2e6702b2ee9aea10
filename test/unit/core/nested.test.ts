import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeToken, MAX_NESTED_DEPTH, MAX_NESTED_TOKENS, nestedTokens } from '../../../src/core';
import type { DecodedToken, NestedToken } from '../../../src/core';
import { actorChain, CHAIN_3, CTY_JWE, CTY_JWT, ID_TOKEN, jws, manyNested, NOW, OUTER, SOFTWARE_STATEMENT } from './fixtures/nested';

function decoded(token: string): DecodedToken {
  const r = decodeToken(token);
  assert.ok(r.ok, `fixture does not decode: ${r.ok ? '' : r.error.message}`);
  return r.value;
}

/** Every inner token, depth first, as `label @depth`. */
function labels(tokens: readonly NestedToken[]): string[] {
  return tokens.flatMap((t) => [`${t.label} @${t.depth}`, ...labels(t.tokens)]);
}

describe('core nestedTokens (issue 13)', () => {
  it('finds id_token, software_statement and the act chain, each with its own header, claims, times and findings', () => {
    const nested = nestedTokens(decoded(OUTER), { now: NOW });
    assert.deepEqual(nested.tokens.map((t) => t.label), ['id_token', 'software_statement', 'act.actor_token', 'act.act.actor_token']);
    const [id, statement, chain, batch] = nested.tokens;
    assert.equal(id!.token, ID_TOKEN);
    assert.deepEqual(id!.path, ['id_token']);
    assert.equal(id!.via, 'claim');
    assert.equal(id!.depth, 1);
    assert.equal(id!.inspection.decoded.header.kid, 'idp-1');
    assert.equal(id!.inspection.time.status, 'valid');
    assert.equal(id!.inspection.decoded.payload.type === 'claims' && id!.inspection.decoded.payload.claims.nonce, 'n-0S6_WzA2Mj');
    assert.equal(statement!.token, SOFTWARE_STATEMENT);
    assert.equal(statement!.inspection.time.status, 'never-expires');
    assert.ok(statement!.inspection.hints.some((h) => h.code === 'TL101'), 'the software statement has its own findings (no exp)');
    assert.deepEqual(chain!.path, ['act', 'actor_token']);
    assert.deepEqual(batch!.path, ['act', 'act', 'actor_token']);
    assert.equal(batch!.inspection.decoded.payload.type === 'claims' && batch!.inspection.decoded.payload.claims.sub, 'batch-runner');
  });

  it('follows a delegation chain to depth 3 and stops the fourth token with a notice (not an exception)', () => {
    const nested = nestedTokens(decoded(OUTER), { now: NOW });
    const chain = nested.tokens[2]!;
    assert.deepEqual(labels([chain]), [
      'act.actor_token @1',
      'act.actor_token → act.actor_token @2',
      'act.actor_token → act.actor_token → act.actor_token @3',
    ]);
    const third = chain.tokens[0]!.tokens[0]!;
    assert.equal(third.depth, MAX_NESTED_DEPTH);
    assert.deepEqual(third.tokens, []);
    assert.equal(third.notices.length, 1);
    const stop = third.notices[0]!;
    assert.equal(stop.code, 'too-deep');
    assert.equal(stop.depth, 4);
    assert.equal(stop.label, 'act.actor_token → act.actor_token → act.actor_token → act.actor_token');
    assert.match(stop.message, /^A token nested 4 levels deep \(act\.actor_token → .*\) is not decoded: nested tokens are shown to a depth of 3$/);
    assert.deepEqual(nested.notices, [], 'the stop is reported where it happened');
  });

  it('a chain three deep is shown whole, with no notice', () => {
    const nested = nestedTokens(decoded(jws({ alg: 'HS256' }, { act: { actor_token: CHAIN_3 } })), { now: NOW });
    const all = labels(nested.tokens);
    assert.equal(all.length, 3);
    const notices = (t: readonly NestedToken[]): number => t.reduce((n, x) => n + x.notices.length + notices(x.tokens), 0);
    assert.equal(notices(nested.tokens) + nested.notices.length, 0);
  });

  it('cty: JWT: the payload of a JWS is the inner token (RFC 7519 §5.2)', () => {
    const nested = nestedTokens(decoded(CTY_JWT), { now: NOW });
    assert.equal(nested.tokens.length, 1);
    const inner = nested.tokens[0]!;
    assert.equal(inner.via, 'cty');
    assert.deepEqual(inner.path, []);
    assert.equal(inner.label, 'payload (cty: JWT)');
    assert.equal(inner.token, ID_TOKEN);
    assert.equal(inner.inspection.decoded.header.kid, 'idp-1');
    // Media type names are case-insensitive and may carry application/ (RFC 7515 §4.1.10).
    for (const cty of ['jwt', 'application/JWT']) {
      const token = `${Buffer.from(JSON.stringify({ alg: 'RS256', cty })).toString('base64url')}.${Buffer.from(ID_TOKEN).toString('base64url')}.c2ln`;
      assert.equal(nestedTokens(decoded(token), { now: NOW }).tokens[0]?.token, ID_TOKEN, cty);
    }
    // Without cty the text payload is not searched.
    const plain = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(ID_TOKEN).toString('base64url')}.c2ln`;
    assert.deepEqual(nestedTokens(decoded(plain), { now: NOW }).tokens, []);
  });

  it('a JWE whose header says cty: JWT gets a notice: the inner token is in the ciphertext', () => {
    const nested = nestedTokens(decoded(CTY_JWE), { now: NOW });
    assert.deepEqual(nested.tokens, []);
    assert.deepEqual(nested.notices.map((n) => [n.code, n.label, n.depth]), [['encrypted', 'payload (cty: JWT)', 1]]);
  });

  it(`reports at most ${MAX_NESTED_TOKENS} inner tokens, then one too-many notice`, () => {
    const nested = nestedTokens(decoded(manyNested(MAX_NESTED_TOKENS + 4)), { now: NOW });
    assert.equal(nested.tokens.length, MAX_NESTED_TOKENS);
    assert.deepEqual(nested.notices.map((n) => [n.code, n.label]), [['too-many', 't16']]);
    assert.match(nested.notices[0]!.message, /^More than 16 nested tokens: the ones from t16 on are not decoded$/);
    assert.deepEqual(nestedTokens(decoded(manyNested(MAX_NESTED_TOKENS)), { now: NOW }).notices, [], 'exactly the cap: no notice');
  });

  it('the budget counts every depth together', () => {
    const claims: Record<string, string> = {};
    for (let i = 0; i < 8; i++) claims[`c${i}`] = actorChain(3);
    const nested = nestedTokens(decoded(jws({ alg: 'HS256' }, claims)), { now: NOW });
    assert.equal(labels(nested.tokens).length, MAX_NESTED_TOKENS);
    const deepest = (t: readonly NestedToken[]): string[] => t.flatMap((x) => [...x.notices.map((n) => n.code), ...deepest(x.tokens)]);
    assert.deepEqual([...nested.notices.map((n) => n.code), ...deepest(nested.tokens)], ['too-many']);
  });

  it('finds tokens in arrays and in may_act, and names array items [i]', () => {
    const nested = nestedTokens(decoded(jws({ alg: 'HS256' }, { may_act: { sub: 'ops', tokens: ['x', ID_TOKEN] } })), { now: NOW });
    assert.deepEqual(nested.tokens.map((t) => [t.label, t.path]), [['may_act.tokens[1]', ['may_act', 'tokens', 1]]]);
  });

  it('ignores strings that only look like tokens: version numbers, dotted names, a header without alg, a JSON payload', () => {
    const noAlg = `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.c2ln`;
    const payload = { v: '1.2.3', host: 'api.demo.example', dotted: 'aaaaaaaaaaaa.bbbbbbbbbb.cccccccccc', noAlg, five: 'a.b.c.d.e', n: 12, empty: '' };
    assert.deepEqual(nestedTokens(decoded(jws({ alg: 'HS256' }, payload)), { now: NOW }), { tokens: [], notices: [] });
  });

  it('finds a JWE in a claim (five segments), and an unsecured token', () => {
    const unsecured = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.`;
    const nested = nestedTokens(decoded(jws({ alg: 'HS256' }, { enc: CTY_JWE, plain: unsecured })), { now: NOW });
    assert.deepEqual(nested.tokens.map((t) => [t.label, t.inspection.decoded.kind]), [['enc', 'jwe'], ['plain', 'unsecured']]);
    assert.deepEqual(nested.tokens[0]!.notices.map((n) => [n.code, n.label]), [['encrypted', 'enc → payload (cty: JWT)']]);
  });

  it('inner tokens are inspected at the outer token\'s instant ("valid at…")', () => {
    const later = nestedTokens(decoded(OUTER), { now: NOW + 2 * 3600 * 1000 });
    assert.equal(later.tokens[0]!.inspection.time.status, 'expired');
    assert.equal(later.tokens[0]!.inspection.time.now, NOW + 2 * 3600 * 1000);
  });

  it('is total: any JSON payload gives a result', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const r = nestedTokens(decoded(jws({ alg: 'HS256' }, { v: value, t: ID_TOKEN })), { now: NOW });
        assert.ok(r.tokens.length >= 1);
      }),
      { numRuns: 200 },
    );
  });
});
