/**
 * `token-lens diff A B`: compares two tokens (core `compareTokens`) and prints the summary
 * (`present/compare`), text through `terminalText` or `--json`. Each side is a token as `decode`
 * takes it (`Bearer …`, a header line, quotes), a file holding one, or `-` (stdin, one side).
 * Exit 0 when identical, 1 when they differ, 2 on bad input.
 */
import { existsSync } from 'node:fs';
import { compareTokens, DEFAULT_MAX_TOKEN_LENGTH, normalizeTokenInput } from '../core';
import type { ComparisonSummary } from '../core';
import { comparisonHeadline, comparisonLines, terminalJson, terminalText } from '../present';
import { EXIT_FINDINGS, EXIT_OK } from './exitCodes';
import { readRegularFile } from './files';
import { JSON_SCHEMA_VERSION, type Style } from './report';

/** Largest file read as one side: what `normalizeTokenInput` accepts (4 × the 64 KiB token limit). */
export const MAX_DIFF_FILE_BYTES = 4 * DEFAULT_MAX_TOKEN_LENGTH;

/** `token-lens diff --json` (schemaVersion 1). */
export interface DiffReport {
  readonly schemaVersion: typeof JSON_SCHEMA_VERSION;
  readonly command: 'diff';
  readonly identical: boolean;
  /** The one-line summary, as the text output's first line. */
  readonly headline: string;
  readonly summary: ComparisonSummary;
}

/** What `runDiff` needs from the runner. */
export interface DiffContext {
  readonly readStdin: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly json: boolean;
  readonly style: Style;
  /** Writes one usage line to stderr and gives the exit code 2. */
  readonly usageError: (message: string) => number;
}

type SideInput = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly message: string };

/** One side's token: stdin, the argument itself when it is a token, else a file holding one. */
async function readSide(argument: string, name: 'A' | 'B', readStdin: () => Promise<string>): Promise<SideInput> {
  if (argument === '-') {
    let text: string;
    try {
      text = await readStdin();
    } catch {
      return { ok: false, message: 'cannot read stdin' };
    }
    const token = normalizeTokenInput(text);
    return token.ok ? { ok: true, token: token.value } : { ok: false, message: `${name} (stdin): ${token.error.message}` };
  }
  const asToken = normalizeTokenInput(argument);
  if (asToken.ok) return { ok: true, token: asToken.value };
  if (!existsSync(argument)) return { ok: false, message: `${name} is neither a token nor a file: ${asToken.error.message}` };
  const read = readRegularFile(argument, MAX_DIFF_FILE_BYTES);
  if (!read.ok) return { ok: false, message: `cannot read ${name} (${argument}): ${read.reason}` };
  const token = normalizeTokenInput(read.bytes.toString('utf8'));
  return token.ok ? { ok: true, token: token.value } : { ok: false, message: `${name} (${argument}): ${token.error.message}` };
}

function styledLine(line: string, style: Style): string {
  const text = terminalText(line);
  if (line.startsWith('+ ')) return style.green(text);
  if (line.startsWith('- ')) return style.red(text);
  if (line.startsWith('~ ')) return style.yellow(text);
  return text;
}

/** Runs `token-lens diff` over two arguments; returns the exit code. Never throws. */
export async function runDiff(inputs: readonly [string, string], context: DiffContext): Promise<number> {
  const a = await readSide(inputs[0], 'A', context.readStdin);
  if (!a.ok) return context.usageError(a.message);
  const b = await readSide(inputs[1], 'B', context.readStdin);
  if (!b.ok) return context.usageError(b.message);
  const compared = compareTokens(a.token, b.token, { documents: false });
  if (!compared.ok) return context.usageError(`${compared.error.side === 'left' ? 'A' : 'B'}: ${compared.error.error.message}`);
  const { summary } = compared.value;
  const headline = comparisonHeadline(summary);
  if (context.json) {
    const report: DiffReport = { schemaVersion: JSON_SCHEMA_VERSION, command: 'diff', identical: summary.identical, headline, summary };
    context.stdout(terminalJson(report) + '\n');
  } else {
    const first = `${summary.identical ? 'identical' : 'different'}: ${terminalText(headline)}`;
    const lines = [context.style.bold(first), ...comparisonLines(summary).map((line) => styledLine(line, context.style))];
    context.stdout(lines.join('\n') + '\n');
  }
  return summary.identical ? EXIT_OK : EXIT_FINDINGS;
}
