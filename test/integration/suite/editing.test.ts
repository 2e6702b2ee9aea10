// Edit Token and signing keys (issue 11) in the real host: Generate Key Pair through its
// prompts, the JSON editor on the tokenlens-edit: file system (schema hover and completion,
// date hints), save → pick the key → the new token in the .http file as one undoable edit,
// verified with that key; the private key only in SecretStorage. The inspector's Edit… button and
// quick edits (exp +1 h, remove exp, iat now) finish the same way.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GeneratedKeyOutcome } from '../../../src/commands/generateKeyPair';
import type { EditSession } from '../../../src/model/editSessions';
import { api, cleanUp, filesContaining, makeToken, nowSec, openFile, waitFor } from './featureHelpers';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const decodePart = (token: string, i: number): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[i] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Answers every prompt of `pending` with its default (the first item, the pre-filled value, the
 * save dialog's path) — after `moves` × "select next" — until the command settles; a loaded host
 * may take a while to show each prompt, and accepting when none is open does nothing.
 */
async function settle<T>(pending: Thenable<T>, moves = 0): Promise<T> {
  let done = false;
  const result = Promise.resolve(pending).finally(() => (done = true));
  for (let i = 0; i < 60 && !done; i++) {
    await pause(700);
    if (done) break;
    for (let m = 0; m < moves; m++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

/** Accepts the focused quick pick / input box after `moves` × "select next". */
async function answer(moves = 0): Promise<void> {
  await pause(1200);
  for (let i = 0; i < moves; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/**
 * Accepts the finish pick (after `moves` × "select next") until `probe` sees the result: a quick
 * edit from the inspector runs on its own, so there is no promise to settle.
 */
async function acceptUntil<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, moves = 0): Promise<T> {
  for (let i = 0; i < 60; i++) {
    await pause(700);
    const seen = await probe();
    if (seen !== undefined) return seen;
    for (let m = 0; m < moves; m++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return waitFor(probe, what, 5000);
}

describe('Edit Token and signing keys (real host)', function () {
  this.timeout(120_000);
  // Generated through the prompts by the second test, used by the third.
  let generated: GeneratedKeyOutcome | undefined;

  before(async () => {
    const { keyStore } = await api();
    for (const k of await keyStore.signingKeys()) await keyStore.removeSigningKey(k.label);
  });
  after(async () => {
    const { keyStore } = await api();
    for (const k of await keyStore.signingKeys()) await keyStore.removeSigningKey(k.label);
    if (generated?.publicFile !== undefined) await vscode.workspace.fs.delete(generated.publicFile).then(undefined, () => undefined);
    await cleanUp();
  });

  it('a link carrying key material stores nothing: Add Signing Key prompts instead', async () => {
    const { keyStore } = await api();
    const pending = vscode.commands.executeCommand<string | undefined>('tokenLens.addSigningKey', { label: 'from-link', material: { kind: 'secret', value: 'link-secret-link-secret-link-secret', encoding: 'utf8' } });
    await pause(700);
    assert.deepStrictEqual(await keyStore.signingKeys(), [], 'nothing stored while the prompt is open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await pending, undefined, 'closing the first prompt ended the command');
    assert.deepStrictEqual(await keyStore.signingKeys(), []);
  });

  it('Generate Key Pair: EC P-256 through the prompts, the private key in SecretStorage, the public JWKS written where the save dialog says', async () => {
    const pending = vscode.commands.executeCommand<GeneratedKeyOutcome | undefined>('tokenLens.generateKeyPair');
    await answer(2); // RSA 2048, RSA 3072, EC P-256
    // Then the suggested label, "Public JWKS" (first) and the save dialog (a quick input in the browser) at its default path.
    const outcome = await settle(pending);
    assert.ok(outcome, 'the command finished with a key');
    generated = outcome;
    assert.strictEqual(outcome.alg, 'ES256');
    const { keyStore } = await api();
    const stored = await keyStore.signingKey(outcome.label);
    assert.ok(stored && stored.material.kind === 'pem' && stored.material.pem.includes('BEGIN PRIVATE KEY'), 'a PKCS#8 private key is stored');
    assert.strictEqual(stored.kid, outcome.kid);
    const summaries = await keyStore.signingKeySummaries();
    assert.ok(!JSON.stringify(summaries).includes('PRIVATE KEY'), 'summaries hold no material');
    assert.ok(outcome.publicFile, 'a public key file was written');
    const jwks = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(outcome.publicFile)).toString('utf8')) as { keys: Record<string, unknown>[] };
    assert.strictEqual(jwks.keys.length, 1);
    assert.strictEqual(jwks.keys[0]?.kid, outcome.kid);
    assert.strictEqual(jwks.keys[0]?.crv, 'P-256');
    assert.strictEqual(jwks.keys[0]?.d, undefined, 'the public file holds no private member');
  });

  it('Edit Token: JSON editor with schema docs and date hints; save → sign with the key → one undoable edit in the .http file, verified', async () => {
    assert.ok(generated, 'needs the generated key');
    const key = generated;
    const { edits, verification, keyStore, inspectorPanel } = await api();
    const exp = nowSec() + 3600;
    const original = makeToken({ sub: 'alice', scope: 'read', exp }, { alg: 'HS256', typ: 'JWT' });
    const httpText = `GET https://api.example.test/me\nAuthorization: Bearer ${original}\n`;
    const httpEditor = await openFile(httpText);
    const httpDoc = httpEditor.document;
    httpEditor.selection = new vscode.Selection(1, 30, 1, 30);

    const session = await vscode.commands.executeCommand<EditSession | undefined>('tokenLens.editToken');
    assert.ok(session, 'an edit session opened');
    assert.strictEqual(session.uri.scheme, 'tokenlens-edit');
    assert.ok(!session.uri.toString().includes(original.slice(0, 24)), 'no token text in the URI');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === session.uri.toString() ? vscode.window.activeTextEditor : undefined), 'the edit tab');
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'json');
    assert.match(doc.getText(), /"header": \{\n {4}"alg": "HS256",\n {4}"typ": "JWT"\n {2}\},\n {2}"payload": \{\n {4}"sub": "alice",/);

    // Hover docs from the core registry, through the contributed schema.
    const expKey = doc.positionAt(doc.getText().indexOf('"exp"') + 2);
    const hover = await waitFor(async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, expKey)) ?? [];
      const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /Expiration time/.test(text) ? text : undefined;
    }, 'the schema hover on "exp"', 20_000);
    assert.match(hover, /RFC 7519 §4\.1\.4/);
    // Completion offers registered claims inside the payload.
    const inPayload = doc.positionAt(doc.getText().indexOf('"sub"'));
    const completion = await waitFor(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inPayload);
      const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return labels.some((l) => l.includes('jti')) ? labels : undefined;
    }, 'completion of registered claims', 20_000);
    assert.ok(completion.some((l) => l.includes('nbf')), completion.join());
    // The time claim reads as a date in an inline hint.
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, new vscode.Range(0, 0, doc.lineCount, 0));
    const hintText = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''))).join('\n');
    assert.match(hintText, /in (59 min|1 h)/, hintText);

    // Edit a claim in the editor and save: the finish pick lists the key; choose it.
    const subAt = doc.getText().indexOf('"alice"');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(subAt), doc.positionAt(subAt + 7)), '"bob"')));
    // The finish pick: "Sign with <label>" (first).
    assert.strictEqual(await settle(doc.save()), true, 'saved');
    const first = await waitFor(() => {
      const m = /Bearer (\S+)/.exec(httpDoc.getText());
      return m?.[1] !== undefined && m[1] !== original ? m[1] : undefined;
    }, 'the new token in the .http file');
    assert.deepStrictEqual(decodePart(first, 0), { alg: 'ES256', typ: 'JWT', kid: key.kid });
    assert.strictEqual(decodePart(first, 1).sub, 'bob');
    assert.strictEqual(decodePart(first, 1).exp, exp, 'the other claims are as they were');
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, first), 'only the token changed');
    // The saved document shows the header the key signed (the editor reloads it).
    await waitFor(() => (doc.getText().includes('"ES256"') ? true : undefined), 'the edit document shows alg ES256');
    // Verified with that key (the verification service reads the signing key's public half).
    const status = await verification.status(first);
    assert.strictEqual(status.result.status, 'verified', JSON.stringify(status.result));
    assert.strictEqual(status.result.status === 'verified' ? status.result.keyLabel : '', key.label);
    // The inspector shows it verified.
    await vscode.window.showTextDocument(httpDoc, { selection: new vscode.Selection(1, 30, 1, 30) });
    await vscode.commands.executeCommand('tokenLens.inspectToken');
    const panel = await waitFor(() => inspectorPanel(), 'the inspector panel');
    await waitFor(async () => ((await panel.requestReport()).signature === 'signature verified' ? true : undefined), 'the inspector says "signature verified"');

    // Saving again does not ask: the finish is remembered for the session.
    await vscode.window.showTextDocument(doc);
    const scopeAt = doc.getText().indexOf('"read"');
    assert.ok(await vscode.window.activeTextEditor!.edit((e) => e.replace(new vscode.Range(doc.positionAt(scopeAt), doc.positionAt(scopeAt + 6)), '"read write"')));
    assert.strictEqual(await doc.save(), true, 'saved without a prompt');
    const second = /Bearer (\S+)/.exec(httpDoc.getText())?.[1] ?? '';
    assert.strictEqual(decodePart(second, 1).scope, 'read write');
    assert.strictEqual((await verification.status(second)).result.status, 'verified');

    // Undo in the .http file: each save was one edit.
    await vscode.window.showTextDocument(httpDoc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, first), 'one undo: the first edit');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(httpDoc.getText(), httpText, 'two undos: the original token');

    // The private key lives in SecretStorage only: no workspace or extension storage file holds it.
    const stored = await keyStore.signingKey(key.label);
    assert.ok(stored && stored.material.kind === 'pem');
    const body = stored.material.pem.split('\n').filter((l) => l !== '' && !l.startsWith('-----')).join('');
    const needles = [body.slice(0, 48), body.slice(-48)];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    const { storage } = await api();
    for (const dir of [folder, ...storage]) {
      for (const needle of needles) assert.deepStrictEqual(await filesContaining(dir, needle), [], `key bytes under ${dir.toString()}`);
    }
    // The edit document never saw key material either.
    assert.ok(!doc.getText().includes(needles[0]!));

    // Closing the tab drops the session (the token is not kept).
    const held = edits.size;
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => (edits.size === held - 1 ? true : undefined), 'the session dropped on close');
    assert.strictEqual(edits.session(session.uri), undefined);
  });

  it('inspector quick edit "exp +1 h" on a token in an .http file: pick the key → one undoable edit, exp ≈ now + 1 h, verified, shown; "remove exp" needs no second pick; Undo restores', async () => {
    assert.ok(generated, 'needs the generated key');
    const key = generated;
    const { verification, inspectorPanel } = await api();
    // Expired an hour ago: after the quick edit the countdown runs again.
    const original = makeToken({ sub: 'quinn', scope: 'read', iat: nowSec() - 7200, exp: nowSec() - 3600 }, { alg: 'HS256', typ: 'JWT' });
    const httpText = `GET https://api.example.test/me\nAuthorization: Bearer ${original}\n`;
    const httpEditor = await openFile(httpText);
    const httpDoc = httpEditor.document;
    httpEditor.selection = new vscode.Selection(1, 30, 1, 30);
    await vscode.commands.executeCommand('tokenLens.inspectToken');
    const panel = await waitFor(() => (inspectorPanel()?.current?.token === original ? inspectorPanel() : undefined), 'the inspector on the token');
    const before = await waitFor(async () => {
      const r = await panel.requestReport();
      return r.editActions.length > 0 ? r : undefined;
    }, 'the edit buttons');
    assert.deepStrictEqual(before.editActions, ['Edit…', 'exp +15 min', 'exp +1 h', 'exp now', 'Remove exp', 'iat now']);
    assert.strictEqual(before.status, 'expired');

    // "exp +1 h": the finish pick (once for this token) → "Sign with <generated>" (first).
    const asked = nowSec();
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'exp+1h' });
    const first = await acceptUntil(() => {
      const m = /Bearer (\S+)/.exec(httpDoc.getText());
      return m?.[1] !== undefined && m[1] !== original ? m[1] : undefined;
    }, 'the quick-edited token in the .http file');
    assert.deepStrictEqual(decodePart(first, 0), { alg: 'ES256', typ: 'JWT', kid: key.kid }, 'the algorithm came from the key, never none');
    const payload = decodePart(first, 1);
    assert.ok(typeof payload.exp === 'number' && Number.isInteger(payload.exp), `exp ${String(payload.exp)}`);
    assert.ok((payload.exp as number) >= asked + 3600 && (payload.exp as number) <= nowSec() + 3600, `exp ${String(payload.exp)} is now + 3600 (asked at ${asked})`);
    assert.strictEqual(payload.sub, 'quinn');
    assert.strictEqual(payload.iat, decodePart(original, 1).iat, 'the other claims are as they were');
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, first), 'only the token changed');
    const status = await verification.status(first);
    assert.strictEqual(status.result.status, 'verified', JSON.stringify(status.result));
    assert.strictEqual(status.result.status === 'verified' ? status.result.keyLabel : '', key.label);
    // The inspector shows the new token: its countdown runs, verified with the key.
    await waitFor(() => (panel.current?.token === first ? true : undefined), 'the inspector on the new token');
    const after = await waitFor(async () => {
      const r = await panel.requestReport();
      return r.status === 'valid' && r.signature === 'signature verified' ? r : undefined;
    }, 'the inspector: valid and verified', 20_000);
    assert.match(after.countdown, /expires in (59 min|1 h)/);
    assert.strictEqual(panel.current?.range?.start.line, 1, 'Reveal still points at the token');

    // "remove exp": the finish is remembered for this token's quick edits, so no pick this time.
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'exp-remove' });
    const second = await waitFor(() => {
      const m = /Bearer (\S+)/.exec(httpDoc.getText());
      return m?.[1] !== undefined && m[1] !== first ? m[1] : undefined;
    }, 'the token without exp (no second pick)', 20_000);
    assert.deepStrictEqual(Object.keys(decodePart(second, 1)), ['sub', 'scope', 'iat']);
    assert.strictEqual((await verification.status(second)).result.status, 'verified');
    await waitFor(async () => ((await panel.requestReport()).status === 'never-expires' ? true : undefined), 'the inspector: never expires');

    // Removing an exp that is not there changes nothing (a message says so).
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'exp-remove' });
    await pause(1500);
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, second), 'no edit');
    assert.strictEqual(panel.current?.token, second);
    // A message with more than the edit's name is dropped.
    const rejected = panel.rejectedMessages;
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'exp+1h', claims: { exp: 1 } });
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'exp+1y' });
    assert.strictEqual(panel.rejectedMessages, rejected + 2);
    await pause(500);
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, second));

    // Undo in the .http file: each quick edit was one edit.
    await vscode.window.showTextDocument(httpDoc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(httpDoc.getText(), httpText.replace(original, first), 'one undo: the exp +1 h token');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(httpDoc.getText(), httpText, 'two undos: the original token');
    await waitFor(() => (panel.current?.token === original ? true : undefined), 'the inspector follows the undo');
  });

  it('inspector Edit…: opens the edit tab for the shown token (its document; a clipboard token goes back to the clipboard)', async () => {
    const { edits, inspectorPanel } = await api();
    const original = makeToken({ sub: 'rita', exp: nowSec() + 600 }, { alg: 'HS256', typ: 'JWT' });
    const httpEditor = await openFile(`GET https://api.example.test/me\nAuthorization: Bearer ${original}\n`);
    httpEditor.selection = new vscode.Selection(1, 30, 1, 30);
    await vscode.commands.executeCommand('tokenLens.inspectToken');
    const panel = await waitFor(() => (inspectorPanel()?.current?.token === original ? inspectorPanel() : undefined), 'the inspector on the token');
    const held = edits.size;
    panel.simulateWebviewMessage({ type: 'edit' });
    const editor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'tokenlens-edit' && edits.session(e.document.uri)?.token === original ? e : undefined;
    }, 'the edit tab of the shown token');
    const session = edits.session(editor.document.uri);
    assert.ok(session);
    assert.strictEqual(edits.size, held + 1);
    assert.strictEqual(session.source.kind, 'document');
    assert.strictEqual(session.source.kind === 'document' ? session.source.uri.toString() : '', httpEditor.document.uri.toString());
    assert.match(editor.document.getText(), /"sub": "rita"/);
    assert.notStrictEqual(editor.viewColumn, vscode.ViewColumn.Two, 'the tab opens with the text editors, not over the inspector');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => (edits.size === held ? true : undefined), 'the session dropped on close');

    // A token that came from the clipboard: its edit tab, and a quick edit goes back to the clipboard.
    const pasted = makeToken({ sub: 'sam', iat: nowSec() - 86_400 }, { alg: 'HS256', typ: 'JWT' });
    panel.show({ token: pasted, label: 'clipboard' });
    await waitFor(() => (panel.current?.token === pasted ? true : undefined), 'the inspector on the clipboard token');
    panel.simulateWebviewMessage({ type: 'edit' });
    const clipEditor = await waitFor(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'tokenlens-edit' && edits.session(e.document.uri)?.token === pasted ? e : undefined;
    }, 'the edit tab of the clipboard token');
    assert.strictEqual(edits.session(clipEditor.document.uri)?.source.kind, 'clipboard');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // "iat now" on it: the pick → "Leave unsigned (alg: none)" (after the key): the new token, labelled, on the clipboard.
    await vscode.env.clipboard.writeText('');
    const asked = nowSec();
    panel.simulateWebviewMessage({ type: 'quickEdit', edit: 'iat-now' });
    const copied = await acceptUntil(async () => {
      const text = await vscode.env.clipboard.readText();
      return text !== '' ? text : undefined;
    }, 'the new token on the clipboard', 1);
    assert.deepStrictEqual(decodePart(copied, 0), { alg: 'none', typ: 'JWT' });
    assert.ok(copied.endsWith('.'), 'unsigned: an empty signature');
    const iat = decodePart(copied, 1).iat as number;
    assert.ok(iat >= asked && iat <= nowSec(), `iat ${iat} is now`);
    await waitFor(() => (panel.current?.token === copied ? true : undefined), 'the inspector shows the new token');
    assert.strictEqual(panel.current?.label, 'clipboard');
    assert.strictEqual((await panel.requestReport()).alg, 'none');
  });

  it('New Token: the access token template, signed with the stored key, inserted at the cursor', async () => {
    assert.ok(generated, 'needs the generated key');
    const { verification } = await api();
    const editor = await openFile('GET https://api.example.test/orders\nAuthorization: Bearer \n');
    editor.selection = new vscode.Selection(1, 22, 1, 22);
    const before = nowSec();
    const pending = vscode.commands.executeCommand<{ token: string; placed: string } | undefined>('tokenLens.newToken');
    // "Access token" (first), then the one signing key.
    const made = await settle(pending);
    assert.ok(made, 'a token was made');
    assert.strictEqual(made.placed, 'editor');
    assert.strictEqual(editor.document.lineAt(1).text, `Authorization: Bearer ${made.token}`);
    const header = decodePart(made.token, 0);
    const payload = decodePart(made.token, 1);
    assert.deepStrictEqual(header, { alg: 'ES256', typ: 'at+jwt', kid: generated.kid });
    assert.ok(typeof payload.iat === 'number' && payload.iat >= before && payload.iat <= nowSec(), 'iat is now');
    assert.strictEqual(payload.nbf, payload.iat);
    assert.strictEqual((payload.exp as number) - (payload.iat as number), 15 * 60);
    assert.match(String(payload.jti), /^[0-9a-f-]{36}$/);
    assert.strictEqual((await verification.status(made.token)).result.status, 'verified');
  });

  it('leave unsigned is a choice, labelled; from the clipboard the new token goes back to the clipboard', async () => {
    const { edits } = await api();
    const original = makeToken({ sub: 'carol' }, { alg: 'HS256', typ: 'JWT' });
    await openFile('no token on this line\n', 'txt');
    await vscode.env.clipboard.writeText(`Bearer ${original}`);
    const pending = vscode.commands.executeCommand<EditSession | undefined>('tokenLens.editToken');
    // "Edit the token on the clipboard".
    const session = await settle(pending);
    assert.ok(session);
    assert.strictEqual(session.source.kind, 'clipboard');
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === session.uri.toString() ? vscode.window.activeTextEditor : undefined), 'the edit tab');
    const at = editor.document.getText().indexOf('"carol"');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 7)), '"dave"')));
    // The pick: "Sign with <generated>", "Leave unsigned (alg: none)", "Keep the old signature".
    assert.strictEqual(await settle(editor.document.save(), 1), true);
    const copied = await vscode.env.clipboard.readText();
    assert.deepStrictEqual(decodePart(copied, 0), { alg: 'none', typ: 'JWT' });
    assert.strictEqual(decodePart(copied, 1).sub, 'dave');
    assert.ok(copied.endsWith('.'), 'an empty signature');
    const held = edits.size;
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await waitFor(() => (edits.size === held - 1 ? true : undefined), 'the session dropped on close');
  });

  it('cancelling the finish pick fails the save and changes nothing', async () => {
    const original = makeToken({ sub: 'erin' }, { alg: 'HS256', typ: 'JWT' });
    const httpText = `Authorization: Bearer ${original}\n`;
    const httpEditor = await openFile(httpText);
    httpEditor.selection = new vscode.Selection(0, 30, 0, 30);
    const session = await vscode.commands.executeCommand<EditSession | undefined>('tokenLens.editToken');
    assert.ok(session);
    const editor = await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === session.uri.toString() ? vscode.window.activeTextEditor : undefined), 'the edit tab');
    const at = editor.document.getText().indexOf('"erin"');
    assert.ok(await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 6)), '"frank"')));
    let settled = false;
    const saving = Promise.resolve(editor.document.save()).finally(() => (settled = true));
    // Close the finish pick once it is up (a loaded host may take a while to show it).
    for (let i = 0; i < 40 && !settled; i++) {
      await pause(500);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.strictEqual(await saving, false, 'the save failed');
    assert.strictEqual(editor.document.isDirty, true, 'the edit stays unsaved');
    assert.strictEqual(httpEditor.document.getText(), httpText, 'the .http file is unchanged');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
