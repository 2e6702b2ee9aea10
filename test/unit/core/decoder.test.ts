import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompactEncrypt, SignJWT, UnsecuredJWT, base64url, generateKeyPair } from 'jose';
import { decodeToken } from '../../../src/core/decoder';
import { MAX_JSON_DEPTH } from '../../../src/core/json';
import type { DecodedToken, TokenErrorCode } from '../../../src/core/types';

interface Vector {
  id: string;
  source: string;
  kind: 'jws' | 'unsecured' | 'jwe';
  alg: string;
  enc?: string;
  token: string;
  headerJson: string;
  payloadJson?: string;
  payloadText?: string;
  ciphertextBytes?: number;
}
const { vectors } = JSON.parse(readFileSync(join(__dirname, '../../fixtures/vectors/rfc-vectors.json'), 'utf8')) as { vectors: Vector[] };

const b64 = (text: string) => base64url.encode(text);
/** Builds a compact JWS-shaped token from raw header/payload text (no signing: the decoder never verifies). */
const jws = (header: string, payload: string, signature = 'c2ln') => `${b64(header)}.${b64(payload)}.${signature}`;
const HS = '{"alg":"HS256","typ":"JWT"}';

function ok(token: string): DecodedToken {
  const r = decodeToken(token);
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}
function fails(token: string, code: TokenErrorCode, segment?: string): void {
  const r = decodeToken(token);
  assert.ok(!r.ok, 'expected a decode error');
  assert.equal(r.error.code, code);
  if (segment !== undefined) assert.equal(r.error.segment, segment);
  assert.ok(!r.error.message.includes('\n'), 'message is one line');
}

describe('decodeToken: RFC test vectors', () => {
  for (const v of vectors) {
    it(`${v.source}: kind ${v.kind}, raw header and payload text kept`, () => {
      const d = ok(v.token);
      assert.equal(d.kind, v.kind);
      assert.equal(d.header['alg'], v.alg);
      assert.equal(d.headerJson, v.headerJson);
      if (v.enc !== undefined) assert.equal(d.header['enc'], v.enc);
      if (v.payloadJson !== undefined) {
        assert.equal(d.payload.type, 'claims');
        if (d.payload.type === 'claims') {
          assert.equal(d.payload.json, v.payloadJson);
          assert.deepEqual(Object.keys(d.payload.claims), ['iss', 'exp', 'http://example.com/is_root']);
          assert.equal(d.payload.claims['exp'], 1300819380);
        }
      }
      if (v.payloadText !== undefined) assert.deepEqual(d.payload, { type: 'text', text: v.payloadText });
      if (v.ciphertextBytes !== undefined) assert.deepEqual(d.payload, { type: 'encrypted', ciphertextBytes: v.ciphertextBytes });
      assert.equal(d.segments.length, v.kind === 'jwe' ? 5 : 3);
      assert.equal(d.segments.reduce((n, s) => n + s.encodedBytes, 0) + d.segments.length - 1, v.token.length);
      assert.equal(d.padded, false);
      assert.deepEqual(d.duplicateKeys, []);
    });
  }
  it('RFC 7515 A.1: the header keeps its CRLF and key order (typ before alg)', () => {
    const d = ok(vectors[0]!.token);
    assert.deepEqual(Object.keys(d.header), ['typ', 'alg']);
    assert.ok(d.headerJson.includes('\r\n'));
  });
  it('RFC 7515 A.2: signature segment decodes to 256 bytes (RSA-2048)', () => {
    const d = ok(vectors.find((v) => v.id === 'rfc7515-a.2')!.token);
    assert.equal(d.segments[2]?.decodedBytes, 256);
  });
});

describe('decodeToken: tokens minted with jose', () => {
  const secret = new TextEncoder().encode('a-32-byte-secret-for-hs256-tests!');
  it('SignJWT HS256 with claims', async () => {
    const token = await new SignJWT({ sub: 'alice', scope: 'read write' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(1_700_000_000).setExpirationTime(1_700_003_600).sign(secret);
    const d = ok(token);
    assert.equal(d.kind, 'jws');
    assert.deepEqual(d.header, { alg: 'HS256', typ: 'JWT' });
    assert.equal(d.payload.type, 'claims');
    if (d.payload.type === 'claims') assert.deepEqual(d.payload.claims, { sub: 'alice', scope: 'read write', iat: 1_700_000_000, exp: 1_700_003_600 });
  });
  it('SignJWT ES256 and EdDSA keys', async () => {
    for (const alg of ['ES256', 'EdDSA', 'PS256'] as const) {
      const { privateKey } = await generateKeyPair(alg);
      const token = await new SignJWT({ sub: alg }).setProtectedHeader({ alg, kid: 'k1' }).sign(privateKey);
      const d = ok(token);
      assert.equal(d.header['alg'], alg);
      assert.equal(d.header['kid'], 'k1');
    }
  });
  it('UnsecuredJWT is kind unsecured', () => {
    const d = ok(new UnsecuredJWT({ sub: 'bob' }).encode());
    assert.equal(d.kind, 'unsecured');
    assert.equal(d.header['alg'], 'none');
  });
  it('CompactEncrypt dir/A256GCM: header decoded, payload encrypted with its size', async () => {
    const token = await new CompactEncrypt(new TextEncoder().encode('secret payload')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(new Uint8Array(32));
    const d = ok(token);
    assert.equal(d.kind, 'jwe');
    assert.equal(d.header['enc'], 'A256GCM');
    assert.deepEqual(d.payload, { type: 'encrypted', ciphertextBytes: 14 });
  });
});

describe('decodeToken: fidelity', () => {
  it('flags duplicate keys at any depth with a path (RFC 7515 §5.2)', () => {
    const d = ok(jws('{"alg":"HS256","alg":"none"}', '{"a":{"b":[{"c":1,"c":2}]},"sub":"x","sub":"y"}'));
    assert.deepEqual(d.duplicateKeys, [
      { segment: 'header', path: '', key: 'alg' },
      { segment: 'payload', path: 'a.b[0]', key: 'c' },
      { segment: 'payload', path: '', key: 'sub' },
    ]);
    // Like JSON.parse, the last value wins in the parsed view; the raw text keeps both.
    assert.equal(d.header['alg'], 'none');
  });
  it('keeps integers beyond 2^53 visible as raw text', () => {
    const d = ok(jws(HS, '{"id":12345678901234567890,"small":9007199254740991,"neg":-9007199254740993}'));
    assert.deepEqual(d.lossyNumbers, [
      { segment: 'payload', path: 'id', raw: '12345678901234567890' },
      { segment: 'payload', path: 'neg', raw: '-9007199254740993' },
    ]);
    assert.ok(d.payload.type === 'claims' && d.payload.json.includes('12345678901234567890'));
  });
  it('keeps key order and spacing of the payload', () => {
    const text = '{ "z" : 1 ,\n "a": 2 }';
    const d = ok(jws(HS, text));
    assert.ok(d.payload.type === 'claims');
    if (d.payload.type === 'claims') {
      assert.equal(d.payload.json, text);
      assert.deepEqual(Object.keys(d.payload.claims), ['z', 'a']);
    }
  });
  it('padded segments decode and are flagged (AWS ALB style)', () => {
    const header = b64('{"alg":"ES256","typ":"JWT"}') + '=';
    const d = ok(`${header}.${b64('{"sub":"1"}')}==.sig`);
    assert.equal(d.padded, true);
    assert.equal(d.header['alg'], 'ES256');
  });
});

describe('decodeToken: hostile inputs never throw and give stable codes', () => {
  const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
  const errorCases: [string, string, TokenErrorCode, string?][] = [
    ['empty string', '', 'ERR_EMPTY'],
    ['one dot', '.', 'ERR_SEGMENT_COUNT'],
    ['two dots, empty segments', '..', 'ERR_BASE64URL', 'header'],
    ['three dots', '...', 'ERR_SEGMENT_COUNT'],
    ['four dots, empty JWE', '....', 'ERR_BASE64URL', 'header'],
    ['five dots', '.....', 'ERR_SEGMENT_COUNT'],
    ['plain word', 'hello', 'ERR_SEGMENT_COUNT'],
    ['version string 1.2.3 (segment of length 1)', '1.2.3', 'ERR_BASE64URL', 'header'],
    ['dotted identifier ab.cd.ef', 'ab.cd.ef', 'ERR_HEADER_NOT_JSON', 'header'],
    ['standard base64 with + and /', 'eyJhbGciOiJIUzI1NiJ9+/.e30.c2ln', 'ERR_BASE64URL', 'header'],
    ['header segment of impossible length (4n+1)', 'eyJhb.e30.c2ln', 'ERR_BASE64URL', 'header'],
    ['whitespace inside a segment', 'eyJhbGci OiJIUzI1NiJ9.e30.c2ln', 'ERR_BASE64URL', 'header'],
    ['header null', `${b64('null')}.e30.c2ln`, 'ERR_HEADER_NOT_OBJECT', 'header'],
    ['header array', `${b64('[]')}.e30.c2ln`, 'ERR_HEADER_NOT_OBJECT', 'header'],
    ['header without alg', `${b64('{"typ":"JWT"}')}.e30.c2ln`, 'ERR_HEADER_ALG', 'header'],
    ['header alg not a string', `${b64('{"alg":1}')}.e30.c2ln`, 'ERR_HEADER_ALG', 'header'],
    ['JWE header without enc', `${b64('{"alg":"dir"}')}..aXY.Y3Q.dGFn`, 'ERR_HEADER_ENC', 'header'],
    ['header not JSON', `${b64('{alg:HS256}')}.e30.c2ln`, 'ERR_HEADER_NOT_JSON', 'header'],
    ['header overlong UTF-8 (C0 AF)', `${base64url.encode(new Uint8Array([0x7b, 0xc0, 0xaf, 0x7d]))}.e30.c2ln`, 'ERR_HEADER_NOT_JSON', 'header'],
    ['header with a lone surrogate (ED A0 80)', `${base64url.encode(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22]))}.e30.c2ln`, 'ERR_HEADER_NOT_JSON', 'header'],
    ['header nested 100k levels', `${b64('['.repeat(100_000) + ']'.repeat(100_000))}.e30.c2ln`, 'ERR_HEADER_NOT_JSON', 'header'],
    // A bad signature or JWE part decodes leniently (segmentErrors): test/unit/core/lenient.test.ts.
    ['too long', 'a'.repeat(8 * 1024 * 1024 + 1), 'ERR_TOO_LONG'],
  ];
  for (const [name, token, code, segment] of errorCases) {
    it(`${name} → ${code}`, () => fails(token, code, segment));
  }

  const payloadCases: [string, string, (d: DecodedToken) => void][] = [
    ['payload null → json variant', jws(HS, 'null'), (d) => assert.deepEqual(d.payload, { type: 'json', value: null, json: 'null' })],
    ['payload [] → json variant', jws(HS, '[]'), (d) => assert.deepEqual(d.payload, { type: 'json', value: [], json: '[]' })],
    ['payload "str" → json variant', jws(HS, '"str"'), (d) => assert.equal(d.payload.type, 'json')],
    ['payload plain text → text variant', jws(HS, 'hello world'), (d) => assert.deepEqual(d.payload, { type: 'text', text: 'hello world' })],
    ['payload invalid UTF-8 → bytes variant', `${b64(HS)}.${base64url.encode(new Uint8Array([0xff, 0xfe, 0x00]))}.c2ln`, (d) => assert.deepEqual(d.payload, { type: 'bytes', byteLength: 3, reason: 'The payload is not valid UTF-8' })],
    ['payload overlong UTF-8 → bytes variant', `${b64(HS)}.${base64url.encode(new Uint8Array([0x22, 0xc0, 0xaf, 0x22]))}.c2ln`, (d) => assert.equal(d.payload.type, 'bytes')],
    ['payload with standard base64 → bytes variant, token still shown', `${b64(HS)}.ab+/.c2ln`, (d) => assert.equal(d.payload.type, 'bytes')],
    ['payload __proto__ claim stays an own key, no pollution', jws(HS, '{"__proto__":{"isAdmin":true},"sub":"x"}'), (d) => {
      assert.ok(d.payload.type === 'claims');
      if (d.payload.type === 'claims') {
        assert.ok(Object.prototype.hasOwnProperty.call(d.payload.claims, '__proto__'));
        assert.equal(Object.getPrototypeOf(d.payload.claims), Object.prototype);
        assert.equal((d.payload.claims as Record<string, unknown>)['isAdmin'], undefined);
      }
      assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
    }],
    ['payload constructor/prototype claims', jws(HS, '{"constructor":{"prototype":{"x":1}}}'), (_d) => assert.equal(({} as Record<string, unknown>)['x'], undefined)],
    ['payload 60-level nesting is claims', jws(HS, deep(60)), (d) => assert.equal(d.payload.type, 'claims')],
    [`payload nested beyond ${MAX_JSON_DEPTH} levels → text with a note`, jws(HS, deep(100_000)), (d) => {
      assert.equal(d.payload.type, 'text');
      assert.match(d.payloadNote ?? '', /deeper than/);
    }],
    ['payload of 300 KB', jws(HS, JSON.stringify({ blob: 'x'.repeat(300_000) })), (d) => assert.equal(d.segments[1]?.decodedBytes, 300_011)],
    ['payload with ReDoS-shaped string', jws(HS, JSON.stringify({ kid: 'a'.repeat(50_000) + '!', s: '\\'.repeat(10_000) })), (d) => assert.equal(d.payload.type, 'claims')],
    ['payload empty → text variant', `${b64(HS)}..c2ln`, (d) => assert.deepEqual(d.payload, { type: 'text', text: '' })],
    ['exp as string "123"', jws(HS, '{"exp":"123"}'), (d) => assert.ok(d.payload.type === 'claims' && d.payload.claims['exp'] === '123')],
    ['exp 1e308 and 1e400 (overflow kept raw)', jws(HS, '{"exp":1e308,"nbf":1e400}'), (d) => assert.deepEqual(d.lossyNumbers, [{ segment: 'payload', path: 'nbf', raw: '1e400' }])],
    ['JSON with trailing garbage → text', jws(HS, '{"a":1} x'), (d) => assert.equal(d.payload.type, 'text')],
    ['BOM before the payload JSON → text', jws(HS, '\ufeff{"a":1}'), (d) => assert.equal(d.payload.type, 'text')],
    ['multi-byte UTF-8 (é, 日本, emoji) in header and payload, read exactly', jws('{"alg":"HS256","kid":"clé-日本"}', '{"name":"Zoë 😀","x":"\\u00e9"}'), (d) => {
      assert.equal(d.headerJson, '{"alg":"HS256","kid":"clé-日本"}');
      assert.equal(d.header['kid'], 'clé-日本');
      assert.ok(d.payload.type === 'claims' && d.payload.claims['name'] === 'Zoë 😀' && d.payload.claims['x'] === 'é');
    }],
    ['unused low bits of a final partial group are ignored, as jose and atob do (e31 → {})', `${b64(HS)}.e31.c2ln`, (d) => assert.deepEqual(d.payload, { type: 'claims', claims: {}, json: '{}' })],
    ['a 100 KB non-ASCII payload', jws(HS, JSON.stringify({ s: 'é'.repeat(50_000) })), (d) => assert.ok(d.payload.type === 'claims' && d.payload.claims['s'] === 'é'.repeat(50_000))],
  ];
  for (const [name, token, check] of payloadCases) {
    it(name, () => check(ok(token)));
  }
  // Its time (linear: an iterative reader) is measured in test/perf/core/linear.test.ts.
  it('reads 100k unclosed brackets without recursion (text with a note)', () => {
    const d = ok(jws(HS, '['.repeat(100_000)));
    assert.equal(d.payload.type, 'text');
    assert.match(d.payloadNote ?? '', /deeper than/);
  });
});

describe('decodeToken: a failure of the decoder itself', () => {
  it('is ERR_DECODE_FAILED, a code no token can produce, and never a throw', () => {
    // Stands in for an engine-level failure (out of memory on a huge string) inside decode.
    const split = String.prototype.split;
    String.prototype.split = function () {
      throw new RangeError('Invalid string length');
    };
    let r: ReturnType<typeof decodeToken>;
    try {
      r = decodeToken(jws(HS, '{}'));
    } finally {
      String.prototype.split = split;
    }
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_DECODE_FAILED');
    assert.ok(ok(jws(HS, '{}')), 'decodes again once the engine recovers');
  });
});
