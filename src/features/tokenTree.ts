import * as vscode from 'vscode';
import type { Finding, Glance, Inspection } from '../core';
import { CommandIds } from '../model/commandIds';
import type { InspectTarget } from '../model/types';
import type { ScanResults, ScannedToken } from '../model/scanResults';
import type { TokenIndex } from '../model/tokenIndex';
import { claimText, contextLabel, labelText, severityIcon, statusLook, summaryText, themeColor, tokenSummary, truncate, verificationBadge, verificationTimingText } from '../present';
import type { VerificationService, SignatureStatus } from '../model/verification';

/** Tree nodes: files (scan results), tokens, claims and findings. */
export type TokenTreeNode = FileNode | TokenNode | DetailNode;

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
    this.contextValue = 'tokenLens.token';
    const signed = signature !== undefined ? ` · ${verificationBadge(signature.result).label}` : '';
    this.description = glance !== undefined ? `${glance.time.relative}${signed}` : labelText(`malformed: ${errorMessage ?? ''}`, { max: 160 });
    const look = statusLook(glance?.time.status ?? 'malformed');
    const color = themeColor(look.tone);
    this.iconPath = new vscode.ThemeIcon(look.icon, color !== undefined ? new vscode.ThemeColor(color) : undefined);
    this.tooltip = glance !== undefined ? `${labelText(summaryText(tokenSummary(glance)), { max: 200 })}${signed}` : this.description;
    this.command = { title: 'Reveal token', command: CommandIds.revealToken, arguments: [this] };
  }
}

/** A claim or finding under a token. */
export class DetailNode extends vscode.TreeItem {
  readonly kind = 'detail';
  constructor(label: string, description: string, icon: string, tooltip?: string) {
    // Claim names and values are token text: one line, no controls, bounded.
    super(labelText(label, { max: 80 }), vscode.TreeItemCollapsibleState.None);
    this.description = labelText(description, { max: 120 });
    this.iconPath = new vscode.ThemeIcon(icon);
    this.tooltip = truncate(tooltip ?? description, 2000);
    this.contextValue = 'tokenLens.detail';
  }
}

function findingNode(f: Finding): DetailNode {
  const ref = f.reference.kind === 'article' ? `article reason ${f.reference.reason}` : f.reference.title;
  return new DetailNode(f.code, f.message, severityIcon(f.severity), `${f.message}\nEvidence: ${f.evidence}\nSource: ${ref}`);
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
  ) {
    this.disposables.push(
      this.changed,
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
    if (node instanceof FileNode) {
      const shown = node.tokens.slice(0, TokenTreeProvider.MAX_TOKENS_PER_FILE);
      return [...(await Promise.all(shown.map((t) => this.tokenNode(t.target)))), ...moreNode(node.tokens.length - shown.length)];
    }
    if (node instanceof TokenNode) {
      const inspection = this.tokens.inspections.inspect(node.target.token, node.target.uri);
      return inspection.ok ? details(inspection.value, node.signature) : [];
    }
    return [];
  }

  private async tokenNode(target: InspectTarget): Promise<TokenNode> {
    const glance = this.tokens.inspections.glance(target.token, target.uri);
    if (!glance.ok) return new TokenNode(target, undefined, glance.error.message);
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
    return [...open, ...files];
  }
}

/** "N more tokens" when a list was cut (empty when nothing was). */
function moreNode(hidden: number): DetailNode[] {
  return hidden > 0 ? [new DetailNode(`… ${hidden} more token${hidden === 1 ? '' : 's'}`, 'use the inspector or the CLI for the rest', 'ellipsis')] : [];
}

function details(inspection: Inspection, sig: SignatureStatus | undefined): DetailNode[] {
  const out: DetailNode[] = [];
  if (sig !== undefined) {
    const badge = verificationBadge(sig.result);
    const timing = sig.timing !== undefined ? `\n${verificationTimingText(sig.timing)}` : '';
    out.push(new DetailNode('signature', badge.label, badge.icon, `${sig.result.message}${timing}`));
    if (sig.weakSecret !== undefined) out.push(findingNode(sig.weakSecret));
  }
  for (const [k, v] of Object.entries(inspection.decoded.header)) out.push(new DetailNode(k, claimText(v), 'symbol-field', 'header'));
  const p = inspection.decoded.payload;
  if (p.type === 'claims') {
    for (const [k, v] of Object.entries(p.claims)) out.push(new DetailNode(k, claimText(v), 'symbol-property', 'payload'));
  } else if (p.type === 'encrypted') {
    out.push(new DetailNode('payload', `encrypted (${p.ciphertextBytes} B)`, 'lock'));
  }
  for (const f of [...inspection.findings, ...inspection.hints]) out.push(findingNode(f));
  return out;
}
