// Drives the real VS Code web UI (code-server) the way a person would: quick open, hover,
// command palette, view containers, webviews (nested iframes), themes, screenshots.
import * as fs from 'fs';
import * as path from 'path';
import type { Frame, Page } from 'playwright-core';
import { ROOT } from '../../../scripts/lib/host.mjs';

/** Screenshots land here (git-ignored); the lead copies chosen ones to docs/images/. */
export const ARTIFACTS = path.join(ROOT, '.artifacts');

/** One workbench page with helpers for the interactions the specs need. */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Loads the workbench URL and waits until the editor area and activity bar exist. */
  async load(url: string): Promise<void> {
    await this.page.setViewportSize({ width: 1400, height: 900 });
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
    await this.page.locator('.activitybar').waitFor({ timeout: 60_000 });
  }

  /**
   * Opens a workspace file with Ctrl+P and waits for its tab to be active. Tried up to three
   * times: on a loaded CI runner an Enter pressed while quick open was still refreshing its list
   * once left another tab active (the file was offered, the tab never came), which then failed
   * every later test of the spec.
   */
  async openFile(name: string): Promise<void> {
    const tab = this.page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`);
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(name);
      // Quick open lists matches asynchronously; accept only once the file is offered.
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
      await this.page.keyboard.press('Enter');
      try {
        await tab.waitFor({ timeout: attempt < 3 ? 10_000 : 30_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
    await this.page.locator('.editor-instance .view-lines').first().waitFor();
  }

  /** Text of the visible editor lines. */
  async editorText(): Promise<string> {
    return this.page.locator('.editor-instance .view-lines').first().innerText();
  }

  /**
   * Moves the mouse over `text` on the first editor line that contains it (a person pointing at
   * it) and returns the visible hover tooltip's text once it matches `expect`.
   */
  async hover(text: string, expect?: RegExp): Promise<string> {
    const { x, y, charWidth } = await this.pointAt(text, Math.min(text.length / 2, 6));
    // Two moves: the hover controller reacts to movement, not to a pointer that appears.
    await this.page.mouse.move(x - charWidth, y);
    await this.page.mouse.move(x, y);
    const hover = this.page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    if (expect) {
      await this.page.waitForFunction(
        ([src, flags]) => [...document.querySelectorAll('.monaco-hover:not(.hidden) .monaco-hover-content')].some((e) => new RegExp(src, flags).test((e as HTMLElement).innerText)),
        [expect.source, expect.flags] as const,
        { timeout: 15_000 },
      );
    }
    return hover.innerText();
  }

  /** Width of one character of the editor font (monospace). */
  async characterWidth(): Promise<number> {
    return this.page.evaluate(() => {
      const probe = document.querySelector('.editor-instance .view-lines .view-line span span');
      if (!probe?.textContent) return 8;
      return probe.getBoundingClientRect().width / probe.textContent.length;
    });
  }

  /** Clicks into the editor on `text` (first line containing it), placing the cursor there. */
  async clickText(text: string): Promise<void> {
    const { x, y } = await this.pointAt(text, 2.5);
    await this.page.mouse.click(x, y);
  }

  /** Screen point `offset` characters into the first occurrence of `text` on a rendered editor line. */
  private async pointAt(text: string, offset: number): Promise<{ x: number; y: number; charWidth: number }> {
    const line = this.page.locator('.editor-instance .view-lines .view-line', { hasText: text }).first();
    await line.scrollIntoViewIfNeeded();
    const box = await line.boundingBox();
    if (!box) throw new Error(`no rendered line contains ${text}`);
    const column = (await line.innerText()).indexOf(text);
    const charWidth = await this.characterWidth();
    return { x: box.x + charWidth * (column + offset), y: box.y + box.height / 2, charWidth };
  }

  /** Runs a command by its palette title (F1, type, Enter). */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Opens a view container from the activity bar by its title (e.g. "Token Lens"). */
  async openViewContainer(title: string): Promise<void> {
    await this.page.locator(`.activitybar .action-item a[aria-label^="${title}"], .activitybar .action-label[aria-label^="${title}"]`).first().click();
    await this.page.locator('.sidebar .composite.title', { hasText: title }).first().waitFor();
  }

  /**
   * Finds the webview frame (webviews are iframes inside iframes) whose document has
   * `selector`, polling until `timeoutMs`.
   */
  async webviewFrame(selector: string, timeoutMs = 20_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) continue;
        const found = await frame.$(selector).catch(() => null);
        if (found) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error(`no webview frame contains ${selector} after ${timeoutMs} ms`);
  }

  /** Switches between the light and dark default themes (palette command, no marketplace lookup). */
  async toggleLightDarkTheme(): Promise<void> {
    await this.runCommand('Preferences: Toggle between Light/Dark Themes');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Selects a colour theme by its name in *Preferences: Color Theme* (the built-in ones:
   * "Dark Modern", "Light Modern", "Dark High Contrast", "Light High Contrast"), as a person
   * would; the theme is applied when the pick closes.
   */
  async selectColorTheme(name: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${name}$`) }) }).first();
    // The picker lists the themes once the theme extensions are read: until then it offers only
    // "Browse Additional Color Themes…", so it is opened again until the theme is there.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor();
      await input.fill('>Preferences: Color Theme');
      // "Browse Color Themes in Marketplace" is listed first: pick the picker itself by its title.
      await this.page.locator('.quick-input-list .monaco-list-row', { hasText: /^Preferences: Color Theme/ }).first().click();
      await this.page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.placeholder.startsWith('Select Color Theme') === true);
      await input.fill(name);
      try {
        await row.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        await this.page.keyboard.press('Escape');
        if (attempt === 3) throw e;
      }
    }
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /** Saves a full-page screenshot as `.artifacts/<name>.png`; returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
