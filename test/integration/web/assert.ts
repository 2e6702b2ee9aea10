// The subset of node:assert the integration suites use, for the web worker extension host (no
// Node built-ins there). Same semantics for what they call: strict equality is Object.is,
// deepStrictEqual compares own enumerable keys, prototypes and values recursively.
export class AssertionError extends Error {
  readonly code = 'ERR_ASSERTION';
  constructor(message: string) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(v: unknown): string {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x)) ?? String(v);
  } catch {
    return String(v);
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function deep(a: unknown, b: unknown, strict: boolean): boolean {
  if (strict ? Object.is(a, b) : a == b || Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && deep(v, b.get(k), strict));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deep((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], strict));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `The expression evaluated to a falsy value: ${show(value)}`);
}
export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!(actual == expected || Object.is(actual, expected))) fail(message, `${show(actual)} == ${show(expected)}`);
}
export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}
export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected "actual" to be strictly unequal to: ${show(expected)}`);
}
export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!deep(actual, expected, false)) fail(message, `Expected values to be loosely deep-equal:\n${show(actual)}\n${show(expected)}`);
}
export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deep(actual, expected, true)) fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\n${show(expected)}`);
}
export function notDeepStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (deep(actual, expected, true)) fail(message, `Expected "actual" not to be strictly deep-equal to: ${show(expected)}`);
}
export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || !pattern.test(value)) fail(message, `The input did not match the regular expression ${String(pattern)}. Input:\n\n${show(value)}\n`);
}
export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (typeof value !== 'string' || pattern.test(value)) fail(message, `The input was expected to not match the regular expression ${String(pattern)}. Input:\n\n${show(value)}\n`);
}
export const strict = { ok, equal: strictEqual, strictEqual, notStrictEqual, deepEqual: deepStrictEqual, deepStrictEqual, notDeepStrictEqual, match, doesNotMatch };
