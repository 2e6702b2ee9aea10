import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BINARY_SNIFF_BYTES, LineIndex, looksBinary } from '../../../src/present/text';

describe('present/text: looksBinary', () => {
  it('a NUL byte in the first 8 KiB marks binary', () => {
    assert.equal(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00])), true);
    assert.equal(looksBinary(new TextEncoder().encode('GET /\nAuthorization: Bearer x\n')), false);
    assert.equal(looksBinary(new Uint8Array(0)), false);
  });
  it('looks no further than 8 KiB', () => {
    const late = new Uint8Array(BINARY_SNIFF_BYTES + 1).fill(0x61);
    late[BINARY_SNIFF_BYTES] = 0;
    assert.equal(looksBinary(late), false);
    late[BINARY_SNIFF_BYTES - 1] = 0;
    assert.equal(looksBinary(late), true);
  });
});

describe('present/text: LineIndex', () => {
  it('maps offsets to 0-based lines and UTF-16 columns', () => {
    const index = new LineIndex('ab\ncd\r\n\nx');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 }, 'the LF itself ends line 0');
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(6), { line: 1, character: 3 }, 'CR-LF: the CR belongs to line 1');
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(8), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(100), { line: 3, character: 92 });
  });
  it('agrees with counting line feeds before the offset (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', '😀') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        const before = text.slice(0, offset);
        const line = before.split('\n').length - 1;
        assert.deepEqual(new LineIndex(text).positionAt(offset), { line, character: offset - (before.lastIndexOf('\n') + 1) });
      }),
      { numRuns: 300 },
    );
  });
});
