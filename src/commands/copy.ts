import * as vscode from 'vscode';
import { decodeToken } from '../core';
import type { DecodedToken } from '../core';
import type { TokenIndex } from '../model/tokenIndex';
import { claimsTable, messageText } from '../present';
import { resolveTarget } from '../model/targetResolver';
import { notificationText } from '../present/escape';

/** What to copy from a decoded token. */
export type CopyPart = 'header' | 'payload' | 'table';

/**
 * The exact JSON text of the part, as in the token (what the inspector's copy buttons copy):
 * re-serialising a parsed value would round integers beyond 2^53 and drop duplicate member names.
 */
function render(decoded: DecodedToken, part: CopyPart): string | undefined {
  if (part === 'header') return decoded.headerJson;
  const p = decoded.payload;
  if (part === 'payload') {
    if (p.type === 'claims' || p.type === 'json') return p.json;
    if (p.type === 'text') return p.text;
    return undefined;
  }
  return claimsTable(decoded.header, p.type === 'claims' ? p.claims : undefined);
}

/**
 * Copy Header JSON / Copy Payload JSON / Copy Claims as Table. Returns the copied text (tests),
 * or undefined when nothing was copied. Header and payload JSON are copied exactly as in the
 * token; an encrypted or binary payload cannot be copied and says so.
 */
export async function copyTokenPart(tokens: TokenIndex, part: CopyPart, arg?: unknown): Promise<string | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (!resolved.ok) {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  const decoded = decodeToken(resolved.target.token);
  if (!decoded.ok) {
    void vscode.window.showWarningMessage(notificationText(`Token Lens: ${messageText(decoded.error)}`));
    return undefined;
  }
  const text = render(decoded.value, part);
  if (text === undefined) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Token Lens: the payload is encrypted or binary and has no JSON to copy.'));
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(part === 'table' ? vscode.l10n.t('Token Lens: claims table copied') : part === 'header' ? vscode.l10n.t('Token Lens: header JSON copied') : vscode.l10n.t('Token Lens: payload JSON copied'), 3000);
  return text;
}
