// Types for scripts/lib/host.mjs, used by the TypeScript e2e specs.
import type { Browser } from 'playwright-core';

export const ROOT: string;
export const HOST_DIR: string;
export const STATE_DIR: string;
export const NODE24: string;
export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export interface CodeServer {
  port: number;
  url: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  pid: number;
  /** The random password of an `auth: 'password'` run. */
  password?: string;
  stop(): void;
  remoteUri(absPath: string): string;
}
export function ensureHost(): { version: string };
export function freePort(): Promise<number>;
export function onExit(fn: () => void): () => boolean;
export function startCodeServer(opts: {
  workspace: string;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  label?: string;
  auth?: 'none' | 'password';
}): Promise<CodeServer>;
export function hostEnv(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function parseCodeServerVersion(output: string): string | undefined;
export function installVsix(vsix: string, extensionsDir: string): void;
export function workbenchUrl(host: CodeServer, folder: string, payload?: [string, string][]): string;
export function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }>;
