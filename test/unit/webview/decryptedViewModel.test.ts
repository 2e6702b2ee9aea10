// The inspector's view model of a decrypted JWE (issue 11): the plaintext's claims, times,
// findings and size in place of the ciphertext, marked decrypted with the key's label; a
// `cty: JWT` inner token as a nested card with its own header, claims, times, findings and
// signature; an inner JWE decrypted in turn; failures and refusals named by step.
import * as assert from 'assert';
import { CompactEncrypt, CompactSign, exportJWK, generateKeyPair } from 'jose';
import { decryptToken } from '../../../src/core/decrypt';
import { parsePrivateKey } from '../../../src/core/keys';
import type { PrivateKey } from '../../../src/core/keys';
import { decryptionText } from '../../../src/present/decryption';
import type { SignatureView, TokenViewModel } from '../../../src/present/inspector/protocol';
import { buildViewModel, copyText } from '../../../src/present/inspector/viewModel';
import type { DecryptionInput, ViewModelOptions } from '../../../src/present/inspector/viewModel';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const sec = Math.floor(NOW / 1000);
const options: ViewModelOptions = { title: 'Authorization · line 2', now: NOW, clockSkewSec: 60, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc', canReveal: true };
const text = (v: unknown): Uint8Array => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

function tokenModel(token: string, decryption?: DecryptionInput): TokenViewModel {
  const m = buildViewModel(token, { ...options, ...(decryption !== undefined ? { decryption } : {}) });
  assert.ok(m.state === 'token');
  return m;
}

describe('inspector view model: decrypted JWEs (issue 11)', () => {
  let rsa: PrivateKey;
  let nestedJwe: string;
  let inner: string;
  let dirKey: PrivateKey;
  let dirJwe: string;

  before(async () => {
    const pair = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const parsed = await parsePrivateKey({ kind: 'jwk', json: JSON.stringify(await exportJWK(pair.privateKey)) });
    assert.ok(parsed.ok);
    rsa = parsed.value;
    const signer = await generateKeyPair('ES256');
    inner = await new CompactSign(text({ sub: 'alice', iss: 'https://issuer.example', aud: 'api', iat: sec - 60, exp: sec + 600 })).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'sig-1' }).sign(signer.privateKey);
    nestedJwe = await new CompactEncrypt(text(inner)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' }).encrypt(pair.publicKey);
    const secret = crypto.getRandomValues(new Uint8Array(32));
    const dir = await parsePrivateKey({ kind: 'secret-bytes', bytes: secret });
    assert.ok(dir.ok);
    dirKey = dir.value;
    dirJwe = await new CompactEncrypt(text({ sub: 'bob', email: 'bob@example.test', iat: sec - 7200, exp: sec - 3600 })).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(secret);
  });

  it('a JWE without decryption stays encrypted and says nothing of keys (no decrypter wired)', () => {
    const m = tokenModel(nestedJwe);
    assert.strictEqual(m.payload.type, 'encrypted');
    assert.strictEqual(m.decryption, undefined);
  });

  it('decrypted with cty: JWT: marked with the key label and alg/enc, the inner token a nested card with its own claims, times, findings and signature', async () => {
    const d = await decryptToken(nestedJwe, [dirKey, rsa], { inspect: { now: NOW } });
    assert.ok(d.ok, d.ok ? '' : d.error.message);
    const verified: SignatureView = { state: 'verified', icon: 'verified-filled', label: 'signature verified', message: 'Signature verified (ES256) with key "issuer"' };
    const m = tokenModel(nestedJwe, { state: 'decrypted', decrypted: d.value, keyLabels: ['dir key', 'recipient RSA'], signatures: new Map([[inner, verified]]) });
    assert.strictEqual(m.kind, 'jwe');
    assert.strictEqual(m.decryption?.state, 'decrypted');
    assert.strictEqual(m.decryption?.headline, 'Decrypted with key “recipient RSA”');
    assert.match(m.decryption?.message ?? '', /^RSA-OAEP-256 · A256GCM · \d+ B of plaintext\. Shown from memory only/);
    assert.strictEqual(m.decryption?.icon, 'unlock');
    assert.strictEqual(m.payload.type, 'text', 'the plaintext is the inner token');
    assert.match(m.payloadNote ?? '', /nested token: its header, claims, times, findings and signature are in its card/);
    assert.ok(!m.findings.some((f) => f.code.startsWith('TL304')), 'a token plaintext is no failed claims set');
    const card = m.nested?.tokens[0];
    assert.ok(card, 'the inner token has a card');
    assert.deepStrictEqual([card.label, card.depth, card.via], ['payload (cty: JWT)', 1, 'cty']);
    assert.strictEqual(card.model.alg, 'ES256');
    assert.strictEqual(card.model.status, 'valid');
    assert.deepStrictEqual(card.model.headerRows.map((r) => r.name), ['alg', 'typ', 'kid']);
    assert.ok(card.model.payload.type === 'claims' && card.model.payload.rows.some((r) => r.name === 'sub' && r.value === '"alice"'));
    assert.deepStrictEqual(Object.keys(card.model.timeClaims), ['iat', 'exp']);
    assert.deepStrictEqual(card.model.signature, verified, 'the inner token\'s own signature status');
    assert.ok(Array.isArray(card.model.verdict));
    // The posted model is plain JSON (no Map, no functions).
    assert.deepStrictEqual(JSON.parse(JSON.stringify(m)), m);
  });

  it('decrypted claims (dir): the payload, times, findings and size are the plaintext\'s, as for a JWS', async () => {
    const d = await decryptToken(dirJwe, dirKey, { inspect: { now: NOW } });
    assert.ok(d.ok);
    const m = tokenModel(dirJwe, { state: 'decrypted', decrypted: d.value, keyLabels: ['dir key'] });
    assert.ok(m.payload.type === 'claims');
    assert.deepStrictEqual(m.payload.rows.map((r) => r.name), ['sub', 'email', 'iat', 'exp']);
    assert.strictEqual(m.status, 'expired', 'times from the decrypted claims');
    assert.deepStrictEqual(Object.keys(m.timeClaims), ['iat', 'exp']);
    // Hints on the plaintext's claims (no jti, TL103), which the ciphertext cannot have.
    const hintCodes = (v: TokenViewModel): string[] => v.hintGroups.flatMap((g) => g.hints.map((h) => h.code));
    assert.ok(hintCodes(m).includes('TL103'), hintCodes(m).join(', '));
    assert.ok(!hintCodes(tokenModel(dirJwe)).includes('TL103'));
    assert.deepStrictEqual(m.size.heaviestClaims.map((c) => c.name).sort(), ['email', 'exp', 'iat', 'sub']);
    assert.strictEqual(m.decryption?.headline, 'Decrypted with key “dir key”');
    assert.strictEqual(copyText(m, dirJwe, 'payload'), '{"sub":"bob","email":"bob@example.test","iat":' + String(sec - 7200) + ',"exp":' + String(sec - 3600) + '}');
    // "Valid at…": the same decrypted plaintext at another instant, no decryption needed.
    const earlier = buildViewModel(dirJwe, { ...options, now: NOW - 5400_000, asOf: true, decryption: { state: 'decrypted', decrypted: d.value, keyLabels: ['dir key'] } });
    assert.ok(earlier.state === 'token');
    assert.strictEqual(earlier.status, 'valid');
  });

  it('no key fits, no key stored, pending and a p2c refusal: the encrypted token with the step and no key material', async () => {
    const wrong = await decryptToken(nestedJwe, dirKey);
    assert.ok(!wrong.ok);
    const m = tokenModel(nestedJwe, { state: 'failed', error: wrong.error });
    assert.strictEqual(m.payload.type, 'encrypted');
    assert.strictEqual(m.decryption?.headline, 'Encrypted — no stored key fits');
    assert.match(m.decryption?.message ?? '', /\(step: key\)$/);
    assert.ok(!JSON.stringify(m).includes(Buffer.from(dirKey.secret!).toString('base64url')), 'no key material in the model');
    assert.strictEqual(tokenModel(nestedJwe, { state: 'no-keys' }).decryption?.headline, 'Encrypted — no decryption key stored');
    assert.strictEqual(tokenModel(nestedJwe, { state: 'pending' }).decryption?.icon, 'loading');
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const bomb = `${b64({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'AAAAAAAAAAAAAAAAAAAAAA', p2c: 1_000_000 })}.AAAA.AAAA.AAAA.AAAA`;
    const refused = await decryptToken(bomb, dirKey);
    assert.ok(!refused.ok);
    const r = tokenModel(bomb, { state: 'failed', error: refused.error });
    assert.strictEqual(r.decryption?.headline, 'Refused before decryption');
    assert.match(r.decryption?.message ?? '', /p2c" is 1000000, over the bound of 10000.*\(step: header\)$/);
    assert.strictEqual(decryptionText({ state: 'failed', error: refused.error }).refused, true);
  });

  it('an inner JWE is decrypted in turn: its card is a decrypted view of its own', async () => {
    const secret = crypto.getRandomValues(new Uint8Array(16));
    const key = await parsePrivateKey({ kind: 'secret-bytes', bytes: secret });
    assert.ok(key.ok);
    const innermost = await new CompactEncrypt(text({ sub: 'carol', exp: sec + 60 })).setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM' }).encrypt(secret);
    const outer = await new CompactEncrypt(text(innermost)).setProtectedHeader({ alg: 'A128KW', enc: 'A128GCM', cty: 'JWT' }).encrypt(secret);
    const d = await decryptToken(outer, key.value, { inspect: { now: NOW } });
    assert.ok(d.ok);
    const m = tokenModel(outer, { state: 'decrypted', decrypted: d.value, keyLabels: ['kw'] });
    const card = m.nested?.tokens[0];
    assert.ok(card);
    assert.strictEqual(card.model.decryption?.state, 'decrypted');
    assert.ok(card.model.payload.type === 'claims' && card.model.payload.rows.some((r) => r.value === '"carol"'));
    assert.strictEqual(card.model.status, 'valid');
  });
});
