import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { SignJWT, base64url, generateKeyPair } from 'jose';
import { FindingCodes } from '../../../../src/core/codes';
import { decodeToken } from '../../../../src/core/decoder';
import { normalizeTokenInput } from '../../../../src/core/input';
import { findTokens } from '../../../../src/core/scanner';
import { inspectSdJwt, parseSdJwt } from '../../../../src/core/shapes/sdJwt';
import type { SdJwtTokenMatch } from '../../../../src/core/types';
import { fixtureJson } from './fixtures';

interface SdJwtFixture {
  presentation: string;
  withoutKeyBinding: string;
  holderPublicKey: Record<string, string>;
  nonce: string;
  aud: string;
  decoyDigest: string;
}
const fixture = fixtureJson<SdJwtFixture>('sd-jwt.json');
const NOW = Date.parse('2026-01-01T00:00:00Z');
const sha256 = (text: string) => base64url.encode(createHash('sha256').update(text, 'ascii').digest());
const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

/** A KB-JWT over `hashed` signed with `key` (default: a fresh key, so not the cnf one). */
async function keyBindingJwt(hashed: string, options: { typ?: string; sdHash?: string; key?: CryptoKey } = {}): Promise<string> {
  const key = options.key ?? (await generateKeyPair('ES256')).privateKey;
  return new SignJWT({ nonce: fixture.nonce, aud: fixture.aud, sd_hash: options.sdHash ?? sha256(hashed) })
    .setProtectedHeader({ alg: 'ES256', typ: options.typ ?? 'kb+jwt' }).setIssuedAt(1_764_000_060).sign(key);
}

describe('SD-JWT (RFC 9901)', () => {
  describe('scanner', () => {
    it('reports an SD-JWT as its own shape over its whole text, not as a JWT with garbage after it (§4)', () => {
      const text = `vp_token=${fixture.presentation}&state=1`;
      const found = findTokens(text);
      assert.equal(found.length, 1);
      const m = found[0] as SdJwtTokenMatch;
      assert.equal(m.shape, 'sd-jwt');
      assert.equal(text.slice(m.start, m.end), fixture.presentation);
      assert.equal(m.presentation, fixture.presentation);
      assert.equal(m.token, fixture.presentation.slice(0, fixture.presentation.indexOf('~')), 'token is the issuer-signed JWT');
      assert.equal(m.disclosures, 3);
      assert.equal(m.keyBinding, true);
      assert.equal(m.alg, 'ES256');
    });
    it('ends an SD-JWT without key binding at its last "~" (§4)', () => {
      const [m] = findTokens(`${fixture.withoutKeyBinding} next`) as SdJwtTokenMatch[];
      assert.equal(m.presentation, fixture.withoutKeyBinding);
      assert.equal(m.keyBinding, false);
    });
    it('stops at a "~~~~" run: the SD-JWT is the JWT and its first "~", nothing more', () => {
      const jwt = fixture.withoutKeyBinding.split('~')[0];
      const [m] = findTokens(`${jwt}~~~~~~~~`) as SdJwtTokenMatch[];
      assert.equal(m.shape, 'sd-jwt', 'typ dc+sd-jwt says SD-JWT even with no disclosure');
      assert.equal(m.presentation, `${jwt}~`);
    });
    it('decodeToken names an SD-JWT presentation; the paste box takes its issuer-signed JWT', () => {
      const r = decodeToken(fixture.presentation);
      assert.ok(!r.ok && r.error.code === 'ERR_NOT_JOSE');
      assert.match(r.error.message, /SD-JWT \(RFC 9901\) with 3 disclosures and a key-binding JWT/);
      const pasted = normalizeTokenInput(fixture.presentation);
      assert.ok(pasted.ok && decodeToken(pasted.value).ok);
    });
  });

  describe('parseSdJwt', () => {
    it('splits issuer JWT, disclosures and KB-JWT; sd_hash covers up to the last "~" (§4.3.1)', () => {
      const r = parseSdJwt(fixture.presentation);
      assert.ok(r.ok);
      assert.equal(r.value.disclosures.length, 3);
      assert.equal(r.value.hashed, fixture.withoutKeyBinding);
      assert.ok(r.value.keyBindingJwt?.startsWith('eyJ'));
    });
    it('refuses text without "~" and empty disclosures', () => {
      assert.equal(parseSdJwt('eyJhbGciOiJFUzI1NiJ9.e30.c2ln').ok, false);
      const empty = parseSdJwt(`${fixture.withoutKeyBinding}~`);
      assert.ok(!empty.ok && /empty disclosure/.test(empty.error.message));
    });
  });

  describe('inspectSdJwt', () => {
    it('decodes each disclosure with the salt hidden, name and value shown, array elements too (§4.2.1, §4.2.2)', async () => {
      const r = await inspectSdJwt(fixture.presentation, { now: NOW });
      assert.ok(r.ok);
      const summary = r.value.disclosures.map((d) => ({ type: d.type, name: d.name, value: d.value, path: d.path, matched: d.matched, saltPresent: d.saltPresent }));
      assert.deepEqual(summary, [
        { type: 'property', name: 'given_name', value: 'Erika', path: 'given_name', matched: true, saltPresent: true },
        { type: 'property', name: 'family_name', value: 'Mustermann', path: 'family_name', matched: true, saltPresent: true },
        { type: 'array-element', name: undefined, value: 'DE', path: 'nationalities[0]', matched: true, saltPresent: true },
      ]);
      const salt = JSON.parse(Buffer.from(r.value.parts.disclosures[0]!, 'base64url').toString())[0] as string;
      assert.ok(!JSON.stringify(r.value.disclosures).includes(salt), 'the salt is not in the result');
      assert.equal(r.value.hashAlg, 'sha-256');
    });
    it('matches digests with _sd_alg, lists the decoy as an unmatched digest, and no unmatched disclosure (§7.1)', async () => {
      const r = await inspectSdJwt(fixture.presentation, { now: NOW });
      assert.ok(r.ok);
      assert.deepEqual(r.value.unmatchedDigests, [{ digest: fixture.decoyDigest, path: '', type: 'property' }]);
      assert.deepEqual(r.value.unmatchedDisclosures, []);
      assert.deepEqual(codes(r.value.findings), []);
      assert.equal(r.value.issuer.decoded.header['typ'], 'dc+sd-jwt');
      assert.equal(r.value.issuer.time.status, 'valid');
    });
    it('checks the KB-JWT against cnf: signature, sd_hash, typ; reports nonce, aud, iat (§4.3, §7.3)', async () => {
      const r = await inspectSdJwt(fixture.presentation, { now: NOW });
      assert.ok(r.ok && r.value.keyBinding !== undefined);
      const kb = r.value.keyBinding;
      assert.deepEqual(kb.signature, { status: 'verified', alg: 'ES256' });
      assert.equal(kb.sdHash.matches, true);
      assert.equal(kb.sdHash.computed, sha256(fixture.withoutKeyBinding));
      assert.equal(kb.typOk, true);
      assert.equal(kb.nonce, fixture.nonce);
      assert.equal(kb.aud, fixture.aud);
      assert.equal(kb.iat, 1_764_000_060);
    });
    it('a tampered disclosure matches no digest: unmatched, TL230', async () => {
      const parts = fixture.withoutKeyBinding.split('~');
      const tampered = base64url.encode(JSON.stringify(['c2FsdA', 'given_name', 'Mallory']));
      const r = await inspectSdJwt(`${parts[0]}~${tampered}~${parts[2]}~${parts[3]}~`, { now: NOW });
      assert.ok(r.ok);
      assert.deepEqual(r.value.unmatchedDisclosures, [0]);
      assert.equal(r.value.disclosures[0]?.matched, false);
      assert.equal(r.value.disclosures[0]?.value, 'Mallory');
      assert.deepEqual(codes(r.value.findings), [FindingCodes.SD_UNMATCHED_DISCLOSURE]);
      assert.equal(r.value.unmatchedDigests.length, 2, 'given_name\'s digest and the decoy');
    });
    it('a KB-JWT whose sd_hash covers other disclosures: TL235', async () => {
      const parts = fixture.withoutKeyBinding.split('~');
      const fewer = `${parts[0]}~${parts[1]}~`;
      // Signed over all three disclosures, presented with one.
      const kb = await keyBindingJwt(fixture.withoutKeyBinding);
      const r = await inspectSdJwt(`${fewer}${kb}`, { now: NOW });
      assert.ok(r.ok && r.value.keyBinding !== undefined);
      assert.equal(r.value.keyBinding.sdHash.matches, false);
      assert.ok(codes(r.value.findings).includes(FindingCodes.SD_KB_SD_HASH));
    });
    it('a KB-JWT signed by a key other than cnf.jwk: TL236; wrong typ: TL234', async () => {
      const kb = await keyBindingJwt(fixture.withoutKeyBinding, { typ: 'JWT' });
      const r = await inspectSdJwt(`${fixture.withoutKeyBinding}${kb}`, { now: NOW });
      assert.ok(r.ok && r.value.keyBinding !== undefined);
      assert.equal(r.value.keyBinding.signature.status, 'invalid');
      assert.equal(r.value.keyBinding.sdHash.matches, true);
      assert.deepEqual(codes(r.value.findings).sort(), [FindingCodes.SD_KB_TYP, FindingCodes.SD_KB_SIGNATURE].sort());
    });
    it('a malformed disclosure and a reserved claim name: TL231 (§4.2, §7.1)', async () => {
      const jwt = fixture.withoutKeyBinding.split('~')[0];
      const reserved = base64url.encode(JSON.stringify(['c2FsdA', '_sd', 1]));
      const r = await inspectSdJwt(`${jwt}~bm90IGpzb24~${reserved}~`, { now: NOW });
      assert.ok(r.ok);
      assert.deepEqual(r.value.disclosures.map((d) => d.problem !== undefined), [true, true]);
      assert.ok(codes(r.value.findings).includes(FindingCodes.SD_MALFORMED_DISCLOSURE));
    });
    it('an unknown _sd_alg: TL233, nothing matched or called unmatched', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const d = base64url.encode(JSON.stringify(['c2FsdA', 'x', 1]));
      const jwt = await new SignJWT({ _sd: ['abc'], _sd_alg: 'sha3-256' }).setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' }).sign(privateKey);
      const r = await inspectSdJwt(`${jwt}~${d}~`, { now: NOW });
      assert.ok(r.ok);
      assert.equal(r.value.hashSupported, false);
      assert.deepEqual(r.value.unmatchedDisclosures, []);
      assert.deepEqual(codes(r.value.findings), [FindingCodes.SD_UNSUPPORTED_HASH]);
    });
    it('matches a disclosure nested in another disclosure\'s value (§4.2.6)', async () => {
      const { privateKey } = await generateKeyPair('ES256');
      const street = base64url.encode(JSON.stringify(['c2FsdDE', 'street', 'Main St 1']));
      const address = base64url.encode(JSON.stringify(['c2FsdDI', 'address', { _sd: [sha256(street)], country: 'DE' }]));
      const jwt = await new SignJWT({ _sd: [sha256(address)] }).setProtectedHeader({ alg: 'ES256', typ: 'dc+sd-jwt' }).sign(privateKey);
      const r = await inspectSdJwt(`${jwt}~${street}~${address}~`, { now: NOW });
      assert.ok(r.ok);
      assert.deepEqual(r.value.disclosures.map((d) => d.path), ['address.street', 'address']);
      assert.deepEqual(codes(r.value.findings), []);
    });
    it('is total: a broken issuer JWT is a typed error', async () => {
      const r = await inspectSdJwt('eyJub3QiOiJhIGhlYWRlciJ9.e30.c2ln~WyJhIiwiYiJd~');
      assert.ok(!r.ok && r.error.code === 'ERR_HEADER_ALG');
    });
  });
});
