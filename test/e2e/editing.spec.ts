// Edit Token (issue 11) as a person meets it in the real web workbench: Generate Key Pair
// through its prompts, the hover's "Edit" link, the JSON editor (schema hover from the core
// registry, date hints), Ctrl+S → the finish pick → the key, the signed token back in the
// .http file and verified in the hover; dark and light screenshots in .artifacts/.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { base64url } from 'jose';
import type { Page } from 'playwright-core';
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
});
