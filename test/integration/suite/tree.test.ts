// The Tokens tree in the real host: tokens of the active editor with context labels, status
// descriptions, claims and findings as children; click command reveals the token.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TokenNode } from '../../../src/features/tokenTree';
import { api, cleanUp, makeToken, nowSec, openFile, waitFor } from './featureHelpers';

describe('Tokens tree (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('lists the active editor tokens with context, status and children', async () => {
    const live = makeToken({ sub: 'dave', exp: nowSec() + 4 * 60 + 30 });
    const dead = makeToken({ sub: 'erin', exp: nowSec() - 3 * 86400 });
    await openFile(`@token = ${live}\n\nGET https://x.example/\nAuthorization: Bearer ${dead}\n`);
    const { tree } = await api();
    const roots = await waitFor(async () => {
      const r = (await tree.getChildren()) as TokenNode[];
      return r.length === 2 ? r : undefined;
    }, 'two tree roots');
    assert.deepStrictEqual(roots.map((n) => n.label), ['@token · line 1', 'Authorization · line 4']);
    assert.match(String(roots[0]!.description), /^expires in 4 min.* · unverified \(no key\)$/);
    assert.match(String(roots[1]!.description), /^expired 3 days ago/);
    assert.strictEqual(roots[0]!.contextValue, 'tokenLens.token');
    assert.strictEqual(roots[0]!.command?.command, 'tokenLens.revealToken');
    const children = await tree.getChildren(roots[0]);
    const labels = children.map((c) => String(c.label));
    assert.strictEqual(labels[0], 'signature', 'the signature status comes first');
    for (const name of ['alg', 'typ', 'sub', 'exp']) assert.ok(labels.includes(name), `${name} missing: ${labels.join(',')}`);
    assert.ok(labels.some((l) => /^TL\d{3}$/.test(l)), 'no finding child');
  });

  it('is empty for an editor without tokens', async () => {
    await openFile('nothing here\n', 'txt');
    const { tree } = await api();
    await waitFor(async () => ((await tree.getChildren()).length === 0 ? true : undefined), 'empty tree');
  });

  it('the item command reveals the token in the editor', async () => {
    const token = makeToken({ sub: 'frank', exp: nowSec() + 600 });
    const editor = await openFile(`\n\n  X-Api-Token: ${token}\n`);
    const { tree } = await api();
    const node = await waitFor(async () => ((await tree.getChildren()) as TokenNode[])[0], 'tree root');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const revealed = await vscode.commands.executeCommand<vscode.TextEditor>(node.command!.command, ...(node.command!.arguments ?? []));
    assert.strictEqual(revealed.document.uri.toString(), editor.document.uri.toString());
    assert.strictEqual(revealed.document.getText(revealed.selection), token);
  });
});
