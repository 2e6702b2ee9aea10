// The packaged .vsix in the browser's web worker extension host (package.json "browser",
// dist/web/extension.js): the one package has `main` and `browser`, so code-server would run it
// in its Node host; the user setting `remote.extensionKind: { <id>: ["web"] }` sends it to the
// web worker, the host vscode.dev and github.dev use. The host is read from Developer: Show
// Running Extensions, then a person's path runs there: hover, inspector, Decode Token.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SignJWT } from 'jose';
import type { Frame } from 'playwright-core';
import { writeDemoWorkspace } from '../../../demo/mint.mjs';
import { openSession, type Session } from '../helpers/session';
import { ARTIFACTS } from '../helpers/workbench';

const EXTENSION_ID = 'token-lens.token-lens';
const WORKSPACE = path.join(ARTIFACTS, 'e2e-web-workspace');
/** Test-only HMAC secret of the token in verify.http (added through Add Verification Key). */
const SECRET = 'web-worker-test-secret-32-bytes!';

describe('e2e: packaged .vsix in the web worker extension host', function () {
  this.timeout(180_000);
  let s: Session;
  let tokens: Record<string, string>;

  before(async () => {
    assert.ok(process.env.TOKEN_LENS_E2E_VSIX, 'TOKEN_LENS_E2E_VSIX must name the .vsix');
    tokens = await writeDemoWorkspace(WORKSPACE);
    const signed = await new SignJWT({ scope: 'web' }).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'web-hs-1' })
      .setIssuer('https://web.example').setSubject('web-worker').setIssuedAt().setExpirationTime('2h').sign(new TextEncoder().encode(SECRET));
    fs.writeFileSync(path.join(WORKSPACE, 'verify.http'), `@signed = ${signed}\n\nGET https://web.example/\nAuthorization: Bearer {{signed}}\n`);
    s = await openSession({ 'remote.extensionKind': { [EXTENSION_ID]: ['web'] }, 'workbench.colorTheme': 'Default Dark Modern' }, WORKSPACE);
    await s.workbench.openFile('api.http');
    // CodeLens rows push the lines down when they arrive: point at text only after they did.
    await s.workbench.page.locator('.contentWidgets .codelens-decoration').first().waitFor({ state: 'attached', timeout: 60_000 });
    await s.workbench.page.waitForTimeout(500);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s?.workbench.screenshot(`e2e-web-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}`);
  });
  after(async () => { await s?.close(); });

  /** The inspector panel's webview frame once its title matches `title`. */
  async function inspectorFrame(title: RegExp): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of s.workbench.page.frames()) {
        const text = await frame.evaluate(() => (document.body?.classList.contains('layout-panel') ? (document.querySelector('.title')?.textContent ?? '') : undefined)).catch(() => undefined);
        if (text !== undefined && title.test(text)) return frame;
      }
      await s.workbench.page.waitForTimeout(250);
    }
    throw new Error(`no inspector panel showing ${title}`);
  }

  /** Editor lines re-render as decorations arrive: a pointer step whose line was replaced is retried. */
  async function again<T>(step: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await step();
      } catch (e) {
        if (attempt >= 3 || !/not attached to the DOM/.test(String(e))) throw e;
      }
    }
  }

  it('runs in the web worker host (Developer: Show Running Extensions), activated', async () => {
    const page = s.workbench.page;
    await s.workbench.runCommand('Developer: Show Running Extensions');
    try {
      const list = page.locator('.runtime-extensions-editor .monaco-list').first();
      await list.waitFor({ timeout: 30_000 });
      // The list renders only the rows in view: scroll down to Token Lens's row.
      const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Token Lens' }).first();
      const box = await list.boundingBox();
      assert.ok(box, 'the Running Extensions list has no box');
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 60; i++) {
        const rowBox = (await row.count()) > 0 ? await row.boundingBox() : null;
        if (rowBox && rowBox.y >= box.y && rowBox.y + rowBox.height <= box.y + box.height) break;
        await page.mouse.wheel(0, rowBox && rowBox.y < box.y ? -60 : 200);
        await page.waitForTimeout(150);
      }
      // An activated extension's row shows its activation time; the row names the host of an
      // extension that runs outside the server's Node host ("web worker" for the browser's
      // worker), where the Node host's rows show the server (127.0.0.1:PORT).
      await row.filter({ hasText: /Activation: \d+ms/ }).waitFor({ timeout: 30_000 });
      const text = await row.innerText();
      assert.match(text, /web worker/, `the row does not name the web worker host: ${text}`);
      assert.doesNotMatch(text, /127\.0\.0\.1/, `the row names the server's Node host: ${text}`);
      await s.workbench.screenshot('e2e-web-running-extensions');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('hovers a {{reference}} resolved from http-client.env.json (workspace.fs)', async () => {
    await s.workbench.openFile('api.http');
    // The reference is on the file's last line, below the first screen: the editor renders only
    // the lines in view.
    await s.workbench.clickText('@baseUrl');
    await s.workbench.page.keyboard.press('Control+End');
    const text = await s.workbench.hover('{{devToken}}', /expires in/);
    assert.match(text, /JWS · \{\{devToken\}\} · env dev · alg RS256/);
    assert.match(text, /sub user-1042/);
    assert.match(text, /unverified \(no key\)/);
    await s.workbench.screenshot('e2e-web-hover');
  });

  it('opens the inspector (webview with its nonce script) from Inspect Token at Cursor', async () => {
    await s.workbench.page.keyboard.press('Escape');
    await s.workbench.clickText('{{devToken}}');
    await s.workbench.page.keyboard.press('Control+Home');
    await s.workbench.clickText('{{token}}');
    await s.workbench.runCommand('Token Lens: Inspect Token at Cursor');
    const frame = await inspectorFrame(/\{\{token\}\}/);
    assert.match(await frame.locator('.badge.kind').first().innerText(), /^JWS$/);
    assert.match(await frame.locator('#countdown').first().innerText(), /^expires in \d+ h/);
    assert.match(await frame.locator('#signature-badge').first().innerText(), /unverified/);
    const order = await frame.locator('#root > [id]').evaluateAll((els) => els.map((e) => e.id));
    assert.deepStrictEqual(order, ['summary', 'verdict', 'payload', 'header', 'times', 'signature', 'hints', 'size', 'token']);
    await s.workbench.screenshot('e2e-web-inspector');
  });

  it('CodeLens, Problems, the status bar, the sidebar and Scan Workspace work from the worker too', async () => {
    const page = s.workbench.page;
    await s.workbench.clickText('{{token}}');
    const lenses = await page.locator('.contentWidgets .codelens-decoration').allInnerTexts();
    assert.ok(lenses.some((l) => /JWS · RS256 · expires in \d+ h/.test(l)), `no CodeLens for @token: ${lenses.join(' | ')}`);
    await page.locator('.statusbar-item', { hasText: /JWS expires in \d+ h/ }).first().waitFor({ timeout: 15_000 });
    await s.workbench.runCommand('View: Focus Problems');
    const problems = page.locator('.markers-panel .monaco-list-row');
    await problems.first().waitFor({ timeout: 15_000 });
    const texts = await problems.allInnerTexts();
    assert.ok(texts.some((t) => /expired/i.test(t)), `no expired-token problem: ${texts.join(' | ')}`);
    await s.workbench.openViewContainer('Token Lens');
    await page.waitForFunction(() => [...document.querySelectorAll('.sidebar .monaco-list-row')].some((r) => /@token · line 5/.test((r as HTMLElement).innerText)), null, { timeout: 20_000 });
    // Scan Workspace: workspace.findFiles and workspace.fs from the worker.
    await s.workbench.runCommand('Token Lens: Scan Workspace for Tokens');
    await page.waitForFunction(() => [...document.querySelectorAll('.sidebar .monaco-list-row')].some((r) => /\d+ tokens in [2-9]\d* files/.test((r as HTMLElement).innerText)), null, { timeout: 60_000 });
    await s.workbench.screenshot('e2e-web-sidebar');
  });

  it('checks signatures with Web Crypto: a well-known secret (.env through workspace.fs)', async () => {
    await s.workbench.clickText('{{token}}');
    await s.workbench.page.keyboard.press('Control+End');
    // The editor renders spaces as no-break spaces: point at the part of the reference without one.
    const text = await s.workbench.hover('ADMIN_TOKEN}}', /forgeable/);
    assert.match(text, /forgeable: signed with a well-known secret/);
    await s.workbench.page.keyboard.press('Escape');
  });

  it('verifies with a key added through Add Verification Key (SecretStorage, jose)', async () => {
    const page = s.workbench.page;
    await s.workbench.openFile('verify.http');
    // Point at text only once the CodeLens rows have pushed the lines down.
    await page.locator('.contentWidgets .codelens-decoration', { hasText: 'HS256' }).first().waitFor({ state: 'attached', timeout: 30_000 });
    await page.waitForTimeout(500);
    await again(() => s.workbench.clickText('{{signed}}'));
    const before = await again(() => s.workbench.hover('{{signed}}', /unverified \(no key\)/));
    assert.match(before, /JWS · \{\{signed\}\} · alg HS256/);
    await page.keyboard.press('Escape');
    await again(() => s.workbench.clickText('{{signed}}'));
    await s.workbench.runCommand('Token Lens: Add Verification Key');
    /** Waits for the quick input titled `title`, then types `value` (if any) and presses Enter. */
    const answer = async (title: RegExp, value?: string): Promise<void> => {
      await page.locator('.quick-input-widget:visible .quick-input-title', { hasText: title }).first().waitFor({ timeout: 15_000 });
      if (value !== undefined) await page.locator('.quick-input-widget:visible input:visible').first().fill(value);
      await page.keyboard.press('Enter');
    };
    await answer(/Add Verification Key/); // first choice: paste a secret, PEM, JWK or JWKS
    await answer(/Paste the key/, SECRET);
    await answer(/How is the HMAC secret encoded/); // UTF-8 text
    await answer(/Label for this key/, 'web-worker-key');
    await answer(/Which tokens is this key for/); // bound to the token at the cursor
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Store Key' }).first().click();
    await page.locator('.monaco-dialog-box').waitFor({ state: 'hidden' });
    await s.workbench.page.mouse.move(0, 0);
    const after = await again(() => s.workbench.hover('{{signed}}', /signature verified/));
    assert.match(after, /signature verified/);
    await s.workbench.screenshot('e2e-web-verified');
    await page.keyboard.press('Escape');
  });

  it('Decode Token takes a pasted token through the input box and inspects it', async () => {
    await s.workbench.clickText('GET https://web.example/');
    await s.workbench.runCommand('Token Lens: Decode Token');
    // An input box, or (in a browser) a pick that also offers the clipboard: either asks for a JWT,
    // in its message or its placeholder.
    const input = s.workbench.page.locator('.quick-input-widget:visible input:visible').first();
    await s.workbench.page.waitForFunction(() => [...document.querySelectorAll('.quick-input-widget')].some((w) => {
      const asks = (w as HTMLElement).innerText + ((w.querySelector('input') as HTMLInputElement | null)?.placeholder ?? '');
      return (w as HTMLElement).offsetParent !== null && asks.includes('Paste a JWT');
    }), null, { timeout: 15_000 });
    assert.match(tokens.UNSIGNED_TOKEN ?? '', /^eyJ/);
    await input.fill(`Bearer ${tokens.UNSIGNED_TOKEN}`);
    await s.workbench.page.keyboard.press('Enter');
    const frame = await inspectorFrame(/pasted token/);
    assert.match(await frame.locator('.badge.kind').first().innerText(), /Unsecured JWS/i);
    const findings = await frame.locator('#verdict .finding').allInnerTexts();
    assert.ok(findings.some((f) => /alg/i.test(f) && /none/i.test(f)), `alg none finding missing: ${findings.join(' | ')}`);
    await s.workbench.screenshot('e2e-web-decode');
  });
});
