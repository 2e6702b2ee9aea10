import * as vscode from 'vscode';
import { glanceOf, inspectDecoded, nestedTokens } from '../core';
import type { Finding, Glance, Inspection, NestedNotice, NestedToken, NestedTokens, Severity } from '../core';
import { CommandIds } from '../model/commandIds';
import { inspectOptions } from '../model/settings';
import type { InspectTarget } from '../model/types';
import type { ScanResults, ScannedToken } from '../model/scanResults';
import type { TokenIndex } from '../model/tokenIndex';
import {
  claimText,
  compareSeverity,
  contextLabel,
  findingText,
  labelText,
  messageText,
  severityIcon,
  severityLabel,
  statusLook,
  statusWords,
  summaryText,
  themeColor,
  tokenStatus,
  tokenSummary,
  truncate,
  undecodedText,
  verificationTimingText,
} from '../present';
import type { Tone } from '../present';
import type { VerificationService, SignatureStatus } from '../model/verification';
import type { DecryptionOutcome, DecryptionService } from '../model/decryption';
import { decryptedAlgText, decryptionText } from '../present/decryption';
import { decryptionState } from './decryption';
import { signatureBadge } from './verification';

/** Tree nodes: the scan results heading, files (scan results), tokens, nested tokens, claims and findings. */
export type TokenTreeNode = ScanResultsNode | FileNode | TokenNode | NestedTokenNode | ClaimNode | DetailNode;

/**
 * The heading of the Scan Workspace results, below the active editor's tokens: a scanned file
 * may also be the one open, and its tokens must not read as a second copy of that list.
 */
export class ScanResultsNode extends vscode.TreeItem {
  readonly kind = 'scan';
  constructor(readonly files: readonly FileNode[]) {
    super(vscode.l10n.t('Workspace scan results'), vscode.TreeItemCollapsibleState.Expanded);
    const tokens = files.reduce((n, f) => n + f.tokens.length, 0);
    this.description = `${tokens} token${tokens === 1 ? '' : 's'} in ${files.length} file${files.length === 1 ? '' : 's'}`;
    this.iconPath = new vscode.ThemeIcon('search');
    this.contextValue = 'tokenLens.scanResults';
  }
}

/** A scanned file grouping its tokens. */
export class FileNode extends vscode.TreeItem {
  readonly kind = 'file';
  constructor(
    readonly uri: vscode.Uri,
    readonly tokens: readonly ScannedToken[],
  ) {
    super(uri, vscode.TreeItemCollapsibleState.Expanded);
    this.description = `${tokens.length} token${tokens.length === 1 ? '' : 's'}`;
    this.contextValue = 'tokenLens.file';
  }
}

/** The most severe thing known about a token at a glance, which gives its row's icon and colour. */
export interface RowVerdict {
  readonly severity: Severity;
  /** What it is, for the tooltip and the accessibility label ("TL201: …", "invalid signature"). */
  readonly reason: string;
}

/**
 * The worst of a token's error and warning findings (a glance keeps those), its time status
 * and its signature status (a TL401 hit, an invalid signature): `undefined` when there is
 * nothing above info.
 */
export function rowVerdict(glance: Glance, signature: SignatureStatus | undefined): RowVerdict | undefined {
  const found: RowVerdict[] = glance.notable.map((f) => ({ severity: f.severity, reason: `${f.code}: ${findingText(f).message}` }));
  if (signature?.weakSecret !== undefined) found.push({ severity: 'error', reason: `${signature.weakSecret.code}: ${findingText(signature.weakSecret).message}` });
  if (signature !== undefined) {
    const badge = signatureBadge(signature);
    if (badge.tone === 'error' || badge.tone === 'warning') found.push({ severity: badge.tone, reason: badge.label });
  }
  const time = statusLook(tokenStatus(glance.kind, glance.time.status));
  if (time.tone === 'error' || time.tone === 'warning') found.push({ severity: time.tone, reason: time.label });
  return found.sort((a, b) => compareSeverity(a.severity, b.severity))[0];
}

/** One token: label = context, description = status; clicking reveals and inspects it. */
export class TokenNode extends vscode.TreeItem {
  readonly kind = 'token';
  constructor(
    readonly target: InspectTarget,
    /** The token at a glance (its details are read in full when the row is expanded). */
    readonly glance: Glance | undefined,
    errorMessage?: string,
    /** The signature check (JWS and unsecured tokens, when a verifier is wired). */
    readonly signature?: SignatureStatus,
  ) {
    super(labelText(target.label, { max: 120 }), vscode.TreeItemCollapsibleState.Collapsed);
    // A JWE's row offers no "Copy payload": its payload is ciphertext.
    this.contextValue = glance?.kind === 'jwe' ? 'tokenLens.token.encrypted' : 'tokenLens.token';
    const signed = signature !== undefined ? ` · ${signatureBadge(signature).label}` : '';
    const verdict = glance !== undefined ? rowVerdict(glance, signature) : undefined;
    // The row's icon and colour come from its worst verdict: it is in words too, as its severity
    // and code, or its reason when the status words do not already say it ("Not yet valid").
    const status = glance !== undefined ? `${statusWords(glance.time, glance.kind)}${signed}` : '';
    this.description = glance !== undefined ? `${status}${verdictWords(status, verdict)}` : labelText(errorMessage ?? vscode.l10n.t('malformed token'), { max: 160 });
    const look = rowLook(glance, signature, verdict);
    const color = themeColor(look.tone);
    this.iconPath = new vscode.ThemeIcon(look.icon, color !== undefined ? new vscode.ThemeColor(color) : undefined);
    const worst = verdict !== undefined ? `\n${severityLabel(verdict.severity)}: ${verdict.reason}` : '';
    this.tooltip = glance !== undefined ? `${labelText(summaryText(tokenSummary(glance)), { max: 200 })}${signed}${labelText(worst, { max: 300 })}` : this.description;
    const name = labelText(target.label, { max: 120 });
    const state = typeof this.description === 'string' ? this.description : '';
    this.accessibilityInformation = { label: `Token ${name}: ${glance !== undefined ? `${summaryText(tokenSummary(glance))}${signed}` : state}${verdict !== undefined ? `; ${severityLabel(verdict.severity)}: ${labelText(verdict.reason, { max: 200 })}` : ''}` };
    this.command = { title: vscode.l10n.t('Reveal token'), command: CommandIds.revealToken, arguments: [this] };
  }
}

/**
 * A row's worst verdict in words after its status: its severity and code (` · Warning TL106`), or
 * its reason when the status words do not already say it (` · Warning: Not yet valid`).
 */
function verdictWords(status: string, verdict: RowVerdict | undefined): string {
  if (verdict === undefined) return '';
  const code = /^(TL\d+):/.exec(verdict.reason)?.[1];
  if (code !== undefined) return ` · ${severityLabel(verdict.severity)} ${code}`;
  return status.toLowerCase().includes(verdict.reason.toLowerCase()) ? '' : ` · ${severityLabel(verdict.severity)}: ${verdict.reason}`;
}

/**
 * A token row's icon and tone: the worst error or warning decides (an `alg: none` token, one
 * over the cookie limit, an expired one); without any, green only for a verified, unexpired
 * token, else the time status's icon without colour.
 */
function rowLook(glance: Glance | undefined, signature: SignatureStatus | undefined, verdict: RowVerdict | undefined): { icon: string; tone: Tone } {
  if (glance === undefined) return statusLook('malformed');
  if (verdict !== undefined) return { icon: severityIcon(verdict.severity), tone: verdict.severity };
  const time = statusLook(tokenStatus(glance.kind, glance.time.status));
  if (signature?.result.status === 'verified' && glance.time.status === 'valid') return { icon: 'verified-filled', tone: 'ok' };
  return { icon: time.icon, tone: 'neutral' };
}

/**
 * A header parameter or payload claim under a token: clicking copies its value (read from the
 * token again by the command). Its accessibility label is the claim, `name: value`.
 */
export class ClaimNode extends vscode.TreeItem {
  readonly kind = 'claim';
  constructor(
    readonly target: InspectTarget,
    readonly segment: 'header' | 'payload',
    readonly name: string,
    value: unknown,
    /** A claim of a decrypted JWE's plaintext: the token text holds only ciphertext, so there is nothing to copy from it. */
    decrypted = false,
  ) {
    // Claim names and values are token text: one line, no controls, bounded.
    super(labelText(name, { max: 80 }), vscode.TreeItemCollapsibleState.None);
    const text = claimText(value);
    this.description = labelText(text, { max: 120 });
    this.iconPath = new vscode.ThemeIcon(segment === 'header' ? 'symbol-field' : 'symbol-property');
    this.tooltip = decrypted ? `decrypted payload · ${truncate(text, 2000)}` : `${segment} · ${truncate(text, 2000)}\nClick to copy the value`;
    this.contextValue = decrypted ? 'tokenLens.decryptedClaim' : 'tokenLens.claim';
    this.accessibilityInformation = { label: `${labelText(name, { max: 80 })}: ${labelText(text, { max: 200 })} (${decrypted ? vscode.l10n.t('decrypted payload') : segment})` };
    if (!decrypted) this.command = { title: vscode.l10n.t('Copy claim value'), command: CommandIds.copyClaimValue, arguments: [{ target, segment, name }] };
  }
}

/**
 * A token nested in a token's claims (`id_token`, `act.actor_token`, a `cty: JWT` payload),
 * among its parent's details: labelled with its claim path, its summary as the description;
 * expanded, its own claims, findings and nested tokens. Clicking it opens it in the inspector.
 */
export class NestedTokenNode extends vscode.TreeItem {
  readonly kind = 'nested';
  /** The inner token as a target of its own (no location: it is a value inside its parent). */
  readonly target: InspectTarget;
  /**
   * `signature`: the inner token of a decrypted JWE, checked with the stored keys; `opens`: the
   * target a click opens instead of this token (the decrypted JWE, so its plaintext is never a
   * target of its own).
   */
  constructor(
    readonly nested: NestedToken,
    readonly signature?: SignatureStatus,
    opens?: InspectTarget,
  ) {
    super(labelText(nested.label, { max: 120 }), vscode.TreeItemCollapsibleState.Collapsed);
    this.target = { token: nested.token, label: nested.label };
    // The same verdict, icon and words as a token row (a claim's nested token has no key binding, so no signature check).
    const glance = glanceOf(nested.inspection);
    const verdict = rowVerdict(glance, signature);
    const signed = signature !== undefined ? ` · ${signatureBadge(signature).label}` : '';
    const summary = `${summaryText(tokenSummary(glance))}${signed}`;
    this.description = labelText(`${summary}${verdictWords(summary, verdict)}`, { max: 160 });
    const look = rowLook(glance, signature, verdict);
    const color = themeColor(look.tone);
    this.iconPath = new vscode.ThemeIcon(look.icon, color !== undefined ? new vscode.ThemeColor(color) : undefined);
    const worst = verdict !== undefined ? `\n${severityLabel(verdict.severity)}: ${verdict.reason}` : '';
    this.tooltip = `${labelText(nested.label, { max: 200 })}\n${labelText(summary, { max: 200 })}${labelText(worst, { max: 300 })}\n${vscode.l10n.t('Click to open it in the inspector')}`;
    this.contextValue = 'tokenLens.nestedToken';
    this.accessibilityInformation = { label: vscode.l10n.t('Nested token {0}: {1}', labelText(nested.label, { max: 120 }), `${labelText(summary, { max: 200 })}${verdict !== undefined ? `; ${severityLabel(verdict.severity)}: ${labelText(verdict.reason, { max: 200 })}` : ''}`) };
    this.command = { title: vscode.l10n.t('Inspect nested token'), command: CommandIds.inspectToken, arguments: [{ target: opens ?? this.target }] };
  }
}

/** A status or finding under a token. */
export class DetailNode extends vscode.TreeItem {
  readonly kind = 'detail';
  constructor(label: string, description: string, icon: string, tooltip?: string) {
    super(labelText(label, { max: 80 }), vscode.TreeItemCollapsibleState.None);
    this.description = labelText(description, { max: 120 });
    this.iconPath = new vscode.ThemeIcon(icon);
    this.tooltip = truncate(tooltip ?? description, 2000);
    this.contextValue = 'tokenLens.detail';
    this.accessibilityInformation = { label: `${this.label as string}: ${this.description}` };
  }
}

function findingNode(f: Finding): DetailNode {
  const ref = f.reference.kind === 'article' ? vscode.l10n.t('article reason {0}', f.reference.reason) : f.reference.title;
  const words = findingText(f);
  return new DetailNode(f.code, `${severityLabel(f.severity)}: ${words.message}`, severityIcon(f.severity), `${words.message}\n${vscode.l10n.t('Evidence: {0}', words.evidence)}\n${vscode.l10n.t('Source: {0}', ref)}`);
}

/**
 * The **Tokens** tree: tokens of the active editor, then Scan Workspace results grouped by file.
 * `refresh()` fires the change event; the view re-reads on demand.
 */
export class TokenTreeProvider implements vscode.TreeDataProvider<TokenTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TokenTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private pendingRefresh: ReturnType<typeof setTimeout> | undefined;

  /** Most tokens listed per document (a log can hold thousands); the rest are counted in one node. */
  static readonly MAX_TOKENS_PER_FILE = 200;
  static readonly TYPING_DEBOUNCE_MS = 300;

  constructor(
    private readonly tokens: TokenIndex,
    private readonly scan: ScanResults,
    private readonly verification?: VerificationService,
    /** Decrypts an expanded JWE row with the stored keys (issue 11). */
    private readonly decryption?: DecryptionService,
  ) {
    this.disposables.push(
      this.changed,
      ...(decryption !== undefined ? [decryption.onDidChange(() => this.refresh())] : []),
      scan.onDidChange(() => this.refresh()),
      ...(verification !== undefined ? [verification.onDidChange(() => this.refresh())] : []),
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.refreshSoon();
      }),
      { dispose: () => clearTimeout(this.pendingRefresh) },
    );
  }

  refresh(): void {
    clearTimeout(this.pendingRefresh);
    this.pendingRefresh = undefined;
    this.changed.fire(undefined);
  }

  /** Refresh once typing pauses: every refresh re-inspects the listed tokens. */
  private refreshSoon(): void {
    clearTimeout(this.pendingRefresh);
    this.pendingRefresh = setTimeout(() => this.refresh(), TokenTreeProvider.TYPING_DEBOUNCE_MS);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  getTreeItem(node: TokenTreeNode): vscode.TreeItem {
    return node;
  }

  async getChildren(node?: TokenTreeNode): Promise<TokenTreeNode[]> {
    if (node === undefined) return this.roots();
    if (node instanceof ScanResultsNode) return [...node.files];
    if (node instanceof FileNode) {
      const shown = node.tokens.slice(0, TokenTreeProvider.MAX_TOKENS_PER_FILE);
      return [...(await Promise.all(shown.map((t) => this.tokenNode(t.target)))), ...moreNode(node.tokens.length - shown.length)];
    }
    if (node instanceof TokenNode) {
      const inspection = this.tokens.inspections.inspect(node.target.token, node.target.uri);
      if (!inspection.ok) return [];
      // Nested tokens are looked for when a row is expanded, with the inspection's instant and settings.
      const options = inspectOptions(this.tokens.inspections.settings(node.target.uri), inspection.value.time.now);
      if (inspection.value.decoded.kind === 'jwe' && this.decryption !== undefined) {
        // Decrypted when the row is expanded, held by the rows only (a refresh asks again).
        const outcome = await this.decryption.decrypt(node.target.token, node.target.uri, inspection.value.time.now);
        return decryptedDetails(node.target, inspection.value, outcome, options);
      }
      return details(node.target, inspection.value, node.signature, nestedTokens(inspection.value.decoded, options));
    }
    if (node instanceof NestedTokenNode) return details(node.target, node.nested.inspection, node.signature, node.nested);
    return [];
  }

  private async tokenNode(target: InspectTarget): Promise<TokenNode> {
    const glance = this.tokens.inspections.glance(target.token, target.uri);
    if (!glance.ok) return new TokenNode(target, undefined, undecodedText(glance.error).text);
    const signature = this.verification !== undefined && glance.value.kind !== 'jwe' ? await this.verification.status(target.token) : undefined;
    return new TokenNode(target, glance.value, undefined, signature);
  }

  private async roots(): Promise<TokenTreeNode[]> {
    const editor = vscode.window.activeTextEditor;
    const inEditor = editor === undefined ? [] : this.tokens.tokens(editor.document);
    const open: TokenTreeNode[] =
      editor === undefined
        ? []
        : [
            ...(await Promise.all(
              inEditor
                .slice(0, TokenTreeProvider.MAX_TOKENS_PER_FILE)
                .map(({ match, range }) => this.tokenNode({ token: match.token, label: contextLabel(match, range.start.line), uri: editor.document.uri, range })),
            )),
            ...moreNode(inEditor.length - TokenTreeProvider.MAX_TOKENS_PER_FILE),
          ];
    const byFile = new Map<string, ScannedToken[]>();
    for (const r of this.scan.all) {
      const key = r.target.uri.toString();
      const list = byFile.get(key) ?? [];
      list.push(r);
      byFile.set(key, list);
    }
    const files = [...byFile.values()].map((list) => new FileNode(list[0]!.target.uri, list));
    return files.length > 0 ? [...open, new ScanResultsNode(files)] : open;
  }
}

/** "N more tokens" when a list was cut (empty when nothing was). */
function moreNode(hidden: number): DetailNode[] {
  return hidden > 0 ? [new DetailNode(`… ${hidden} more token${hidden === 1 ? '' : 's'}`, 'use the inspector or the CLI for the rest', 'ellipsis')] : [];
}

function noticeNode(n: NestedNotice): DetailNode {
  return new DetailNode('nested token', n.message, n.code === 'encrypted' ? 'lock' : 'info', `${n.label}\n${n.message}`);
}

/**
 * An expanded JWE row with the stored keys' answer: a `decrypted` row (key label, alg/enc) then
 * the plaintext's details — the inner token (`cty: JWT`) as a nested row with its signature,
 * the decrypted claims (not copyable: the token holds ciphertext), findings — or an `encrypted`
 * row saying why (no key stored, none fits, refused, the step that failed) then the JWE's own.
 */
function decryptedDetails(target: InspectTarget, inspection: Inspection, outcome: DecryptionOutcome, options: ReturnType<typeof inspectOptions>): (ClaimNode | NestedTokenNode | DetailNode)[] {
  const state = decryptionState(outcome);
  const text = decryptionText(state);
  if (outcome.status !== 'decrypted') {
    return [new DetailNode('encrypted', text.headline, text.icon, text.message), ...details(target, inspection, undefined, nestedTokens(inspection.decoded, options))];
  }
  const d = outcome.decrypted;
  const line = new DetailNode('decrypted', `${text.headline} · ${decryptedAlgText(d)}`, text.icon, text.message);
  const decoded = { ...inspection.decoded, payload: d.payload };
  const plain = inspectDecoded(decoded, options);
  let nested = nestedTokens(decoded, options);
  const inner = d.inner;
  if (inner !== undefined && !nested.tokens.some((t) => t.via === 'cty' && t.path.length === 0)) {
    // The plaintext is a token although the header does not say cty: JWT.
    const deeper = nestedTokens(inner.inspection.decoded, options);
    nested = { tokens: [{ path: [], label: vscode.l10n.t('payload (decrypted token)'), depth: 1, via: 'cty', token: inner.token, inspection: inner.inspection, tokens: deeper.tokens, notices: deeper.notices }, ...nested.tokens], notices: nested.notices };
  }
  return [line, ...details(target, plain, undefined, nested, { signatures: outcome.signatures })];
}

/** A token's details: signature, nested tokens (and where their search stopped), header parameters, claims, findings. */
function details(target: InspectTarget, inspection: Inspection, sig: SignatureStatus | undefined, nested: NestedTokens, decrypted?: { readonly signatures: ReadonlyMap<string, SignatureStatus> }): (ClaimNode | NestedTokenNode | DetailNode)[] {
  const out: (ClaimNode | NestedTokenNode | DetailNode)[] = [];
  if (sig !== undefined) {
    const badge = signatureBadge(sig);
    const timing = sig.timing !== undefined ? `\n${verificationTimingText(sig.timing)}` : '';
    out.push(new DetailNode('signature', badge.label, badge.icon, `${messageText(sig.result)}${timing}`));
    if (sig.weakSecret !== undefined) out.push(findingNode(sig.weakSecret));
  }
  // Nested tokens first: in a narrow tree they would be below the fold of a long claims list.
  // The inner token of a decrypted JWE opens the JWE (its plaintext is never a target of its own).
  for (const t of nested.tokens) out.push(decrypted !== undefined ? new NestedTokenNode(t, decrypted.signatures.get(t.token), target) : new NestedTokenNode(t));
  for (const n of nested.notices) out.push(noticeNode(n));
  for (const [k, v] of Object.entries(inspection.decoded.header)) out.push(new ClaimNode(target, 'header', k, v));
  const p = inspection.decoded.payload;
  if (p.type === 'claims') {
    for (const [k, v] of Object.entries(p.claims)) out.push(new ClaimNode(target, 'payload', k, v, decrypted !== undefined));
  } else if (p.type === 'encrypted') {
    out.push(new DetailNode('payload', `encrypted (${p.ciphertextBytes} B)`, 'lock'));
  }
  for (const f of [...inspection.findings, ...inspection.hints]) out.push(findingNode(f));
  return out;
}
