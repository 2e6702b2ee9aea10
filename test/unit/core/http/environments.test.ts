import { strict as assert } from 'node:assert';
import { mergeEnvironments, parseJetBrainsEnvironments, parseRestClientEnvironments } from '../../../../src/core/http/environments';
import { resolveVariable } from '../../../../src/core/http/resolve';
import { MAX_JSON_DEPTH } from '../../../../src/core/json';
import { TOKEN } from './fixture';

describe('environment files', () => {
  it('parses the rest-client.environmentVariables setting, whole settings.json with comments', () => {
    const settings = `{
      // user settings
      "editor.fontSize": 14,
      "rest-client.environmentVariables": {
        "$shared": { "version": "v1" },
        "local": { "token": "${TOKEN}", "port": 8080, },
        /* staging */ "staging": { "token": "abc" }
      },
    }`;
    const r = parseRestClientEnvironments(settings);
    assert.ok(r.ok);
    assert.deepEqual(r.value.names, ['$shared', 'local', 'staging']);
    const token = r.value.variables.find((v) => v.environment === 'local' && v.name === 'token')!;
    assert.equal(settings.slice(token.valueStart, token.valueEnd), TOKEN);
    assert.equal(settings.slice(token.nameStart, token.nameEnd), 'token');
    assert.equal(r.value.variables.find((v) => v.name === 'port')?.value, '8080');
  });
  it('parses JetBrains http-client.env.json, skipping nested config objects', () => {
    const json = `{"dev": {"token": "${TOKEN}", "Security": {"Auth": {"x": 1}}}, "prod": {"host": "p"}}`;
    const r = parseJetBrainsEnvironments(json);
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.variables.map((v) => [v.environment, v.name, v.origin]),
      [
        ['dev', 'token', 'jetbrains'],
        ['prod', 'host', 'jetbrains'],
      ],
    );
  });
  it('merges public and private JetBrains files, private values winning', () => {
    const pub = parseJetBrainsEnvironments('{"dev": {"host": "h", "token": "public"}}');
    const priv = parseJetBrainsEnvironments('{"dev": {"token": "private"}, "local": {"token": "l"}}');
    assert.ok(pub.ok && priv.ok);
    const merged = mergeEnvironments(pub.value, priv.value);
    assert.deepEqual(merged.names, ['dev', 'local']);
    assert.deepEqual(mergeEnvironments(priv.value, pub.value, priv.value).names, ['dev', 'local'], 'each name once, first-seen order');
    const token = resolveVariable('token', { environments: merged, environment: 'dev' });
    assert.ok(token.ok && token.value.value === 'private');
    const host = resolveVariable('host', { environments: merged, environment: 'dev' });
    assert.ok(host.ok && host.value.value === 'h');
  });
  it('reports JSON errors with an offset and never throws', () => {
    for (const bad of ['', '{', '{"a": }', '[1,2]', '{"a": {"b": "x\n"}}', '{'.repeat(200), '{"a":1} extra', '/* open']) {
      const r = parseJetBrainsEnvironments(bad);
      assert.equal(r.ok, false, bad);
    }
    const shape = parseJetBrainsEnvironments('[1]');
    assert.equal(!shape.ok && shape.error.code, 'ERR_SHAPE');
  });
  it('words each JSON error as a sentence with the offset where it stops', () => {
    const cases: [string, string, number][] = [
      ['{"dev": {"token": }}', 'Expected a value', 18],
      ['{"dev": {"token": "x"} "qa": {}}', 'Expected ","', 23],
      ['{"dev": {"token": "x\\q"}}', 'Invalid escape in a string', 18],
      ['{"dev": {}} {}', 'Unexpected text after the JSON value', 12],
      ['{"dev": {}} extra', 'Unexpected character', 12],
      ['{"dev": {} /* open', 'Unterminated comment', 11],
      ['', 'Expected a value', 0],
    ];
    for (const [text, message, offset] of cases) assert.deepEqual(parseJetBrainsEnvironments(text), { ok: false, error: { code: 'ERR_JSON', message, offset } }, text);
  });
  it(`accepts nesting up to MAX_JSON_DEPTH (${MAX_JSON_DEPTH}) levels, refuses deeper with the offset, and never recurses on 100k levels`, () => {
    const nested = (levels: number) => `{"dev": {"token": "t", "config": ${'['.repeat(levels - 2)}${']'.repeat(levels - 2)}}}`;
    const deepest = parseJetBrainsEnvironments(nested(MAX_JSON_DEPTH));
    assert.ok(deepest.ok && deepest.value.variables.length === 1);
    const text = nested(MAX_JSON_DEPTH + 1);
    const deeper = parseJetBrainsEnvironments(text);
    assert.deepEqual(deeper, { ok: false, error: { code: 'ERR_JSON', message: `Nested deeper than ${MAX_JSON_DEPTH} levels`, offset: text.lastIndexOf('[') } });
    const huge = parseJetBrainsEnvironments('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
    assert.equal(!huge.ok && huge.error.code, 'ERR_JSON');
  });
  it('reads a file that starts with a BOM, offsets unchanged', () => {
    const text = '\ufeff{"dev": {"token": "t"}}';
    const r = parseJetBrainsEnvironments(text);
    assert.ok(r.ok);
    const [token] = r.value.variables;
    assert.equal(text.slice(token!.valueStart, token!.valueEnd), 't');
  });
  it('keeps number, boolean and null members as written, and unescapes strings with their raw offsets', () => {
    const text = '{"dev": {"n": 1e3, "b": true, "z": null, "s": "a\\"b"}}';
    const r = parseJetBrainsEnvironments(text);
    assert.ok(r.ok);
    assert.deepEqual(r.value.variables.map((v) => [v.name, v.value, text.slice(v.valueStart, v.valueEnd)]), [
      ['n', '1e3', '1e3'],
      ['b', 'true', 'true'],
      ['z', 'null', 'null'],
      ['s', 'a"b', 'a\\"b'],
    ]);
  });
});
