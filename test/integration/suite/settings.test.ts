// Settings take effect without reload (real host).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile, setSetting, waitFor } from './featureHelpers';

describe('Settings (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('tokenLens.hover.enabled = false removes the hover, true brings it back', async () => {
    const editor = await openFile(`Authorization: Bearer ${makeToken({ sub: 'ivy', exp: nowSec() + 600 })}\n`);
    const at = new vscode.Position(0, 30);
    const undo = await setSetting('hover.enabled', false);
    try {
      assert.strictEqual(await hoverText(editor.document.uri, at), '');
    } finally {
      await undo();
    }
    assert.match(await hoverText(editor.document.uri, at), /ivy/);
  });

  it('tokenLens.diagnostics.scope: off clears, allFiles reaches ordinary files', async () => {
    // Only ours: the TypeScript language service may report on the .ts file too.
    const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Token Lens');
    const expired = makeToken({ sub: 'a', exp: nowSec() - 3600 });
    const http = await openFile(`@old = ${expired}\n`);
    const ts = await openFile(`const t = "${expired}";\n`, 'ts');
    await waitFor(() => (ours(http.document.uri).length > 0 ? true : undefined), 'http diagnostics');
    const undoOff = await setSetting('diagnostics.scope', 'off');
    try {
      await waitFor(() => (ours(http.document.uri).length === 0 ? true : undefined), 'cleared when off');
    } finally {
      await undoOff();
    }
    const undoAll = await setSetting('diagnostics.scope', 'allFiles');
    try {
      await waitFor(() => (ours(ts.document.uri).length > 0 ? true : undefined), 'ts diagnostics with allFiles');
    } finally {
      await undoAll();
    }
    await waitFor(() => (ours(ts.document.uri).length === 0 ? true : undefined), 'ts cleared back to httpFiles');
  });

  it('tokenLens.maxLifetimeMinutes changes the long-lifetime diagnostic', async () => {
    const token = makeToken({ sub: 'j', iat: nowSec() - 60, exp: nowSec() + 2 * 3600, jti: '1' });
    const editor = await openFile(`@t = ${token}\n`);
    const has102 = (): boolean => vscode.languages.getDiagnostics(editor.document.uri).some((d) => d.code === 'TL102');
    await waitFor(() => (has102() ? true : undefined), 'TL102 with the 60 min default');
    const undo = await setSetting('maxLifetimeMinutes', 240);
    try {
      await waitFor(() => (!has102() ? true : undefined), 'TL102 gone at 240 min');
    } finally {
      await undo();
    }
  });

  it('tokenLens.codeLens.enabled = false removes the lenses', async () => {
    const editor = await openFile(`@t = ${makeToken({ sub: 'k', exp: nowSec() + 600 })}\n`);
    const count = async (): Promise<number> =>
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10)).filter((l) => l.command?.command === 'tokenLens.inspectToken').length;
    assert.strictEqual(await count(), 1);
    const undo = await setSetting('codeLens.enabled', false);
    try {
      assert.strictEqual(await count(), 0);
    } finally {
      await undo();
    }
  });
});
