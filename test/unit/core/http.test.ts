import { strict as assert } from 'node:assert';
import {
  findHttpVariables,
  findVariableReferenceAt,
  findVariableReferences,
  MAX_RESOLVE_WORK,
  MAX_RESOLVED_LENGTH,
  mergeEnvironments,
  parseDotEnv,
  parseJetBrainsEnvironments,
  parseRestClientEnvironments,
  resolveVariable,
  resolveVariableInAnyEnvironment,
} from '../../../src/core/http';
import { MAX_JSON_DEPTH } from '../../../src/core/json';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';

const HTTP_FILE = [
  '@host = api.example.com',
  `@token=${TOKEN}`,
  '@auth = Bearer {{token}}',
  '  @spaced   =   value with spaces   ',
  '# @name login',
  'GET https://{{host}}/me',
  'Authorization: {{auth}}',
  'X-Env: {{$dotenv API_KEY}}',
  'X-Proc: {{$processEnv %TOKEN_VAR}}',
  'X-Id: {{$guid}}',
  'X-Login: {{login.response.body.$.token}}',
  '',
].join('\r\n');

describe('findHttpVariables', () => {
  const vars = findHttpVariables(HTTP_FILE);
  it('finds file variables with and without spaces, ignores `# @name` request names', () => {
    assert.deepEqual(
      vars.map((v) => [v.name, v.value, v.line]),
      [
        ['host', 'api.example.com', 0],
        ['token', TOKEN, 1],
        ['auth', 'Bearer {{token}}', 2],
        ['spaced', 'value with spaces', 3],
      ],
    );
  });
  it('reports exact offsets of names and values', () => {
    for (const v of vars) {
      assert.equal(HTTP_FILE.slice(v.nameStart, v.nameEnd), v.name);
      assert.equal(HTTP_FILE.slice(v.valueStart, v.valueEnd), v.value);
    }
  });
  // Linear time (no regex backtracking) on these shapes: test/perf/core/linear.test.ts.
  it('reads a value with a huge run of spaces', () => {
    const line = `@v = a${' '.repeat(200_000)}b${' '.repeat(200_000)}`;
    const [v] = findHttpVariables(line);
    assert.equal(v.value.length, 200_002);
  });
  it('is total', () => {
    assert.deepEqual(findHttpVariables(''), []);
    assert.deepEqual(findHttpVariables(undefined as unknown as string), []);
  });
});

describe('findVariableReferenceAt / findVariableReferences', () => {
  const at = (needle: string, delta = 2) => findVariableReferenceAt(HTTP_FILE, HTTP_FILE.indexOf(needle) + delta);
  it('classifies each kind of reference', () => {
    assert.deepEqual(
      findVariableReferences(HTTP_FILE).map((r) => [r.kind, r.name]),
      [
        ['variable', 'token'],
        ['variable', 'host'],
        ['variable', 'auth'],
        ['dotenv', 'API_KEY'],
        ['processEnv', 'TOKEN_VAR'],
        ['system', '$guid'],
        ['request', 'login.response.body.$.token'],
      ],
    );
  });
  it('returns the reference covering the offset with whole-braces offsets', () => {
    const ref = at('{{auth}}', 3);
    assert.equal(ref?.name, 'auth');
    assert.equal(HTTP_FILE.slice(ref!.start, ref!.end), '{{auth}}');
    assert.equal(at('{{auth}}', 0)?.name, 'auth');
    assert.equal(at('{{auth}}', 8)?.name, 'auth');
    assert.equal(at('Authorization', 0), undefined);
    assert.equal(findVariableReferenceAt(HTTP_FILE, -3), undefined);
  });
  it('skips many unclosed {{ lines', () => {
    const text = '{{a\n'.repeat(100_000) + '{{b}}';
    assert.deepEqual(
      findVariableReferences(text).map((r) => r.name),
      ['b'],
    );
  });
  it('finds every reference on one long line, and the one at an offset', () => {
    const line = 'x-{{a}} '.repeat(10_000) + '{{last}}';
    const references = findVariableReferences(line);
    assert.equal(references.length, 10_001);
    assert.ok(references.every((r, i) => line.slice(r.start, r.end) === (i < 10_000 ? '{{a}}' : '{{last}}')));
    assert.equal(findVariableReferenceAt(line, line.length - 3)?.name, 'last');
    assert.equal(findVariableReferenceAt(`GET /\n${line}\n`, 6 + 4)?.start, 6 + 2);
    // Where two references touch, the first that is a reference wins (an empty `{{ }}` is none).
    assert.equal(findVariableReferenceAt('{{b}}{{a}}', 5)?.name, 'b');
    assert.equal(findVariableReferenceAt('{{ }}{{a}}', 5)?.name, 'a');
    assert.equal(findVariableReferenceAt('{{ }} {{a}}', 2), undefined);
  });
  it('does not pair braces across lines', () => {
    assert.deepEqual(findVariableReferences('{{a\n}}'), []);
  });
});

describe('resolveVariable', () => {
  const fileVariables = findHttpVariables(HTTP_FILE);
  it('resolves a file variable that holds a token', () => {
    const r = resolveVariable('token', { fileVariables });
    assert.ok(r.ok);
    assert.equal(r.value.value, TOKEN);
    assert.equal(r.value.chain[0].source, 'file');
  });
  it('follows references and records the chain', () => {
    const r = resolveVariable('{{auth}}', { fileVariables });
    assert.ok(r.ok);
    assert.equal(r.value.value, `Bearer ${TOKEN}`);
    assert.deepEqual(
      r.value.chain.map((d) => d.variable.name),
      ['auth', 'token'],
    );
  });
  it('falls back to the selected environment, then $shared; file variables win', () => {
    const envs = parseRestClientEnvironments('{"$shared": {"token": "shared", "only": "s"}, "dev": {"token": "dev"}}');
    assert.ok(envs.ok);
    const sources = { environments: envs.value, environment: 'dev' };
    const dev = resolveVariable('token', sources);
    assert.ok(dev.ok && dev.value.value === 'dev');
    const shared = resolveVariable('only', sources);
    assert.ok(shared.ok && shared.value.value === 's');
    const file = resolveVariable('token', { ...sources, fileVariables });
    assert.ok(file.ok && file.value.value === TOKEN);
  });
  it('resolves $dotenv from a parsed .env file', () => {
    const dotenv = parseDotEnv(`API_KEY=${TOKEN}\n`);
    const r = resolveVariable('{{$dotenv API_KEY}}', { dotenv });
    assert.ok(r.ok && r.value.value === TOKEN && r.value.chain[0].source === 'dotenv');
  });
  it('gives typed errors: undefined, cycle, external', () => {
    const cyclic = findHttpVariables('@a = {{b}}\n@b = x{{a}}');
    const cases: [string, Parameters<typeof resolveVariable>[1], string][] = [
      ['missing', { fileVariables }, 'ERR_UNDEFINED'],
      ['a', { fileVariables: cyclic }, 'ERR_CYCLE'],
      ['{{$processEnv TOKEN}}', {}, 'ERR_EXTERNAL'],
      ['{{$guid}}', {}, 'ERR_EXTERNAL'],
      ['{{login.response.body.token}}', {}, 'ERR_EXTERNAL'],
      ['', {}, 'ERR_UNDEFINED'],
    ];
    for (const [name, sources, code] of cases) {
      const r = resolveVariable(name, sources);
      assert.equal(!r.ok && r.error.code, code, name);
    }
  });
  it('detects a self-reference and a cycle through an environment file; a diamond is no cycle', () => {
    const envs = parseJetBrainsEnvironments('{"dev": {"b": "{{a}}"}}');
    assert.ok(envs.ok);
    const cycle = resolveVariable('a', { fileVariables: findHttpVariables('@a = Bearer {{b}}'), environments: envs.value, environment: 'dev' });
    assert.equal(!cycle.ok && cycle.error.code, 'ERR_CYCLE');
    const self = resolveVariable('a', { fileVariables: findHttpVariables('@a = {{a}}') });
    assert.equal(!self.ok && self.error.code, 'ERR_CYCLE');
    const diamond = resolveVariable('t', { fileVariables: findHttpVariables('@t = {{l}}.{{r}}\n@l = {{b}}\n@r = {{b}}\n@b = v') });
    assert.ok(diamond.ok && diamond.value.value === 'v.v');
  });
  it('stops at a deep (non-cyclic) chain', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `@v${i} = {{v${i + 1}}}`).join('\n');
    const r = resolveVariable('v0', { fileVariables: findHttpVariables(lines) });
    assert.equal(!r.ok && r.error.code, 'ERR_DEPTH');
  });
  it('counts the depth below a variable resolved earlier when it is referenced again deeper', () => {
    // t → w → x first (w at depth 1), then t → d1 → … → dN → w: w again at depth N + 1.
    const file = (n: number) =>
      findHttpVariables(['@t = {{w}}{{d1}}', ...Array.from({ length: n }, (_, i) => `@d${i + 1} = {{${i + 1 === n ? 'w' : `d${i + 2}`}}}`), '@w = {{x}}', '@x = ok'].join('\n'));
    const fits = resolveVariable('t', { fileVariables: file(14) });
    assert.ok(fits.ok && fits.value.value === 'okok');
    const deep = resolveVariable('t', { fileVariables: file(15) });
    assert.equal(!deep.ok && deep.error.code, 'ERR_DEPTH');
  });
  it('resolves each variable once per call and lists its definition once in the chain', () => {
    const fileVariables = findHttpVariables('@t = {{a}}.{{a}}.{{b}}\n@a = {{b}}{{b}}\n@b = [{{$dotenv K}}{{$dotenv K}}]');
    const r = resolveVariable('t', { fileVariables, dotenv: parseDotEnv('K=k') });
    assert.ok(r.ok);
    assert.equal(r.value.value, '[kk][kk].[kk][kk].[kk]');
    assert.deepEqual(
      r.value.chain.map((d) => `${d.source}:${d.variable.name}`),
      ['file:t', 'file:a', 'file:b', 'dotenv:K'],
    );
  });
  it(`gives ERR_TOO_LARGE past ${MAX_RESOLVED_LENGTH} characters per value`, () => {
    const exact = findHttpVariables(`@t = {{h}}{{h}}\n@h = ${'x'.repeat(MAX_RESOLVED_LENGTH / 2)}`);
    const fits = resolveVariable('t', { fileVariables: exact });
    assert.ok(fits.ok && fits.value.value.length === MAX_RESOLVED_LENGTH);
    const over = findHttpVariables(`@t = {{h}}{{h}}!\n@h = ${'x'.repeat(MAX_RESOLVED_LENGTH / 2)}`);
    const r = resolveVariable('{{t}}', { fileVariables: over });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_TOO_LARGE');
    assert.equal(r.error.name, 't');
    assert.match(r.error.message, /too large to resolve/);
    const dotenv = resolveVariable('{{$dotenv BIG}}', { dotenv: parseDotEnv(`BIG=${'x'.repeat(MAX_RESOLVED_LENGTH + 1)}`) });
    assert.equal(!dotenv.ok && dotenv.error.code, 'ERR_TOO_LARGE');
  });
  it(`gives ERR_TOO_LARGE past ${MAX_RESOLVE_WORK} characters of work per call, each value within its cap`, () => {
    // 17 levels (the depth bound) of 64,000 characters each: every value fits, the sum does not.
    const chain = (levels: number) =>
      findHttpVariables([`@a0 = ${'x'.repeat(64_000)}`, ...Array.from({ length: levels - 1 }, (_, i) => `@a${i + 1} = {{a${i}}}`)].join('\n'));
    const fits = resolveVariable('a15', { fileVariables: chain(16) });
    assert.ok(fits.ok && fits.value.value.length === 64_000);
    const r = resolveVariable('a16', { fileVariables: chain(17) });
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_TOO_LARGE');
    assert.match(r.error.message, /too large to resolve .*in all/);
  });
});

describe('resolveVariableInAnyEnvironment', () => {
  const envs = parseJetBrainsEnvironments('{"$shared": {"s": "shared"}, "dev": {"token": "{{missing}}"}, "qa": {"token": "q", "x": "qx"}, "prod": {"token": "p"}}');
  assert.ok(envs.ok);
  const environments = envs.value;
  it('uses the first environment in file order that resolves the name, and names it', () => {
    const r = resolveVariableInAnyEnvironment('{{auth}}', { fileVariables: findHttpVariables('@auth = Bearer {{token}}'), environments });
    assert.ok(r.ok);
    assert.equal(r.value.value, 'Bearer q');
    assert.equal(r.value.environment, 'qa');
  });
  it('names no environment when the file or $shared resolves the name', () => {
    const shared = resolveVariableInAnyEnvironment('s', { environments });
    assert.ok(shared.ok && shared.value.value === 'shared' && shared.value.environment === undefined);
    const file = resolveVariableInAnyEnvironment('token', { environments, fileVariables: findHttpVariables('@token = f') });
    assert.ok(file.ok && file.value.value === 'f' && file.value.environment === undefined);
  });
  it('finds the environment whose own value avoids the missing name (same answer as trying each in turn)', () => {
    // dev lacks {{token}} but overrides {{auth}} itself; qa defines token; dev comes first.
    const envs = parseJetBrainsEnvironments('{"$shared": {"auth": "Bearer {{token}}"}, "dev": {"auth": "Basic abc"}, "qa": {"token": "q"}}');
    assert.ok(envs.ok);
    const r = resolveVariableInAnyEnvironment('auth', { environments: envs.value });
    assert.ok(r.ok && r.value.value === 'Basic abc' && r.value.environment === 'dev');
  });
  it('keeps the first error when no environment resolves, and does not retry other errors', () => {
    const none = resolveVariableInAnyEnvironment('nowhere', { environments });
    assert.equal(!none.ok && none.error.code, 'ERR_UNDEFINED');
    const cycle = resolveVariableInAnyEnvironment('a', { fileVariables: findHttpVariables('@a = {{a}}'), environments });
    assert.equal(!cycle.ok && cycle.error.code, 'ERR_CYCLE');
    const dotenv = resolveVariableInAnyEnvironment('{{$dotenv token}}', { environments });
    assert.equal(!dotenv.ok && dotenv.error.code, 'ERR_UNDEFINED');
  });
  it(`shares one work budget (${MAX_RESOLVE_WORK}) across its tries`, () => {
    // Each environment defines {{token}} through a missing name, so each is tried, and each try
    // reads 1,000 characters of @auth; only the last resolves.
    const count = 2_000;
    const json = JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`env${i}`, { token: i === count - 1 ? 't' : '{{missing}}' }])));
    const many = parseJetBrainsEnvironments(json);
    assert.ok(many.ok);
    const sources = { fileVariables: findHttpVariables(`@auth = ${'x'.repeat(1_000)}{{token}}`), environments: many.value };
    const r = resolveVariableInAnyEnvironment('auth', sources);
    assert.equal(!r.ok && r.error.code, 'ERR_TOO_LARGE');
    const few = parseJetBrainsEnvironments(JSON.stringify({ a: { token: '{{missing}}' }, b: { token: 't' } }));
    assert.ok(few.ok);
    const fits = resolveVariableInAnyEnvironment('auth', { ...sources, environments: few.value });
    assert.ok(fits.ok && fits.value.environment === 'b');
  });
});

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

describe('parseDotEnv', () => {
  const text = ['# comment', `TOKEN=${TOKEN}`, 'export QUOTED="a b"', "SINGLE='x y'", 'TRAILING=value # note', '  SPACED = v', 'not a line', ''].join('\n');
  const vars = parseDotEnv(text);
  it('reads names and values (quotes, export, trailing comments)', () => {
    assert.deepEqual(
      vars.map((v) => [v.name, v.value]),
      [
        ['TOKEN', TOKEN],
        ['QUOTED', 'a b'],
        ['SINGLE', 'x y'],
        ['TRAILING', 'value'],
        ['SPACED', 'v'],
      ],
    );
  });
  it('reports offsets of names and values', () => {
    for (const v of vars) {
      assert.equal(text.slice(v.nameStart, v.nameEnd), v.name);
      assert.equal(text.slice(v.valueStart, v.valueEnd), v.value);
    }
  });
});
