// Edit Token (issue 11) as a person meets it in the real web workbench: Generate Key Pair
// through its prompts, the hover's "Edit" link, the JSON editor (schema hover from the core
// registry, date hints), Ctrl+S → the finish pick → the key, the signed token back in the
// .http file and verified in the hover; the inspector's Edit… button and quick edits (exp +1 h
// through the finish pick, Remove exp by keyboard); dark, light and high-contrast screenshots in
// .artifacts/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { base64url } from 'jose';
import type { Frame, Page } from 'playwright-core';
import { openSession, type Session } from './helpers/session';
import { ARTIFACTS } from './helpers/workbench';

const WORKSPACE = path.join(ARTIFACTS, 'e2e-editing-workspace');

function editingWorkspace(): string {
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
  fs.mkdirSync(WORKSPACE, { recursive: true });
  const now = Math.floor(Date.now() / 1000);
  const encode = (v: unknown): string => base64url.encode(JSON.stringify(v));
  const token = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: 'alice', scope: 'orders:read', iat: now - 600, exp: now + 7200 })}.${base64url.encode('not-a-real-signature')}`;
  fs.writeFileSync(path.join(WORKSPACE, 'api.http'), ['### orders', 'GET https://api.example.test/orders', `Authorization: Bearer ${token}`, ''].join('\n'));
  return token;
}

async function pick(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

async function answer(page: Page, title: RegExp, value?: string): Promise<void> {
  await page.locator('.quick-input-widget:visible', { hasText: title }).first().waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget:visible input:visible').first();
  if (value !== undefined) await input.fill(value);
  await page.keyboard.press('Enter');
}

describe('e2e: Edit Token, sign with a generated key (issue 11)', function () {
  this.timeout(240_000);
  let s: Session;
  let token: string;

  before(async () => {
    token = editingWorkspace();
    s = await openSession({ 'workbench.colorTheme': 'Default Dark Modern', 'tokenLens.timeDisplay': 'utc' }, WORKSPACE);
    await s.workbench.openFile('api.http');
    await s.workbench.page.locator('.contentWidgets .codelens-decoration').first().waitFor({ state: 'attached', timeout: 30_000 });
    await s.workbench.page.waitForTimeout(500);
  });
  after(async () => {
    await s?.close();
  });

  it('Generate Key Pair asks the type and a label, and offers the public key file', async () => {
    const page = s.workbench.page;
    await s.workbench.runCommand('Token Lens: Generate Key Pair');
    await pick(page, 'EC P-256');
    await answer(page, /Label for the new signing key/, 'e2e-signing');
    await page.locator('.quick-input-widget:visible', { hasText: /Write the public key/ }).first().waitFor({ timeout: 30_000 });
    await s.workbench.screenshot('generate-key-pair-dark');
    await pick(page, 'Do not write a file');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  });

  it('the hover\'s Edit link opens header and payload as JSON, with schema docs and date hints', async () => {
    const page = s.workbench.page;
    await s.workbench.hover(token.slice(0, 24), /Edit/);
    await page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Edit' }).first().click();
    await page.locator('.tabs-container .tab.active[aria-label*="tokenlens.json"]').waitFor({ timeout: 15_000 });
    const text = await s.workbench.editorText();
    assert.match(text, /"header"/);
    assert.match(text, /"sub":\s"alice"/);
    // The date hint after exp (tokenLens.timeDisplay utc): an instant and "in 2 h".
    await page.locator('.view-lines', { hasText: /UTC\s·\sin\s(1\sh\s\d+\smin|2\sh)/ }).first().waitFor({ timeout: 15_000 });
    // Hover docs on "exp" come from the core registry through the contributed schema.
    const hover = await s.workbench.hover('"exp"', /Expiration time/);
    assert.match(hover, /RFC 7519 §4\.1\.4/);
    await s.workbench.screenshot('edit-token-dark');
    await page.keyboard.press('Escape');
  });

  it('Ctrl+S asks how to finish; signing with the key puts the new token into api.http, verified', async () => {
    const page = s.workbench.page;
    await s.workbench.clickText('alice');
    await page.keyboard.press('Control+D');
    await page.keyboard.type('bob');
    await page.keyboard.press('Control+S');
    await page.locator('.quick-input-widget:visible', { hasText: /finish the edited token/ }).first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').allInnerTexts();
    assert.match(rows.join('\n'), /Sign with "e2e-signing"[\s\S]*Leave unsigned \(alg: none\)[\s\S]*Keep the old signature/);
    await s.workbench.screenshot('edit-token-finish-dark');
    await pick(page, 'Sign with "e2e-signing"');
    // The edit document now shows the header the key signed.
    await page.locator('.view-lines', { hasText: /"alg":\s"ES256"/ }).first().waitFor({ timeout: 15_000 });
    await page.locator('.tabs-container .tab', { hasText: 'api.http' }).first().click();
    const httpText = await s.workbench.editorText();
    assert.ok(!httpText.includes(token.slice(0, 60)), 'the old token was replaced');
    // The new token's header starts {"alg":"ES256", …
    const hover = await s.workbench.hover('eyJhbGciOiJFUzI1Ni', /signature verified/);
    assert.match(hover, /alg ES256/);
    assert.match(hover, /e2e\\?-signing|e2e-signing/);
    await s.workbench.screenshot('edit-token-signed-dark');
    await page.keyboard.press('Escape');
  });

  it('the same edit document in a light theme', async () => {
    const page = s.workbench.page;
    await s.workbench.toggleLightDarkTheme();
    await page.locator('.tabs-container .tab[aria-label*="tokenlens.json"]').first().click();
    await page.locator('.view-lines', { hasText: /"sub":\s"bob"/ }).first().waitFor({ timeout: 15_000 });
    // The editor redraws its lines once more after the theme change: point at them after that.
    await page.waitForTimeout(1500);
    await s.workbench.screenshot('edit-token-light');
    const hover = await s.workbench.hover('"iat"', /Issued at/);
    assert.match(hover, /RFC 7519 §4\.1\.6/);
    await s.workbench.screenshot('edit-token-hover-light');
  });

  /** The inspector panel's frame once it shows a token whose title matches. */
  async function inspectorFrame(title: RegExp): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of s.workbench.page.frames()) {
        const text = await frame.evaluate(`document.body && document.body.classList.contains('layout-panel') ? (document.querySelector('.title')?.textContent ?? '') : undefined`).catch(() => undefined);
        if (typeof text === 'string' && title.test(text)) return frame;
      }
      await s.workbench.page.waitForTimeout(250);
    }
    throw new Error(`no inspector panel showing ${title}`);
  }

  /** The quick edits in view, then the whole window and the Times card as screenshots. */
  async function shootQuickEdits(frame: Frame, name: string): Promise<void> {
    await frame.locator('#times').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await s.workbench.page.waitForTimeout(400);
    await s.workbench.screenshot(name);
    await frame.locator('#times').screenshot({ path: path.join(ARTIFACTS, `${name}-zoom.png`) });
  }

  it('the inspector shows Edit… and the quick edits; "exp +1 h" asks how to finish, signs with the key and replaces the token in api.http', async () => {
    const page = s.workbench.page;
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab', { hasText: 'api.http' }).first().click();
    await s.workbench.clickText('eyJhbGciOiJFUzI1Ni');
    await s.workbench.runCommand('Token Lens: Inspect Token at Cursor');
    const frame = await inspectorFrame(/Authorization/);
    await frame.locator('#times .quick-edits').waitFor({ timeout: 15_000 });
    const labels = await frame.locator('#times .quick-edit-buttons button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepStrictEqual(labels, [
      'exp +15 min: Set exp to 15 minutes from now',
      'exp +1 h: Set exp to 1 hour from now',
      'exp now: Set exp to now: the token expires now',
      'Remove exp: the token no longer expires',
      'iat now: Set iat to now',
    ]);
    assert.strictEqual(await frame.locator('#summary button', { hasText: 'Edit…' }).count(), 1);
    assert.strictEqual(await frame.locator('.quick-edit-buttons').getAttribute('role'), 'group');
    const before = await frame.locator('#countdown').innerText();
    assert.match(before, /expires in (1 h|2 h)/, before);
    await shootQuickEdits(frame, 'inspector-quick-edits-light');

    await frame.locator('#times button', { hasText: 'exp +1 h' }).click();
    await page.locator('.quick-input-widget:visible', { hasText: /finish the edited token/ }).first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row').allInnerTexts();
    assert.match(rows.join('\n'), /Sign with "e2e-signing"[\s\S]*Leave unsigned \(alg: none\)[\s\S]*Keep the old signature/);
    await s.workbench.screenshot('inspector-quick-edit-finish-light');
    await pick(page, 'Sign with "e2e-signing"');
    // The inspector shows the new token: an hour left, still verified with the key.
    await frame.locator('#countdown', { hasText: /expires in (59 min|1 h 0 min)/ }).waitFor({ timeout: 20_000 });
    await frame.locator('#signature-badge', { hasText: 'signature verified' }).waitFor({ timeout: 20_000 });
    await shootQuickEdits(frame, 'inspector-quick-edit-done-light');
  });

  it('the quick edits in dark and high-contrast themes; Enter on "Remove exp" works them by keyboard without asking again', async () => {
    const page = s.workbench.page;
    await s.workbench.toggleLightDarkTheme();
    let frame = await inspectorFrame(/Authorization/);
    await frame.locator('body.vscode-dark').waitFor({ timeout: 15_000 });
    await shootQuickEdits(frame, 'inspector-quick-edits-dark');
    await s.workbench.selectColorTheme('Dark High Contrast');
    frame = await inspectorFrame(/Authorization/);
    await frame.locator('body.vscode-high-contrast').waitFor({ timeout: 15_000 });
    await frame.locator('#times button', { hasText: 'Remove exp' }).focus();
    await shootQuickEdits(frame, 'inspector-quick-edits-hc-dark');
    await page.keyboard.press('Enter');
    // The finish chosen for this token's quick edits is remembered: no pick, the token changes at once.
    await frame.locator('#countdown', { hasText: /never expires/ }).waitFor({ timeout: 20_000 });
    assert.strictEqual(await page.locator('.quick-input-widget:visible').count(), 0, 'no second finish pick');
    await s.workbench.selectColorTheme('Light High Contrast');
    frame = await inspectorFrame(/Authorization/);
    await frame.locator('body.vscode-high-contrast-light').waitFor({ timeout: 15_000 });
    await shootQuickEdits(frame, 'inspector-quick-edits-hc-light');
  });

  it('Edit… opens the shown token in the JSON edit tab', async () => {
    const page = s.workbench.page;
    const frame = await inspectorFrame(/Authorization/);
    await frame.locator('#summary button', { hasText: 'Edit…' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active[aria-label*="tokenlens.json"]').waitFor({ timeout: 15_000 });
    const text = await s.workbench.editorText();
    assert.match(text, /"alg":\s"ES256"/);
    assert.doesNotMatch(text, /"exp"/, 'the token the inspector shows: exp removed');
    await s.workbench.screenshot('inspector-edit-tab-hc-light');
  });
});
