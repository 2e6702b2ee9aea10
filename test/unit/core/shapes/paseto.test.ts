import { strict as assert } from 'node:assert';
import { FindingCodes } from '../../../../src/core/codes';
import { decodeToken } from '../../../../src/core/decoder';
import { normalizeTokenInput } from '../../../../src/core/input';
import { findTokens } from '../../../../src/core/scanner';
import { decodePaseto, inspectPaseto, pae, verifyPasetoV4Public } from '../../../../src/core/shapes/paseto';
import type { PasetoTokenMatch } from '../../../../src/core/types';
import { fixtureJson } from './fixtures';

interface Vectors {
  public: { name: string; 'public-key': string; token: string; payload: Record<string, string>; footer: string; 'implicit-assertion': string }[];
  local: { name: string; token: string; footer: string }[];
}
const vectors = fixtureJson<Vectors>('paseto-v4-vectors.json');
const fixture = fixtureJson<{ v4Public: string; publicKey: { kty: 'OKP'; crv: 'Ed25519'; x: string } }>('paseto.json');
const hex = (h: string) => new Uint8Array(h.match(/../g)!.map((b) => parseInt(b, 16)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const NOW = Date.parse('2026-01-01T00:00:00Z');

describe('PASETO', () => {
  describe('PAE (PASETO specification, "Authentication Padding")', () => {
    it('matches the specification\'s examples', () => {
      assert.deepEqual([...pae([])], [0, 0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual([...pae([new Uint8Array(0)])], [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
      assert.deepEqual([...pae([utf8('test')])], [1, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, ...utf8('test')]);
    });
    it('clears the top bit of LE64 and writes lengths little-endian', () => {
      const piece = new Uint8Array(300);
      assert.deepEqual([...pae([piece]).subarray(8, 16)], [44, 1, 0, 0, 0, 0, 0, 0]);
    });
  });

  describe('verifyPasetoV4Public (Web Crypto Ed25519 over PAE)', () => {
    for (const v of vectors.public) {
      it(`verifies official test vector ${v.name}`, async () => {
        const r = await verifyPasetoV4Public(v.token, hex(v['public-key']), utf8(v['implicit-assertion']));
        assert.equal(r.status, 'verified', r.message);
      });
    }
    it('refuses 4-S-3 without its implicit assertion, and a changed message', async () => {
      const [, , s3] = vectors.public;
      assert.equal((await verifyPasetoV4Public(s3!.token, hex(s3!['public-key']))).status, 'invalid-signature');
      const s1 = vectors.public[0]!;
      const flipped = s1.token.replace('v4.public.eyJk', 'v4.public.eyJl');
      assert.equal((await verifyPasetoV4Public(flipped, hex(s1['public-key']))).status, 'invalid-signature');
    });
    it('verifies the fixture token with its JWK, refuses another key, and never throws on junk', async () => {
      assert.equal((await verifyPasetoV4Public(fixture.v4Public, fixture.publicKey)).status, 'verified');
      assert.equal((await verifyPasetoV4Public(fixture.v4Public, hex(vectors.public[0]!['public-key']))).status, 'invalid-signature');
      assert.equal((await verifyPasetoV4Public(fixture.v4Public, new Uint8Array(3))).status, 'not-checked');
      assert.equal((await verifyPasetoV4Public('v2.public.abc', fixture.publicKey)).status, 'not-checked');
    });
  });

  describe('decode and inspect', () => {
    it('decodes a v4.public message (JSON claims) and footer, the last 64 bytes being the signature', () => {
      const r = decodePaseto(vectors.public[1]!.token);
      assert.ok(r.ok);
      assert.equal(r.value.purpose, 'public');
      assert.ok(r.value.payload.type === 'claims');
      assert.deepEqual(r.value.payload.claims, vectors.public[1]!.payload);
      assert.equal(r.value.payload.signatureBytes, 64);
      assert.deepEqual(r.value.footer, { type: 'json', value: JSON.parse(vectors.public[1]!.footer), json: vectors.public[1]!.footer });
    });
    it('labels v4.local as encrypted, and reads its footer', () => {
      const r = decodePaseto(vectors.local[0]!.token);
      assert.ok(r.ok && r.value.payload.type === 'encrypted');
      assert.equal(r.value.footer?.type, 'json');
    });
    it('reads ISO 8601 times into the time report, with the usual hints', () => {
      const r = inspectPaseto(fixture.v4Public, { now: NOW });
      assert.ok(r.ok);
      assert.equal(r.value.time.status, 'valid');
      assert.deepEqual(r.value.timeClaims.map((c) => [c.name, c.seconds]), [['iat', 1_764_000_000], ['nbf', 1_764_000_000], ['exp', 4_102_444_800]]);
      assert.deepEqual(r.value.findings.map((f) => f.code), []);
      const expired = inspectPaseto(vectors.public[0]!.token, { now: NOW });
      assert.ok(expired.ok);
      assert.equal(expired.value.time.status, 'expired');
      assert.deepEqual(expired.value.findings.map((f) => f.code), [FindingCodes.NO_JTI]);
      assert.ok(expired.value.size.totalBytes > 100);
    });
    it('calls a NumericDate exp invalid in PASETO (TL215)', () => {
      const message = new TextEncoder().encode(JSON.stringify({ exp: 1_900_000_000 }));
      const token = `v4.public.${Buffer.concat([message, new Uint8Array(64)]).toString('base64url')}`;
      const r = inspectPaseto(token, { now: NOW });
      assert.ok(r.ok);
      assert.ok(r.value.findings.some((f) => f.code === FindingCodes.INVALID_TIME_CLAIM));
    });
  });

  describe('scanner', () => {
    it('finds v4.public in the one-pass scan, and v4.local in a thorough scan', () => {
      const text = `Authorization: Bearer ${fixture.v4Public}\nX-Session: ${vectors.local[0]!.token}\n`;
      const quick = findTokens(text) as PasetoTokenMatch[];
      assert.deepEqual(quick.map((m) => [m.shape, m.version, m.purpose, m.token]), [['paseto', 'v4', 'public', fixture.v4Public]]);
      const all = findTokens(text, { thorough: true }) as PasetoTokenMatch[];
      assert.deepEqual(all.map((m) => [m.version, m.purpose, m.token]), [['v4', 'public', fixture.v4Public], ['v4', 'local', vectors.local[0]!.token]]);
    });
    it('leaves version strings and too-short payloads alone', () => {
      assert.deepEqual(findTokens('see /api/v4.public.example.com and v4.local.abc and v2.1.0', { thorough: true }), []);
    });
    it('decodeToken and the paste box say PASETO, not "malformed JWT"', () => {
      const r = decodeToken(fixture.v4Public);
      assert.ok(!r.ok && r.error.code === 'ERR_NOT_JOSE');
      assert.match(r.error.message, /PASETO v4\.public/);
      const pasted = normalizeTokenInput(`Bearer ${vectors.local[0]!.token}`);
      assert.ok(!pasted.ok && pasted.error.code === 'ERR_NOT_JOSE' && /encrypted/.test(pasted.error.message));
    });
  });
});
