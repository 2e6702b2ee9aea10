// A German hover and inspector as a person sees them (issue 15): the workbench started with
// --locale de, the demo workspace's {{token}} hovered, then inspected through the hover's link.
// Screenshots land in .artifacts/ (hover-de.png, inspector-de-dark.png, inspector-de-light.png).
import * as assert from 'assert';
import * as path from 'path';
import type { Frame } from 'playwright-core';
import { writeDemoWorkspace } from '../../demo/mint.mjs';
import { openSession, type Session } from './helpers/session';
import { ARTIFACTS } from './helpers/workbench';

const WORKSPACE = path.join(ARTIFACTS, 'e2e-workspace-de');

describe('e2e: a German hover (--locale de)', function () {
  this.timeout(180_000);
  let s: Session;

  before(async () => {
    await writeDemoWorkspace(WORKSPACE);
    s = await openSession({ 'workbench.colorTheme': 'Default Dark Modern' }, WORKSPACE, 'de');
    await s.workbench.openFile('api.http');
    await s.workbench.page.locator('.contentWidgets .codelens-decoration').first().waitFor({ state: 'attached', timeout: 30_000 });
    await s.workbench.page.waitForTimeout(500);
  });
  after(async () => {
    await s?.close();
  });

  it('hovering a {{token}} reference shows the summary in German', async () => {
    const text = await s.workbench.hover('{{token}}', /Untersuchen/);
    assert.match(text, /läuft in \d+ Std\. ab/);
    assert.match(text, /Untersuchen ·\s+Payload kopieren/);
    assert.match(text, /nicht geprüft \(kein Schlüssel\)/);
    assert.doesNotMatch(text, /expires in/);
    await s.workbench.screenshot('hover-de');
  });

  /** The inspector panel's frame once it shows `title`. */
  async function inspectorFrame(title: RegExp): Promise<Frame> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      for (const frame of s.workbench.page.frames()) {
        const text = await frame.evaluate(() => (document.body?.classList.contains('layout-panel') ? (document.querySelector('.title')?.textContent ?? '') : undefined)).catch(() => undefined);
        if (text !== undefined && title.test(text)) return frame;
      }
      await s.workbench.page.waitForTimeout(250);
    }
    throw new Error(`no inspector showing ${title}`);
  }

  /**
   * Labels that do not fit: a button or heading whose text is cut (wider than its box) or
   * overlaps a neighbour in the same row of controls. German words are longer than English ones.
   */
  async function clippedOrOverlapping(frame: Frame): Promise<string[]> {
    // A string, not a function: the test runner's transpiler would add helpers the page lacks.
    return (await frame.evaluate(`(() => {
      const out = [];
      const boxes = [...document.querySelectorAll('button, h1, h2, h3, label, .badge, summary')].filter((e) => e.getClientRects().length > 0 && !e.closest('[hidden], details:not([open]) > :not(summary)'));
      for (const e of boxes) {
        for (const part of [e, ...e.querySelectorAll('.action-label')]) {
          if (part.scrollWidth > part.clientWidth + 1 && getComputedStyle(part).overflow !== 'visible') out.push('cut: ' + part.textContent.trim());
        }
      }
      const buttons = boxes.filter((e) => e.tagName === 'BUTTON').map((e) => [e, e.getBoundingClientRect()]);
      for (let i = 0; i < buttons.length; i++) for (let j = i + 1; j < buttons.length; j++) {
        const [a, r] = buttons[i];
        const [b, q] = buttons[j];
        if (r.left < q.right - 1 && q.left < r.right - 1 && r.top < q.bottom - 1 && q.top < r.bottom - 1) out.push('overlap: ' + a.textContent.trim() + ' / ' + b.textContent.trim());
      }
      return out;
    })()`)) as string[];
  }

  it('the hover\'s "Untersuchen" opens the inspector in German: lang, section titles, buttons, countdown and numbers', async () => {
    await s.workbench.hover('{{token}}', /Untersuchen/);
    await s.workbench.page.locator('.monaco-hover:not(.hidden) a', { hasText: 'Untersuchen' }).first().click();
    const frame = await inspectorFrame(/\{\{token\}\}/);
    const read = (selector: string): Promise<string> => frame.locator(selector).first().innerText();
    assert.strictEqual(await frame.evaluate(() => document.documentElement.lang), 'de');
    assert.strictEqual(await frame.evaluate(() => document.title), 'Token-Inspektor');
    const headings = await frame.locator('h2').allInnerTexts();
    for (const h of ['Bewertung', 'Payload-Claims', 'Header', 'Zeiten', 'Signatur und Prüfaufwand', 'Widerrufsrisiken', 'Größe', 'Rohes Token']) {
      assert.ok(headings.includes(h), `heading ${h} missing: ${headings.join(' | ')}`);
    }
    assert.deepStrictEqual(await frame.locator('#payload .card-tools button .action-label').allInnerTexts(), ['Tabelle', 'Formatiertes JSON', 'Exaktes JSON', 'JSON kopieren', 'Als Tabelle kopieren']);
    assert.deepStrictEqual((await frame.locator('#summary .actions button .action-label').allInnerTexts()).slice(0, 3), ['Token kopieren', 'Anzeigen', 'Vergleichen mit…']);
    assert.strictEqual(await frame.locator('#header .card-tools button', { hasText: 'JSON kopieren' }).getAttribute('aria-label'), 'JSON kopieren (Header)');
    assert.strictEqual(await frame.locator('#payload .view-switch').getAttribute('aria-label'), 'Payload-Ansicht');
    assert.strictEqual(await frame.locator('#summary .actions button', { hasText: 'Anzeigen' }).getAttribute('title'), 'Token im Editor anzeigen');
    assert.match(await read('#countdown'), /läuft in \d+ Std\. ab/);
    // The polite live region says it in German words too (minutes, written out).
    assert.match(await frame.evaluate(() => document.getElementById('announcer')?.textContent ?? ''), /^Läuft ab: noch \d+ Stunden?( \d+ Minuten?)?$/);
    assert.match(await read('label[for="valid-at-input"]'), /^Gültig am$/);
    assert.match(await read('#size .size-total'), /^\d+ Byte · das \d+,\d-Fache einer 32-Byte-Sitzungs-ID · [\d,]+ MB pro Million Anfragen$/);
    assert.match(await read('#times .muted'), /Tolerierte Uhrabweichung: \d+ s\./);
    assert.match(await read('#times table.claims thead'), /Name\s+Wert/);
    // Claim rows: the registry's labels and explanations in German, the source a citation.
    assert.match(await read('#payload tr:has(code:text-is("iss")) .claim-title'), /^Aussteller$/);
    assert.match(await read('#payload tr:has(code:text-is("iss")) .claim-desc'), /^Wer das Token ausgestellt hat\. \(RFC 7519 §4\.1\.1\)$/);
    // Claim times beside their dates: Intl relative times in German.
    const relatives = await frame.locator('#times .claim-time .rel').allInnerTexts();
    assert.ok(relatives.length > 0 && relatives.every((r) => /^(in|vor) \d+/.test(r)), `relative times: ${relatives.join(' | ')}`);
    const text = await frame.locator('#root').innerText();
    for (const english of ['Payload claims', 'Revocation risks', 'Copy JSON', 'Compare with', 'expires in', 'Clock skew', 'per million requests', 'Lifetime', 'Valid at', 'Who minted', 'Issuer']) {
      assert.ok(!text.includes(english), `still English in the inspector: ${english}`);
    }
    assert.deepStrictEqual(await clippedOrOverlapping(frame), []);
    // The hover that opened it is closed (it would cover the inspector in the picture).
    await s.workbench.page.keyboard.press('Escape');
    await s.workbench.page.mouse.move(700, 880);
    await s.workbench.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'detached', timeout: 5000 }).catch(() => undefined);
    await s.workbench.screenshot('inspector-de-dark');
    // Lower down: the cost note, the hint groups under the article's reasons, the size card.
    assert.match(await read('#signature'), /RSA-PKCS#1-v1\.5-Prüfung: einige zehn µs pro Anfrage/);
    const reasons = await frame.locator('#hints h3').allInnerTexts();
    assert.ok(reasons.length > 0 && reasons.every((h) => /^Grund \d · (Widerruf ist ein Albtraum|Sicherheitsrisiken langlebiger Tokens|JWTs sind groß und ineffizient|Keine eingebaute Sitzungsverwaltung|Signaturprüfung kostet Zeit)$/.test(h)), `reason headings: ${reasons.join(' | ')}`);
    await frame.locator('#signature').evaluate((e) => e.scrollIntoView());
    await s.workbench.screenshot('inspector-de-dark-lower');
  });

  it('the German inspector in a light theme: no label cut or overlapping', async () => {
    await s.workbench.toggleLightDarkTheme();
    const frame = await inspectorFrame(/\{\{token\}\}/);
    const background = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    assert.ok((r ?? 0) + (g ?? 0) + (b ?? 0) > 600, `light theme background expected, got ${background}`);
    assert.deepStrictEqual(await clippedOrOverlapping(frame), []);
    await s.workbench.screenshot('inspector-de-light');
    await s.workbench.toggleLightDarkTheme();
  });
});
