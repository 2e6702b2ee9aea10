/**
 * Lenient decoding and the names of odd shapes (issue 12): a segment that does not decode is
 * marked and the rest is shown (RFC 7515 §7.1, RFC 7516 §7.1); padding, stripped signatures,
 * truncated JWEs and JWEs with empty parts each get their own finding.
 */
import { strict as assert } from 'node:assert';
import { decodeToken } from '../../../src/core/decoder';
import { findTokens } from '../../../src/core/scanner';
import { inspectToken } from '../../../src/core/inspect';
import { FindingCodes } from '../../../src/core/codes';
import { verifyToken } from '../../../src/core/verify';
import type { DecodedToken, Inspection, SegmentError } from '../../../src/core/types';
import * as odd from './fixtures/oddShapes';

const NOW = Date.UTC(2023, 10, 14, 22, 0, 0); // 1699999200: before the ALB token's exp

function decoded(token: string): DecodedToken {
  const r = decodeToken(token);
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}
function inspected(token: string): Inspection {
  const r = inspectToken(token, { now: NOW });
  assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.message}`);
  return r.value;
}
const codes = (i: Inspection) => i.findings.map((f) => f.code);
function onlyError(d: DecodedToken): SegmentError {
  assert.equal(d.segmentErrors?.length, 1, JSON.stringify(d.segmentErrors));
  return d.segmentErrors![0]!;
}

describe('lenient decoding: a broken segment is marked, the rest is shown', () => {
  it('a signature cut by a copy (4n+1 characters): header and claims decode, the signature is marked', () => {
    const d = decoded(odd.TRUNCATED_SIGNATURE);
    assert.equal(d.kind, 'jws');
    assert.equal(d.header['alg'], 'RS256');
    assert.equal(d.payload.type, 'claims');
    const e = onlyError(d);
    assert.equal(e.segment, 'signature');
    assert.equal(e.code, 'length');
    assert.match(e.message, /signature segment has 201 base64url characters/);
  });
  it('a signature wrapped by a terminal: bad base64url at the offset of the line break', () => {
    const e = onlyError(decoded(odd.WRAPPED_SIGNATURE));
    assert.deepEqual([e.segment, e.code, e.offset], ['signature', 'base64url', 76]);
    assert.match(e.message, /at offset 76: a line break \(the token was wrapped or cut\)/);
    assert.ok(!e.message.includes('\n'), 'one line');
  });
  it('the `signature` placeholder: an impossible length, claims still shown', () => {
    const d = decoded(odd.SIGNATURE_PLACEHOLDER);
    assert.equal(d.payload.type === 'claims' && d.payload.claims['name'], 'John Doe');
    assert.equal(onlyError(d).code, 'length');
  });
  it('`{a lot of characters here}` given directly: bad base64url at offset 0', () => {
    const e = onlyError(decoded(odd.DOCS_PLACEHOLDER_TOKEN));
    assert.deepEqual([e.segment, e.code, e.offset], ['signature', 'base64url', 0]);
    assert.match(e.message, /'\{' \(a placeholder, not a value\)/);
  });
  it('standard base64 in the signature, an `=` inside it, a bad JWE tag: each at its offset', () => {
    const hs = odd.SIGNATURE_PLACEHOLDER.split('.').slice(0, 2).join('.');
    const std = onlyError(decoded(`${hs}.ab+/`));
    assert.deepEqual([std.code, std.offset], ['base64url', 2]);
    assert.match(std.message, /standard base64/);
    const eq = onlyError(decoded(`${hs}.ab=cd`));
    assert.deepEqual([eq.code, eq.offset], ['padding', 2]);
    const parts = odd.JWE_COMPLETE.split('.');
    const tag = onlyError(decoded([...parts.slice(0, 4), 't@g'].join('.')));
    assert.deepEqual([tag.segment, tag.code, tag.offset], ['tag', 'base64url', 1]);
  });
  it('a payload that does not decode is marked (TL305), not also called "not a claims set" (TL304)', () => {
    const [h, , s] = odd.RS256_TOKEN.split('.');
    const i = inspected(`${h}.e30x!.${s}`);
    assert.deepEqual(i.decoded.segmentErrors?.map((e) => [e.segment, e.code, e.offset]), [['payload', 'base64url', 4]]);
    assert.equal(i.decoded.payload.type, 'bytes');
    assert.ok(codes(i).includes(FindingCodes.MALFORMED_SEGMENT));
    assert.ok(!codes(i).includes(FindingCodes.PAYLOAD_NOT_CLAIMS));
  });
  it('a token that decodes cleanly has no segmentErrors field and no TL305', () => {
    const i = inspected(odd.RS256_TOKEN);
    assert.equal('segmentErrors' in i.decoded, false);
    assert.ok(!codes(i).includes(FindingCodes.MALFORMED_SEGMENT));
  });
  it('inspectToken keeps the time status, size and findings of a partial token', () => {
    const i = inspected(odd.TRUNCATED_SIGNATURE);
    assert.equal(i.time.status, 'expired'); // RFC 7515 A.2: exp 1300819380
    assert.equal(i.size.totalBytes, odd.TRUNCATED_SIGNATURE.length);
    const f = i.findings.find((x) => x.code === FindingCodes.MALFORMED_SEGMENT);
    assert.ok(f, 'TL305');
    assert.equal(f.severity, 'error');
    assert.match(f.evidence, /signature segment has 201/);
    assert.ok(codes(i).includes(FindingCodes.MISSING_TYP), 'the header findings still run');
  });
  it('a header that does not read fails the decode, with the payload and segment errors in `partial`', () => {
    const [, p, s] = odd.RS256_TOKEN.split('.');
    const r = decodeToken(`e30.${p}.${s}`); // header {} has no alg
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'ERR_HEADER_ALG');
    assert.deepEqual(r.error.partial?.segmentErrors.map((e) => [e.segment, e.code]), [['header', 'json']]);
    assert.equal(r.error.partial?.payload?.type, 'claims');
    const cut = decodeToken(`eyJhb!.${p}.sig!`);
    assert.ok(!cut.ok);
    assert.deepEqual(cut.error.partial?.segmentErrors.map((e) => [e.segment, e.code, e.offset]), [['header', 'base64url', 5], ['signature', 'base64url', 3]]);
  });
  it('verifyToken never verifies a partial token: not checked, malformed, naming the segment', async () => {
    for (const token of [odd.TRUNCATED_SIGNATURE, odd.SIGNATURE_PLACEHOLDER, odd.DOCS_PLACEHOLDER_TOKEN]) {
      const r = await verifyToken(token, []);
      assert.equal(r.status, 'not-checked');
      assert.ok(r.status === 'not-checked' && r.reason === 'malformed', JSON.stringify(r));
      assert.match(r.message, /^Not checked: the signature segment/);
    }
  });
});

describe('lenient decoding in files: the scanner finds what the decoder reads', () => {
  it('a docs example with `{a lot of characters here}`: the token keeps the placeholder as its signature (TL305, not TL218)', () => {
    const found = findTokens(odd.DOCS_EXAMPLE);
    assert.equal(found.length, 1);
    const m = found[0]!;
    assert.equal(m.token, odd.DOCS_PLACEHOLDER_TOKEN);
    assert.equal(m.shape === 'jose' && m.kind, 'jws');
    const i = inspected(m.token);
    assert.ok(codes(i).includes(FindingCodes.MALFORMED_SEGMENT));
    assert.ok(!codes(i).includes(FindingCodes.STRIPPED_SIGNATURE));
  });
  it('a placeholder that does not close on its line is not taken into the token', () => {
    const found = findTokens(`${odd.DOCS_PLACEHOLDER_TOKEN.replace('}', '')}\n}`);
    assert.equal(found[0]?.token.endsWith('.'), true);
  });
  it('`Bearer <header>.<payload>.signature` is found and decodes with its claims', () => {
    const found = findTokens(`Authorization: Bearer ${odd.SIGNATURE_PLACEHOLDER}\n`);
    assert.equal(found[0]?.token, odd.SIGNATURE_PLACEHOLDER);
    assert.equal(decoded(found[0]!.token).payload.type, 'claims');
  });
});

describe('padded tokens (AWS ALB, Cognito) decode, with TL301', () => {
  it('the fixture carries `=` padding', () => {
    assert.match(odd.ALB_PADDED.split('.')[0]!, /=$/);
  });
  it('decodes header and claims; padded on the match and the decoded token; TL301 says it is not compact form', () => {
    const m = findTokens(`x-amzn-oidc-data: ${odd.ALB_PADDED}\n`)[0];
    assert.equal(m?.token, odd.ALB_PADDED);
    assert.equal(m?.shape === 'jose' && m.padded, true);
    const i = inspected(odd.ALB_PADDED);
    assert.equal(i.decoded.padded, true);
    assert.equal(i.decoded.headerJson, odd.ALB_HEADER_JSON);
    assert.equal(i.decoded.payload.type === 'claims' && i.decoded.payload.json, odd.ALB_CLAIMS_JSON);
    assert.equal(i.decoded.segmentErrors, undefined);
    assert.equal(i.time.status, 'valid');
    const padding = i.findings.filter((f) => f.code === FindingCodes.PADDING);
    assert.equal(padding.length, 1);
    assert.equal(padding[0]!.reference.kind === 'rfc' && padding[0]!.reference.rfc, 7515);
    assert.equal(padding[0]!.evidence, 'trailing `=` in the header and signature segments');
  });
});

describe('stripped signature: a JWS with an empty signature is not "unsecured"', () => {
  it('PS256 with an empty signature: kind jws (scanner and decoder), TL218, no TL201', () => {
    const m = findTokens(`token=${odd.PS256_EMPTY_SIGNATURE} `)[0];
    assert.equal(m?.shape === 'jose' && m.kind, 'jws');
    const i = inspected(odd.PS256_EMPTY_SIGNATURE);
    assert.equal(i.decoded.kind, 'jws');
    assert.ok(codes(i).includes(FindingCodes.STRIPPED_SIGNATURE));
    assert.ok(!codes(i).includes(FindingCodes.ALG_NONE));
    assert.equal(i.decoded.segmentErrors, undefined, 'an empty signature decodes: it is stripped, not broken');
  });
  it('alg none with an empty signature stays the unsecured JWS (TL201, no TL218)', () => {
    assert.equal(findTokens(odd.ALG_NONE_TOKEN)[0]?.shape === 'jose' && (findTokens(odd.ALG_NONE_TOKEN)[0] as { kind: string }).kind, 'unsecured');
    const i = inspected(odd.ALG_NONE_TOKEN);
    assert.equal(i.decoded.kind, 'unsecured');
    assert.ok(codes(i).includes(FindingCodes.ALG_NONE));
    assert.ok(!codes(i).includes(FindingCodes.STRIPPED_SIGNATURE));
  });
  it('verifyToken: not checked, the message says the signature was stripped', async () => {
    const r = await verifyToken(odd.PS256_EMPTY_SIGNATURE, []);
    assert.ok(r.status === 'not-checked' && r.reason === 'malformed', JSON.stringify(r));
    assert.match(r.message, /signature was stripped/);
  });
});

describe('three segments with `enc` in the header: a truncated JWE (RFC 7516 §9)', () => {
  it('is a JWE in the scanner and the decoder, with the ciphertext and tag missing, TL306', () => {
    const m = findTokens(`"id_token": "${odd.JWE_TRUNCATED}"`)[0];
    assert.equal(m?.shape === 'jose' && m.kind, 'jwe');
    const i = inspected(odd.JWE_TRUNCATED);
    assert.equal(i.decoded.kind, 'jwe');
    assert.equal(i.decoded.header['enc'], 'A256GCM');
    assert.equal(i.decoded.payload.type, 'encrypted');
    assert.deepEqual(i.decoded.segments.map((s) => s.name), ['header', 'encrypted_key', 'iv']);
    assert.deepEqual(i.decoded.segmentErrors?.map((e) => [e.segment, e.code]), [['ciphertext', 'missing'], ['tag', 'missing']]);
    assert.ok(codes(i).includes(FindingCodes.TRUNCATED_JWE));
    assert.ok(!codes(i).includes(FindingCodes.MALFORMED_SEGMENT), 'missing is TL306, not also TL305');
    assert.ok(!codes(i).includes(FindingCodes.MISSING_TYP), 'JWS-only findings do not apply');
    assert.ok(!codes(i).includes(FindingCodes.HEADER_ALG_MISMATCH), 'RSA-OAEP fits a JWE');
  });
  it('verifyToken: not checked as a JWE', async () => {
    const r = await verifyToken(odd.JWE_TRUNCATED, []);
    assert.ok(r.status === 'not-checked' && r.reason === 'jwe', JSON.stringify(r));
  });
});

describe('JWEs with an empty IV or tag', () => {
  it('an empty IV: TL219', () => {
    const c = codes(inspected(odd.JWE_EMPTY_IV));
    assert.ok(c.includes(FindingCodes.JWE_EMPTY_IV));
    assert.ok(!c.includes(FindingCodes.JWE_EMPTY_TAG));
  });
  it('an empty tag: TL220', () => {
    const c = codes(inspected(odd.JWE_EMPTY_TAG));
    assert.ok(c.includes(FindingCodes.JWE_EMPTY_TAG));
    assert.ok(!c.includes(FindingCodes.JWE_EMPTY_IV));
    assert.equal(findTokens(odd.JWE_EMPTY_TAG)[0]?.token, odd.JWE_EMPTY_TAG, 'the scanner takes the whole JWE');
  });
  it('a complete JWE and a `dir` JWE (no encrypted key, RFC 7518 §4.5) get neither', () => {
    for (const token of [odd.JWE_COMPLETE, odd.JWE_DIR]) {
      const c = codes(inspected(token));
      assert.ok(!c.includes(FindingCodes.JWE_EMPTY_IV) && !c.includes(FindingCodes.JWE_EMPTY_TAG), token);
    }
  });
});
