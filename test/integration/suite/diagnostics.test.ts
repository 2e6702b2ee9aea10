// Problems entries in the real host: appear, carry core codes, clear on fix and on close,
// update when a token expires without an edit, and offer the "Inspect token" quick fix.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, makeToken, nowSec, openFile, setSetting, waitFor } from './featureHelpers';

// Only ours: the TypeScript language service reports on generated .ts files too.
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Token Lens');
const codesOf = (uri: vscode.Uri): string[] => ours(uri).map((d) => String(d.code)).sort();

describe('Diagnostics (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('reports expired, alg none and no exp in an .http file', async () => {
    const expired = makeToken({ sub: 'a', iat: nowSec() - 7200, exp: nowSec() - 3600 });
    const unsigned = makeToken({ sub: 'b' }, { alg: 'none', typ: 'JWT' });
    const editor = await openFile(`@old = ${expired}\n@none = ${unsigned}\n`);
    const codes = await waitFor(() => {
      const c = codesOf(editor.document.uri);
      return c.length >= 3 ? c : undefined;
    }, 'diagnostics');
    assert.ok(codes.includes('TL001'), codes.join(','));
    assert.ok(codes.includes('TL201'), codes.join(','));
    assert.ok(codes.includes('TL101'), codes.join(','));
    const d = ours(editor.document.uri).find((x) => x.code === 'TL001')!;
    assert.strictEqual(d.range.start.line, 0);
    assert.strictEqual(d.source, 'Token Lens');
  });

  it('says when a token expired as an instant, in tokenLens.timeDisplay, so the entry never goes stale (issue 12)', async () => {
    const exp = 1_764_594_300; // 2025-12-01 13:05:00 UTC
    const nbf = 4_102_444_800; // 2100-01-01 00:00:00 UTC
    const restore = await setSetting('timeDisplay', 'utc');
    try {
      const editor = await openFile(`@old = ${makeToken({ sub: 'a', exp })}\n@later = ${makeToken({ sub: 'b', nbf, exp: nbf + 600 })}\n`);
      const expired = await waitFor(() => ours(editor.document.uri).find((d) => d.code === 'TL001'), 'TL001');
      assert.strictEqual(expired.message, 'Token expired at 2025-12-01 13:05:00 UTC');
      const notYet = await waitFor(() => ours(editor.document.uri).find((d) => d.code === 'TL002'), 'TL002');
      assert.strictEqual(notYet.message, 'Token not valid before 2100-01-01 00:00:00 UTC');
      for (const d of ours(editor.document.uri)) assert.doesNotMatch(d.message, /\bago\b|\bin \d/, d.message);
      // Local time: the same instant in the host's zone, still absolute.
      await setSetting('timeDisplay', 'local');
      const local = await waitFor(() => {
        const d = ours(editor.document.uri).find((x) => x.code === 'TL001');
        return d !== undefined && d.message !== 'Token expired at 2025-12-01 13:05:00 UTC' ? d : undefined;
      }, 'TL001 in local time');
      assert.match(local.message, /^Token expired at .*2025/);
      assert.doesNotMatch(local.message, /ago/);
    } finally {
      await restore();
    }
  });

  // Clearing on close is wired (onDidCloseTextDocument) but not asserted here: the host closes
  // the document model well after the editor, so a close cannot be awaited reliably.
  it('clears when the token is edited away and comes back when it returns', async () => {
    const expired = makeToken({ sub: 'a', exp: nowSec() - 3600 });
    const editor = await openFile(`@old = ${expired}\n`);
    await waitFor(() => (codesOf(editor.document.uri).length > 0 ? true : undefined), 'first diagnostics');
    await editor.edit((b) => b.replace(editor.document.lineAt(0).range, '@old = nothing'));
    await waitFor(() => (codesOf(editor.document.uri).length === 0 ? true : undefined), 'cleared after edit');
    await editor.edit((b) => b.replace(editor.document.lineAt(0).range, `@old = ${expired}`));
    await waitFor(() => (codesOf(editor.document.uri).length > 0 ? true : undefined), 'back after edit');
  });

  it('clears when the document is closed', async () => {
    const expired = makeToken({ sub: 'closing', exp: nowSec() - 60 });
    // An untitled document named *.http (in scope by its name; no http language is installed here).
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(`untitled:closing-${Date.now()}.http`));
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), `@old = ${expired}\n`));
    await waitFor(() => (codesOf(doc.uri).includes('TL001') ? true : undefined), 'diagnostics of the untitled document');
    // An untitled document is released at once when its editor is reverted and closed.
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => (doc.isClosed && ours(doc.uri).length === 0 ? true : undefined), 'diagnostics cleared on close');
  });

  it('updates when a token expires, without any edit (expiry timer)', async () => {
    // Expires 3 s from now plus the 60 s default skew: shrink the skew to 0 for this test.
    const config = vscode.workspace.getConfiguration('tokenLens');
    await config.update('clockSkewSeconds', 0, vscode.ConfigurationTarget.Global);
    try {
      // alg none: TL201 is reported from the first evaluation on, so its arrival proves the
      // document was evaluated while the token was still valid.
      const token = makeToken({ sub: 'soon', iat: nowSec() - 10, exp: nowSec() + 3 }, { alg: 'none', typ: 'JWT' });
      const editor = await openFile(`@soon = ${token}\n`);
      const first = await waitFor(() => {
        const c = codesOf(editor.document.uri);
        return c.includes('TL201') ? c : undefined;
      }, 'first evaluation (TL201)');
      assert.ok(!first.includes('TL001'), `expired too early: ${first.join(',')}`);
      await waitFor(() => (codesOf(editor.document.uri).includes('TL001') ? true : undefined), 'expired after exp', 8_000);
    } finally {
      await config.update('clockSkewSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('offers the "Inspect token" quick fix', async () => {
    const expired = makeToken({ sub: 'a', exp: nowSec() - 3600 });
    const editor = await openFile(`@old = ${expired}\n`);
    const diag = await waitFor(() => ours(editor.document.uri)[0], 'diagnostic');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, diag.range);
    const fix = actions.find((a) => a.title === 'Inspect token');
    assert.ok(fix, `no quick fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.command?.command, 'tokenLens.inspectToken');
  });

  it('stays silent in ordinary files by default', async () => {
    const expired = makeToken({ sub: 'a', exp: nowSec() - 3600 });
    const editor = await openFile(`const t = "${expired}";\n`, 'ts');
    await new Promise((r) => setTimeout(r, 600));
    assert.deepStrictEqual(codesOf(editor.document.uri), []);
  });
});
