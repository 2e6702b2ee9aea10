// The extension loads in the real web workbench and the .http fixture opens.
import * as assert from 'assert';
import { openSession, type Session } from './helpers/session';

describe('e2e: workbench with Token Lens (development payload)', function () {
  this.timeout(120_000);
  let s: Session;
  before(async () => { s = await openSession(); });
  after(async () => { await s?.close(); });

  it('shows the Extension Development Host title', async () => {
    await s.workbench.page.waitForFunction(() => document.title.includes('Extension Development Host'), null, { timeout: 30_000 });
    assert.match(await s.workbench.page.title(), /Extension Development Host/);
  });

  it('opens the .http fixture with its @token variable', async () => {
    await s.workbench.openFile('sample.http');
    const text = await s.workbench.editorText();
    assert.match(text, /@token\s*=\s*eyJ/);
    await s.workbench.screenshot('e2e-http-file');
  });
});
