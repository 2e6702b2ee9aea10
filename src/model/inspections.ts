import * as vscode from 'vscode';
import { inspectToken, timeReport } from '../core';
import type { Inspection, Result } from '../core';
import { nextTimeBoundary } from '../core/boundary';
import { affectsTokenLens, inspectOptions, readSettings, type TokenLensSettings } from './settings';

interface Entry {
  readonly result: Result<Inspection>;
  /** The instant the time verdict next changes (re-inspect from then on); undefined: never. */
  readonly boundary: number | undefined;
}

/**
 * One inspection per token per settings change, shared by hover, CodeLens, tree, diagnostics
 * and the status bar (they used to inspect the same token once each, the status bar every
 * second). Keyed by the inspection settings and the token text; dropped when a `tokenLens.*`
 * setting or the workspace trust changes (`onDidChange` then fires) and, per entry, when its
 * time verdict can change (`nextTimeBoundary`). Between those the cached inspection is served
 * with a fresh time report (relative text, countdown) computed from its claims, which costs no
 * decoding. Tokens stay in memory only; the oldest entries go first beyond {@link MAX_ENTRIES}.
 *
 * Settings are read once per folder and cached the same way (`readSettings` per call was most
 * of a CodeLens pass over 14,000 tokens).
 */
export class InspectionCache implements vscode.Disposable {
  static readonly MAX_ENTRIES = 20_000;
  private readonly entries = new Map<string, Entry>();
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

  /** The settings for `scope` (read once per workspace folder until a setting changes). */
  settings(scope?: vscode.Uri): TokenLensSettings {
    return this.folderSettings(scope).settings;
  }

  /** `token` inspected with the settings for `scope` at `now` (cached; see the class comment). */
  inspect(token: string, scope?: vscode.Uri, now: number = Date.now()): Result<Inspection> {
    const { settings, key: settingsKey } = this.folderSettings(scope);
    const key = `${settingsKey}\u0000${token}`;
    const hit = this.entries.get(key);
    if (hit !== undefined && (hit.boundary === undefined || now < hit.boundary)) {
      if (!hit.result.ok) return hit.result;
      const inspection = hit.result.value;
      const claims = inspection.decoded.payload.type === 'claims' ? inspection.decoded.payload.claims : undefined;
      return { ok: true, value: { ...inspection, time: timeReport(claims, { now, clockSkewSec: settings.clockSkewSeconds }) } };
    }
    this.inspected++;
    const result = inspectToken(token, inspectOptions(settings, now));
    if (hit !== undefined) this.entries.delete(key);
    else if (this.entries.size >= InspectionCache.MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { result, boundary: result.ok ? nextTimeBoundary(result.value.time) : undefined });
    return result;
  }

  private folderSettings(scope?: vscode.Uri): { readonly settings: TokenLensSettings; readonly key: string } {
    const folder = scope !== undefined ? vscode.workspace.getWorkspaceFolder(scope) : undefined;
    const folderKey = folder?.uri.toString() ?? '';
    let cached = this.settingsByFolder.get(folderKey);
    if (cached === undefined) {
      const settings = readSettings(folder?.uri ?? scope);
      const key = `${settings.clockSkewSeconds}|${settings.maxLifetimeMinutes}|${settings.sizeWarningBytes}`;
      cached = { settings, key };
      this.settingsByFolder.set(folderKey, cached);
    }
    return cached;
  }

  private clear(): void {
    this.entries.clear();
    this.settingsByFolder.clear();
    this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.entries.clear();
    this.settingsByFolder.clear();
    this.changed.dispose();
  }
}
