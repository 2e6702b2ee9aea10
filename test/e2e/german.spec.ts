// A German hover as a person sees it (issue 15): the workbench started with --locale de, the
// demo workspace's {{token}} hovered. The screenshot lands in .artifacts/hover-de.png.
import * as assert from 'assert';
import * as path from 'path';
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
});
