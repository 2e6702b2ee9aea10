import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, CompactEncrypt, exportPKCS8, generateKeyPair, SignJWT } from 'jose';
import { runCli, type CliIo } from '../../../src/cli/run';
import { inspectToken } from '../../../src/core';
import { FRODO, RFC7520_JWE } from '../core/fixtures/rfc7520';
import { runInProcess } from './harness';

const vector = (section: string) => RFC7520_JWE.find((v) => v.section === section)!;
const encoder = new TextEncoder();
/** 32 bytes: a `dir` A256GCM key, and the HMAC secret of the inner token. */
const SHARED = 'dir-key-and-hmac-secret-32-bytes';

async function runWithStdin(argv: string[], stdin: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), readStdin: () => Promise.resolve(stdin), isTty: false, env: {}, version: 'test', clock: () => Date.parse('2026-01-01T00:00:00Z') };
  return { code: await runCli(argv, io, inspectToken), out, err };
}

describe('cli decrypt and decode of a JWE with a key', () => {
  let dir: string;
  let nested: string;
  let samwise: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tl-decrypt-'));
    samwise = join(dir, 'samwise.json');
    writeFileSync(samwise, JSON.stringify((vector('5.2').key as { jwk: object }).jwk));
    const inner = await new SignJWT({ sub: 'inner-user', exp: Date.parse('2026-01-01T01:00:00Z') / 1000 }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(encoder.encode(SHARED));
    nested = await new CompactEncrypt(encoder.encode(inner)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', cty: 'JWT' }).encrypt(encoder.encode(SHARED));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decrypt --key FILE: RFC 7520 §5.2 (RSA-OAEP) prints the plaintext and which key, never the key', async () => {
    const r = await runInProcess(['decrypt', '--key', samwise, vector('5.2').compact]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^decrypted: RSA-OAEP · A256GCM with key "samwise\.json" \(RSA private key \(4096 bit\), kid samwise\.gamgee@hobbiton\.example\)/);
    assert.ok(r.out.includes(FRODO.slice(0, 40)));
    const d = ((vector('5.2').key as { jwk: Record<string, string> }).jwk)['d']!;
    assert.ok(!r.out.includes(d.slice(0, 24)) && !r.err.includes(d.slice(0, 24)), 'no key material');
  });

  it('decrypt --secret: a PBES2 password (RFC 7520 §5.3), and --secret - from stdin', async () => {
    const password = (vector('5.3').key as { password: string }).password;
    const r = await runInProcess(['decrypt', vector('5.3').compact, '--secret', password]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /decrypted: PBES2-HS512\+A256KW · A128CBC-HS256/);
    assert.match(r.out, /Plaintext \(claims, \d+ B\)/);
    assert.match(r.out, /"kid": "77c7e2b8-6e13-45cf-8672-617b5b45243a"/);
    const piped = await runWithStdin(['decrypt', vector('5.3').compact, '--secret', '-'], `${password}\n`);
    assert.equal(piped.code, 0, piped.err);
    assert.match(piped.out, /with key "--secret -"/);
    assert.ok(!piped.out.includes(password));
  });

  it('a JWE holding a JWS (cty JWT): the inner token in full, its signature checked with the --secret', async () => {
    const r = await runInProcess(['decrypt', nested, '--secret', SHARED]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Inner token \(cty: JWT\)/);
    assert.match(r.out, /JWS · HS256 · expires in 1 h/);
    assert.match(r.out, /"sub": "inner-user"/);
    assert.match(r.out, /signature: verified — Signature verified \(HS256\) with key "--secret"/);
    assert.ok(!r.out.includes(SHARED));
  });

  it('decode of a JWE with --key shows the JWE, then what it decrypts to; --json carries both', async () => {
    const text = await runInProcess(['decode', nested, '--secret', SHARED]);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^JWE · dir/);
    assert.match(text.out, /\(encrypted: \d+ bytes of ciphertext\)/);
    assert.match(text.out, /decrypted: dir · A256GCM with key "--secret"/);
    const json = await runInProcess(['decode', nested, '--secret', SHARED, '--json']);
    assert.equal(json.code, 0, json.err);
    const report = JSON.parse(json.out) as { command: string; token: { kind: string }; decrypted: { alg: string; key: string; inner: { via: string; token: { kind: string; payload: { claims: { sub: string } } }; verification: { status: string } } } };
    assert.equal(report.command, 'decode');
    assert.equal(report.token.kind, 'jwe');
    assert.deepEqual([report.decrypted.alg, report.decrypted.key, report.decrypted.inner.via], ['dir', '--secret', 'cty']);
    assert.equal(report.decrypted.inner.token.kind, 'jws');
    assert.equal(report.decrypted.inner.token.payload.claims.sub, 'inner-user');
    assert.equal(report.decrypted.inner.verification.status, 'verified');
    assert.ok(!json.out.includes(SHARED));
  });

  it('a JWE that does not decrypt: decrypt exits 1 naming the step; decode shows the step and fails --fail-on', async () => {
    const wrong = 'a-wrong-32-byte-secret-----------';
    const r = await runInProcess(['decrypt', nested, '--secret', wrong.slice(0, 32)]);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /decryption failed at content decryption: Content decryption failed \(dir\)/);
    const decode = await runInProcess(['decode', nested, '--secret', wrong.slice(0, 32), '--fail-on', 'error']);
    assert.equal(decode.code, 1);
    assert.match(decode.out, /decryption failed at content decryption/);
    const json = await runInProcess(['decrypt', nested, '--secret', wrong.slice(0, 32), '--json']);
    assert.equal(json.code, 1);
    assert.equal((JSON.parse(json.out) as { error: { step: string } }).error.step, 'content-decryption');
  });

  it('claims with an integer beyond 2^53 are shown as decrypted, not rounded', async () => {
    const jwe = await new CompactEncrypt(encoder.encode('{"id":12345678901234567890}')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(encoder.encode(SHARED));
    const r = await runInProcess(['decrypt', jwe, '--secret', SHARED]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /\{"id":12345678901234567890\}/);
  });

  it('a PBES2 p2c over the bound is refused at the header step, before any key derivation', async () => {
    const header = base64url.encode(encoder.encode(JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'AAAAAAAAAAAAAAAAAAAAAA', p2c: 2_000_000_000 })));
    const r = await runInProcess(['decrypt', `${header}.AAAA.AAAA.AAAA.AAAA`, '--secret', 'pw']);
    assert.equal(r.code, 1);
    assert.match(r.err, /decryption failed at header: Refused before any work: PBES2 "p2c" is 2000000000, over the bound of 10000/);
  });

  it('decode --key with a private key verifies a JWS with its public half', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(join(dir, 'es256.pem'), await exportPKCS8(privateKey));
    const token = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    const r = await runInProcess(['decode', token, '--key', join(dir, 'es256.pem')]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /signature: verified — Signature verified \(ES256\) with key "es256\.pem"/);
  });

  it('bad usage: decrypt without a key, or of a JWS', async () => {
    const noKey = await runInProcess(['decrypt', nested]);
    assert.equal(noKey.code, 2);
    assert.match(noKey.err, /decrypt needs a private key or secret/);
    const jws = await runInProcess(['decrypt', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', '--secret', SHARED]);
    assert.equal(jws.code, 2);
    assert.match(jws.err, /decrypt takes a compact JWE/);
  });
});

describe('cli decrypt: input bounds', () => {
  it('refuses a --secret - on stdin longer than MAX_SIGN_INPUT_CHARS before decrypting', async () => {
    const result = await runWithStdin(['decrypt', vector('5.3').compact, '--secret', '-'], 'p'.repeat(1024 * 1024 + 1));
    assert.equal(result.code, 2, result.err);
    assert.match(result.err, /stdin holds more than 1048576 characters/);
    assert.equal(result.out, '');
  });
});
