import { strict as assert } from 'node:assert';
import { SignJWT, base64url } from 'jose';
import { FindingCodes } from '../../../src/core/codes';
import { WEAK_HMAC_SECRETS, checkWeakSecrets, createWeakSecretChecker } from '../../../src/core/weakSecrets';

const sign = (alg: string, secret: string) =>
  new SignJWT({ sub: '1234567890' }).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));

describe('core/weakSecrets (RFC 8725 §3.5)', () => {
  it('bundles a few dozen well-known secrets including the jwt.io sample', () => {
    assert.ok(WEAK_HMAC_SECRETS.length >= 30 && WEAK_HMAC_SECRETS.length <= 100);
    for (const s of ['your-256-bit-secret', 'secret', 'changeme', 'password', '123456', 'key', 'jwt']) {
      assert.ok(WEAK_HMAC_SECRETS.includes(s), s);
    }
    assert.equal(new Set(WEAK_HMAC_SECRETS).size, WEAK_HMAC_SECRETS.length, 'no duplicates');
  });

  it('finds the jwt.io default HS256 token secret', async () => {
    // The token jwt.io shows by default (payload sub/name/iat, secret "your-256-bit-secret").
    const jwtIo =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    const finding = await checkWeakSecrets(jwtIo);
    assert.ok(finding);
    assert.equal(finding.code, FindingCodes.WEAK_SECRET);
    assert.equal(finding.code, 'TL401');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /publicly known secret/);
    assert.match(finding.evidence, /"your-256-bit-secret"/);
    assert.deepEqual(finding.reference, { kind: 'rfc', rfc: 8725, section: '3.5', title: 'Ensure Cryptographic Keys Have Sufficient Entropy' });
  });

  for (const [alg, secret] of [['HS256', 'secret'], ['HS384', 'changeme'], ['HS512', '123456'], ['HS256', 'keyboard cat']] as const) {
    it(`hits ${alg} signed with "${secret}" and names it`, async () => {
      const finding = await checkWeakSecrets(await sign(alg, secret));
      assert.ok(finding);
      assert.equal(finding.evidence, `${alg} signature verifies with the well-known secret "${secret}"`);
    });
  }

  it('misses a token signed with a strong random secret', async () => {
    const strong = base64url.encode(crypto.getRandomValues(new Uint8Array(32)));
    assert.equal(await checkWeakSecrets(await sign('HS256', strong)), undefined);
  });

  it('misses near-misses of listed secrets', async () => {
    assert.equal(await checkWeakSecrets(await sign('HS256', 'secret!')), undefined);
    assert.equal(await checkWeakSecrets(await sign('HS256', 'Secret')), undefined);
  });

  it('ignores non-HMAC, unsecured, JWE and garbage input without throwing', async () => {
    const none = `${base64url.encode('{"alg":"none"}')}.e30.`;
    const rs = `${base64url.encode('{"alg":"RS256"}')}.e30.AAAA`;
    const jwe = `${base64url.encode('{"alg":"dir","enc":"A128GCM"}')}..AAAA.AAAA.AAAA`;
    for (const t of [none, rs, jwe, '', 'x.y.z', '.e30.AAAA']) assert.equal(await checkWeakSecrets(t), undefined, t);
  });

  it('accepts a custom list', async () => {
    const token = await sign('HS256', 'team-default-2024');
    assert.equal(await checkWeakSecrets(token), undefined);
    assert.match((await checkWeakSecrets(token, ['team-default-2024']))!.evidence, /team-default-2024/);
  });

  it('names the first listed secret that matches, and a reused checker finds the same', async () => {
    const checker = createWeakSecretChecker(['first-one', 'shared', 'shared-too']);
    const token = await sign('HS384', 'shared');
    for (let i = 0; i < 3; i++) assert.match((await checker.check(token))!.evidence, /^HS384 .*"shared"$/);
    assert.equal(await checker.check(await sign('HS384', 'other')), undefined);
  });

  it('a signature of the wrong length for its alg matches no secret (and is not an error)', async () => {
    const token = await sign('HS256', 'your-256-bit-secret');
    const [h, p, sig] = token.split('.') as [string, string, string];
    const asHs512 = `${base64url.encode('{"alg":"HS512","typ":"JWT"}')}.${p}.${sig}`;
    assert.equal(await checkWeakSecrets(asHs512), undefined);
    assert.equal(await checkWeakSecrets(`${h}.${p}.${sig.slice(0, -4)}`), undefined, 'truncated signature');
    assert.ok(await checkWeakSecrets(`${h}.${p}.${sig}=`), 'a padded signature is still made with the weak secret');
    assert.ok(await checkWeakSecrets(` ${token}\n`), 'surrounding whitespace is trimmed');
  });

  it('warm() imports the keys ahead of the first check and never rejects', async () => {
    const checker = createWeakSecretChecker(['', 'warm-secret']);
    await checker.warm();
    await checker.warm();
    assert.match((await checker.check(await sign('HS512', 'warm-secret')))!.evidence, /"warm-secret"/);
    await createWeakSecretChecker([]).warm();
  });
});
