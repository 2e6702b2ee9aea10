import { strict as assert } from 'node:assert';
import { applyQuickEdit, isQuickEdit, QUICK_EDITS, quickEditRule } from '../../../src/core/quickEdits';
import type { QuickEdit, QuickEditOutcome } from '../../../src/core/quickEdits';

/** 2025-12-01T14:40:00.750Z: a clock reading with milliseconds, so rounding shows. */
const NOW_MS = 1_764_600_000_750;
const NOW = 1_764_600_000;

function changed(payload: string, edit: QuickEdit, now = NOW_MS): Extract<QuickEditOutcome, { changed: true }> {
  const r = applyQuickEdit(payload, edit, now);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.ok(r.value.changed, `expected a change, got ${JSON.stringify(r.value)}`);
  return r.value;
}

describe('quick edits (claim arithmetic, issue 11)', () => {
  const withExp = `{"sub":"alice","iat":${NOW - 7200},"exp":${NOW - 3600},"n":12345678901234567890}`;

  it('exp +15 min, +1 h and now are counted from the clock\'s now, in whole seconds', () => {
    assert.equal(changed(withExp, 'exp+15m').after, NOW + 900);
    assert.equal(changed(withExp, 'exp+1h').after, NOW + 3600);
    assert.equal(changed(withExp, 'exp-now').after, NOW);
    // Whole seconds: the .750 of the clock reading is dropped, never rounded up.
    for (const edit of ['exp+15m', 'exp+1h', 'exp-now', 'iat-now'] as const) {
      const after = changed(withExp, edit).after;
      assert.ok(Number.isInteger(after), `${edit}: ${after}`);
    }
    assert.equal(changed(withExp, 'exp+1h', NOW * 1000 + 999).after, NOW + 3600);
  });

  it('sets the claim in the payload text and keeps every other member exactly as written', () => {
    const out = changed(withExp, 'exp+1h');
    assert.equal(out.payloadJson, `{"sub":"alice","iat":${NOW - 7200},"exp":${NOW + 3600},"n":12345678901234567890}`);
    assert.equal(out.claim, 'exp');
    assert.equal(out.before, NOW - 3600);
  });

  it('a token without exp gets one: +15 min from now', () => {
    const out = changed('{"sub":"alice"}', 'exp+15m');
    assert.equal(out.before, undefined);
    assert.equal(out.after, NOW + 900);
    assert.deepEqual(JSON.parse(out.payloadJson), { sub: 'alice', exp: NOW + 900 });
  });

  it('remove exp takes it out; absent, it is a no-op that says why', () => {
    const out = changed(withExp, 'exp-remove');
    assert.equal(out.after, undefined);
    assert.equal(out.payloadJson, `{"sub":"alice","iat":${NOW - 7200},"n":12345678901234567890}`);
    assert.deepEqual(applyQuickEdit('{"sub":"alice"}', 'exp-remove', NOW_MS), { ok: true, value: { changed: false, claim: 'exp', reason: 'no-exp' } });
    // A non-numeric exp is still an exp: removed.
    assert.equal(changed('{"exp":"soon"}', 'exp-remove').payloadJson, '{}');
  });

  it('set iat now; an exp that already says that instant is no change', () => {
    const out = changed(withExp, 'iat-now');
    assert.equal(out.claim, 'iat');
    assert.equal(out.before, NOW - 7200);
    assert.equal(JSON.parse(out.payloadJson).iat, NOW);
    assert.deepEqual(applyQuickEdit(`{"exp":${NOW}}`, 'exp-now', NOW_MS), { ok: true, value: { changed: false, claim: 'exp', reason: 'same' } });
  });

  it('refuses a payload that is no JSON object, a duplicated claim, an unknown edit and a clock reading that is no instant', () => {
    const code = (r: ReturnType<typeof applyQuickEdit>): string => (r.ok ? 'ok' : r.error.code);
    assert.equal(code(applyQuickEdit('[1,2]', 'exp+1h', NOW_MS)), 'ERR_QUICK_EDIT_PAYLOAD');
    assert.equal(code(applyQuickEdit('"text"', 'exp+1h', NOW_MS)), 'ERR_QUICK_EDIT_PAYLOAD');
    assert.equal(code(applyQuickEdit('{"exp":', 'exp+1h', NOW_MS)), 'ERR_QUICK_EDIT_PAYLOAD');
    assert.equal(code(applyQuickEdit(`{"exp":1,"exp":2}`, 'exp-remove', NOW_MS)), 'ERR_QUICK_EDIT_DUPLICATE');
    assert.equal(code(applyQuickEdit(`{"exp":1,"exp":2}`, 'iat-now', NOW_MS)), 'ok', 'a duplicate of another claim is the signer\'s to refuse');
    assert.equal(code(applyQuickEdit('{}', 'exp+2h' as QuickEdit, NOW_MS)), 'ERR_QUICK_EDIT_KIND');
    for (const now of [Number.NaN, Infinity, 9e15, '1' as unknown as number]) assert.equal(code(applyQuickEdit('{}', 'exp+1h', now)), 'ERR_QUICK_EDIT_NOW', String(now));
    assert.equal(code(applyQuickEdit(undefined as unknown as string, 'exp+1h', NOW_MS)), 'ERR_QUICK_EDIT_PAYLOAD');
  });

  it('the closed list: each edit has its rule, nothing else is one', () => {
    assert.deepEqual([...QUICK_EDITS], ['exp+15m', 'exp+1h', 'exp-now', 'exp-remove', 'iat-now']);
    assert.deepEqual(quickEditRule('exp+15m'), { claim: 'exp', fromNowSec: 900 });
    assert.deepEqual(quickEditRule('exp-remove'), { claim: 'exp', fromNowSec: undefined });
    for (const v of ['exp', 'EXP+1H', 'exp+1h ', '', null, undefined, 1, ['exp+1h'], { edit: 'exp+1h' }, '__proto__', 'toString']) assert.equal(isQuickEdit(v), false, String(v));
    for (const q of QUICK_EDITS) assert.equal(isQuickEdit(q), true);
  });
});
