import * as vscode from 'vscode';
import type { Finding, Inspection } from '../core';
import { CommandIds, HOVER_COMMANDS, type TokenLocation } from '../model/commandIds';
import { loadEnvironments, targetAt } from '../model/targetResolver';
import type { TokenIndex } from '../model/tokenIndex';
import { bySeverity, claimText, exceededLimitsText, findingText, instantText, kindLabel, markdownText, severityIcon, severityLabel, sizeText, statusLook, timeText, tokenStatus, undecodedText } from '../present';
import type { VerificationService, SignatureStatus } from '../model/verification';
import { verificationMarkdownLine } from './verification';
import { inspectDecoded } from '../core';
import type { DecodedToken, DecryptedToken } from '../core';
import type { DecryptionService } from '../model/decryption';
import { inspectOptions } from '../model/settings';
import { decryptedAlgText, decryptionText, type DecryptionState } from '../present/decryption';
import { decryptionState } from './decryption';

/** How long a hover waits for the signature check before showing the token without it. */
const SIGNATURE_WAIT_MS = 1500;

/** How long a hover waits for a JWE's decryption before showing it encrypted. */
const DECRYPT_WAIT_MS = 3000;

/** Most findings/hints listed in a hover; the inspector shows all of them. */
const MAX_HOVER_FINDINGS = 4;

/** The claims a hover shows, in this order: who, for whom, when, what for. The inspector shows all. */
const HOVER_CLAIMS = ['sub', 'name', 'iss', 'aud', 'iat', 'exp', 'scope'] as const;
const DATE_CLAIMS: ReadonlySet<string> = new Set(['iat', 'exp']);

/** What the hover needs besides the inspection. */
export interface HoverOptions {
  /** `tokenLens.timeDisplay`: how `iat` and `exp` are written. */
  readonly timeDisplay: 'local' | 'utc';
}

function commandLink(label: string, command: string, location: TokenLocation): string {
  return `[${label}](command:${command}?${encodeURIComponent(JSON.stringify([location]))})`;
}

function claimLine(name: string, value: unknown, options: HoverOptions): string | undefined {
  if (value === undefined) return undefined;
  const text = DATE_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value) ? instantText(value, options.timeDisplay) : claimText(value);
  return `**${name}** ${markdownText(text, 120)}`;
}

/**
 * The hover markdown for one inspected token; links carry `location`, never the token. Only
 * what is decisive: errors and warnings (the info-level hints are the inspector's) and a
 * compact payload.
 */
export function hoverMarkdown(inspection: Inspection, label: string, location: TokenLocation, signature?: SignatureStatus, options: HoverOptions = { timeDisplay: 'local' }, decryption?: HoverDecryption): vscode.MarkdownString {
  // A decrypted JWE reads as its plaintext: claims, times, size and findings are the plaintext's.
  const shown = decryption?.plain ?? inspection;
  const { decoded, time, size } = shown;
  const timeKind = decryption?.plain !== undefined ? 'jws' : decoded.kind;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  const h = decoded.header;
  const headerBits = ['alg', 'enc', 'typ', 'kid'].flatMap((k) => (h[k] === undefined ? [] : [`${k} ${markdownText(claimText(h[k]), 60)}`]));
  md.appendMarkdown(`$(key) **${kindLabel(decoded.kind)}** · ${markdownText(label, 120)} · ${headerBits.join(' · ')}\n\n`);
  // Actions near the top: a long hover scrolls, and the links must stay in sight. A JWE's
  // payload is ciphertext: there is nothing to copy.
  const actions = [commandLink(`$(open-preview) ${vscode.l10n.t('Inspect')}`, CommandIds.inspectToken, location)];
  // Decrypted plaintext is not the token's text: Copy and Edit read the token itself, so only a JWS offers them.
  if (inspection.decoded.payload.type !== 'encrypted') actions.push(commandLink(`$(copy) ${vscode.l10n.t('Copy payload')}`, CommandIds.copyPayloadJson, location));
  if (inspection.decoded.payload.type === 'claims' || inspection.decoded.payload.type === 'json') actions.push(commandLink(`$(edit) ${vscode.l10n.t('Edit')}`, CommandIds.editToken, location));
  md.appendMarkdown(`${actions.join(' · ')}\n\n`);
  if (decryption !== undefined) md.appendMarkdown(`${decryptionLine(decryption.state)}\n\n`);
  if (decoded.payload.type === 'claims') {
    const c = decoded.payload.claims;
    const lines = HOVER_CLAIMS.map((name) => claimLine(name, c[name], options)).filter((l): l is string => l !== undefined);
    if (lines.length > 0) md.appendMarkdown(`${lines.join('  \n')}\n\n`);
  } else if (decoded.payload.type === 'encrypted' && decryption === undefined) {
    md.appendMarkdown(`${vscode.l10n.t('Payload encrypted (JWE): only the protected header is readable.')}\n\n`);
  }
  const when = timeText(time, timeKind);
  // Words beside every icon (screen readers skip codicons): a status the relative text does not name is said first.
  const status = statusLook(tokenStatus(timeKind, time.status));
  const said = time.status === 'not-yet-valid' || time.status === 'invalid-claim' ? `${status.label}: ` : '';
  const timePart = when !== undefined ? `$(${status.icon}) ${said}${markdownText(when)} · ` : '';
  const crossed = exceededLimitsText(size);
  md.appendMarkdown(`${timePart}$(database) ${sizeText(size.totalBytes)}${crossed !== undefined ? ` — ${markdownText(crossed)}` : ''}\n\n`);
  if (signature !== undefined && decoded.kind !== 'jwe') md.appendMarkdown(`${verificationMarkdownLine(signature, (t) => markdownText(t, 300))}\n\n`);
  const all: Finding[] = bySeverity([...shown.findings, ...shown.hints].filter((f) => f.severity !== 'info'));
  const findings = all.slice(0, MAX_HOVER_FINDINGS);
  if (findings.length > 0) {
    const more = all.length > findings.length ? `  \n${vscode.l10n.t('… and {0} more in the inspector', all.length - findings.length)}` : '';
    md.appendMarkdown(
      `${findings.map((f) => `$(${severityIcon(f.severity)}) ${severityLabel(f.severity)}: ${markdownText(findingText(f).message, 300)} (${markdownText(f.code)}${f.reference.kind === 'article' ? `, ${vscode.l10n.t('reason {0}', f.reference.reason)}` : ''})`).join('  \n')}${more}`,
    );
  }
  if (decryption?.inner !== undefined) md.appendMarkdown(`\n\n${innerTokenMarkdown(decryption.inner, options)}`);
  return md;
}

/** A JWE's decryption in a hover (issue 11): what decrypted it, or why it stayed encrypted. */
export interface HoverDecryption {
  readonly state: DecryptionState;
  /** The decrypted plaintext analysed as a payload (decrypted only). */
  readonly plain?: Inspection;
  /** The token the plaintext is (`cty: JWT`), innermost when JWEs nest, with its own signature status. */
  readonly inner?: { readonly label: string; readonly inspection: Inspection; readonly signature?: SignatureStatus };
}

/** `$(unlock) Decrypted with key “dev” — RSA-OAEP-256 · A256GCM`, or the failure and its step. */
function decryptionLine(state: DecryptionState): string {
  const text = decryptionText(state);
  const detail = state.state === 'decrypted' ? decryptedAlgText(state.decrypted) : text.message;
  return `$(${text.icon}) **${markdownText(text.headline, 200)}** — ${markdownText(detail, 400)}`;
}

/** The inner token of a decrypted JWE: its header, claims, times, signature and findings, as a hover shows a token. */
function innerTokenMarkdown(inner: NonNullable<HoverDecryption['inner']>, options: HoverOptions): string {
  const { decoded, time } = inner.inspection;
  const h = decoded.header;
  const headerBits = ['alg', 'typ', 'kid'].flatMap((k) => (h[k] === undefined ? [] : [`${k} ${markdownText(claimText(h[k]), 60)}`]));
  const out = [`$(file-code) **Inner token** · ${markdownText(inner.label, 80)} · ${kindLabel(decoded.kind)} · ${headerBits.join(' · ')}`];
  if (decoded.payload.type === 'claims') {
    const c = decoded.payload.claims;
    const lines = HOVER_CLAIMS.map((name) => claimLine(name, c[name], options)).filter((l): l is string => l !== undefined);
    if (lines.length > 0) out.push(lines.join('  \n'));
  }
  const when = timeText(time, decoded.kind);
  const status = statusLook(tokenStatus(decoded.kind, time.status));
  if (when !== undefined) out.push(`$(${status.icon}) ${markdownText(when)}`);
  if (inner.signature !== undefined) out.push(verificationMarkdownLine(inner.signature, (t) => markdownText(t, 300)));
  const notable = bySeverity([...inner.inspection.findings, ...inner.inspection.hints].filter((f) => f.severity !== 'info')).slice(0, 2);
  if (notable.length > 0) out.push(notable.map((f) => `$(${severityIcon(f.severity)}) ${severityLabel(f.severity)}: ${markdownText(findingText(f).message, 300)} (${markdownText(f.code)})`).join('  \n'));
  return out.join('\n\n');
}

/**
 * Hover on a token in any file and on a `{{name}}` reference in http files. Scans only the
 * hovered line unless the document's full scan is already cached for this version.
 */
export class TokenHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly tokens: TokenIndex,
    private readonly verification?: VerificationService,
    /** Decrypts a hovered JWE with the stored keys (issue 11); nothing decrypted outlives the hover. */
    private readonly decryption?: DecryptionService,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.tokens.inspections.settings(document.uri).hoverEnabled) return undefined;
    const env = await loadEnvironments(this.tokens, document);
    const target = targetAt(this.tokens, document, position, env);
    if (target === undefined) return undefined;
    // `{{baseUrl}}`, `{{$guid}}`: not tokens, and no business of this hover.
    if (!target.ok && target.reason === 'not-a-token') return undefined;
    if (!target.ok) {
      const md = new vscode.MarkdownString(`$(warning) ${markdownText(target.message, 300)}`, true);
      return new vscode.Hover(md);
    }
    const { token, label, range } = target.target;
    const inspection = this.tokens.inspections.inspect(token, document.uri);
    if (!inspection.ok) {
      const what = undecodedText(inspection.error);
      return new vscode.Hover(new vscode.MarkdownString(`$(${what.malformed ? 'error' : 'info'}) ${markdownText(what.text, 300)}`, true), range);
    }
    const location: TokenLocation = { uri: document.uri.toString(), line: position.line, character: position.character };
    const signature = inspection.value.decoded.kind !== 'jwe' ? await this.signature(token) : undefined;
    const settings = this.tokens.inspections.settings(document.uri);
    const decryption = inspection.value.decoded.kind === 'jwe' ? await this.decrypt(token, document.uri, inspection.value) : undefined;
    return new vscode.Hover(hoverMarkdown(inspection.value, label, location, signature, { timeDisplay: settings.timeDisplay }, decryption), range);
  }

  /** The JWE's decryption for this hover only, or `undefined` without a decrypter or past {@link DECRYPT_WAIT_MS}. */
  private async decrypt(token: string, scope: vscode.Uri, outer: Inspection): Promise<HoverDecryption | undefined> {
    if (this.decryption === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), DECRYPT_WAIT_MS)));
    try {
      const outcome = await Promise.race([this.decryption.decrypt(token, scope, outer.time.now), timeout]);
      if (outcome === undefined) return undefined;
      const state = decryptionState(outcome);
      if (outcome.status !== 'decrypted') return { state };
      const options = inspectOptions(this.tokens.inspections.settings(scope), outer.time.now);
      const plainOf = (decoded: DecodedToken, d: DecryptedToken): Inspection => inspectDecoded({ ...decoded, payload: d.payload }, options);
      // The innermost token: through inner JWEs decrypted in turn, to what they hold.
      let inner = outcome.decrypted.inner;
      let label = inner?.via === 'plaintext' ? vscode.l10n.t('payload (decrypted token)') : vscode.l10n.t('payload (cty: JWT)');
      while (inner?.decrypted?.inner !== undefined) {
        inner = inner.decrypted.inner;
        label = `${label} → ${vscode.l10n.t('payload')}`;
      }
      const innerView =
        inner === undefined
          ? undefined
          : {
              label,
              inspection: inner.decrypted !== undefined ? plainOf(inner.inspection.decoded, inner.decrypted) : inner.inspection,
              ...(outcome.signatures.has(inner.token) ? { signature: outcome.signatures.get(inner.token)! } : {}),
            };
      return { state, plain: plainOf(outer.decoded, outcome.decrypted), ...(innerView !== undefined ? { inner: innerView } : {}) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** The cached verification status, or `undefined` when it takes longer than {@link SIGNATURE_WAIT_MS}. */
  private async signature(token: string): Promise<SignatureStatus | undefined> {
    if (this.verification === undefined) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), SIGNATURE_WAIT_MS)));
    try {
      return await Promise.race([this.verification.status(token), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
