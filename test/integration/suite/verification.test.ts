import { strict as assert } from 'node:assert';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, base64url } from 'jose';
import * as vscode from 'vscode';
import type { TokenLensApi } from '../../../src/extension';
import type { TokenNode } from '../../../src/features/tokenTree';

/**
 * Issue 5 in a real extension host: keys added through the commands land in SecretStorage
 * (never in settings), turn a token verified in the hover, and removing them turns it back.
 * Needs `activateVerification` wired in `activate()` and the hover showing the
 * `VerificationService` status ("signature verified" / "unverified").
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

  after(async () => {
    for (const label of ['it-secret', 'it-jwks']) await vscode.commands.executeCommand('tokenLens.removeVerificationKey', label);
  });

  it('add → verified in hover, key in SecretStorage and not in settings; remove → unverified', async () => {
    const before = await eventually(() => hoverText(doc, tokenOffset), (t) => /unverified/i.test(t));
    assert.match(before, /unverified/i);

    const label = await vscode.commands.executeCommand<string | undefined>('tokenLens.addVerificationKey', {
      label: 'it-secret',
      material: { kind: 'secret', value: SECRET, encoding: 'utf8' },
    });
    assert.equal(label, 'it-secret');
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
    const extension = vscode.extensions.getExtension<TokenLensApi>('token-lens.token-lens');
    assert.ok(extension);
    const { tree, inspectorPanel } = await extension.activate();
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

    assert.equal(await vscode.commands.executeCommand('tokenLens.removeVerificationKey', 'it-secret'), true);
    const after = await eventually(() => hoverText(doc, tokenOffset), (t) => /unverified/i.test(t));
    assert.match(after, /unverified/i);
    const afterInspector = await eventually(async () => (await panel.requestReport()).signature, (t) => t === 'unverified (no key)');
    assert.equal(afterInspector, 'unverified (no key)', 'removing the key re-renders the inspector');
  });

  it('fetches a JWKS from 127.0.0.1 only after confirming, and verifies by kid', async () => {
    let requests = 0;
    const server: Server = createServer((_req, res) => {
      requests++;
      res.setHeader('content-type', 'application/jwk-set+json');
      res.end(JSON.stringify({ keys: [{ kty: 'oct', kid: 'it-kid', k: base64url.encode(new TextEncoder().encode(SECRET)) }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    // The modal cannot be clicked here: answer it, and record that it named the host.
    const original = vscode.window.showWarningMessage;
    const prompts: string[] = [];
    let answer: string | undefined;
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string) => {
      prompts.push(message);
      return Promise.resolve(answer);
    };
    try {
      answer = undefined; // declined: nothing is fetched
      assert.equal(await vscode.commands.executeCommand('tokenLens.addVerificationKey', { label: 'it-jwks', jwksUrl: url }), undefined);
      assert.equal(requests, 0);
      answer = 'Fetch';
      assert.equal(await vscode.commands.executeCommand('tokenLens.addVerificationKey', { label: 'it-jwks', jwksUrl: url }), 'it-jwks');
      assert.equal(requests, 1);
      assert.ok(prompts.every((p) => p.includes(new URL(url).host)), 'the confirmation names the host');
      const verified = await eventually(() => hoverText(doc, tokenOffset), (t) => /signature verified/i.test(t));
      assert.match(verified, /it\\?-jwks/);
    } finally {
      (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
      server.closeAllConnections();
      server.close();
    }
  });

  it('flags a token signed with a publicly known secret in the hover, without any key', async () => {
    const weak = await new SignJWT({ sub: 'weak' }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('your-256-bit-secret'));
    const text = `Authorization: Bearer ${weak}\n`;
    const weakDoc = await vscode.workspace.openTextDocument({ language: 'http', content: text });
    const read = (): Promise<string> => hoverText(weakDoc, text.indexOf(weak) + 5);
    const hover = await eventually(read, (t) => /TL401/.test(t));
    assert.match(hover, /TL401/);
    assert.match(hover, /publicly known secret/i);
  });
});
