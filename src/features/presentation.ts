/**
 * Moved to `src/present/` (one home per concept). Re-exported here only until the features and
 * commands import `../present` directly; delete this file then.
 */
import type { Inspection } from '../core';
import { statusLook, themeColor } from '../present';

export { claimsTable, claimText, contextLabel, kindLabel, lensTitle, severityIcon } from '../present';

/**
 * The tree's former call shape over {@link statusLook}: the codicon and theme colour of an
 * inspection's time status (`undefined`: a malformed token).
 *
 * @deprecated use `statusLook(inspection?.time.status ?? 'malformed')` and `themeColor(look.tone)`.
 */
export function statusIcon(inspection: Inspection | undefined): { readonly icon: string; readonly color: string } {
  const look = statusLook(inspection?.time.status ?? 'malformed');
  return { icon: look.icon, color: themeColor(look.tone) ?? 'foreground' };
}
