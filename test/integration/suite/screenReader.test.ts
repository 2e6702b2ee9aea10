// What a screen reader hears from the hover and the Tokens tree in the real host (issue 15): no
// meaning rests on an icon or a colour alone. Codicons in hover Markdown are not read aloud, and a
// row's icon colour is not either, so every status icon has a status word beside it, and every
// tree row says its status (and its worst finding) in its description and accessibility label.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DetailNode, TokenNode } from '../../../src/features/tokenTree';
import { api, cleanUp, hoverText, makeToken, nowSec, openFile, waitFor } from './featureHelpers';

/** Codicons that carry a status (time, signature, severity) rather than decorate. */
const STATUS_ICONS = new Set(['error', 'warning', 'info', 'clock', 'lock', 'circle-slash', 'verified-filled', 'question', 'unverified', 'pass']);
/** Words that say a status. */
const STATUS_WORDS = /\b(Error|Warning|Info|expired|expires in|Not yet valid|never expires|expiry unknown|No time claims|Invalid claim|verified|unverified|not verifiable|invalid signature|no matching key|forgeable|Malformed)\b/i;

/** Each status icon of a hover with the words that follow it, up to the next icon or line end. */
function statusIconsWithText(markdown: string): { icon: string; text: string }[] {
  const out: { icon: string; text: string }[] = [];
  for (const m of markdown.matchAll(/\$\(([a-z-]+)\)([^$\n]*)/g)) {
    if (STATUS_ICONS.has(m[1] ?? '')) out.push({ icon: m[1] ?? '', text: (m[2] ?? '').trim() });
  }
  return out;
}

describe('Screen reader text: status words beside icons in hover and tree (real host)', function () {
  this.timeout(120_000);
  before(api);
  after(cleanUp);

  const cases = (): { name: string; token: string; words: RegExp[] }[] => [
    { name: 'live', token: makeToken({ sub: 'a', iat: nowSec(), exp: nowSec() + 20 * 60 }), words: [/\$\(clock\) expires in (19|20) min/] },
    { name: 'expired', token: makeToken({ sub: 'b', exp: nowSec() - 3 * 86400 }), words: [/\$\(error\) expired 3 days ago/] },
    { name: 'not yet valid', token: makeToken({ sub: 'c', nbf: nowSec() + 7200, exp: nowSec() + 9000 }), words: [/\$\(clock\) Not yet valid: valid in (2 h|1 h 59 min)/] },
    { name: 'no exp', token: makeToken({ sub: 'd' }), words: [/\$\(warning\) never expires/, /\$\(warning\) Warning: /] },
    { name: 'alg none', token: makeToken({ sub: 'e', exp: nowSec() + 600 }, { alg: 'none' }), words: [/\$\(error\) Error: .*TL201/] },
    { name: 'oversized', token: makeToken({ sub: 'f', exp: nowSec() + 600, blob: 'x'.repeat(5200) }), words: [/\$\(error\) Error: .*TL107/] },
  ];

  it('hover: every status icon has a status word beside it (time, signature, each error and warning)', async () => {
    const list = cases();
    const editor = await openFile(list.map((c, i) => `T${i}: ${c.token}`).join('\n') + '\n', 'txt');
    for (const [i, c] of list.entries()) {
      const text = await hoverText(editor.document.uri, new vscode.Position(i, 10));
      assert.ok(text.length > 0, `no hover for the ${c.name} token`);
      for (const w of c.words) assert.match(text, w, `${c.name}: ${text}`);
      const icons = statusIconsWithText(text);
      assert.ok(icons.length >= 2, `${c.name}: at least the time and signature status icons (${JSON.stringify(icons)})`);
      for (const { icon, text: after } of icons) assert.match(after, STATUS_WORDS, `${c.name}: $(${icon}) stands alone: "${after}"`);
      // Each listed finding names its severity in words before its message.
      for (const line of text.split('\n').filter((l) => /\(TL\d{3}/.test(l) && /^\$\((error|warning)\)/.test(l))) {
        assert.match(line, /^\$\((error|warning)\) (Error|Warning): /, `${c.name}: ${line}`);
        assert.strictEqual(/^\$\((\w+)\)/.exec(line)?.[1], /^\$\(\w+\) (\w+)/.exec(line)?.[1]?.toLowerCase(), `${c.name}: the word matches the icon: ${line}`);
      }
    }
  });

  it('tree: each row says its status and worst finding in words (description and accessibility label), and so does each finding child', async () => {
    const list = cases();
    await openFile(list.map((c, i) => `T${i}: ${c.token}`).join('\n') + '\n', 'txt');
    const { tree } = await api();
    const rows = await waitFor(async () => {
      const r = (await tree.getChildren()) as TokenNode[];
      return r.length === list.length ? r : undefined;
    }, `${list.length} tree rows`);
    const describe = (n: TokenNode): string => `${String(n.label)} — ${String(n.description)} — ${n.accessibilityInformation?.label ?? '(no accessibility label)'}`;
    const row = (name: string): TokenNode => rows[list.findIndex((c) => c.name === name)]!;
    assert.match(String(row('expired').description), /^expired 3 days ago/);
    assert.match(String(row('not yet valid').description), /^valid in (2 h|1 h 59 min) · .* · Warning: Not yet valid$/);
    assert.match(String(row('no exp').description), /^never expires/);
    // An icon and colour from a finding: its severity and code are words in the row too.
    assert.match(String(row('alg none').description), / · Error TL201$/, describe(row('alg none')));
    assert.match(String(row('oversized').description), / · Error TL107$/, describe(row('oversized')));
    for (const n of rows) {
      const label = n.accessibilityInformation?.label ?? '';
      assert.match(label, /^Token T\d · line \d: /, describe(n));
      assert.match(label, STATUS_WORDS, describe(n));
      const icon = (n.iconPath as vscode.ThemeIcon).id;
      // A row drawn with the error or warning icon says error or warning, or a status that is one.
      if (icon === 'error' || icon === 'warning') assert.match(`${String(n.description)} ${label}`, /\b(error|warning|expired|never expires|invalid|forgeable)\b/i, describe(n));
    }
    const findings = (await tree.getChildren(row('alg none'))).filter((c): c is DetailNode => c.kind === 'detail' && /^TL\d{3}$/.test(String(c.label)));
    assert.ok(findings.length > 0, 'the alg none row lists its findings');
    for (const f of findings) {
      const icon = (f.iconPath as vscode.ThemeIcon).id;
      assert.match(String(f.description), /^(Error|Warning|Info): /, `${String(f.label)}: ${String(f.description)}`);
      assert.strictEqual(/^(\w+):/.exec(String(f.description))?.[1]?.toLowerCase(), icon, `${String(f.label)}: the word matches the ${icon} icon`);
      assert.match(f.accessibilityInformation?.label ?? '', /^TL\d{3}: (Error|Warning|Info): /);
    }
  });
});
