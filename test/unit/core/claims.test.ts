import { strict as assert } from 'node:assert';
import { CLAIMS, claimInfo, describeClaimValue, HEADER_PARAMETERS, headerParameterInfo } from '../../../src/core/claims';

describe('claims registry', () => {
  it('has every registered claim of RFC 7519 §4.1', () => {
    for (const name of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']) assert.match(claimInfo(name)?.source ?? '', /^RFC 7519 §4\.1\.\d$/, name);
  });
  it('has the OpenID Connect Core §5.1 standard claims', () => {
    for (const name of ['name', 'given_name', 'family_name', 'email', 'email_verified', 'phone_number', 'address', 'birthdate', 'locale', 'updated_at']) {
      assert.match(CLAIMS.get(name)?.source ?? '', /OpenID Connect Core §5\.1/, name);
    }
    for (const name of ['auth_time', 'nonce', 'acr', 'amr', 'azp']) assert.match(CLAIMS.get(name)?.source ?? '', /OpenID Connect Core §2/, name);
  });
  it('has the JOSE header parameters of RFC 7515 §4.1 and RFC 7516 §4.1', () => {
    for (const name of ['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit']) assert.match(headerParameterInfo(name)?.source ?? '', /^RFC 7515 §4\.1\.\d+$/, name);
    for (const name of ['enc', 'zip']) assert.match(HEADER_PARAMETERS.get(name)?.source ?? '', /^RFC 7516 §4\.1\.\d$/, name);
  });
  it('unknown names have no entry', () => assert.equal(claimInfo('x-custom'), undefined));
});

describe('describeClaimValue', () => {
  const cases: [string, unknown, string][] = [
    ['exp', 1300819380, '2011-03-22T18:43:00.000Z'],
    ['iat', 0, '1970-01-01T00:00:00.000Z'],
    ['exp', '123', '"123" (not a NumericDate)'],
    ['exp', 1e308, '1e+308 (not a usable date)'],
    ['scope', 'openid  email profile', 'openid · email · profile'],
    ['scope', '', '(empty)'],
    ['aud', ['api', 'web'], 'api · web'],
    ['aud', 'api', 'api'],
    ['amr', ['pwd', 'otp'], 'pwd · otp'],
    ['cnf', { jkt: 'abc' }, 'DPoP key thumbprint abc'],
    ['cnf', { 'x5t#S256': 'xyz' }, 'mTLS certificate thumbprint xyz'],
    ['cnf', { other: 1 }, '{"other":1}'],
    ['roles', [], '(empty list)'],
    ['email_verified', true, 'true'],
    ['address', { country: 'FR' }, '{"country":"FR"}'],
  ];
  for (const [name, value, text] of cases) {
    it(`${name} ${JSON.stringify(value)} → ${text}`, () => assert.equal(describeClaimValue(name, value as never, { timeDisplay: 'utc' }), text));
  }
  it('local time display shows the wall time with its offset', () => {
    assert.match(describeClaimValue('exp', 1300819380, { timeDisplay: 'local' }), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (UTC|GMT[+-]\d+(:\d\d)?)$/);
  });
  it('a value too deep to stringify does not throw', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    assert.equal(typeof describeClaimValue('x', deep as never), 'string');
  });
});
