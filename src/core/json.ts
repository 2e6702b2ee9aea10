/**
 * A small, iterative JSON reader (RFC 8259) that sees what `JSON.parse` hides: duplicate member
 * names (at any depth, with their path) and integers whose value JavaScript cannot hold exactly.
 * Iterative with an explicit stack, so hostile nesting cannot overflow the call stack; nesting
 * beyond {@link MAX_JSON_DEPTH} is a typed error. `__proto__` is an ordinary own key.
 * It is the core's one JSON reader (headers, payloads, JWK/JWKS); JSON with comments and
 * offsets (environment files, settings) goes through `jsonc-parser` in `http/environments.ts`.
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

/** True for a JSON object (not `null`, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

type ReadResult = { ok: true; value: JsonReading } | { ok: false; error: JsonSyntaxError };

/** The state of one {@link readJson} call: the text, the position and the open containers. */
class Reader {
  pos = 0;
  readonly stack: Frame[] = [];
  readonly duplicates: { path: string; key: string }[] = [];
  readonly lossyNumbers: LossyNumber[] = [];

  constructor(readonly src: string) {}

  skipWs(): void {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.pos++;
      else return;
    }
  }

  /**
   * Reads the string whose opening quote is at `pos`; undefined when it is not a valid JSON
   * string, with `pos` where it stops being one.
   */
  readString(): string | undefined {
    const src = this.src;
    // A run without escapes or control characters (RFC 8259 §7), then the closing quote.
    let end = this.pos + 1;
    let c = src.charCodeAt(end);
    while (c >= 0x20 && c !== 0x22 && c !== 0x5c) c = src.charCodeAt(++end);
    if (c === 0x22) {
      const value = src.slice(this.pos + 1, end);
      this.pos = end + 1;
      return value;
    }
    let pos = this.pos + 1;
    let out = '';
    let runStart = pos;
    while (pos < src.length) {
      c = src.charCodeAt(pos);
      if (c === 0x22) {
        this.pos = pos + 1;
        return out + src.slice(runStart, pos);
      }
      if (c < 0x20) break;
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
        } else break;
        runStart = pos;
      } else pos++;
    }
    this.pos = pos;
    return undefined;
  }

  /**
   * Reads the number at `pos` (RFC 8259 §6: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, the longest
   * prefix that matches; what follows is the caller's business). Undefined when no number starts
   * here. Records integers JavaScript cannot hold exactly, and overflow to ±Infinity.
   */
  readNumber(): number | undefined {
    const src = this.src;
    const start = this.pos;
    let i = start;
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
    this.pos = i;
    // An integer of up to 15 digits is exact in a double, so the digits read above are its value.
    if (i === intEnd && intEnd - start - (negative ? 1 : 0) <= 15) return negative ? -integer : integer;
    const raw = src.slice(start, i);
    const value = Number(raw);
    if (!Number.isFinite(value) || isLossyInteger(raw)) this.lossyNumbers.push({ path: this.valuePath(), raw });
    return value;
  }

  framePath(depth: number): string {
    const frame = this.stack[depth];
    if (frame === undefined) return '';
    if (frame.path === undefined) frame.path = frame.keyInParent === undefined ? '' : childPath(this.framePath(depth - 1), frame.keyInParent);
    return frame.path;
  }

  /** Path of the value about to be read (the current member, or the next array element). */
  valuePath(): string {
    const depth = this.stack.length - 1;
    const top = this.stack[depth];
    if (top === undefined) return '';
    return childPath(this.framePath(depth), top.array !== undefined ? top.array.length : top.key);
  }

  /** Where a new value goes in the innermost container: its member name or array index. */
  slotInTop(): string | number | undefined {
    const top = this.stack[this.stack.length - 1];
    if (top === undefined) return undefined;
    return top.array !== undefined ? top.array.length : top.key;
  }

  /** Reads a member name and its `:` into `frame`; an error message, or undefined when fine. */
  readMemberName(frame: Frame, depth: number): string | undefined {
    if (this.src.charCodeAt(this.pos) !== 0x22) return 'Expected a member name';
    const key = this.readString();
    if (key === undefined) return 'Invalid string';
    // Earlier members are already set (a value is attached before the next `,`), so an own
    // property with this name is a duplicate.
    if (frame.object !== undefined && hasOwn.call(frame.object, key)) this.duplicates.push({ path: this.framePath(depth), key });
    frame.key = key;
    this.skipWs();
    if (this.src.charCodeAt(this.pos) !== 0x3a) return "Expected ':'";
    this.pos++;
    return undefined;
  }

  fail(message: string, code: 'syntax' | 'too-deep' = 'syntax'): ReadResult {
    return { ok: false, error: { code, message, offset: this.pos } };
  }

  read(): ReadResult {
    const { src, stack } = this;
    const length = src.length;
    let root: JsonValue | undefined;
    // State machine: expecting a value, or after a value inside a container.
    let expectValue = true;
    for (;;) {
      this.skipWs();
      if (this.pos >= length) return this.fail('Unexpected end of JSON');
      let value: JsonValue;
      if (expectValue) {
        const c = src.charCodeAt(this.pos);
        if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
          if (stack.length >= MAX_JSON_DEPTH) return this.fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep');
          const keyInParent = this.slotInTop();
          this.pos++;
          this.skipWs();
          if (c === 0x7b) {
            const object: JsonObject = {};
            if (src.charCodeAt(this.pos) === 0x7d /* } */) {
              this.pos++;
              value = object;
            } else {
              const frame: Frame = { object, array: undefined, key: '', keyInParent, path: keyInParent === undefined ? '' : undefined };
              stack.push(frame);
              const problem = this.readMemberName(frame, stack.length - 1);
              if (problem !== undefined) return this.fail(problem);
              continue;
            }
          } else {
            const array: JsonValue[] = [];
            if (src.charCodeAt(this.pos) === 0x5d /* ] */) {
              this.pos++;
              value = array;
            } else {
              stack.push({ object: undefined, array, key: '', keyInParent, path: keyInParent === undefined ? '' : undefined });
              continue;
            }
          }
        } else if (c === 0x22) {
          const s = this.readString();
          if (s === undefined) return this.fail('Invalid string');
          value = s;
        } else if (src.startsWith('true', this.pos)) {
          value = true;
          this.pos += 4;
        } else if (src.startsWith('false', this.pos)) {
          value = false;
          this.pos += 5;
        } else if (src.startsWith('null', this.pos)) {
          value = null;
          this.pos += 4;
        } else {
          const n = this.readNumber();
          if (n === undefined) return this.fail('Unexpected character');
          value = n;
        }
      } else {
        // After a value inside a container.
        const depth = stack.length - 1;
        const top = stack[depth];
        if (top === undefined) break;
        const c = src.charCodeAt(this.pos);
        if (c === 0x2c /* , */) {
          this.pos++;
          if (top.object !== undefined) {
            this.skipWs();
            const problem = this.readMemberName(top, depth);
            if (problem !== undefined) return this.fail(problem);
          }
          expectValue = true;
          continue;
        }
        if (c === 0x7d && top.object !== undefined) value = top.object;
        else if (c === 0x5d && top.array !== undefined) value = top.array;
        else return this.fail("Expected ',' or a closing bracket");
        this.pos++;
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
    this.skipWs();
    if (this.pos !== length || root === undefined) return this.fail('Unexpected text after the JSON value');
    return { ok: true, value: { value: root, duplicates: this.duplicates, lossyNumbers: this.lossyNumbers } };
  }
}

/**
 * Reads one JSON text. Total: never throws.
 *
 * @example
 * readJson('{"a":1,"a":2}') // ok, duplicates: [{ path: '', key: 'a' }], value { a: 2 }
 */
export function readJson(text: string): ReadResult {
  if (typeof text !== 'string') return { ok: false, error: { code: 'syntax', message: 'Not text', offset: 0 } };
  return new Reader(text).read();
}
