import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MAX_JSON_DEPTH, readJson } from '../../../src/core/json';

/** RFC 8259 grammar checks against JSON.parse, plus what JSON.parse hides. */
describe('readJson', () => {
  const agreesWithJsonParse = [
    '{}', '[]', 'null', 'true', 'false', '0', '-0', '1.5e-3', '"a\\u00e9\\n\\"\\\\\\/"', '{"a":[1,{"b":null}],"c":"d"}',
    ' \t\r\n{ "a" : 1 } ', '[[[[]]]]', '"\\ud83d\\ude00"', '{"":1}', '1E+2',
  ];
  for (const text of agreesWithJsonParse) {
    it(`reads ${JSON.stringify(text)} like JSON.parse`, () => {
      const r = readJson(text);
      assert.ok(r.ok);
      if (r.ok) assert.deepEqual(r.value.value, JSON.parse(text));
    });
  }
  const invalid = ['', ' ', '{', '[1,]', '{"a":1,}', '{a:1}', "'a'", '01', '1.', '.5', '+1', 'NaN', 'undefined', '"\u0001"', '"\\x"', '"\\u12"', '[1 2]', '{"a" 1}', 'tru', '{"a":1}}', '[]]'];
  for (const text of invalid) {
    it(`rejects ${JSON.stringify(text)} (as JSON.parse does)`, () => {
      assert.throws(() => JSON.parse(text));
      const r = readJson(text);
      assert.ok(!r.ok);
      if (!r.ok) assert.equal(r.error.code, 'syntax');
    });
  }
  it('reports duplicates with the path of their object (RFC 8259 §4: names SHOULD be unique)', () => {
    const r = readJson('{"a":1,"x":{"y":[{"k":1,"k":2,"k":3}]},"a":2,"we ird":{"q":1,"q":2}}');
    assert.ok(r.ok);
    if (r.ok) {
      assert.deepEqual(r.value.duplicates, [
        { path: 'x.y[0]', key: 'k' },
        { path: 'x.y[0]', key: 'k' },
        { path: '', key: 'a' },
        { path: '"we ird"', key: 'q' },
      ]);
      assert.equal((r.value.value as { a: number }).a, 2);
    }
  });
  it('accepts 60 levels, rejects deeper than MAX_JSON_DEPTH with too-deep, 100k levels without stack overflow', () => {
    assert.ok(readJson('['.repeat(60) + ']'.repeat(60)).ok);
    assert.ok(readJson('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok);
    const deeper = readJson('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    assert.ok(!deeper.ok && deeper.error.code === 'too-deep');
    const huge = readJson('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    assert.ok(!huge.ok && huge.error.code === 'too-deep');
  });
  it('__proto__ is an own key and does not change the prototype', () => {
    const r = readJson('{"__proto__":{"polluted":true}}');
    assert.ok(r.ok);
    if (r.ok) {
      const v = r.value.value as Record<string, unknown>;
      assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'));
      assert.equal(Object.getPrototypeOf(v), Object.prototype);
      assert.equal(v['polluted'], undefined);
      assert.deepEqual(Object.keys(v), ['__proto__']);
    }
  });
  it('lists integers JavaScript cannot hold exactly, not safe ones', () => {
    const r = readJson('{"big":9007199254740993,"safe":9007199254740991,"f":1.25,"e":1e21,"inf":1e999,"arr":[18446744073709551615]}');
    assert.ok(r.ok);
    if (r.ok) assert.deepEqual(r.value.lossyNumbers, [
      { path: 'big', raw: '9007199254740993' },
      { path: 'inf', raw: '1e999' },
      { path: 'arr[0]', raw: '18446744073709551615' },
    ]);
  });
  it('reads any JSON.stringify output like JSON.parse, with no duplicates (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 1, '\t'), (value, space) => {
        const text = JSON.stringify(value, null, space);
        const r = readJson(text);
        assert.ok(r.ok, text);
        if (r.ok) {
          assert.deepEqual(r.value.value, JSON.parse(text));
          assert.deepEqual(r.value.duplicates, []);
        }
      }),
      { numRuns: 300 },
    );
  });
  it('finds a duplicate __proto__ member and keeps the last value, as an own property', () => {
    const r = readJson('{"__proto__":1,"b":{"__proto__":2,"__proto__":3},"__proto__":4}');
    assert.ok(r.ok);
    if (r.ok) {
      assert.deepEqual(r.value.duplicates, [{ path: 'b', key: '__proto__' }, { path: '', key: '__proto__' }]);
      const v = r.value.value as Record<string, unknown>;
      assert.equal(Object.getOwnPropertyDescriptor(v, '__proto__')?.value, 4);
      assert.deepEqual(Object.keys(v), ['__proto__', 'b']);
    }
  });
  it('reads integers exactly at the 15/16-digit boundary and keeps -0', () => {
    const r = readJson('[999999999999999,-999999999999999,9007199254740991,-9007199254740993,-0,0,10]');
    assert.ok(r.ok);
    if (r.ok) {
      assert.deepEqual(r.value.value, [999999999999999, -999999999999999, 9007199254740991, -9007199254740992, -0, 0, 10]);
      assert.ok(Object.is((r.value.value as number[])[4], -0));
      assert.deepEqual(r.value.lossyNumbers, [{ path: '[3]', raw: '-9007199254740993' }]);
    }
  });
  it('finds duplicates and lossy numbers around escaped quotes, backslashes and colons inside strings', () => {
    const cases: [string, { path: string; key: string }[], { path: string; raw: string }[]][] = [
      ['{"a\\"":1,"a\\"":2}', [{ path: '', key: 'a"' }], []],
      ['{"x":"\\\\","x":1}', [{ path: '', key: 'x' }], []],
      ['{"k":"a\\\\\\":b:c","l":"::"}', [], []],
      ['{"k":"1234567890123456789","n":1234567890123456}', [], []],
      ['{"k":":","n":12345678901234567}', [], [{ path: 'n', raw: '12345678901234567' }]],
      ['[{"a":1},{"a":1},{"b":{"c":1,"c":2}}]', [{ path: '[2].b', key: 'c' }], []],
      ['{"e":1e400,"f":-1e400}', [], [{ path: 'e', raw: '1e400' }, { path: 'f', raw: '-1e400' }]],
    ];
    for (const [text, duplicates, lossyNumbers] of cases) {
      const r = readJson(text);
      assert.ok(r.ok, text);
      if (r.ok) {
        assert.deepEqual(r.value.duplicates, duplicates, text);
        assert.deepEqual(r.value.lossyNumbers, lossyNumbers, text);
        assert.deepEqual(r.value.value, JSON.parse(text), text);
      }
    }
  });
  it('reports where a document stops being JSON and why', () => {
    const cases: [string, string, number][] = [
      ['{"a":1', 'Unexpected end of JSON', 6],
      ['{"a" 1}', "Expected ':'", 5],
      ['{"a":1,}', 'Expected a member name', 7],
      ['[1 2]', "Expected ',' or a closing bracket", 3],
      ['[-]', 'Unexpected character', 1],
      ['01', 'Unexpected text after the JSON value', 1],
      ['{"a":"\\u12"}', 'Invalid string', 6],
    ];
    for (const [text, message, offset] of cases) assert.deepEqual(readJson(text), { ok: false, error: { code: 'syntax', message, offset } }, text);
  });
  // Linear time on the same shape: test/perf/core/linear.test.ts.
  it('reads long strings and runs of backslashes', () => {
    const text = JSON.stringify({ s: '\\"'.repeat(200_000), t: 'x'.repeat(1_000_000) });
    const r = readJson(text);
    assert.ok(r.ok);
    assert.deepEqual(r.value.value, JSON.parse(text));
  });
});
