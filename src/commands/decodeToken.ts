import * as vscode from 'vscode';
import { normalizeTokenInput } from '../core';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import type { ShowInPanel } from './inspectToken';
import { resolveTarget } from '../model/targetResolver';
import { notificationText } from '../present/escape';

/**
 * Decode Token: the token under the cursor, else the selection, else (when nothing token-like
 * is at the cursor) the clipboard, else an input box validating as you type (a `Bearer `
 * prefix, quotes and whitespace are accepted).
 */
export async function decodeToken(tokens: TokenIndex, showInPanel: ShowInPanel, arg?: unknown): Promise<InspectTarget | undefined> {
  const resolved = await resolveTarget(tokens, arg);
  if (resolved.ok) {
    showInPanel(resolved.target);
    return resolved.target;
  }
  // Something token-like was at the cursor or selected: say what is wrong with it rather than
  // quietly decoding the clipboard instead.
  if (resolved.reason !== 'nothing') {
    void vscode.window.showWarningMessage(notificationText(resolved.message));
    return undefined;
  }
  const clip = normalizeTokenInput(await readClipboard());
  if (clip.ok) {
    const target = { token: clip.value, label: 'clipboard' };
    showInPanel(target);
    return target;
  }
  const typed = await vscode.window.showInputBox({
    title: 'Token Lens: Decode Token',
    prompt: 'Paste a JWT or JWE (a "Bearer " prefix, quotes and whitespace are fine)',
    ignoreFocusOut: true,
    password: false,
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      const r = normalizeTokenInput(value);
      return r.ok ? undefined : r.error.message;
    },
  });
  if (typed === undefined) return undefined;
  const normalized = normalizeTokenInput(typed);
  if (!normalized.ok) {
    void vscode.window.showWarningMessage(notificationText(`Token Lens: ${normalized.error.message}`));
    return undefined;
  }
  const target = { token: normalized.value, label: 'pasted token' };
  showInPanel(target);
  return target;
}

/** How long the clipboard may take: a browser host can hold the read on a permission prompt. */
const CLIPBOARD_WAIT_MS = 750;

async function readClipboard(): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // Web hosts may deny the read or leave it pending forever: either way, fall through to the input box.
    const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(''), CLIPBOARD_WAIT_MS)));
    return await Promise.race([Promise.resolve(vscode.env.clipboard.readText()), timeout]);
  } catch {
    return '';
  } finally {
    clearTimeout(timer);
  }
}
