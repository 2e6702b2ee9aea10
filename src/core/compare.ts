/**
 * Comparing two tokens (issue 13): "what changed between the token before and after a refresh,
 * or between staging and production?". Two decoded tokens give two **normalised documents**
 * (for a diff editor) and a **summary** (header parameters and claims added, removed and
 * changed, `exp` moved, a different `kid`, `alg` or kind) that the CLI's `token-lens diff`, the
 * *Compare Tokens* command and the inspector share.
 *
 * The normalised document is JSONC, so that a line-based diff reads well:
 * - one object `{ "header": {…}, "payload": {…} }` after a first comment line naming the kind;
 * - keys in a stable order: the registered names first in a fixed order (header: `alg`, `enc`,
 *   `typ`, `cty`, `kid`, then the other RFC 7515/7516/7518 parameters; payload: the RFC 7519
 *   §4.1 claims `iss`, `sub`, `aud`, `exp`, `nbf`, `iat`, `jti`, then `auth_time`), then every
 *   other key sorted by UTF-16 code units (`Array.prototype.sort`), nested objects sorted too;
 * - two-space indent, one member a line, arrays one element a line, down to
 *   {@link MAX_PRETTY_DEPTH} levels; a value nested deeper is written on one line as compact
 *   JSON with sorted keys (so a deeply nested claim cannot make the document many times the
 *   token's size: every line's indent is bounded);
 * - a time claim (`exp`, `nbf`, `iat`, `auth_time`) ends its line with its UTC date as a
 *   comment, `"exp": 1796148000, // 2026-12-01T18:00:00Z`, so the number and the date change on
 *   the same line of the diff (an invalid one says why, `// a string, not a NumericDate`);
 * - a payload that is not a claims set is shown as what it is: other JSON as itself, text as a
 *   JSON string, bytes or ciphertext as `null` with a comment.
 * Strings are JSON strings; DEL, C1, bidi controls and line/paragraph separators are written
 * as `\u` escapes (the same value, nothing that reorders or breaks a line in the editor).
 *
 * Pure and total: no `vscode`, no Node API, never a throw. Linear in the tokens' sizes (one
 * rendering of each member, map lookups, sorts of key lists); the summary is bounded by
 * {@link CompareOptions}.
 */
import { decodeToken } from './decoder';
import { HEADER_PARAMETERS } from './claims';
import { readTimeClaim } from './time';
import type { DecodedPayload, DecodedToken, Inspection, JsonObject, JsonValue, Result, TimeClaim, TokenError, TokenKind } from './types';

/** Header parameters in the order a reader looks for them; the rest of the registry follows. */
const HEADER_FIRST = ['alg', 'enc', 'typ', 'cty', 'kid'];
const HEADER_ORDER: readonly string[] = [...HEADER_FIRST, ...[...HEADER_PARAMETERS.keys()].filter((k) => !HEADER_FIRST.includes(k))];
/** RFC 7519 §4.1 registered claims in the RFC's order, then OpenID Connect's `auth_time`. */
const CLAIM_ORDER: readonly string[] = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'auth_time'];
const TIME_CLAIM_NAMES: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time']);

/** Characters JSON.stringify leaves raw that an editor would act on or hide. */
const UNSAFE_IN_STRING = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
/** The same, without `g` (a global regex's `test` moves its `lastIndex`). */
const HAS_UNSAFE = new RegExp(UNSAFE_IN_STRING.source);

/** Nesting levels pretty-printed in a normalised document; deeper values are written compact, on one line. */
export const MAX_PRETTY_DEPTH = 8;

/** Default of {@link CompareOptions.maxValueChars}. */
export const DEFAULT_COMPARE_VALUE_CHARS = 80;
/** Default of {@link CompareOptions.maxChanges}. */
export const DEFAULT_COMPARE_MAX_CHANGES = 100;

/** Options of {@link compareTokens}, {@link compareDecoded} and {@link compareInspections}. */
export interface CompareOptions {
  /** Longest value text in a {@link MemberChange} (`from`/`to`), in characters, `…` included. Default 80. */
  readonly maxValueChars?: number;
  /** Most member changes listed; the others are counted in `omittedChanges`. Default 100. */
  readonly maxChanges?: number;
  /** Build the two normalised documents too (the diff editor needs them, a summary does not). Default true for `compareTokens`, false otherwise. */
  readonly documents?: boolean;
}

/** Which part of the token a member belongs to. */
export type ComparedSegment = 'header' | 'payload';

/** One header parameter or top-level claim that differs. */
export interface MemberChange {
  readonly segment: ComparedSegment;
  /** The member name (token text: escape it for the output), at most `maxValueChars`. `''` for a payload that is not a claims set, compared as a whole. */
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The old value as compact JSON with sorted keys, at most `maxValueChars` (absent when added). */
  readonly from?: string;
  /** The new value, likewise (absent when removed). */
  readonly to?: string;
}

/** A value on each side; `undefined` where the side has none. */
export interface SideChange<T> {
  readonly from: T | undefined;
  readonly to: T | undefined;
}

/** How `exp` differs. */
export interface ExpChange {
  /** The `exp` of each side as read (`raw`, `seconds`, `iso`, `invalid`); `undefined` where absent. */
  readonly from: TimeClaim | undefined;
  readonly to: TimeClaim | undefined;
  /** `to − from` in seconds (positive: the second token expires later), when both are usable NumericDates. */
  readonly movedSec?: number;
}

/** What differs between two tokens, bounded whatever their size. */
export interface ComparisonSummary {
  /** The normalised documents are equal (same kind, header and payload), and for a JWE also the same ciphertext. */
  readonly identical: boolean;
  /** The two token texts are the same. */
  readonly sameToken: boolean;
  /** Present when the kinds differ (a JWS and a JWE). */
  readonly kind?: SideChange<TokenKind>;
  /** Present when the header `alg` differs (compact JSON for a non-string, at most `maxValueChars`). */
  readonly alg?: SideChange<string>;
  /** Present when the header `kid` differs. */
  readonly kid?: SideChange<string>;
  /** Present when `exp` differs. */
  readonly exp?: ExpChange;
  /** Present when the payloads are of different types (claims and text, claims and ciphertext). */
  readonly payloadType?: SideChange<DecodedPayload['type']>;
  /** True when header and payload are the same but the signature (JWS) or the encrypted parts (JWE) differ. */
  readonly onlyCryptoDiffers: boolean;
  /** Header parameters first, then claims, each in the normalised order; at most `maxChanges`. */
  readonly changes: readonly MemberChange[];
  /** Changes left out of `changes` by `maxChanges`. */
  readonly omittedChanges: number;
  /** Every change counted, including the omitted ones. */
  readonly counts: { readonly added: number; readonly removed: number; readonly changed: number };
}

/** The normalised documents and the summary of two tokens. */
export interface TokenComparison {
  /** The first token's normalised JSONC document (empty when `documents: false`). */
  readonly left: string;
  /** The second token's. */
  readonly right: string;
  readonly summary: ComparisonSummary;
}

/** Why two tokens could not be compared: which one does not decode, and its decode error. */
export interface CompareError {
  readonly side: 'left' | 'right';
  readonly error: TokenError;
}

/**
 * Decodes both tokens (through {@link decodeToken}) and compares them. Total: a comparison, or
 * which side does not decode and why.
 *
 * @example
 * const r = compareTokens(before, after);
 * if (r.ok) r.value.summary.exp?.movedSec; // 3600: the new token lives one hour longer
 * else r.error.side;                       // 'right': the second one is not a token
 */
export function compareTokens(a: string, b: string, options: CompareOptions = {}): Result<TokenComparison, CompareError> {
  const left = decodeToken(a);
  if (!left.ok) return { ok: false, error: { side: 'left', error: left.error } };
  const right = decodeToken(b);
  if (!right.ok) return { ok: false, error: { side: 'right', error: right.error } };
  return { ok: true, value: compareDecoded(left.value, right.value, { documents: true, ...options }) };
}

/**
 * Compares two inspections (what the inspector holds): the summary, and the documents when
 * `documents: true`. Pure and total.
 */
export function compareInspections(a: Inspection, b: Inspection, options: CompareOptions = {}): TokenComparison {
  return compareDecoded(a.decoded, b.decoded, options);
}

/** Compares two decoded tokens. Pure and total. */
export function compareDecoded(a: DecodedToken, b: DecodedToken, options: CompareOptions = {}): TokenComparison {
  const maxValueChars = bound(options.maxValueChars, DEFAULT_COMPARE_VALUE_CHARS, 8);
  const maxChanges = bound(options.maxChanges, DEFAULT_COMPARE_MAX_CHANGES, 0);
  try {
    const left = options.documents === true ? normalizedDocument(a) : '';
    const right = options.documents === true ? normalizedDocument(b) : '';
    return { left, right, summary: summarize(a, b, maxValueChars, maxChanges) };
  } catch {
    // Defensive: rendering is bounded by the JSON reader's depth; an engine failure (memory)
    // still gives a typed answer: the tokens are reported as different, with no detail.
    const identical = a.token === b.token;
    return { left: '', right: '', summary: { identical, sameToken: identical, onlyCryptoDiffers: false, changes: [], omittedChanges: 0, counts: { added: 0, removed: 0, changed: 0 } } };
  }
}

function bound(value: number | undefined, fallback: number, min: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
}

/**
 * The normalised JSONC document of a decoded token (the format is described at the top of this
 * module). Linear in the token's size.
 *
 * @example
 * normalizedDocument(decoded).split('\n')[0] // '// JWS'
 */
export function normalizedDocument(decoded: DecodedToken): string {
  // One list of fragments joined once: no string is built twice, whatever the token's size.
  const out: string[] = [`// ${decoded.kind.toUpperCase()}\n{\n  "header": `];
  writeTopLevel(out, decoded.header, HEADER_ORDER, false);
  out.push(',\n  "payload": ');
  writePayload(out, decoded.payload);
  out.push('\n}\n');
  return out.join('');
}

/** Member names of `object` in the normalised order: `first` (those present), then the rest sorted. */
function orderedKeys(object: JsonObject, first: readonly string[]): string[] {
  return inOrder(Object.keys(object), first);
}

/** `names` (distinct) in the normalised order: those of `first` in its order, then the rest sorted. */
function inOrder(names: readonly string[], first: readonly string[]): string[] {
  const present = new Set(names);
  const registered = first.filter((k) => present.has(k));
  if (registered.length === 0) return [...names].sort();
  const firstSet = new Set(registered);
  return [...registered, ...names.filter((k) => !firstSet.has(k)).sort()];
}

function jsonString(text: string): string {
  const json = JSON.stringify(text);
  return HAS_UNSAFE.test(json) ? json.replace(UNSAFE_IN_STRING, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
}

/** A time claim's date comment: `2026-12-01T18:00:00Z`, or why it is no date. */
function timeComment(claims: JsonObject, name: string): string {
  const claim = readTimeClaim(claims, name as TimeClaim['name']);
  if (claim === undefined) return '';
  if (claim.iso !== undefined && claim.invalid === undefined) return ` // ${isoText(claim.iso)}`;
  return ` // ${claim.iso !== undefined ? `${isoText(claim.iso)}, ` : ''}${claim.invalid ?? 'not a NumericDate'}`;
}

function isoText(iso: string): string {
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Appends `object` at indent 2 (after its member name), the time claims annotated when `annotate`. */
function writeTopLevel(out: string[], object: JsonObject, first: readonly string[], annotate: boolean): void {
  const keys = orderedKeys(object, first);
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((key, i) => {
    out.push('\n    ', jsonString(key), ': ');
    writeValue(out, object[key] as JsonValue, '    ');
    if (i < keys.length - 1) out.push(',');
    if (annotate && TIME_CLAIM_NAMES.has(key)) out.push(timeComment(object, key));
  });
  out.push('\n  }');
}

function writePayload(out: string[], payload: DecodedPayload): void {
  switch (payload.type) {
    case 'claims':
      writeTopLevel(out, payload.claims, CLAIM_ORDER, true);
      return;
    case 'json':
      writeValue(out, payload.value, '  ');
      out.push(' // JSON, not a claims set');
      return;
    case 'text':
      out.push(jsonString(payload.text), ' // text, not JSON');
      return;
    case 'bytes':
      out.push(`null // ${payload.byteLength} bytes that are not UTF-8 text`);
      return;
    case 'encrypted':
      out.push(`null // encrypted: ${payload.ciphertextBytes} bytes of ciphertext`);
      return;
  }
}

/** Appends `value` pretty-printed at `indent` (continuing the current line). Nested keys sorted. */
function writeValue(out: string[], value: JsonValue, indent: string): void {
  if (value === null || typeof value !== 'object') {
    out.push(scalarText(value));
    return;
  }
  // Indent grows by two per level: past the bound, one compact line (see the module comment).
  if (indent.length >= 2 * MAX_PRETTY_DEPTH) {
    writeCanonical(out, value);
    return;
  }
  const innerIndent = `${indent}  `;
  const inner = `\n${innerIndent}`;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[');
    value.forEach((item, i) => {
      out.push(inner);
      writeValue(out, item, innerIndent);
      if (i < value.length - 1) out.push(',');
    });
    out.push(`\n${indent}]`);
    return;
  }
  const keys = Object.keys(value).sort();
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{');
  keys.forEach((key, i) => {
    out.push(inner, jsonString(key), ': ');
    writeValue(out, value[key] as JsonValue, innerIndent);
    if (i < keys.length - 1) out.push(',');
  });
  out.push(`\n${indent}}`);
}

function scalarText(value: null | boolean | number | string): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  return String(value);
}

/** Compact JSON with sorted keys: the one text two values are compared by. Linear in the value. */
function canonical(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return scalarText(value);
  const parts: string[] = [];
  writeCanonical(parts, value);
  return parts.join('');
}

function writeCanonical(parts: string[], value: JsonValue): void {
  if (value === null || typeof value !== 'object') {
    parts.push(scalarText(value));
    return;
  }
  if (Array.isArray(value)) {
    parts.push('[');
    value.forEach((item, i) => {
      if (i > 0) parts.push(',');
      writeCanonical(parts, item);
    });
    parts.push(']');
    return;
  }
  parts.push('{');
  Object.keys(value)
    .sort()
    .forEach((key, i) => {
      if (i > 0) parts.push(',');
      parts.push(jsonString(key), ':');
      writeCanonical(parts, value[key] as JsonValue);
    });
  parts.push('}');
}

/** At most `max` characters of `text`, the last one `…` when cut (a surrogate pair is never split). */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** A payload's canonical text for comparing it whole (not a claims set). */
function payloadCanonical(payload: DecodedPayload): string {
  switch (payload.type) {
    case 'claims':
      return canonical(payload.claims);
    case 'json':
      return canonical(payload.value);
    case 'text':
      return jsonString(payload.text);
    case 'bytes':
      return `(${payload.byteLength} bytes, not UTF-8)`;
    case 'encrypted':
      return `(encrypted, ${payload.ciphertextBytes} bytes)`;
  }
}

interface Collector {
  readonly changes: MemberChange[];
  readonly counts: { added: number; removed: number; changed: number };
  omitted: number;
  readonly maxChanges: number;
  readonly maxValueChars: number;
}

function record(c: Collector, change: MemberChange): void {
  c.counts[change.change] += 1;
  if (c.changes.length < c.maxChanges) c.changes.push(change);
  else c.omitted += 1;
}

/** Members added, removed and changed between two objects, in the normalised order of the union. */
function diffMembers(c: Collector, segment: ComparedSegment, from: JsonObject, to: JsonObject, first: readonly string[]): void {
  const fromKeys = Object.keys(from);
  const toKeys = orderedKeys(to, first);
  const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  // The union of both key lists, in the normalised order.
  const removed = fromKeys.filter((k) => !has(to, k));
  const union = removed.length === 0 ? toKeys : inOrder([...toKeys, ...removed], first);
  for (const key of union) {
    const inFrom = has(from, key);
    const inTo = has(to, key);
    if (inFrom && !inTo) record(c, { segment, name: clip(key, c.maxValueChars), change: 'removed', from: clip(canonical(from[key] as JsonValue), c.maxValueChars) });
    else if (!inFrom && inTo) record(c, { segment, name: clip(key, c.maxValueChars), change: 'added', to: clip(canonical(to[key] as JsonValue), c.maxValueChars) });
    else {
      const before = canonical(from[key] as JsonValue);
      const after = canonical(to[key] as JsonValue);
      if (before !== after) record(c, { segment, name: clip(key, c.maxValueChars), change: 'changed', from: clip(before, c.maxValueChars), to: clip(after, c.maxValueChars) });
    }
  }
}

function headerText(header: JsonObject, name: string, max: number): string | undefined {
  if (!Object.prototype.hasOwnProperty.call(header, name)) return undefined;
  const value = header[name] as JsonValue;
  return clip(typeof value === 'string' ? value : canonical(value), max);
}

function summarize(a: DecodedToken, b: DecodedToken, maxValueChars: number, maxChanges: number): ComparisonSummary {
  const c: Collector = { changes: [], counts: { added: 0, removed: 0, changed: 0 }, omitted: 0, maxChanges, maxValueChars };
  diffMembers(c, 'header', a.header, b.header, HEADER_ORDER);
  const pa = a.payload;
  const pb = b.payload;
  let payloadType: SideChange<DecodedPayload['type']> | undefined;
  if (pa.type === 'claims' && pb.type === 'claims') diffMembers(c, 'payload', pa.claims, pb.claims, CLAIM_ORDER);
  else {
    if (pa.type !== pb.type) payloadType = { from: pa.type, to: pb.type };
    const before = payloadCanonical(pa);
    const after = payloadCanonical(pb);
    if (before !== after) record(c, { segment: 'payload', name: '', change: 'changed', from: clip(before, maxValueChars), to: clip(after, maxValueChars) });
  }
  const sameToken = a.token === b.token;
  const contentSame = a.kind === b.kind && c.counts.added + c.counts.removed + c.counts.changed === 0;
  // A JWE's payload is ciphertext: the same header says nothing about the same content.
  const identical = contentSame && (a.kind !== 'jwe' || sameToken);
  const summary: Mutable<ComparisonSummary> = { identical, sameToken, onlyCryptoDiffers: contentSame && !sameToken, changes: c.changes, omittedChanges: c.omitted, counts: c.counts };
  if (a.kind !== b.kind) summary.kind = { from: a.kind, to: b.kind };
  const algFrom = headerText(a.header, 'alg', maxValueChars);
  const algTo = headerText(b.header, 'alg', maxValueChars);
  if (algFrom !== algTo) summary.alg = { from: algFrom, to: algTo };
  const kidFrom = headerText(a.header, 'kid', maxValueChars);
  const kidTo = headerText(b.header, 'kid', maxValueChars);
  if (kidFrom !== kidTo) summary.kid = { from: kidFrom, to: kidTo };
  const exp = expChange(pa, pb);
  if (exp !== undefined) summary.exp = exp;
  if (payloadType !== undefined) summary.payloadType = payloadType;
  return summary;
}

function claimsOf(payload: DecodedPayload): JsonObject | undefined {
  return payload.type === 'claims' ? payload.claims : undefined;
}

function expChange(a: DecodedPayload, b: DecodedPayload): ExpChange | undefined {
  const ca = claimsOf(a);
  const cb = claimsOf(b);
  const from = ca !== undefined ? readTimeClaim(ca, 'exp') : undefined;
  const to = cb !== undefined ? readTimeClaim(cb, 'exp') : undefined;
  if (from === undefined && to === undefined) return undefined;
  if (from !== undefined && to !== undefined && canonical(from.raw) === canonical(to.raw)) return undefined;
  const usable = (t: TimeClaim | undefined) => (t !== undefined && t.invalid === undefined ? t.seconds : undefined);
  const fromSec = usable(from);
  const toSec = usable(to);
  const change: Mutable<ExpChange> = { from, to };
  if (fromSec !== undefined && toSec !== undefined) change.movedSec = toSec - fromSec;
  return change;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
