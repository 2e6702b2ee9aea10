import { strict as assert } from 'node:assert';
import { labelText, markdownText, notificationText, truncate } from '../../../src/present/escape';

/** Markdown a hostile claim could use to smuggle links, images, commands or HTML. */
const MARKDOWN_LINK = /(^|[^\\])\[[^\]]*(^|[^\\])\]\(/;

describe('markdownText', () => {
  const hostile = [
    '[click](command:tokenLens.decodeToken)',
    '![img](https://evil.example/x.png)',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '`code` ``` fenced',
    '**bold** _it_ # heading',
    'line1\n\n# Heading\n[a](b)',
    'cr\ronly[a](b)',
    '<a href="command:workbench.action.terminal.new">x</a>',
    '$(pass) signature verified',
  ];
  for (const input of hostile) {
    it(`neutralises ${JSON.stringify(input)}`, () => {
      const out = markdownText(input);
      assert.ok(!/<[a-z]/i.test(out), 'no raw HTML tag');
      assert.ok(!MARKDOWN_LINK.test(out), 'no live link syntax');
      assert.ok(!/(^|[^\\])`/.test(out), 'every backtick escaped');
      assert.ok(!/[\r\n]/.test(out), 'single line');
      assert.ok(!/(^|[^\\])\]\(/.test(out), 'no unescaped ](');
      assert.ok(!/(^|[^\\])\$\(/.test(out), 'no unescaped $( (theme icon)');
    });
  }
  it('keeps plain words readable', () => {
    assert.equal(markdownText('alice 42'), 'alice 42');
  });
  it('escapes ampersands before they can form entities', () => {
    assert.equal(markdownText('&lt;'), '&amp;lt;');
  });
  it('escapes $( so VS Code shows the text instead of drawing an icon', () => {
    // Rendered by Markdown as `\$(pass) ok`, which VS Code's icon pass shows as `$(pass) ok`.
    assert.equal(markdownText('$(pass) ok'), '\\\\\\$\\(pass\\) ok');
    // A backslash in the value cannot un-escape it: rendered `\\$(pass)`, shown `\$(pass)`.
    assert.equal(markdownText('\\$(pass)'), '\\\\\\\\\\$\\(pass\\)');
    // Not icon-like: no extra backslash.
    assert.equal(markdownText('$(a b)'), '\\$\\(a b\\)');
  });
  it('truncates before escaping, so the output is bounded by max whatever the input', () => {
    const out = markdownText('a'.repeat(1_000_000), 50);
    assert.equal(out, `${'a'.repeat(49)}…`);
  });
});

describe('notificationText', () => {
  // VS Code's notification renderer makes `[label](command:…|https:…|file:…)` a link.
  const LINK = /\[[^\]]+\]\((?:https?:\/\/|command:|file:)/i;
  for (const input of [
    '{{[run](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22id%5Cn%22%7D)}}',
    '[add key](command:tokenLens.addVerificationKey?%5B%7B%22label%22%3A%22x%22%7D%5D)',
    '[docs](https://evil.example)',
    '[x] (command:evil)',
    '[x]\n(command:evil)',
    '[open](file:///etc/passwd)',
  ]) {
    it(`leaves no link in ${JSON.stringify(input)}`, () => {
      const out = notificationText(input);
      assert.ok(!LINK.test(out), out);
      assert.ok(!/command:/i.test(out), 'no command: scheme survives as such');
      assert.ok(!/[\r\n]/.test(out));
    });
  }
  it('keeps ordinary messages as they are', () => {
    assert.equal(notificationText('Token Lens: the cursor is not on a token.'), 'Token Lens: the cursor is not on a token.');
  });
  it('truncates long text (a 1 MB variable name)', () => {
    assert.ok(notificationText(`{{${'x'.repeat(1_000_000)}}}`).length <= 200);
  });
  it('replaces control and bidi characters', () => {
    assert.equal(notificationText('a\u0007b\u202ec\u0000'), 'a\ufffdb\ufffdc\ufffd');
  });
});

describe('labelText', () => {
  it('escapes $( where the surface draws icons, and only there', () => {
    assert.equal(labelText('$(pass) verified', { icons: true }), '\\$(pass) verified');
    assert.equal(labelText('$(pass) verified'), '$(pass) verified');
  });
  it('is one bounded line without controls', () => {
    const out = labelText(`HS256\r\n$(check)\u001b[2K${'x'.repeat(10_000)}`, { icons: true, max: 40 });
    assert.ok(out.length <= 40);
    assert.ok(!/[\u0000-\u001f]/.test(out));
  });
});

describe('truncate', () => {
  it('adds an ellipsis and never splits a surrogate pair', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('abc', 4), 'abc');
    assert.equal(truncate('ab😀cd', 4), 'ab…');
  });
});
