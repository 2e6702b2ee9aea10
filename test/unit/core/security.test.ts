import { strict as assert } from 'node:assert';
import { base64url } from 'jose';
import { FindingCodes } from '../../../src/core/codes';
import { inspectToken } from '../../../src/core/inspect';
import type { Finding } from '../../../src/core/types';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const S = NOW / 1000;
const GOOD = { iss: 'https://issuer.example', aud: 'api', sub: 'u1', iat: S - 10, exp: S + 300, jti: 'j', sid: 's' };
const b = (v: unknown) => base64url.encode(typeof v === 'string' ? v : JSON.stringify(v));

function findings(header: unknown, claims: unknown = GOOD, sig = 'c2ln'): readonly Finding[] {
  const r = inspectToken(`${b(header)}.${b(claims)}.${sig}`, { now: NOW, clockSkewSec: 60 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.findings;
}
function jweFindings(header: object): readonly Finding[] {
  const r = inspectToken(`${b(header)}.a2V5.aXY.Y3Q.dGFn`, { now: NOW });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.findings;
}
const codes = (fs: readonly Finding[]) => fs.map((f) => f.code);

describe('securityFindings (RFC 8725, OWASP JWT cheat sheet)', () => {
  it('a well-formed typed token with iss and aud has no findings', () => {
    assert.deepEqual(findings({ alg: 'ES256', typ: 'at+jwt', kid: 'key-2024_01' }), []);
  });
  for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
    it(`alg "${alg}" is an error (RFC 8725 §3.1)`, () => {
      const f = findings({ alg, typ: 'JWT' }).find((x) => x.code === FindingCodes.ALG_NONE);
      assert.equal(f?.severity, 'error');
      assert.deepEqual(f?.reference, { kind: 'rfc', rfc: 8725, section: '3.1', title: 'JSON Web Token Best Current Practices' });
    });
  }
  it('jku and x5u are shown with their URL and never fetched (RFC 8725 §3.10)', () => {
    const f = findings({ alg: 'RS256', typ: 'JWT', jku: 'https://evil.example/jwks.json', x5u: 'https://evil.example/c.pem' }).filter((x) => x.code === FindingCodes.REMOTE_KEY_URL);
    assert.equal(f.length, 2);
    assert.match(f[0]?.evidence ?? '', /https:\/\/evil\.example\/jwks\.json \(not fetched\)/);
  });
  it('embedded jwk and x5c (RFC 7515 §4.1.3)', () => {
    assert.equal(findings({ alg: 'RS256', typ: 'JWT', jwk: { kty: 'RSA' }, x5c: ['MII'] }).filter((x) => x.code === FindingCodes.EMBEDDED_KEY).length, 2);
  });
  const badKids = ['../../dev/null', "1' OR '1'='1", 'key|whoami', 'a;b', '/etc/passwd', 'x\u0000y', 'k`id`', 'a UNION SELECT 1'];
  for (const kid of badKids) {
    it(`kid ${JSON.stringify(kid)} is suspicious`, () => assert.ok(codes(findings({ alg: 'HS256', typ: 'JWT', kid })).includes(FindingCodes.SUSPICIOUS_KID)));
  }
  it('a kid that is not a string is suspicious; an opaque id is not', () => {
    assert.ok(codes(findings({ alg: 'HS256', typ: 'JWT', kid: { $ne: 1 } })).includes(FindingCodes.SUSPICIOUS_KID));
    assert.ok(!codes(findings({ alg: 'HS256', typ: 'JWT', kid: 'e3b0c442-98fc-1c14.v2' })).includes(FindingCodes.SUSPICIOUS_KID));
  });
  // Linear time on ReDoS-shaped input: test/perf/core/linear.test.ts.
  it('the kid check flags ReDoS-shaped input (`--`, `..`)', () => {
    assert.ok(codes(findings({ alg: 'HS256', typ: 'JWT', kid: '-'.repeat(100_000) + 'x' + '.'.repeat(100_000) })).includes(FindingCodes.SUSPICIOUS_KID));
  });
  it('crit (RFC 7515 §4.1.11) and b64:false (RFC 7797 §3)', () => {
    const c = codes(findings({ alg: 'HS256', typ: 'JWT', crit: ['b64'], b64: false }));
    assert.ok(c.includes(FindingCodes.CRITICAL_HEADER) && c.includes(FindingCodes.UNENCODED_PAYLOAD));
  });
  it('missing typ (RFC 8725 §3.11), missing iss (§3.8) and aud (§3.9)', () => {
    const c = codes(findings({ alg: 'HS256' }, { sub: 'x', exp: S + 10 }));
    for (const code of [FindingCodes.MISSING_TYP, FindingCodes.MISSING_ISS, FindingCodes.MISSING_AUD]) assert.ok(c.includes(code), code);
  });
  it('nbf after exp is an error; iat in the future beyond skew is a warning', () => {
    const c = codes(findings({ alg: 'HS256', typ: 'JWT' }, { ...GOOD, nbf: S + 600, exp: S + 300, iat: S + 3600 }));
    assert.ok(c.includes(FindingCodes.NBF_AFTER_EXP));
    assert.ok(c.includes(FindingCodes.IAT_IN_FUTURE));
    assert.ok(!codes(findings({ alg: 'HS256', typ: 'JWT' }, { ...GOOD, iat: S + 30 })).includes(FindingCodes.IAT_IN_FUTURE), 'within skew');
  });
  for (const exp of ['123', true, 1e308, -1]) {
    it(`exp ${JSON.stringify(exp)} is an invalid time claim`, () => {
      const f = findings({ alg: 'HS256', typ: 'JWT' }, { ...GOOD, exp }).find((x) => x.code === FindingCodes.INVALID_TIME_CLAIM);
      assert.equal(f?.severity, 'error');
      assert.match(f?.evidence ?? '', /^exp: /);
    });
  }
  it('exp 1.5 (fractional NumericDate) is valid per RFC 7519 §2', () => {
    assert.ok(!codes(findings({ alg: 'HS256', typ: 'JWT' }, { ...GOOD, exp: 1.5 })).includes(FindingCodes.INVALID_TIME_CLAIM));
  });
  it('personal data readable by anyone in a JWS', () => {
    const f = findings({ alg: 'HS256', typ: 'JWT' }, { ...GOOD, email: 'a@b.example', phone_number: '+1', address: { country: 'FR' }, birthdate: '2000-01-01', ssn: 'x' }).find((x) => x.code === FindingCodes.PERSONAL_DATA);
    assert.equal(f?.evidence, 'claims email, phone_number, address, birthdate, ssn');
  });
  it('personal data claims are listed in the list order whatever the payload order, for small and large claim sets', () => {
    const personal = { ssn: 'x', dob: '2000-01-01', email: 'a@b.example', name: 'A' };
    const few = findings({ alg: 'HS256', typ: 'JWT' }, { ...personal, ...GOOD }).find((x) => x.code === FindingCodes.PERSONAL_DATA);
    assert.equal(few?.evidence, 'claims email, name, ssn, dob');
    const filler = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`extra_${i}`, i]));
    const many = findings({ alg: 'HS256', typ: 'JWT' }, { ...filler, ...personal, ...GOOD }).find((x) => x.code === FindingCodes.PERSONAL_DATA);
    assert.equal(many?.evidence, 'claims email, name, ssn, dob');
    assert.ok(!codes(findings({ alg: 'HS256', typ: 'JWT' }, { ...filler, ...GOOD })).includes(FindingCodes.PERSONAL_DATA));
  });
  it('JWE zip (RFC 8725 §3.6) and PBES2 p2c over the bound (RFC 7518 §4.8.1.2)', () => {
    assert.ok(codes(jweFindings({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' })).includes(FindingCodes.JWE_COMPRESSION));
    assert.ok(codes(jweFindings({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 10_000_000, p2s: 'c2FsdA' })).includes(FindingCodes.PBES2_COUNT));
    assert.ok(!codes(jweFindings({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 600_000, p2s: 'c2FsdA' })).includes(FindingCodes.PBES2_COUNT));
    assert.ok(codes(jweFindings({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' })).includes(FindingCodes.PBES2_COUNT), 'missing p2c');
  });
  it('alg unknown or of the wrong kind for the token (TL216)', () => {
    assert.ok(codes(findings({ alg: 'HS999', typ: 'JWT' })).includes(FindingCodes.HEADER_ALG_MISMATCH));
    assert.ok(codes(findings({ alg: 'RSA-OAEP', typ: 'JWT' })).includes(FindingCodes.HEADER_ALG_MISMATCH));
    assert.ok(codes(jweFindings({ alg: 'HS256', enc: 'A128GCM' })).includes(FindingCodes.HEADER_ALG_MISMATCH));
    assert.ok(!codes(findings({ alg: 'PS256', typ: 'JWT' })).includes(FindingCodes.HEADER_ALG_MISMATCH));
  });
  it('JWE: no missing-typ finding, no claim findings', () => {
    assert.deepEqual(jweFindings({ alg: 'RSA-OAEP', enc: 'A256GCM' }), []);
  });
  it('encoding: padding (TL301), duplicate keys (TL302), lossy numbers (TL303), non-claims payload (TL304)', () => {
    const padded = inspectToken(`${b({ alg: 'HS256', typ: 'JWT' })}=.${b(GOOD)}.c2ln`, { now: NOW });
    assert.ok(padded.ok && codes([...padded.value.findings]).includes(FindingCodes.PADDING));
    const dup = inspectToken(`${b('{"alg":"HS256","typ":"JWT","alg":"none"}')}.${b(GOOD)}.c2ln`, { now: NOW });
    assert.ok(dup.ok);
    if (dup.ok) {
      const f = dup.value.findings.find((x) => x.code === FindingCodes.DUPLICATE_KEYS);
      assert.equal(f?.evidence, 'duplicate header alg');
      assert.equal(dup.value.findings[0]?.severity, 'error');
    }
    const big = inspectToken(`${b({ alg: 'HS256', typ: 'JWT' })}.${b('{"iss":"i","aud":"a","uid":12345678901234567890}')}.c2ln`, { now: NOW });
    assert.ok(big.ok && big.value.findings.some((x) => x.code === FindingCodes.LOSSY_NUMBER && x.evidence === 'payload uid = 12345678901234567890'));
    assert.ok(codes(findings({ alg: 'HS256', typ: 'JWT' }, [])).includes(FindingCodes.PAYLOAD_NOT_CLAIMS));
  });
  it('every finding has a code in FindingCodes, a one-line message and evidence', () => {
    const all = new Set<string>(Object.values(FindingCodes));
    const fs = findings({ alg: 'none', jku: 'u', jwk: {}, kid: '../x', crit: [], b64: false }, { exp: 'x', email: 'e', nbf: S + 9, iat: S + 9999 });
    assert.ok(fs.length >= 8);
    for (const f of fs) {
      assert.ok(all.has(f.code), f.code);
      assert.ok(f.message.length > 0 && !f.message.includes('\n'));
      assert.ok(f.evidence.length > 0);
    }
  });
});
