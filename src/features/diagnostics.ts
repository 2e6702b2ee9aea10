import * as vscode from 'vscode';
import { FindingCodes } from '../core';
import type { Finding, Glance } from '../core';
import { CommandIds, type TokenLocation } from '../model/commandIds';
import type { TokenIndex } from '../model/tokenIndex';
import { isHttpLike } from '../model/tokenIndex';
import { nextTimeBoundary } from '../core/boundary';
import type { Clock } from '../model/clock';
import { findingText, instantText } from '../present';

/** Diagnostic codes for time status (the core reports status, not a finding, for these). */

/** Findings that become Problems entries (the list; the rest stay in hover/inspector). */
const REPORTED: ReadonlySet<string> = new Set([FindingCodes.ALG_NONE, FindingCodes.NO_EXPIRY, FindingCodes.LONG_LIFETIME, FindingCodes.SIZE_LIMIT_EXCEEDED]);

/**
 * URI schemes whose documents get Problems entries: files (local, remote, virtual workspaces
 * such as vscode.dev's `vscode-vfs`), untitled buffers and user settings. Everything else is a
 * view of a document already diagnosed (`git:` diffs, `output`, `vscode-scm` input).
 */
const DIAGNOSED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

const DEBOUNCE_MS = 300;
/** This feature's keys on the clock: one per document. */
const CLOCK_PREFIX = 'diagnostics:';

function severity(s: Finding['severity']): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The seconds of a time claim of a glance, when it is a usable NumericDate. */
function claimSeconds(inspection: Glance, name: 'exp' | 'nbf'): number | undefined {
  const claim = inspection.time.claims.find((c) => c.name === name);
  return claim?.invalid === undefined ? claim?.seconds : undefined;
}

/**
 * Problems entries for one inspected token (every reported finding is an error or a warning,
 * which a glance keeps). Times are absolute ("expired at 2026-12-01 13:05:00 UTC", in
 * `tokenLens.timeDisplay`): the Problems panel is not re-rendered every minute, so a relative
 * "expired 1 min ago" would go stale beside the CodeLens.
 */
export function tokenDiagnostics(inspection: Glance, range: vscode.Range, timeDisplay: 'local' | 'utc' = 'local'): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  const make = (message: string, sev: vscode.DiagnosticSeverity, code: string): void => {
    const d = new vscode.Diagnostic(range, message, sev);
    d.source = 'Token Lens';
    d.code = code;
    out.push(d);
  };
  if (inspection.time.status === 'expired') {
    const exp = claimSeconds(inspection, 'exp');
    make(exp !== undefined ? vscode.l10n.t('Token expired at {0}', instantText(exp, timeDisplay)) : vscode.l10n.t('Token expired'), vscode.DiagnosticSeverity.Warning, FindingCodes.EXPIRED);
  }
  if (inspection.time.status === 'not-yet-valid') {
    const nbf = claimSeconds(inspection, 'nbf');
    make(nbf !== undefined ? vscode.l10n.t('Token not valid before {0}', instantText(nbf, timeDisplay)) : vscode.l10n.t('Token not valid yet'), vscode.DiagnosticSeverity.Warning, FindingCodes.NOT_YET_VALID);
  }
  for (const f of inspection.notable) {
    if (!REPORTED.has(f.code)) continue;
    const words = findingText(f);
    make(`${words.message} (${words.evidence})`, severity(f.severity), f.code);
  }
  return out;
}

/**
 * Owns the Token Lens `DiagnosticCollection`: debounced on edits, cleared on close, follows
 * `tokenLens.diagnostics.scope`, and re-evaluates a document when its soonest `exp`/`nbf`
 * edge passes (core `nextTimeBoundary`, woken by the one {@link Clock}; no polling loop).
 */
export class TokenDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('tokenLens');
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  constructor(
    private readonly tokens: TokenIndex,
    private readonly clock: Clock,
  ) {
    this.disposables.push(
      clock.onDidReach((keys) => {
        for (const key of keys) {
          if (!key.startsWith(CLOCK_PREFIX)) continue;
          const uri = key.slice(CLOCK_PREFIX.length);
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
          if (doc !== undefined) this.update(doc);
        }
      }),
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.update(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      // Settings or trust changed: the inspection cache dropped its entries and says so.
      tokens.inspections.onDidChange(() => this.updateAll()),
    );
    // The first pass over already-open documents runs after activate() returns.
    const first = setTimeout(() => this.updateAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(first) });
  }

  private inScope(document: vscode.TextDocument): boolean {
    if (!DIAGNOSED_SCHEMES.has(document.uri.scheme)) return false;
    const scope = this.tokens.inspections.settings(document.uri).diagnosticsScope;
    return scope === 'allFiles' || (scope === 'httpFiles' && isHttpLike(document));
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const existing = this.pending.get(key);
    if (existing !== undefined) clearTimeout(existing);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.update(document);
      }, DEBOUNCE_MS),
    );
  }

  /** Recomputes diagnostics of every open document. */
  updateAll(): void {
    for (const d of vscode.workspace.textDocuments) this.update(d);
  }

  /** Recomputes diagnostics of one document now. */
  update(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (document.isClosed || !this.inScope(document)) {
      this.collection.delete(document.uri);
      this.clock.wakeAt(CLOCK_PREFIX + key, undefined);
      return;
    }
    const now = Date.now();
    const { timeDisplay } = this.tokens.inspections.settings(document.uri);
    const diagnostics: vscode.Diagnostic[] = [];
    let next = Infinity;
    for (const { match, range } of this.tokens.tokens(document)) {
      const inspection = this.tokens.inspections.glance(match.token, document.uri, now);
      if (!inspection.ok) continue;
      diagnostics.push(...tokenDiagnostics(inspection.value, range, timeDisplay));
      const edge = nextTimeBoundary(inspection.value.time);
      if (edge !== undefined && edge < next) next = edge;
    }
    this.collection.set(document.uri, diagnostics);
    this.clock.wakeAt(CLOCK_PREFIX + key, next === Infinity ? undefined : next);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const p = this.pending.get(key);
    if (p !== undefined) clearTimeout(p);
    this.pending.delete(key);
    this.clock.wakeAt(CLOCK_PREFIX + key, undefined);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const p of this.pending.values()) clearTimeout(p);
    this.pending.clear();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** Quick fix "Inspect token" on every Token Lens diagnostic. */
export class InspectTokenCodeActionProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.find((d) => d.source === 'Token Lens');
    if (ours === undefined) return [];
    const title = vscode.l10n.t('Inspect token');
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    const location: TokenLocation = { uri: document.uri.toString(), line: ours.range.start.line, character: ours.range.start.character };
    action.command = { title, command: CommandIds.inspectToken, arguments: [location] };
    action.diagnostics = [ours];
    action.isPreferred = true;
    return [action];
  }
}
