import * as vscode from 'vscode';
import { HttpEnvironments, type HttpEnvironment } from './environments';
import { createVariableResolver, findTokenAt, findTokens, findVariableReferenceAt, findHttpVariables, thoroughScanFor } from '../core';
import type { HttpVariable, Result, TokenMatch, VariableResolver } from '../core';
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

  private readonly variables = new Map<string, { readonly version: number; readonly variables: readonly HttpVariable[] }>();
  private readonly resolvers = new Map<string, { readonly version: number; readonly env: HttpEnvironment | undefined; readonly resolver: VariableResolver }>();

  constructor() {
    this.subscription = vscode.workspace.onDidCloseTextDocument((d) => {
      this.entries.delete(d.uri.toString());
      this.variables.delete(d.uri.toString());
      this.resolvers.delete(d.uri.toString());
    });
  }

  /** The `@name = …` file variables of an http document (parsed once per document version). */
  fileVariables(document: vscode.TextDocument): readonly HttpVariable[] {
    const key = document.uri.toString();
    const hit = this.variables.get(key);
    if (hit !== undefined && hit.version === document.version) return hit.variables;
    const variables = linesVariables(document);
    this.variables.set(key, { version: document.version, variables });
    return variables;
  }

  /**
   * The `{{name}}` resolver of an http document with `env` (its folder's environment files):
   * the sources are indexed once per document version and environment load, not per reference.
   */
  resolver(document: vscode.TextDocument, env: HttpEnvironment | undefined): VariableResolver {
    const key = document.uri.toString();
    const hit = this.resolvers.get(key);
    if (hit !== undefined && hit.version === document.version && hit.env === env) return hit.resolver;
    const resolver = createVariableResolver({ fileVariables: this.fileVariables(document), ...(env !== undefined ? { environments: env.environments, dotenv: env.dotenv } : {}) });
    this.resolvers.set(key, { version: document.version, env, resolver });
    return resolver;
  }

  /** All tokens in `document` (cached per version). */
  tokens(document: vscode.TextDocument): readonly DocumentToken[] {
    const key = document.uri.toString();
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.version === document.version) return hit.tokens;
    // Configuration and http files get the thorough scan (base64-wrapped tokens as in Kubernetes
    // Secrets, PASETO local, compressed cookies); other text the one-anchor scan (docs/token-shapes.md).
    const thorough = thoroughScanFor(document.fileName) || isHttpLike(document);
    const tokens = lineBacked(document, findTokens(joinedText(document), { thorough }));
    this.entries.set(key, { version: document.version, tokens });
    return tokens;
  }

  /**
   * The token at `position`, scanning only its line (hover on huge files stays cheap). Uses the
   * full-document cache when it is already current.
   */
  tokenAt(document: vscode.TextDocument, position: vscode.Position): DocumentToken | undefined {
    const cached = this.entries.get(document.uri.toString());
    if (cached !== undefined && cached.version === document.version) return tokenContaining(cached.tokens, position);
    const line = document.lineAt(position.line);
    const text = line.text;
    const match = findTokenAt(text, position.character, { thorough: true }); // one line: the thorough scan is cheap
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
    this.resolvers.clear();
  }
}

/**
 * The document's text, joined from its lines with its own end-of-line sequence (so offsets are
 * the document's offsets). `document.getText()` would do the same but VS Code keeps its result
 * on the document until the next edit: a second copy of a 10 MB file for as long as it is open.
 * This copy is dropped once the scan is done (see {@link lineBacked}).
 */
function joinedText(document: vscode.TextDocument): string {
  const lines: string[] = new Array<string>(document.lineCount);
  for (let line = 0; line < document.lineCount; line++) lines[line] = document.lineAt(line).text;
  return lines.join(document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n');
}

/**
 * A string with the same text that shares no memory with `text`: V8 makes a substring of 13 or
 * more characters a view that keeps its whole parent string alive.
 */
function detached(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

/**
 * `matches` (found in {@link joinedText}) with their ranges, holding no string of the joined
 * text: a token on one line becomes a slice of the document's own line (which the document
 * holds anyway), every other string a copy. Otherwise each token would keep the whole joined
 * text alive.
 */
function lineBacked(document: vscode.TextDocument, matches: readonly TokenMatch[]): DocumentToken[] {
  return matches.map((match) => {
    const start = document.positionAt(match.start);
    const end = document.positionAt(match.end);
    const range = new vscode.Range(start, end);
    const sameText = start.line === end.line && match.token.length === end.character - start.character;
    const token = sameText ? document.lineAt(start.line).text.slice(start.character, end.character) : detached(match.token);
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(match)) copy[key] = typeof value === 'string' ? detached(value) : value;
    const context: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(match.context)) context[key] = typeof value === 'string' ? detached(value) : value;
    return { match: { ...copy, token, context } as unknown as TokenMatch, range };
  });
}

/**
 * The `@name = value` variables of an http document, read line by line so that names and
 * values are slices of the document's own lines (see {@link lineBacked}).
 */
function linesVariables(document: vscode.TextDocument): HttpVariable[] {
  const out: HttpVariable[] = [];
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    if (!text.includes('@')) continue;
    const base = document.offsetAt(new vscode.Position(line, 0));
    for (const v of findHttpVariables(text)) {
      out.push({ ...v, line, nameStart: v.nameStart + base, nameEnd: v.nameEnd + base, valueStart: v.valueStart + base, valueEnd: v.valueEnd + base });
    }
  }
  return out;
}

/** The token of `tokens` (in document order, not overlapping) whose range contains `position`: a binary search. */
function tokenContaining(tokens: readonly DocumentToken[], position: vscode.Position): DocumentToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const token = tokens[mid]!;
    if (token.range.end.isBefore(position)) low = mid + 1;
    else if (token.range.start.isAfter(position)) high = mid - 1;
    else return token;
  }
  return undefined;
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
  const reference = ref.kind === 'dotenv' ? line.text.slice(ref.start, ref.end) : ref.name;
  const resolved = index.resolver(document, env).resolveInAnyEnvironment(reference);
  if (!resolved.ok) return { name: ref.name, range, result: { ok: false, error: { code: resolved.error.code, message: resolved.error.message } } };
  let environment = resolved.value.environment;
  for (const d of resolved.value.chain) if (environment === undefined && d.source === 'environment') environment = d.variable.environment;
  const value = resolved.value.value.replace(/^(Bearer|DPoP)\s+/i, '').trim();
  return { name: ref.name, range, result: { ok: true, value }, ...(environment !== undefined ? { environment } : {}) };
}
