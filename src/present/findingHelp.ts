/**
 * What each finding code means, from the findings page (`docs/findings.md`): its rows are kept
 * in `finding-help.json` by `test/unit/cli/findingHelp.test.ts`, which fails when they drift.
 * Used by the inspector's "Explain" and the CLI's SARIF rules.
 */
import findingHelp from './finding-help.json';

interface HelpRow {
  readonly severity: string;
  readonly meaning: string;
  readonly reference: string;
}

const RULES: Readonly<Record<string, HelpRow | undefined>> = findingHelp.rules;

/** What `code` means, as plain text (the page's Markdown code marks dropped); `undefined` for an unknown code. */
export function findingExplanation(code: string): string | undefined {
  const row = Object.prototype.hasOwnProperty.call(RULES, code) ? RULES[code] : undefined;
  return row?.meaning.replace(/`/g, '');
}
