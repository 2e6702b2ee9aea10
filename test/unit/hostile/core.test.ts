// Hostile files against the pure core (issue 8): an attacker controls a file in a repository
// the user opens. Each case is deterministic: work is counted through the sources the core
// reads, never timed (the growth tests are in test/perf/hostile-growth.test.ts).
import { strict as assert } from 'node:assert';
import { base64url, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { JWK } from 'jose';
import {
  findHttpVariables,
  mergeEnvironments,
  parseJetBrainsEnvironments,
  parseRestClientEnvironments,
  resolveVariable,
  resolveVariableInAnyEnvironment,
} from '../../../src/core/http';
import type { Environments } from '../../../src/core/http';
import { parseVerificationKey } from '../../../src/core/keys';
import type { VerificationKey } from '../../../src/core/keys';
import { verifyToken } from '../../../src/core/verify';

/**
 * `items` behind a proxy that counts reads of its elements and throws past `limit`, so a
 * runaway resolution fails the test instead of exhausting memory.
 */
function counted<T>(items: readonly T[], limit: number): { readonly array: readonly T[]; reads(): number } {
  let reads = 0;
  const array = new Proxy(items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property) && ++reads > limit) throw new Error(`more than ${limit} element reads`);
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { array, reads: () => reads };
}

/** `{{a<levels>}}` on line 1, then `@aN = {{aN-1}}` four times per level: 4^levels copies of a0. */
function fanOutFile(levels: number, bytes: number): string {
  const lines = Array.from({ length: levels }, (_, i) => `@a${i + 1} = ${`{{a${i}}}`.repeat(4)}`);
  const fixed = `{{a${levels}}}\n@a0 = \n${lines.join('\n')}\n`.length;
  return `{{a${levels}}}\n@a0 = ${'x'.repeat(bytes - fixed)}\n${lines.join('\n')}\n`;
}

/** The same fan-out as environment variables (`{"dev": {"a0": …, "a1": "{{a0}}…"}}`). */
function fanOutEnvironment(levels: number, environment: string): Record<string, Record<string, string>> {
  const variables: Record<string, string> = { a0: 'x'.repeat(57) };
  for (let i = 1; i <= levels; i++) variables[`a${i}`] = `{{a${i - 1}}}`.repeat(4);
  return { [environment]: variables };
}

function withCountedVariables(environments: Environments, limit: number) {
  const variables = counted(environments.variables, limit);
  return { environments: { names: environments.names, variables: variables.array }, reads: variables.reads };
}

describe('hostile files: {{name}} expansion (issue 8, item 2)', () => {
  const file = fanOutFile(13, 491);

  it('the 491-byte, 13-level ×4 fan-out file is "too large to resolve", each variable read once', () => {
    assert.equal(new TextEncoder().encode(file).length, 491);
    const variables = findHttpVariables(file);
    assert.equal(variables.length, 14);
    const fileVariables = counted(variables, 1_000);
    const r = resolveVariable('{{a13}}', { fileVariables: fileVariables.array });
    assert.ok(!r.ok, 'resolved 4^13 copies');
    assert.equal(r.error.code, 'ERR_TOO_LARGE');
    assert.match(r.error.message, /too large to resolve/);
    assert.ok(fileVariables.reads() <= variables.length, `${fileVariables.reads()} reads of ${variables.length} variables`);
  });

  it('a wide fan-out that fits resolves to the full value with linear work', () => {
    // 5 levels ×4: 4^5 copies of a 31-character a0, under the 64 KiB cap.
    const variables = findHttpVariables(fanOutFile(5, 200));
    const fileVariables = counted(variables, 1_000);
    const r = resolveVariable('a5', { fileVariables: fileVariables.array });
    assert.ok(r.ok);
    assert.equal(r.value.value, variables[0]!.value.repeat(4 ** 5));
    assert.equal(r.value.chain.length, 6, 'each definition once');
    assert.ok(fileVariables.reads() <= variables.length);
  });

  const environmentFiles: [string, () => Environments, string | undefined][] = [
    ['an http-client.env.json environment', () => unwrap(parseJetBrainsEnvironments(JSON.stringify(fanOutEnvironment(13, 'dev')))), 'dev'],
    ['the rest-client.environmentVariables $shared block', () => unwrap(parseRestClientEnvironments(JSON.stringify({ 'rest-client.environmentVariables': fanOutEnvironment(13, '$shared') }))), undefined],
    ['a merged public + private env file pair', () => mergeEnvironments(unwrap(parseJetBrainsEnvironments('{"dev": {"a0": "y"}}')), unwrap(parseJetBrainsEnvironments(JSON.stringify(fanOutEnvironment(13, 'dev'))))), 'dev'],
  ];
  for (const [label, make, environment] of environmentFiles) {
    it(`the same fan-out through ${label} is "too large to resolve"`, () => {
      const { environments, reads } = withCountedVariables(make(), 1_000);
      const r = resolveVariable('a13', { environments, ...(environment !== undefined ? { environment } : {}) });
      assert.equal(!r.ok && r.error.code, 'ERR_TOO_LARGE');
      assert.ok(reads() <= environments.variables.length, `${reads()} reads`);
    });
  }

  it('a fan-out that mixes the file and an environment is bounded too', () => {
    const envs = unwrap(parseJetBrainsEnvironments(JSON.stringify({ dev: { a0: 'x'.repeat(57), a2: '{{a1}}{{a1}}{{a1}}{{a1}}' } })));
    const fileVariables = findHttpVariables(Array.from({ length: 12 }, (_, i) => `@a${i + 3} = ${`{{a${i + 2}}}`.repeat(4)}`).join('\n') + '\n@a1 = {{a0}}{{a0}}{{a0}}{{a0}}');
    const { environments, reads } = withCountedVariables(envs, 1_000);
    const r = resolveVariable('a14', { fileVariables, environments, environment: 'dev' });
    assert.equal(!r.ok && r.error.code, 'ERR_TOO_LARGE');
    assert.ok(reads() <= envs.variables.length);
  });
});

describe('hostile files: reference cycles (issue 8, item 2)', () => {
  // The cycle edge is the top variable's last reference, so a depth-first walk meets it only
  // after 3^12 paths below the first three; the other values are empty, so no cap stops it.
  // (Plain cycles: test/unit/core/http.test.ts.)
  it('a cycle reached only after a 12-level ×3 fan-out is ERR_CYCLE, each variable read once', () => {
    const levels = Array.from({ length: 12 }, (_, i) => `@a${i + 1} = ${`{{a${i}}}`.repeat(3)}{{c${i + 1}}}`);
    const tails = Array.from({ length: 12 }, (_, i) => `@c${i + 1} = ${i === 11 ? '{{a12}}' : ''}`);
    const variables = findHttpVariables([...levels, '@a0 =', ...tails].join('\n'));
    const fileVariables = counted(variables, 1_000);
    const r = resolveVariable('a12', { fileVariables: fileVariables.array });
    assert.equal(!r.ok && r.error.code, 'ERR_CYCLE');
    assert.equal(!r.ok && r.error.name, 'a12');
    assert.ok(fileVariables.reads() <= variables.length);
  });

  it('the same cycle through an environment file', () => {
    const variables: Record<string, string> = { a0: '' };
    for (let i = 1; i <= 12; i++) {
      variables[`a${i}`] = `${`{{a${i - 1}}}`.repeat(3)}{{c${i}}}`;
      variables[`c${i}`] = i === 12 ? '{{a12}}' : '';
    }
    const { environments, reads } = withCountedVariables(unwrap(parseJetBrainsEnvironments(JSON.stringify({ dev: variables }))), 1_000);
    const r = resolveVariable('a12', { environments, environment: 'dev' });
    assert.equal(!r.ok && r.error.code, 'ERR_CYCLE');
    assert.ok(reads() <= environments.variables.length);
  });
});

describe('hostile files: many environments (issue 8, item 5)', () => {
  it('the hover\'s search over 40,000 environments reads each variable a few times, not once per environment', () => {
    // {{auth}} = Bearer {{token}} in the file; token only in the last environment of the private file.
    const n = 40_000;
    const json = (last: (i: number) => Record<string, string>) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`env${i}`, last(i)])));
    const merged = mergeEnvironments(
      unwrap(parseJetBrainsEnvironments(json((i) => ({ host: `h${i}` })))),
      unwrap(parseJetBrainsEnvironments(json((i): Record<string, string> => (i === n - 1 ? { token: 'eyJ.e30.' } : { other: 'o' })))),
    );
    const { environments, reads } = withCountedVariables(merged, 4 * merged.variables.length);
    const r = resolveVariableInAnyEnvironment('auth', { fileVariables: findHttpVariables('@auth = Bearer {{token}}'), environments });
    assert.ok(r.ok);
    assert.equal(r.value.value, 'Bearer eyJ.e30.');
    assert.equal(r.value.environment, `env${n - 1}`);
    // Three passes: $shared, the environments defining a name looked up, their variables.
    assert.ok(reads() <= 3 * environments.variables.length, `${reads()} reads of ${environments.variables.length} variables`);
  });

  it('resolving one of 2,000 environments of 20 variables reads each variable once per call', () => {
    // v0 references the other 19 names: one scan of every environment per name would read 19×.
    const names = Array.from({ length: 20 }, (_, i) => `v${i}`);
    const environment = (e: number) => Object.fromEntries(names.map((name, i) => [name, i === 0 ? names.slice(1).map((n) => `{{${n}}}`).join('') : `${e}.`]));
    const json = JSON.stringify(Object.fromEntries(Array.from({ length: 2_000 }, (_, e) => [`env${e}`, environment(e)])));
    const { environments, reads } = withCountedVariables(unwrap(parseJetBrainsEnvironments(json)), 1_000_000);
    const r = resolveVariable('v0', { environments, environment: 'env1999' });
    assert.ok(r.ok && r.value.value === '1999.'.repeat(19));
    assert.ok(reads() <= environments.variables.length, `${reads()} reads of ${environments.variables.length} variables`);
  });
});

describe('hostile files: a JWKS never supplies an HMAC secret or a private key (issue 8, item 4)', () => {
  const SECRET = new TextEncoder().encode('attacker-controlled HMAC secret, 32+ bytes long');
  const SECRET_K = base64url.encode(SECRET);
  let publicKey: JWK;
  let leaked: { jwk: JWK; key: CryptoKey };
  let encryption: { jwk: JWK; key: CryptoKey };

  before(async () => {
    const signing = await generateKeyPair('ES256', { extractable: true });
    publicKey = { ...(await exportJWK(signing.publicKey)), kid: 'real' };
    const leakedPair = await generateKeyPair('ES256', { extractable: true });
    leaked = { jwk: { ...(await exportJWK(leakedPair.privateKey)), kid: 'leaked' }, key: leakedPair.privateKey };
    const encPair = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
    encryption = { jwk: { ...(await exportJWK(encPair.publicKey)), kid: 'enc', use: 'enc' }, key: encPair.privateKey };
  });

  async function keySet(): Promise<VerificationKey> {
    const jwks = { keys: [{ kty: 'oct', k: SECRET_K, kid: 'hs' }, leaked.jwk, encryption.jwk, publicKey] };
    const parsed = await parseVerificationKey({ label: 'https://idp.example/jwks.json', material: { kind: 'jwks', json: JSON.stringify(jwks) } });
    assert.ok(parsed.ok, 'the public member keeps the set usable');
    return parsed.value;
  }

  it('keeps only the public signing key; no HMAC secret, no private member', async () => {
    const key = await keySet();
    assert.deepEqual(key.entries.map((e) => [e.family, e.kid]), [['ec', 'real']]);
    assert.ok(key.entries.every((e) => e.secret === undefined && e.jwk?.d === undefined));
    assert.deepEqual(key.skipped?.map((s) => s.code), ['ERR_JWKS_SECRET', 'ERR_JWKS_PRIVATE', 'ERR_JWKS_USE']);
  });

  it('a token forged with the "oct" member\'s k does not verify', async () => {
    for (const kid of ['hs', undefined]) {
      const jwt = new SignJWT({ sub: 'admin' }).setProtectedHeader(kid !== undefined ? { alg: 'HS256', kid } : { alg: 'HS256' });
      const forged = await jwt.sign(SECRET);
      const result = await verifyToken(forged, [await keySet()]);
      assert.notEqual(result.status, 'verified', result.message);
    }
  });

  it('tokens signed with a leaked private member or an encryption key do not verify', async () => {
    const withLeaked = await new SignJWT({ sub: 'admin' }).setProtectedHeader({ alg: 'ES256', kid: 'leaked' }).sign(leaked.key);
    const withEnc = await new SignJWT({ sub: 'admin' }).setProtectedHeader({ alg: 'RS256', kid: 'enc' }).sign(encryption.key);
    for (const token of [withLeaked, withEnc]) assert.notEqual((await verifyToken(token, [await keySet()])).status, 'verified');
  });

  it('a JWKS of secrets only is refused, so it never becomes a key', async () => {
    const parsed = await parseVerificationKey({ label: 'set', material: { kind: 'jwks', json: JSON.stringify({ keys: [{ kty: 'oct', k: SECRET_K, use: 'sig', alg: 'HS256' }] }) } });
    assert.equal(!parsed.ok && parsed.error.code, 'ERR_JWKS_NO_PUBLIC_KEY');
  });
});

describe('hostile files: PEM with many BEGIN lines (issue 8, item 5)', () => {
  const cases: [string, string][] = [
    ['2 MB of BEGIN lines without END', '-----BEGIN PUBLIC KEY-----\n'.repeat(80_000)],
    ['2 MB of BEGIN lines, each a different label', Array.from({ length: 100_000 }, (_, i) => `-----BEGIN K${i}-----\n`).join('')],
    ['BEGIN lines before an END of another label', '-----BEGIN PUBLIC KEY-----\n'.repeat(80_000) + '-----END CERTIFICATE-----\n'],
  ];
  for (const [label, pem] of cases) {
    it(`${label} is ERR_PEM_MALFORMED`, async () => {
      const r = await parseVerificationKey({ label: 'k', material: { kind: 'pem', pem } });
      assert.equal(!r.ok && r.error.code, 'ERR_PEM_MALFORMED');
    });
  }
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
