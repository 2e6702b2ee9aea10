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
}

/** Why a variable could not be resolved. */
export interface ResolveError {
  readonly code: 'ERR_UNDEFINED' | 'ERR_CYCLE' | 'ERR_EXTERNAL' | 'ERR_DEPTH';
  readonly message: string;
  readonly name: string;
}

// Greedy `(.*)` and a trim afterwards: a lazy `(.*?)[ \t]*$` is quadratic on long runs of spaces.
const FILE_VARIABLE_LINE = /^[ \t]*@([^\s=]+)[ \t]*=[ \t]*(.*)$/;
const MAX_RESOLVE_DEPTH = 16;

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

/** Every `{{…}}` reference in `text` (for a value or a whole line). */
export function findVariableReferences(text: string): VariableReference[] {
  const references: VariableReference[] = [];
  if (typeof text !== 'string') return references;
  let from = 0;
  // `close` and `newline` are cached and only searched again once passed, so text with many
  // unclosed `{{` lines stays linear.
  let close = -1;
  let newline = -1;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open === -1) break;
    if (close < open + 2) close = text.indexOf('}}', open + 2);
    if (close === -1) break;
    if (newline !== -1 && newline < open) newline = -1;
    if (newline === -1) newline = text.indexOf('\n', open);
    if (newline !== -1 && newline < close) {
      from = newline + 1;
      continue;
    }
    const reference = classifyReference(text.slice(open + 2, close), open, close + 2);
    if (reference) references.push(reference);
    from = close + 2;
  }
  return references;
}

/**
 * The `{{…}}` reference covering `offset` (from `{{` to `}}` inclusive), for hovers.
 * Only the line holding `offset` is read.
 */
export function findVariableReferenceAt(text: string, offset: number): VariableReference | undefined {
  if (typeof text !== 'string' || !Number.isFinite(offset) || offset < 0 || offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  for (const reference of findVariableReferences(text.slice(lineStart, lineEnd))) {
    const start = reference.start + lineStart;
    const end = reference.end + lineStart;
    if (start <= offset && offset <= end) return { ...reference, start, end };
  }
  return undefined;
}

function lookup(name: string, sources: VariableSources): VariableDefinition | undefined {
  // REST Client precedence: file variables, then the selected environment, then `$shared`.
  const files = sources.fileVariables ?? [];
  for (let i = files.length - 1; i >= 0; i--) {
    // A later definition of the same name wins, as REST Client reads the file top to bottom.
    if (files[i].name === name) return { source: 'file', variable: files[i] };
  }
  const environment = sources.environments?.variables ?? [];
  const selected = sources.environment;
  if (selected !== undefined) {
    const hit = environment.find((v) => v.environment === selected && v.name === name);
    if (hit) return { source: 'environment', variable: hit };
  }
  const shared = environment.find((v) => v.environment === '$shared' && v.name === name);
  if (shared) return { source: 'environment', variable: shared };
  return undefined;
}

/**
 * Resolves a variable to its final text, following `{{other}}` references in values.
 * Total: undefined names, cycles, `$processEnv` (never read by the pure core) and system
 * variables give a typed error.
 */
export function resolveVariable(name: string, sources: VariableSources): Result<ResolvedVariable, ResolveError> {
  const chain: VariableDefinition[] = [];
  const resolving = new Set<string>();

  const resolve = (current: string, depth: number): Result<string, ResolveError> => {
    if (depth > MAX_RESOLVE_DEPTH) {
      return { ok: false, error: { code: 'ERR_DEPTH', message: `Variable references nest deeper than ${MAX_RESOLVE_DEPTH} levels`, name: current } };
    }
    if (resolving.has(current)) {
      return { ok: false, error: { code: 'ERR_CYCLE', message: `Variable {{${current}}} refers to itself`, name: current } };
    }
    const definition = lookup(current, sources);
    if (!definition) {
      return { ok: false, error: { code: 'ERR_UNDEFINED', message: `Variable {{${current}}} is not defined in this file or the selected environment`, name: current } };
    }
    chain.push(definition);
    resolving.add(current);
    const raw = definition.variable.value;
    let value = '';
    let last = 0;
    for (const reference of findVariableReferences(raw)) {
      value += raw.slice(last, reference.start);
      const inner = resolveReference(reference, depth);
      if (!inner.ok) return inner;
      value += inner.value;
      last = reference.end;
    }
    value += raw.slice(last);
    resolving.delete(current);
    return { ok: true, value };
  };

  const resolveReference = (reference: VariableReference, depth: number): Result<string, ResolveError> => {
    switch (reference.kind) {
      case 'variable':
        return resolve(reference.name, depth + 1);
      case 'dotenv': {
        const hit = (sources.dotenv ?? []).find((v) => v.name === reference.name);
        if (!hit) return { ok: false, error: { code: 'ERR_UNDEFINED', message: `${reference.name} is not defined in the .env file`, name: reference.name } };
        chain.push({ source: 'dotenv', variable: hit });
        return { ok: true, value: hit.value };
      }
      case 'processEnv':
        return { ok: false, error: { code: 'ERR_EXTERNAL', message: `{{$processEnv ${reference.name}}} is read from the process environment at send time`, name: reference.name } };
      case 'system':
        return { ok: false, error: { code: 'ERR_EXTERNAL', message: `{{${reference.name}}} is a system variable computed at send time`, name: reference.name } };
      case 'request':
        return { ok: false, error: { code: 'ERR_EXTERNAL', message: `{{${reference.name}}} is a request variable known only after that request runs`, name: reference.name } };
    }
  };

  if (typeof name !== 'string' || name.length === 0) {
    return { ok: false, error: { code: 'ERR_UNDEFINED', message: 'Empty variable name', name: '' } };
  }
  const top = name.startsWith('{{') ? findVariableReferences(name)[0] : classifyReference(name, 0, name.length);
  if (!top) return { ok: false, error: { code: 'ERR_UNDEFINED', message: 'Empty variable name', name } };
  const result = resolveReference(top, -1);
  if (!result.ok) return result;
  return { ok: true, value: { name: top.name, value: result.value, chain } };
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
  const names: string[] = [];
  const variables: EnvironmentVariable[] = [];
  const seen = new Set<string>();
  for (const source of sources) for (const name of source.names) if (!names.includes(name)) names.push(name);
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
