import { strict as assert } from 'node:assert';
import { DEFAULT_MAX_FILE_SIZE_KB, parseArgs } from '../../../src/cli/args';
import { parseDuration } from '../../../src/core/instant';

describe('cli parseArgs', () => {
  it('parses decode with every option', () => {
    const r = parseArgs(['decode', 'tok', '--json', '--fail-on', 'warning', '--now', '2026-01-01T00:00:00Z', '--clock-skew=30', '--max-lifetime', '2h', '--no-color']);
    assert.deepEqual(r, {
      ok: true,
      value: { command: 'decode', input: 'tok', json: true, format: 'json', color: false, failOn: 'warning', now: Date.parse('2026-01-01T00:00:00Z'), clockSkewSec: 30, maxLifetimeSec: 7200 },
    });
  });
  it('parses scan with several paths, stdin and defaults', () => {
    const r = parseArgs(['scan', 'a.http', '-', 'src/**/*.env']);
    assert.ok(r.ok && r.value.command === 'scan');
    assert.deepEqual(r.value.paths, ['a.http', '-', 'src/**/*.env']);
    assert.equal(r.value.maxFileSizeKb, DEFAULT_MAX_FILE_SIZE_KB);
    assert.equal(r.value.color, undefined);
  });
  it('help and version win over everything', () => {
    assert.deepEqual(parseArgs(['decode', '--help']), { ok: true, value: { command: 'help' } });
    assert.deepEqual(parseArgs(['-v']), { ok: true, value: { command: 'version' } });
  });
  const bad: [string[], RegExp][] = [
    [[], /Missing command/],
    [['frobnicate'], /Unknown command/],
    [['decode'], /exactly one token/],
    [['decode', 'a', 'b'], /exactly one token/],
    [['scan'], /at least one/],
    [['scan', 'x', '--fail-on', 'info'], /--fail-on/],
    [['scan', 'x', '--fail-on'], /--fail-on/],
    [['decode', 'x', '--now', 'soon'], /--now/],
    [['decode', 'x', '--clock-skew', '-5'], /--clock-skew/],
    [['decode', 'x', '--max-lifetime', 'forever'], /--max-lifetime/],
    [['scan', 'x', '--max-file-size', '0'], /--max-file-size/],
    [['scan', 'x', '--wat'], /Unknown option --wat/],
    [['scan', 'x', '--wat=1'], /Unknown option --wat/],
    [['scan', 'x', '-q'], /Unknown option -q/],
    [['decode', 'x', '--json=yes'], /--json takes no value/],
    [['decode', 'x', '--key', '--json'], /--key needs a file/],
    [['decode', 'x', '--fail-on', '--json'], /--fail-on/],
    [['decode', 'x', '--secret='], /--secret/],
    [['decode', 'x', '--wat', '--help'], /Unknown option --wat/],
    [['scan', 'x', '--format', 'xml'], /--format needs "text", "json" or "sarif"/],
    [['scan', 'x', '--format'], /--format/],
    [['scan', 'x', '--allow'], /--allow needs a file/],
    [['scan', 'x', '--jobs', '0'], /--jobs needs a whole number/],
    [['scan', 'x', '--jobs', '1.5'], /--jobs needs a whole number/],
    [['decode', 'x', '--format', 'sarif'], /--format sarif applies to scan only/],
    [['decode', 'x', '--allow', 'a.txt'], /--allow applies to scan only/],
    [['decode', 'x', '--jobs', '2'], /--jobs applies to scan only/],
  ];
  for (const [argv, message] of bad) {
    it(`refuses ${JSON.stringify(argv)} with a one-line message`, () => {
      const r = parseArgs(argv);
      assert.equal(r.ok, false);
      if (!r.ok) {
        assert.match(r.message, message);
        assert.ok(!r.message.includes('\n'));
      }
    });
  }
  it('keeps --key, --jwks and --secret in command-line order, inline values and "-" included', () => {
    const r = parseArgs(['scan', '--jwks=a.json', 'x', '--secret', 's1', '--key', '-', '--jwks', 'b.json']);
    assert.ok(r.ok && r.value.command === 'scan');
    assert.deepEqual(r.value.keySources, [
      { kind: 'jwks', path: 'a.json' },
      { kind: 'secret', value: 's1' },
      { kind: 'key', path: '-' },
      { kind: 'jwks', path: 'b.json' },
    ]);
    assert.deepEqual(r.value.paths, ['x']);
  });
  it('the last of --color / --no-color wins; short flags group', () => {
    const r = parseArgs(['decode', 'x', '--no-color', '--color']);
    assert.ok(r.ok && r.value.command === 'decode' && r.value.color === true);
    assert.deepEqual(parseArgs(['-vh']), { ok: true, value: { command: 'version' } });
  });
  it('scan takes --format, repeated --allow and --jobs; --json is --format json', () => {
    const r = parseArgs(['scan', 'x', '--format', 'sarif', '--allow', 'a.txt', '--allow=b.txt', '--jobs', '3']);
    assert.ok(r.ok && r.value.command === 'scan');
    assert.equal(r.value.format, 'sarif');
    assert.equal(r.value.json, false);
    assert.deepEqual(r.value.allowFiles, ['a.txt', 'b.txt']);
    assert.equal(r.value.jobs, 3);
    const json = parseArgs(['scan', 'x', '--json']);
    assert.ok(json.ok && json.value.command === 'scan' && json.value.format === 'json' && json.value.json && json.value.jobs === undefined);
    assert.deepEqual(json.ok && json.value.command === 'scan' && json.value.allowFiles, []);
  });
  it('treats arguments after -- as positional', () => {
    const r = parseArgs(['scan', '--', '--weird-file-name']);
    assert.ok(r.ok && r.value.command === 'scan' && r.value.paths[0] === '--weird-file-name');
  });
});

describe('core parseDuration (the CLI --max-lifetime)', () => {
  const cases: [string, number | undefined][] = [
    ['90', 90],
    ['90s', 90],
    ['30m', 1800],
    ['1h', 3600],
    ['7d', 604800],
    ['2w', 1209600],
    ['1.5h', 5400],
    ['0', undefined],
    ['-1h', undefined],
    ['h', undefined],
    ['1y', undefined],
    ['1 day 2 h', 93600],
    ['90 min', 5400],
    ['1e3', undefined],
  ];
  for (const [text, seconds] of cases) it(`${text} → ${seconds}`, () => assert.equal(parseDuration(text), seconds));
});

describe('cli --now: the inspector\'s "valid at…" forms', () => {
  const clock = (): number => Date.UTC(2026, 11, 1, 10, 30);
  it('takes ISO, relative times and a day with a time (UTC), counted from the CLI clock', () => {
    for (const [text, at] of [
      ['2026-01-01T00:00:00Z', Date.UTC(2026, 0, 1)],
      ['in 2 h', Date.UTC(2026, 11, 1, 12, 30)],
      ['90 min ago', Date.UTC(2026, 11, 1, 9, 0)],
      ['yesterday 18:00', Date.UTC(2026, 10, 30, 18)],
      ['1764603000', 1_764_603_000_000],
    ] as const) {
      const r = parseArgs(['decode', 'x', '--now', text], clock);
      assert.ok(r.ok && r.value.command === 'decode', text);
      assert.equal(r.value.now, at, text);
    }
  });
});
