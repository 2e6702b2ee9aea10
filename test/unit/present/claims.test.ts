import { strict as assert } from 'node:assert';
import { claimsTable, claimText, claimTextFromJson } from '../../../src/present/claims';

describe('present/claims', () => {
  it('claimText: strings as they are, everything else as compact JSON', () => {
    assert.equal(claimText('x'), 'x');
    assert.equal(claimText(['a', 1]), '["a",1]');
    assert.equal(claimText({ a: null }), '{"a":null}');
    assert.equal(claimText(12345678901234567000), '12345678901234567000');
    assert.equal(claimText(undefined), 'undefined');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    assert.equal(claimText(cycle), '[object Object]');
  });

  it('claimTextFromJson: the claimText of the value the JSON holds', () => {
    for (const value of ['alice', '', 'a "quoted" \\ line\nbreak', 1, true, null, ['a', 1], { b: [null] }]) {
      assert.equal(claimTextFromJson(JSON.stringify(value)), claimText(value), JSON.stringify(value));
    }
    assert.equal(claimTextFromJson('"not closed'), '"not closed', 'text that is not JSON stays as it is');
    assert.equal(claimTextFromJson('plain'), 'plain');
  });

  it('claimsTable: | Part | Claim | Value |, header rows then payload rows, in token order', () => {
    assert.equal(
      claimsTable({ alg: 'HS256', typ: 'JWT' }, { sub: 'carol', aud: ['a', 'b'], exp: 1_900_000_000 }),
      [
        '| Part | Claim | Value |',
        '| --- | --- | --- |',
        '| header | alg | HS256 |',
        '| header | typ | JWT |',
        '| payload | sub | carol |',
        '| payload | aud | \\["a","b"\\] |',
        '| payload | exp | 1900000000 |',
      ].join('\n'),
    );
  });

  it('claimsTable: no payload rows when the payload has no claims (JWE, text)', () => {
    assert.deepEqual(claimsTable({ alg: 'RSA-OAEP', enc: 'A256GCM' }, undefined).split('\n').slice(2), ['| header | alg | RSA-OAEP |', '| header | enc | A256GCM |']);
  });

  it('claimsTable: names and values are escaped cells (pipes, line breaks, links) and bounded', () => {
    const table = claimsTable({}, { 'a|b': 'x\ny | [z](command:w)', long: 'v'.repeat(5000) });
    const rows = table.split('\n');
    assert.equal(rows.length, 4);
    assert.equal(rows[2], '| payload | a\\|b | x y \\| \\[z\\]\\(command:w\\) |');
    assert.ok(rows[3]!.length < 2100, 'a cell is cut at 2000 characters');
  });
});
