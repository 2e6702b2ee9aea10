// Issue 13 in the real web workbench, as a person meets it: the demo's token-exchange request
// holds a token whose claims are tokens (id_token, software_statement, an act chain four deep):
// the inspector shows each as a nested card; "Compare with…" in the inspector opens the diff
// editor on it and the subject token and shows the summary beside it. Dark and light, each
// screenshot in .artifacts/ (nested-card, nested-chain, nested-stop, nested-tree, compare-summary,
// compare-diff).
import * as assert from 'assert';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { writeDemoWorkspace } from '../../demo/mint.mjs';
import { openSession, type Session } from './helpers/session';
import { ARTIFACTS } from './helpers/workbench';

const WORKSPACE = path.join(ARTIFACTS, 'e2e-nested-workspace');

/**
 * WCAG contrast of the text of every element matching `selector` in the frame against the
 * background it is drawn on (the nearest ancestor with one). A string, not a function: the test
 * runner's transpiler would add helpers the page lacks.
 */
async function contrasts(frame: Frame, selector: string): Promise<{ text: string; ratio: number }[]> {
  return (await frame.evaluate(`(() => {
    const rgba = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const lum = (x) => 0.2126 * f(x[0] || 0) + 0.7152 * f(x[1] || 0) + 0.0722 * f(x[2] || 0);
    const backOf = (e) => {
      const layers = [];
      for (let n = e; n; n = n.parentElement) {
        const c = rgba(getComputedStyle(n).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3] > 0)) { layers.push(c); if (c.length < 4 || c[3] >= 1) break; }
      }
      let out = layers.length && (layers[layers.length - 1].length < 4 || layers[layers.length - 1][3] >= 1) ? layers.pop().slice(0, 3) : [255, 255, 255];
      while (layers.length) { const l = layers.pop(); const a = l[3]; out = out.map((v, i) => l[i] * a + v * (1 - a)); }
      return out;
    };
    return [...document.querySelectorAll(${JSON.stringify(selector)})].filter((e) => (e.textContent || '').trim() !== '').map((e) => {
      const fore = lum(rgba(getComputedStyle(e).color));
      const back = lum(backOf(e));
      return { text: (e.textContent || '').trim().slice(0, 60), ratio: (Math.max(fore, back) + 0.05) / (Math.min(fore, back) + 0.05) };
    });
  })()`)) as { text: string; ratio: number }[];
}

describe('e2e: nested tokens and the inspector\'s comparison summary (issue 13)', function () {
  this.timeout(240_000);
  let s: Session;

  before(async () => {
    await writeDemoWorkspace(WORKSPACE);
    s = await openSession({ 'workbench.colorTheme': 'Default Dark Modern' }, WORKSPACE);
    await s.workbench.openFile('token-exchange.http');
    await s.workbench.page.locator('.contentWidgets .codelens-decoration').first().waitFor({ state: 'attached', timeout: 30_000 });
    await s.workbench.page.waitForTimeout(500);
  });
  after(async () => {
    await s?.close();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await s?.workbench.screenshot(`e2e-nested-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}`);
  });

  /** The inspector panel's frame once it shows a token whose title matches. */
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

  async function assertReadable(frame: Frame, selector: string, theme: string): Promise<void> {
    const found = await contrasts(frame, selector);
    assert.ok(found.length > 0, `nothing matches ${selector}`);
    for (const { text, ratio } of found) assert.ok(ratio >= 4.5, `${theme}: "${text}" (${selector}) contrast ${ratio.toFixed(2)}:1 (AA needs 4.5:1)`);
    console.log(`      ${theme} ${selector}: lowest contrast ${Math.min(...found.map((x) => x.ratio)).toFixed(1)}:1 over ${found.length}`);
  }

  it('the inspector shows each token nested in a claim as a card labelled with its claim path, dark and light', async () => {
    await s.workbench.clickText('{{delegatedToken}}');
    await s.workbench.runCommand('Token Lens: Inspect Token at Cursor');
    const frame = await inspectorFrame(/\{\{delegatedToken\}\}/);
    const order = await frame.locator('#root > [id]').evaluateAll((els) => els.map((e) => e.id));
    assert.deepStrictEqual(order, ['summary', 'verdict', 'payload', 'nested', 'header', 'times', 'signature', 'hints', 'size', 'token']);
    assert.strictEqual(await frame.locator('#nested-heading').innerText(), 'Nested tokens (5)');
    // Cards inside a closed card are not rendered: read their text, not what is drawn.
    const labels = await frame.locator('.nested-token > summary .nested-label').evaluateAll((els) => els.map((e) => e.textContent));
    assert.deepStrictEqual(labels, [
      'id_token',
      'software_statement',
      'act.actor_token',
      'act.actor_token → act.actor_token',
      'act.actor_token → act.actor_token → act.actor_token',
    ]);
    const id = frame.locator('.nested-token[data-label="id_token"]');
    assert.strictEqual(await id.evaluate((e) => (e as HTMLDetailsElement).open), true, 'depth-1 cards start open');
    assert.match(await id.locator('> summary .nested-status').innerText(), /expires in \d+ min/);
    assert.match(await id.locator('> summary').innerText(), /JWS[\s\S]*ES256/);
    const idClaims = await id.locator('table.claims').first().innerText();
    assert.match(idClaims, /alice@demo\.example/);
    const statement = frame.locator('.nested-token[data-label="software_statement"]');
    assert.match(await statement.locator('.finding').first().innerText(), /TL101/, 'the software statement never expires: its own verdict says so');
    // Collapse the software statement and open the act chain to its end, where the depth-4 token stops.
    await statement.locator('> summary').click();
    for (const label of ['act.actor_token → act.actor_token', 'act.actor_token → act.actor_token → act.actor_token']) {
      await frame.locator(`.nested-token[data-label="${label}"] > summary`).click();
    }
    const notice = frame.locator('.nested-notice');
    assert.match(await notice.innerText(), /A token nested 4 levels deep \(act\.actor_token → act\.actor_token → act\.actor_token → act\.actor_token\) is not decoded: nested tokens are shown to a depth of 3/);

    for (const theme of ['dark', 'light'] as const) {
      if (theme === 'light') await s.workbench.toggleLightDarkTheme();
      await assertReadable(frame, '.nested-label, .nested-size, .nested-token .badge, .nested-notice, .nested-token .claim-value code', theme);
      await frame.locator('#nested').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await s.workbench.screenshot(`nested-card-${theme}`);
      await frame.locator('.nested-token[data-label="act.actor_token"]').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await s.workbench.screenshot(`nested-chain-${theme}`);
      await notice.evaluate((e) => e.scrollIntoView({ block: 'end' }));
      await s.workbench.screenshot(`nested-stop-${theme}`);
    }
    await s.workbench.toggleLightDarkTheme();
  });

  it('the Tokens tree has the nested tokens among the token\'s details', async () => {
    // The tree lists the active editor's tokens: the text editor, not the inspector, has the focus.
    await s.workbench.clickText('@delegatedToken');
    await s.workbench.openViewContainer('Token Lens');
    const row = s.workbench.page.locator('.sidebar .monaco-list-row', { hasText: '@delegatedToken · line 8' }).first();
    await row.waitFor({ timeout: 20_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
    await s.workbench.page.locator('.sidebar .monaco-list-row', { hasText: 'act.actor_token' }).first().waitFor({ timeout: 15_000 });
    const texts = await s.workbench.page.locator('.sidebar .monaco-list-row').allInnerTexts();
    for (const label of ['id_token', 'software_statement', 'act.actor_token']) {
      assert.ok(texts.some((t) => t.startsWith(label) && /JWS · ES256 · (expires in|never expires)/.test(t)), `no nested row ${label}: ${texts.join(' | ')}`);
    }
    // The sidebar's inspector view was drawn again as the container opened: its icons need their font first.
    const sidebar = await s.workbench.webviewFrame('body.layout-sidebar .title');
    await sidebar.evaluate(() => document.fonts.ready.then(() => undefined));
    await s.workbench.page.waitForTimeout(300);
    await s.workbench.screenshot('nested-tree');
    // Back to the explorer: the inspector panel keeps the editor area.
    await s.workbench.openViewContainer('Explorer');
  });

  it('"Compare with…" in the inspector opens the diff editor beside it and shows the summary there, dark and light', async () => {
    const frame = await inspectorFrame(/\{\{delegatedToken\}\}/);
    await frame.evaluate(() => window.scrollTo(0, 0));
    await frame.locator('#summary button', { hasText: 'Compare with…' }).click();
    // The browser host reads the clipboard only when picked: the pick lists this file's tokens.
    const input = s.workbench.page.locator('.quick-input-widget input');
    await input.waitFor();
    await s.workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: '@subjectToken' }).first().waitFor();
    await input.fill('subjectToken');
    await s.workbench.page.keyboard.press('Enter');
    await frame.locator('#comparison').waitFor({ timeout: 20_000 });
    assert.match(await frame.locator('#comparison-heading').innerText(), /^Compared with @subjectToken · line 7$/);
    const headline = (await frame.locator('.comparison-headline').innerText()).trim();
    assert.match(headline, /^alg ES256 → RS256 · kid demo-ec-1 → demo-rsa-1 · exp \+7 h · 3 added, 4 removed, 5 changed$/);
    const lines = await frame.locator('.comparison-lines li').allInnerTexts();
    assert.ok(lines.some((l) => /^alg: ES256 → RS256$/.test(l)), `alg line: ${lines.join(' | ')}`);
    assert.ok(lines.some((l) => /^- payload\.id_token: /.test(l)), 'the id_token claim is only in this token');
    assert.ok(lines.some((l) => /^\+ payload\.email: /.test(l)), 'the subject token has email');
    // The diff editor is in the editor's group; the inspector stays visible in its own.
    const groups = s.workbench.page.locator('.editor-group-container');
    assert.strictEqual(await groups.count(), 2);
    await s.workbench.page.locator('.editor-group-container .tab.active', { hasText: '{{delegatedToken}} ↔ @subjectToken · line 7' }).waitFor();
    await s.workbench.page.locator('.editor-group-container .tab.active', { hasText: 'Token Inspector' }).waitFor();
    await s.workbench.page.locator('.monaco-diff-editor .view-lines', { hasText: '"id_token"' }).first().waitFor();

    for (const theme of ['dark', 'light'] as const) {
      if (theme === 'light') await s.workbench.toggleLightDarkTheme();
      // A hidden inspector page is dropped and rebuilt when shown again (no retained context): the comparison stays.
      const shown = await inspectorFrame(/\{\{delegatedToken\}\}/);
      await shown.locator('#comparison').waitFor({ timeout: 15_000 });
      await assertReadable(shown, '#comparison h2, .comparison-headline, .comparison-lines code, #comparison .muted', theme);
      await s.workbench.screenshot(`compare-summary-${theme}`);
      // The diff editor alone, its group maximised.
      await s.workbench.runCommand('View: Focus First Editor Group');
      await s.workbench.runCommand('View: Toggle Maximize Editor Group');
      await s.workbench.page.waitForTimeout(500);
      await s.workbench.screenshot(`compare-diff-${theme}`);
      await s.workbench.runCommand('View: Toggle Maximize Editor Group');
      await s.workbench.page.waitForTimeout(300);
    }
    await s.workbench.toggleLightDarkTheme();

    // Close takes the summary away.
    const last = await inspectorFrame(/\{\{delegatedToken\}\}/);
    await last.locator('#comparison button', { hasText: 'Close' }).click();
    await last.locator('#comparison').waitFor({ state: 'detached', timeout: 15_000 });
  });
});
