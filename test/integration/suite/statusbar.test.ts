// Status bar countdown and the cursor context key (real host).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, makeToken, nowSec, openFile, waitFor } from './featureHelpers';

describe('Status bar and cursor context (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('shows a ticking countdown while the cursor is on a token, hides it off the token', async () => {
    const token = makeToken({ sub: 'hal', exp: nowSec() + 90 });
    const editor = await openFile(`Authorization: Bearer ${token}\nplain line\n`);
    const { statusBar, cursor, clock } = await api();
    editor.selection = new vscode.Selection(1, 2, 1, 2);
    await waitFor(() => (cursor.current === undefined ? true : undefined), 'cursor off token first');
    const idleTimers = clock.activeTimers;
    editor.selection = new vscode.Selection(0, 30, 0, 30);
    await waitFor(() => (cursor.current?.token === token ? true : undefined), 'cursor on token');
    const first = statusBar.item.text;
    assert.match(first, /JWS expires in 1 min/);
    assert.strictEqual(statusBar.item.command && typeof statusBar.item.command !== 'string' ? statusBar.item.command.command : statusBar.item.command, 'tokenLens.inspectToken');
    await waitFor(() => (statusBar.item.text !== first ? true : undefined), 'countdown tick', 3000);
    assert.equal(clock.activeTimers, idleTimers + 1, 'one one-second interval while the countdown shows');
    editor.selection = new vscode.Selection(1, 2, 1, 2);
    await waitFor(() => (cursor.current === undefined ? true : undefined), 'cursor off token');
    assert.equal(clock.activeTimers, idleTimers, 'no second-by-second timer once the countdown is hidden');
  });

  it('a JWE: "expiry unknown (encrypted)" in the status bar and its CodeLens, never "never expires" (issue 12)', async () => {
    const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const jwe = `${b64({ alg: 'dir', enc: 'A256GCM' })}..${b64('iv-bytes-12')}.${b64('ciphertext')}.${b64('tag-bytes-16-xx')}`;
    const editor = await openFile(`Authorization: Bearer ${jwe}\n`);
    const { statusBar, cursor } = await api();
    editor.selection = new vscode.Selection(0, 30, 0, 30);
    await waitFor(() => (cursor.current?.token === jwe ? true : undefined), 'cursor on the JWE');
    await waitFor(() => (/JWE/.test(statusBar.item.text) ? true : undefined), 'status bar on the JWE');
    assert.match(statusBar.item.text, /^\$\(lock\) JWE expiry unknown \(encrypted\)$/);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const title = lenses.map((l) => l.command?.title ?? '').join('\n');
    assert.match(title, /JWE · dir · expiry unknown \(encrypted\) · \d+ B/);
    assert.doesNotMatch(title, /never expires/i);
  });
});
