/**
 * Terminal text (the CLI's stdout and stderr): text from files and tokens is shown, never
 * obeyed. A terminal acts on C0 controls (ESC starts CSI/OSC sequences that erase lines,
 * retitle the window or write the clipboard with OSC 52), DEL and the C1 controls U+0080–U+009F
 * (U+009B is a one-character CSI), and bidi controls (embeddings, overrides, isolates, and the
 * marks, as in `./escape`) make text read differently from what it is (CVE-2021-42574, "Trojan
 * Source"). Each is shown as a visible escape (`\x1b`, `\r`, `\u202e`) so the reader sees what
 * the file holds.
 *
 * Pure: no `vscode`, no Node API. The other surfaces have their own functions in `./escape`.
 */
import { truncate } from './escape';

/** C0 controls, DEL, C1 controls, bidi marks (U+061C, U+200E, U+200F), embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const UNSAFE_LINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, keeping line feeds, tabs and CR-LF line ends for multi-line blocks; a lone CR is escaped. */
const UNSAFE_BLOCK = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;
/** What JSON.stringify leaves raw: it escapes C0 itself, and these can only occur inside strings. */
const UNSAFE_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function visibleEscape(c: string): string {
  const code = c.charCodeAt(0);
  return SHORT_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/** Options of {@link terminalText}. */
export interface TerminalTextOptions {
  /** Keep line feeds, tabs and CR-LF (a pretty-printed JSON block); otherwise they show as `\n`, `\t`, `\r`. */
  readonly multiline?: boolean;
  /** Show at most this many characters of `text`, then `…` (before escaping, so the work is bounded). */
  readonly max?: number;
}

/**
 * Text from a file, a token or the file system, made safe to write to a terminal: every
 * control character a terminal could act on is shown as a visible escape, and nothing else
 * changes (a backslash already in the text stays as it is).
 *
 * @example terminalText('HS256\u001b]0;pwned\u0007') === 'HS256\\x1b]0;pwned\\x07'
 * @example terminalText('a\u202ebc', { max: 3 }) === 'a\\u202e…'
 */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  const shown = options.max === undefined ? text : truncate(text, options.max);
  return shown.replace(options.multiline === true ? UNSAFE_BLOCK : UNSAFE_LINE, visibleEscape);
}

/**
 * `JSON.stringify(value, null, 2)` for a terminal: the same document (it parses to the same
 * value), with DEL, C1 and bidi controls written as `\u` escapes, which JSON.stringify leaves raw.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
