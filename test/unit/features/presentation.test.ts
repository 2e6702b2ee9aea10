import { strict as assert } from 'node:assert';
import { claimText, contextLabel, escapeMarkdown, truncate } from '../../../src/features/presentation';

/** Markdown a hostile claim could use to smuggle links, images, commands or HTML. */
const MARKDOWN_LINK = /(^|[^\\])\[[^\]]*(^|[^\\])\]\(/;

describe('escapeMarkdown', () => {
  const hostile = [
    '[click](command:tokenLens.decodeToken)',
    '![img](https://evil.example/x.png)',
    '<img src=x onerror=alert(1)>',
    '[x](javascript:alert(1))',
    '`code` ``` fenced',
    '**bold** _it_ # heading',
    'line1\n\n# Heading\n[a](b)',
    '<a href="command:workbench.action.terminal.new">x</a>',
  ];
  for (const input of hostile) {
    it(`neutralises ${JSON.stringify(input)}`, () => {
      const out = escapeMarkdown(input);
      assert.ok(!/<[a-z]/i.test(out), 'no raw HTML tag');
      assert.ok(!MARKDOWN_LINK.test(out), 'no live link syntax');
      assert.ok(!/(^|[^\\])`/.test(out), 'every backtick escaped');
      assert.ok(!/[\r\n]/.test(out), 'single line');
      assert.ok(!/(^|[^\\])\]\(/.test(out), 'no unescaped ](');
    });
  }
  it('keeps plain words readable', () => {
    assert.equal(escapeMarkdown('alice 42'), 'alice 42');
  });
  it('escapes ampersands before they can form entities', () => {
    assert.equal(escapeMarkdown('&lt;'), '&amp;lt;');
  });
});

describe('presentation helpers', () => {
  it('truncates with an ellipsis', () => {
    assert.equal(truncate('abcdef', 4), 'abc…');
    assert.equal(truncate('abc', 4), 'abc');
  });
  it('renders claim values on one line', () => {
    assert.equal(claimText('x'), 'x');
    assert.equal(claimText(['a', 1]), '["a",1]');
  });
  it('labels token contexts with 1-based lines', () => {
    assert.equal(contextLabel({ context: { kind: 'authorization', scheme: 'Bearer' } }, 11), 'Authorization · line 12');
    assert.equal(contextLabel({ context: { kind: 'http-variable', name: 'token' } }, 0), '@token · line 1');
    assert.equal(contextLabel({ context: { kind: 'json-key', name: 'id_token' } }, 2), '"id_token" · line 3');
  });
});
