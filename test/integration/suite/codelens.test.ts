// CodeLens above tokens in http files (real host).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, makeToken, nowSec, openFile } from './featureHelpers';

describe('CodeLens (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('shows "JWS · alg · expires in … · N B" above each token in .http files', async () => {
    const token = makeToken({ sub: 'gina', exp: nowSec() + 12 * 60 + 30 }, { alg: 'RS256', typ: 'JWT' });
    const editor = await openFile(`GET https://x.example/\nAuthorization: Bearer ${token}\n`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
    const ours = lenses.filter((l) => l.command?.command === 'tokenLens.inspectToken');
    assert.strictEqual(ours.length, 1);
    assert.match(ours[0]!.command!.title, new RegExp(`^JWS · RS256 · expires in 12 min( \\d+ s)? · ${token.length} B$`));
    assert.strictEqual(ours[0]!.range.start.line, 1);
  });

  it('none in ordinary files', async () => {
    const editor = await openFile(`const t = "${makeToken({ sub: 'x' })}";\n`, 'ts');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
    assert.strictEqual(lenses.filter((l) => l.command?.command === 'tokenLens.inspectToken').length, 0);
  });
});
