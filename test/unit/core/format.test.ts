import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatBytes, formatDuration, formatIso, formatRelative, formatValidIn, quoteText } from '../../../src/core/format';

describe('formatDuration', () => {
  const cases: [number, string][] = [
    [0, '0 s'], [1, '1 s'], [59, '59 s'], [60, '1 min'], [252, '4 min 12 s'], [3600, '1 h'], [3900, '1 h 5 min'],
    [3905, '1 h 5 min'], [86400, '1 day'], [30 * 86400, '30 days'], [90000, '1 day 1 h'], [365 * 86400, '1 year'],
    [2 * 365 * 86400 + 3 * 86400, '2 years 3 days'], [-3900, '1 h 5 min'], [0.9, '0 s'],
  ];
  for (const [sec, text] of cases) it(`${sec} s → ${text}`, () => assert.equal(formatDuration(sec), text));
  it('non-finite input gives a readable phrase', () => {
    assert.equal(formatDuration(Infinity), 'an unbounded time');
    assert.equal(formatDuration(NaN), 'an unbounded time');
  });
});

describe('formatRelative', () => {
  const cases: [number, string][] = [
    [252_000, 'expires in 4 min 12 s'], [252_999, 'expires in 4 min 12 s'], [-3 * 86400_000, 'expired 3 days ago'],
    [500, 'expires now'], [-500, 'expired just now'], [-61_000, 'expired 1 min 1 s ago'], [Infinity, 'never expires'],
  ];
  for (const [ms, text] of cases) it(`${ms} ms → ${text}`, () => assert.equal(formatRelative(ms), text));
  it('formatValidIn rounds up to whole seconds', () => {
    assert.equal(formatValidIn(7_200_000), 'valid in 2 h');
    assert.equal(formatValidIn(1), 'valid in 1 s');
  });
});

describe('formatBytes', () => {
  const cases: [number, string][] = [[0, '0 B'], [812, '812 B'], [4096, '4.1 KB'], [2_300_000, '2.3 MB'], [161_000_000, '161.0 MB'], [1.5e9, '1.5 GB']];
  for (const [n, text] of cases) it(`${n} → ${text}`, () => assert.equal(formatBytes(n), text));
});

describe('formatIso', () => {
  const edges = [
    0, -0, -1, 1, -0.5, 0.5, 999.9, 8.64e15, -8.64e15, 1_700_000_000_000, 951_782_400_000 /* 2000-02-29 */,
    -62_167_219_200_000 /* 0000-01-01 */, -62_167_219_200_001, 253_402_300_799_999 /* 9999-12-31 */, 253_402_300_800_000,
    -2_208_988_800_000, 4_107_542_400_000 /* 2100-03-01 */,
  ];
  for (const ms of edges) it(`${ms} is toISOString's ${new Date(ms).toISOString()}`, () => assert.equal(formatIso(ms), new Date(ms).toISOString()));
  it('agrees with toISOString over the whole Date range (property)', () => {
    fc.assert(fc.property(fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }), (ms) => formatIso(ms) === new Date(ms).toISOString()), { numRuns: 20_000 });
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), (ms) => formatIso(ms) === new Date(ms).toISOString()), { numRuns: 20_000 });
  });
  it('is total outside the Date range', () => {
    for (const ms of [8.64e15 + 1, -8.64e15 - 1, Infinity, -Infinity, NaN]) assert.equal(formatIso(ms), 'Invalid Date');
  });
});

describe('quoteText', () => {
  it('cuts to max characters (ellipsis included) and writes C0/C1 controls and DEL as \\uXXXX', () => {
    const quoted = quoteText(`\u001b]8;;http://evil/\u0007${'X'.repeat(5000)}\u009b`, 32);
    assert.equal(quoted.length, 32);
    assert.ok(quoted.endsWith('…'));
    assert.ok(quoted.startsWith('\\u001b]8;;http://evil/\\u0007X'));
    assert.ok(![...quoted].some((c) => c.charCodeAt(0) < 0x20 || (c.charCodeAt(0) >= 0x7f && c.charCodeAt(0) <= 0x9f)));
    assert.equal(quoteText('a\u007fb'), 'a\\u007fb');
    assert.equal(quoteText('short'), 'short');
    assert.equal(quoteText(['a', 1]), '["a",1]');
    assert.equal(quoteText(1n), 'bigint');
  });
});
