/**
 * HTTP request file support (REST Client `.http`/`.rest` and JetBrains HTTP Client syntax):
 * file variables, `{{name}}` references, environment files and `.env` files, all with
 * offsets so the editor can show where a variable is defined. Pure and total.
 *
 * Syntax followed (Huachao/vscode-restclient README, JetBrains HTTP Client docs):
 * - file variable: a line `@name = value` (spaces around `=` optional); the value runs to the
 *   end of the line, trimmed, and may reference other variables with `{{other}}`;
 * - references: `{{name}}`, `{{$dotenv NAME}}`, `{{$processEnv NAME}}` (`%NAME` indirection),
 *   other `{{$system}}` variables (`$guid`, `$timestamp`, …) and request variables
 *   `{{login.response.body.$.token}}`;
 * - REST Client environments: the `rest-client.environmentVariables` setting, an object of
 *   environments plus `$shared` whose variables every environment sees;
 * - JetBrains environments: `http-client.env.json` / `http-client.private.env.json`, an object
 *   of environments whose string/number/boolean members are variables.
 *
 * @packageDocumentation
 */
import type { Result } from './types';

/** A `@name = value` file variable. Offsets are UTF-16 offsets into the file text. */
export interface HttpVariable {
  readonly name: string;
  /** Value text, trimmed, references not resolved. */
  readonly value: string;
  /** Zero-based line number. */
  readonly line: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Where an environment variable was defined. */
export type VariableOrigin = 'rest-client' | 'jetbrains' | 'dotenv';

/** One variable of one environment (or of a `.env` file), with offsets into its source text. */
export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string;
  /** Environment name (`$shared` for REST Client shared variables, `''` for `.env`). */
  readonly environment: string;
  readonly origin: VariableOrigin;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Environments parsed from one environment file. */
export interface Environments {
  /** Environment names in file order (`$shared` included when present). */
  readonly names: readonly string[];
  readonly variables: readonly EnvironmentVariable[];
}

/** Why an environment file could not be read. */
export interface EnvironmentParseError {
  readonly code: 'ERR_JSON' | 'ERR_SHAPE';
  readonly message: string;
  /** Offset of the problem, when known. */
  readonly offset?: number;
}

/** Kind of a `{{…}}` reference. */
export type VariableReferenceKind = 'variable' | 'dotenv' | 'processEnv' | 'system' | 'request';

/** A `{{…}}` reference in an HTTP file. */
export interface VariableReference {
  readonly kind: VariableReferenceKind;
  /** Variable name (`$dotenv`/`$processEnv`: the environment variable name; `%` kept out). */
  readonly name: string;
  /** Offsets of the whole `{{…}}`. */
  readonly start: number;
  readonly end: number;
}

/** Everything a reference can be resolved against. */
export interface VariableSources {
  readonly fileVariables?: readonly HttpVariable[];
  /** Parsed environment file(s). */
  readonly environments?: Environments;
  /** Selected environment name; `$shared` is always consulted after it. */
  readonly environment?: string;
  /** Parsed `.env` file for `{{$dotenv NAME}}`. */
  readonly dotenv?: readonly EnvironmentVariable[];
}

/** One step of a resolution: where a value came from. */
export type VariableDefinition =
  | { readonly source: 'file'; readonly variable: HttpVariable }
  | { readonly source: 'environment' | 'dotenv'; readonly variable: EnvironmentVariable };

/** A resolved variable: the final value and the chain of definitions that produced it. */
export interface ResolvedVariable {
  readonly name: string;
  readonly value: string;
  /** The definition of `name` first, then those of the variables it referenced. */
  readonly chain: readonly VariableDefinition[];
  /** The environment {@link resolveVariableInAnyEnvironment} fell back to, when it did. */
  readonly environment?: string;
}

/**
 * Why a variable could not be resolved. `ERR_TOO_LARGE`: the value would exceed
 * {@link MAX_RESOLVED_LENGTH}, or the resolution would exceed {@link MAX_RESOLVE_WORK}
 * ("too large to resolve").
 */
export interface ResolveError {
  readonly code: 'ERR_UNDEFINED' | 'ERR_CYCLE' | 'ERR_EXTERNAL' | 'ERR_DEPTH' | 'ERR_TOO_LARGE';
  readonly message: string;
  /** The variable (or `.env` name) where resolution stopped. */
  readonly name: string;
}

// Greedy `(.*)` and a trim afterwards: a lazy `(.*?)[ \t]*$` is quadratic on long runs of spaces.
const FILE_VARIABLE_LINE = /^[ \t]*@([^\s=]+)[ \t]*=[ \t]*(.*)$/;
const MAX_RESOLVE_DEPTH = 16;

/** Longest value one variable may resolve to (UTF-16 code units): the longest token scanned. */
export const MAX_RESOLVED_LENGTH = 64 * 1024;

/**
 * Work one {@link resolveVariable} call may do (one {@link resolveVariableInAnyEnvironment}
 * call, all its tries together): characters of values read and copied plus references
 * followed. Each variable is resolved once per try, so this bounds wide fan-out as well.
 */
export const MAX_RESOLVE_WORK = 1024 * 1024;

/** Removes trailing spaces and tabs (a loop: `/[ \t]+$/` is quadratic on long space runs). */
function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

/** Iterates over lines, yielding [lineNumber, start, end] (end excludes `\r\n`). */
function forEachLine(text: string, visit: (line: number, start: number, end: number) => void): void {
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    visit(line, start, contentEnd);
    start = end + 1;
    line++;
  }
}

/**
 * Finds every file variable (`@name = value`) in an HTTP file.
 *
 * @example
 * ```ts
 * findHttpVariables('@host = api.example.com\n@token = {{login}}')
 * // → [{ name: 'host', value: 'api.example.com', … }, { name: 'token', value: '{{login}}', … }]
 * ```
 */
export function findHttpVariables(text: string): HttpVariable[] {
  const variables: HttpVariable[] = [];
  if (typeof text !== 'string') return variables;
  forEachLine(text, (line, start, end) => {
    if (end - start > 1_000_000) return; // never run a regex over a pathological line
    const lineText = text.slice(start, end);
    if (!lineText.includes('@')) return;
    const m = FILE_VARIABLE_LINE.exec(lineText);
    if (!m) return;
    const nameStart = start + lineText.indexOf('@') + 1;
    const nameEnd = nameStart + m[1].length;
    const value = trimEndSpaces(m[2]);
    const valueStart = value.length === 0 ? end : start + lineText.lastIndexOf(value);
    variables.push({ name: m[1], value, line, nameStart, nameEnd, valueStart, valueEnd: valueStart + value.length });
  });
  return variables;
}

/** Classifies the inside of `{{…}}`. */
function classifyReference(inner: string, start: number, end: number): VariableReference | undefined {
  const body = inner.trim();
  if (body.length === 0) return undefined;
  if (body.startsWith('$')) {
    const space = body.search(/\s/);
    const fn = space === -1 ? body : body.slice(0, space);
    const arg = space === -1 ? '' : body.slice(space).trim();
    if (fn === '$dotenv' && arg.length > 0) return { kind: 'dotenv', name: arg.replace(/^%/, ''), start, end };
    if (fn === '$processEnv' && arg.length > 0) return { kind: 'processEnv', name: arg.replace(/^%/, ''), start, end };
    return { kind: 'system', name: fn, start, end };
  }
  // `{{login.response.body.$.token}}` is a request variable (REST Client), resolved at send time.
  if (/^[^.\s]+\.(response|request)\./.test(body)) return { kind: 'request', name: body, start, end };
  return { kind: 'variable', name: body, start, end };
}

/**
 * Calls `visit(start, end)` for each `{{…}}` on one line, in order, until it returns false.
 * The next `}}` and the end of the current line are searched again only once passed, so every
 * search starts past the previous one: one pass over the text.
 */
function forEachBraces(text: string, visit: (start: number, end: number) => boolean): void {
  let from = 0;
  let close = -1;
  let lineEnd = -1;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open === -1) return;
    if (close < open + 2) close = text.indexOf('}}', open + 2);
    if (close === -1) return;
    if (lineEnd < open) {
      lineEnd = text.indexOf('\n', open);
      if (lineEnd === -1) lineEnd = text.length;
    }
    if (lineEnd < close) {
      from = lineEnd + 1;
      continue;
    }
    if (!visit(open, close + 2)) return;
    from = close + 2;
  }
}

/** Every `{{…}}` reference in `text` (for a value or a whole line). */
export function findVariableReferences(text: string): VariableReference[] {
  const references: VariableReference[] = [];
  if (typeof text !== 'string') return references;
  forEachBraces(text, (start, end) => {
    const reference = classifyReference(text.slice(start + 2, end - 2), start, end);
    if (reference) references.push(reference);
    return true;
  });
  return references;
}

/**
 * The `{{…}}` reference covering `offset` (from `{{` to `}}` inclusive), for hovers.
 * Only the line holding `offset` is read, and only references up to `offset` are classified.
 */
export function findVariableReferenceAt(text: string, offset: number): VariableReference | undefined {
  if (typeof text !== 'string' || !Number.isFinite(offset) || offset < 0 || offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const at = offset - lineStart;
  let found: VariableReference | undefined;
  forEachBraces(line, (start, end) => {
    if (start > at) return false;
    if (end < at) return true;
    found = classifyReference(line.slice(start + 2, end - 2), start + lineStart, end + lineStart);
    return found === undefined;
  });
  return found;
}

/** Definitions by name, built once per call, so each lookup is one map read. */
interface DefinitionIndex {
  readonly file: ReadonlyMap<string, HttpVariable>;
  /** Environment name → variable name → its overriding definition, for the environments indexed so far. */
  readonly environments: Map<string, Map<string, EnvironmentVariable>>;
  readonly dotenv: ReadonlyMap<string, EnvironmentVariable>;
}

/** Adds the variables of the `wanted` environments to `index` (one pass over `variables`). */
function indexEnvironments(index: DefinitionIndex, variables: readonly EnvironmentVariable[], wanted: ReadonlySet<string>): void {
  for (const variable of variables) {
    if (!wanted.has(variable.environment)) continue;
    let names = index.environments.get(variable.environment);
    if (names === undefined) index.environments.set(variable.environment, (names = new Map()));
    // The first definition wins: mergeEnvironments puts overriding files first.
    if (!names.has(variable.name)) names.set(variable.name, variable);
  }
}

/** Indexes the file, `.env`, `$shared` and the selected environment (only those: a file may hold thousands). */
function indexSources(sources: VariableSources): DefinitionIndex {
  // A later file variable of the same name wins, as REST Client reads the file top to bottom.
  const file = new Map<string, HttpVariable>();
  for (const variable of sources.fileVariables ?? []) file.set(variable.name, variable);
  const dotenv = new Map<string, EnvironmentVariable>();
  for (const variable of sources.dotenv ?? []) if (!dotenv.has(variable.name)) dotenv.set(variable.name, variable);
  const index: DefinitionIndex = { file, environments: new Map(), dotenv };
  const wanted = new Set(['$shared', ...(sources.environment !== undefined ? [sources.environment] : [])]);
  indexEnvironments(index, sources.environments?.variables ?? [], wanted);
  return index;
}

function lookup(name: string, index: DefinitionIndex, environment: string | undefined): VariableDefinition | undefined {
  // REST Client precedence: file variables, then the selected environment, then `$shared`.
  const file = index.file.get(name);
  if (file !== undefined) return { source: 'file', variable: file };
  const selected = environment !== undefined ? index.environments.get(environment)?.get(name) : undefined;
  const hit = selected ?? index.environments.get('$shared')?.get(name);
  return hit !== undefined ? { source: 'environment', variable: hit } : undefined;
}

/** A variable's resolved text and how many variable levels it nests below itself. */
interface Expansion {
  readonly value: string;
  readonly height: number;
}

/** Work done so far, shared by the tries of one call. */
interface Budget {
  work: number;
}

function resolveError(code: ResolveError['code'], message: string, name: string): { ok: false; error: ResolveError } {
  return { ok: false, error: { code, message, name } };
}

/** "Too large to resolve": past the work budget, else past the value cap. */
function tooLargeError(name: string, budget: Budget): { ok: false; error: ResolveError } {
  const why = budget.work > MAX_RESOLVE_WORK ? `its references expand to more than ${MAX_RESOLVE_WORK} characters in all` : `its value is longer than ${MAX_RESOLVED_LENGTH} characters`;
  return resolveError('ERR_TOO_LARGE', `Variable {{${name}}} is too large to resolve (${why})`, name);
}

/** The reference a call asks for: `name`, `{{name}}` or `{{$dotenv NAME}}`. */
function topReference(name: string): Result<VariableReference, ResolveError> {
  if (typeof name !== 'string' || name.length === 0) return resolveError('ERR_UNDEFINED', 'Empty variable name', '');
  const top = name.startsWith('{{') ? findVariableReferences(name)[0] : classifyReference(name, 0, name.length);
  return top ? { ok: true, value: top } : resolveError('ERR_UNDEFINED', 'Empty variable name', name);
}

/**
 * One try: `top` resolved with `environment` selected (memoised per try, charged to `budget`);
 * every name it looks up is added to `lookedUp` when given.
 */
function resolveIn(
  top: VariableReference,
  index: DefinitionIndex,
  environment: string | undefined,
  budget: Budget,
  lookedUp?: Set<string>,
): Result<ResolvedVariable, ResolveError> {
  const chain: VariableDefinition[] = [];
  const resolving = new Set<string>();
  const resolved = new Map<string, { readonly ok: true; readonly value: Expansion }>();
  const dotenvRead = new Set<EnvironmentVariable>();

  const tooDeep = (current: string) => resolveError('ERR_DEPTH', `Variable references nest deeper than ${MAX_RESOLVE_DEPTH} levels`, current);
  const tooLarge = (current: string) => tooLargeError(current, budget);
  const fits = (length: number): boolean => budget.work <= MAX_RESOLVE_WORK && length <= MAX_RESOLVED_LENGTH;

  const resolve = (current: string, depth: number): Result<Expansion, ResolveError> => {
    const done = resolved.get(current);
    if (done !== undefined) return depth + done.value.height > MAX_RESOLVE_DEPTH ? tooDeep(current) : done;
    if (depth > MAX_RESOLVE_DEPTH) return tooDeep(current);
    if (resolving.has(current)) return resolveError('ERR_CYCLE', `Variable {{${current}}} refers to itself`, current);
    lookedUp?.add(current);
    const definition = lookup(current, index, environment);
    if (!definition) return resolveError('ERR_UNDEFINED', `Variable {{${current}}} is not defined in this file or the selected environment`, current);
    chain.push(definition);
    resolving.add(current);
    const raw = definition.variable.value;
    budget.work += raw.length;
    if (budget.work > MAX_RESOLVE_WORK) return tooLarge(current);
    let value = '';
    let height = 0;
    let last = 0;
    for (const reference of findVariableReferences(raw)) {
      const inner = resolveReference(reference, depth);
      if (!inner.ok) return inner;
      const literal = raw.slice(last, reference.start);
      budget.work += 1 + inner.value.value.length;
      if (!fits(value.length + literal.length + inner.value.value.length)) return tooLarge(current);
      value += literal;
      value += inner.value.value;
      if (reference.kind === 'variable') height = Math.max(height, inner.value.height + 1);
      last = reference.end;
    }
    const rest = raw.slice(last);
    if (!fits(value.length + rest.length)) return tooLarge(current);
    value += rest;
    resolving.delete(current);
    const expansion = { ok: true, value: { value, height } } as const;
    resolved.set(current, expansion);
    return expansion;
  };

  const resolveReference = (reference: VariableReference, depth: number): Result<Expansion, ResolveError> => {
    switch (reference.kind) {
      case 'variable':
        return resolve(reference.name, depth + 1);
      case 'dotenv': {
        const hit = index.dotenv.get(reference.name);
        if (!hit) return resolveError('ERR_UNDEFINED', `${reference.name} is not defined in the .env file`, reference.name);
        if (!dotenvRead.has(hit)) {
          dotenvRead.add(hit);
          chain.push({ source: 'dotenv', variable: hit });
        }
        return { ok: true, value: { value: hit.value, height: 0 } };
      }
      case 'processEnv':
        return resolveError('ERR_EXTERNAL', `{{$processEnv ${reference.name}}} is read from the process environment at send time`, reference.name);
      case 'system':
        return resolveError('ERR_EXTERNAL', `{{${reference.name}}} is a system variable computed at send time`, reference.name);
      case 'request':
        return resolveError('ERR_EXTERNAL', `{{${reference.name}}} is a request variable known only after that request runs`, reference.name);
    }
  };

  const result = resolveReference(top, -1);
  if (!result.ok) return result;
  if (result.value.value.length > MAX_RESOLVED_LENGTH) return tooLarge(top.name);
  return { ok: true, value: { name: top.name, value: result.value.value, chain } };
}

/**
 * Resolves a variable to its final text, following `{{other}}` references in values.
 * Each variable is resolved once per call (later references reuse its value), values are
 * capped at {@link MAX_RESOLVED_LENGTH} and the whole call at {@link MAX_RESOLVE_WORK}, so
 * the cost is linear in the sources whatever the file says.
 * Total: undefined names, cycles, too deep or too large expansions, `$processEnv` (never read
 * by the pure core) and system variables give a typed error.
 */
export function resolveVariable(name: string, sources: VariableSources): Result<ResolvedVariable, ResolveError> {
  const top = topReference(name);
  if (!top.ok) return top;
  return resolveIn(top.value, indexSources(sources), sources.environment, { work: 0 });
}

/**
 * {@link resolveVariable} with no environment selected, for callers that cannot see the user's
 * selection: when a name is undefined in the file and `$shared`, the environments are tried in
 * file order and the first that resolves is used and named in the result. Only environments
 * that define a name the first try looked up can resolve differently (the others look up the
 * same definitions and fail the same way), so only those are indexed and tried, with one work
 * budget for all tries: linear in the sources however many environments there are.
 */
export function resolveVariableInAnyEnvironment(name: string, sources: Omit<VariableSources, 'environment'>): Result<ResolvedVariable, ResolveError> {
  const top = topReference(name);
  if (!top.ok) return top;
  const index = indexSources({ ...sources, environment: undefined });
  const budget: Budget = { work: 0 };
  const lookedUp = new Set<string>();
  const first = resolveIn(top.value, index, undefined, budget, lookedUp);
  if (first.ok || first.error.code !== 'ERR_UNDEFINED' || top.value.kind !== 'variable') return first;
  const variables = sources.environments?.variables ?? [];
  const candidates = new Set<string>();
  for (const variable of variables) if (variable.environment !== '$shared' && lookedUp.has(variable.name)) candidates.add(variable.environment);
  indexEnvironments(index, variables, candidates);
  for (const environment of sources.environments?.names ?? []) {
    if (!candidates.has(environment)) continue;
    const attempt = resolveIn(top.value, index, environment, budget);
    if (attempt.ok) return { ok: true, value: { ...attempt.value, environment } };
    if (budget.work > MAX_RESOLVE_WORK) return tooLargeError(top.value.name, budget);
  }
  return first;
}

// ---------------------------------------------------------------------------------------
// A small JSON(C) reader with offsets: VS Code settings and JetBrains env files may carry
// comments and trailing commas, and the editor needs the offset of every key. Iterative on
// strings and numbers, recursive only per nesting level (bounded by MAX_JSON_DEPTH).
// ---------------------------------------------------------------------------------------

const MAX_JSON_DEPTH = 64;

type JsonNode =
  | { type: 'object'; start: number; end: number; members: { key: string; keyStart: number; keyEnd: number; value: JsonNode }[] }
  | { type: 'array'; start: number; end: number }
  | { type: 'string'; start: number; end: number; value: string }
  | { type: 'literal'; start: number; end: number; text: string };

class JsonSyntaxError {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

function parseJsonc(text: string): JsonNode {
  let i = 0;
  const skip = (): void => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) i++;
      else if (c === 47 && text.charCodeAt(i + 1) === 47) {
        const nl = text.indexOf('\n', i);
        i = nl === -1 ? text.length : nl + 1;
      } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
        const close = text.indexOf('*/', i + 2);
        if (close === -1) throw new JsonSyntaxError('Unterminated comment', i);
        i = close + 2;
      } else return;
    }
  };
  const readString = (): { value: string; start: number; end: number } => {
    const start = i;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 92) i += 2;
      else if (c === 34) break;
      else if (c === 10) throw new JsonSyntaxError('Newline inside a string', i);
      else i++;
    }
    if (i >= text.length) throw new JsonSyntaxError('Unterminated string', start);
    i++;
    try {
      return { value: JSON.parse(text.slice(start, i)) as string, start, end: i };
    } catch {
      throw new JsonSyntaxError('Invalid escape in string', start);
    }
  };
  const readValue = (depth: number): JsonNode => {
    if (depth > MAX_JSON_DEPTH) throw new JsonSyntaxError('Nesting too deep', i);
    skip();
    const c = text.charCodeAt(i);
    if (c === 34) return { type: 'string', ...readString() };
    if (c === 123 || c === 91) {
      const start = i;
      const close = c === 123 ? 125 : 93;
      const members: { key: string; keyStart: number; keyEnd: number; value: JsonNode }[] = [];
      i++;
      for (;;) {
        skip();
        if (text.charCodeAt(i) === close) {
          i++;
          break;
        }
        if (c === 123) {
          if (text.charCodeAt(i) !== 34) throw new JsonSyntaxError('Expected a property name', i);
          const key = readString();
          skip();
          if (text.charCodeAt(i) !== 58) throw new JsonSyntaxError('Expected ":"', i);
          i++;
          members.push({ key: key.value, keyStart: key.start + 1, keyEnd: key.end - 1, value: readValue(depth + 1) });
        } else {
          readValue(depth + 1);
        }
        skip();
        const sep = text.charCodeAt(i);
        if (sep === 44) i++;
        else if (sep !== close) throw new JsonSyntaxError(i >= text.length ? 'Unexpected end of JSON' : 'Expected "," or a closing bracket', i);
      }
      return c === 123 ? { type: 'object', start, end: i, members } : { type: 'array', start, end: i };
    }
    const start = i;
    while (i < text.length && /[A-Za-z0-9+\-.]/.test(text[i])) i++;
    const literal = text.slice(start, i);
    if (!/^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)$/.test(literal)) {
      throw new JsonSyntaxError(i >= text.length && literal === '' ? 'Unexpected end of JSON' : 'Unexpected token', start);
    }
    return { type: 'literal', start, end: i, text: literal };
  };
  const root = readValue(0);
  skip();
  if (i < text.length) throw new JsonSyntaxError('Unexpected text after the JSON value', i);
  return root;
}

function environmentsFrom(root: JsonNode, origin: VariableOrigin): Result<Environments, EnvironmentParseError> {
  if (root.type !== 'object') return { ok: false, error: { code: 'ERR_SHAPE', message: 'Expected an object of environments', offset: root.start } };
  const names: string[] = [];
  const variables: EnvironmentVariable[] = [];
  for (const environment of root.members) {
    if (environment.value.type !== 'object') continue;
    names.push(environment.key);
    for (const member of environment.value.members) {
      const v = member.value;
      // Only scalar members are variables; JetBrains' nested objects (e.g. `Security`) are config.
      if (v.type !== 'string' && v.type !== 'literal') continue;
      const value = v.type === 'string' ? v.value : v.text;
      const valueStart = v.type === 'string' ? v.start + 1 : v.start;
      const valueEnd = v.type === 'string' ? v.end - 1 : v.end;
      variables.push({ name: member.key, value, environment: environment.key, origin, nameStart: member.keyStart, nameEnd: member.keyEnd, valueStart, valueEnd });
    }
  }
  return { ok: true, value: { names, variables } };
}

function parseEnvironmentJson(jsonText: string, origin: VariableOrigin, unwrapKey?: string): Result<Environments, EnvironmentParseError> {
  if (typeof jsonText !== 'string') return { ok: false, error: { code: 'ERR_JSON', message: 'Not text' } };
  let root: JsonNode;
  try {
    root = parseJsonc(jsonText);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { ok: false, error: { code: 'ERR_JSON', message: e.message, offset: e.offset } };
    return { ok: false, error: { code: 'ERR_JSON', message: 'Unreadable JSON' } };
  }
  if (unwrapKey !== undefined && root.type === 'object') {
    const wrapped = root.members.find((m) => m.key === unwrapKey);
    if (wrapped) root = wrapped.value;
  }
  return environmentsFrom(root, origin);
}

/**
 * Parses REST Client environments: the value of the `rest-client.environmentVariables`
 * setting (`{ "$shared": {…}, "local": {…} }`), or a whole `settings.json` holding it.
 * Comments and trailing commas are accepted, as in VS Code settings files.
 */
export function parseRestClientEnvironments(jsonText: string): Result<Environments, EnvironmentParseError> {
  return parseEnvironmentJson(jsonText, 'rest-client', 'rest-client.environmentVariables');
}

/**
 * Parses a JetBrains HTTP Client environment file (`http-client.env.json` or
 * `http-client.private.env.json`): `{ "dev": { "token": "…" }, … }`.
 */
export function parseJetBrainsEnvironments(jsonText: string): Result<Environments, EnvironmentParseError> {
  return parseEnvironmentJson(jsonText, 'jetbrains');
}

const DOTENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/;

/**
 * Parses a `.env` file: `NAME=value`, `export NAME=value`, single/double quoted values,
 * `#` comment lines and ` #` trailing comments after unquoted values.
 */
export function parseDotEnv(text: string): EnvironmentVariable[] {
  const variables: EnvironmentVariable[] = [];
  if (typeof text !== 'string') return variables;
  forEachLine(text, (_line, start, end) => {
    if (end - start > 1_000_000) return;
    const lineText = text.slice(start, end);
    const m = DOTENV_LINE.exec(lineText);
    if (!m) return;
    const name = m[1];
    const nameStart = start + lineText.indexOf(name);
    let rawStart = start + lineText.length - m[2].length;
    let raw = m[2];
    let value: string;
    const quote = raw.charAt(0);
    if ((quote === '"' || quote === "'") && raw.indexOf(quote, 1) !== -1) {
      const close = raw.indexOf(quote, 1);
      value = raw.slice(1, close);
      rawStart += 1;
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      const comment = raw.search(/[ \t]#/);
      if (comment !== -1) raw = raw.slice(0, comment);
      value = raw.trimEnd();
    }
    variables.push({ name, value, environment: '', origin: 'dotenv', nameStart, nameEnd: nameStart + name.length, valueStart: rawStart, valueEnd: rawStart + Math.min(value.length, end - rawStart) });
  });
  return variables;
}

/**
 * Combines environment files; a variable in a later argument overrides the same variable of
 * the same environment in an earlier one (JetBrains: `http-client.env.json`, then
 * `http-client.private.env.json`).
 */
export function mergeEnvironments(...sources: readonly Environments[]): Environments {
  // A Set keeps first-insertion order: names in file order, each once.
  const names = [...new Set(sources.flatMap((source) => source.names))];
  const variables: EnvironmentVariable[] = [];
  const seen = new Set<string>();
  // Later sources first, so lookup's first match is the overriding definition.
  for (let s = sources.length - 1; s >= 0; s--) {
    for (const variable of sources[s].variables) {
      const key = `${variable.environment}\u0000${variable.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      variables.push(variable);
    }
  }
  return { names, variables };
}
