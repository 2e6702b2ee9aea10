import * as vscode from 'vscode';
import { mergeEnvironments, parseDotEnv, parseJetBrainsEnvironments, parseRestClientEnvironments } from '../core';
import type { Environments, EnvironmentVariable } from '../core';

/** Environment files next to an http file that `{{name}}` and `{{$dotenv NAME}}` resolve against. */
export const ENVIRONMENT_FILES = ['http-client.env.json', 'http-client.private.env.json', '.env'] as const;

/** Largest environment file read (bytes); bigger ones are ignored. */
const MAX_ENV_FILE_BYTES = 1_000_000;

/** What one http file's `{{…}}` references can resolve against, besides its own `@name = …`. */
export interface HttpEnvironment {
  /** JetBrains env files of the folder, then REST Client's `rest-client.environmentVariables` setting. */
  readonly environments: Environments;
  /** The folder's `.env` for `{{$dotenv NAME}}`. */
  readonly dotenv: readonly EnvironmentVariable[];
}

const EMPTY: HttpEnvironment = { environments: { names: [], variables: [] }, dotenv: [] };

/**
 * Reads (through `workspace.fs`, so virtual workspaces work) and caches the environment files
 * of each folder holding an http file. A file watcher and configuration changes drop the
 * cache. Values stay in memory only: env files are often full of credentials.
 */
export class HttpEnvironments implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<HttpEnvironment>>();
  private readonly loaded = new Map<string, HttpEnvironment>();
  private readonly disposables: vscode.Disposable[] = [];

  private watching = false;

  /** Starts watching on first use, so activation registers nothing here. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${ENVIRONMENT_FILES.join(',')}}`);
    const drop = (): void => this.clear();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(drop),
      watcher.onDidChange(drop),
      watcher.onDidDelete(drop),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('rest-client.environmentVariables')) this.clear();
      }),
    );
  }

  private clear(): void {
    this.cache.clear();
    this.loaded.clear();
  }

  /** The environment of `document`'s folder as loaded so far (empty until {@link load} finished once). */
  current(document: vscode.TextDocument): HttpEnvironment {
    return this.loaded.get(folderKey(document.uri)) ?? EMPTY;
  }

  /** True once `document`'s folder environment has been read (and not dropped since). */
  isLoaded(document: vscode.TextDocument): boolean {
    return this.loaded.has(folderKey(document.uri));
  }

  /** Loads (once per folder until a file changes) the environment of `document`'s folder. Never rejects. */
  load(document: vscode.TextDocument): Promise<HttpEnvironment> {
    this.watch();
    const key = folderKey(document.uri);
    let pending = this.cache.get(key);
    if (pending === undefined) {
      pending = readEnvironment(document.uri).then((env) => {
        if (this.cache.get(key) === pending) this.loaded.set(key, env);
        return env;
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.clear();
  }
}

function folderKey(uri: vscode.Uri): string {
  return vscode.Uri.joinPath(uri, '..').toString();
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_ENV_FILE_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // missing or unreadable: simply not a source
  }
}

async function readEnvironment(documentUri: vscode.Uri): Promise<HttpEnvironment> {
  const folder = vscode.Uri.joinPath(documentUri, '..');
  const [publicEnv, privateEnv, dotenvText] = await Promise.all(ENVIRONMENT_FILES.map((name) => readText(vscode.Uri.joinPath(folder, name))));
  const sources: Environments[] = [];
  // The private file overrides the public one (JetBrains HTTP Client).
  for (const text of [publicEnv, privateEnv]) {
    if (text === undefined) continue;
    const parsed = parseJetBrainsEnvironments(text);
    if (parsed.ok) sources.push(parsed.value);
  }
  const restClient = vscode.workspace.getConfiguration('rest-client', documentUri).get<unknown>('environmentVariables');
  if (restClient !== undefined && restClient !== null && typeof restClient === 'object') {
    const parsed = parseRestClientEnvironments(JSON.stringify(restClient));
    if (parsed.ok) sources.unshift(parsed.value);
  }
  return { environments: mergeEnvironments(...sources), dotenv: dotenvText === undefined ? [] : parseDotEnv(dotenvText) };
}
