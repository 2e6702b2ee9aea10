import { strict as assert } from 'node:assert';
import { findTokenAt, findTokens } from '../../../src/core/scanner';
import { calibrate, measure, note } from '../lib/measure';

/**
 * findTokenAt reads only the line around the offset (hover, cursor tracking and the status bar
 * call it on every move). Measured in the perf stage, as ratios between calls in the same run.
 */
const hs = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoicmVhZCIsImlhdCI6MTcwMDAwMDAwMH0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

/** Best time of one call, repeated so each timed run lasts a few ms. */
function perCall(op: () => unknown, chars: number) {
  return measure(op, chars, undefined, calibrate(op));
}

describe('findTokenAt: cost bounded by the line (ratios in the same run)', () => {
  it('costs the same on a huge document as on its one line (no search past the line)', () => {
    const line = `@t = ${hs}\n`;
    // No `e` after the token: a search that ignored the range end would run to the end of the text.
    const huge = line + 'x'.repeat(20_000_000);
    const offset = 10;
    assert.equal(findTokenAt(huge, offset)?.token, hs);
    const small = perCall(() => findTokenAt(line, offset), line.length);
    const large = perCall(() => findTokenAt(huge, offset), line.length);
    const summary = `huge ${large.opMs.toFixed(4)} ms vs line ${small.opMs.toFixed(4)} ms a call (${(large.opMs / small.opMs).toFixed(2)}×)`;
    note(summary);
    assert.ok(large.opMs <= small.opMs * 5, summary);
  });
  it('only reads the line around the offset (a call ≤ 1/100 of a whole scan)', () => {
    // Realistic filler (many `e`, some `ey` candidates) so a whole-text scan does real work.
    const filler = 'the key to eyes.example.com is never to expire the secret value ok\n';
    const text = filler.repeat(200_000) + `@t = ${hs}\n` + filler.repeat(200_000);
    const offset = text.indexOf(hs) + 5;
    assert.equal(findTokenAt(text, offset)?.token, hs);
    assert.equal(findTokens(text).length, 1);
    const call = perCall(() => findTokenAt(text, offset), text.length);
    const scan = measure(() => findTokens(text), text.length, 3);
    const summary = `findTokenAt ${call.opMs.toFixed(4)} ms a call, whole scan ${scan.opMs.toFixed(1)} ms (${(scan.opMs / call.opMs).toFixed(0)}×)`;
    note(summary);
    assert.ok(call.opMs * 100 < scan.opMs, summary);
  });
});
