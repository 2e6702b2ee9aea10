// Hostile claim text through every pure presentation path (issue 8, classes 3 and 8).
import { strict as assert } from 'node:assert';
import { claimsTable, lensTitle } from '../../../src/present';
import { claimsTableMarkdown } from '../../../src/present/inspector/protocol';
import { inspectToken } from '../../../src/core/inspect';

const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

const HOSTILE_VALUES = [
  'before\rafter ![track](https://evil.example/pixel.png)',
  '[click me](command:workbench.action.terminal.new)',
  'a | b \u2028 | c',
  '<img src=x onerror=alert(1)>',
  'https://evil.example/autolink and www.evil.example and admin@evil.example',
];

/** A live Markdown link, image or autolink: `[..](`, `<http`, `http://`, `www.`, an email. */
function liveMarkdown(s: string): boolean {
  return /(^|[^\\])\[[^\]]*\]\(/.test(s) || /(^|[^\\])!\[/.test(s) || /https?:\/\//.test(s) || /(^|[^\\])www\./.test(s) || /[A-Za-z0-9]@[A-Za-z0-9]/.test(s) || /<[a-z]/i.test(s);
}

describe('hostile claims in copied Markdown tables (both the command and the inspector button)', () => {
  it('Copy Claims as Table: no lone CR, no line break, no live link, image or autolink; one row per claim', () => {
    const claims = Object.fromEntries(HOSTILE_VALUES.map((v, i) => [`c${i}`, v]));
    const table = claimsTable({ alg: 'HS256' }, claims);
    const rows = table.split('\n');
    assert.equal(rows.length, 2 + 1 + HOSTILE_VALUES.length, 'no value adds a row');
    assert.ok(!/[\r\u2028\u2029]/.test(table));
    for (const row of rows.slice(2)) assert.ok(!liveMarkdown(row), row);
    for (const row of rows.slice(2)) assert.equal(row.split(/(?<!\\)\|/).length, 5, `cells intact: ${row}`);
  });

  it('the inspector\'s copy button: the same guarantees', () => {
    const table = claimsTableMarkdown(HOSTILE_VALUES.map((v, i) => ({ name: `c${i}`, value: v })));
    assert.ok(!/[\r\u2028\u2029]/.test(table));
    for (const row of table.split('\n').slice(2)) assert.ok(!liveMarkdown(row), row);
  });
});

describe('hostile header in the CodeLens title', () => {
  it('an alg of "$(check)" and 10,000 characters gives a bounded title that draws no icon', () => {
    const token = `${b64({ alg: `$(check) verified\r\n${'A'.repeat(10_000)}`, typ: 'JWT' })}.${b64({ sub: 'x' })}.c2ln`;
    const inspection = inspectToken(token);
    assert.ok(inspection.ok);
    const title = lensTitle(inspection.value);
    assert.ok(title.length <= 120, `${title.length} characters`);
    assert.ok(!/[\r\n]/.test(title));
    assert.ok(!/(^|[^\\])\$\(check\)/.test(title), title);
  });
});
