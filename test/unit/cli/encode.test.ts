import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { parseArgs } from '../../../src/cli/args';
import { runCli, type CliIo } from '../../../src/cli/run';
import { inspectToken, parseVerificationKey, verifyToken } from '../../../src/core';
import { runInProcess } from './harness';

const NOW = Date.parse('2026-01-01T00:00:00Z') / 1000;
const SECRET = 'cli-encode-secret-cli-encode-secret!';

const claimsOf = (token: string) => JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]!))) as Record<string, unknown>;
const headerOf = (token: string) => JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[0]!))) as Record<string, unknown>;

async function verifiedWith(token: string, material: Parameters<typeof parseVerificationKey>[0]['material']): Promise<string> {
  const key = await parseVerificationKey({ label: 'k', material });
  if (!key.ok) throw new Error(key.error.message);
  return (await verifyToken(token, [key.value])).status;
}

/** runCli with stdin text (the harness has none). */
async function runWithStdin(argv: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => Promise.resolve(stdin), isTty: false, env: {}, version: 'test', clock: () => NOW * 1000 };
  return { code: await runCli(argv, io, inspectToken), out, err };
}

describe('cli encode', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tl-encode-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('signs a payload with --secret, sets --exp 15m and --iat now from the CLI clock, prints only the token', async () => {
    const r = await runInProcess(['encode', '{"sub":"user-1","big":12345678901234567890}', '--secret', SECRET, '--exp', '15m', '--iat', 'now']);
    assert.equal(r.code, 0, r.err);
    const token = r.out.trim();
    assert.equal(r.out, `${token}\n`, 'one line: the token');
    assert.deepEqual(headerOf(token), { alg: 'HS256', typ: 'JWT' });
    assert.match(new TextDecoder().decode(base64url.decode(token.split('.')[1]!)), /"big":12345678901234567890/);
    const claims = claimsOf(token);
    assert.deepEqual([claims['exp'], claims['iat']], [NOW + 900, NOW]);
    assert.equal(await verifiedWith(token, { kind: 'secret', value: SECRET, encoding: 'utf8' }), 'verified');
    assert.match(r.err, /Signed with HS256 with key "--secret"/);
    assert.ok(!r.out.includes(SECRET) && !r.err.includes(SECRET), 'the secret is never printed');
  });

  it('--exp/--nbf take the --now forms too (ISO, "in 2 h")', async () => {
    const r = await runInProcess(['encode', '--secret', SECRET, '--exp', '2026-06-01T00:00:00Z', '--nbf', 'in 2 h']);
    assert.equal(r.code, 0, r.err);
    const claims = claimsOf(r.out.trim());
    assert.deepEqual([claims['exp'], claims['nbf']], [Date.parse('2026-06-01T00:00:00Z') / 1000, NOW + 7200]);
    const bad = await runInProcess(['encode', '--secret', SECRET, '--exp', 'forever']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--exp needs a time/);
  });

  it('--key takes a PKCS#8 PEM private key: the algorithm comes from it, --alg must fit it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
    writeFileSync(join(dir, 'p384.pem'), await exportPKCS8(privateKey));
    writeFileSync(join(dir, 'p384.pub.pem'), await exportSPKI(publicKey));
    const r = await runInProcess(['encode', '{"sub":"ec"}', '--key', join(dir, 'p384.pem')]);
    assert.equal(r.code, 0, r.err);
    assert.equal(headerOf(r.out.trim())['alg'], 'ES384');
    assert.equal(await verifiedWith(r.out.trim(), { kind: 'pem', pem: await exportSPKI(publicKey) }), 'verified');
    assert.ok(!r.out.includes('PRIVATE KEY') && !r.err.includes('PRIVATE KEY'));
    const wrongAlg = await runInProcess(['encode', '{}', '--key', join(dir, 'p384.pem'), '--alg', 'ES256']);
    assert.equal(wrongAlg.code, 2);
    assert.match(wrongAlg.err, /p384\.pem: ES256 does not fit this EC private key \(P-384\): it signs with ES384/);
    const none = await runInProcess(['encode', '{}', '--key', join(dir, 'p384.pem'), '--alg', 'none']);
    assert.equal(none.code, 2);
    assert.match(none.err, /never signs with "none"/);
    const publicOnly = await runInProcess(['encode', '{}', '--key', join(dir, 'p384.pub.pem')]);
    assert.equal(publicOnly.code, 2);
    assert.match(publicOnly.err, /a public key cannot sign/);
  });

  it('a header saying alg "none" is signed with the key; only --unsecured makes alg "none", and says so', async () => {
    const signed = await runInProcess(['encode', '{}', '--header', '{"alg":"none","typ":"JWT"}', '--secret', SECRET]);
    assert.equal(signed.code, 0, signed.err);
    assert.equal(headerOf(signed.out.trim())['alg'], 'HS256');
    const unsecured = await runInProcess(['encode', '{"sub":"x"}', '--unsecured']);
    assert.equal(unsecured.code, 0, unsecured.err);
    assert.ok(unsecured.out.trim().endsWith('.'));
    assert.equal(headerOf(unsecured.out.trim())['alg'], 'none');
    assert.match(unsecured.err, /Unsecured \(alg "none"\), not signed: anyone can forge it/);
    const neither = await runInProcess(['encode', '{}']);
    assert.equal(neither.code, 2);
    assert.match(neither.err, /encode needs a key to sign with/);
    const both = await runInProcess(['encode', '{}', '--unsecured', '--secret', SECRET]);
    assert.equal(both.code, 2);
  });

  it('reads the header and payload from files, the secret from --secret-file or --secret - (stdin)', async () => {
    writeFileSync(join(dir, 'payload.json'), '{\n  "sub": "from-file"\n}\n');
    writeFileSync(join(dir, 'header.json'), '{"typ":"at+jwt","kid":"k9"}');
    writeFileSync(join(dir, 'secret.txt'), `${SECRET}\n`);
    const fromFile = await runInProcess(['encode', join(dir, 'payload.json'), '--header', join(dir, 'header.json'), '--secret-file', join(dir, 'secret.txt')]);
    assert.equal(fromFile.code, 0, fromFile.err);
    const token = fromFile.out.trim();
    assert.deepEqual(headerOf(token), { alg: 'HS256', typ: 'at+jwt', kid: 'k9' });
    assert.equal(claimsOf(token)['sub'], 'from-file');
    assert.equal(await verifiedWith(token, { kind: 'secret', value: SECRET, encoding: 'utf8' }), 'verified', 'the trailing newline is not part of the secret');
    assert.match(fromFile.err, /with key "secret\.txt"/);
    const fromStdin = await runWithStdin(['encode', '{"sub":"stdin"}', '--secret', '-'], `${SECRET}\n`);
    assert.equal(fromStdin.code, 0, fromStdin.err);
    assert.equal(await verifiedWith(fromStdin.out.trim(), { kind: 'secret', value: SECRET, encoding: 'utf8' }), 'verified');
    assert.match(fromStdin.err, /with key "--secret -"/);
    const payloadStdin = await runWithStdin(['encode', '-', '--secret', SECRET], '{"sub":"piped"}');
    assert.equal(claimsOf(payloadStdin.out.trim())['sub'], 'piped');
    const missing = await runInProcess(['encode', '{}', '--secret-file', join(dir, 'nope.txt')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read secret file/);
  });

  it('--json: the token, alg, what was replaced and the notes; never the key', async () => {
    const r = await runInProcess(['encode', '{"sub":"j"}', '--header', '{"alg":"RS256"}', '--secret', 'short', '--json']);
    assert.equal(r.code, 0, r.err);
    const report = JSON.parse(r.out) as { command: string; token: string; alg: string; algSource: string; replaced: unknown; notes: string[]; key: string };
    assert.deepEqual([report.command, report.alg, report.algSource, report.replaced, report.key], ['encode', 'HS256', 'key', { alg: 'RS256' }, '--secret']);
    assert.match(report.notes[0]!, /5 bytes; HS256 needs at least 32/);
    assert.equal(report.token.split('.').length, 3);
    assert.ok(!/"short"/.test(r.out));
  });

  it('bad input: not JSON, time flags on a non-object payload, two keys, encode-only flags elsewhere, stdin twice', async () => {
    const notJson = await runInProcess(['encode', '{"sub":', '--secret', SECRET]);
    assert.equal(notJson.code, 2);
    assert.match(notJson.err, /The payload is not valid JSON/);
    const array = await runWithStdin(['encode', '-', '--secret', SECRET, '--exp', '1h'], '[1]');
    assert.equal(array.code, 2);
    assert.match(array.err, /need a JSON object payload/);
    assert.match((parseArgs(['encode', '{}', '--secret', 'a', '--secret', 'b']) as { message: string }).message, /signs with one key/);
    assert.match((parseArgs(['decode', 'x', '--alg', 'HS256']) as { message: string }).message, /--alg applies to encode only/);
    assert.match((parseArgs(['encode', '-', '--secret', '-']) as { message: string }).message, /cannot both come from stdin/);
    assert.match((parseArgs(['decode', '-', '--secret', '-']) as { message: string }).message, /cannot both come from stdin/);
    assert.match((parseArgs(['encode', '{}', '--jwks', 'k.json']) as { message: string }).message, /--jwks does not apply to encode/);
  });

  it('--secret-file verifies in decode and scan too (read before the scan, so workers get it as a --secret)', async () => {
    writeFileSync(join(dir, 'verify-secret.txt'), `${SECRET}\r\n`);
    const signed = await runInProcess(['encode', '{"sub":"v"}', '--secret', SECRET]);
    const token = signed.out.trim();
    const decode = await runInProcess(['decode', token, '--secret-file', join(dir, 'verify-secret.txt')]);
    assert.equal(decode.code, 0, decode.err);
    assert.match(decode.out, /signature: verified — Signature verified \(HS256\) with key "verify-secret\.txt"/);
    writeFileSync(join(dir, 'req.http'), `GET https://x\nAuthorization: Bearer ${token}\n`);
    const scan = await runInProcess(['scan', join(dir, 'req.http'), '--secret-file', join(dir, 'verify-secret.txt')]);
    assert.match(scan.out, /signature: verified/);
    assert.ok(!decode.out.includes(SECRET) && !scan.out.includes(SECRET));
  });
});

describe('cli encode: input bounds', () => {
  it('refuses a payload on stdin longer than MAX_SIGN_INPUT_CHARS, and a --secret - over it', async () => {
    const big = `{"a":"${'x'.repeat(1024 * 1024)}"}`;
    const payload = await runWithStdin(['encode', '-', '--secret', SECRET], big);
    assert.equal(payload.code, 2, payload.err);
    assert.match(payload.err, /payload on stdin is longer than 1048576 characters/);
    assert.equal(payload.out, '');
    const secret = await runWithStdin(['encode', '{}', '--secret', '-'], 's'.repeat(1024 * 1024 + 1));
    assert.equal(secret.code, 2, secret.err);
    assert.match(secret.err, /stdin holds more than 1048576 characters/);
  });
});
