import * as vscode from 'vscode';
import { languageTag, localizedWebviewStrings, webviewLocaleJson } from '../present/inspector/strings';

/** Folders the webview may load from: the UI bundle and codicons (`dist`), the stylesheet (`media`). */
export function localResourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

/** Webview options shared by the panel and the sidebar view: scripts on, only our own folders. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: localResourceRoots(extensionUri) };
}

/**
 * A fresh 128-bit nonce for the `script-src` CSP source (a new one on every page load). Web
 * Crypto and `btoa` are globals of both extension hosts (Node and the browser's web worker).
 */
export function createNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy of the inspector page: nothing inline, nothing remote. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; font-src ${cspSource}; img-src ${cspSource} data:; script-src 'nonce-${nonce}'`;
}

/**
 * The inspector page shell. It carries no token data: the UI script draws everything after
 * the `ready` handshake, from the `show` message. The page is no live region (its countdown ticks
 * every second); `#announcer`, outside it, is the one polite region, which the page script
 * updates at most once a minute and at once on a change of state. `testMode` (extension tests only) makes the
 * page post a summary of its DOM after each render and on `report`; otherwise it posts none.
 * The page is in the display language (`vscode.env.language`): its `lang`, and its words
 * (present/inspector/strings.ts, through `l10n.t`) in a JSON data block it reads once — data
 * the CSP does not run (`type="application/json"`), escaped so no text ends the element.
 */
export function inspectorHtml(webview: vscode.Webview, extensionUri: vscode.Uri, layout: 'panel' | 'sidebar', testMode = false): string {
  const nonce = createNonce();
  const asset = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
  const language = languageTag(vscode.env.language);
  const strings = localizedWebviewStrings();
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'codicons', 'codicon.css')}">
<link rel="stylesheet" href="${asset('media', 'inspector.css')}">
<title>${strings['page.title'].replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</title>
</head>
<body class="layout-${layout}"${testMode ? ' data-test-mode="true"' : ''}>
<main id="root"></main>
<div id="announcer" class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"></div>
<script type="application/json" id="strings" nonce="${nonce}">${webviewLocaleJson({ language, strings })}</script>
<script nonce="${nonce}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}
