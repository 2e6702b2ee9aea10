/**
 * HTTP request file support (REST Client `.http`/`.rest` and JetBrains HTTP Client syntax):
 * file variables, `{{name}}` references, their resolution, environment files and `.env`
 * files, all with offsets so the editor can show where a variable is defined. Pure and total.
 *
 * Syntax followed: Huachao/vscode-restclient README, JetBrains HTTP Client docs.
 *
 * @packageDocumentation
 */
export { parseDotEnv } from './dotenv';
export { mergeEnvironments, parseJetBrainsEnvironments, parseRestClientEnvironments } from './environments';
export type { EnvironmentParseError, EnvironmentVariable, Environments, VariableOrigin } from './environments';
export { findVariableReferenceAt, findVariableReferences } from './references';
export type { VariableReference, VariableReferenceKind } from './references';
export { MAX_RESOLVE_WORK, MAX_RESOLVED_LENGTH, createVariableResolver, resolveVariable, resolveVariableInAnyEnvironment } from './resolve';
export type { ResolveError, ResolvedVariable, VariableDefinition, VariableResolver, VariableSources } from './resolve';
export { findHttpVariables } from './variables';
export type { HttpVariable } from './variables';
