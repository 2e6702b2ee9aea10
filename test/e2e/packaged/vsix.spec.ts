// The packaged build: the .vsix installed with `code-server --install-extension` activates.
import * as assert from 'assert';
import { openSession, type Session } from '../helpers/session';

describe('e2e: packaged .vsix installed into code-server', function () {
  this.timeout(120_000);
  let s: Session;
  before(async () => {
    assert.ok(process.env.TOKEN_LENS_E2E_VSIX, 'TOKEN_LENS_E2E_VSIX must name the .vsix');
    s = await openSession();
  });
  after(async () => { await s?.close(); });

  it('is listed as activated in Developer: Show Running Extensions', async () => {
    await s.workbench.openFile('sample.http'); // onStartupFinished has fired by now
    await s.workbench.runCommand('Developer: Show Running Extensions');
    const row = s.workbench.page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Token Lens' });
    await row.first().waitFor({ timeout: 30_000 });
    // An activated extension's row shows its activation time ("Activation: 48ms", or "Startup
    // Activation: 12ms"); a listed but not activated one shows none.
    const activated = row.filter({ hasText: /Activation: \d+ms/ });
    await activated.first().waitFor({ timeout: 30_000 });
    const text = await activated.first().innerText();
    assert.match(text, /Token Lens/);
    assert.match(text, /Activation: \d+ms/, `no activation time in the row: ${text}`);
    await s.workbench.screenshot('e2e-vsix-running-extensions');
  });

  it('its hover works from the packaged build', async () => {
    await s.workbench.page.keyboard.press('Escape');
    await s.workbench.openFile('sample.http');
    const text = await s.workbench.hover('{{token}}', /JWT/);
    assert.match(text, /JWS · \{\{token\}\} · alg HS256/);
    assert.match(text, /expires in/);
    await s.workbench.screenshot('e2e-vsix-hover');
  });
});
