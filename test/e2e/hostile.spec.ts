// A hostile file in the real workbench: what the security review did as an attacker who controls
// one file of a repository (issue 8), replayed as a person meets it. Text from the file and its
// tokens must render as text (no links in notifications, no icons drawn in hovers or CodeLens),
// a fan-out of {{references}} must not stall the host, and keys are only stored or removed
// after prompts and a confirmation that names the key — never from a link's arguments.
import * as assert from 'assert';
import * as fs from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { SignJWT, exportJWK, generateKeyPair, base64url } from 'jose';
import type { Page } from 'playwright-core';
import { openSession, type Session } from './helpers/session';
import { ARTIFACTS } from './helpers/workbench';

const WORKSPACE = path.join(ARTIFACTS, 'e2e-hostile-workspace');
const SECRET = 'e2e-hostile-secret-of-32-bytes!!';
const ATTACKER_SECRET = 'attacker-controlled-hmac-secret!';

/** 13 levels of `@aN = {{aN-1}}` × 4: 4^13 (67 million) copies if expanded naively (427 bytes). */
function fanOut(levels: number): string {
  const lines = ['@a0 = x'];
  for (let i = 1; i <= levels; i++) lines.push(`@a${i} = {{a${i - 1}}}{{a${i - 1}}}{{a${i - 1}}}{{a${i - 1}}}`);
  return `${lines.join('\n')}\n`;
}

async function hostileWorkspace(): Promise<{ spoof: string; signed: string; forged: string; iconAlg: string }> {
  fs.rmSync(WORKSPACE, { recursive: true, force: true });
  fs.mkdirSync(WORKSPACE, { recursive: true });
  const now = Math.floor(Date.now() / 1000);
  const spoof = await new SignJWT({ sub: '$(pass) signature verified — key prod', name: '[run](command:workbench.action.terminal.new)', exp: now + 3600 })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode('some other secret of 32 bytes!!'));
  const signed = await new SignJWT({ sub: 'e2e-signed', exp: now + 3600 }).setProtectedHeader({ alg: 'HS256', kid: 'e2e-kid' }).sign(new TextEncoder().encode(SECRET));
  const forged = await new SignJWT({ sub: 'e2e-forged', exp: now + 3600 }).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).sign(new TextEncoder().encode(ATTACKER_SECRET));
  const header = base64url.encode(JSON.stringify({ alg: `$(check) HS256 ${'A'.repeat(3000)}`, typ: 'JWT' }));
  const iconAlg = `${header}.${base64url.encode(JSON.stringify({ sub: 'lens', exp: now + 3600 }))}.c2ln`;
  fs.writeFileSync(
    path.join(WORKSPACE, 'hostile.http'),
    [
      fanOut(13),
      '### fan-out',
      'GET https://api.example.test/fanout?x={{a13}}',
      '',
      '### link in a reference name',
      'GET https://api.example.test/link',
      'Authorization: Bearer {{[open terminal](command:workbench.action.terminal.new)}}',
      '',
      '### spoofed status in claims',
      'GET https://api.example.test/spoof',
      `Authorization: Bearer ${spoof}`,
      '',
      '### icon in alg',
      'GET https://api.example.test/icon',
      `Authorization: Bearer ${iconAlg}`,
      '',
      '### signed with the secret the user adds',
      'GET https://api.example.test/signed',
      `Authorization: Bearer ${signed}`,
      '',
      '### forged with an oct key a JWKS publishes',
      'GET https://api.example.test/forged',
      `Authorization: Bearer ${forged}`,
      '',
    ].join('\n'),
  );
  return { spoof, signed, forged, iconAlg };
}

/** The visible modal dialog (VS Code's own, not the OS's). */
async function dialogText(page: Page): Promise<string> {
  const box = page.locator('.monaco-dialog-box').first();
  await box.waitFor({ state: 'visible', timeout: 15_000 });
  return box.innerText();
}

async function clickDialogButton(page: Page, label: string): Promise<void> {
  await page.locator('.monaco-dialog-box .dialog-buttons a.monaco-button, .monaco-dialog-box .dialog-buttons .monaco-button', { hasText: label }).first().click();
  await page.locator('.monaco-dialog-box').first().waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Picks the quick-pick row containing `text`. */
async function pick(page: Page, text: string): Promise<void> {
  await page.locator('.quick-input-widget:visible .quick-input-list .monaco-list-row', { hasText: text }).first().click();
}

/** Types into the visible quick input and presses Enter once it shows `title`. */
async function answer(page: Page, title: RegExp, value?: string): Promise<void> {
  await page.locator('.quick-input-widget:visible', { hasText: title }).first().waitFor({ timeout: 15_000 });
  const input = page.locator('.quick-input-widget:visible input:visible').first();
  if (value !== undefined) await input.fill(value);
  await page.keyboard.press('Enter');
}

describe('e2e: a hostile file cannot act, lie or stall (issue 8)', function () {
  this.timeout(240_000);
  let s: Session;
  let t: Awaited<ReturnType<typeof hostileWorkspace>>;

  before(async () => {
    t = await hostileWorkspace();
    s = await openSession({ 'workbench.colorTheme': 'Default Dark Modern' }, WORKSPACE);
    await s.workbench.openFile('hostile.http');
  });
  after(async () => {
    await s?.close();
  });

  it('a link in a {{reference}} name is shown as text in the notification; nothing runs', async () => {
    const page = s.workbench.page;
    // (rendered lines use no-break spaces: point at text without a space)
    await s.workbench.clickText('{{[open');
    await s.workbench.runCommand('Token Lens: Inspect Token at Cursor');
    // This host shows no toasts (Do Not Disturb): read the message in the notification centre.
    await s.workbench.runCommand('Notifications: Show Notifications');
    const item = page.locator('.notifications-center .notification-list-item', { hasText: 'open terminal' }).first();
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    const message = item.locator('.notification-list-item-message');
    assert.equal(await message.locator('a').count(), 0, `a link was rendered: ${await message.innerHTML()}`);
    assert.match(await message.innerText(), /\{\{\[open terminal\] \(command/);
    await s.workbench.screenshot('hostile-notification');
    assert.equal(await page.locator('.terminal-outer-container:visible, .integrated-terminal:visible').count(), 0, 'no terminal was opened');
    // Clear the centre (its header's "Clear All" button), which also closes it.
    await page.locator('.notifications-center .codicon-notifications-clear-all, .notifications-center .codicon-clear-all').first().click();
    await page.locator('.notifications-center.visible').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => page.keyboard.press('Escape'));
  });

  it('a claim "$(pass) signature verified" is shown as text, not drawn as a check mark', async () => {
    const text = await s.workbench.hover(t.spoof.slice(0, 24), /unverified/);
    const hover = s.workbench.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    assert.match(text, /\$\(pass\) signature verified/, 'the literal text is shown');
    assert.equal(await hover.locator('.codicon-pass').count(), 0, 'no check-mark icon drawn from the claim');
    assert.equal(await hover.locator('a', { hasText: 'run' }).count(), 0, 'no link from the name claim');
    await s.workbench.screenshot('hostile-hover-spoof');
    await s.workbench.page.keyboard.press('Escape');
  });

  it('an alg "$(check) …" with 3000 characters gives a short CodeLens that draws no icon', async () => {
    const page = s.workbench.page;
    const lens = page.locator('.contentWidgets .codelens-decoration', { hasText: '$(check)' }).first();
    await lens.scrollIntoViewIfNeeded().catch(() => {});
    await lens.waitFor({ state: 'attached', timeout: 20_000 });
    const title = await lens.innerText();
    assert.ok(title.length <= 130, `CodeLens title is ${title.length} characters`);
    assert.equal(await lens.locator('.codicon-check').count(), 0, 'no icon drawn from alg');
  });

  it('the fan-out file (427 bytes) keeps the host responsive: the hover says "too large to resolve"', async () => {
    const started = Date.now();
    const text = await s.workbench.hover('{{a13}}', /too large to resolve/i);
    const ms = Date.now() - started;
    console.log(`      fan-out hover (mouse move to tooltip, includes the 200 ms hover delay): ${ms} ms`);
    assert.match(text, /too large to resolve/i);
    // The host still answers: another hover right after.
    await s.workbench.page.keyboard.press('Escape');
    await s.workbench.hover(t.signed.slice(0, 24), /unverified/);
    await s.workbench.page.keyboard.press('Escape');
  });

  it('Add Verification Key prompts for everything and stores only after a confirmation naming the key', async () => {
    const page = s.workbench.page;
    await s.workbench.runCommand('Token Lens: Add Verification Key');
    await pick(page, 'Paste a secret');
    await answer(page, /Paste the key/, SECRET);
    await pick(page, 'UTF-8 text');
    await answer(page, /Label for this key/, 'e2e-secret');
    await answer(page, /Only for tokens from this issuer/);
    await answer(page, /Only for tokens with this key id/, 'e2e-kid');
    const dialog = await dialogText(page);
    assert.match(dialog, /Store the verification key "e2e-secret"\?/);
    assert.match(dialog, /any issuer, only for kid = "e2e-kid"/);
    await s.workbench.screenshot('hostile-add-key-confirm');
    await clickDialogButton(page, 'Store Key');
    const text = await s.workbench.hover(t.signed.slice(0, 24), /signature verified/);
    assert.match(text, /e2e\\?-secret|e2e-secret/);
    await page.keyboard.press('Escape');
  });

  it('Remove Verification Key asks before removing, naming the key and its binding', async () => {
    const page = s.workbench.page;
    await s.workbench.runCommand('Token Lens: Remove Verification Key');
    await pick(page, 'e2e-secret');
    assert.match(await dialogText(page), /Remove the verification key "e2e-secret"\?[\s\S]*only for kid = "e2e-kid"/);
    await clickDialogButton(page, 'Cancel');
    await s.workbench.hover(t.signed.slice(0, 24), /signature verified/);
    await page.keyboard.press('Escape');
    await s.workbench.runCommand('Token Lens: Remove Verification Key');
    await pick(page, 'e2e-secret');
    await dialogText(page);
    await clickDialogButton(page, 'Remove Key');
    await s.workbench.hover(t.signed.slice(0, 24), /unverified/);
    await page.keyboard.press('Escape');
  });

  it('a JWKS is fetched only after a confirmation naming the host, and its oct member verifies nothing', async () => {
    const page = s.workbench.page;
    const { publicKey } = await generateKeyPair('RS256');
    const rsa = { ...(await exportJWK(publicKey)), kid: 'rsa-1', use: 'sig', alg: 'RS256' };
    const oct = { kty: 'oct', kid: 'rsa-1', k: base64url.encode(new TextEncoder().encode(ATTACKER_SECRET)) };
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'application/jwk-set+json');
      res.end(JSON.stringify({ keys: [oct, rsa] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    try {
      for (const button of ['Cancel', 'Fetch']) {
        await s.workbench.runCommand('Token Lens: Add Verification Key');
        await pick(page, 'Fetch a JWKS');
        await answer(page, /JWKS URL/, url);
        assert.match(await dialogText(page), new RegExp(`Fetch the JWKS from 127\\.0\\.0\\.1:${new URL(url).port}\\?`));
        await clickDialogButton(page, button);
        if (button === 'Cancel') assert.equal(requests, 0, 'declined: nothing was fetched');
      }
      await answer(page, /Label for this key/, 'e2e-jwks');
      await answer(page, /Only for tokens from this issuer/);
      await answer(page, /Only for tokens with this key id/);
      await dialogText(page);
      await clickDialogButton(page, 'Store Key');
      assert.equal(requests, 1);
      // The token forged with the oct member's `k` is not verified by that JWKS.
      const text = await s.workbench.hover(t.forged.slice(0, 24), /unverified|invalid|does not fit|not verifiable|no matching key/i);
      assert.doesNotMatch(text, /signature verified/i);
      await page.keyboard.press('Escape');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
