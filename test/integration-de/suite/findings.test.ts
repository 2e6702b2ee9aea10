// Findings in German in a real host (issue 15): the core's finding templates reach the hover and
// the Problems panel through present/findingText.ts and l10n/bundle.l10n.de.json, with German
// units (Intl) in their evidence, while the finding codes stay the same.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile, waitFor } from '../../integration/suite/featureHelpers';

const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Token Lens');

describe('German findings (real host, --locale de)', function () {
  this.timeout(120_000);
  before(api);
  after(cleanUp);

  it('a hover lists its findings in German', async () => {
    const token = makeToken({ sub: 'alice', iat: nowSec() - 60 });
    const editor = await openFile(`GET https://api.example.com/\nAuthorization: Bearer ${token}\n`);
    const text = await hoverText(editor.document.uri, new vscode.Position(1, 30));
    console.log(`  hover: ${text.replace(/\(command:[^)]*\)/g, '(…)').replace(/\n+/g, ' ⏎ ').slice(0, 500)}`);
    assert.match(text, /Dieses Token läuft nie ab: Gelangt es in falsche Hände, bleibt es nutzbar, bis der Signaturschlüssel ausgetauscht wird\. \(TL101, Grund 1\)/);
    assert.doesNotMatch(text, /This token never expires/);
    // The signature line: the core's verification sentence in German.
    assert.match(text, /Es wurde noch kein Prüfschlüssel hinzugefügt/);
    assert.doesNotMatch(text, /No verification key has been added/);
  });

  it('Problems entries read in German, with the evidence in German units (TL101, TL102)', async () => {
    const iat = nowSec() - 60;
    const editor = await openFile(`@forever = ${makeToken({ sub: 'a' })}\n@long = ${makeToken({ sub: 'b', iat, exp: iat + 30 * 86400 })}\n`);
    const never = await waitFor(() => ours(editor.document.uri).find((d) => d.code === 'TL101'), 'TL101');
    console.log(`  TL101: ${never.message}`);
    assert.strictEqual(never.message, 'Dieses Token läuft nie ab: Gelangt es in falsche Hände, bleibt es nutzbar, bis der Signaturschlüssel ausgetauscht wird. (kein `exp`-Claim)');
    const long = await waitFor(() => ours(editor.document.uri).find((d) => d.code === 'TL102'), 'TL102');
    console.log(`  TL102: ${long.message}`);
    assert.match(long.message, /^Eine abgeflossene Kopie dieses Tokens funktioniert bis \d{4}-\d\d-\d\dT[\d:.]+Z; früher stoppt sie nur eine Sperrliste\. \(Lebensdauer 30 Tage \(exp − iat\), über dem Schwellenwert von 1 Std\.\)$/);
    assert.strictEqual(long.range.start.line, 1);
  });
});
