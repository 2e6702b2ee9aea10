import { strict as assert } from 'node:assert';
import { decodeToken } from '../../../../src/core/decoder';
import { normalizeTokenInput } from '../../../../src/core/input';
import { findTokens, thoroughScanFor } from '../../../../src/core/scanner';
import type { SignedCookieMatch } from '../../../../src/core/types';
import { fixtureJson, fixtureText } from './fixtures';

const cookies = fixtureJson<{ flask: string; flaskCompressed: string; django: string; djangoCompressed: string }>('signed-cookies.json');

describe('look-alikes: Flask and Django signed cookies', () => {
  it('labels each cookie of an .http file with its format, not as a JWT (an .http file gets the thorough scan)', () => {
    const text = fixtureText('signed-cookies.http');
    assert.equal(thoroughScanFor('signed-cookies.http'), true);
    const found = findTokens(text, { thorough: true }) as SignedCookieMatch[];
    assert.deepEqual(found.map((m) => [m.shape, m.format, m.compressed, m.context.name]), [
      ['signed-cookie', 'flask', false, 'session'],
      ['signed-cookie', 'flask', true, 'session'],
      ['signed-cookie', 'django', false, 'sessionid'],
      ['signed-cookie', 'django', true, 'sessionid'],
    ]);
    assert.deepEqual(found.map((m) => m.token), [cookies.flask, cookies.flaskCompressed, cookies.django, cookies.djangoCompressed]);
    for (const m of found) assert.equal(text.slice(m.start, m.end), m.token);
    // The compressed form (`.eJ…`) has no `e` anchor: only the thorough pass finds it.
    assert.deepEqual((findTokens(text) as SignedCookieMatch[]).map((m) => [m.format, m.compressed]), [['flask', false], ['django', false]]);
  });

  it('decodeToken says what each one is (ERR_NOT_JOSE), never "no alg"', () => {
    const expected: [string, RegExp][] = [
      [cookies.flask, /^This is a Flask \(itsdangerous\) session cookie, not a JWT/],
      [cookies.flaskCompressed, /Flask .*compressed/],
      [cookies.django, /^This is a Django signed cookie, not a JWT/],
      [cookies.djangoCompressed, /Django signed cookie, compressed/],
    ];
    for (const [cookie, message] of expected) {
      const r = decodeToken(cookie);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'ERR_NOT_JOSE');
      assert.match(r.error.message, message);
      const pasted = normalizeTokenInput(`session=${cookie}`);
      assert.ok(!pasted.ok && pasted.error.code === 'ERR_NOT_JOSE');
    }
  });

  it('needs the itsdangerous shape: a plausible timestamp and an HMAC-sized signature', () => {
    const [payload, , signature] = cookies.flask.split('.');
    // A timestamp before 2001 or a truncated signature: not a Flask cookie, and still not a JWT.
    assert.deepEqual(findTokens(`${payload}.AAAAAA.${signature}`), []);
    assert.deepEqual(findTokens(`${payload}.aSSBAA.c2ln`), []);
    const [djangoPayload, stamp] = cookies.django.split(':');
    assert.deepEqual(findTokens(`${djangoPayload}:${stamp}:short`), []);
  });

  it('a JOSE header wins: a JWT is never taken for a cookie', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.aSSBAAaSSBAAaSSBAAaSSBAAaSSBAAaSSBAA';
    const [m] = findTokens(jwt);
    assert.equal(m?.shape, 'jose');
  });
});
