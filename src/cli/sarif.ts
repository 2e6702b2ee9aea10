/**
 * `scan --format sarif`: the scan as a SARIF 2.1.0 log (OASIS SARIF 2.1.0 Errata 01), in the
 * shape GitHub code scanning takes: one rule per finding code with its docs/findings.md text,
 * one result per warning or error with a `ruleId`, a `level`, a region, an artifact URI
 * relative to the repository root (`uriBaseId` `%SRCROOT%`) and `partialFingerprints`. Token
 * text never appears: results name a token by its 12-character preview.
 */
import { createHash } from 'node:crypto';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FindingCodes } from '../core';
import type { Finding, Severity } from '../core/types';
import findingHelp from '../present/finding-help.json';

/** The page the rules' text comes from (finding-help.json is made from it; test/unit/cli/findingHelp.test.ts). */
export const FINDING_HELP_SOURCE = 'docs/findings.md';

/** One row of docs/findings.md. */
export interface FindingHelp {
  readonly severity: string;
  /** Markdown. */
  readonly meaning: string;
  readonly reference: string;
}

const HELP: Readonly<Record<string, FindingHelp | undefined>> = findingHelp.rules;
const INFORMATION_URI = 'https://github.com/token-lens/token-lens';
const HELP_URI = `${INFORMATION_URI}/blob/main/${FINDING_HELP_SOURCE}`;
export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base of artifact URIs: the repository root (GitHub resolves it to the checkout). */
const SRCROOT = '%SRCROOT%';
/** Name of the fingerprint in `partialFingerprints`; the suffix is its version. */
const FINGERPRINT = 'tokenLensFinding/v1';

/** A token as the SARIF log sees it. */
export interface SarifToken {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly preview: string;
  readonly tokenHash: string;
  /** Hints and findings (all severities; info ones are left out, as in the text output). */
  readonly findings: readonly Finding[];
  /** The `--allow` file that accepts the token (the results are then suppressed). */
  readonly allowedBy?: string;
}

export interface SarifFile {
  /** As scanned (relative to the working directory, or absolute); `<stdin>` for standard input. */
  readonly path: string;
  /** The bytes the file system names it by (undefined for stdin). */
  readonly fsPath?: Buffer;
  readonly tokens: readonly SarifToken[];
}

export interface SarifOptions {
  readonly toolVersion: string;
  /** Absolute directory artifact URIs are relative to: the repository root, else the working directory. */
  readonly root: string;
  readonly cwd: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub's security-severity (0–10) by level: critical for the two that hand out a working credential. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '2.0' };
const CRITICAL_CODES: ReadonlySet<string> = new Set([FindingCodes.LIVE_CREDENTIAL, FindingCodes.WEAK_SECRET]);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Markdown as plain text: backticks and emphasis markers dropped. */
function plain(markdown: string): string {
  return markdown.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

/** The first clause of a meaning, as the rule's one-line title. */
function firstClause(text: string): string {
  const cut = /[:;.](?:\s|$)/.exec(text);
  return cut && cut.index >= 12 ? text.slice(0, cut.index) : text.replace(/\.$/, '');
}

/** `LIVE_CREDENTIAL` → `LiveCredential`. */
function ruleName(key: string): string {
  return key
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

function isSeverity(text: string | undefined): text is Severity {
  return text === 'error' || text === 'warning' || text === 'info';
}

/** One reportingDescriptor per code of FindingCodes, in the table's order. */
function rules(): object[] {
  return Object.entries(FindingCodes).map(([key, id]) => {
    const help = HELP[id];
    const meaning = help?.meaning ?? ruleName(key);
    const severity: Severity = isSeverity(help?.severity) ? help.severity : 'warning';
    const reference = help?.reference ? ` Reference: ${help.reference}.` : '';
    return {
      id,
      name: ruleName(key),
      shortDescription: { text: firstClause(plain(meaning)) },
      fullDescription: { text: plain(meaning) },
      helpUri: `${HELP_URI}#${id.toLowerCase()}`,
      help: { text: `${plain(meaning)}${reference}`, markdown: `**${id}** (${severity}): ${meaning}${reference}\n\nSee [${FINDING_HELP_SOURCE}](${HELP_URI}).` },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['security', 'jwt'], precision: 'high', 'security-severity': CRITICAL_CODES.has(id) ? '9.0' : SECURITY_SEVERITY[severity] },
    };
  });
}

/** RFC 3986 percent-encoding of a path's bytes (latin1 text, one character per byte), `/` kept. */
function encodePath(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes.charCodeAt(i);
    const ch = bytes[i]!;
    out += /[A-Za-z0-9\-._~/]/.test(ch) ? ch : `%${c.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The artifactLocation of a file: relative to the root with `%SRCROOT%` when inside it, else an absolute file URI. */
function artifactLocation(file: SarifFile, options: SarifOptions): { uri: string; uriBaseId?: string } {
  if (file.fsPath === undefined) return { uri: 'stdin:' };
  const absolute = resolve(Buffer.from(options.cwd).toString('latin1'), file.fsPath.toString('latin1'));
  const rel = relative(Buffer.from(options.root).toString('latin1'), absolute);
  if (rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep)) return { uri: encodePath(rel.split(sep).join('/')), uriBaseId: SRCROOT };
  return { uri: pathToFileURL(Buffer.from(absolute, 'latin1').toString('utf8')).href };
}

/**
 * The SARIF log of a scan. Deterministic: the same files and findings give the same bytes, and
 * each result's fingerprint (code, file URI, token hash, occurrence of that token in the file)
 * stays the same across runs and machines while the token stays in the file.
 */
export function sarifLog(files: readonly SarifFile[], skipped: readonly { path: string; reason: string }[], options: SarifOptions): object {
  const ruleList = rules();
  const ruleIndex = new Map(Object.values(FindingCodes).map((code, i) => [code as string, i]));
  const results: object[] = [];
  for (const file of files) {
    const artifact = artifactLocation(file, options);
    const seen = new Map<string, number>();
    for (const token of file.tokens) {
      const occurrence = seen.get(token.tokenHash) ?? 0;
      seen.set(token.tokenHash, occurrence + 1);
      for (const finding of token.findings) {
        if (finding.severity === 'info') continue;
        const index = ruleIndex.get(finding.code);
        results.push({
          ruleId: finding.code,
          ...(index !== undefined ? { ruleIndex: index } : {}),
          level: LEVEL[finding.severity],
          message: { text: `${finding.message} (token ${token.preview}…)` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifact,
                region: { startLine: token.line, startColumn: token.column, endLine: token.endLine, endColumn: token.endColumn },
              },
            },
          ],
          partialFingerprints: { [FINGERPRINT]: sha256(`${finding.code}\0${artifact.uri}\0${token.tokenHash}\0${occurrence}`).slice(0, 32) },
          ...(token.allowedBy !== undefined ? { suppressions: [{ kind: 'external', justification: `accepted as a fixture by ${token.allowedBy}` }] } : {}),
        });
      }
    }
  }
  const notifications = skipped.map((s) => ({
    level: 'note',
    message: { text: `skipped ${s.path}: ${s.reason}` },
  }));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'token-lens', version: options.toolVersion, semanticVersion: options.toolVersion, informationUri: INFORMATION_URI, rules: ruleList } },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.root.endsWith(sep) ? options.root : options.root + sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
