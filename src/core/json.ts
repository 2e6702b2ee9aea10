/**
 * A small, iterative JSON reader (RFC 8259) that sees what `JSON.parse` hides: duplicate member
 * names (at any depth, with their path) and integers whose value JavaScript cannot hold exactly.
 * Iterative with an explicit stack, so hostile nesting cannot overflow the call stack; nesting
 * beyond {@link MAX_JSON_DEPTH} is a typed error. `__proto__` is an ordinary own key.
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

type Frame =
  | { kind: 'object'; value: JsonObject; path: string; key: string | undefined; seen: Set<string> }
  | { kind: 'array'; value: JsonValue[]; path: string };

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const SAFE_INTEGER_DIGITS = /^-?\d{1,15}$/;
// Characters a JSON string may hold unescaped (RFC 8259 §7), as one linear sticky run.
const PLAIN_RUN = /[^"\\\x00-\x1f]*/y;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function childPath(path: string, key: string | number): string {
  const part = typeof key === 'number' ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (typeof key === 'number') return `${path}${part}`;
  return path === '' ? part : part.startsWith('"') ? `${path}[${part}]` : `${path}.${part}`;
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

/**
 * Reads one JSON text. Total: never throws.
 *
 * @example
 * readJson('{"a":1,"a":2}') // ok, duplicates: [{ path: '', key: 'a' }], value { a: 2 }
 */
export function readJson(text: string): { ok: true; value: JsonReading } | { ok: false; error: JsonSyntaxError } {
  const duplicates: { path: string; key: string }[] = [];
  const lossyNumbers: LossyNumber[] = [];
  const stack: Frame[] = [];
  let pos = 0;
  let root: JsonValue | undefined;
  let done = false;
  const fail = (message: string, code: 'syntax' | 'too-deep' = 'syntax') =>
    ({ ok: false as const, error: { code, message, offset: pos } });
  const skipWs = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) pos++;
      else break;
    }
  };
  const readString = (): string | undefined => {
    // pos at opening quote. Fast path: a run without escapes or control characters.
    PLAIN_RUN.lastIndex = pos + 1;
    PLAIN_RUN.test(text);
    const end = PLAIN_RUN.lastIndex;
    if (text.charCodeAt(end) === 0x22) {
      const value = text.slice(pos + 1, end);
      pos = end + 1;
      return value;
    }
    let out = '';
    let runStart = ++pos;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        out += text.slice(runStart, pos);
        pos++;
        return out;
      }
      if (c < 0x20) return undefined;
      if (c === 0x5c) {
        out += text.slice(runStart, pos);
        const e = text[pos + 1];
        const simple = e === undefined ? undefined : SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          pos += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else return undefined;
        runStart = pos;
      } else pos++;
    }
    return undefined;
  };
  const pathOf = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) return '';
    return top.kind === 'object' ? childPath(top.path, top.key ?? '') : childPath(top.path, top.value.length);
  };
  // Places a finished value into its parent (or as the root).
  const attach = (value: JsonValue) => {
    const top = stack[stack.length - 1];
    if (top === undefined) {
      root = value;
      done = true;
    } else if (top.kind === 'array') top.value.push(value);
    else setOwn(top.value, top.key ?? '', value);
  };

  // State machine: expecting a value, or after a value inside a container.
  let expectValue = true;
  while (!done) {
    skipWs();
    if (pos >= text.length) return fail('Unexpected end of JSON');
    const top = stack[stack.length - 1];
    if (expectValue) {
      const c = text[pos];
      if (c === '{' || c === '[') {
        if (stack.length >= MAX_JSON_DEPTH) return fail(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`, 'too-deep');
        const path = pathOf();
        pos++;
        skipWs();
        if (c === '{') {
          const frame: Frame = { kind: 'object', value: {}, path, key: undefined, seen: new Set() };
          stack.push(frame);
          if (text[pos] === '}') {
            pos++;
            stack.pop();
            attach(frame.value);
            expectValue = false;
            continue;
          }
          if (text[pos] !== '"') return fail('Expected a member name');
          const key = readString();
          if (key === undefined) return fail('Invalid string');
          if (frame.seen.has(key)) duplicates.push({ path, key });
          frame.seen.add(key);
          frame.key = key;
          skipWs();
          if (text[pos] !== ':') return fail("Expected ':'");
          pos++;
          continue;
        }
        const frame: Frame = { kind: 'array', value: [], path };
        stack.push(frame);
        if (text[pos] === ']') {
          pos++;
          stack.pop();
          attach(frame.value);
          expectValue = false;
        }
        continue;
      }
      let value: JsonValue;
      if (c === '"') {
        const s = readString();
        if (s === undefined) return fail('Invalid string');
        value = s;
      } else if (text.startsWith('true', pos)) {
        value = true;
        pos += 4;
      } else if (text.startsWith('false', pos)) {
        value = false;
        pos += 5;
      } else if (text.startsWith('null', pos)) {
        value = null;
        pos += 4;
      } else {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        if (m === null) return fail('Unexpected character');
        const raw = m[0];
        pos += raw.length;
        value = Number(raw);
        if (isLossyInteger(raw) || !Number.isFinite(value)) lossyNumbers.push({ path: pathOf(), raw });
      }
      attach(value);
      expectValue = false;
      continue;
    }
    // After a value inside a container.
    if (top === undefined) break;
    const c = text[pos];
    if (c === ',') {
      pos++;
      if (top.kind === 'object') {
        skipWs();
        if (text[pos] !== '"') return fail('Expected a member name');
        const key = readString();
        if (key === undefined) return fail('Invalid string');
        if (top.seen.has(key)) duplicates.push({ path: top.path, key });
        top.seen.add(key);
        top.key = key;
        skipWs();
        if (text[pos] !== ':') return fail("Expected ':'");
        pos++;
      }
      expectValue = true;
    } else if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
      pos++;
      stack.pop();
      attach(top.value);
    } else return fail("Expected ',' or a closing bracket");
  }
  skipWs();
  if (pos !== text.length || root === undefined) return fail('Unexpected text after the JSON value');
  return { ok: true, value: { value: root, duplicates, lossyNumbers } };
}
