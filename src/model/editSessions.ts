import * as vscode from 'vscode';
import type { QuickEdit } from '../core/quickEdits';
import { EDIT_SCHEMA_PATH, tokenEditSchema } from './editSchema';
import type { InspectTarget } from './types';

/** Where an edited token goes back to when saved. */
export type EditSource =
  /** A document: the token is replaced there, in one undoable edit. */
  | { readonly kind: 'document'; readonly uri: vscode.Uri; readonly range: vscode.Range }
  /** The clipboard, a pasted token or a workspace scan result: the new token goes to the clipboard. */
  | { readonly kind: 'clipboard' };

/** How saving finishes the token; asked once per session and remembered. */
export type FinishChoice =
  | { readonly kind: 'sign'; readonly keyLabel: string }
  | { readonly kind: 'unsigned' }
  | { readonly kind: 'keep-signature' };

/**
 * Where an edited token goes back to, and how it is finished: what saving an edit and a quick
 * edit in the inspector share. The finish is asked the first time and remembered here.
 */
export interface EditPlace {
  /** Short label of where the token came from (`Authorization · line 2`, `clipboard`). */
  readonly label: string;
  /** The token as it is now in its source (replaced after each finish). Credential: memory only. */
  token: string;
  source: EditSource;
  /** The finish chosen the first time. */
  finish?: FinishChoice;
}

/** One open *Edit Token* document. Memory only; dropped when its tab closes. */
export interface EditSession extends EditPlace {
  readonly id: string;
  /** The edit document (`tokenlens-edit:/<id>/<label>.tokenlens.json`). */
  readonly uri: vscode.Uri;
  /** The document's bytes as last saved (or opened). */
  content: Uint8Array;
  readonly ctime: number;
  mtime: number;
}

/**
 * What the inspector asks of *Edit Token* (issue 11): implemented by `commands/editToken.ts`,
 * handed to the inspector by the wiring (the webview layer does not import commands).
 */
export interface TokenEditor {
  /** The Edit… button: opens the edit tab on `target` (its location; a clipboard token's path for one without). */
  open(target: InspectTarget): Promise<EditSession | undefined>;
  /** Where a quick edit of `target` finishes: its document (one undoable edit) or the clipboard. */
  place(target: InspectTarget): Promise<EditPlace>;
  /**
   * Applies a quick edit to `place.token` at the clock's now and finishes it as a save does
   * (asks the finish once per place). Resolves with the new token's target, or `undefined` when
   * nothing was replaced (cancelled, nothing to change, an error — the user was told).
   */
  quickEdit(place: EditPlace, target: InspectTarget, edit: QuickEdit): Promise<InspectTarget | undefined>;
}

/**
 * Runs when an edit document is saved: turns the text into a token and puts it back. Resolves
 * with the document text to keep (e.g. the header with the `alg` the key chose); rejects to
 * fail the save (the document stays dirty), with a message for the user.
 */
export type EditFinisher = (session: EditSession, text: string) => Promise<string>;

/**
 * The `tokenlens-edit:` file system behind *Edit Token* (issue 11): each session's JSON
 * document lives in memory only, under an opaque id (a URI never carries token text), and is
 * dropped when its tab closes; saving runs the finisher. It also serves the edit document's
 * JSON schema (`tokenlens-edit://schema/token-edit.schema.json`, generated from the core
 * registry), which package.json's `jsonValidation` names.
 */
export class TokenEditFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
  static readonly scheme = 'tokenlens-edit';
  /** The authority of the schema document. */
  static readonly schemaAuthority = 'schema';
  /** File name suffix `jsonValidation` matches. */
  static readonly suffix = '.tokenlens.json';

  private readonly sessions = new Map<string, EditSession>();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  private readonly closed = new vscode.EventEmitter<EditSession>();
  /** Fires when a session was dropped (its tab closed). */
  readonly onDidDropSession = this.closed.event;
  private readonly subscriptions: vscode.Disposable[];
  private schemaBytes: Uint8Array | undefined;
  /** Per session: the document text to show once its save is over (the header as signed). */
  private readonly afterSave = new Map<string, string | undefined>();

  constructor(private readonly finisher: EditFinisher) {
    this.subscriptions = [
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const id = TokenEditFileSystem.idOfTab(tab);
          if (id !== undefined) this.dropUnlessShown(id);
        }
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.showSaved(document)),
    ];
  }

  /** Opens a session on `token` (the JSON document `text`) and gives its URI. */
  open(token: string, label: string, source: EditSource, text: string): EditSession {
    const id = globalThis.crypto.randomUUID();
    const now = Date.now();
    const uri = vscode.Uri.from({ scheme: TokenEditFileSystem.scheme, path: `/${id}/${fileName(label)}${TokenEditFileSystem.suffix}` });
    const session: EditSession = { id, uri, label, token, source, content: new TextEncoder().encode(text), ctime: now, mtime: now };
    this.sessions.set(id, session);
    return session;
  }

  /** The session of an edit document URI. */
  session(uri: vscode.Uri): EditSession | undefined {
    const id = TokenEditFileSystem.idOf(uri);
    return id !== undefined ? this.sessions.get(id) : undefined;
  }

  /** How many sessions are held (tests check that closing the tab drops them). */
  get size(): number {
    return this.sessions.size;
  }

  private dropUnlessShown(id: string): void {
    const shown = vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => TokenEditFileSystem.idOfTab(tab) === id));
    if (shown) return;
    const session = this.sessions.get(id);
    if (session === undefined) return;
    this.sessions.delete(id);
    this.afterSave.delete(id);
    session.token = '';
    session.content = new Uint8Array();
    this.closed.fire(session);
  }

  private static idOfTab(tab: vscode.Tab): string | undefined {
    return tab.input instanceof vscode.TabInputText ? TokenEditFileSystem.idOf(tab.input.uri) : undefined;
  }

  private static idOf(uri: vscode.Uri): string | undefined {
    if (uri.scheme !== TokenEditFileSystem.scheme || uri.authority !== '') return undefined;
    return /^\/([0-9a-f-]{36})\//.exec(uri.path)?.[1];
  }

  private isSchema(uri: vscode.Uri): boolean {
    return uri.authority === TokenEditFileSystem.schemaAuthority && uri.path === EDIT_SCHEMA_PATH;
  }

  private schema(): Uint8Array {
    this.schemaBytes ??= new TextEncoder().encode(JSON.stringify(tokenEditSchema(), undefined, 2));
    return this.schemaBytes;
  }

  watch(): vscode.Disposable {
    // Changes come only from this provider, which fires them itself.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (this.isSchema(uri)) return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.schema().byteLength, permissions: vscode.FilePermission.Readonly };
    const session = this.session(uri);
    if (session !== undefined && session.uri.path === uri.path) return { type: vscode.FileType.File, ctime: session.ctime, mtime: session.mtime, size: session.content.byteLength };
    if (TokenEditFileSystem.idOf(uri.with({ path: `${uri.path}/` })) !== undefined && this.session(uri.with({ path: `${uri.path}/` })) !== undefined) {
      return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    }
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const session = this.session(uri.with({ path: `${uri.path.replace(/\/$/, '')}/` }));
    if (session === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return [[session.uri.path.slice(session.uri.path.lastIndexOf('/') + 1), vscode.FileType.File]];
  }

  readFile(uri: vscode.Uri): Uint8Array {
    if (this.isSchema(uri)) return this.schema();
    const session = this.session(uri);
    if (session === undefined || session.uri.path !== uri.path) throw vscode.FileSystemError.FileNotFound(uri);
    return session.content;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const session = this.session(uri);
    if (session === undefined || session.uri.path !== uri.path) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Token Lens: this edit session is closed; run "Edit Token" again.'));
    const text = new TextDecoder().decode(content);
    // Rejects when the user cancels or the token cannot be made: the save fails, the buffer stays dirty.
    const kept = await this.finisher(session, text);
    session.content = content;
    session.mtime = Date.now();
    // The token's header differs from the buffer (the key set `alg`/`kid`): shown once the save is over.
    this.afterSave.set(session.id, kept !== text ? kept : undefined);
  }

  /**
   * After a save completes (its stat taken, so the newer mtime is not mistaken for the save's
   * own), the file changes on its own and the editor reloads it. A model ignores changes while
   * its save still runs, so the change is announced again.
   */
  private showSaved(document: vscode.TextDocument): void {
    const session = this.session(document.uri);
    const kept = session !== undefined ? this.afterSave.get(session.id) : undefined;
    if (session === undefined || kept === undefined) return;
    this.afterSave.delete(session.id);
    session.content = new TextEncoder().encode(kept);
    session.mtime = Math.max(Date.now(), session.mtime + 1);
    for (const delay of [0, 300, 1000, 3000]) {
      setTimeout(() => {
        if (this.sessions.has(session.id)) this.emitter.fire([{ type: vscode.FileChangeType.Changed, uri: session.uri }]);
      }, delay);
    }
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const session of this.sessions.values()) {
      session.token = '';
      session.content = new Uint8Array();
    }
    this.sessions.clear();
    this.afterSave.clear();
    this.emitter.dispose();
    this.closed.dispose();
  }
}

/** A file-name-safe rendering of a label (the tab title): `Authorization · line 2` → `Authorization · line 2`. */
function fileName(label: string): string {
  const safe = label.replace(/[\\/:*?"<>|{}#%\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
  return safe === '' ? 'token' : safe;
}
