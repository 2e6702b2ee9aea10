// The German display language in a real host (issue 15): code-server started with `--locale de`
// (scripts/test-integration.mjs --locale de). The extension's own bundle, l10n/bundle.l10n.de.json,
// loads without a language pack; the hover's fixed texts, status words and relative times are German.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile } from '../../integration/suite/featureHelpers';

describe('German hover (real host, --locale de)', function () {
  this.timeout(120_000);
  before(api);
  after(cleanUp);

  it('the host speaks German and loads the extension\'s German bundles (runtime and manifest)', () => {
    console.log(`  vscode.env.language: ${vscode.env.language}, l10n.uri: ${vscode.l10n.uri?.path ?? 'none'}`);
    assert.equal(vscode.env.language, 'de');
    assert.match(vscode.l10n.uri?.path ?? '', /\/l10n\/bundle\.l10n\.de\.json$/);
    assert.equal(vscode.l10n.t('Copy payload'), 'Payload kopieren');
    // The manifest the host read, with package.nls.de.json applied.
    const manifest = vscode.extensions.all.find((e) => e.packageJSON?.name === 'token-lens')?.packageJSON as { contributes: { commands: { command: string; title: string | { value: string; original: string } }[] } } | undefined;
    // A translated command title comes as { value, original } (the palette finds it by both).
    const title = manifest?.contributes.commands.find((c) => c.command === 'tokenLens.inspectToken')?.title;
    console.log(`  command title: ${JSON.stringify(title)}`);
    assert.deepEqual(title, { value: 'Token an der Cursorposition untersuchen', original: 'Inspect Token at Cursor' });
  });

  it('a hover reads in German: actions, status words, relative times and dates through Intl', async () => {
    const token = makeToken({ sub: 'alice', exp: nowSec() + 12 * 60 + 30 });
    const editor = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${token}\n`);
    const text = await hoverText(editor.document.uri, new vscode.Position(1, 30));
    console.log(`  hover: ${text.replace(/\(command:[^)]*\)/g, '(…)').replace(/\n+/g, ' ⏎ ').slice(0, 400)}`);
    assert.match(text, /\*\*sub\*\* alice/);
    assert.match(text, /Untersuchen/);
    assert.match(text, /Payload kopieren/);
    assert.match(text, /läuft in 12 Min\. ab/);
    assert.doesNotMatch(text, /expires in/);
    const old = makeToken({ sub: 'bob', exp: nowSec() - 2 * 86400 - 60 });
    const expired = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${old}\n`);
    const text2 = await hoverText(expired.document.uri, new vscode.Position(1, 30));
    console.log(`  expired hover: ${text2.replace(/\(command:[^)]*\)/g, '(…)').replace(/\n+/g, ' ⏎ ').slice(0, 600)}`);
    assert.match(text2, /vor 2 Tagen abgelaufen/);
    assert.match(text2, /\*\*exp\*\* \d{2}\.\d{2}\.20\d\d, \d{2}:\d{2}:\d{2}/, 'the exp instant is a German date');
    const later = makeToken({ sub: 'carol', nbf: nowSec() + 2 * 3600 + 120, exp: nowSec() + 5 * 3600 });
    const notYet = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${later}\n`);
    const text3 = await hoverText(notYet.document.uri, new vscode.Position(1, 30));
    assert.match(text3, /Noch nicht gültig: gültig in 2 Std\./, 'the status word and the relative start, in German');
  });
});
