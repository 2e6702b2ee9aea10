import { strict as assert } from 'node:assert';
import { SignJWT, generateKeyPair } from 'jose';
import * as vscode from 'vscode';
import type { TokenLensApi } from '../../../src/extension';
import type { TokenNode } from '../../../src/features/tokenTree';

/**
 * Issue 5 in a real extension host: keys in SecretStorage (never in settings) turn a token
 * verified in the hover, tree and inspector, and removing them turns it back. The commands are
 * always interactive (issue 8: a link must not store keys), so these tests put keys in through
 * the key store the test-mode API exposes; test/e2e/hostile.spec.ts drives the prompts and the
 * confirmations as a person, and the test below proves a command link's key is not stored.
 */
const SECRET = 'integration-secret-of-32-bytes!!';

async function hoverText(doc: vscode.TextDocument, offset: number): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(offset))) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

/** Polls until `predicate` holds (the status is computed asynchronously), at most 5 s. */
async function eventually(read: () => Promise<string>, predicate: (text: string) => boolean): Promise<string> {
  let last = '';
  for (const started = Date.now(); Date.now() - started < 5000; await new Promise((r) => setTimeout(r, 100))) {
    last = await read();
    if (predicate(last)) return last;
  }
  return last;
}

describe('verification keys (integration)', () => {
  let doc: vscode.TextDocument;
  let tokenOffset: number;

  before(async () => {
    const token = await new SignJWT({ sub: 'it' }).setProtectedHeader({ alg: 'HS256', kid: 'it-kid' }).sign(new TextEncoder().encode(SECRET));
    const text = `GET https://api.example.test/me\nAuthorization: Bearer ${token}\n`;
    doc = await vscode.workspace.openTextDocument({ language: 'http', content: text });
    await vscode.window.showTextDocument(doc);
    tokenOffset = text.indexOf(token) + 5;
  });

  let api: TokenLensApi;
  before(async () => {
    const extension = vscode.extensions.getExtension<TokenLensApi>('token-lens.token-lens');
    assert.ok(extension);
    api = await extension.activate();
  });

  after(async () => {
    for (const label of ['it-secret', 'it-link', 'it-unbound', 'it-bound-wrong']) await api.keyStore.remove(label);
  });

  it('a command link carrying key material stores nothing: the command prompts instead', async () => {
    // What a hostile file's link would run: the key and label in the arguments.
    const pending = vscode.commands.executeCommand<string | undefined>('tokenLens.addVerificationKey', {
      label: 'it-link',
      material: { kind: 'secret', value: SECRET, encoding: 'utf8' },
    });
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual((await api.keyStore.list()).map((k) => k.label), [], 'nothing stored while the prompt is open');
    // The command is waiting on its first prompt (the source quick pick): closing it cancels.
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await pending, undefined, 'closing the quick pick ended the command: it was prompting');
    assert.deepEqual((await api.keyStore.list()).map((k) => k.label), []);
    const hover = await hoverText(doc, tokenOffset);
    assert.doesNotMatch(hover, /signature verified/i);
  });

  it('add → verified in hover, key in SecretStorage and not in settings; remove → unverified', async () => {
    const before = await eventually(() => hoverText(doc, tokenOffset), (t) => /unverified/i.test(t));
    assert.match(before, /unverified/i);

    await api.keyStore.add({ label: 'it-secret', material: { kind: 'secret', value: SECRET, encoding: 'utf8' } });
    const listed = await vscode.commands.executeCommand<{ label: string; description: string }[]>('tokenLens.listVerificationKeys', { show: false });
    assert.deepEqual(listed.map((k) => k.label), ['it-secret']);
    assert.ok(!JSON.stringify(listed).includes(SECRET), 'the list never shows key material');
    const settings = vscode.workspace.getConfiguration();
    assert.ok(!JSON.stringify(settings.inspect('tokenLens') ?? {}).includes(SECRET), 'no setting holds the secret');

    const verified = await eventually(() => hoverText(doc, tokenOffset), (t) => /signature verified/i.test(t));
    assert.match(verified, /signature verified/i);
    assert.match(verified, /it\\?-secret/, "names the key (markdown-escaped)");
    assert.match(verified, /ms per HS256 verification \(median of \d+, this machine\)/, 'the hover shows the measured cost (article reason 5)');

    // The tree shows the same status in the token's description and as its first child.
    const { tree, inspectorPanel } = api;
    const treeText = await eventually(async () => {
      const roots = (await tree.getChildren()) as TokenNode[];
      return roots.map((n) => String(n.description)).join('\n');
    }, (t) => /signature verified/.test(t));
    assert.match(treeText, /signature verified/);

    // The inspector panel: pending first, then the verified badge and the timing.
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(doc.positionAt(tokenOffset), doc.positionAt(tokenOffset)) });
    await vscode.commands.executeCommand('tokenLens.inspectToken');
    const panel = inspectorPanel();
    assert.ok(panel, 'the inspector panel opened');
    const signature = await eventually(async () => (await panel.requestReport()).signature, (t) => t === 'signature verified');
    assert.equal(signature, 'signature verified');

    assert.equal(await api.keyStore.remove('it-secret'), true);
    const after = await eventually(() => hoverText(doc, tokenOffset), (t) => /unverified/i.test(t));
    assert.match(after, /unverified/i);
    const afterInspector = await eventually(async () => (await panel.requestReport()).signature, (t) => t === 'unverified (no key)');
    assert.equal(afterInspector, 'unverified (no key)', 'removing the key re-renders the inspector');
  });

  it('flags a token signed with a publicly known secret in the hover, without any key', async () => {
    const weak = await new SignJWT({ sub: 'weak' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('your-256-bit-secret'));
    const text = `Authorization: Bearer ${weak}\n`;
    const weakDoc = await vscode.workspace.openTextDocument({ language: 'http', content: text });
    const read = (): Promise<string> => hoverText(weakDoc, text.indexOf(weak) + 5);
    const hover = await eventually(read, (t) => /TL401/.test(t));
    assert.match(hover, /TL401/);
    assert.match(hover, /publicly known secret/i);
    // We know its key: never "unverified (no key)" beside "verifies with the well-known secret" (issue 12).
    assert.doesNotMatch(hover, /unverified|no key/i);
    assert.match(hover, /forgeable: signed with a well\\?-known secret/);
  });

  it('an unbound stored secret is no verdict on other tokens: "no matching key (1 tried)", never red (issue 12)', async () => {
    const rsa = await generateKeyPair('RS256');
    const rs256 = await new SignJWT({ sub: 'rs', iss: 'https://rs.example' }).setProtectedHeader({ alg: 'RS256', kid: 'rs-1' }).sign(rsa.privateKey);
    const otherHs = await new SignJWT({ sub: 'hs' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-different-32-byte-secret-value!'));
    const text = `A: ${rs256}\nB: ${otherHs}\n`;
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: text });
    await vscode.window.showTextDocument(other);
    await api.keyStore.add({ label: 'it-unbound', material: { kind: 'secret', value: SECRET, encoding: 'utf8' } });
    try {
      for (const token of [rs256, otherHs]) {
        const hover = await eventually(() => hoverText(other, text.indexOf(token) + 5), (t) => /no matching key/.test(t));
        assert.match(hover, /no matching key \\?\(1 tried\\?\)/, hover);
        assert.doesNotMatch(hover, /invalid signature|key does not fit/);
      }
      // The tree rows of this editor say the same, and their icons are not red for it.
      const rows = await eventually(async () => ((await api.tree.getChildren()) as TokenNode[]).map((n) => String(n.description)).join('\n'), (t) => (t.match(/no matching key/g) ?? []).length === 2);
      assert.equal((rows.match(/no matching key \(1 tried\)/g) ?? []).length, 2, rows);
      const icons = ((await api.tree.getChildren()) as TokenNode[]).map((n) => (n.iconPath as vscode.ThemeIcon).id);
      assert.ok(!icons.includes('error'), icons.join());
      // The token this key does sign still verifies with it.
      assert.match(await eventually(() => hoverText(doc, tokenOffset), (t) => /signature verified/.test(t)), /signature verified/);
    } finally {
      await api.keyStore.remove('it-unbound');
    }
  });

  it('a key bound to the token by kid gives the verdict: "invalid signature" when it does not verify (issue 12)', async () => {
    await api.keyStore.add({ label: 'it-bound-wrong', kid: 'it-kid', material: { kind: 'secret', value: 'not-the-secret-of-this-token-at-all', encoding: 'utf8' } });
    try {
      const hover = await eventually(() => hoverText(doc, tokenOffset), (t) => /invalid signature/.test(t));
      assert.match(hover, /invalid signature/);
      assert.match(hover, /it\\?-bound\\?-wrong/);
    } finally {
      await api.keyStore.remove('it-bound-wrong');
    }
  });
});
