// Every command of src/commands in the real host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TokenLocation } from '../../../src/model/commandIds';
import type { InspectTarget } from '../../../src/model/types';
import type { ScanSummary } from '../../../src/commands/scanWorkspace';
import type { FileNode, ScanResultsNode } from '../../../src/features/tokenTree';
import { api, cleanUp, makeToken, nowSec, openFile, setSetting } from './featureHelpers';

describe('Commands (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  const token = makeToken({ sub: 'carol', aud: 'orders', exp: nowSec() + 3600 });

  async function onToken(): Promise<vscode.TextEditor> {
    const editor = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${token}\n`);
    editor.selection = new vscode.Selection(1, 30, 1, 30);
    return editor;
  }

  it('Inspect Token at Cursor opens the panel on the token under the cursor', async () => {
    await onToken();
    const target = await vscode.commands.executeCommand<InspectTarget | undefined>('tokenLens.inspectToken');
    assert.ok(target);
    assert.strictEqual(target.token, token);
    assert.strictEqual(target.label, 'Authorization · line 2');
    const panel = (await api()).inspectorPanel();
    assert.ok(panel, 'inspector panel not open');
    assert.strictEqual(panel.current?.token, token);
  });

  it('Inspect accepts a location argument (hover links, CodeLens)', async () => {
    const editor = await onToken();
    const location: TokenLocation = { uri: editor.document.uri.toString(), line: 1, character: 25 };
    const target = await vscode.commands.executeCommand<InspectTarget | undefined>('tokenLens.inspectToken', location);
    assert.strictEqual(target?.token, token);
  });

  it('Decode Token uses the selection when the cursor is not on a token', async () => {
    const editor = await openFile(`value: "Bearer ${token}"\n`, 'txt');
    // Select the token including the quotes; the cursor (selection end) sits after the closing quote.
    const line = editor.document.lineAt(0).text;
    editor.selection = new vscode.Selection(0, line.indexOf('"'), 0, line.length);
    const target = await vscode.commands.executeCommand<InspectTarget | undefined>('tokenLens.decodeToken');
    assert.strictEqual(target?.token, token);
  });

  it('Decode Token in a browser host reads the clipboard only when asked (issue 12), then decodes a pasted "Bearer …"', async () => {
    // This host is code-server in a browser: an unprompted read raised "Unable to read from the browser's clipboard".
    assert.strictEqual(vscode.env.uiKind, vscode.UIKind.Web);
    const editor = await openFile('no token on this line\n', 'txt');
    editor.selection = new vscode.Selection(0, 3, 0, 3);
    const copied = makeToken({ sub: 'from-clipboard', exp: nowSec() + 60 });
    await vscode.env.clipboard.writeText(`  Bearer ${copied}\n`);
    // Closing the prompt decodes nothing: the clipboard was not taken on its own.
    let settled = false;
    const declined = Promise.resolve(vscode.commands.executeCommand<InspectTarget | undefined>('tokenLens.decodeToken')).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 800));
    assert.strictEqual(settled, false, 'the command waits for a choice instead of reading the clipboard');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await declined, undefined);
    // Choosing "Decode the token on the clipboard" (the pick's only item while nothing is typed).
    const pending = vscode.commands.executeCommand<InspectTarget | undefined>('tokenLens.decodeToken');
    await new Promise((r) => setTimeout(r, 800));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const target = await pending;
    assert.strictEqual(target?.token, copied);
    assert.strictEqual(target?.label, 'clipboard');
    assert.strictEqual((await api()).inspectorPanel()?.current?.token, copied);
  });

  it('Copy Header / Payload JSON and Claims Table put the decoded parts on the clipboard', async () => {
    await onToken();
    const [encodedHeader, encodedPayload] = token.split('.') as [string, string];
    const header = await vscode.commands.executeCommand<string>('tokenLens.copyHeaderJson');
    assert.strictEqual(header, Buffer.from(encodedHeader, 'base64url').toString('utf8'));
    const payload = await vscode.commands.executeCommand<string>('tokenLens.copyPayloadJson');
    assert.strictEqual(payload, Buffer.from(encodedPayload, 'base64url').toString('utf8'));
    assert.strictEqual(await vscode.env.clipboard.readText(), payload);
    const table = await vscode.commands.executeCommand<string>('tokenLens.copyClaimsTable');
    assert.match(table, /\| payload \| sub \| carol \|/);
  });

  it('Copy Header / Payload JSON keep the exact text: big integers and duplicate names survive', async () => {
    // Hand-written JSON: a re-serialised value would read 12345678901234567000 and keep one "role".
    const headerJson = '{"alg":"HS256",  "typ":"JWT"}';
    const payloadJson = '{"id":12345678901234567891,"role":"user","role":"admin"}';
    const b64 = (s: string): string => Buffer.from(s).toString('base64url');
    const exact = `${b64(headerJson)}.${b64(payloadJson)}.${b64('signature-bytes')}`;
    const editor = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${exact}\n`);
    editor.selection = new vscode.Selection(1, 30, 1, 30);
    assert.strictEqual(await vscode.commands.executeCommand<string>('tokenLens.copyHeaderJson'), headerJson);
    assert.strictEqual(await vscode.commands.executeCommand<string>('tokenLens.copyPayloadJson'), payloadJson);
    assert.strictEqual(await vscode.env.clipboard.readText(), payloadJson);
  });

  it('a malformed token under the cursor gives a message, not an exception', async () => {
    const editor = await openFile('Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIi$$$.abc\n', 'txt');
    editor.selection = new vscode.Selection(0, 26, 0, 26);
    // Record the warning instead of showing it.
    const original = vscode.window.showWarningMessage;
    const warnings: string[] = [];
    (vscode.window as { showWarningMessage: unknown }).showWarningMessage = (message: string) => {
      warnings.push(message);
      return Promise.resolve(undefined);
    };
    try {
      const copied = await vscode.commands.executeCommand<string | undefined>('tokenLens.copyPayloadJson');
      assert.strictEqual(copied, undefined);
      assert.strictEqual(warnings.length, 1, `warnings: ${JSON.stringify(warnings)}`);
      assert.match(warnings[0]!, /malformed/i);
    } finally {
      (vscode.window as { showWarningMessage: unknown }).showWarningMessage = original;
    }
  });

  it('Reveal Token in Editor selects the token', async () => {
    const editor = await onToken();
    const location: TokenLocation = { uri: editor.document.uri.toString(), line: 1, character: 40 };
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const revealed = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('tokenLens.revealToken', location);
    assert.ok(revealed);
    assert.strictEqual(revealed.document.getText(revealed.selection), token);
  });

  it('Scan Workspace finds tokens in files, skips binary and over-size, and fills the tree', async () => {
    const small = await openFile(`X-Token: ${token}\n`, 'txt');
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const binary = vscode.Uri.joinPath(folder, 'features', `gen-binary-${Date.now()}.bin`);
    await vscode.workspace.fs.writeFile(binary, Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(token)]));
    // 1 KiB limit: the token file stays under it, this one (a token, then 4 KiB of text) goes over.
    const large = vscode.Uri.joinPath(folder, 'features', `gen-large-${Date.now()}.txt`);
    await vscode.workspace.fs.writeFile(large, Buffer.from(`X-Token: ${token}\n${'filler line\n'.repeat(400)}`));
    const undo = await setSetting('scan.maxFileSizeKB', 1);
    try {
      const summary = await vscode.commands.executeCommand<ScanSummary>('tokenLens.scanWorkspace');
      assert.ok(summary.tokens >= 1, `no tokens found: ${JSON.stringify(summary)}`);
      assert.ok(summary.skippedBinary >= 1, 'binary file not skipped');
      assert.ok(summary.skippedLarge >= 1, 'over-size file not skipped');
      const { tree, scanResults } = await api();
      assert.strictEqual(scanResults.all.length, summary.tokens);
      // Scan results sit under their own heading (issue 12), not among the active editor's tokens.
      const heading = (await tree.getChildren()).find((n): n is ScanResultsNode => n.kind === 'scan');
      assert.ok(heading, 'no scan results heading');
      const scannedFiles = (await tree.getChildren(heading)).filter((n) => n.kind === 'file').map((n) => (n as FileNode).uri.toString());
      assert.ok(scannedFiles.includes(small.document.uri.toString()), `token file missing from ${scannedFiles.join(', ')}`);
      assert.ok(!scannedFiles.includes(binary.toString()), 'a result from the binary file');
      assert.ok(!scannedFiles.includes(large.toString()), 'a result from the over-size file');
      await vscode.commands.executeCommand('tokenLens.clearScanResults');
      assert.strictEqual(scanResults.all.length, 0);
    } finally {
      await undo();
    }
  });
});
