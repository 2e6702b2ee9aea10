import * as vscode from 'vscode';
import { HttpEnvironments, type HttpEnvironment } from './environments';
import { findTokenAt, findTokens, findVariableReferenceAt, findHttpVariables, resolveVariableInAnyEnvironment } from '../core';
import type { Result, TokenMatch } from '../core';
import { InspectionCache } from './inspections';

/** One token in a document with its VS Code range. */
export interface DocumentToken {
  readonly match: TokenMatch;
  readonly range: vscode.Range;
}

/**
 * Languages / file names treated as HTTP request files: `.http`/`.rest` (REST Client,
 * JetBrains), `.env`, and the JetBrains environment files `http-client(.private).env.json`.
 */
export function isHttpLike(document: vscode.TextDocument): boolean {
  const path = document.uri.path.toLowerCase();
  return (
    document.languageId === 'http' ||
    document.languageId === 'dotenv' ||
    /\.(http|rest)$/.test(path) ||
    /(^|\/)\.env(\.[^/]*)?$/.test(path) ||
    /(^|\/)http-client(\.private)?\.env\.json$/.test(path)
  );
}

interface Entry {
  readonly version: number;
  readonly tokens: DocumentToken[];
}

/**
 * Per-document token cache keyed by document version, shared by hover, diagnostics, CodeLens,
 * tree and status bar, so one edit costs one scan. Entries are dropped when documents close.
 * Tokens stay in memory only.
 */
export class TokenIndex implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly subscription: vscode.Disposable;
  /** Environment files of http documents' folders, for `{{name}}` references. */
  readonly environments = new HttpEnvironments();
  /** One inspection per token per settings change, shared by every surface. */
  readonly inspections = new InspectionCache();

  private readonly variables = new Map<string, { readonly version: number; readonly variables: ReturnType<typeof findHttpVariables> }>();

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => {
      this.entries.delete(d.uri.toString());
      this.variables.delete(d.uri.toString());
    });
  }

  /** The `@name = …` file variables of an http document (parsed once per document version). */
  fileVariables(document: vscode.TextDocument): ReturnType<typeof findHttpVariables> {
    const key = document.uri.toString();
    const hit = this.variables.get(key);
    if (hit !== undefined && hit.version === document.version) return hit.variables;
    const variables = findHttpVariables(document.getText());
    this.variables.set(key, { version: document.version, variables });
    return variables;
  }

  /** All tokens in `document` (cached per version). */
  tokens(document: vscode.TextDocument): readonly DocumentToken[] {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.version === document.version) return hit.tokens;
    const tokens = findTokens(document.getText()).map((match) => ({
      match,
      range: new vscode.Range(document.positionAt(match.start), document.positionAt(match.end)),
    }));
    this.entries.set(key, { version: document.version, tokens });
    return tokens;
  }

  /**
   * The token at `position`, scanning only its line (hover on huge files stays cheap). Uses the
   * full-document cache when it is already current.
   */
  tokenAt(document: vscode.TextDocument, position: vscode.Position): DocumentToken | undefined {
    const cached = this.entries.get(document.uri.toString());
    if (cached !== undefined && cached.version === document.version) {
      return cached.tokens.find((t) => t.range.contains(position));
    }
    const line = document.lineAt(position.line);
    const text = line.text;
    const match = findTokenAt(text, position.character);
    if (match === undefined) return undefined;
    const base = document.offsetAt(line.range.start);
    const shifted: TokenMatch = { ...match, start: match.start + base, end: match.end + base };
    return {
      match: shifted,
      range: new vscode.Range(position.line, match.start, position.line, match.end),
    };
  }

  dispose(): void {
    this.subscription.dispose();
    this.environments.dispose();
    this.inspections.dispose();
    this.entries.clear();
    this.variables.clear();
  }
}

/** A `{{name}}` at `position` in an http file resolved to a token value, when it is one. */
export interface ResolvedReference {
  readonly name: string;
  readonly range: vscode.Range;
  readonly result: Result<string, { readonly message: string; readonly code?: string }>;
  /** The environment that defined it, when it came from an env file (`dev`, `$shared`). */
  readonly environment?: string;
}

/**
 * Resolves the `{{name}}` (or `{{$dotenv NAME}}`) reference at `position` against the
 * document's `@name = …` file variables, then `env` (the folder's environment files, see
 * `HttpEnvironments`). The user's selected REST Client / JetBrains environment is not visible
 * to other extensions, so after `$shared` the first environment that resolves the name is used,
 * and named in the result (one bounded search in the core, however many environments).
 */
export function referenceAt(index: TokenIndex, document: vscode.TextDocument, position: vscode.Position, env?: HttpEnvironment): ResolvedReference | undefined {
  if (!isHttpLike(document)) return undefined;
  const line = document.lineAt(position.line);
  const ref = findVariableReferenceAt(line.text, position.character);
  if (ref === undefined) return undefined;
  const range = new vscode.Range(position.line, ref.start, position.line, ref.end);
  if (ref.kind !== 'variable' && ref.kind !== 'dotenv') {
    return { name: ref.name, range, result: { ok: false, error: { code: 'ERR_EXTERNAL', message: `{{${ref.name}}} is not a variable Token Lens can resolve` } } };
  }
  const sources = { fileVariables: index.fileVariables(document), ...(env !== undefined ? { environments: env.environments, dotenv: env.dotenv } : {}) };
  const reference = ref.kind === 'dotenv' ? line.text.slice(ref.start, ref.end) : ref.name;
  const resolved = resolveVariableInAnyEnvironment(reference, sources);
  if (!resolved.ok) return { name: ref.name, range, result: { ok: false, error: { code: resolved.error.code, message: resolved.error.message } } };
  let environment = resolved.value.environment;
  for (const d of resolved.value.chain) if (environment === undefined && d.source === 'environment') environment = d.variable.environment;
  const value = resolved.value.value.replace(/^(Bearer|DPoP)\s+/i, '').trim();
  return { name: ref.name, range, result: { ok: true, value }, ...(environment !== undefined ? { environment } : {}) };
}
