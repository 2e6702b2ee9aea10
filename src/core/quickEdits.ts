/**
 * The inspector's quick edits of a token's time claims (issue 11): `exp` 15 minutes or 1 hour
 * from now, `exp` now, remove `exp`, `iat` now. Pure claim arithmetic on the payload's JSON
 * text: the instant is the caller's clock (`nowMs`), the new values are whole seconds (a
 * NumericDate, RFC 7519 §2), and every other member stays exactly as written (core
 * `setMembers`; the text comes back compact, as it is signed). Total: a typed result or a
 * typed error, never an exception.
 */
import { readJson, isJsonObject } from './json';
import { compactJson, setMembers } from './sign';
import type { Result } from './types';

/** The quick edits, a closed list (the webview's message carries one of these names, nothing else). */
export const QUICK_EDITS = ['exp+15m', 'exp+1h', 'exp-now', 'exp-remove', 'iat-now'] as const;
export type QuickEdit = (typeof QUICK_EDITS)[number];

/** True for one of {@link QUICK_EDITS}. */
export function isQuickEdit(value: unknown): value is QuickEdit {
  return QUICK_EDITS.some((q) => q === value);
}

/** What a quick edit does: the claim it sets, and its value as seconds from now, or its removal. */
export interface QuickEditRule {
  readonly claim: 'exp' | 'iat';
  /** Seconds after now the claim is set to; `undefined` removes the claim. */
  readonly fromNowSec: number | undefined;
}

const RULES: Readonly<Record<QuickEdit, QuickEditRule>> = {
  'exp+15m': { claim: 'exp', fromNowSec: 15 * 60 },
  'exp+1h': { claim: 'exp', fromNowSec: 60 * 60 },
  'exp-now': { claim: 'exp', fromNowSec: 0 },
  'exp-remove': { claim: 'exp', fromNowSec: undefined },
  'iat-now': { claim: 'iat', fromNowSec: 0 },
};

/** The rule of `edit` (`exp+1h` → `exp` = now + 3600 s). */
export function quickEditRule(edit: QuickEdit): QuickEditRule {
  return RULES[edit];
}

/** The result of a quick edit. */
export type QuickEditOutcome =
  /** The payload changed: `claim` is now `after` (undefined: removed); `before` its old number, if it was one. */
  | { readonly changed: true; readonly payloadJson: string; readonly claim: 'exp' | 'iat'; readonly before: number | undefined; readonly after: number | undefined }
  /** Nothing to do: `no-exp` removing an `exp` the token does not have; `same` the claim already holds that value. */
  | { readonly changed: false; readonly claim: 'exp' | 'iat'; readonly reason: 'no-exp' | 'same' };

export interface QuickEditError {
  /** `ERR_QUICK_EDIT_KIND`: no such quick edit; `ERR_QUICK_EDIT_NOW`: the clock reading is no instant; `ERR_QUICK_EDIT_PAYLOAD`: the payload is no JSON object (or too large); `ERR_QUICK_EDIT_DUPLICATE`: the claim occurs twice. */
  readonly code: 'ERR_QUICK_EDIT_KIND' | 'ERR_QUICK_EDIT_NOW' | 'ERR_QUICK_EDIT_PAYLOAD' | 'ERR_QUICK_EDIT_DUPLICATE';
  readonly message: string;
}

function fail(code: QuickEditError['code'], message: string): { ok: false; error: QuickEditError } {
  return { ok: false, error: { code, message } };
}

/** Largest NumericDate a JavaScript Date holds (8.64e15 ms), in seconds. */
const MAX_SECONDS = 8.64e12;

/**
 * Applies `edit` to the payload JSON text at `nowMs` (ms since the epoch, the caller's clock).
 * `exp` +15 min / +1 h / now set `exp` from now, whether or not the token had one; `iat` now
 * sets `iat`; removing an absent `exp` changes nothing (`changed: false`, `no-exp`).
 *
 * @example applyQuickEdit('{"sub":"a"}', 'exp+15m', 1_764_600_000_999) // ok: payloadJson '{"sub":"a","exp":1764600900}'
 */
export function applyQuickEdit(payloadJson: string, edit: QuickEdit, nowMs: number): Result<QuickEditOutcome, QuickEditError> {
  if (!isQuickEdit(edit)) return fail('ERR_QUICK_EDIT_KIND', 'Unknown quick edit');
  if (typeof nowMs !== 'number' || !Number.isFinite(nowMs) || Math.abs(nowMs) > MAX_SECONDS * 1000) return fail('ERR_QUICK_EDIT_NOW', 'The clock reading is not an instant');
  if (typeof payloadJson !== 'string') return fail('ERR_QUICK_EDIT_PAYLOAD', 'The payload is not JSON text');
  const { claim, fromNowSec } = RULES[edit];
  const read = readJson(payloadJson);
  if (!read.ok || !isJsonObject(read.value.value)) return fail('ERR_QUICK_EDIT_PAYLOAD', 'The payload is not a JSON object, so it has no claims to change');
  // Which of two `exp` members a verifier reads is its own choice: editing one would settle nothing.
  if (read.value.duplicates.some((d) => d.path === '' && d.key === claim)) return fail('ERR_QUICK_EDIT_DUPLICATE', `The payload has "${claim}" twice; edit the token to keep one`);
  const claims = read.value.value;
  const had = Object.prototype.hasOwnProperty.call(claims, claim);
  const old = claims[claim];
  const before = typeof old === 'number' && Number.isFinite(old) ? old : undefined;
  if (fromNowSec === undefined && !had) return { ok: true, value: { changed: false, claim, reason: 'no-exp' } };
  const after = fromNowSec === undefined ? undefined : Math.floor(nowMs / 1000) + fromNowSec;
  if (after !== undefined && had && before === after) return { ok: true, value: { changed: false, claim, reason: 'same' } };
  const set = setMembers(payloadJson, { [claim]: after });
  if (!set.ok) return fail('ERR_QUICK_EDIT_PAYLOAD', set.error.message);
  // Compact, as a token's payload is signed (jsonc-parser re-indents an object it removes from).
  return { ok: true, value: { changed: true, payloadJson: compactJson(set.value), claim, before, after } };
}
