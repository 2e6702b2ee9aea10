/**
 * Claim values as one line of text, and the one format of a copied claims table (the Copy
 * Claims as Table command and the inspector's copy button).
 */
import { markdownText } from './escape';

/** Longest cell of a copied table, before escaping. */
const MAX_CELL_CHARS = 2000;

/**
 * A one-line rendering of a claim value: strings as they are, everything else as compact JSON.
 * Token text: escape it for the output it goes to.
 *
 * @example claimText(['a', 1]) === '["a",1]'
 */
export function claimText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * {@link claimText} of a value held as compact JSON text (the inspector's claim rows): a JSON
 * string shows as its text; other JSON, or text that is not JSON, as it is.
 *
 * @example claimTextFromJson('"alice"') === 'alice'
 */
export function claimTextFromJson(json: string): string {
  if (!json.startsWith('"')) return json;
  try {
    return claimText(JSON.parse(json));
  } catch {
    return json;
  }
}

/**
 * The copied claims table, in Markdown: `| Part | Claim | Value |`, one row per header
 * parameter then per payload claim, in token order. Names and values are token text, so every
 * cell goes through `markdownText` (one line, no link, image, HTML or icon, pipes escaped).
 *
 * @example claimsTable({ alg: 'HS256' }, { sub: 'carol' }) === '| Part | Claim | Value |\n| --- | --- | --- |\n| header | alg | HS256 |\n| payload | sub | carol |'
 */
export function claimsTable(header: Readonly<Record<string, unknown>>, claims: Readonly<Record<string, unknown>> | undefined): string {
  const cell = (text: string): string => markdownText(text, MAX_CELL_CHARS);
  const rows = ['| Part | Claim | Value |', '| --- | --- | --- |'];
  for (const [part, members] of [['header', header], ['payload', claims ?? {}]] as const) {
    for (const [name, value] of Object.entries(members)) rows.push(`| ${part} | ${cell(name)} | ${cell(claimText(value))} |`);
  }
  return rows.join('\n');
}
