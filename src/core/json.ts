/**
 * A small, iterative JSON reader (RFC 8259) that sees what `JSON.parse` hides: duplicate member
 * names (at any depth, with their path) and integers whose value JavaScript cannot hold exactly.
 * Iterative with an explicit stack, so hostile nesting cannot overflow the call stack; nesting
 * beyond {@link MAX_JSON_DEPTH} is a typed error. `__proto__` is an ordinary own key.
 * Documents with nothing to report take a fast path through the native JSON.parse (see
 * `readPlainJson`), with the same result.
 */
import type { JsonObject, JsonValue } from './types';

/** Deepest nesting accepted. Deeper documents are reported, not parsed (downstream renderers recurse). */
export const MAX_JSON_DEPTH = 256;

/** A number literal that does not survive conversion to a JavaScript number. */
export interface LossyNumber {
  /** Dotted path of the value ('' for the root). */
  readonly path: string;
  /** The literal exactly as written. */
  readonly raw: string;
}

/** What {@link readJson} found besides the value. */
export interface JsonReading {
  readonly value: JsonValue;
  /** Member names that occur more than once in one object, with the path of that object. */
  readonly duplicates: readonly { readonly path: string; readonly key: string }[];
  readonly lossyNumbers: readonly LossyNumber[];
}

/** Why a text is not JSON. */
export interface JsonSyntaxError {
  readonly code: 'syntax' | 'too-deep';
  readonly message: string;
  readonly offset: number;
}

/**
 * One open container. `keyInParent` is where it sits in its parent (undefined for the root);
 * its path is computed only when a duplicate or a lossy number inside it needs it.
 */
interface Frame {
  readonly object: JsonObject | undefined;
  readonly array: JsonValue[] | undefined;
  /** Current member name (objects). */
  key: string;
  readonly keyInParent: string | number | undefined;
  path: string | undefined;
}

const SAFE_INTEGER_DIGITS = /^-?\d{1,15}$/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const hasOwn = Object.prototype.hasOwnProperty;

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  const quoted = JSON.stringify(key);
  return path === '' ? quoted : `${path}[${quoted}]`;
}

/** Sets an own property, also for `__proto__` (no prototype pollution, no prototype swap). */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Is the integer literal exactly representable? Decimals/exponents are not "lossy" for our purpose. */
function isLossyInteger(raw: string): boolean {
  if (!/^-?\d+$/.test(raw) || SAFE_INTEGER_DIGITS.test(raw)) return false;
  const n = Number(raw);
  return !Number.isSafeInteger(n) || String(n) !== raw.replace(/^(-?)0+(?=\d)/, '$1');
}

// The reader's state. readJson is synchronous and never re-entered, so one set of module-level
// variables (instead of closures created per call) serves every call: the decoder reads two
// documents per token, and per-call closures and frame sets were most of its cost.
let src = '';
let pos = 0;
const stack: Frame[] = [];
let duplicates: { path: string; key: string }[] = [];
let lossyNumbers: LossyNumber[] = [];

function skipWs(): void {
  for (;;) {
    const c = src.charCodeAt(pos);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
    else return;
  }
}

/** Reads the string whose opening quote is at `pos`; undefined when it is not a valid JSON string. */
function readString(): string | undefined {
  // Fast path: a run without escapes or control characters (RFC 8259 §7), then the closing quote.
  let end = pos + 1;
  let c = src.charCodeAt(end);
  while (c >= 0x20 && c !== 0x22 && c !== 0x5c) c = src.charCodeAt(++end);
  if (c === 0x22) {
    const value = src.slice(pos + 1, end);
    pos = end + 1;
    return value;
  }
  let out = '';
  let runStart = ++pos;
  while (pos < src.length) {
    c = src.charCodeAt(pos);
    if (c === 0x22) {
      out += src.slice(runStart, pos);
      pos++;
      return out;
    }
    if (c < 0x20) return undefined;
    if (c === 0x5c) {
      out += src.slice(runStart, pos);
      const e = src[pos + 1];
      const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        pos += 2;
      } else if (e === 'u' && HEX4.test(src.slice(pos + 2, pos + 6))) {
        out += String.fromCharCode(parseInt(src.slice(pos + 2, pos + 6), 16));
        pos += 6;
      } else return undefined;
      runStart = pos;
    } else pos++;
  }
  return undefined;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Reads the number at `pos` (RFC 8259 §6: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, the longest
 * prefix that matches; what follows is the caller's business). Undefined when no number starts
 * here. Records integers JavaScript cannot hold exactly, and overflow to ±Infinity.
 */
function readNumber(): number | undefined {
  const start = pos;
  let i = pos;
  let c = src.charCodeAt(i);
  const negative = c === 0x2d;
  if (negative) c = src.charCodeAt(++i);
  if (!isDigit(c)) return undefined;
  let integer = 0;
  if (c === 0x30) c = src.charCodeAt(++i);
  else {
    do {
      integer = integer * 10 + (c - 0x30);
      c = src.charCodeAt(++i);
    } while (isDigit(c));
  }
  const intEnd = i;
  if (c === 0x2e && isDigit(src.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(src.charCodeAt(i))) i++;
    c = src.charCodeAt(i);
  }
  if (c === 0x65 || c === 0x45) {
    let j = i + 1;
    const sign = src.charCodeAt(j);
    if (sign === 0x2b || sign === 0x2d) j++;
    if (isDigit(src.charCodeAt(j))) {
      i = j + 1;
      while (isDigit(src.charCodeAt(i))) i++;
    }
  }
  pos = i;
  // Plain integers of up to 15 digits are exact in a double, digit by digit.
  if (i === intEnd && intEnd - start - (negative ? 1 : 0) <= 15) return negative ? -integer : integer;
  const raw = src.slice(start, i);
  const value = Number(raw);
  if (isLossyInteger(raw) || !Number.isFinite(value)) lossyNumbers.push({ path: valuePath(), raw });
  return value;
}

function framePath(depth: number): string {
  const frame = stack[depth];
  if (frame === undefined) return '';
  if (frame.path === undefined) frame.path = frame.keyInParent === undefined ? '' : childPath(framePath(depth - 1), frame.keyInParent);
  return frame.path;
}

/** Path of the value about to be read (the current member, or the next array element). */
function valuePath(): string {
  const depth = stack.length - 1;
  const top = stack[depth];
  if (top === undefined) return '';
  return childPath(framePath(depth), top.array !== undefined ? top.array.length : top.key);
}

/** Where a new value goes in the innermost container: its member name or array index. */
function slotInTop(): string | number | undefined {
  const top = stack[stack.length - 1];
  if (top === undefined) return undefined;
  return top.array !== undefined ? top.array.length : top.key;
}

/** Reads a member name and its `:` into `frame`; an error message, or undefined when fine. */
function readMemberName(frame: Frame, depth: number): string | undefined {
  if (src.charCodeAt(pos) !== 0x22) return 'Expected a member name';
  const key = readString();
  if (key === undefined) return 'Invalid string';
  // Earlier members are already set (a value is attached before the next `,`), so an own
  // property with this name is a duplicate.
  if (frame.object !== undefined && hasOwn.call(frame.object, key)) duplicates.push({ path: framePath(depth), key });
  frame.key = key;
  skipWs();
  if (src.charCodeAt(pos) !== 0x3a) return "Expected ':'";
  pos++;
  return undefined;
}

type ReadResult = { ok: true; value: JsonReading } | { ok: false; error: JsonSyntaxError };

// ---------------------------------------------------------------------------------------
// Fast path. Most documents (every ordinary JOSE header and claims set) have nothing for the
// reader to report. For those, the native JSON.parse builds exactly the value the reader would
// (RFC 8259 grammar, same number conversion, `__proto__` as an own data property, a repeated
// name keeping its first position and last value); a cheap structural scan first proves there
// is nothing to report. Anything else goes to the full reader, which also words the errors.
// ---------------------------------------------------------------------------------------

/**
 * Number of members (structural `:`) in `text`, or -1 when the fast path cannot vouch for it:
 * nesting deeper than MAX_JSON_DEPTH, a run of more than 15 digits (an integer that may not be
 * exact), or an unterminated string. Strings are skipped with `indexOf`; only the characters
 * between them are looked at. Meaningful only for texts JSON.parse accepts.
 */
function memberCount(text: string): number {
  let members = 0;
  let depth = 0;
  const length = text.length;
  for (let i = 0; i < length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // The closing quote is the first one not escaped by an odd run of backslashes.
      let close = text.indexOf('"', i + 1);
      for (;;) {
        if (close < 0) return -1;
        let k = close - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((close - 1 - k) % 2 === 0) break;
        close = text.indexOf('"', close + 1);
      }
      i = close + 1;
    } else if (c === 0x3a) {
      members++;
      i++;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return -1;
      i++;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
      i++;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (isDigit(text.charCodeAt(j))) j++;
      if (j - i > 15) return -1;
      i = j;
    } else i++;
  }
  return members;
}

/** Own keys of every object in `value` (at most MAX_JSON_DEPTH deep), or -1 on a non-finite number. */
function keyCount(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? 0 : -1;
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const c = keyCount(item);
      if (c < 0) return -1;
      count += c;
    }
    return count;
  }
  const keys = Object.keys(value);
  count = keys.length;
  for (const key of keys) {
    const c = keyCount((value as Record<string, unknown>)[key]);
    if (c < 0) return -1;
    count += c;
  }
  return count;
}

/**
 * The reading of `text` when it provably has no duplicate names, no lossy numbers and no
 * nesting beyond MAX_JSON_DEPTH (as many distinct keys as members, every number finite and
 * of at most 15 digits per run); undefined otherwise, and for invalid JSON.
 */
function readPlainJson(text: string): ReadResult | undefined {
  const members = memberCount(text);
  if (members < 0) return undefined;
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  if (keyCount(value) !== members) return undefined;
  return { ok: true, value: { value, duplicates: [], lossyNumbers: [] } };
}

function fail(message: string, code: 'syntax' | 'too-deep' = 'syntax'): ReadResult {
  return { ok: false, error: { code, message, offset: pos } };
}

/**
 * Reads one JSON text. Total: never throws.
 *
 * @example
 * readJson('{"a":1,"a":2}') // ok, duplicates: [{ path: '', key: 'a' }], value { a: 2 }
 */
export function readJson(text: string): ReadResult {
  const quick = readPlainJson(text);
  if (quick !== undefined) return quick;
  src = text;
  pos = 0;
  stack.length = 0;
  duplicates = [];
  lossyNumbers = [];
  try {
    return read();
  } finally {
    // Drop references to the document and its values.
    src = '';
    stack.length = 0;
  }
}

function read(): ReadResult {
  const length = src.length;
  let root: JsonValue | undefined;
  // State machine: expecting a value, or after a value inside a container.
  let expectValue = true;
  for (;;) {
    skipWs();
    if (pos >= length) return fail('Unexpected end of JSON');
    let value: JsonValue;
    if (expectValue) {
      const c = src.charCodeAt(pos);
      if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
        if (stack.length >= MAX_JSON_DEPTH) return fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep');
        const keyInParent = slotInTop();
        pos++;
        skipWs();
        if (c === 0x7b) {
          const object: JsonObject = {};
          if (src.charCodeAt(pos) === 0x7d /* } */) {
            pos++;
            value = object;
          } else {
            const frame: Frame = { object, array: undefined, key: '', keyInParent, path: keyInParent === undefined ? '' : undefined };
            stack.push(frame);
            const problem = readMemberName(frame, stack.length - 1);
            if (problem !== undefined) return fail(problem);
            continue;
          }
        } else {
          const array: JsonValue[] = [];
          if (src.charCodeAt(pos) === 0x5d /* ] */) {
            pos++;
            value = array;
          } else {
            stack.push({ object: undefined, array, key: '', keyInParent, path: keyInParent === undefined ? '' : undefined });
            continue;
          }
        }
      } else if (c === 0x22) {
        const s = readString();
        if (s === undefined) return fail('Invalid string');
        value = s;
      } else if (src.startsWith('true', pos)) {
        value = true;
        pos += 4;
      } else if (src.startsWith('false', pos)) {
        value = false;
        pos += 5;
      } else if (src.startsWith('null', pos)) {
        value = null;
        pos += 4;
      } else {
        const n = readNumber();
        if (n === undefined) return fail('Unexpected character');
        value = n;
      }
    } else {
      // After a value inside a container.
      const depth = stack.length - 1;
      const top = stack[depth];
      if (top === undefined) break;
      const c = src.charCodeAt(pos);
      if (c === 0x2c /* , */) {
        pos++;
        if (top.object !== undefined) {
          skipWs();
          const problem = readMemberName(top, depth);
          if (problem !== undefined) return fail(problem);
        }
        expectValue = true;
        continue;
      }
      if (c === 0x7d && top.object !== undefined) value = top.object;
      else if (c === 0x5d && top.array !== undefined) value = top.array;
      else return fail("Expected ',' or a closing bracket");
      pos++;
      stack.pop();
    }
    // Places the finished value into its parent (or as the root).
    const parent = stack[stack.length - 1];
    if (parent === undefined) {
      root = value;
      break;
    }
    if (parent.array !== undefined) parent.array.push(value);
    else if (parent.object !== undefined) setOwn(parent.object, parent.key, value);
    expectValue = false;
  }
  skipWs();
  if (pos !== src.length || root === undefined) return fail('Unexpected text after the JSON value');
  return { ok: true, value: { value: root, duplicates, lossyNumbers } };
}
