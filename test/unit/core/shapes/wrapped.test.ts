import { strict as assert } from 'node:assert';
import { decodeToken } from '../../../../src/core/decoder';
import { normalizeTokenInput } from '../../../../src/core/input';
import { findTokenAt, findTokens, thoroughScanFor } from '../../../../src/core/scanner';
import { decodeBase64 } from '../../../../src/core/shapes/base64';
import { unwrapBase64Token } from '../../../../src/core/shapes/wrapped';
import type { TokenMatch } from '../../../../src/core/types';
import { fixtureJson, fixtureText } from './fixtures';

const { serviceToken, helmToken, dockerUsers } = fixtureJson<{ serviceToken: string; helmToken: string; dockerUsers: string[] }>('wrapped-tokens.json');
const thorough = (text: string): TokenMatch[] => findTokens(text, { thorough: true });
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('base64-wrapped tokens (issue 14)', () => {
  it('finds the JWT in a Kubernetes Secret data: value, at the wrapper\'s range, with the inner token to decode', () => {
    const text = fixtureText('k8s-secret.yaml');
    const found = thorough(text);
    assert.equal(found.length, 2, 'access-token and access-token-echo; password and config.json are not tokens');
    for (const m of found) {
      assert.equal(m.wrapped, 'base64');
      assert.equal(m.shape, 'jose');
      assert.equal(m.token, serviceToken);
      assert.match(text.slice(m.start, m.end), /^ZXlK[A-Za-z0-9+/]+=*$/);
      assert.equal(text.charAt(m.end), '\n');
      const decoded = decodeToken(m.token);
      assert.ok(decoded.ok && decoded.value.payload.type === 'claims' && decoded.value.payload.claims['sub'] === 'system:serviceaccount:prod:api');
    }
    assert.deepEqual(found.map((m) => m.context), [{ kind: 'header', name: 'access-token' }, { kind: 'header', name: 'access-token-echo' }]);
  });

  it('reads base64 without padding (Helm values, base64url) as well as with it', () => {
    const text = fixtureText('helm-values.yaml');
    const [m] = thorough(text);
    assert.equal(m?.token, helmToken);
    assert.equal(m?.wrapped, 'base64');
    assert.equal(m?.context.kind, 'assignment');
    const unwrapped = unwrapBase64Token(text.slice(m.start, m.end));
    assert.ok(unwrapped.ok);
    // No `-`, `_`, `+` or `/` in this one: both alphabets read it alike, and it is called standard.
    assert.equal(unwrapped.value.alphabet, 'standard');
    assert.equal(unwrapped.value.padded, false);
  });

  it('finds user:TOKEN in Docker config.json auth blobs at each of the three byte alignments', () => {
    assert.deepEqual(dockerUsers.map((u) => (u.length + 1) % 3).sort(), [0, 1, 2], 'the fixture covers every alignment');
    const text = fixtureText('docker-config.json');
    const found = thorough(text);
    assert.equal(found.length, 3);
    for (const m of found) {
      assert.equal(m.token, serviceToken);
      assert.deepEqual(m.context, { kind: 'json-key', name: 'auth' });
      const unwrapped = unwrapBase64Token(text.slice(m.start, m.end));
      assert.ok(unwrapped.ok && dockerUsers.includes(unwrapped.value.user ?? ''));
    }
  });

  it('finds the token in an .npmrc _auth value', () => {
    const [m] = thorough(fixtureText('npmrc'));
    assert.equal(m?.token, helmToken);
    assert.equal(m?.wrapped, 'base64');
  });

  it('reports nothing for base64 that decodes to something other than exactly one token', () => {
    const cases = [
      b64('hunter2-not-a-token'),
      b64('{"alg":"HS256"}'), // a header alone
      b64(`${serviceToken} trailing words`),
      b64(`${serviceToken}${serviceToken}`),
      b64(`${serviceToken.slice(0, -4)}`).replace(/=+$/, '') + '+/+/', // broken base64 tail
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]).toString('base64').repeat(10),
    ];
    for (const blob of cases) assert.deepEqual(thorough(`value: ${blob}\n`), [], blob.slice(0, 40));
  });

  it('does not unwrap twice (base64 of base64 of a token)', () => {
    assert.deepEqual(thorough(`v: ${b64(b64(serviceToken))}`), []);
  });

  it('is off by default: a one-pass scan reports no wrapped token', () => {
    assert.deepEqual(findTokens(fixtureText('k8s-secret.yaml')), []);
  });

  it('thoroughScanFor turns the second pass on for configuration and request files only', () => {
    for (const name of ['k8s/secret.yaml', 'values.yml', 'config.json', '/home/u/.npmrc', '.env', '.env.local', 'app.properties', 'prod.tfvars', '/home/u/.kube/config', 'requests.http']) assert.equal(thoroughScanFor(name), true, name);
    for (const name of ['app.log', 'main.ts', 'README.md', 'config.ts']) assert.equal(thoroughScanFor(name), false, name);
  });

  it('findTokenAt on a wrapper line (thorough) gives the wrapped token', () => {
    const text = fixtureText('k8s-secret.yaml');
    const offset = text.indexOf('ZXlK') + 50;
    assert.equal(findTokenAt(text, offset, { thorough: true })?.token, serviceToken);
  });

  it('decodeToken labels a wrapper instead of calling it a malformed JWT; the paste box unwraps it', () => {
    const blob = b64(serviceToken);
    const r = decodeToken(blob);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_NOT_JOSE');
    assert.match(r.error.message, /base64-wrapped/);
    assert.deepEqual(normalizeTokenInput(`  ${blob}\n`), { ok: true, value: serviceToken });
  });
});

describe('decodeBase64 (RFC 4648 §4, §5)', () => {
  it('decodes either alphabet, padded or not', () => {
    assert.equal(new TextDecoder().decode(decodeBase64('ZXlK')?.bytes), 'eyJ');
    assert.deepEqual(decodeBase64('-_8='), { bytes: new Uint8Array([0xfb, 0xff]), alphabet: 'url', padded: true });
    assert.deepEqual(decodeBase64('+/8'), { bytes: new Uint8Array([0xfb, 0xff]), alphabet: 'standard', padded: false });
  });
  it('refuses mixed alphabets, bad lengths, bad characters and partial padding', () => {
    for (const bad of ['+-8=', 'ZXlKa', 'ZX lK', 'ZXl=K', 'ZXlKaG=', 'é123']) assert.equal(decodeBase64(bad), undefined, bad);
  });
});
