import * as vscode from 'vscode';
import { normalizeTokenInput } from '../core';
import type { TokenIndex } from '../model/tokenIndex';
import type { InspectTarget } from '../model/types';
import type { ShowInPanel } from './inspectToken';
import { resolveTarget } from '../model/targetResolver';
import { messageText } from '../present';
import { notificationText } from '../present/escape';

/**
 * Decode Token: the token under the cursor, else the selection, else (when nothing token-like
 * is at the cursor) the clipboard, else an input box validating as you type (a `Bearer `
 * prefix, quotes and whitespace are accepted). In a browser host (vscode.dev, code-server) the
 * clipboard is read only when the user picks it: an unprompted read raises the browser's
 * "Unable to read from the browser's clipboard" error or a permission prompt out of nowhere.
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
  if (vscode.env.uiKind === vscode.UIKind.Web) return decodeInBrowser(showInPanel);
  const clip = normalizeTokenInput(await readClipboard());
  if (clip.ok) {
    const target = { token: clip.value, label: vscode.l10n.t('clipboard') };
    showInPanel(target);
    return target;
  }
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Token Lens: Decode Token'),
    prompt: vscode.l10n.t('Paste a JWT or JWE (a "Bearer " prefix, quotes and whitespace are fine)'),
    ignoreFocusOut: true,
    password: false,
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      const r = normalizeTokenInput(value);
      return r.ok ? undefined : messageText(r.error);
    },
  });
  if (typed === undefined) return undefined;
  const normalized = normalizeTokenInput(typed);
  if (!normalized.ok) {
    void vscode.window.showWarningMessage(notificationText(`Token Lens: ${messageText(normalized.error)}`));
    return undefined;
  }
  const target = { token: normalized.value, label: vscode.l10n.t('pasted token') };
  showInPanel(target);
  return target;
}

/** What the browser host's pick holds: the clipboard choice, or the token being typed. */
interface DecodeChoice extends vscode.QuickPickItem {
  readonly source: 'clipboard' | 'typed';
}

/** The clipboard as a choice (its words in the display language, read when the pick opens). */
const clipboardChoice = (): DecodeChoice => ({
  label: `$(clippy) ${vscode.l10n.t('Decode the token on the clipboard')}`,
  detail: vscode.l10n.t('Reads the clipboard now (the browser may ask for permission)'),
  source: 'clipboard',
  alwaysShow: true,
});

/**
 * The browser host's Decode Token: one pick to paste a token into, with the clipboard as a
 * choice, so the clipboard is read only on the user's request.
 */
async function decodeInBrowser(showInPanel: ShowInPanel): Promise<InspectTarget | undefined> {
  const pick = vscode.window.createQuickPick<DecodeChoice>();
  pick.title = vscode.l10n.t('Token Lens: Decode Token');
  pick.placeholder = vscode.l10n.t('Paste a JWT or JWE (a "Bearer " prefix, quotes and whitespace are fine), or decode the clipboard');
  pick.ignoreFocusOut = true;
  pick.matchOnDetail = false;
  const CLIPBOARD_CHOICE = clipboardChoice();
  pick.items = [CLIPBOARD_CHOICE];
  const typedItem = (value: string): DecodeChoice[] => {
    if (value.trim() === '') return [];
    const r = normalizeTokenInput(value);
    // The typed text is token text: its own item label is not, so nothing of it is drawn.
    return [{ label: r.ok ? `$(key) ${vscode.l10n.t('Decode the pasted token')}` : `$(warning) ${vscode.l10n.t('Not a token')}`, detail: r.ok ? undefined : notificationText(messageText(r.error)), source: 'typed', alwaysShow: true }];
  };
  const chosen = await new Promise<{ choice: DecodeChoice; value: string } | undefined>((resolve) => {
    pick.onDidChangeValue((value) => {
      pick.items = [...typedItem(value), CLIPBOARD_CHOICE];
    });
    pick.onDidAccept(() => {
      const choice = pick.selectedItems[0] ?? pick.activeItems[0];
      if (choice === undefined) return;
      resolve({ choice, value: pick.value });
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen === undefined) return undefined;
  const text = chosen.choice.source === 'clipboard' ? await readClipboard() : chosen.value;
  const normalized = normalizeTokenInput(text);
  if (!normalized.ok) {
    const message = chosen.choice.source === 'clipboard' ? vscode.l10n.t('Token Lens: the clipboard holds no token: {0}', messageText(normalized.error)) : vscode.l10n.t('Token Lens: not a token: {0}', messageText(normalized.error));
    void vscode.window.showWarningMessage(notificationText(message));
    return undefined;
  }
  const target = { token: normalized.value, label: chosen.choice.source === 'clipboard' ? vscode.l10n.t('clipboard') : vscode.l10n.t('pasted token') };
  showInPanel(target);
  return target;
}

/** How long the clipboard may take: a browser host can hold the read on a permission prompt. */
const CLIPBOARD_WAIT_MS = 750;

/** The clipboard text ('' when it cannot be read in time: a browser host may hold the read on a prompt). */
export async function readClipboard(): Promise<string> {
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
