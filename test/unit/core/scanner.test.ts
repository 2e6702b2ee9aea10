import { strict as assert } from 'node:assert';
import { CompactEncrypt, SignJWT, UnsecuredJWT, base64url } from 'jose';
import { DEFAULT_MAX_TOKEN_LENGTH, findTokenAt as findAnyTokenAt, findTokens as findAnyTokens } from '../../../src/core/scanner';
import type { FindTokensOptions, JoseTokenMatch, TokenContext, TokenKind, TokenMatch } from '../../../src/core/types';

/** These cases are compact JOSE tokens: every match must have the `jose` shape. */
function jose(m: TokenMatch): JoseTokenMatch {
  assert.equal(m.shape, 'jose', `expected a compact JOSE token, found the ${m.shape} shape`);
  return m as JoseTokenMatch;
}
const findTokens = (text: string, options?: FindTokensOptions): JoseTokenMatch[] => findAnyTokens(text, options).map(jose);
const findTokenAt = (text: string, offset: number, options?: FindTokensOptions): JoseTokenMatch | undefined => {
  const m = findAnyTokenAt(text, offset, options);
  return m === undefined ? undefined : jose(m);
};

const secret = new TextEncoder().encode('a-32-byte-secret-for-hs256-tests!');

/** RFC 7519 §3.1 example JWT (HS256). */
const RFC7519_JWT =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
/** RFC 7515 A.5 unsecured JWS. */
const RFC7515_A5 =
  'eyJhbGciOiJub25lIn0' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.';
/** RFC 7516 A.3 JWE (A128KW, A128CBC-HS256). */
const RFC7516_A3 =
  'eyJhbGciOiJBMTI4S1ciLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.' +
  '6KB707dM9YTIgHtLvtgWQ8mKwboJW3of9locizkDTHzBC2IlrT1oOQ.' +
  'AxY8DCtDaGlsbGljb3RoZQ.' +
  'KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.' +
  'U0m_YmjN04DJvceFICbCVQ';

let hs: string;
let unsecured: string;
let jwe: string;

before(async () => {
  hs = await new SignJWT({ sub: 'alice', scope: 'read' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(1_700_000_000).sign(secret);
  unsecured = new UnsecuredJWT({ sub: 'bob' }).encode();
  jwe = await new CompactEncrypt(new TextEncoder().encode('secret payload')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(new Uint8Array(32));
});

/** Asserts exactly one token found, at exactly `before.length`, with the given kind/context. */
function expectOne(text: string, token: string, kind: TokenKind, context: TokenContext, padded = false): void {
  const found = findTokens(text);
  assert.equal(found.length, 1, `expected one token in ${JSON.stringify(text.slice(0, 80))}, found ${found.length}`);
  const [m] = found;
  assert.equal(m.token, token);
  assert.equal(m.start, text.indexOf(token));
  assert.equal(m.end, m.start + token.length);
  assert.equal(text.slice(m.start, m.end), m.token);
  assert.equal(m.kind, kind);
  assert.deepEqual(m.context, context);
  assert.equal(m.padded, padded);
}

describe('findTokens: RFC test vectors', () => {
  it('finds the RFC 7519 §3.1 JWT (HS256, header with CRLF inside)', () => {
    const [m] = findTokens(`x ${RFC7519_JWT} y`);
    assert.equal(m.token, RFC7519_JWT);
    assert.equal(m.alg, 'HS256');
    assert.equal(m.kind, 'jws');
  });
  it('finds the RFC 7515 A.5 unsecured JWS (empty signature, RFC 7519 §6)', () => {
    const [m] = findTokens(`token ${RFC7515_A5} end`);
    assert.equal(m.token, RFC7515_A5);
    assert.equal(m.kind, 'unsecured');
    assert.equal(m.alg, 'none');
  });
  it('finds the RFC 7516 A.3 JWE (five segments, alg + enc)', () => {
    const [m] = findTokens(`jwe=${RFC7516_A3}`);
    assert.equal(m.token, RFC7516_A3);
    assert.equal(m.kind, 'jwe');
    assert.equal(m.alg, 'A128KW');
  });
});

describe('findTokens: contexts', () => {
  const cases: [string, (t: string) => string, TokenContext][] = [
    ['Authorization header, Bearer', (t) => `Authorization: Bearer ${t}`, { kind: 'authorization', name: 'Authorization', scheme: 'Bearer' }],
    ['Authorization header, DPoP', (t) => `Authorization: DPoP ${t}`, { kind: 'authorization', name: 'Authorization', scheme: 'DPoP' }],
    ['Authorization header, no scheme', (t) => `authorization: ${t}`, { kind: 'authorization', name: 'authorization' }],
    ['Proxy-Authorization', (t) => `Proxy-Authorization: Bearer ${t}`, { kind: 'authorization', name: 'Proxy-Authorization', scheme: 'Bearer' }],
    ['Bearer inside a curl argument', (t) => `curl -H "Authorization: Bearer ${t}" https://api`, { kind: 'authorization', scheme: 'Bearer' }],
    ['Cookie, first pair', (t) => `Cookie: session=${t}`, { kind: 'cookie', name: 'session' }],
    ['Cookie, middle pair', (t) => `Cookie: a=1; id_token=${t}; b=2`, { kind: 'cookie', name: 'id_token' }],
    ['Set-Cookie with attributes', (t) => `Set-Cookie: auth=${t}; Path=/; HttpOnly`, { kind: 'set-cookie', name: 'auth' }],
    ['other header', (t) => `X-Auth-Token: ${t}`, { kind: 'header', name: 'X-Auth-Token' }],
    ['http variable', (t) => `@accessToken = ${t}`, { kind: 'http-variable', name: 'accessToken' }],
    ['http variable holding a Bearer value', (t) => `@auth = Bearer ${t}`, { kind: 'http-variable', name: 'auth' }],
    ['http variable, glued', (t) => `@token=${t}`, { kind: 'http-variable', name: 'token' }],
    ['JSON key', (t) => `{"id_token": "${t}", "x": 1}`, { kind: 'json-key', name: 'id_token' }],
    ['JSON key, compact', (t) => `{"access_token":"${t}"}`, { kind: 'json-key', name: 'access_token' }],
    ['query parameter ?', (t) => `GET https://api/cb?access_token=${t}`, { kind: 'query-param', name: 'access_token' }],
    ['query parameter &', (t) => `https://api/cb?a=1&token=${t}&x=1`, { kind: 'query-param', name: 'token' }],
    ['fragment parameter', (t) => `https://app/#id_token=${t}&state=x`, { kind: 'query-param', name: 'id_token' }],
    ['.env line', (t) => `ACCESS_TOKEN=${t}`, { kind: 'assignment', name: 'ACCESS_TOKEN' }],
    ['export line', (t) => `export JWT=${t}`, { kind: 'assignment', name: 'JWT' }],
    ['YAML key', (t) => `  token: ${t}`, { kind: 'assignment', name: 'token' }],
    ['const assignment, single quotes', (t) => `const token = '${t}';`, { kind: 'assignment', name: 'token' }],
    ['object literal member', (t) => `fetch(url, { jwt: "${t}" })`, { kind: 'assignment', name: 'jwt' }],
    ['Python dict single-quoted key', (t) => `{'id_token': '${t}'}`, { kind: 'assignment', name: 'id_token' }],
    ['Go short assignment', (t) => `tok := "${t}"`, { kind: 'assignment', name: 'tok' }],
    ['bare, start of text', (t) => t, { kind: 'bare' }],
    ['bare, in prose', (t) => `The token ${t} expired.`, { kind: 'bare' }],
  ];
  for (const [label, make, context] of cases) {
    it(label, () => expectOne(make(hs), hs, 'jws', context));
  }
  it('reads the context only from the same line', () => {
    expectOne(`Authorization: Bearer\n${hs}`, hs, 'jws', { kind: 'bare' });
  });
});

describe('findTokens: glued punctuation and bounds', () => {
  const wrappers: [string, (t: string) => string][] = [
    ['double quotes + comma', (t) => `"${t}",`],
    ['parentheses', (t) => `(${t})`],
    ['brackets', (t) => `[${t}]`],
    ['angle brackets', (t) => `<${t}>`],
    ['backticks', (t) => `\`${t}\``],
    ['query with following param', (t) => `token=${t}&x=1`],
    ['sentence-final period', (t) => `See ${t}.`],
    ['period then newline', (t) => `See ${t}.\nnext`],
    ['end of line CRLF', (t) => `a ${t}\r\nb`],
    ['semicolon', (t) => `${t};`],
    ['colon after', (t) => `${t}:`],
    ['plus before and slash after', (t) => `x+${t}/y`],
    ['slash before (URL path)', (t) => `https://app/magic/${t}`],
    ['tab separated', (t) => `a\t${t}\tb`],
    ['exclamation', (t) => `${t}!`],
    ['html attribute', (t) => `<meta content='${t}'>`],
  ];
  for (const [label, wrap] of wrappers) {
    it(`JWS: ${label}`, () => {
      const text = wrap(hs);
      const [m, ...rest] = findTokens(text);
      assert.equal(rest.length, 0);
      assert.equal(m.token, hs);
      assert.equal(m.start, text.indexOf(hs));
    });
    it(`unsecured: ${label}`, () => {
      const text = wrap(unsecured);
      const found = findTokens(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].token, unsecured);
      assert.equal(found[0].kind, 'unsecured');
    });
    it(`JWE: ${label}`, () => {
      const text = wrap(jwe);
      const found = findTokens(text);
      assert.equal(found.length, 1);
      assert.equal(found[0].token, jwe);
      assert.equal(found[0].kind, 'jwe');
    });
  }
  it('a token followed by another dotted word is not cut short into a token', () => {
    assert.deepEqual(findTokens(`${hs}.extra`), []);
  });
  it('a token preceded by a dotted prefix is not taken from inside the run', () => {
    assert.deepEqual(findTokens(`prefix.${hs}`), []);
  });
  it('a token inside a longer base64url run is not found', () => {
    assert.deepEqual(findTokens(`abc${hs}`), []);
  });
  it('finds several tokens on one line, in order', () => {
    const text = `${hs} ${unsecured},${jwe}`;
    assert.deepEqual(
      findTokens(text).map((m) => [m.start, m.kind]),
      [
        [0, 'jws'],
        [hs.length + 1, 'unsecured'],
        [hs.length + 1 + unsecured.length + 1, 'jwe'],
      ],
    );
  });
});

describe('findTokens: padding (AWS ALB style)', () => {
  it('accepts = padding on segments and reports padded: true', () => {
    const [h, p, s] = hs.split('.');
    const pad = (x: string) => x + '='.repeat((4 - (x.length % 4)) % 4);
    const padded = `${pad(h)}.${pad(p)}.${pad(s)}`;
    assert.ok(padded.includes('='), 'the minted token needs padding somewhere for this test');
    expectOne(`x-amzn-oidc-data: ${padded}`, padded, 'jws', { kind: 'header', name: 'x-amzn-oidc-data' }, true);
  });
  it('treats = as punctuation when base64url follows it', () => {
    const text = `${hs}=next`;
    const [m] = findTokens(text);
    assert.equal(m.token, hs);
    assert.equal(m.padded, false);
  });
  it('does not take three = as padding', () => {
    const [m] = findTokens(`${hs}===`);
    assert.equal(m.token, hs);
    assert.equal(m.padded, false);
  });
});

describe('findTokens: strict header check', () => {
  const enc = (s: string) => base64url.encode(s);
  const cases: [string, string][] = [
    ['header without alg', `${enc('{"typ":"JWT"}')}.${enc('{}')}.sig`],
    ['alg not a string', `${enc('{"alg":1}')}.${enc('{}')}.sig`],
    ['header is an array', `${enc('[{"alg":"HS256"}]')}.e30.sig`],
    ['header not JSON', `${enc('{alg:HS256}')}.e30.sig`],
    ['JWE without enc', `${enc('{"alg":"dir"}')}.a.b.c.d`],
    ['JWE with empty ciphertext', `${enc('{"alg":"dir","enc":"A256GCM"}')}..aXY..dGFn`],
    ['four segments', `${enc('{"alg":"HS256"}')}.e30.sig.more`],
    ['two segments', `${enc('{"alg":"HS256"}')}.e30`],
    ['seven segments', `${enc('{"alg":"HS256"}')}.a.b.c.d.e.f`],
    ['header with invalid UTF-8', `eyL${'_'.repeat(5)}.e30.sig`],
  ];
  for (const [label, text] of cases) {
    it(`rejects ${label}`, () => assert.deepEqual(findTokens(` ${text} `), []));
  }
  it('a header already read for a JWS still needs enc in a five-segment token, in one scan and across scans', () => {
    const header = enc('{"alg":"dir"}');
    const jws = `${header}.e30.c2ln`;
    const text = ` ${jws} ${header}.a.b.c.d ${jws} `;
    for (let i = 0; i < 2; i++) assert.deepEqual(findTokens(text).map((m) => m.kind), ['jws', 'jws']);
    assert.deepEqual(findTokens(` ${header}.a.b.c.d `), []);
  });
  it('accepts a pretty-printed header starting with {\\n (ew…)', () => {
    const t = `${enc('{\n  "alg": "RS256"\n}')}.${enc('{"sub":"x"}')}.c2ln`;
    assert.ok(t.startsWith('ew'));
    expectOne(`a ${t} b`, t, 'jws', { kind: 'bare' });
  });
  it('accepts the shortest possible header, {"alg":""} (14 characters)', () => {
    const t = `${enc('{"alg":""}')}.e30.c2ln`;
    assert.equal(t.indexOf('.'), 14);
    const [m] = findTokens(` ${t} `);
    assert.equal(m.token, t);
    assert.equal(m.alg, '');
  });
  it('accepts a header starting with "{ " (ey…)', () => {
    const t = `${enc('{ "alg": "ES256" }')}.${enc('{}')}.c2ln`;
    expectOne(t, t, 'jws', { kind: 'bare' });
  });
  // The candidate search knows every possible first three characters of a header with `alg`:
  // `{`, then `"` or one of the four JSON whitespace characters, then any third byte.
  const headerStarts = [
    ...['a', 'z', 'A', '0', ' ', '}', '\u00e9', '\\n'].map((c) => `{"${c}":1,"alg":"HS256"}`),
    ...[' ', '\n', '\r', '\t'].flatMap((ws) => [' ', '\n', '\r', '\t', '"'].map((next) => `{${ws}${next === '"' ? '' : next}"alg":"HS256"}`)),
  ];
  it('accepts a header whatever its second (whitespace or quote) and third byte', () => {
    for (const json of headerStarts) {
      assert.equal(typeof JSON.parse(json).alg, 'string', json);
      const t = `${enc(json)}.${enc('{}')}.c2ln`;
      expectOne(`x ${t} y`, t, 'jws', { kind: 'bare' });
    }
  });
});

describe('findTokens: options', () => {
  it('exports a 64 KiB default maximum', () => assert.equal(DEFAULT_MAX_TOKEN_LENGTH, 65536));
  it('maxTokenLength rejects longer tokens and accepts the exact length', () => {
    assert.deepEqual(findTokens(hs, { maxTokenLength: hs.length - 1 }), []);
    assert.equal(findTokens(hs, { maxTokenLength: hs.length }).length, 1);
  });
  it('a default-limit token is refused when over 64 KiB', async () => {
    const big = await new SignJWT({ blob: 'x'.repeat(70_000) }).setProtectedHeader({ alg: 'HS256' }).sign(secret);
    assert.deepEqual(findTokens(big), []);
    assert.equal(findTokens(big, { maxTokenLength: 200_000 }).length, 1);
  });
  it('rangeStart/rangeEnd scan only that slice and keep absolute offsets and context', () => {
    const text = `Authorization: Bearer ${hs}\n@t = ${unsecured}\n${jwe}`;
    const line2 = text.indexOf('@t');
    const found = findTokens(text, { rangeStart: text.indexOf(unsecured), rangeEnd: text.indexOf('\n', line2) });
    assert.equal(found.length, 1);
    assert.equal(found[0].start, text.indexOf(unsecured));
    assert.deepEqual(found[0].context, { kind: 'http-variable', name: 't' });
  });
  it('a range ending one or two characters after a token start still reports that token', () => {
    const text = `x ${hs} y`;
    for (const end of [3, 4]) assert.equal(findTokens(text, { rangeStart: 0, rangeEnd: end })[0]?.token, hs, `rangeEnd ${end}`);
    assert.deepEqual(findTokens(text, { rangeStart: 0, rangeEnd: 2 }), []);
  });
  it('a range starting right after a base64url character does not start a token there', () => {
    assert.deepEqual(findTokens(`A${hs}`, { rangeStart: 1 }), []);
    assert.deepEqual(findTokens(`.${hs}`, { rangeStart: 1 }), []);
    assert.equal(findTokens(` ${hs}`, { rangeStart: 1 })[0]?.token, hs);
  });
  it('a range starting inside a token does not report a partial token', () => {
    const text = `x ${hs}`;
    assert.deepEqual(findTokens(text, { rangeStart: 4 }), []);
  });
  it('is total on odd options and inputs', () => {
    assert.deepEqual(findTokens(''), []);
    assert.deepEqual(findTokens(hs, { rangeStart: -5, rangeEnd: Number.NaN }), []);
    assert.equal(findTokens(hs, { rangeStart: Number.NaN }).length, 1);
    assert.deepEqual(findTokens(hs, { rangeStart: 10_000 }), []);
    assert.deepEqual(findTokens(undefined as unknown as string), []);
  });
});

describe('findTokenAt', () => {
  it('returns the token covering the offset, including its end', () => {
    const text = `line one\nAuthorization: Bearer ${hs}\nline three ${unsecured}`;
    const start = text.indexOf(hs);
    for (const offset of [start, start + 10, start + hs.length]) {
      const m = findTokenAt(text, offset);
      assert.equal(m?.token, hs);
      assert.equal(m?.context.kind, 'authorization');
    }
    assert.equal(findTokenAt(text, start - 1), undefined);
    assert.equal(findTokenAt(text, text.indexOf(unsecured) + 3)?.kind, 'unsecured');
    assert.equal(findTokenAt(text, 2), undefined);
  });
  it('is total on out-of-range offsets', () => {
    assert.equal(findTokenAt(hs, -1), undefined);
    assert.equal(findTokenAt(hs, hs.length + 1), undefined);
    assert.equal(findTokenAt(hs, Number.NaN), undefined);
  });
  it('finds the token on a huge document from its line', () => {
    // Cost bounded by the line (no search past it): test/perf/core/findTokenAt.test.ts.
    const huge = `@t = ${hs}\n` + 'x'.repeat(20_000_000);
    assert.equal(findTokenAt(huge, 10)?.token, hs);
    const filler = 'the key to eyes.example.com is never to expire the secret value ok\n';
    const text = filler.repeat(200_000) + `@t = ${hs}\n` + filler.repeat(200_000);
    assert.equal(findTokenAt(text, text.indexOf(hs) + 5)?.token, hs);
    assert.equal(findTokens(text).length, 1);
  });
});

describe('findTokens: invalid maxTokenLength falls back to the default', () => {
  for (const value of [Number.NaN, 0, -5, Number.POSITIVE_INFINITY]) {
    it(`maxTokenLength ${value}`, async () => {
      const t = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).sign(secret);
      assert.equal(findTokens(` ${t} `, { maxTokenLength: value }).length, 1);
      assert.equal(findTokenAt(` ${t} `, 3, { maxTokenLength: value })?.token, t);
    });
  }
});
