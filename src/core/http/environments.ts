/**
 * Environment files: REST Client's `rest-client.environmentVariables` setting (an object of
 * environments plus `$shared`, whose variables every environment sees) and JetBrains'
 * `http-client.env.json` / `http-client.private.env.json` (an object of environments whose
 * string/number/boolean members are variables), with offsets so the editor can show where a
 * variable is defined.
 */
import { createScanner, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError, ParseOptions } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../json';
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

/**
 * Deepest nesting an environment file may have: the core's JSON bound. `jsonc-parser` recurses
 * once per level, so the depth is checked first by a flat token scan.
 */
const MAX_ENVIRONMENT_DEPTH = MAX_JSON_DEPTH;

/** Settings files and JetBrains env files may carry comments and trailing commas. */
const JSONC_OPTIONS: ParseOptions = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/** One sentence per `jsonc-parser` error. */
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected ":"',
  CommaExpected: 'Expected ","',
  CloseBraceExpected: 'Expected "}"',
  CloseBracketExpected: 'Expected "]"',
  EndOfFileExpected: 'Unexpected text after the JSON value',
  InvalidCommentToken: 'Invalid comment',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid \\u escape in a string',
  InvalidEscapeCharacter: 'Invalid escape in a string',
  InvalidCharacter: 'Invalid character in a string',
};

function jsonError(message: string, offset?: number): { ok: false; error: EnvironmentParseError } {
  return { ok: false, error: offset === undefined ? { code: 'ERR_JSON', message } : { code: 'ERR_JSON', message, offset } };
}

/** Offset of the first bracket nested deeper than {@link MAX_ENVIRONMENT_DEPTH}, or -1. */
function tooDeepAt(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  // Every token but the end of the text has a length; brackets are the one-character tokens
  // `{ [ } ]` (inside strings and comments they are part of a longer token).
  for (scanner.scan(); scanner.getTokenLength() > 0; scanner.scan()) {
    if (scanner.getTokenLength() !== 1) continue;
    const offset = scanner.getTokenOffset();
    const c = text.charCodeAt(offset);
    if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_ENVIRONMENT_DEPTH) return offset;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** The JSONC tree of `text`, or the first error with its offset. */
function parseJsonc(text: string): Result<Node, EnvironmentParseError> {
  // A BOM VS Code left in place reads as whitespace (offsets unchanged).
  const source = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const deep = tooDeepAt(source);
  if (deep !== -1) return jsonError(`Nested deeper than ${MAX_ENVIRONMENT_DEPTH} levels`, deep);
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, JSONC_OPTIONS);
  const first = errors[0];
  if (first !== undefined) return jsonError(PARSE_ERRORS[printParseErrorCode(first.error)] ?? 'Not valid JSON', first.offset);
  if (root === undefined) return jsonError('Expected a value', 0);
  return { ok: true, value: root };
}

/** Members of an object node as [name node, value node] pairs, in file order. */
function members(node: Node): [Node, Node][] {
  const pairs: [Node, Node][] = [];
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key !== undefined && value !== undefined && typeof key.value === 'string') pairs.push([key, value]);
  }
  return pairs;
}

function environmentsFrom(text: string, root: Node, origin: VariableOrigin): Result<Environments, EnvironmentParseError> {
  if (root.type !== 'object') return { ok: false, error: { code: 'ERR_SHAPE', message: 'Expected an object of environments', offset: root.offset } };
  const names: string[] = [];
  const variables: EnvironmentVariable[] = [];
  for (const [environmentKey, environment] of members(root)) {
    if (environment.type !== 'object') continue;
    const environmentName = environmentKey.value as string;
    names.push(environmentName);
    for (const [key, v] of members(environment)) {
      // Only scalar members are variables; JetBrains' nested objects (e.g. `Security`) are config.
      if (v.type === 'object' || v.type === 'array') continue;
      // A string's value is its unescaped text, between the quotes; other scalars keep their literal text.
      const isString = v.type === 'string';
      const valueStart = isString ? v.offset + 1 : v.offset;
      const valueEnd = isString ? v.offset + v.length - 1 : v.offset + v.length;
      const value = isString ? (v.value as string) : text.slice(valueStart, valueEnd);
      const name = key.value as string;
      variables.push({ name, value, environment: environmentName, origin, nameStart: key.offset + 1, nameEnd: key.offset + key.length - 1, valueStart, valueEnd });
    }
  }
  return { ok: true, value: { names, variables } };
}

function parseEnvironmentJson(jsonText: string, origin: VariableOrigin, unwrapKey?: string): Result<Environments, EnvironmentParseError> {
  if (typeof jsonText !== 'string') return jsonError('Not text');
  const parsed = parseJsonc(jsonText);
  if (!parsed.ok) return parsed;
  let root = parsed.value;
  if (unwrapKey !== undefined && root.type === 'object') {
    const wrapped = members(root).find(([key]) => key.value === unwrapKey);
    if (wrapped) root = wrapped[1];
  }
  return environmentsFrom(jsonText, root, origin);
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
