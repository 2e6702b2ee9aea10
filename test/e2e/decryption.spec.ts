// Issue 11 in the real web workbench, as a person meets it: a JWE in an .http file, its
// recipient's private key stored with *Token Lens: Add Decryption Key…* (typed into the hidden
// input box), then the hover and the inspector show it decrypted, its inner JWT a card of its
// own. Screenshots in .artifacts/ (decryption-inspector-{dark,light,hc}, decryption-inner-…,
// decryption-hover-dark); axe-core's WCAG 2.1 A/AA rules find nothing on the decrypted page.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CompactEncrypt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Frame } from 'playwright-core';
import { ROOT } from '../../scripts/lib/host.mjs';
import { openSession, type Session } from './helpers/session';
import { ARTIFACTS } from './helpers/workbench';

const WORKSPACE = path.join(ARTIFACTS, 'e2e-decryption-workspace');
const AXE_SOURCE = fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeRule { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }

describe('e2e: a JWE decrypted with a stored key, its inner JWT in the inspector (issue 11)', function () {
  this.timeout(300_000);
  let s: Session;
  let privateJwk = '';

  before(async () => {
    const recipient = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    privateJwk = JSON.stringify(await exportJWK(recipient.privateKey));
    const issuer = await generateKeyPair('ES256');
    const inner = await new SignJWT({ scope: 'orders:read', email: 'alice@demo.example' })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'demo-ec-1' })
      .setIssuer('https://auth.demo.example').setSubject('alice').setAudience('orders-api')
      .setIssuedAt().setExpirationTime('25 min').sign(issuer.privateKey);
    const jwe = await new CompactEncrypt(new TextEncoder().encode(inner)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: 'demo-rsa-enc' }).encrypt(recipient.publicKey);
    fs.rmSync(WORKSPACE, { recursive: true, force: true });
    fs.mkdirSync(WORKSPACE, { recursive: true });
    fs.writeFileSync(path.join(WORKSPACE, 'encrypted.http'), `### An encrypted access token (JWE, cty: JWT)\nGET https://api.demo.example/orders\nAuthorization: Bearer {{sealedToken}}\n\n@sealedToken = ${jwe}\n`);
    s = await openSession({ 'workbench.colorTheme': 'Default Dark Modern' }, WORKSPACE);
    await s.workbench.openFile('encrypted.http');
    await s.workbench.page.locator('.contentWidgets .codelens-decoration').first().waitFor({ state: 'attached', timeout: 30_000 });
  });
  after(async () => {
    await s?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s?.workbench.screenshot(`e2e-decryption-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}`);
  });

  /** The inspector panel's frame once it shows a token whose title matches and `ready` holds. */
  async function inspectorFrame(title: RegExp, ready = '#decryption'): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of s.workbench.page.frames()) {
        const ok = await frame.evaluate(([src, sel]) => document.body?.classList.contains('layout-panel') && new RegExp(src!).test(document.querySelector('.title')?.textContent ?? '') && document.querySelector(sel!) !== null, [title.source, ready]).catch(() => false);
        if (ok) return frame;
      }
      await s.workbench.page.waitForTimeout(250);
    }
    throw new Error(`no inspector panel showing ${title} with ${ready}`);
  }

  it('Add Decryption Key… stores the key typed into the hidden input box (never shown back)', async () => {
    await s.workbench.runCommand('Token Lens: Add Decryption Key…');
    const input = s.workbench.page.locator('.quick-input-widget input');
    await s.workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Type or paste' }).first().waitFor();
    await s.workbench.page.keyboard.press('Enter');
    await s.workbench.page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.type === 'password');
    assert.strictEqual(await input.getAttribute('type'), 'password', 'the key is hidden as it is typed');
    await input.fill(privateJwk);
    await s.workbench.page.keyboard.press('Enter');
    // The label (its suggestion: the key's description), then the confirmation's first item.
    await s.workbench.page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === 'RSA private key (2048 bit)');
    await input.fill('demo recipient (RSA)');
    await s.workbench.page.keyboard.press('Enter');
    await s.workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Store the decryption key "demo recipient (RSA)"' }).first().waitFor();
    const detail = await s.workbench.page.locator('.quick-input-list .monaco-list-row').first().innerText();
    assert.match(detail, /decrypts RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384 and 1 more/);
    assert.ok(!detail.includes(JSON.parse(privateJwk).d.slice(0, 16)), 'no key material in the confirmation');
    await s.workbench.page.keyboard.press('Enter');
    // Stored: the prompts close (the next test decrypts with it; its notice may be folded into the bell).
    await s.workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
  });

  it('the hover shows the JWE decrypted with the key, and its inner JWT\'s claims', async () => {
    const text = await s.workbench.hover('{{sealedToken}}', /Inner token/);
    assert.match(text, /Decrypted with key “demo recipient \(RSA\)” — RSA-OAEP-256 · A256GCM/);
    assert.match(text, /Inner token · payload \(cty: JWT\) · JWS · alg ES256/);
    assert.match(text, /sub alice/);
    await s.workbench.page.waitForTimeout(300);
    await s.workbench.screenshot('decryption-hover-dark');
    await s.workbench.page.mouse.move(5, 5);
  });

  it('the inspector shows the JWE decrypted and its inner JWT as a card with its own header, claims, times and findings — dark, light and high contrast, 0 axe violations', async () => {
    await s.workbench.clickText('{{sealedToken}}');
    await s.workbench.runCommand('Token Lens: Inspect Token at Cursor');
    const frame = await inspectorFrame(/\{\{sealedToken\}\}/, '.nested-token');
    assert.strictEqual(await frame.locator('#decryption-heading').innerText(), 'Decrypted with key “demo recipient (RSA)”');
    assert.match(await frame.locator('#summary .badge.decrypted').innerText(), /decrypted/);
    const order = await frame.locator('#root > [id]').evaluateAll((els) => els.map((e) => e.id));
    assert.deepStrictEqual(order.slice(0, 5), ['summary', 'verdict', 'decryption', 'payload', 'nested']);
    const card = frame.locator('.nested-token[data-label="payload (cty: JWT)"]');
    assert.match(await card.locator('> summary').innerText(), /JWS[\s\S]*ES256[\s\S]*expires in 2\d min/);
    assert.match(await card.locator('table.claims').first().innerText(), /alice@demo\.example/);
    const violations: string[] = [];
    for (const [theme, file] of [['Dark Modern', 'dark'], ['Light Modern', 'light'], ['Dark High Contrast', 'hc']] as const) {
      await s.workbench.selectColorTheme(theme);
      const shown = await inspectorFrame(/\{\{sealedToken\}\}/, '.nested-token');
      await shown.evaluate(() => document.fonts.ready.then(() => undefined));
      await shown.evaluate(() => window.scrollTo(0, 0));
      await s.workbench.page.waitForTimeout(400);
      await s.workbench.screenshot(`decryption-inspector-${file}`);
      await shown.locator('#nested').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await s.workbench.page.waitForTimeout(300);
      await s.workbench.screenshot(`decryption-inner-${file}`);
      await shown.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
      if ((await shown.evaluate('typeof window.axe')) !== 'object') await shown.evaluate(AXE_SOURCE);
      const result = (await shown.evaluate(`window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] }).then((r) => JSON.parse(JSON.stringify(r.violations)))`)) as AxeRule[];
      violations.push(...result.map((v) => `${theme}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join('; ')}`));
    }
    assert.deepStrictEqual(violations, [], violations.join('\n'));
    await s.workbench.selectColorTheme('Dark Modern');
  });
});
