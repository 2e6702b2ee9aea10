/**
 * Token Lens core: find, decode and analyse compact JOSE tokens.
 * Pure TypeScript (no `vscode`, no Node-only API): runs in the extension host, the webview
 * and the CLI. Every exported function is total: typed result or typed error, never a throw.
 *
 * Each module adds its own explicit export lines below.
 */
export type * from './types';
