/**
 * Command-line parsing for `token-lens`. Pure: returns a typed command or a one-line usage
 * error, never exits.
 */
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import { parseInstant } from '../core/instant';
import type { Severity } from '../core/types';
import type { CliKeySource } from './verify';

/** Output formats of `--format` (`--json` is `--format json`). */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** Options shared by `decode` and `scan`. */
export interface CommonOptions {
  /** `--format json` (or `--json`): kept next to {@link format} for callers that only ask "JSON?". */
  readonly json: boolean;
  readonly format: OutputFormat;
  /** `true`/`false` force colours on/off; undefined: colour only on a TTY without NO_COLOR. */
  readonly color: boolean | undefined;
  /** Exit 1 when a hint or finding of this severity (or worse) exists. */
  readonly failOn: Exclude<Severity, 'info'> | undefined;
  /** Evaluation instant, ms since the epoch (`--now <when>`: ISO, `in 2 h`, `yesterday 18:00`, …). */
  readonly now: number | undefined;
  readonly clockSkewSec: number | undefined;
  readonly maxLifetimeSec: number | undefined;
  /** `--key`, `--jwks`, `--secret` in order (signature verification, issue 5). */
  readonly keySources?: readonly CliKeySource[];
}

export type CliCommand =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | ({ readonly command: 'decode'; readonly input: string } & CommonOptions)
  /** Compares two tokens: each a token, a file holding one, or `-` (stdin, one side at most). */
  | ({ readonly command: 'diff'; readonly inputs: readonly [string, string] } & CommonOptions)
  | ({
      readonly command: 'scan';
      readonly paths: readonly string[];
      /** Size cap of files found by walking a directory or a glob; a file named on the command line is read whatever its size. */
      readonly maxFileSizeKb: number;
      /** `--allow` files: tokens and paths accepted as fixtures (see allow.ts). */
      readonly allowFiles: readonly string[];
      /** `--jobs`: threads scanning (this one and n − 1 workers); undefined chooses by the machine and the number of files. */
      readonly jobs: number | undefined;
    } & CommonOptions);

export type ParseResult = { readonly ok: true; readonly value: CliCommand } | { readonly ok: false; readonly message: string };

/** Default size limit of scanned files, as the `tokenLens.scan.maxFileSizeKB` setting. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

export const USAGE = `token-lens — find, decode and inspect JWTs (JWS, unsecured, JWE). Tokens never leave this machine.

Usage:
  token-lens decode <token | ->        decode one token (- reads stdin; "Bearer …" and header lines are accepted)
  token-lens diff <A> <B>              compare two tokens: header parameters and claims added, removed,
                                       changed, exp moved, kid/alg changed; each a token, a file holding
                                       one, or - (stdin); exit 0 when identical, 1 when they differ
  token-lens scan <files | dirs | globs | ->...
                                       find tokens in files (- reads stdin); directories are walked,
                                       node_modules and .git skipped; globs: *, **, ?

Options:
  --json                 machine-readable output (schema: src/cli/README.md); same as --format json
  --format <fmt>         text (default), json, or sarif (SARIF 2.1.0, for GitHub code scanning)
  --fail-on <level>      exit 1 when a hint/finding of level error|warning (or worse) exists
  --now <when>           evaluate at this instant: ISO 8601, "in 2 h", "2 h ago",
                         "yesterday 18:00" (UTC), a NumericDate (reproducible with ISO)
  --clock-skew <sec>     clock skew tolerated for exp/nbf/iat (default 60)
  --max-lifetime <dur>   lifetime over which a long-lived hint appears: seconds or 30m, 1h, 7d (default 1h)
  --max-file-size <KiB>  scan: skip larger files found in directories and globs (default ${DEFAULT_MAX_FILE_SIZE_KB});
                         a file named on the command line is scanned whatever its size
  --allow <file>         scan: accept the tokens and paths listed in this file as fixtures
                         (token hashes sha256:…, 12-character previews, path globs; one a line)
  --jobs <n>             scan: threads scanning, this one and n-1 workers (default: the core count
                         up to 8, for 256 files or more on 4 cores or more; else 1)
  --key <file>           verify signatures with a PEM public key / certificate or JWK file
  --jwks <file>          verify signatures with a JWKS file (matched by kid, else key type)
  --secret <text>        verify HS256/384/512 signatures with this UTF-8 secret
  --color, --no-color    force colours on/off (default: on for a terminal, off when NO_COLOR is set)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 ok · 1 --fail-on threshold met (diff: the tokens differ) · 2 bad usage or unreadable input.`;

/** Parses `30`, `90s`, `30m`, `1h`, `7d`, `2w` to seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit === 's' ? 1 : unit === 'm' || unit === 'min' ? 60 : unit === 'h' ? 3600 : unit === 'd' ? 86400 : 604800;
  const seconds = Number(m[1]) * factor;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** The options `node:util` `parseArgs` reads; values are checked below, in argument order. */
const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  format: { type: 'string' },
  allow: { type: 'string' },
  jobs: { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'fail-on': { type: 'string' },
  now: { type: 'string' },
  'clock-skew': { type: 'string' },
  'max-lifetime': { type: 'string' },
  'max-file-size': { type: 'string' },
  key: { type: 'string' },
  jwks: { type: 'string' },
  secret: { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;

function isOption(name: string): name is OptionName {
  return Object.prototype.hasOwnProperty.call(OPTIONS, name);
}

/**
 * Parses argv (without `node` and the script path) with `node:util` `parseArgs`. Its tokens
 * keep the command line's order, which `--key`/`--jwks`/`--secret` need (keys are tried in
 * the order given) and which lets the first bad option be the one reported. Not strict, so
 * every message is ours: an unknown option, a missing value and a value that is really the
 * next option (`--fail-on --json`) each get one line.
 */
export function parseArgs(argv: readonly string[], clock: () => number = Date.now): ParseResult {
  const { tokens } = parseArgv({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positional: string[] = [];
  let format: OutputFormat = 'text';
  const allowFiles: string[] = [];
  let jobs: number | undefined;
  let color: boolean | undefined;
  let failOn: CommonOptions['failOn'];
  let now: number | undefined;
  let clockSkewSec: number | undefined;
  let maxLifetimeSec: number | undefined;
  let maxFileSizeKb = DEFAULT_MAX_FILE_SIZE_KB;
  const keySources: CliKeySource[] = [];

  for (const token of tokens) {
    if (token.kind === 'positional') {
      positional.push(token.value);
      continue;
    }
    if (token.kind === 'option-terminator') continue;
    const flag = token.rawName;
    if (!isOption(token.name)) return { ok: false, message: `Unknown option ${flag} (see token-lens --help)` };
    // A separate value that starts with "-" (other than "-", stdin) is the next option, not a value.
    const value = token.inlineValue === false && token.value?.startsWith('-') === true && token.value !== '-' ? undefined : token.value;
    if (OPTIONS[token.name].type === 'boolean' && value !== undefined) return { ok: false, message: `${flag} takes no value` };
    switch (token.name) {
      case 'help':
        return { ok: true, value: { command: 'help' } };
      case 'version':
        return { ok: true, value: { command: 'version' } };
      case 'json':
        format = 'json';
        break;
      case 'format': {
        if (value !== 'text' && value !== 'json' && value !== 'sarif') return { ok: false, message: '--format needs "text", "json" or "sarif"' };
        format = value;
        break;
      }
      case 'allow': {
        if (!value) return { ok: false, message: '--allow needs a file' };
        allowFiles.push(value);
        break;
      }
      case 'jobs': {
        const n = value === undefined ? Number.NaN : Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 256) return { ok: false, message: '--jobs needs a whole number from 1 to 256' };
        jobs = n;
        break;
      }
      case 'color':
        color = true;
        break;
      case 'no-color':
        color = false;
        break;
      case 'fail-on': {
        if (value !== 'error' && value !== 'warning') return { ok: false, message: '--fail-on needs "error" or "warning"' };
        failOn = value;
        break;
      }
      case 'now': {
        // The inspector's "valid at…" forms (core parseInstant): ISO, "in 2 h", "yesterday 18:00" (UTC).
        const at = value === undefined ? undefined : parseInstant(value, { now: clock(), utc: true });
        if (at === undefined || !at.ok) return { ok: false, message: `--now needs a date or a time: ${at?.ok === false ? at.error.message : 'nothing given'}` };
        now = at.value;
        break;
      }
      case 'clock-skew': {
        const seconds = value === undefined ? Number.NaN : Number(value);
        if (!Number.isFinite(seconds) || seconds < 0) return { ok: false, message: '--clock-skew needs a number of seconds ≥ 0' };
        clockSkewSec = seconds;
        break;
      }
      case 'max-lifetime': {
        const seconds = value === undefined ? undefined : parseDuration(value);
        if (seconds === undefined) return { ok: false, message: '--max-lifetime needs a duration: seconds, or 30m, 1h, 7d' };
        maxLifetimeSec = seconds;
        break;
      }
      case 'max-file-size': {
        const kb = value === undefined ? Number.NaN : Number(value);
        if (!Number.isFinite(kb) || kb <= 0) return { ok: false, message: '--max-file-size needs a size in KiB > 0' };
        maxFileSizeKb = kb;
        break;
      }
      case 'key':
      case 'jwks': {
        if (value === undefined) return { ok: false, message: `${flag} needs a file` };
        keySources.push({ kind: token.name, path: value });
        break;
      }
      case 'secret': {
        if (!value) return { ok: false, message: '--secret needs the secret text' };
        keySources.push({ kind: 'secret', value });
        break;
      }
    }
  }

  const common: CommonOptions = { json: format === 'json', format, color, failOn, now, clockSkewSec, maxLifetimeSec, ...(keySources.length ? { keySources } : {}) };
  const [command, ...rest] = positional;
  if (command === undefined) return { ok: false, message: 'Missing command: decode, diff or scan (see token-lens --help)' };
  if (command === 'help') return { ok: true, value: { command: 'help' } };
  if (command === 'version') return { ok: true, value: { command: 'version' } };
  if (command === 'decode') {
    if (rest.length !== 1) return { ok: false, message: 'decode takes exactly one token, or - to read it from stdin' };
    if (allowFiles.length > 0 || jobs !== undefined) return { ok: false, message: `${allowFiles.length > 0 ? '--allow' : '--jobs'} applies to scan only` };
    if (format === 'sarif') return { ok: false, message: '--format sarif applies to scan only (SARIF reports findings at file locations)' };
    return { ok: true, value: { command: 'decode', input: rest[0], ...common } };
  }
  if (command === 'diff') {
    const [a, b] = rest;
    if (rest.length !== 2 || a === undefined || b === undefined) return { ok: false, message: 'diff takes exactly two tokens (a token, a file holding one, or - for stdin)' };
    if (a === '-' && b === '-') return { ok: false, message: 'diff reads stdin for one side only' };
    const scanOnly = allowFiles.length > 0 ? '--allow' : jobs !== undefined ? '--jobs' : keySources.length > 0 ? '--key, --jwks and --secret' : failOn !== undefined ? '--fail-on' : undefined;
    if (scanOnly !== undefined) return { ok: false, message: `${scanOnly} does not apply to diff` };
    if (format === 'sarif') return { ok: false, message: '--format sarif applies to scan only (SARIF reports findings at file locations)' };
    return { ok: true, value: { command: 'diff', inputs: [a, b], ...common } };
  }
  if (command === 'scan') {
    if (rest.length === 0) return { ok: false, message: 'scan needs at least one file, directory, glob, or - for stdin' };
    return { ok: true, value: { command: 'scan', paths: rest, maxFileSizeKb, allowFiles, jobs, ...common } };
  }
  return { ok: false, message: `Unknown command "${command}": use decode, diff or scan (see token-lens --help)` };
}
