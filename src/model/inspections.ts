import * as vscode from 'vscode';
import { glanceAt, glanceRecord, inspectToken, timeReportOf } from '../core';
import type { Glance, GlanceRecord, Inspection, Result } from '../core';
import { nextTimeBoundary } from '../core/boundary';
import { affectsTokenLens, inspectOptions, readSettings, type TokenLensSettings } from './settings';

/** What is kept of every inspected token. */
interface GlanceEntry {
  readonly result: Result<GlanceRecord>;
  /** The instant the time verdict next changes (re-inspect from then on); undefined: never. */
  readonly boundary: number | undefined;
}

/** A full inspection, kept for the tokens used most recently. */
interface FullEntry {
  readonly inspection: Inspection;
  readonly boundary: number | undefined;
}

/** The caches for one set of inspection settings. */
interface Store {
  readonly glances: Map<string, GlanceEntry>;
  readonly full: Map<string, FullEntry>;
}

/**
 * One inspection per token per settings change, shared by hover, CodeLens, tree, diagnostics
 * and the status bar (they used to inspect the same token once each, the status bar every
 * second). Two tiers, keyed by the token text within one store per set of inspection settings:
 *
 * - a {@link Glance} of **every** inspected token (kind, `alg`, time claims, size, the error and
 *   warning findings: about 250 bytes), for the surfaces that show every token of a file
 *   (CodeLens, Problems, tree rows, status bar);
 * - the full {@link Inspection} of the {@link MAX_FULL} tokens used most recently, for the
 *   hover, the inspector and the tree's details. A full inspection of a large token holds its
 *   claims, header, size breakdown and every hint (about 4 KB): keeping one per token of a
 *   10 MB file cost 120 MB of extension-host heap.
 *
 * A token is inspected (decoded and analysed) when neither tier has it, so once for all the
 * at-a-glance surfaces, and again for a detail view only after its full inspection fell out
 * of the recent tier. Both tiers are dropped when a `tokenLens.*` setting or the workspace
 * trust changes (`onDidChange` then fires) and, per entry, when its time verdict can change
 * (`nextTimeBoundary`). Between those a cached entry is served with a fresh time report
 * computed from its time claims, which costs no decoding. Tokens stay in memory only.
 *
 * Settings are read once per folder and cached the same way (`readSettings` per call was most
 * of a CodeLens pass over 14,000 tokens).
 */
export class InspectionCache implements vscode.Disposable {
  /** Tokens whose glance is kept (per settings); the oldest go first beyond it. */
  static readonly MAX_GLANCES = 100_000;
  /** Tokens whose full inspection is kept (per settings), least recently used first out. */
  static readonly MAX_FULL = 500;
  private readonly stores = new Map<string, Store>();
  private readonly settingsByFolder = new Map<string, { readonly settings: TokenLensSettings; readonly key: string }>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when cached inspections were dropped because settings or trust changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private inspected = 0;

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (affectsTokenLens(e)) this.clear();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.clear()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.clear()),
    ];
  }

  /** How many full inspections (decode + analysis) ran: tests count them. */
  get inspections(): number {
    return this.inspected;
  }

  /** How many tokens have a glance and how many a full inspection cached (tests read it). */
  get cached(): { readonly glances: number; readonly full: number } {
    let glances = 0;
    let full = 0;
    for (const store of this.stores.values()) {
      glances += store.glances.size;
      full += store.full.size;
    }
    return { glances, full };
  }

  /** The settings for `scope` (read once per workspace folder until a setting changes). */
  settings(scope?: vscode.Uri): TokenLensSettings {
    return this.folderSettings(scope).settings;
  }

  /** `token` inspected with the settings for `scope` at `now`, in full (see the class comment). */
  inspect(token: string, scope?: vscode.Uri, now: number = Date.now()): Result<Inspection> {
    const { settings, key } = this.folderSettings(scope);
    const store = this.store(key);
    const hit = store.full.get(token);
    if (hit !== undefined && (hit.boundary === undefined || now < hit.boundary)) {
      store.full.delete(token); // most recently used last
      store.full.set(token, hit);
      const { inspection } = hit;
      const claims = inspection.decoded.payload.type === 'claims' ? inspection.time.claims : undefined;
      return { ok: true, value: { ...inspection, time: timeReportOf(claims, { now, clockSkewSec: settings.clockSkewSeconds }) } };
    }
    const glance = store.glances.get(token);
    if (glance !== undefined && !glance.result.ok && (glance.boundary === undefined || now < glance.boundary)) return glance.result;
    return this.run(store, token, settings, now);
  }

  /** `token` at a glance with the settings for `scope` at `now` (see the class comment). */
  glance(token: string, scope?: vscode.Uri, now: number = Date.now()): Result<Glance> {
    const { settings, key } = this.folderSettings(scope);
    const store = this.store(key);
    const hit = store.glances.get(token);
    if (hit !== undefined && (hit.boundary === undefined || now < hit.boundary)) {
      return hit.result.ok ? { ok: true, value: glanceAt(hit.result.value, { now, clockSkewSec: settings.clockSkewSeconds }) } : hit.result;
    }
    const result = this.run(store, token, settings, now);
    return result.ok ? { ok: true, value: glanceAt(glanceRecord(result.value), { now, clockSkewSec: settings.clockSkewSeconds }) } : result;
  }

  /** Inspects `token` and fills both tiers. */
  private run(store: Store, token: string, settings: TokenLensSettings, now: number): Result<Inspection> {
    this.inspected++;
    const result = inspectToken(token, inspectOptions(settings, now));
    const boundary = result.ok ? nextTimeBoundary(result.value.time) : undefined;
    remember(store.glances, token, { result: result.ok ? { ok: true, value: glanceRecord(result.value) } : result, boundary }, InspectionCache.MAX_GLANCES);
    if (result.ok) remember(store.full, token, { inspection: result.value, boundary }, InspectionCache.MAX_FULL);
    return result;
  }

  private store(settingsKey: string): Store {
    let store = this.stores.get(settingsKey);
    if (store === undefined) this.stores.set(settingsKey, (store = { glances: new Map(), full: new Map() }));
    return store;
  }

  private folderSettings(scope?: vscode.Uri): { readonly settings: TokenLensSettings; readonly key: string } {
    const folder = scope !== undefined ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    const folderKey = folder?.uri.toString() ?? '';
    let cached = this.settingsByFolder.get(folderKey);
    if (cached === undefined) {
      const settings = readSettings(folder?.uri ?? scope);
      const key = `${settings.clockSkewSeconds}|${settings.maxLifetimeMinutes}|${settings.sizeWarningBytes}|${settings.decryptionMaxPbes2Count}`;
      cached = { settings, key };
      this.settingsByFolder.set(folderKey, cached);
    }
    return cached;
  }

  private clear(): void {
    this.stores.clear();
    this.settingsByFolder.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.stores.clear();
    this.settingsByFolder.clear();
    this.changed.dispose();
  }
}

/** Sets `key` as the newest entry of `map`, evicting the oldest beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  if (map.has(key)) map.delete(key);
  else if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}
