// One code-server + one headless Chromium per e2e spec file, torn down after it (and by the
// host library's exit hooks on failure or Ctrl-C). The extension comes either from this
// checkout (development payload) or, with TOKEN_LENS_E2E_VSIX set, from the packaged .vsix.
import * as path from 'path';
import type { Browser } from 'playwright-core';
import {
  ROOT, ensureHost, installVsix, launchBrowser, startCodeServer, workbenchUrl, type CodeServer,
} from '../../../scripts/lib/host.mjs';
import { Workbench } from './workbench';

/** The workspace the specs open: the integration fixtures folder. */
export const FIXTURES = path.join(ROOT, 'test', 'integration', 'fixtures');

/** A running host and browser page. */
export interface Session {
  host: CodeServer;
  browser: Browser;
  workbench: Workbench;
  close(): Promise<void>;
}

/**
 * Starts a session on `workspace` (default: the integration fixtures); `settings` are written
 * to the fresh user settings.json; `locale` is the display language (`de`).
 */
export async function openSession(settings: Record<string, unknown> = {}, workspace: string = FIXTURES, locale?: string): Promise<Session> {
  ensureHost();
  const vsix = process.env.TOKEN_LENS_E2E_VSIX;
  const host = await startCodeServer({ workspace, settings, label: 'e2e', ...(locale !== undefined ? { locale } : {}) });
  if (vsix) installVsix(vsix, host.extensionsDir);
  const { browser, close } = await launchBrowser();
  const page = await browser.newPage();
  const workbench = new Workbench(page);
  const payload: [string, string][] = vsix ? [] : [['extensionDevelopmentPath', host.remoteUri(ROOT)]];
  await workbench.load(workbenchUrl(host, workspace, payload));
  return {
    host, browser, workbench,
    close: async () => { await close(); host.stop(); },
  };
}
