// Hover in the real host: on a token, on a {{name}} reference, hostile claims escaped, links
// carry a location (not the token), and a latency figure on a 10 MB file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile, setSetting, waitFor } from './featureHelpers';

const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

describe('Hover (real host)', function () {
  this.timeout(120_000);
  before(api);
  after(cleanUp);

  it('token shapes of issue 14 in the real host: the base64-wrapped JWT of a Kubernetes Secret decodes, a Flask cookie is named, not "malformed"', async () => {
    // Read through workspace.fs, not Node's fs: the suite runs in the web worker host too.
    const root = vscode.extensions.all.find((e) => e.packageJSON?.name === 'token-lens')?.extensionUri;
    assert.ok(root, 'the extension under test');
    const readFixture = async (name: string): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'test', 'fixtures', 'shapes', name)));
    const yaml = await readFixture('k8s-secret.yaml');
    const secret = await openFile(yaml, 'yaml');
    const line = yaml.split('\n').findIndex((l) => l.includes('access-token: '));
    const wrapped = await hoverText(secret.document.uri, new vscode.Position(line, 20));
    assert.match(wrapped, /\*\*JWS\*\*/, `the wrapped token decodes in the hover: ${wrapped.slice(0, 200)}`);
    const { tokens } = await api();
    assert.ok(tokens.tokens(secret.document).some((t) => t.match.wrapped === 'base64'), 'the Secret file is scanned thoroughly');
    const flask = (JSON.parse(await readFixture('signed-cookies.json')) as { flask: string }).flask;
    const cookie = await openFile(`GET https://app.example/\nCookie: session=${flask}\n`);
    const text = await hoverText(cookie.document.uri, new vscode.Position(1, 20));
    assert.match(text, /Flask/);
    assert.doesNotMatch(text, /Malformed/);
    assert.match(text, /\$\(info\)/);
  });

  it('shows kind, alg, sub, expiry, size and trusted links on a token', async () => {
    const token = makeToken({ sub: 'alice', iss: 'https://issuer.example', exp: nowSec() + 12 * 60 + 30 });
    const editor = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${token}\n`);
    const text = await hoverText(editor.document.uri, new vscode.Position(1, 30));
    assert.match(text, /\*\*JWS\*\*/);
    assert.match(text, /alg HS256/);
    assert.match(text, /\*\*sub\*\* alice/);
    assert.match(text, /expires in 12 min/);
    assert.match(text, /command:tokenLens\.inspectToken\?/);
    assert.ok(!text.includes(token), 'the token itself must not be in the markdown (links carry a location)');
  });

  it('resolves {{name}} to @name = <token> in the same file', async () => {
    const token = makeToken({ sub: 'bob', exp: nowSec() - 2 * 86400 - 60 });
    const editor = await openFile(`@token = ${token}\n\nGET https://api.example.com/\nAuthorization: Bearer {{token}}\n`);
    const text = await hoverText(editor.document.uri, new vscode.Position(3, 25));
    assert.match(text, /\*\*sub\*\* bob/);
    assert.match(text, /expired 2 days ago/);
    assert.match(text, /\{\{token\}\}|\\\{\\\{token\\\}\\\}/);
  });

  it('resolves {{name}} from http-client.env.json and {{$dotenv NAME}} from .env next to the file, and follows edits', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const dir = vscode.Uri.joinPath(folder, 'features', `gen-env-${Date.now()}`);
    const envToken = makeToken({ sub: 'from-env-file', exp: nowSec() + 3600 });
    const dotToken = makeToken({ sub: 'from-dotenv', exp: nowSec() + 3600 });
    const write = (name: string, text: string): Thenable<void> => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), Buffer.from(text));
    try {
      await write('http-client.env.json', JSON.stringify({ dev: { host: 'x' }, staging: { envToken } }));
      await write('.env', `# local secrets\nDOT_TOKEN="${dotToken}"\n`);
      await write('api.http', 'GET https://api.example.com/\nAuthorization: Bearer {{envToken}}\nX-Other: {{$dotenv DOT_TOKEN}}\n');
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(dir, 'api.http'));
      await vscode.window.showTextDocument(doc);
      const fromEnv = await hoverText(doc.uri, new vscode.Position(1, 26));
      assert.match(fromEnv, /\*\*sub\*\* from\\?-env\\?-file/);
      assert.match(fromEnv, /env staging/);
      const fromDotenv = await hoverText(doc.uri, new vscode.Position(2, 14));
      assert.match(fromDotenv, /\*\*sub\*\* from\\?-dotenv/);
      // Editing the env file is picked up (file watcher drops the cached environment).
      await write('http-client.env.json', JSON.stringify({ staging: { envToken: makeToken({ sub: 'rotated', exp: nowSec() + 60 }) } }));
      await waitFor(async () => (/\*\*sub\*\* rotated/.test(await hoverText(doc.uri, new vscode.Position(1, 26))) ? true : undefined), 'the edited env file');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(dir, { recursive: true });
    }
  });

  it('explains an unresolvable {{name}} instead of failing', async () => {
    const editor = await openFile('GET https://api.example.com/\nAuthorization: Bearer {{missing}}\n');
    const text = await hoverText(editor.document.uri, new vscode.Position(1, 26));
    assert.match(text, /not defined/);
  });

  it('escapes hostile claim text (no injected links, images or HTML)', async () => {
    const token = makeToken({ sub: '[pwn](command:workbench.action.terminal.new) <img src=x> `x`', exp: nowSec() + 600 });
    const editor = await openFile(`Authorization: Bearer ${token}\n`);
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 30));
    assert.ok(!text.includes('](command:workbench'), 'injected command link survived');
    assert.ok(!text.includes('<img'), 'raw HTML survived');
    assert.match(text, /\\\[pwn\\\]/);
  });

  it('stays out of the way on {{references}} that are no tokens ({{baseUrl}}, {{$guid}})', async () => {
    const editor = await openFile('@baseUrl = https://api.example.com\n\nGET {{baseUrl}}/orders\nX-Request-Id: {{$guid}}\n');
    assert.strictEqual(await hoverText(editor.document.uri, new vscode.Position(2, 8)), '');
    assert.strictEqual(await hoverText(editor.document.uri, new vscode.Position(3, 18)), '');
  });

  it('a token whose signature a copy cut short: hover, CodeLens and tree still show its header and claims, and say what is wrong (issue 12)', async () => {
    const b = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const truncated = `${b({ alg: 'RS256', typ: 'JWT', kid: 'k-cut' })}.${b({ sub: 'cut-short', iss: 'https://id.example', exp: nowSec() + 3600 })}.${'A'.repeat(41)}`;
    const editor = await openFile(`@cut = ${truncated}\nGET https://api.example/\nAuthorization: Bearer {{cut}}\n`);
    const uri = editor.document.uri;
    for (const at of [new vscode.Position(0, 12), new vscode.Position(2, 25)]) {
      const text = await hoverText(uri, at);
      assert.match(text, /alg RS256/, 'header read');
      assert.match(text, /\*\*sub\*\* cut-short/, 'claims read');
      assert.match(text, /TL305/, 'the broken signature segment is named');
      assert.doesNotMatch(text, /Malformed token|signature verified/);
    }
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    assert.ok(lenses.some((l) => /RS256 · expires in/.test(l.command?.title ?? '')), `a lens with kind, alg and time: ${lenses.map((l) => l.command?.title).join(' | ')}`);
    const { tree } = await api();
    const rows = (await tree.getChildren()) as vscode.TreeItem[];
    const row = rows.find((r) => String(typeof r.label === 'string' ? r.label : r.label?.label).startsWith('@cut'));
    assert.ok(row, 'a tree row for the token');
    assert.doesNotMatch(String(row.description), /malformed/i);
  });

  it('keeps to what is decisive: errors and warnings, a compact payload, no info-level hints (issue 12)', async () => {
    const restore = await setSetting('timeDisplay', 'utc');
    try {
      const exp = 1_796_130_300 + 365 * 86400;
      const iat = exp - 30 * 60;
      const token = makeToken({ sub: 'grace', name: 'Grace H', iss: 'https://id.example', aud: 'orders', iat, exp, scope: 'orders:read', email: 'g@example.test', tenant: 't-1' });
      const editor = await openFile(`Authorization: Bearer ${token}
`);
      const text = await hoverText(editor.document.uri, new vscode.Position(0, 30));
      for (const [name, value] of [['sub', 'grace'], ['name', 'Grace H'], ['aud', 'orders'], ['scope', 'orders:read']]) assert.match(text, new RegExp(`\\*\\*${name}\\*\\* ${value}`), name);
      assert.match(text, /\*\*iss\*\* https\\?:\/\/id\.example/);
      assert.match(text, /\*\*exp\*\* 2027\\?-12\\?-01 13:05:00 UTC/, 'exp as an instant in tokenLens.timeDisplay');
      assert.match(text, /\*\*iat\*\* 2027\\?-12\\?-01 12:35:00 UTC/);
      assert.doesNotMatch(text, /email|tenant/, 'only the compact claim set');
      // TL103 (no jti), TL104 (no sid), TL108 (verification cost) are info hints: the inspector's.
      assert.doesNotMatch(text, /TL10[348]/);
      assert.doesNotMatch(text, /\$\(info\)/);
    } finally {
      await restore();
    }
  });

  it('lists warnings and errors, and says a size limit in a full phrase in bytes (issue 12)', async () => {
    const token = makeToken({ sub: 'big', exp: nowSec() + 600, blob: 'x'.repeat(5200) });
    const unsecured = makeToken({ sub: 'none', exp: nowSec() + 600 }, { alg: 'none' });
    const editor = await openFile(`A: ${token}
B: ${unsecured}
`, 'txt');
    const big = await hoverText(editor.document.uri, new vscode.Position(0, 10));
    assert.match(big, /— over the cookie limit of 4096 B \\?\(4 KiB\\?\)/);
    assert.doesNotMatch(big, /over the Cookie\b|4\.1 KB/);
    assert.match(big, /TL107/);
    const none = await hoverText(editor.document.uri, new vscode.Position(1, 10));
    assert.match(none, /TL201/);
  });

  it('a JWE: expiry unknown (encrypted), and no "Copy payload" link (issue 12)', async () => {
    const jwe = `${b64({ alg: 'dir', enc: 'A256GCM', kid: 'enc-1' })}..${b64('iv-bytes-12')}.${b64('ciphertext')}.${b64('tag-bytes-16-xx')}`;
    const editor = await openFile(`Authorization: Bearer ${jwe}
`);
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 30));
    assert.match(text, /\*\*JWE\*\*/);
    assert.match(text, /expiry unknown \\?\(encrypted\\?\)/);
    assert.doesNotMatch(text, /never expires/i);
    assert.match(text, /command:tokenLens\.inspectToken\?/);
    assert.doesNotMatch(text, /Copy payload|copyPayloadJson/);
  });

  it('gives nothing on plain text', async () => {
    const editor = await openFile('just words here\n', 'txt');
    const text = await hoverText(editor.document.uri, new vscode.Position(0, 3));
    assert.strictEqual(text, '');
  });

  it('stays fast on a 10 MB file with thousands of tokens (figures printed)', async () => {
    const token = makeToken({ sub: 'load', exp: nowSec() + 3600 });
    const line = `Authorization: Bearer ${token}\n`;
    const filler = `${'x'.repeat(200)}\n`;
    const parts: string[] = [];
    let size = 0;
    let tokens = 0;
    while (size < 10 * 1024 * 1024) {
      parts.push(line, filler, filler, filler);
      size += line.length + 3 * filler.length;
      tokens++;
    }
    const editor = await openFile(parts.join(''), 'txt');
    const lastLine = editor.document.lineCount - 5;
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const lineNo = Math.floor((lastLine * i) / 20) - (Math.floor((lastLine * i) / 20) % 4);
      const t = performance.now();
      const text = await hoverText(editor.document.uri, new vscode.Position(lineNo, 30));
      samples.push(performance.now() - t);
      assert.match(text, /\*\*sub\*\* load/);
    }
    samples.sort((a, b) => a - b);
    const { tokens: cache } = await api();
    const t0 = performance.now();
    const found = cache.tokens(editor.document).length;
    const scanMs = performance.now() - t0;
    console.log(`    10 MB file: ${tokens} tokens; hover median ${samples[10]!.toFixed(1)} ms, max ${samples[19]!.toFixed(1)} ms; full scan ${scanMs.toFixed(0)} ms (${found} found)`);
    assert.strictEqual(found, tokens);
    assert.ok(samples[10]! < 200, `hover median ${samples[10]} ms`);
  });
});
