import { strict as assert } from 'node:assert';
import { SignJWT, base64url } from 'jose';
import { DEFAULT_THRESHOLDS } from '../../../src/core/hints';
import { inspectDecoded, inspectToken, resolveThresholds } from '../../../src/core/inspect';
import { decodeToken } from '../../../src/core/decoder';
import { timeReport } from '../../../src/core/time';
import { algorithmInfo } from '../../../src/core/algorithms';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const S = NOW / 1000;
const secret = new TextEncoder().encode('a-32-byte-secret-for-hs256-tests!');

describe('inspectToken', () => {
  it('combines decode, time, size, algorithm, hints and findings for a minted token', async () => {
    const token = await new SignJWT({ sub: 'alice', email: 'a@example.com' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(S - 60).setExpirationTime(S + 252).sign(secret);
    const r = inspectToken(token, { now: NOW });
    assert.ok(r.ok);
    if (!r.ok) return;
    const i = r.value;
    assert.equal(i.time.status, 'valid');
    assert.equal(i.time.relative, 'expires in 4 min 12 s');
    assert.equal(i.time.clockSkewSec, 60);
    assert.equal(i.size.totalBytes, token.length);
    assert.equal(i.algorithm.family, 'hmac');
    assert.ok(i.hints.length > 0 && i.findings.length > 0);
  });
  it('returns the decoder error unchanged', () => {
    const r = inspectToken('a.b', { now: NOW });
    assert.ok(!r.ok && r.error.code === 'ERR_SEGMENT_COUNT');
  });
  it('reports a failure inside the analysis as ERR_ANALYSIS_FAILED, not as a decode error', () => {
    const token = `${base64url.encode('{"alg":"HS256"}')}.${base64url.encode('{"sub":"x"}')}.c2ln`;
    const throwing = Object.defineProperty({}, 'now', { get: () => { throw new RangeError('engine'); } });
    const r = inspectToken(token, throwing);
    assert.deepEqual(r, { ok: false, error: { code: 'ERR_ANALYSIS_FAILED', message: 'Failed to analyse the token', textId: 'inspect.failed', params: [] } });
  });
  it('the webview can recompute time each second without re-decoding', () => {
    const d = decodeToken(`${base64url.encode('{"alg":"HS256"}')}.${base64url.encode(JSON.stringify({ exp: S + 2 }))}.c2ln`);
    assert.ok(d.ok);
    if (!d.ok) return;
    const claims = d.value.payload.type === 'claims' ? d.value.payload.claims : undefined;
    const ticks = [0, 1000, 2000, 3000, 63_000].map((dt) => timeReport(claims, { now: NOW + dt, clockSkewSec: 60 }).relative);
    assert.deepEqual(ticks, ['expires in 2 s', 'expires in 1 s', 'expires now', 'expired 1 s ago', 'expired 1 min 1 s ago']);
    assert.equal(inspectDecoded(d.value, { now: NOW + 63_000 }).time.status, 'expired');
  });
  it('invalid options fall back to documented defaults', () => {
    assert.deepEqual(resolveThresholds({ maxLifetimeSec: -1, sizeWarningBytes: NaN }), DEFAULT_THRESHOLDS);
    assert.deepEqual(DEFAULT_THRESHOLDS, { maxLifetimeSec: 3600, sizeWarningBytes: 1024, refreshMaxLifetimeSec: 604800, maxPbes2Count: 1_000_000 });
    const r = inspectToken(`${base64url.encode('{"alg":"HS256"}')}.e30.c2ln`, { now: NaN, clockSkewSec: -3 });
    assert.ok(r.ok && Number.isFinite(r.value.time.now) && r.value.time.clockSkewSec === 60);
  });
});

describe('algorithmInfo (article reason 5)', () => {
  const cases: [string, string][] = [
    ['HS256', 'hmac'], ['HS512', 'hmac'], ['RS256', 'rsa'], ['PS384', 'rsa-pss'], ['ES256', 'ecdsa'], ['ES256K', 'ecdsa'], ['EdDSA', 'eddsa'], ['Ed25519', 'eddsa'],
    ['none', 'none'], ['NONE', 'none'], ['RSA-OAEP-256', 'jwe-key-management'], ['dir', 'jwe-key-management'], ['PBES2-HS512+A256KW', 'jwe-key-management'], ['ECDH-ES+A128KW', 'jwe-key-management'], ['XYZ', 'unknown'],
  ];
  for (const [alg, family] of cases) it(`${alg} → ${family}`, () => assert.equal(algorithmInfo({ alg }).family, family));
  it('a non-string alg is unknown', () => assert.deepEqual(algorithmInfo({ alg: 5 }).alg, ''));
  it('cost notes are orders of magnitude that a measurement through WebCrypto does not contradict (issue 12)', () => {
    const hmac = algorithmInfo({ alg: 'HS256' }).costNote;
    // A measured 0.49 ms median sat beside "about a microsecond per verify".
    assert.doesNotMatch(hmac, /about a microsecond/);
    assert.match(hmac, /tenths of a millisecond/);
    for (const alg of ['RS256', 'PS256', 'ES256', 'EdDSA']) assert.match(algorithmInfo({ alg }).costNote, /native library/, alg);
  });
  it('the lookup table names exactly the registered algorithms (checked against their patterns)', () => {
    const patterns: [RegExp, string][] = [
      [/^HS(256|384|512)$/, 'hmac'], [/^RS(256|384|512)$/, 'rsa'], [/^PS(256|384|512)$/, 'rsa-pss'], [/^ES(256|384|512|256K)$/, 'ecdsa'],
      [/^(EdDSA|Ed25519|Ed448)$/, 'eddsa'], [/^none$/i, 'none'],
      [/^(RSA1_5|RSA-OAEP(-256|-384|-512)?|A(128|192|256)KW|dir|ECDH-ES(\+A(128|192|256)KW)?|A(128|192|256)GCMKW|PBES2-HS(256\+A128|384\+A192|512\+A256)KW)$/, 'jwe-key-management'],
    ];
    const expected = (alg: string) => patterns.find(([re]) => re.test(alg))?.[1] ?? 'unknown';
    const sizes = ['', '1', '128', '192', '256', '384', '512', '256K', '999'];
    const names: string[] = ['none', 'None', 'nOnE', 'none ', ' none', 'non', 'nonee', 'EdDSA', 'eddsa', 'Ed25519', 'Ed448', 'Ed4488', 'RSA1_5', 'RSA1_6', 'dir', 'DIR', 'dir\n', 'ECDH-ES', 'ECDH-ES+', ''];
    for (const size of sizes) {
      for (const prefix of ['HS', 'RS', 'PS', 'ES', 'hs', 'A', 'RSA-OAEP-', 'RSA-OAEP', 'ECDH-ES+A', 'PBES2-HS']) names.push(prefix + size, `${prefix}${size}KW`, `${prefix}${size}GCMKW`);
      for (const wrap of sizes) names.push(`PBES2-HS${size}+A${wrap}KW`, `ECDH-ES+A${wrap}KW`);
    }
    for (const alg of names) assert.equal(algorithmInfo({ alg }).family, expected(alg), JSON.stringify(alg));
  });
});
