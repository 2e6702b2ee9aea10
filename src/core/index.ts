/**
 * Token Lens core: find, decode and analyse compact JOSE tokens.
 * Pure TypeScript (no `vscode`, no Node-only API): runs in the extension host, the webview
 * and the CLI. Every exported function is total: typed result or typed error, never a throw.
 *
 * Each module adds its own explicit export lines below.
 */
export type * from './types';
export { DEFAULT_MAX_TOKEN_LENGTH, findTokenAt, findTokens } from './scanner';
export { normalizeTokenInput } from './input';
export {
  findHttpVariables,
  findVariableReferenceAt,
  findVariableReferences,
  mergeEnvironments,
  parseDotEnv,
  parseJetBrainsEnvironments,
  parseRestClientEnvironments,
  resolveVariable,
} from './http';
export type {
  EnvironmentParseError,
  EnvironmentVariable,
  Environments,
  HttpVariable,
  ResolveError,
  ResolvedVariable,
  VariableDefinition,
  VariableOrigin,
  VariableReference,
  VariableReferenceKind,
  VariableSources,
} from './http';
