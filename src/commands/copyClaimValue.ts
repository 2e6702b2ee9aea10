import * as vscode from 'vscode';
import { decodeToken } from '../core';
import { resolveTarget } from '../model/targetResolver';
import type { TokenIndex } from '../model/tokenIndex';
import { claimText, labelText, notificationText } from '../present';

/** Which claim to copy: a tree claim row passes its token's target, the segment and the name. */
interface ClaimArg {
  readonly segment: 'header' | 'payload';
  readonly name: string;
}

function claimArg(arg: unknown): ClaimArg | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { segment, name } = arg as Record<string, unknown>;
  if ((segment !== 'header' && segment !== 'payload') || typeof name !== 'string') return undefined;
  return { segment, name };
}

/**
 * Copy Claim Value (a Tokens tree claim row's click): the value of one header parameter or
 * payload claim of the row's token, read from the token again (never from the argument):
 * strings as they are, other values as compact JSON. Returns the copied text (tests).
 */
export async function copyClaimValue(tokens: TokenIndex, arg?: unknown): Promise<string | undefined> {
  const claim = claimArg(arg);
  const resolved = await resolveTarget(tokens, arg);
  if (claim === undefined || !resolved.ok) {
    void vscode.window.showWarningMessage(notificationText(resolved.ok ? vscode.l10n.t('Token Lens: choose a claim in the Tokens view to copy its value.') : resolved.message));
    return undefined;
  }
  const decoded = decodeToken(resolved.target.token);
  const members = !decoded.ok ? undefined : claim.segment === 'header' ? decoded.value.header : decoded.value.payload.type === 'claims' ? decoded.value.payload.claims : undefined;
  if (members === undefined || !Object.prototype.hasOwnProperty.call(members, claim.name)) {
    void vscode.window.showWarningMessage(notificationText(vscode.l10n.t('Token Lens: the token has no {0} claim "{1}" any more.', claim.segment, claim.name)));
    return undefined;
  }
  const text = claimText(members[claim.name]);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`Token Lens: value of ${labelText(claim.name, { icons: true, max: 60 })} copied`, 3000);
  return text;
}
