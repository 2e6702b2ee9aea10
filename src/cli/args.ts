/**
 * Command-line parsing for `token-lens`. Pure: returns a typed command or a one-line usage
 * error, never exits.
 */
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import { parseDuration, parseInstant } from '../core/instant';
import type { Severity } from '../core/types';
import type { SecretSource } from './privateKeys';
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
  /** `--key`, `--jwks`, `--secret` in order (signature verification, issue 5; signing and decryption, issue 11). */
  readonly keySources?: readonly CliKeySource[];
  /**
   * `--secret-file FILE` and `--secret -` (stdin), each with its place among the key sources:
   * the runner reads them into `keySources` before anything else runs.
   */
  readonly secretSources?: readonly SecretSource[];
}

/** `encode`: what to sign and how (issue 11). */
export interface EncodeOptions {
  /** The payload: JSON text, a file holding it, or `-` (stdin); `{}` when not given. */
  readonly payload: string | undefined;
  /** `--header`: JSON text or a file; `{"typ":"JWT"}` when not given. */
  readonly header: string | undefined;
  /** `--alg`: must fit the key; default from the key. */
  readonly alg: string | undefined;
  /** `--exp`, `--iat`, `--nbf`: NumericDates (seconds) to set in the payload. */
  readonly times: { readonly exp?: number; readonly iat?: number; readonly nbf?: number };
  /** `--unsecured`: the explicit `alg: none` path, no key. */
  readonly unsecured: boolean;
}

export type CliCommand =
  | { readonly command: 'help' }
  /** Signs a header and payload with `--key`/`--secret`/`--secret-file`, or `--unsecured`. */
  | ({ readonly command: 'encode' } & EncodeOptions & CommonOptions)
  /** Decrypts a JWE with `--key`/`--secret`/`--secret-file`. */
  | ({ readonly command: 'decrypt'; readonly input: string } & CommonOptions)
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
  token-lens decode <token | ->        decode one token (- reads stdin; "Bearer …" and header lines are accepted);
                                       a JWE with --key/--secret is decrypted too
  token-lens encode [payload]          sign a payload (JSON, a file, or -) with --key or --secret and print
                                       the token; --header, --alg, --exp 15m, --iat now, --nbf; --unsecured
                                       for alg "none"
  token-lens decrypt <token | ->       decrypt a JWE with --key (RSA, EC, X25519 private key, or a JWK) or
                                       --secret (dir, A*KW, A*GCMKW keys, PBES2 passwords)
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
  --key <file>           verify signatures with a PEM public key / certificate or JWK file; a private
                         key (PKCS#8 PEM, private JWK) signs (encode), decrypts (decrypt, decode)
                         and verifies with its public half
  --jwks <file>          verify signatures with a JWKS file (matched by kid, else key type)
  --secret <text | ->    an HMAC secret, JWE key or PBES2 password as UTF-8 text; - reads it from
                         stdin (text on a command line stays in the shell history)
  --secret-file <file>   the same, read from a file (one trailing newline dropped)
  --header <json|file>   encode: the protected header (default {"typ":"JWT"}; alg and kid come from the key)
  --alg <alg>            encode: the algorithm; it must fit the key (default: from the key)
  --exp, --iat, --nbf <when>
                         encode: set the claim: a duration from now (15m, 1h, 7d) or a --now form
  --unsecured            encode: make an unsecured token (alg "none", no signature): anyone can forge it
  --color, --no-color    force colours on/off (default: on for a terminal, off when NO_COLOR is set)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 ok · 1 --fail-on threshold met (diff: the tokens differ) · 2 bad usage or unreadable input.`;

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
  'secret-file': { type: 'string' },
  header: { type: 'string' },
  alg: { type: 'string' },
  exp: { type: 'string' },
  iat: { type: 'string' },
  nbf: { type: 'string' },
  unsecured: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

/**
 * `--exp 15m`: a duration from now (core `parseInstant`'s `+15m` form), or any instant
 * `parseInstant` takes (`now`, `in 2 h`, ISO, a NumericDate); as a NumericDate in seconds.
 */
function claimTime(value: string, now: number): number | undefined {
  const relative = /^\d/.test(value.trim()) ? parseInstant(`+${value.trim()}`, { now, utc: true }) : undefined;
  const at = relative?.ok === true ? relative : parseInstant(value, { now, utc: true });
  return at.ok ? Math.floor(at.value / 1000) : undefined;
}

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
  const secretSources: SecretSource[] = [];
  let header: string | undefined;
  let alg: string | undefined;
  const times: { exp?: number; iat?: number; nbf?: number } = {};
  let unsecured = false;

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
        if (!value) return { ok: false, message: '--secret needs the secret text, or - to read it from stdin' };
        if (value === '-') secretSources.push({ kind: 'secret-stdin', position: keySources.length + secretSources.length });
        else keySources.push({ kind: 'secret', value });
        break;
      }
      case 'secret-file': {
        if (!value) return { ok: false, message: '--secret-file needs a file' };
        secretSources.push({ kind: 'secret-file', path: value, position: keySources.length + secretSources.length });
        break;
      }
      case 'header': {
        if (value === undefined) return { ok: false, message: '--header needs JSON or a file' };
        header = value;
        break;
      }
      case 'alg': {
        if (!value) return { ok: false, message: '--alg needs an algorithm, e.g. ES256' };
        alg = value;
        break;
      }
      case 'exp':
      case 'iat':
      case 'nbf': {
        const seconds = value === undefined ? undefined : claimTime(value, clock());
        if (seconds === undefined) return { ok: false, message: `${flag} needs a time: a duration from now (15m, 1h, 7d), now, "in 2 h", ISO 8601 or a NumericDate` };
        times[token.name] = seconds;
        break;
      }
      case 'unsecured':
        unsecured = true;
        break;
    }
  }

  const common: CommonOptions = { json: format === 'json', format, color, failOn, now, clockSkewSec, maxLifetimeSec, ...(keySources.length ? { keySources } : {}), ...(secretSources.length ? { secretSources } : {}) };
  const [command, ...rest] = positional;
  if (command === undefined) return { ok: false, message: 'Missing command: decode, diff, scan, encode or decrypt (see token-lens --help)' };
  const encodeOnly = header !== undefined ? '--header' : alg !== undefined ? '--alg' : Object.keys(times).length > 0 ? '--exp, --iat and --nbf' : unsecured ? '--unsecured' : undefined;
  if (encodeOnly !== undefined && command !== 'encode') return { ok: false, message: `${encodeOnly} applies to encode only` };
  const stdinSecret = secretSources.some((source) => source.kind === 'secret-stdin');
  const keyCount = keySources.length + secretSources.length;
  if (command === 'encode' || command === 'decrypt') {
    const input = rest[0];
    if (rest.length > 1) return { ok: false, message: `${command} takes one ${command === 'encode' ? 'payload' : 'token'} (or - to read it from stdin)` };
    if (command === 'decrypt' && input === undefined) return { ok: false, message: 'decrypt takes exactly one token, or - to read it from stdin' };
    if (stdinSecret && input === '-') return { ok: false, message: `--secret - and ${command === 'encode' ? 'the payload' : 'the token'} cannot both come from stdin` };
    if (header === '-' && (input === '-' || stdinSecret)) return { ok: false, message: `--header - and ${input === '-' ? 'the payload' : '--secret -'} cannot both come from stdin` };
    const misplaced = allowFiles.length > 0 ? '--allow' : jobs !== undefined ? '--jobs' : format === 'sarif' ? '--format sarif' : keySources.some((s) => s.kind === 'jwks') ? '--jwks' : undefined;
    if (misplaced !== undefined) return { ok: false, message: `${misplaced} does not apply to ${command}` };
    if (command === 'decrypt') return { ok: true, value: { command: 'decrypt', input: input!, ...common } };
    if (unsecured && keyCount > 0) return { ok: false, message: '--unsecured makes a token without a key: drop --key/--secret, or drop --unsecured to sign' };
    if (!unsecured && keyCount !== 1) return { ok: false, message: keyCount === 0 ? 'encode needs a key to sign with (--key, --secret or --secret-file), or --unsecured for alg "none"' : 'encode signs with one key: give one --key, --secret or --secret-file' };
    return { ok: true, value: { command: 'encode', payload: input, header, alg, times, unsecured, ...common } };
  }
  if (stdinSecret && rest.includes('-')) return { ok: false, message: '--secret - and the token cannot both come from stdin' };
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
    const scanOnly = allowFiles.length > 0 ? '--allow' : jobs !== undefined ? '--jobs' : keyCount > 0 ? '--key, --jwks, --secret and --secret-file' : failOn !== undefined ? '--fail-on' : undefined;
    if (scanOnly !== undefined) return { ok: false, message: `${scanOnly} does not apply to diff` };
    if (format === 'sarif') return { ok: false, message: '--format sarif applies to scan only (SARIF reports findings at file locations)' };
    return { ok: true, value: { command: 'diff', inputs: [a, b], ...common } };
  }
  if (command === 'scan') {
    if (rest.length === 0) return { ok: false, message: 'scan needs at least one file, directory, glob, or - for stdin' };
    return { ok: true, value: { command: 'scan', paths: rest, maxFileSizeKb, allowFiles, jobs, ...common } };
  }
  return { ok: false, message: `Unknown command "${command}": use decode, diff, scan, encode or decrypt (see token-lens --help)` };
}
