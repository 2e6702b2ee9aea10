import * as vscode from 'vscode';
import { formatDuration } from '../core';
import { timeClaimValues } from '../model/editDocument';
import { TokenEditFileSystem } from '../model/editSessions';
import { readSettings } from '../model/settings';
import { instantText } from '../present';

/** The hint after a NumericDate: `2026-12-01 19:00:00 UTC · in 1 h 5 min` (relative to now). */
export function timeHintText(seconds: number, display: 'local' | 'utc', nowMs: number): string {
  const deltaSec = Math.round(seconds - nowMs / 1000);
  const relative = deltaSec === 0 ? 'now' : deltaSec > 0 ? `in ${formatDuration(deltaSec)}` : `${formatDuration(-deltaSec)} ago`;
  return `${instantText(seconds, display)} · ${relative}`;
}

/**
 * Dates after the time claims (`exp`, `nbf`, `iat`, `auth_time`, `updated_at`) of an *Edit
 * Token* document, in `tokenLens.timeDisplay`, so a number typed there reads as the instant it
 * is. Only for the `tokenlens-edit:` scheme.
 */
export class EditTimeHintsProvider implements vscode.InlayHintsProvider {
  static readonly selector: vscode.DocumentSelector = { scheme: TokenEditFileSystem.scheme, language: 'json' };

  provideInlayHints(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    const display = readSettings().timeDisplay;
    const now = Date.now();
    return timeClaimValues(document.getText())
      .map((claim) => ({ claim, position: document.positionAt(claim.end) }))
      .filter(({ position }) => range.contains(position))
      .map(({ claim, position }) => {
        const hint = new vscode.InlayHint(position, ` ${timeHintText(claim.seconds, display, now)}`, vscode.InlayHintKind.Type);
        hint.paddingLeft = true;
        hint.tooltip = `${claim.name}: ${instantText(claim.seconds, 'utc')}`;
        return hint;
      });
  }
}
