/**
 * Command-line parsing for `token-lens`. Pure: returns a typed command or a one-line usage
 * error, never exits.
 */
import type { Severity } from '../core/types';
import type { CliKeySource } from './verify';

/** Options shared by `decode` and `scan`. */
export interface CommonOptions {
  readonly json: boolean;
  /** `true`/`false` force colours on/off; undefined: colour only on a TTY without NO_COLOR. */
  readonly color: boolean | undefined;
  /** Exit 1 when a hint or finding of this severity (or worse) exists. */
  readonly failOn: Exclude<Severity, 'info'> | undefined;
  /** Evaluation instant, ms since the epoch (`--now <iso>`). */
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
  | ({ readonly command: 'scan'; readonly paths: readonly string[]; readonly maxFileSizeKb: number } & CommonOptions);

export type ParseResult = { readonly ok: true; readonly value: CliCommand } | { readonly ok: false; readonly message: string };

/** Default size limit of scanned files, as the `tokenLens.scan.maxFileSizeKB` setting. */
export const DEFAULT_MAX_FILE_SIZE_KB = 2048;

export const USAGE = `token-lens — find, decode and inspect JWTs (JWS, unsecured, JWE). Tokens never leave this machine.

Usage:
  token-lens decode <token | ->        decode one token (- reads stdin; "Bearer …" and header lines are accepted)
  token-lens scan <files | dirs | globs | ->...
                                       find tokens in files (- reads stdin); directories are walked,
                                       node_modules and .git skipped; globs: *, **, ?

Options:
  --json                 machine-readable output (schema: src/cli/README.md)
  --fail-on <level>      exit 1 when a hint/finding of level error|warning (or worse) exists
  --now <iso>            evaluate expiry at this instant (reproducible output)
  --clock-skew <sec>     clock skew tolerated for exp/nbf/iat (default 60)
  --max-lifetime <dur>   lifetime over which a long-lived hint appears: seconds or 30m, 1h, 7d (default 1h)
  --max-file-size <KiB>  scan: skip larger files (default ${DEFAULT_MAX_FILE_SIZE_KB})
  --key <file>           verify signatures with a PEM public key / certificate or JWK file
  --jwks <file>          verify signatures with a JWKS file (matched by kid, else key type)
  --secret <text>        verify HS256/384/512 signatures with this UTF-8 secret
  --color, --no-color    force colours on/off (default: on for a terminal, off when NO_COLOR is set)
  -h, --help             show this help
  -v, --version          show the version

Exit codes: 0 ok · 1 --fail-on threshold met · 2 bad usage or unreadable input.`;

/** Parses `30`, `90s`, `30m`, `1h`, `7d`, `2w` to seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|min|h|d|w)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit === 's' ? 1 : unit === 'm' || unit === 'min' ? 60 : unit === 'h' ? 3600 : unit === 'd' ? 86400 : 604800;
  const seconds = Number(m[1]) * factor;
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** Parses argv (without `node` and the script path). */
export function parseArgs(argv: readonly string[]): ParseResult {
  const positional: string[] = [];
  let json = false;
  let color: boolean | undefined;
  let failOn: CommonOptions['failOn'];
  let now: number | undefined;
  let clockSkewSec: number | undefined;
  let maxLifetimeSec: number | undefined;
  let maxFileSizeKb = DEFAULT_MAX_FILE_SIZE_KB;
  let endOfOptions = false;
  const keySources: CliKeySource[] = [];

  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (endOfOptions || raw === '-' || !raw.startsWith('-')) {
      positional.push(raw);
      continue;
    }
    if (raw === '--') {
      endOfOptions = true;
      continue;
    }
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq !== -1 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq !== -1 ? raw.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) return undefined;
      i++;
      return next;
    };
    switch (flag) {
      case '-h':
      case '--help':
        return { ok: true, value: { command: 'help' } };
      case '-v':
      case '--version':
        return { ok: true, value: { command: 'version' } };
      case '--json':
        json = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '--fail-on': {
        const level = value();
        if (level !== 'error' && level !== 'warning') return { ok: false, message: '--fail-on needs "error" or "warning"' };
        failOn = level;
        break;
      }
      case '--now': {
        const text = value();
        const ms = text === undefined ? Number.NaN : Date.parse(text);
        if (!Number.isFinite(ms)) return { ok: false, message: '--now needs an ISO 8601 date, e.g. 2026-01-31T12:00:00Z' };
        now = ms;
        break;
      }
      case '--clock-skew': {
        const text = value();
        const seconds = text === undefined ? Number.NaN : Number(text);
        if (!Number.isFinite(seconds) || seconds < 0) return { ok: false, message: '--clock-skew needs a number of seconds ≥ 0' };
        clockSkewSec = seconds;
        break;
      }
      case '--max-lifetime': {
        const text = value();
        const seconds = text === undefined ? undefined : parseDuration(text);
        if (seconds === undefined) return { ok: false, message: '--max-lifetime needs a duration: seconds, or 30m, 1h, 7d' };
        maxLifetimeSec = seconds;
        break;
      }
      case '--max-file-size': {
        const text = value();
        const kb = text === undefined ? Number.NaN : Number(text);
        if (!Number.isFinite(kb) || kb <= 0) return { ok: false, message: '--max-file-size needs a size in KiB > 0' };
        maxFileSizeKb = kb;
        break;
      }
      case '--key':
      case '--jwks': {
        const path = value();
        if (path === undefined) return { ok: false, message: `${flag} needs a file` };
        keySources.push({ kind: flag === '--key' ? 'key' : 'jwks', path });
        break;
      }
      case '--secret': {
        const secret = value();
        if (!secret) return { ok: false, message: '--secret needs the secret text' };
        keySources.push({ kind: 'secret', value: secret });
        break;
      }
      default:
        return { ok: false, message: `Unknown option ${flag} (see token-lens --help)` };
    }
  }

  const common: CommonOptions = { json, color, failOn, now, clockSkewSec, maxLifetimeSec, ...(keySources.length ? { keySources } : {}) };
  const [command, ...rest] = positional;
  if (command === undefined) return { ok: false, message: 'Missing command: decode or scan (see token-lens --help)' };
  if (command === 'help') return { ok: true, value: { command: 'help' } };
  if (command === 'version') return { ok: true, value: { command: 'version' } };
  if (command === 'decode') {
    if (rest.length !== 1) return { ok: false, message: 'decode takes exactly one token, or - to read it from stdin' };
    return { ok: true, value: { command: 'decode', input: rest[0], ...common } };
  }
  if (command === 'scan') {
    if (rest.length === 0) return { ok: false, message: 'scan needs at least one file, directory, glob, or - for stdin' };
    return { ok: true, value: { command: 'scan', paths: rest, maxFileSizeKb, ...common } };
  }
  return { ok: false, message: `Unknown command "${command}": use decode or scan (see token-lens --help)` };
}
