// Shared by the feature suites (hover, commands, diagnostics, tree, codelens, statusbar,
// settings): builds tokens at test time and opens documents in the real host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TokenLensApi } from '../../../src/extension';

export const EXTENSION_ID = 'token-lens.token-lens';
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
export const nowSec = (): number => Math.floor(Date.now() / 1000);

/** A compact JWS with `payload` (HS256 unless `alg` given); the signature is dummy bytes. */
export function makeToken(payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  return `${b64(header)}.${b64(payload)}.${header.alg === 'none' ? '' : b64('signature-bytes')}`;
}

/** The activated extension's API. */
export async function api(): Promise<TokenLensApi> {
  const ext = vscode.extensions.getExtension<TokenLensApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} not found`);
  return ext.activate();
}

let counter = 0;
/** Writes `content` to a fresh `.http` (or other) file in the fixtures workspace and opens it. */
export async function openFile(content: string, ext = 'http'): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'no workspace folder');
  const uri = vscode.Uri.joinPath(folder, 'features', `gen-${Date.now()}-${counter++}.${ext}`);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(content));
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Closes editors and deletes the generated files. */
export async function cleanUp(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (folder === undefined) return;
  const dir = vscode.Uri.joinPath(folder, 'features');
  for (const [name] of await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][])) {
    if (name.startsWith('gen-')) await vscode.workspace.fs.delete(vscode.Uri.joinPath(dir, name)).then(undefined, () => undefined);
  }
}

/** Polls `probe` until it returns a defined value (diagnostics and UI update asynchronously). */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Hover markdown text at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Sets a `tokenLens.*` setting globally for the test and returns an undo. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('tokenLens');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => config.update(key, undefined, vscode.ConfigurationTarget.Global);
}

/** Every file under `dir` (recursively) whose bytes contain `needle`. */
export async function filesContaining(dir: vscode.Uri, needle: string, depth = 0): Promise<string[]> {
  if (depth > 8) return [];
  const entries = await vscode.workspace.fs.readDirectory(dir).then(undefined, () => [] as [string, vscode.FileType][]);
  const hits: string[] = [];
  for (const [name, type] of entries) {
    const uri = vscode.Uri.joinPath(dir, name);
    if (type === vscode.FileType.Directory) hits.push(...(await filesContaining(uri, needle, depth + 1)));
    else if (type === vscode.FileType.File) {
      const content = await vscode.workspace.fs.readFile(uri).then(undefined, () => new Uint8Array());
      if (Buffer.from(content).includes(needle)) hits.push(uri.toString());
    }
  }
  return hits;
}
