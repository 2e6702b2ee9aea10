// Issue 10: one inspection per token per settings change, whatever surfaces show it (hover,
// CodeLens, diagnostics, tree, status bar), counted in the real host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TokenNode } from '../../../src/features/tokenTree';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile, setSetting, waitFor } from './featureHelpers';

describe('Inspection cache (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('a file with 40 tokens is inspected 40 times for hover, CodeLens, diagnostics, tree and status bar together', async () => {
    const { tokens, tree } = await api();
    const n = 40;
    // Long-lived (2 h > 60 min), so each gets a Problems entry too.
    const lines = Array.from({ length: n }, (_, i) => `@t${i} = ${makeToken({ sub: `user-${i}`, iat: nowSec(), exp: nowSec() + 7200 + i })}`);
    const before = tokens.inspections.inspections;
    const editor = await openFile(`${lines.join('\n')}\n`);
    const uri = editor.document.uri;
    await waitFor(() => (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Token Lens') ? true : undefined), 'diagnostics');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, n);
    assert.equal(lenses.length, n);
    for (let i = 0; i < n; i++) assert.match(await hoverText(uri, new vscode.Position(i, 12)), new RegExp(`user-${i}\\b`));
    const roots = (await tree.getChildren()) as TokenNode[];
    assert.ok(roots.length >= n, `${roots.length} tree rows`);
    editor.selection = new vscode.Selection(3, 12, 3, 12);
    await new Promise((r) => setTimeout(r, 1500)); // the status bar ticks with the cursor on a token
    const used = tokens.inspections.inspections - before;
    console.log(`      inspections for ${n} tokens over five surfaces: ${used}`);
    assert.equal(used, n, 'each token inspected exactly once');
  });

  it('a settings change inspects again, once per token, with the new settings', async () => {
    const { tokens } = await api();
    const lifetime = { iat: nowSec(), exp: nowSec() + 600 }; // 10 min
    const editor = await openFile(`@a = ${makeToken({ sub: 'a', ...lifetime })}\n@b = ${makeToken({ sub: 'b', ...lifetime })}\n`);
    const uri = editor.document.uri;
    const at = [new vscode.Position(0, 8), new vscode.Position(1, 8)];
    for (const p of at) assert.doesNotMatch(await hoverText(uri, p), /TL102/);
    const undo = await setSetting('maxLifetimeMinutes', 5);
    try {
      // Diagnostics may re-inspect the open documents on the change before the hover does.
      for (const p of at) assert.match(await hoverText(uri, p), /TL102/, 'the new threshold applies');
      const after = tokens.inspections.inspections;
      for (let round = 0; round < 3; round++) for (const p of at) await hoverText(uri, p);
      assert.equal(tokens.inspections.inspections - after, 0, 'later hovers use the cache');
    } finally {
      await undo();
    }
  });
});
