// JWE decryption with stored keys (issue 11) in the real host: keys stored through *Add
// Decryption Key*'s prompts (the clipboard source, as a user copies a key from a password
// manager), then an .http file with an RSA-OAEP-256 + A256GCM JWE holding a signed JWT
// (cty: JWT), a PBES2 one and a dir one: the hover, the inspector and the tree show the
// decrypted claims and the inner token with its own signature; a p2c = 1e6 token is refused at
// once; the keys are in SecretStorage and in no file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { CompactEncrypt, CompactSign, exportJWK, generateKeyPair } from 'jose';
import type { DetailNode, NestedTokenNode, TokenNode } from '../../../src/features/tokenTree';
import { api, cleanUp, filesContaining, hoverText, nowSec, openFile, setSetting, waitFor } from './featureHelpers';

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const bytes = (v: unknown): Uint8Array => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Hover markdown with its backslash escapes removed (the words as a reader sees them). */
const plain = (markdown: string): string => markdown.replace(/\\([\\`*_{}[\]()#+\-.!:|<>~])/g, '$1');

/** Accepts the focused quick pick / input box after `moves` × "select next". */
async function answer(moves = 0): Promise<void> {
  await pause(1200);
  for (let i = 0; i < moves; i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
}

/** Accepts every further prompt with its default until the command settles. */
async function settle<T>(pending: Thenable<T>): Promise<T> {
  let done = false;
  const result = Promise.resolve(pending).finally(() => (done = true));
  for (let i = 0; i < 40 && !done; i++) {
    await pause(700);
    if (done) break;
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  }
  return result;
}

/**
 * Stores `text` through Add Decryption Key: the clipboard source (second item), `secretMoves`
 * into "What is this secret?" when it is one, then the suggested label and "Store".
 */
async function addThroughPrompts(text: string, secretMoves?: number): Promise<string | undefined> {
  await vscode.env.clipboard.writeText(text);
  const pending = vscode.commands.executeCommand<string | undefined>('tokenLens.addDecryptionKey');
  await answer(1); // "Use the key on the clipboard"
  if (secretMoves !== undefined) await answer(secretMoves);
  return settle(pending);
}

describe('JWE decryption with stored keys (real host)', function () {
  this.timeout(180_000);
  const LABELS = ['RSA private key (2048 bit)', 'Secret (20 bytes)', 'Secret (32 bytes)'];
  let rsaJwk = '';
  let rsaD = '';
  let rsaJwe = '';
  let inner = '';
  let pbesJwe = '';
  let dirJwe = '';
  let p2cJwe = '';
  let dirSecret = '';
  let zipBomb = '';

  before(async () => {
    const { keyStore } = await api();
    for (const k of await keyStore.decryptionKeySummaries()) if (!k.signs) await keyStore.removeDecryptionKey(k.label);
    const recipient = await generateKeyPair('RSA-OAEP-256', { extractable: true });
    const privateJwk = await exportJWK(recipient.privateKey);
    rsaD = privateJwk.d!;
    const issuer = await generateKeyPair('ES256', { extractable: true });
    await keyStore.add({ label: 'it-dec-issuer', material: { kind: 'jwk', json: JSON.stringify(await exportJWK(issuer.publicKey)) } });
    const now = nowSec();
    inner = await new CompactSign(bytes({ sub: 'inner-alice', iss: 'https://issuer.example', aud: 'api', iat: now - 60, exp: now + 1800 })).setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: 'issuer-1' }).sign(issuer.privateKey);
    rsaJwe = await new CompactEncrypt(bytes(inner)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' }).encrypt(recipient.publicKey);
    pbesJwe = await new CompactEncrypt(bytes({ sub: 'pbes-bob', exp: now + 900 })).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).encrypt(bytes('correct horse staple'));
    const secret = crypto.getRandomValues(new Uint8Array(32));
    dirSecret = Buffer.from(secret).toString('base64url');
    dirJwe = await new CompactEncrypt(bytes({ sub: 'dir-carol', exp: now + 600 })).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(secret);
    // 4 MiB of zeros, a few KiB deflated: past the 1 MiB cap.
    zipBomb = await new CompactEncrypt(new Uint8Array(4 * 1024 * 1024)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', zip: 'DEF' } as never).encrypt(secret);
    p2cJwe = `${b64({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM', p2s: 'AAAAAAAAAAAAAAAAAAAAAA', p2c: 1_000_000 })}.AAAA.AAAA.AAAA.AAAA`;
    rsaJwk = JSON.stringify(privateJwk);
  });

  after(async () => {
    const { keyStore } = await api();
    for (const k of await keyStore.decryptionKeySummaries()) if (!k.signs) await keyStore.removeDecryptionKey(k.label);
    await keyStore.remove('it-dec-issuer');
    await cleanUp();
  });

  it('a link carrying key material stores nothing: Add Decryption Key prompts instead', async () => {
    const { keyStore } = await api();
    const pending = vscode.commands.executeCommand<string | undefined>('tokenLens.addDecryptionKey', { label: 'from-link', material: { kind: 'secret', value: 'link-secret', encoding: 'utf8' } });
    await pause(800);
    assert.deepStrictEqual(await keyStore.decryptionKeySummaries(), [], 'nothing stored while the prompt is open');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.strictEqual(await pending, undefined);
    assert.deepStrictEqual(await keyStore.decryptionKeySummaries(), []);
  });

  it('stores an RSA private JWK, a PBES2 password and a dir key through the prompts: decryption keys in SecretStorage, never offered for signing, the clipboard cleared', async () => {
    const { keyStore } = await api();
    assert.strictEqual(await addThroughPrompts(rsaJwk), LABELS[0]);
    assert.strictEqual(await vscode.env.clipboard.readText(), '', 'the clipboard no longer holds the key');
    assert.strictEqual(await addThroughPrompts('correct horse staple', 0), LABELS[1]); // "Password or text"
    assert.strictEqual(await addThroughPrompts(dirSecret, 1), LABELS[2]); // "Key bytes, base64url"
    const summaries = await keyStore.decryptionKeySummaries();
    assert.deepStrictEqual(summaries.map((k) => [k.label, k.signs]), LABELS.map((l) => [l, false]));
    assert.match(summaries[0]!.description, /decrypts RSA-OAEP, RSA-OAEP-256, RSA-OAEP-384 and 1 more/);
    assert.ok(!JSON.stringify(summaries).includes(rsaD), 'summaries hold no material');
    assert.deepStrictEqual((await keyStore.signingKeys()).filter((k) => LABELS.includes(k.label)), [], 'decryption keys are not signing keys');
  });

  it('the hover shows the decrypted JWE and its inner JWT with its claims and signature; PBES2 and dir decrypt; p2c = 1e6 is refused at once', async () => {
    const editor = await openFile(
      ['GET https://api.example.test/rsa', `Authorization: Bearer ${rsaJwe}`, '', `X-Pbes: ${pbesJwe}`, `X-Dir: ${dirJwe}`, `X-Bomb: ${p2cJwe}`, ''].join('\n'),
    );
    const doc = editor.document;
    const at = (line: number): vscode.Position => new vscode.Position(line, doc.lineAt(line).text.indexOf('ey') + 5);
    const rsa = await waitFor(async () => {
      const t = plain(await hoverText(doc.uri, at(1)));
      return /Decrypted with key/.test(t) && /signature verified/i.test(t) ? t : undefined;
    }, 'the decrypted hover', 20_000);
    assert.match(rsa, /Decrypted with key “RSA private key \(2048 bit\)”\*\* — RSA-OAEP-256 · A256GCM/);
    assert.match(rsa, /Inner token\*\* · payload \(cty: JWT\) · JWS · alg ES256/);
    assert.match(rsa, /\*\*sub\*\* inner-alice/);
    assert.match(rsa, /expires in (29|30) min/);
    assert.match(rsa, /signature verified — .*it-dec-issuer/i);
    assert.doesNotMatch(rsa, /Copy payload/, 'the plaintext is not the token: nothing to copy from it');
    assert.doesNotMatch(rsa, /Payload encrypted \(JWE\)/);
    const pbes = plain(await hoverText(doc.uri, at(3)));
    assert.match(pbes, /Decrypted with key “Secret \(20 bytes\)”\*\* — PBES2-HS256\+A128KW · A128GCM/);
    assert.match(pbes, /\*\*sub\*\* pbes-bob/);
    assert.match(pbes, /expires in 1[45] min/);
    const dir = plain(await hoverText(doc.uri, at(4)));
    assert.match(dir, /Decrypted with key “Secret \(32 bytes\)”\*\* — dir · A256GCM/);
    assert.match(dir, /\*\*sub\*\* dir-carol/);
    const started = Date.now();
    const bomb = plain(await hoverText(doc.uri, at(5)));
    const took = Date.now() - started;
    assert.match(bomb, /Refused before decryption\*\* — Refused before any work: PBES2 "p2c" is 1000000, over the bound of 10000/);
    assert.match(bomb, /\(step: header\)/);
    // A million PBKDF2 rounds take seconds; the refusal is a header read (the hover's own work aside).
    assert.ok(took < 1500, `the p2c refusal took ${took} ms`);
    for (const text of [rsa, pbes, dir, bomb]) assert.ok(!text.includes(rsaD) && !text.includes(dirSecret) && !text.includes('correct horse'), 'no key material in a hover');
  });

  it('the guards follow the settings: a lower p2c bound refuses the PBES2 token; a zip bomb stops at the cap', async () => {
    const editor = await openFile([`X-Pbes: ${pbesJwe}`, `X-Zip: ${zipBomb}`, ''].join('\n'));
    const doc = editor.document;
    const at = (line: number): vscode.Position => new vscode.Position(line, doc.lineAt(line).text.indexOf('ey') + 5);
    const bomb = plain(await hoverText(doc.uri, at(1)));
    assert.match(bomb, /Refused — the plaintext inflates past the cap\*\* — Refused: the zip "DEF" plaintext inflates past the cap of 1048576 bytes.*\(step: cap\)/);
    const undo = await setSetting('decryption.maxPbes2Count', 1000);
    try {
      const refused = await waitFor(async () => {
        const t = plain(await hoverText(doc.uri, at(0)));
        return /Refused before decryption/.test(t) ? t : undefined;
      }, 'the lower p2c bound', 10_000);
      assert.match(refused, /PBES2 "p2c" is 2048, over the bound of 1000/); // jose writes p2c 2048
      assert.match(refused, /TL214/, 'the finding names the same bound');
    } finally {
      await undo();
    }
    await waitFor(async () => (/Decrypted with key/.test(plain(await hoverText(doc.uri, at(0)))) ? true : undefined), 'decrypted again at the default bound', 10_000);
  });

  it('the inspector shows the JWE decrypted and its inner JWT as a nested card with its own verification; the tree a decrypted row and the inner token as a child row', async () => {
    const { inspectorPanel, tree } = await api();
    const editor = await openFile(['GET https://api.example.test/rsa', `Authorization: Bearer ${rsaJwe}`, ''].join('\n'));
    editor.selection = new vscode.Selection(1, 30, 1, 30);
    await vscode.commands.executeCommand('tokenLens.inspectToken');
    const panel = await waitFor(() => (inspectorPanel()?.current?.token === rsaJwe ? inspectorPanel() : undefined), 'the inspector on the JWE');
    const report = await waitFor(async () => {
      const r = await panel.requestReport();
      return r.headings.some((h) => h.startsWith('Decrypted with key')) && r.headings.some((h) => h.startsWith('Signature: ')) ? r : undefined;
    }, 'the decrypted inspector', 20_000);
    assert.strictEqual(report.kind, 'JWE');
    assert.ok(report.sections.includes('decryption'), report.sections.join(', '));
    assert.ok(report.headings.includes('Decrypted with key “RSA private key (2048 bit)”'), report.headings.join(' | '));
    assert.ok(report.headings.includes('Nested token'));
    assert.ok(report.headings.includes('Signature: signature verified'), report.headings.join(' | '));
    assert.strictEqual(report.nested.length, 1);
    assert.match(report.nested[0]!, /^payload \(cty: JWT\) · JWS · ES256 · expires in (29|30) min/);

    // The tree: the row of the JWE, expanded.
    await vscode.window.showTextDocument(editor.document);
    const row = await waitFor(async () => ((await tree.getChildren()) as TokenNode[]).find((n) => n.kind === 'token' && n.target.token === rsaJwe), 'the JWE row');
    const children = await tree.getChildren(row);
    const decrypted = children.find((c): c is DetailNode => c.kind === 'detail' && c.label === 'decrypted');
    assert.ok(decrypted, 'a decrypted row');
    assert.match(String(decrypted.description), /Decrypted with key “RSA private key \(2048 bit\)” · RSA-OAEP-256 · A256GCM/);
    const innerRow = children.find((c): c is NestedTokenNode => c.kind === 'nested');
    assert.ok(innerRow, 'the inner token as a child row');
    assert.strictEqual(innerRow.label, 'payload (cty: JWT)');
    assert.match(String(innerRow.description), /JWS · ES256 .*signature verified/);
    // Clicking it opens the JWE (the plaintext is never a target of its own).
    assert.strictEqual((innerRow.command?.arguments?.[0] as { target: { token: string } }).target.token, rsaJwe);
    const innerClaims = await tree.getChildren(innerRow);
    assert.ok(innerClaims.some((c) => c.kind === 'claim' && c.label === 'sub' && String(c.description).includes('inner-alice')));
  });

  it('the keys are in SecretStorage and in no file under the workspace or the user data dir (the extension\'s storage in it)', async () => {
    const { storage, keyStore } = await api();
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    assert.strictEqual((await keyStore.decryptionKeys()).length >= 3, true, 'the keys are in SecretStorage');
    // globalStorageUri is <user data dir>/User/globalStorage/<extension>: the whole user data dir is searched.
    const userData = vscode.Uri.joinPath(storage[0]!, '..', '..', '..');
    const top = await vscode.workspace.fs.readDirectory(userData);
    assert.ok(top.some(([name]) => name === 'User'), `not the user data dir: ${userData.toString()} holds ${top.map(([n]) => n).join(', ')}`);
    const needles = [rsaD.slice(0, 40), rsaD.slice(-40), dirSecret, 'correct horse staple', inner.split('.')[1]!.slice(0, 40)];
    for (const dir of [folder, userData, ...storage]) {
      for (const needle of needles) assert.deepStrictEqual(await filesContaining(dir, needle), [], `secret or plaintext bytes under ${dir.toString()}`);
    }
  });
});
