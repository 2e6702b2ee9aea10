/**
 * Environment files: REST Client's `rest-client.environmentVariables` setting (an object of
 * environments plus `$shared`, whose variables every environment sees) and JetBrains'
 * `http-client.env.json` / `http-client.private.env.json` (an object of environments whose
 * string/number/boolean members are variables), with offsets so the editor can show where a
 * variable is defined.
 */
import type { Result } from '../types';

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
