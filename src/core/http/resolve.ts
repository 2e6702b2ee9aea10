/**
 * Resolving a `{{name}}` reference to its final text against file variables, environments and
 * a `.env` file (REST Client precedence), memoised and capped so the cost stays linear in the
 * sources whatever the file says.
 */
import type { Result } from '../types';
import type { EnvironmentVariable, Environments } from './environments';
import { classifyReference, findVariableReferences } from './references';
import type { VariableReference } from './references';
import type { HttpVariable } from './variables';

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

const MAX_RESOLVE_DEPTH = 16;

/** Longest value one variable may resolve to (UTF-16 code units): the longest token scanned. */
export const MAX_RESOLVED_LENGTH = 64 * 1024;

/**
 * Work one {@link resolveVariable} call may do (one {@link resolveVariableInAnyEnvironment}
 * call, all its tries together): characters of values read and copied plus references
 * followed. Each variable is resolved once per try, so this bounds wide fan-out as well.
 */
export const MAX_RESOLVE_WORK = 1024 * 1024;

/** Definitions by name, built once per resolver, so each lookup is one map read. */
interface DefinitionIndex {
  readonly file: ReadonlyMap<string, HttpVariable>;
  /** Environment name → variable name → its overriding definition. */
  readonly environments: ReadonlyMap<string, ReadonlyMap<string, EnvironmentVariable>>;
  /** Variable name → the environments (not `$shared`) that define it, in first-definition order. */
  readonly definedIn: ReadonlyMap<string, readonly string[]>;
  readonly dotenv: ReadonlyMap<string, EnvironmentVariable>;
}

/** Indexes every source once (one pass over each list). */
function indexSources(sources: Omit<VariableSources, 'environment'>): DefinitionIndex {
  // A later file variable of the same name wins, as REST Client reads the file top to bottom.
  const file = new Map<string, HttpVariable>();
  for (const variable of sources.fileVariables ?? []) file.set(variable.name, variable);
  const dotenv = new Map<string, EnvironmentVariable>();
  for (const variable of sources.dotenv ?? []) if (!dotenv.has(variable.name)) dotenv.set(variable.name, variable);
  const environments = new Map<string, Map<string, EnvironmentVariable>>();
  const definedIn = new Map<string, string[]>();
  for (const variable of sources.environments?.variables ?? []) {
    let names = environments.get(variable.environment);
    if (names === undefined) environments.set(variable.environment, (names = new Map()));
    // The first definition wins: mergeEnvironments puts overriding files first.
    if (names.has(variable.name)) continue;
    names.set(variable.name, variable);
    if (variable.environment === '$shared') continue;
    const list = definedIn.get(variable.name);
    if (list === undefined) definedIn.set(variable.name, [variable.environment]);
    else list.push(variable.environment);
  }
  return { file, environments, definedIn, dotenv };
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

/** Resolves references against one set of sources, indexed once (see {@link createVariableResolver}). */
export interface VariableResolver {
  /** {@link resolveVariable} against these sources, with `environment` selected. */
  resolve(name: string, environment?: string): Result<ResolvedVariable, ResolveError>;
  /** {@link resolveVariableInAnyEnvironment} against these sources. */
  resolveInAnyEnvironment(name: string): Result<ResolvedVariable, ResolveError>;
}

/**
 * A resolver over `sources` that indexes them once (one pass over each list) and then resolves
 * any number of references, each bounded by {@link MAX_RESOLVE_WORK}. Callers that resolve
 * many references against the same document (a hover per `{{name}}` in a large `.http` file)
 * keep one per document version instead of re-indexing thousands of variables per reference.
 * The resolver holds no state beyond its index: results do not depend on earlier calls.
 */
export function createVariableResolver(sources: Omit<VariableSources, 'environment'>): VariableResolver {
  const index = indexSources(sources);
  const names = sources.environments?.names ?? [];
  return {
    resolve(name, environment) {
      const top = topReference(name);
      if (!top.ok) return top;
      return resolveIn(top.value, index, environment, { work: 0 });
    },
    resolveInAnyEnvironment(name) {
      const top = topReference(name);
      if (!top.ok) return top;
      const budget: Budget = { work: 0 };
      const lookedUp = new Set<string>();
      const first = resolveIn(top.value, index, undefined, budget, lookedUp);
      if (first.ok || first.error.code !== 'ERR_UNDEFINED' || top.value.kind !== 'variable') return first;
      // Only environments that define a name the first try looked up can resolve differently
      // (the others look up the same definitions and fail the same way).
      const candidates = new Set<string>();
      for (const looked of lookedUp) for (const environment of index.definedIn.get(looked) ?? []) candidates.add(environment);
      for (const environment of names) {
        if (!candidates.has(environment)) continue;
        const attempt = resolveIn(top.value, index, environment, budget);
        if (attempt.ok) return { ok: true, value: { ...attempt.value, environment } };
        if (budget.work > MAX_RESOLVE_WORK) return tooLargeError(top.value.name, budget);
      }
      return first;
    },
  };
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
  return createVariableResolver(sources).resolve(name, sources.environment);
}

/**
 * {@link resolveVariable} with no environment selected, for callers that cannot see the user's
 * selection: when a name is undefined in the file and `$shared`, the environments are tried in
 * file order and the first that resolves is used and named in the result. Only environments
 * that define a name the first try looked up can resolve differently (the others look up the
 * same definitions and fail the same way), so only those are tried, with one work
 * budget for all tries: linear in the sources however many environments there are.
 */
export function resolveVariableInAnyEnvironment(name: string, sources: Omit<VariableSources, 'environment'>): Result<ResolvedVariable, ResolveError> {
  return createVariableResolver(sources).resolveInAnyEnvironment(name);
}
