/**
 * What each finding code means, from the findings page (`docs/findings.md`): its rows are kept
 * in `finding-help.json` by `test/unit/cli/findingHelp.test.ts`, which fails when they drift.
 * Used by the inspector's "Explain" and the CLI's SARIF rules. The English text (Markdown code
 * marks dropped) is the bundle key of its translation (scripts/l10n-core.mjs adds them).
 */
import * as l10n from '@vscode/l10n';
import findingHelp from './finding-help.json';

interface HelpRow {
  readonly severity: string;
  readonly meaning: string;
  readonly reference: string;
}

const RULES: Readonly<Record<string, HelpRow | undefined>> = findingHelp.rules;

/** The English explanations, one per code (plain text), for the bundles. */
export function findingExplanations(): string[] {
  return Object.values(RULES).flatMap((row) => (row === undefined ? [] : [plain(row.meaning)]));
}

function plain(meaning: string): string {
  return meaning.replace(/`/g, '');
}

/** What `code` means, as plain text (the page's Markdown code marks dropped), in the display language; `undefined` for an unknown code. */
export function findingExplanation(code: string): string | undefined {
  const row = Object.prototype.hasOwnProperty.call(RULES, code) ? RULES[code] : undefined;
  return row === undefined ? undefined : l10n.t(plain(row.meaning));
}
