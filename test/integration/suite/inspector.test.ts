// The inspector webview in a real extension host: panel opens, the page handshakes, renders
// the token and reports back what its DOM shows; the countdown ticks; hostile messages are dropped.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { InspectorPanel } from '../../../src/webview/inspectorPanel';
import type { RenderedSummary } from '../../../src/present/inspector/protocol';
import type { TokenLensApi } from '../../../src/extension';

const EXTENSION_ID = 'token-lens.token-lens';
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const nowSec = (): number => Math.floor(Date.now() / 1000);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms))]);
}

describe('Inspector webview panel (real host)', function () {
  this.timeout(60_000);
  let context: { extensionUri: vscode.Uri; extensionMode: vscode.ExtensionMode };
  let panel: InspectorPanel | undefined;

  before(() => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} not found`);
    context = { extensionUri: ext.extensionUri, extensionMode: vscode.ExtensionMode.Test };
  });

  after(() => panel?.dispose());

  async function open(token: string, label: string): Promise<RenderedSummary> {
    const rendered = new Promise<RenderedSummary>((resolve) => {
      // Register before showing: the render arrives asynchronously after the handshake. A
      // page reload (the panel was hidden and shown again) can first re-render the previous
      // token, so wait for the render of this one.
      const next = (): void => void panel!.whenRendered().then((s) => (s.title === label ? resolve(s) : next()));
      queueMicrotask(next);
    });
    panel = InspectorPanel.createOrShow(context, { token, label });
    return withTimeout(rendered, 30_000, `render of ${label}`);
  }

  it('renders a JWS: kind, alg, status, hints grouped by reason, sections', async () => {
    const iat = nowSec() - 60;
    const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'alice', iat, exp: iat + 2 * 86400 })}.${b64('sig-bytes')}`;
    const s = await open(token, 'integration · valid');
    assert.strictEqual(s.state, 'token');
    assert.strictEqual(s.title, 'integration · valid');
    assert.strictEqual(s.kind, 'JWS');
    assert.strictEqual(s.alg, 'HS256');
    assert.strictEqual(s.status, 'valid');
    assert.match(s.countdown, /^expires in 1 day 23 h$/);
    assert.strictEqual(s.statusText, s.countdown, 'one countdown');
    assert.ok(s.hintCodes.includes('TL102'), `long lifetime hint missing: ${s.hintCodes.join(',')}`);
    assert.ok(s.hintCodes.includes('TL103'), `no-jti hint missing: ${s.hintCodes.join(',')}`);
    // Issue 12's order: summary, verdict, payload claims, header, times, signature, revocation risks, size, raw token.
    assert.deepStrictEqual(s.sections, ['summary', 'verdict', 'payload', 'header', 'times', 'signature', 'hints', 'size', 'token']);
    for (const h of ['Verdict', 'Payload claims', 'Header', 'Times', 'Signature and verification cost', 'Revocation risks', 'Size', 'Raw token']) assert.ok(s.headings.includes(h), `heading ${h} missing`);
    assert.ok(s.findingCodes.includes('TL102'), `the 2-day lifetime warning is in the verdict: ${s.findingCodes.join(',')}`);
    assert.ok(s.headings.some((h) => /^Reason 2 · /.test(h)), 'reason 2 group missing');
    assert.strictEqual(InspectorPanel.current, panel);
  });

  it('ticks the countdown each second without a re-render', async () => {
    await open(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'tick', iat: nowSec(), exp: nowSec() + 600 })}.${b64('sig-bytes')}`, 'integration · ticking');
    const first = await withTimeout(panel!.requestReport(), 10_000, 'report');
    await new Promise((r) => setTimeout(r, 1500));
    const second = await withTimeout(panel!.requestReport(), 10_000, 'report');
    assert.notStrictEqual(second.countdown, first.countdown);
    assert.match(second.countdown, /^expires in /);
  });

  it('reuses the one panel and shows an expired token', async () => {
    const before = panel;
    const token = `${b64({ alg: 'RS256' })}.${b64({ sub: 'bob', exp: nowSec() - 7200, jti: 'j1' })}.${b64('s')}`;
    const s = await open(token, 'integration · expired');
    assert.strictEqual(panel, before);
    assert.strictEqual(s.status, 'expired');
    assert.strictEqual(s.alg, 'RS256');
    assert.match(s.countdown, /^expired 2 h( \d+ min)? ago$/);
  });

  it('"valid at…" evaluates an expired token at an instant inside its lifetime, and back at now', async () => {
    const iat = nowSec() - 7200;
    const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'asof', iat, exp: iat + 3600 })}.${b64('sig-bytes')}`;
    const s = await open(token, 'integration · valid at');
    assert.strictEqual(s.status, 'expired');
    const inside = (iat + 1800) * 1000;
    const shown = panel!.whenRendered();
    panel!.simulateWebviewMessage({ type: 'validAt', at: inside });
    const asOf = await withTimeout(shown, 10_000, 'the render at the chosen instant');
    assert.strictEqual(asOf.status, 'valid');
    assert.strictEqual(asOf.countdown, 'expires in 30 min');
    const back = panel!.whenRendered();
    panel!.simulateWebviewMessage({ type: 'validAt', at: null });
    assert.strictEqual((await withTimeout(back, 10_000, 'the render at now')).status, 'expired');
    const rejected = panel!.rejectedMessages;
    for (const hostile of [{ type: 'validAt', at: 'tomorrow' }, { type: 'validAt', at: 1e300 }, { type: 'validAt' }, { type: 'validAt', at: 1, extra: 1 }]) panel!.simulateWebviewMessage(hostile);
    assert.strictEqual(panel!.rejectedMessages - rejected, 4, 'malformed validAt messages are dropped');
  });

  it('follows edits of the document the token came from', async () => {
    const valid = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'edit', exp: nowSec() + 3600 })}.${b64('s')}`;
    const expired = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'edit', exp: nowSec() - 3600 })}.${b64('s')}`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `GET https://x.example/\nAuthorization: Bearer ${valid}\n` });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(1, 30, 1, 30);
    const shown = await vscode.commands.executeCommand<{ token: string } | undefined>('tokenLens.inspectToken');
    assert.strictEqual(shown?.token, valid);
    // The extension's own panel (this suite's bundle has its own copy of the InspectorPanel class).
    const ext = vscode.extensions.getExtension<TokenLensApi>(EXTENSION_ID)!;
    const extensionPanel = (await ext.activate()).inspectorPanel();
    assert.ok(extensionPanel, 'panel open');
    assert.strictEqual(extensionPanel.current?.token, valid);
    const rendered = new Promise<RenderedSummary>((resolve) => {
      const poll = (): void => void extensionPanel.whenRendered().then((s) => (s.status === 'expired' ? resolve(s) : poll()));
      poll();
    });
    const start = doc.lineAt(1).text.indexOf(valid);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(1, start, 1, start + valid.length), expired);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const s = await withTimeout(rendered, 10_000, 'the re-render after the edit');
    assert.strictEqual(s.status, 'expired');
    assert.strictEqual(extensionPanel.current?.token, expired);

    // Lines inserted above, with another token in the same column: the panel stays on its token.
    const other = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'other', exp: nowSec() + 60 })}.${b64('s')}`;
    const above = new vscode.WorkspaceEdit();
    above.insert(doc.uri, new vscode.Position(0, 0), `GET https://y.example/\nAuthorization: Bearer ${other}\n`);
    assert.ok(await vscode.workspace.applyEdit(above));
    await new Promise((r) => setTimeout(r, 800));
    assert.strictEqual(extensionPanel.current?.token, expired, 'the panel jumped to another token');
    assert.strictEqual(extensionPanel.current?.range?.start.line, 3, 'the tracked range moved with the edit');
    extensionPanel.dispose();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows a JWE as encrypted with five parts', async () => {
    const token = [b64({ alg: 'RSA-OAEP', enc: 'A256GCM' }), b64('k'.repeat(32)), b64('iv-iv-iv-iv'), b64('c'.repeat(40)), b64('t'.repeat(16))].join('.');
    const s = await open(token, 'integration · jwe');
    assert.strictEqual(s.kind, 'JWE');
    assert.strictEqual(s.alg, 'RSA-OAEP');
  });

  it('shows a malformed token as a clear error', async () => {
    const s = await open(`${b64('{"alg": nope')}.${b64({})}.sig`, 'integration · malformed');
    assert.strictEqual(s.state, 'error');
    assert.match(s.error, /header/i);
    assert.deepStrictEqual(s.hintCodes, []);
  });

  it('copies the header JSON through a valid copy message, and ignores hostile messages', async () => {
    const headerJson = '{"alg":"HS256","kid":"k1"}';
    const token = `${b64(headerJson)}.${b64({ sub: 'c' })}.${b64('s')}`;
    await open(token, 'integration · copy');
    await vscode.env.clipboard.writeText('untouched');
    const rejectedBefore = panel!.rejectedMessages;
    for (const hostile of [
      { type: 'copy', target: 'token', text: 'attacker' },
      { type: 'copy', target: 'secret' },
      { type: 'eval', code: 'x' },
      { type: 'rendered', summary: { state: 'token' } },
      'ready',
      null,
    ]) {
      panel!.simulateWebviewMessage(hostile);
    }
    assert.strictEqual(panel!.rejectedMessages, rejectedBefore + 6);
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(await vscode.env.clipboard.readText(), 'untouched');
    panel!.simulateWebviewMessage({ type: 'copy', target: 'header' });
    await new Promise((r) => setTimeout(r, 300));
    assert.strictEqual(await vscode.env.clipboard.readText(), headerJson);
  });

  it('Reveal selects the token with the cursor at its start, so a long line does not scroll sideways (issue 12)', async () => {
    const token = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'reveal', pad: 'x'.repeat(400) })}.${b64('s')}`;
    const doc = await vscode.workspace.openTextDocument({ language: 'http', content: `GET https://x.example/\nAuthorization: Bearer ${token}\n` });
    const start = doc.lineAt(1).text.indexOf(token);
    const range = new vscode.Range(1, start, 1, start + token.length);
    const rendered = panel!.whenRendered();
    panel = InspectorPanel.createOrShow(context, { token, label: 'integration · reveal', uri: doc.uri, range });
    await withTimeout(rendered, 30_000, 'render');
    panel!.simulateWebviewMessage({ type: 'reveal' });
    const editor = await withTimeout(
      new Promise<vscode.TextEditor>((resolve) => {
        const poll = (): void => {
          const e = vscode.window.activeTextEditor;
          if (e?.document === doc && !e.selection.isEmpty && e.selection.active.isEqual(range.start)) resolve(e);
          else setTimeout(poll, 100);
        };
        poll();
      }),
      10_000,
      `the reveal (cursor at ${vscode.window.activeTextEditor?.selection.active.character})`,
    );
    assert.ok(editor.selection.active.isEqual(range.start), `cursor at ${editor.selection.active.line}:${editor.selection.active.character}, token starts at ${start}`);
    assert.ok(editor.selection.anchor.isEqual(range.end), 'the whole token selected');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows tokens nested in claims as cards labelled with their claim path, the depth-4 stop as a notice (issue 13)', async () => {
    // The fixture: id_token, software_statement and an act chain four tokens deep (test/integration/fixtures/nested.http).
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'nested.http'))).toString('utf8');
    const token = /^@nested = (\S+)$/m.exec(text)![1]!;
    const s = await open(token, 'integration · nested');
    assert.deepStrictEqual(s.sections, ['summary', 'verdict', 'payload', 'nested', 'header', 'times', 'signature', 'hints', 'size', 'token']);
    assert.ok(s.headings.includes('Nested tokens (5)'), `heading: ${s.headings.join(' | ')}`);
    assert.deepStrictEqual(s.nested.map((n) => n.replace(/ · (expires in|never expires).*$/, ' · $1')), [
      'id_token · JWS · RS256 · expires in',
      'software_statement · JWS · ES256 · never expires',
      'act.actor_token · JWS · HS256 · expires in',
      'act.actor_token → act.actor_token · JWS · HS256 · expires in',
      'act.actor_token → act.actor_token → act.actor_token · JWS · HS256 · expires in',
    ]);
    assert.deepStrictEqual(s.nestedNotices, ['A token nested 4 levels deep (act.actor_token → act.actor_token → act.actor_token → act.actor_token) is not decoded: nested tokens are shown to a depth of 3']);
    // Each card has its own verdict, claims, header and times.
    for (const h of ['Verdict', 'Claims', 'Header', 'Times', 'Nested tokens']) assert.ok(s.headings.includes(h), `card heading ${h} missing`);
    assert.strictEqual(s.comparison, '');
  });

  it('dispose() closes the panel and clears the singleton', () => {
    panel!.dispose();
    assert.strictEqual(InspectorPanel.current, undefined);
    panel = undefined;
  });
});
