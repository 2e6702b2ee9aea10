/**
 * Output of `token-lens`: the `--json` documents (schema in README.md next to this file) and
 * the human-readable text, coloured on a terminal.
 */
import { formatDuration, type NestedNotice, type NestedTokens, type NestedVia, type VerificationResult } from '../core';
import { atLeast, headerAlg, severityCounts, severityTone, sizeCostText, sizeText, statusLook, terminalText, tokenSummary, type Tone } from '../present';
import type { Finding, Inspection, SegmentError, Severity, TokenError, TokenMatch } from '../core/types';

/** JSON schema version; bumped on any incompatible change of the documents below. */
/**
 * Version of the `--json` reports. 2: partial tokens (issue 12) — a token whose header reads
 * decodes, `segmentErrors` lists the segments that did not, `unsecured` means only `alg: none`
 * with an empty signature, and three segments with `enc` are a (truncated) JWE.
 */
export const JSON_SCHEMA_VERSION = 2;

/** One inspected token in `--json` output (both commands). */
export interface TokenReport {
  readonly kind: Inspection['decoded']['kind'];
  readonly alg: string;
  readonly header: Inspection['decoded']['header'];
  readonly payload: Inspection['decoded']['payload'];
  readonly duplicateKeys: Inspection['decoded']['duplicateKeys'];
  readonly padded: boolean;
  /** The segments that did not decode (empty when all did): the token is shown as far as it decodes. */
  readonly segmentErrors: readonly SegmentError[];
  readonly time: Inspection['time'];
  readonly size: Inspection['size'];
  readonly algorithm: Inspection['algorithm'];
  readonly hints: readonly Finding[];
  readonly findings: readonly Finding[];
  /**
   * `decode` only: the tokens nested in this one (claims holding a compact JWS or JWE, a
   * `cty: JWT` payload), each a report of its own, to a depth of 3 and 16 tokens at most.
   */
  readonly nested?: readonly NestedTokenReport[];
  /** `decode` only: where the nested search stopped (`too-deep`, `too-many`, `encrypted`). */
  readonly nestedNotices?: readonly NestedNotice[];
}

/** A token nested in another one (core `nestedTokens`): its own report, and where it was found. */
export interface NestedTokenReport extends TokenReport {
  /** The claim path from the outer token: `id_token`, `act.act.actor_token`, `software_statement → act.actor_token`. */
  readonly label: string;
  /** Member names and array indexes in its parent's payload; `[]` for a `cty: JWT` payload. */
  readonly path: readonly (string | number)[];
  readonly depth: number;
  readonly via: NestedVia;
  readonly nested: readonly NestedTokenReport[];
  readonly nestedNotices: readonly NestedNotice[];
}

/** A token found by `scan`, located in its file. */
export interface ScanTokenReport {
  readonly start: number;
  readonly end: number;
  /** 1-based line and column (UTF-16 code units) of the token's first character. */
  readonly line: number;
  readonly column: number;
  readonly context: TokenMatch['context'];
  /** First 12 characters (inside the header segment): enough to recognise, useless to replay. */
  readonly preview: string;
  /** `sha256:` + 32 hex digits of the token's SHA-256: an `--allow` entry for exactly this token. */
  readonly tokenHash: string;
  /** The `--allow` file that accepts this token as a fixture (its findings then count for nothing). */
  readonly allowed?: string;
  readonly inspection?: TokenReport;
  readonly error?: TokenError;
}

export interface ScanFileReport {
  readonly path: string;
  readonly tokens: readonly ScanTokenReport[];
}

export interface ScanReport {
  readonly schemaVersion: number;
  readonly command: 'scan';
  readonly now: string;
  readonly files: readonly ScanFileReport[];
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
  /** `errors`/`warnings` count the findings of tokens not accepted by `--allow`; `allowed` counts the accepted tokens. */
  readonly summary: { readonly filesScanned: number; readonly tokens: number; readonly errors: number; readonly warnings: number; readonly allowed: number };
}

export interface DecodeReport {
  readonly schemaVersion: number;
  readonly command: 'decode';
  readonly now: string;
  readonly token: TokenReport;
}

/**
 * Projects an inspection onto the JSON document (the token text itself is never included);
 * with `nested` (`decode`), its nested tokens too, each projected the same way.
 */
export function tokenReport(inspection: Inspection, nested?: NestedTokens): TokenReport {
  const report = ownReport(inspection);
  return nested === undefined ? report : { ...report, ...nestedReports(nested) };
}

function nestedReports(nested: NestedTokens): { nested: NestedTokenReport[]; nestedNotices: NestedNotice[] } {
  return {
    nested: nested.tokens.map((t) => ({ label: t.label, path: t.path, depth: t.depth, via: t.via, ...ownReport(t.inspection), ...nestedReports(t) })),
    nestedNotices: [...nested.notices],
  };
}

function ownReport(inspection: Inspection): TokenReport {
  const { decoded } = inspection;
  return {
    kind: decoded.kind,
    alg: headerAlg(decoded.header) ?? '',
    header: decoded.header,
    payload: decoded.payload,
    duplicateKeys: decoded.duplicateKeys,
    padded: decoded.padded,
    segmentErrors: (decoded.segmentErrors ?? []).map(withoutTextId),
    time: inspection.time,
    size: inspection.size,
    algorithm: inspection.algorithm,
    hints: inspection.hints.map(reportedFinding),
    findings: inspection.findings.map(reportedFinding),
  };
}

/** `value` without the text id and params the editor translates from: the JSON report keeps the English sentence only (its fields in their order). */
function withoutTextId<T extends { readonly textId?: string; readonly params?: unknown }>(value: T): T {
  if (value.textId === undefined && value.params === undefined) return value;
  const rest: Record<string, unknown> = { ...value };
  delete rest['textId'];
  delete rest['params'];
  return rest as T;
}

/** A verification result as the JSON report has it. */
export function reportedVerification(v: VerificationResult): VerificationResult {
  return withoutTextId(v);
}

/** A decode error as the JSON report has it (its partial segments' errors too). */
export function reportedError(error: TokenError): TokenError {
  const own = withoutTextId(error);
  return own.partial === undefined ? own : { ...own, partial: { ...own.partial, segmentErrors: own.partial.segmentErrors.map(withoutTextId) } };
}

/** A finding as the JSON report has it: its English text, without the text id and params the editor translates from. */
function reportedFinding(f: Finding): Finding {
  return { code: f.code, severity: f.severity, message: f.message, evidence: f.evidence, reference: f.reference };
}

/** Count of hints + findings at each severity. */
export function countSeverities(inspection: Inspection): { errors: number; warnings: number } {
  const counts = severityCounts([...inspection.hints, ...inspection.findings]);
  return { errors: counts.error, warnings: counts.warning };
}

/** True when a hint or finding at `level` or worse exists. */
export function meetsFailLevel(inspection: Inspection, level: 'error' | 'warning'): boolean {
  return [...inspection.hints, ...inspection.findings].some((f) => atLeast(f.severity, level));
}

// ---------------------------------------------------------------------------------------
// Text output. Every string taken from an inspection, a match, a verification result or a
// path goes through `terminalText` (so a scanned file cannot drive the terminal); our own
// labels and colours do not.
// ---------------------------------------------------------------------------------------

/** Longest name shown (alg, context and member names, kid): enough to recognise one. */
const NAME_CHARS = 64;
/** Longest sentence shown (messages, evidence, verification results). */
const TEXT_CHARS = 240;

const name = (text: string) => terminalText(text, { max: NAME_CHARS });
const sentence = (text: string) => terminalText(text, { max: TEXT_CHARS });

/** ANSI styling, or identity functions when colour is off. */
export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  green(s: string): string;
}

const ansi = (code: string) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
export const COLOR: Style = { bold: ansi('1'), dim: ansi('2'), red: ansi('31'), yellow: ansi('33'), cyan: ansi('36'), green: ansi('32') };
const plain = (s: string) => s;
export const PLAIN: Style = { bold: plain, dim: plain, red: plain, yellow: plain, cyan: plain, green: plain };

/** Text in the terminal colour of its tone (`neutral` stays plain). */
function toned(text: string, tone: Tone, style: Style): string {
  switch (tone) {
    case 'ok':
      return style.green(text);
    case 'info':
      return style.cyan(text);
    case 'warning':
      return style.yellow(text);
    case 'error':
      return style.red(text);
    case 'neutral':
      return text;
  }
}

/** `error`, `warning` or `info` in its colour; `padded` aligns the finding lists. */
function severityLabel(severity: Severity, style: Style, padded = false): string {
  return toned(padded ? severity.padEnd(7) : severity, severityTone(severity), style);
}

function referenceLabel(finding: Finding): string {
  const ref = finding.reference;
  if (ref.kind === 'article') return `article reason ${ref.reason}`;
  if (ref.kind === 'rfc') return `RFC ${ref.rfc} ${name(ref.section)}`;
  return 'OWASP';
}

/** The relative time text (the status label when there is none) in the colour of the status. */
function statusLabel(time: Pick<Inspection['time'], 'status' | 'relative'>, style: Style): string {
  const look = statusLook(time.status);
  return toned(sentence(time.relative || look.label), look.tone, style);
}

function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : prefix + line))
    .join('\n');
}

function findingLines(title: string, findings: readonly Finding[], style: Style): string[] {
  if (findings.length === 0) return [];
  const lines = [style.bold(title)];
  for (const f of findings) {
    lines.push(`  ${severityLabel(f.severity, style, true)} ${style.dim(name(f.code))} ${sentence(f.message)} ${style.dim(`[${referenceLabel(f)}]`)}`);
    if (f.evidence) lines.push(`          ${style.dim('evidence:')} ${sentence(f.evidence)}`);
  }
  return lines;
}

/** Summary line (`summaryText` of src/present, escaped and coloured): `JWS · HS256 · expires in 4 min · 812 B`. */
export function summaryLine(inspection: Inspection, style: Style): string {
  const summary = tokenSummary(inspection);
  const time = summary.time !== undefined ? [statusLabel({ status: summary.status, relative: summary.time }, style)] : [];
  return [style.bold(summary.kind), name(summary.alg), ...time, summary.size].join(' · ');
}

/**
 * The "Nested tokens" section of `decode`: each inner token under its claim path, its own full
 * text indented below it (and its nested tokens inside that), then where the search stopped.
 */
function nestedLines(nested: NestedTokens, style: Style): string[] {
  const lines: string[] = [];
  for (const t of nested.tokens) {
    lines.push('', `  ${style.bold(sentence(t.label))} ${style.dim(t.via === 'cty' ? '(the payload, cty: JWT)' : `(nested, depth ${t.depth})`)}`, indent(renderInspection(t.inspection, style, t), '    '));
  }
  for (const n of nested.notices) lines.push('', `  ${style.yellow(n.code === 'encrypted' ? 'encrypted' : 'stopped')} ${sentence(n.message)}`);
  return lines;
}

/** Full text of one inspected token (`decode`), with its nested tokens when `nested` is given. */
export function renderInspection(inspection: Inspection, style: Style, nested?: NestedTokens): string {
  const { decoded, time, size } = inspection;
  const lines: string[] = [summaryLine(inspection, style), '', style.bold('Header'), indent(faithfulJson(decoded.header, decoded.headerJson, lossyIn(decoded, 'header')))];
  lines.push('', style.bold('Payload'));
  const payload = decoded.payload;
  switch (payload.type) {
    case 'claims':
      lines.push(indent(faithfulJson(payload.claims, payload.json, lossyIn(decoded, 'payload'))));
      break;
    case 'json':
      lines.push(indent(`(JSON, not a claims object) ${terminalText(JSON.stringify(payload.value))}`));
      break;
    case 'text':
      lines.push(indent(`(text, not JSON) ${terminalText(payload.text)}`));
      break;
    case 'bytes':
      lines.push(indent(`(${payload.byteLength} bytes, not UTF-8: ${sentence(payload.reason)})`));
      break;
    case 'encrypted':
      lines.push(indent(`(encrypted: ${payload.ciphertextBytes} bytes of ciphertext)`));
      break;
  }
  if (decoded.payloadNote) lines.push(indent(style.yellow(sentence(decoded.payloadNote))));
  if (decoded.duplicateKeys.length > 0) {
    lines.push(indent(style.yellow(`duplicate keys: ${decoded.duplicateKeys.map((d) => `${d.segment}:${d.path ? name(d.path) + '.' : ''}${name(d.key)}`).join(', ')}`)));
  }
  lines.push('', style.bold('Time'));
  for (const claim of time.claims) {
    const value = claim.iso !== undefined ? name(claim.iso) : `${name(JSON.stringify(claim.raw))} ${style.red(`(${sentence(claim.invalid ?? 'invalid')})`)}`;
    lines.push(`  ${name(claim.name).padEnd(9)} ${value}`);
  }
  lines.push(`  ${'status'.padEnd(9)} ${statusLabel(time, style)}${time.withinSkew ? style.dim(` (within ${time.clockSkewSec} s clock skew)`) : ''}`);
  if (time.lifetimeSec !== undefined) lines.push(`  ${'lifetime'.padEnd(9)} ${formatDuration(time.lifetimeSec)}`);
  lines.push('', style.bold('Size'));
  lines.push(`  ${sizeText(size.totalBytes)} (${size.segments.map((s) => `${name(s.name)} ${s.encodedBytes}`).join(', ')}) · ${sizeCostText(size)}`);
  for (const limit of size.limits) {
    const state = limit.exceeded ? style.red('exceeded') : style.green('ok');
    lines.push(`  ${sentence(limit.label)}: ${limit.used} / ${limit.bytes} B ${state} ${style.dim(`(${sentence(limit.source)})`)}`);
  }
  if (size.heaviestClaims.length > 0) {
    lines.push(`  heaviest claims: ${size.heaviestClaims.slice(0, 3).map((c) => `${name(c.name)} ${c.bytes} B`).join(', ')}`);
  }
  lines.push(`  ${style.dim(`verification: ${sentence(inspection.algorithm.costNote)}`)}`);
  const hints = findingLines('Hints', inspection.hints, style);
  const findings = findingLines('Findings', inspection.findings, style);
  if (hints.length > 0) lines.push('', ...hints);
  if (findings.length > 0) lines.push('', ...findings);
  if (nested !== undefined && (nested.tokens.length > 0 || nested.notices.length > 0)) lines.push('', style.bold('Nested tokens'), ...nestedLines(nested, style));
  return lines.join('\n');
}

/** One text line for a verification result, e.g. "signature: verified — Signature verified (RS256) with key "jwks.json"". */
export function verificationLine(result: VerificationResult): string {
  // The message quotes the token's alg and kid and the key file's name.
  return `signature: ${result.status} — ${sentence(result.message)}`;
}

/** `file:line:col`, the start of every scan line about one token. */
function location(path: string, token: Pick<ScanTokenReport, 'line' | 'column'>): string {
  return `${terminalText(path)}:${token.line}:${token.column}`;
}

/** Scan text for a token that could not be decoded: `file:line:col: cannot decode <why>`. */
export function scanErrorLine(path: string, token: Pick<ScanTokenReport, 'line' | 'column'>, error: TokenError, style: Style): string {
  return `${location(path, token)}: ${style.red('cannot decode')} ${sentence(error.message)}`;
}

/**
 * Scan text for an inspected token: `file:line:col JWS · HS256 · … (context name)`, the
 * verification line when one ran, then each warning and error.
 */
export function scanTokenLines(path: string, token: Pick<ScanTokenReport, 'line' | 'column' | 'context'>, inspection: Inspection, verification: VerificationResult | undefined, style: Style): string[] {
  const { kind, name: contextName } = token.context;
  const where = kind === 'bare' ? '' : ` ${style.dim(`(${name(kind)}${contextName ? ` ${name(contextName)}` : ''})`)}`;
  const lines = [`${style.bold(location(path, token))} ${summaryLine(inspection, style)}${where}`];
  if (verification !== undefined) lines.push(`  ${verificationLine(verification)}`);
  for (const f of [...inspection.hints, ...inspection.findings]) {
    if (f.severity === 'info') continue;
    lines.push(`  ${severityLabel(f.severity, style)} ${style.dim(name(f.code))} ${sentence(f.message)}`);
  }
  return lines;
}

/** Scan text for a skipped path: `skipped <path>: <reason>`. */
export function skippedLine(skipped: { readonly path: string; readonly reason: string }, style: Style): string {
  return style.dim(`skipped ${terminalText(skipped.path)}: ${sentence(skipped.reason)}`);
}

/** True when parsing `segment` lost something: a duplicate key or a number beyond double precision. */
function lossyIn(decoded: Inspection['decoded'], segment: 'header' | 'payload'): boolean {
  return decoded.duplicateKeys.some((d) => d.segment === segment) || (decoded.lossyNumbers ?? []).some((n) => n.segment === segment);
}

/**
 * Pretty-printed JSON, unless re-serialising would misrepresent the token (duplicate keys,
 * RFC 7515 §4; numbers beyond double precision): then the raw text is shown instead.
 */
function faithfulJson(parsed: unknown, raw: string, lossy: boolean): string {
  const json = terminalText(lossy && raw.length > 0 ? raw : JSON.stringify(parsed, null, 2), { multiline: true });
  return lossy && raw.length > 0 ? `${json}\n(raw JSON shown: parsing it would lose big numbers or duplicate keys)` : json;
}
