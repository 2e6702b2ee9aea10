import { strict as assert } from 'node:assert';
import { terminalJson, terminalText } from '../../../src/present/terminal';

/** Characters a terminal acts on: C0 (but line feed and tab), DEL, C1, bidi embeddings/overrides/isolates. */
function rawControls(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const ESC = '\u001b';
/** Hostile payloads: erase line, retitle (OSC 0), clipboard write (OSC 52), C1 CSI, bidi override and isolate, lone CR. */
const PAYLOADS = [`${ESC}[2K`, `${ESC}]0;owned${ESC}\\`, `${ESC}]52;c;ZWNobyBvd25lZA==\u0007`, '\u009b2J', '\u202eevil\u2066', 'hidden\rshown'];

describe('present/terminal terminalText', () => {
  it('shows every control character as a visible escape', () => {
    for (const payload of PAYLOADS) {
      const out = terminalText(`a${payload}b`);
      assert.deepEqual(rawControls(out), [], JSON.stringify(out));
    }
    assert.equal(terminalText(`HS256${ESC}]0;pwned\u0007`), 'HS256\\x1b]0;pwned\\x07');
    assert.equal(terminalText('\u009b2J \u202e \u2069 \u007f \u0085'), '\\x9b2J \\u202e \\u2069 \\x7f \\x85');
    assert.equal(terminalText('a\tb\nc\rd\u0000'), 'a\\tb\\nc\\rd\\x00');
    assert.equal(terminalText('\u200e\u200f\u061c'), '\\u200e\\u200f\\u061c');
  });

  it('leaves ordinary text alone, non-ASCII and backslashes included', () => {
    for (const text of ['JWS · HS256 · 812 B', 'Ünïcødé ✓ 日本語 😀', 'C:\\path\\x1b', '']) assert.equal(terminalText(text), text);
  });

  it('multiline keeps line feeds, tabs and CR-LF, and escapes a lone CR and the rest', () => {
    assert.equal(terminalText('{\r\n\t"a": 1\n}', { multiline: true }), '{\r\n\t"a": 1\n}');
    assert.equal(terminalText(`a\rb\n${ESC}[2K\u009b`, { multiline: true }), 'a\\rb\n\\x1b[2K\\x9b');
  });

  it('truncates long values with an ellipsis, before escaping (no escape is cut in half)', () => {
    assert.equal(terminalText('x'.repeat(100), { max: 10 }), `${'x'.repeat(9)}…`);
    assert.equal(terminalText(`abc${ESC}[2Kdef`, { max: 5 }), 'abc\\x1b…');
    assert.equal(terminalText('short', { max: 10 }), 'short');
    // A surrogate pair is not split.
    assert.equal(terminalText('ab😀cd', { max: 4 }), 'ab…');
  });
});

describe('present/terminal terminalJson', () => {
  it('is JSON.stringify with DEL, C1 and bidi controls written as \\u escapes; parses to the same value', () => {
    const value = { alg: `HS256${ESC}[2K\u009b2J\u202e\u007f`, n: 1, nested: ['\u2066x\u0085'] };
    const json = terminalJson(value);
    assert.deepEqual(rawControls(json.replace(/\n/g, '')), []);
    assert.deepEqual(JSON.parse(json), value);
    assert.ok(json.includes('\\u009b2J\\u202e\\u007f'));
    assert.equal(terminalJson({ a: 'plain' }), JSON.stringify({ a: 'plain' }, null, 2));
  });
});
