import { strict as assert } from 'node:assert';
import {
  findHttpVariables,
  findVariableReferenceAt,
  findVariableReferences,
  mergeEnvironments,
  parseDotEnv,
  parseJetBrainsEnvironments,
  parseRestClientEnvironments,
  resolveVariable,
} from '../../../src/core/http';

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
  it('stops at a deep (non-cyclic) chain', () => {
    const lines = Array.from({ length: 40 }, (_, i) => `@v${i} = {{v${i + 1}}}`).join('\n');
    const r = resolveVariable('v0', { fileVariables: findHttpVariables(lines) });
    assert.equal(!r.ok && r.error.code, 'ERR_DEPTH');
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
