// Compare Tokens (issue 13) in the real host: the diff editor on the two normalised documents.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareOutcome } from '../../../src/commands/compareTokens';
import type { TokenNode } from '../../../src/features/tokenTree';
import type { RenderedSummary } from '../../../src/present/inspector/protocol';
import { api, cleanUp, makeToken, openFile, waitFor } from './featureHelpers';

describe('Compare Tokens (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  const EXP = 1796148000; // 2026-12-01T18:00:00Z
  const older = makeToken({ sub: 'alice', iat: EXP - 3600, exp: EXP, scope: 'read', legacy: true }, { typ: 'JWT', alg: 'HS256', kid: 'k1' });
  const newer = makeToken({ scope: 'read write', exp: EXP + 3600, sub: 'alice', iat: EXP - 3600, tenant: 't1' }, { kid: 'k2', alg: 'HS256', typ: 'JWT' });

  async function twoRows(): Promise<TokenNode[]> {
    await openFile(`@before = ${older}\n\n@after = ${newer}\n`);
    const { tree } = await api();
    return waitFor(async () => {
      const roots = (await tree.getChildren()) as TokenNode[];
      return roots.length === 2 ? roots : undefined;
    }, 'two token rows');
  }

  it('opens a diff editor whose two sides are the normalised documents (tree multi-select of two rows)', async () => {
    const rows = await twoRows();
    // A tree context menu on a multi-selection passes the clicked row and every selected row.
    const outcome = await vscode.commands.executeCommand<CompareOutcome | undefined>('tokenLens.compareTokens', rows[1], rows);
    assert.ok(outcome, 'no comparison');
    const input = await waitFor(() => {
      const i = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return i instanceof vscode.TabInputTextDiff && i.original.toString() === outcome.left.toString() ? i : undefined;
    }, 'the diff tab');
    assert.strictEqual(input.original.scheme, 'token-lens-compare');
    assert.strictEqual(input.modified.scheme, 'token-lens-compare');
    for (const uri of [input.original, input.modified]) {
      assert.ok(!uri.toString().includes(older.slice(0, 20)) && !uri.toString().includes(newer.slice(0, 20)), 'no token text in the URI');
      assert.match(uri.path, /^\/[0-9a-f-]{36}\/token-[ab]\.jsonc$/);
    }
    const left = await vscode.workspace.openTextDocument(input.original);
    const right = await vscode.workspace.openTextDocument(input.modified);
    assert.strictEqual(left.getText(), [
      '// JWS',
      '{',
      '  "header": {',
      '    "alg": "HS256",',
      '    "typ": "JWT",',
      '    "kid": "k1"',
      '  },',
      '  "payload": {',
      '    "sub": "alice",',
      '    "exp": 1796148000, // 2026-12-01T18:00:00Z',
      '    "iat": 1796144400, // 2026-12-01T17:00:00Z',
      '    "legacy": true,',
      '    "scope": "read"',
      '  }',
      '}',
      '',
    ].join('\n'));
    assert.match(right.getText(), /^ {4}"exp": 1796151600, \/\/ 2026-12-01T19:00:00Z$/m);
    assert.match(right.getText(), /^ {4}"kid": "k2"$/m);
    assert.match(right.getText(), /"scope": "read write",\n {4}"tenant": "t1"\n/);
    assert.strictEqual(left.languageId, 'jsonc');
    // The summary is the diff editor's title.
    assert.strictEqual(outcome.title, '@before · line 1 ↔ @after · line 3 · kid k1 → k2 · exp +1 h · 1 added, 1 removed, 3 changed');
    assert.strictEqual(vscode.window.tabGroups.activeTabGroup.activeTab?.label, outcome.title);
    assert.strictEqual(outcome.summary.exp?.movedSec, 3600);
  });

  it('"Compare with…" in the inspector runs the comparison and shows its summary there, beside the diff editor', async () => {
    const editor = await openFile(`@before = ${older}\n\n@after = ${newer}\n`);
    editor.selection = new vscode.Selection(0, 20, 0, 20);
    const shown = await vscode.commands.executeCommand<{ token: string } | undefined>('tokenLens.inspectToken');
    assert.strictEqual(shown?.token, older);
    const panel = (await api()).inspectorPanel();
    assert.ok(panel, 'the inspector panel is open');
    const renderWith = (test: (s: RenderedSummary) => boolean): Promise<RenderedSummary> =>
      new Promise((resolve) => {
        const poll = (): void => void panel.whenRendered().then((s) => (test(s) ? resolve(s) : poll()));
        poll();
      });
    await vscode.env.clipboard.writeText(newer);
    const compared = renderWith((s) => s.comparison !== '');
    // The page's "Compare with…" button posts this message (the e2e spec clicks the button itself).
    panel.simulateWebviewMessage({ type: 'compare' });
    if (vscode.env.uiKind === vscode.UIKind.Web) {
      // A browser host reads the clipboard only when picked: the pick offers "@after" first, then "The clipboard".
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    }
    const s = await compared;
    const other = vscode.env.uiKind === vscode.UIKind.Web ? '@after · line 3' : 'clipboard';
    assert.strictEqual(s.comparison, `Compared with ${other}: kid k1 → k2 · exp +1 h · 1 added, 1 removed, 3 changed`);
    assert.deepStrictEqual(s.sections.slice(0, 3), ['summary', 'comparison', 'verdict']);
    // The diff editor opened in the editor's group: the inspector panel stays visible beside it.
    const diff = await waitFor(() => vscode.window.tabGroups.all.find((g) => g.activeTab?.input instanceof vscode.TabInputTextDiff), 'the diff tab');
    const inspector = vscode.window.tabGroups.all.find((g) => g.activeTab?.input instanceof vscode.TabInputWebview && g.activeTab.input.viewType.endsWith('tokenLens.inspector'));
    assert.ok(inspector, 'the inspector is still the active tab of its group');
    assert.notStrictEqual(inspector.viewColumn, diff.viewColumn);
    // Close clears the section; showing another token does too.
    const cleared = renderWith((x) => x.comparison === '');
    panel.simulateWebviewMessage({ type: 'clearComparison' });
    assert.deepStrictEqual((await cleared).sections.slice(0, 2), ['summary', 'verdict']);
    panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('compares the clicked row with the clipboard, and drops the documents when the diff is closed', async () => {
    const rows = await twoRows();
    const other = makeToken({ sub: 'alice', exp: EXP }, { alg: 'ES256', typ: 'JWT' });
    await vscode.env.clipboard.writeText(`Bearer ${other}`);
    const { comparisons } = await api();
    const held = comparisons.size;
    let outcome: CompareOutcome | undefined;
    if (vscode.env.uiKind === vscode.UIKind.Web) {
      // A browser host reads the clipboard only when picked: the pick offers "@after" and "The clipboard".
      const pending = vscode.commands.executeCommand<CompareOutcome | undefined>('tokenLens.compareTokens', rows[0], [rows[0]]);
      await new Promise((r) => setTimeout(r, 800));
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      outcome = await pending;
    } else {
      outcome = await vscode.commands.executeCommand<CompareOutcome | undefined>('tokenLens.compareTokens', rows[0], [rows[0]]);
    }
    assert.ok(outcome, 'no comparison');
    assert.match(outcome.title, /^@before · line 1 ↔ clipboard · alg HS256 → ES256 · kid k1 → \(none\) · /);
    const right = await vscode.workspace.openTextDocument(outcome.right);
    assert.match(right.getText(), /"alg": "ES256"/);
    assert.strictEqual(comparisons.size, held + 1);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await waitFor(() => (comparisons.size === held ? true : undefined), 'the documents dropped on close');
  });
});
