// The Tokens tree in the real host: tokens of the active editor with context labels, status
// descriptions, claims and findings as children; click command reveals the token.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ClaimNode, DetailNode, FileNode, NestedTokenNode, ScanResultsNode, TokenNode, TokenTreeNode } from '../../../src/features/tokenTree';
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

  it('a token whose claims hold tokens has them as children of its details, to depth 3 (issue 13)', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'nested.http')));
    const { tree } = await api();
    const root = await waitFor(async () => ((await tree.getChildren()) as TokenNode[]).find((n) => n.label === '@nested · line 4'), 'the @nested row');
    const children = await tree.getChildren(root);
    const nested = children.filter((c): c is NestedTokenNode => c.kind === 'nested');
    assert.deepStrictEqual(nested.map((n) => n.label), ['id_token', 'software_statement', 'act.actor_token']);
    const id = nested[0]!;
    // Summary, then its worst finding in words, as a token row (it lives until 2100: long-lived).
    assert.match(String(id.description), /^JWS · RS256 · expires in .* · \d+ B · Warning TL102$/);
    assert.deepStrictEqual((id.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.strictEqual(id.contextValue, 'tokenLens.nestedToken');
    assert.match(id.accessibilityInformation!.label, /^Nested token id_token: JWS · RS256/);
    // Its own details: header and claims (clicking one copies it from the inner token).
    const idChildren = await tree.getChildren(id);
    const kid = idChildren.find((c): c is ClaimNode => c.kind === 'claim' && c.label === 'kid')!;
    assert.strictEqual(String(kid.description), 'idp-1');
    assert.strictEqual(await vscode.commands.executeCommand<string>(kid.command!.command, ...(kid.command!.arguments ?? [])), 'idp-1');
    assert.ok(idChildren.some((c) => c.kind === 'claim' && c.label === 'nonce'));
    // The act chain: three tokens deep, then a notice where the fourth stops.
    let level: NestedTokenNode = nested[2]!;
    for (const label of ['act.actor_token → act.actor_token', 'act.actor_token → act.actor_token → act.actor_token']) {
      const next = (await tree.getChildren(level)).find((c): c is NestedTokenNode => c.kind === 'nested');
      assert.strictEqual(next?.label, label);
      level = next;
    }
    const deepest = await tree.getChildren(level);
    assert.ok(!deepest.some((c) => c.kind === 'nested'), 'nothing past depth 3');
    const stop = deepest.find((c): c is DetailNode => c.kind === 'detail' && c.label === 'nested token');
    assert.match(String(stop?.description), /^A token nested 4 levels deep \(act\.actor_token → /);
    assert.match(String(stop?.tooltip), /\nA token nested 4 levels deep .* is not decoded: nested tokens are shown to a depth of 3$/);
    // Clicking a nested row opens it in the inspector.
    assert.strictEqual(id.command?.command, 'tokenLens.inspectToken');
    const shown = await vscode.commands.executeCommand<{ token: string; label: string } | undefined>(id.command!.command, ...(id.command!.arguments ?? []));
    assert.strictEqual(shown?.label, 'id_token');
    assert.strictEqual(shown?.token, id.nested.token);
    const panel = (await api()).inspectorPanel();
    assert.strictEqual(panel?.current?.token, id.nested.token);
    panel?.dispose();
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

  const iconOf = (node: TokenTreeNode): { id: string; color?: string } => {
    const icon = node.iconPath as vscode.ThemeIcon;
    return { id: icon.id, ...(icon.color !== undefined ? { color: (icon.color as vscode.ThemeColor).id } : {}) };
  };

  it('icon and colour come from the worst finding: alg none and an over-cookie token are not a healthy token (issue 12)', async () => {
    const healthy = makeToken({ sub: 'ok', iat: nowSec(), exp: nowSec() + 600, jti: 'j', sid: 's' });
    const unsecured = makeToken({ sub: 'none', iat: nowSec(), exp: nowSec() + 600 }, { alg: 'none' });
    const big = makeToken({ sub: 'big', iat: nowSec(), exp: nowSec() + 600, blob: 'x'.repeat(5200) });
    const noExp = makeToken({ sub: 'forever' });
    await openFile(`A: ${healthy}\nB: ${unsecured}\nC: ${big}\nD: ${noExp}\n`, 'txt');
    const { tree } = await api();
    const roots = await waitFor(async () => {
      const r = (await tree.getChildren()) as TokenNode[];
      return r.length === 4 ? r : undefined;
    }, 'four tree roots');
    const [ok, none, large, forever] = roots.map(iconOf);
    assert.deepStrictEqual(none, { id: 'error', color: 'errorForeground' }, 'alg none (TL201) is an error');
    assert.deepStrictEqual(large, { id: 'error', color: 'errorForeground' }, 'over the cookie limit (TL107) is an error');
    assert.deepStrictEqual(forever, { id: 'warning', color: 'editorWarning.foreground' }, 'no exp is a warning');
    assert.notDeepStrictEqual(ok, none);
    assert.notStrictEqual(ok!.id, 'error');
    assert.notStrictEqual(ok!.color, 'testing.iconPassed', 'green only for a verified, unexpired token');
    assert.match(String(roots[1]!.tooltip), /Error: TL201/);
    // The row's accessibility label names the token and says the worst finding.
    assert.match(roots[1]!.accessibilityInformation!.label, /^Token B · line 2: .*Error: TL201/);
  });

  it('claim rows read as the claim, and clicking one copies its value (issue 12)', async () => {
    const token = makeToken({ sub: 'gina', roles: ['a', 'b'], exp: nowSec() + 600 });
    await openFile(`X-Token: ${token}\n`, 'txt');
    const { tree } = await api();
    const root = await waitFor(async () => ((await tree.getChildren()) as TokenNode[])[0], 'tree root');
    assert.match(root.accessibilityInformation!.label, /^Token X-Token · line 1: JWS · HS256 · expires in/);
    const children = await tree.getChildren(root);
    const claims = children.filter((c): c is ClaimNode => c.kind === 'claim');
    const sub = claims.find((c) => c.label === 'sub')!;
    const alg = claims.find((c) => c.label === 'alg')!;
    assert.strictEqual(sub.accessibilityInformation?.label, 'sub: gina (payload)');
    assert.strictEqual(alg.accessibilityInformation?.label, 'alg: HS256 (header)');
    assert.strictEqual(sub.command?.command, 'tokenLens.copyClaimValue');
    await vscode.env.clipboard.writeText('untouched');
    assert.strictEqual(await vscode.commands.executeCommand<string>(sub.command!.command, ...(sub.command!.arguments ?? [])), 'gina');
    assert.strictEqual(await vscode.env.clipboard.readText(), 'gina');
    const roles = claims.find((c) => c.label === 'roles')!;
    assert.strictEqual(await vscode.commands.executeCommand<string>(roles.command!.command, ...(roles.command!.arguments ?? [])), '["a","b"]');
    assert.strictEqual(await vscode.commands.executeCommand<string>(alg.command!.command, ...(alg.command!.arguments ?? [])), 'HS256');
    // A bad argument copies nothing.
    assert.strictEqual(await vscode.commands.executeCommand('tokenLens.copyClaimValue', { segment: 'payload', name: 'sub' }), undefined);
    assert.strictEqual(await vscode.env.clipboard.readText(), 'HS256');
  });

  it('a JWE row: expiry unknown (encrypted), and no Copy Payload in its menu (issue 12)', async () => {
    const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
    const jwe = `${b64({ alg: 'dir', enc: 'A256GCM' })}..${b64('iv-bytes-12')}.${b64('ciphertext')}.${b64('tag-bytes-16-xx')}`;
    await openFile(`X-Enc: ${jwe}\n`, 'txt');
    const { tree } = await api();
    const root = await waitFor(async () => ((await tree.getChildren()) as TokenNode[])[0], 'tree root');
    assert.strictEqual(String(root.description), 'expiry unknown (encrypted)');
    assert.strictEqual(root.contextValue, 'tokenLens.token.encrypted');
    const menus = (vscode.extensions.getExtension('token-lens.token-lens')!.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }).contributes.menus['view/item/context']!;
    const copyPayload = menus.find((m) => m.command === 'tokenLens.copyPayloadJson')!;
    assert.ok(copyPayload.when?.endsWith('viewItem == tokenLens.token'), copyPayload.when);
    const inspect = menus.find((m) => m.command === 'tokenLens.inspectToken')!;
    assert.ok(new RegExp(inspect.when!.match(/viewItem =~ \/(.*)\//)![1]!).test(root.contextValue!), 'Inspect still offered on the JWE row');
  });

  it('scan results sit under their own heading, after the active editor tokens (issue 12)', async () => {
    const token = makeToken({ sub: 'scanned', exp: nowSec() + 600 });
    const editor = await openFile(`X-Token: ${token}\n`, 'txt');
    const { tree, scanResults } = await api();
    scanResults.set([{ target: { token, label: 'X-Token · line 1', uri: editor.document.uri, range: new vscode.Range(0, 9, 0, 9 + token.length) } }]);
    try {
      const roots = await waitFor(async () => {
        const r = await tree.getChildren();
        return r.length === 2 ? r : undefined;
      }, 'editor token and scan heading');
      assert.deepStrictEqual(roots.map((r) => r.kind), ['token', 'scan']);
      const heading = roots[1] as ScanResultsNode;
      assert.strictEqual(heading.label, 'Workspace scan results');
      assert.strictEqual(heading.description, '1 token in 1 file');
      const files = (await tree.getChildren(heading)) as FileNode[];
      assert.deepStrictEqual(files.map((f) => f.uri.toString()), [editor.document.uri.toString()]);
      const scanned = (await tree.getChildren(files[0])) as TokenNode[];
      assert.strictEqual(scanned[0]!.target.token, token);
    } finally {
      scanResults.set([]);
    }
    await waitFor(async () => ((await tree.getChildren()).length === 1 ? true : undefined), 'heading gone with the results');
  });
});
