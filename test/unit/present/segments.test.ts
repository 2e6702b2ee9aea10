import { strict as assert } from 'node:assert';
import { decodeToken } from '../../../src/core/decoder';
import { segmentErrorFor, segmentErrorsOf, segmentErrorsText } from '../../../src/present/segments';
import * as odd from '../core/fixtures/oddShapes';

describe('present segments: the text of a partly decoded token', () => {
  it('reads the segment errors of a lenient decode and of a header failure alike', () => {
    const cut = decodeToken(odd.DOCS_PLACEHOLDER_TOKEN);
    assert.ok(cut.ok);
    assert.deepEqual(segmentErrorsOf(cut.value).map((e) => e.segment), ['signature']);
    const [, p] = odd.RS256_TOKEN.split('.');
    const bad = decodeToken(`e30.${p}.sig!`);
    assert.ok(!bad.ok);
    assert.deepEqual(segmentErrorsOf(bad.error).map((e) => e.segment), ['header', 'signature']);
    const clean = decodeToken(odd.RS256_TOKEN);
    assert.ok(clean.ok);
    assert.deepEqual(segmentErrorsOf(clean.value), []);
  });
  it('one line: the first error, and how many more', () => {
    const d = decodeToken(odd.WRAPPED_SIGNATURE);
    assert.ok(d.ok);
    assert.equal(segmentErrorsText(d.value.segmentErrors ?? []), 'Partly decoded: the signature segment is not base64url at offset 76: a line break (the token was wrapped or cut)');
    const jwe = decodeToken(odd.JWE_TRUNCATED);
    assert.ok(jwe.ok);
    assert.match(segmentErrorsText(jwe.value.segmentErrors ?? []) ?? '', /^Partly decoded: the ciphertext segment is missing.* \(and 1 more segment\)$/);
    assert.equal(segmentErrorsText([]), undefined);
  });
  it('finds the error of one segment, for marking the raw token', () => {
    const d = decodeToken(odd.TRUNCATED_SIGNATURE);
    assert.ok(d.ok);
    assert.equal(segmentErrorFor(d.value.segmentErrors ?? [], 'signature')?.code, 'length');
    assert.equal(segmentErrorFor(d.value.segmentErrors ?? [], 'payload'), undefined);
  });
});
