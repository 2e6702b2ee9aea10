// Issue 8 in the real extension host: a hostile file's text reaches the hover, CodeLens and
// settings as data, and a fan-out of {{references}} is refused quickly. The notification and
// the prompts are checked in the real UI by test/e2e/hostile.spec.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { TokenHoverProvider } from '../../../src/features/hover';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile } from './featureHelpers';

/** 13 levels of `@aN = {{aN-1}}` × 4 (427 bytes; the review's was 491): 4^13 copies if expanded naively. */
function fanOut(levels: number): string {
  const lines = ['@a0 = x'];
  for (let i = 1; i <= levels; i++) lines.push(`@a${i} = {{a${i - 1}}}{{a${i - 1}}}{{a${i - 1}}}{{a${i - 1}}}`);
  return `${lines.join('\n')}\n`;
}

describe('Hostile files (real host)', function () {
  this.timeout(60_000);
  before(api);
  after(cleanUp);

  it('the fan-out file (427 bytes): the hover on {{a13}} says "too large to resolve", quickly', async () => {
    const text = `${fanOut(13)}GET https://api.example.test/?x={{a13}}\n`;
    assert.ok(fanOut(13).length < 512, 'a file of a few hundred bytes (the review used 491)');
    const editor = await openFile(text);
    const line = editor.document.lineCount - 2;
    const at = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('{{a13}}') + 3);
    // Inside the provider (what the issue bounds), and through VS Code's hover command.
    const { tokens, verification } = await api();
    const provider = new TokenHoverProvider(tokens, verification);
    const inside: number[] = [];
    const viaCommand: number[] = [];
    let hover = '';
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      const h = await provider.provideHover(editor.document, at);
      inside.push(performance.now() - started);
      assert.ok(h);
      started = performance.now();
      hover = await hoverText(editor.document.uri, at);
      viaCommand.push(performance.now() - started);
    }
    const fmt = (t: number[]): string => t.map((x) => x.toFixed(1)).join(', ');
    console.log(`      fan-out hover inside the provider: ${fmt(inside)} ms; via executeHoverProvider: ${fmt(viaCommand)} ms (in call order)`);
    assert.match(hover, /too large to resolve/);
    // The first call includes reading the folder's environment files; every call stays far
    // from the stall it was (the host ran out of memory).
    assert.ok(Math.max(...inside) < 1000, `slowest hover inside the provider ${Math.max(...inside).toFixed(1)} ms`);
  });

  it('claims cannot draw icons or links in the hover; a huge alg gives a short CodeLens', async () => {
    const spoof = makeToken({ sub: '$(pass) signature verified', name: '[run](command:workbench.action.terminal.new)', exp: nowSec() + 600 });
    const iconAlg = makeToken({ sub: 'lens', exp: nowSec() + 600 }, { alg: `$(check) HS256 ${'A'.repeat(5000)}`, typ: 'JWT' });
    const editor = await openFile(`GET https://x.test/\nAuthorization: Bearer ${spoof}\n\nGET https://y.test/\nAuthorization: Bearer ${iconAlg}\n`);
    const md = await hoverText(editor.document.uri, new vscode.Position(1, 30));
    // `\\\$\(pass\)` renders as the text `\$(pass)`, which VS Code shows as `$(pass)` (no icon).
    assert.ok(md.includes('\\\\\\$\\(pass\\) signature verified'), `escaped: ${md}`);
    assert.ok(!md.includes('](command:workbench'), 'no live command link from a claim');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 100);
    const titles = lenses.map((l) => l.command?.title ?? '');
    const iconLens = titles.find((t) => t.includes('HS256 AAA'));
    assert.ok(iconLens, `lens titles: ${titles.join(' | ')}`);
    assert.ok(iconLens.length <= 120, `title is ${iconLens.length} characters`);
    assert.ok(iconLens.includes('\\$(check)') && !/(^|[^\\])\$\(check\)/.test(iconLens), iconLens);
  });

  it('a workspace clockSkewSeconds of 1e308 cannot make a token that expired in 2001 valid', async () => {
    const config = vscode.workspace.getConfiguration('tokenLens');
    await config.update('clockSkewSeconds', 1e308, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openFile(`Authorization: Bearer ${makeToken({ sub: 'old', iat: 978_307_000, exp: 978_307_200 })}\n`);
      const md = await hoverText(editor.document.uri, new vscode.Position(0, 30));
      assert.match(md, /expired/);
      assert.doesNotMatch(md, /expires in/);
    } finally {
      await config.update('clockSkewSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
