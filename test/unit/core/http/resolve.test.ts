import { strict as assert } from 'node:assert';
import { parseDotEnv } from '../../../../src/core/http/dotenv';
import { parseJetBrainsEnvironments, parseRestClientEnvironments } from '../../../../src/core/http/environments';
import { MAX_RESOLVE_WORK, MAX_RESOLVED_LENGTH, createVariableResolver, resolveVariable, resolveVariableInAnyEnvironment } from '../../../../src/core/http/resolve';
import { findHttpVariables } from '../../../../src/core/http/variables';
import { HTTP_FILE, TOKEN } from './fixture';

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

describe('createVariableResolver', () => {
  const envs = parseJetBrainsEnvironments('{"$shared": {"host": "api", "auth": "Bearer {{token}}"}, "dev": {"auth": "Basic abc"}, "qa": {"token": "q"}}');
  assert.ok(envs.ok);
  const fileVariables = findHttpVariables('@a = {{b}}-{{host}}\n@b = B\n@self = {{self}}\n');
  const sources = { fileVariables, environments: envs.value };

  it('gives the same answers as the one-call functions, for every name and in any order', () => {
    const resolver = createVariableResolver(sources);
    const names = ['a', 'b', 'host', 'auth', 'token', 'self', 'missing', '{{a}}', '$guid', ''];
    for (const round of [names, [...names].reverse(), names]) {
      for (const name of round) {
        assert.deepEqual(resolver.resolveInAnyEnvironment(name), resolveVariableInAnyEnvironment(name, sources), `any: ${name}`);
        for (const environment of [undefined, 'dev', 'qa', 'nope']) {
          assert.deepEqual(resolver.resolve(name, environment), resolveVariable(name, { ...sources, ...(environment !== undefined ? { environment } : {}) }), `${name} in ${environment}`);
        }
      }
    }
  });

  it('indexes once: 2,000 references against 20,000 variables cost about what 2,000 lookups do', () => {
    const many = findHttpVariables(Array.from({ length: 20_000 }, (_, i) => `@t${i} = value-${i}`).join('\n'));
    const resolver = createVariableResolver({ fileVariables: many });
    const started = performance.now();
    for (let i = 0; i < 2_000; i++) {
      const r = resolver.resolve(`t${i * 10}`);
      assert.ok(r.ok && r.value.value === `value-${i * 10}`);
    }
    const reused = performance.now() - started;
    const again = performance.now();
    for (let i = 0; i < 100; i++) resolveVariable(`t${i * 10}`, { fileVariables: many });
    const perCallIndex = (performance.now() - again) * 20; // scaled to 2,000 calls
    assert.ok(reused * 20 < perCallIndex, `reused resolver ${reused.toFixed(1)} ms vs re-indexing ${perCallIndex.toFixed(1)} ms for 2,000 references`);
  });
});
