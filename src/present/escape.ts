/**
 * Text from files and tokens is data, never markup. One escaping function per place text goes
 * (pure: no `vscode`, unit-tested on Node in test/unit/present/escape.test.ts and the hostile
 * suite). Every surface goes through these; long values are truncated here, before escaping, so
 * the work is bounded by the output size whatever the input size.
 *
 * - {@link markdownText}: hover Markdown (`MarkdownString` with theme icons) and copied Markdown
 *   tables: markup characters backslash-escaped, `$(` cannot draw an icon, no HTML, one line.
 * - {@link notificationText}: `showWarningMessage` and friends, which turn `[x](command:…)`
 *   and `[x](https://…)` into links: no link syntax survives, one line, no control characters.
 * - {@link labelText}: CodeLens titles, status-bar text (both draw `$(icon)`), tree labels and
 *   descriptions, quick-pick items: one line, no control characters, icons escaped where drawn.
 *
 * Terminal output (CLI) has its own function in `./terminal`.
 */

/** Longest value a one-line surface shows before the ellipsis. */
export const DEFAULT_MAX_CHARS = 200;

/** Shortens `text` to `max` characters with an ellipsis (surrogate pairs kept whole). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // do not split a surrogate pair
  return `${text.slice(0, end)}…`;
}

// Line breaks of every kind (CR alone too), then the other C0/C1 controls, DEL, and the bidi
// embedding/override/isolate controls that can make text read differently from what it is.
const LINE_BREAKS = /[\r\n\u000b\u000c\u0085\u2028\u2029]+/g;
/** `$(name)` or `$(name~spin)` as VS Code's icon renderer reads it. */
const ICON_LIKE = /\$\((?=[A-Za-z0-9-]+(?:~[A-Za-z0-9-]*)?\))/g;
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: breaks become one space, controls become U+FFFD (not truncated). */
function oneLine(text: string, max: number): string {
  // Cut well past `max` first so the regexes below never run over a huge value.
  const bounded = text.length > max * 2 + 16 ? text.slice(0, max * 2 + 16) : text;
  return bounded.replace(LINE_BREAKS, ' ').replace(CONTROLS, '\ufffd');
}

/**
 * Escapes text for inline VS Code Markdown (hover lines, copied table cells: never at the start
 * of a line) so claim values cannot inject links, autolinks, command URIs, images, HTML or theme
 * icons: the inline markup characters and `$` are backslash-escaped (`\$(pass)` is shown, not
 * drawn), `://`, `www.` and `@` cannot start an autolink, `<`, `>`, `&` become entities, line
 * breaks become spaces (a value never starts a block). Truncated to `max` characters first.
 *
 * @example markdownText('[x](command:evil)') === '\\[x\\]\\(command:evil\\)'
 * @example markdownText('$(pass) verified') === '\\\\\\$\\(pass\\) verified' // shown as "$(pass) verified"
 */
export function markdownText(text: string, max: number = Number.POSITIVE_INFINITY): string {
  return truncate(oneLine(text, max), max)
    // VS Code draws `$(name)` on the text *after* Markdown parsing, unless it reads `\$(name)`
    // there: so mark icon-like runs first (as MarkdownString.appendText does), then escape
    // Markdown, which doubles that backslash into `\\\$\(name\)` → rendered `\$(name)` → shown.
    .replace(ICON_LIKE, '\\$(')
    .replace(/[\\`*_{}[\]()#!|~$@]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * Text for a notification (`showInformationMessage`, `showWarningMessage`, `showErrorMessage`).
 * VS Code renders `[label](target)` in these as a link (`command:`, `http(s):`, `file:`), so a
 * bracket is never followed directly by a parenthesis here, and a bare `command:` gets a
 * zero-width break; one line, no controls, at most `max` characters.
 */
export function notificationText(text: string, max: number = DEFAULT_MAX_CHARS): string {
  return truncate(oneLine(text, max), max)
    .replace(/\]\s*\(/g, '] (')
    .replace(/\b(command|file|https?|vscode|javascript|data):/gi, (m) => `${m.slice(0, -1)}\u200b:`);
}

/**
 * A label (CodeLens title, status-bar text, tree label/description, quick-pick item): one line,
 * no controls, at most `max` characters. With `icons: true` (surfaces that draw `$(name)` —
 * CodeLens and the status bar) a `$(` from the text is escaped so it is shown, not drawn.
 */
export function labelText(text: string, options: { readonly icons?: boolean; readonly max?: number } = {}): string {
  const max = options.max ?? DEFAULT_MAX_CHARS;
  const line = oneLine(text, max);
  return truncate(options.icons === true ? line.replace(ICON_LIKE, '\\$(') : line, max);
}
