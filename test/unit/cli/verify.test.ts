import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { parseArgs } from '../../../src/cli/args';
import { runInProcess } from './harness';

/** CLI signature verification (--key, --jwks, --secret) over the real core. */
const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'keys');
const A2_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';

const run = (argv: string[]) => runInProcess(argv);

describe('cli verification flags', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-verify-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('parses --key, --jwks and --secret in order', () => {
    const parsed = parseArgs(['decode', 'x', '--key', 'a.pem', '--jwks=b.json', '--secret', 's']);
    assert.ok(parsed.ok && parsed.value.command === 'decode');
    assert.deepEqual(parsed.value.keySources, [{ kind: 'key', path: 'a.pem' }, { kind: 'jwks', path: 'b.json' }, { kind: 'secret', value: 's' }]);
    assert.equal(parseArgs(['decode', 'x', '--key']).ok, false);
  });

  it('decode --key verifies RFC 7515 A.2 with the PKCS#1 PEM and prints which key', async () => {
    const r = await run(['decode', A2_TOKEN, '--key', join(FIXTURES, 'rfc7515-a2-pkcs1.pem')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /signature: verified — Signature verified \(RS256\) with key "rfc7515-a2-pkcs1\.pem"/);
  });

  it('decode --json carries the verification result; a wrong secret fails --fail-on error', async () => {
    const json = await run(['decode', A2_TOKEN, '--json', '--key', join(FIXTURES, 'rfc7515-a2-spki.pem')]);
    assert.equal((JSON.parse(json.out) as { verification: { status: string } }).verification.status, 'verified');
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('right-secret-right-secret-right!!'));
    const wrong = await run(['decode', token, '--secret', 'wrong', '--fail-on', 'error']);
    assert.equal(wrong.code, 1);
    assert.match(wrong.out, /signature: invalid-signature/);
    const right = await run(['decode', token, '--secret', 'right-secret-right-secret-right!!']);
    assert.match(right.out, /signature: verified/);
    assert.ok(!right.out.includes('right-secret-right'), 'the secret is never printed');
  });

  it('scan --jwks verifies each token found', async () => {
    // A published key set holds public keys (issue 8: `oct` members are not verification keys).
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).sign(privateKey);
    writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig' }] }));
    writeFileSync(join(dir, 'req.http'), `GET https://x\nAuthorization: Bearer ${token}\n`);
    const r = await run(['scan', join(dir, 'req.http'), '--jwks', join(dir, 'jwks.json')]);
    assert.match(r.out, /signature: verified .*\(kid k1\)/);
  });

  it('a malformed or missing key file is a usage error', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"keys": 3}');
    const bad = await run(['decode', A2_TOKEN, '--jwks', join(dir, 'bad.json')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.json: The JWKS is not a JSON object with a "keys" array/);
    const missing = await run(['decode', A2_TOKEN, '--key', join(dir, 'nope.pem')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read key file/);
  });
});
