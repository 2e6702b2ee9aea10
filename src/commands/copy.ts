import * as vscode from 'vscode';
import { decodeToken } from '../core';
import type { DecodedToken } from '../core';
import type { DocumentTokens } from '../features/documentTokens';
import { claimsTable } from '../features/presentation';
import { resolveTarget } from './target';

/** What to copy from a decoded token. */
export type CopyPart = 'header' | 'payload' | 'table';

function render(decoded: DecodedToken, part: CopyPart): string | undefined {
  if (part === 'header') return JSON.stringify(JSON.parse(decoded.headerJson) as unknown, null, 2);
  const p = decoded.payload;
  if (part === 'payload') {
    if (p.type === 'claims' || p.type === 'json') return JSON.stringify(JSON.parse(p.json) as unknown, null, 2);
    if (p.type === 'text') return p.text;
    return undefined;
  }
  return claimsTable(decoded.header, p.type === 'claims' ? p.claims : undefined);
}

/**
 * Copy Header JSON / Copy Payload JSON / Copy Claims as Table. Returns the copied text (tests),
 * or undefined when nothing was copied. The header JSON is re-indented; an encrypted payload
 * cannot be copied and says so.
 */
export async function copyTokenPart(tokens: DocumentTokens, part: CopyPart, arg?: unknown): Promise<string | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (!resolved.ok) {
    void vscode.window.showWarningMessage(resolved.message);
    return undefined;
  }
  const decoded = decodeToken(resolved.target.token);
  if (!decoded.ok) {
    void vscode.window.showWarningMessage(`Token Lens: ${decoded.error.message}`);
    return undefined;
  }
  let text: string | undefined;
  try {
    text = render(decoded.value, part);
  } catch {
    // JSON.parse of text the decoder already parsed cannot fail; keep the exact text if it does.
    text = part === 'header' ? decoded.value.headerJson : undefined;
  }
  if (text === undefined) {
    void vscode.window.showWarningMessage('Token Lens: the payload is encrypted or binary and has no JSON to copy.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(`Token Lens: ${part === 'table' ? 'claims table' : `${part} JSON`} copied`, 3000);
  return text;
}
