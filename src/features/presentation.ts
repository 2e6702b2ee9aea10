/**
 * Text helpers shared by hover, tree, CodeLens and status bar. No `vscode` import: unit-tested
 * on plain Node (test/unit/features/presentation.test.ts).
 */
import type { Inspection, Severity, TokenMatch } from '../core';
import { labelText, markdownText } from '../present/escape';

/** A one-line rendering of a claim value: strings as is, everything else as JSON. */
export function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Label of where a token sits: `Authorization · line 12`, `@token`, `"id_token"`, `Cookie sid`. */
export function contextLabel(match: Pick<TokenMatch, 'context'>, line: number): string {
  const { kind, name } = match.context;
  const at = `line ${line + 1}`;
  switch (kind) {
    case 'authorization':
      return `Authorization · ${at}`;
    case 'http-variable':
      return `@${name ?? 'variable'} · ${at}`;
    case 'json-key':
      return `"${name ?? ''}" · ${at}`;
    case 'cookie':
    case 'set-cookie':
      return `Cookie ${name ?? ''} · ${at}`;
    case 'header':
    case 'query-param':
    case 'assignment':
      return `${name ?? kind} · ${at}`;
    case 'bare':
      return `Token · ${at}`;
  }
}

/** Short kind label: `JWT`, `JWE`, `Unsecured JWT`. */
export function kindLabel(kind: TokenMatch['kind']): string {
  return kind === 'jwe' ? 'JWE' : kind === 'unsecured' ? 'Unsecured JWT' : 'JWT';
}

/** The CodeLens title: `JWT · RS256 · expires in 12 min · 812 B`. */
export function lensTitle(inspection: Inspection): string {
  const { decoded, time, size } = inspection;
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : '?';
  const parts = [kindLabel(decoded.kind), alg];
  if (time.status !== 'not-applicable') parts.push(time.relative);
  parts.push(`${size.totalBytes} B`);
  // `alg` is token text: bounded and with `$(` escaped (CodeLens titles draw theme icons).
  return labelText(parts.join(' · '), { icons: true, max: 120 });
}

/** Codicon name for a severity. */
export function severityIcon(severity: Severity): string {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'info';
}

/** Codicon and theme colour id for a token's time status (tree icons, status bar). */
export function statusIcon(inspection: Inspection | undefined): { readonly icon: string; readonly color: string } {
  if (inspection === undefined) return { icon: 'error', color: 'errorForeground' };
  switch (inspection.time.status) {
    case 'expired':
      return { icon: 'clock', color: 'errorForeground' };
    case 'not-yet-valid':
      return { icon: 'clock', color: 'editorWarning.foreground' };
    case 'never-expires':
      return { icon: 'key', color: 'editorWarning.foreground' };
    case 'invalid-claim':
      return { icon: 'warning', color: 'editorWarning.foreground' };
    default:
      return { icon: 'key', color: 'testing.iconPassed' };
  }
}

/** A Markdown table of header and payload claims (Copy Claims as Table): cells are data, never markup. */
export function claimsTable(header: Readonly<Record<string, unknown>>, claims: Readonly<Record<string, unknown>> | undefined): string {
  const cell = (s: string): string => markdownText(s, 2000);
  const rows = ['| Part | Claim | Value |', '| --- | --- | --- |'];
  for (const [k, v] of Object.entries(header)) rows.push(`| header | ${cell(k)} | ${cell(claimText(v))} |`);
  for (const [k, v] of Object.entries(claims ?? {})) rows.push(`| payload | ${cell(k)} | ${cell(claimText(v))} |`);
  return rows.join('\n');
}
