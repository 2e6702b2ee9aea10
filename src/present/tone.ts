/**
 * The tone of a status or a severity: how alarming it reads. One tone per status, so the tree's
 * icon colour, the status bar, the inspector and the CLI's terminal colour agree.
 */

/** `ok` (green), `info`, `warning` (yellow), `error` (red), `neutral` (no colour). */
export type Tone = 'ok' | 'info' | 'warning' | 'error' | 'neutral';

/** VS Code theme colour ids of each tone (`neutral` keeps the default foreground). */
const THEME_COLORS: Readonly<Record<Tone, string | undefined>> = {
  ok: 'testing.iconPassed',
  info: 'editorInfo.foreground',
  warning: 'editorWarning.foreground',
  error: 'errorForeground',
  neutral: undefined,
};

/**
 * The theme colour id of a tone, for `new vscode.ThemeColor(id)`; `undefined` for `neutral`.
 *
 * @example themeColor('error') === 'errorForeground'
 */
export function themeColor(tone: Tone): string | undefined {
  return THEME_COLORS[tone];
}
