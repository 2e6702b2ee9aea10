/**
 * `token-lens encode`: signs a header and payload with the one key given (core `signToken`:
 * the algorithm comes from the key, `--alg` must fit it), or makes an unsecured token with
 * `--unsecured` only. `--exp`/`--iat`/`--nbf` set those claims (core `setMembers`, the rest
 * of the payload kept as written). The token goes to stdout, alone on its line, so it can be
 * piped; what was done (algorithm, key id, remarks) goes to stderr. Key material is never
 * printed.
 */
import { MAX_SIGN_INPUT_CHARS, setMembers, signToken } from '../core';
import type { SignedToken } from '../core';
import { terminalJson, terminalText } from '../present';
import type { CliCommand } from './args';
import { EXIT_OK } from './exitCodes';
import { readRegularFile } from './files';
import type { LabelledPrivateKey } from './privateKeys';
import { JSON_SCHEMA_VERSION } from './report';

/** Largest header or payload file read (far above any token that fits a header line). */
const MAX_JSON_FILE_BYTES = MAX_SIGN_INPUT_CHARS;

/** What `encode` needs from the runner. */
export interface EncodeContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
  /** The one signing key (undefined with `--unsecured`). */
  readonly key: LabelledPrivateKey | undefined;
  readonly usageError: (message: string) => number;
}

/** `encode --json` output. The token is there because it was asked for; the key never is. */
export interface EncodeReport {
  readonly schemaVersion: number;
  readonly command: 'encode';
  readonly token: string;
  readonly alg: string;
  readonly kid?: string;
  readonly unsecured: boolean;
  readonly algSource: SignedToken['algSource'];
  readonly header: SignedToken['header'];
  readonly replaced?: SignedToken['replaced'];
  readonly notes: readonly string[];
  /** "Signed with ES256 (key id …)" or "Unsecured (alg "none") …". */
  readonly description: string;
  /** The `--key`/`--secret` label it was signed with. */
  readonly key?: string;
}

/** JSON text as given (starts with `{`), `-` (stdin), or a file holding it. */
async function readJsonArgument(value: string, what: string, readStdin: () => Promise<string>): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  if (value.trimStart().startsWith('{')) return { ok: true, text: value };
  if (value === '-') {
    try {
      const text = await readStdin();
      if (text.length > MAX_SIGN_INPUT_CHARS) return { ok: false, message: `the ${what} on stdin is longer than ${MAX_SIGN_INPUT_CHARS} characters (1 MiB), the most encode signs` };
      return { ok: true, text };
    } catch {
      return { ok: false, message: `cannot read the ${what} from stdin` };
    }
  }
  const read = readRegularFile(value, MAX_JSON_FILE_BYTES);
  if (!read.ok) return { ok: false, message: `cannot read ${what} file ${value}: ${read.reason} (give JSON starting with "{", a file, or -)` };
  return { ok: true, text: read.bytes.toString('utf8') };
}

/** Runs `encode`; exit 0 with the token on stdout, or a usage error. */
export async function runEncode(command: Extract<CliCommand, { command: 'encode' }>, ctx: EncodeContext): Promise<number> {
  const payloadRead = command.payload === undefined ? { ok: true as const, text: '{}' } : await readJsonArgument(command.payload, 'payload', ctx.readStdin);
  if (!payloadRead.ok) return ctx.usageError(payloadRead.message);
  const headerRead = command.header === undefined ? { ok: true as const, text: '{"typ":"JWT"}' } : await readJsonArgument(command.header, 'header', ctx.readStdin);
  if (!headerRead.ok) return ctx.usageError(headerRead.message);
  let payload = payloadRead.text;
  if (Object.keys(command.times).length > 0) {
    const withTimes = setMembers(payload, command.times);
    if (!withTimes.ok) return ctx.usageError(`--exp, --iat and --nbf need a JSON object payload: ${withTimes.error.message}`);
    payload = withTimes.value;
  }
  let signed;
  if (command.unsecured) signed = await signToken({ header: headerRead.text, payload, unsecured: true });
  else if (ctx.key !== undefined) signed = await signToken({ header: headerRead.text, payload, key: ctx.key.key, ...(command.alg !== undefined ? { alg: command.alg } : {}) });
  else return ctx.usageError('encode needs a private key or secret to sign with: --key, --secret or --secret-file (a public key cannot sign)');
  if (!signed.ok) return ctx.usageError(`${ctx.key !== undefined ? `${ctx.key.label}: ` : ''}${signed.error.message}`);
  const result = signed.value;
  if (command.json) {
    const report: EncodeReport = {
      schemaVersion: JSON_SCHEMA_VERSION,
      command: 'encode',
      token: result.token,
      alg: result.alg,
      ...(result.kid !== undefined ? { kid: result.kid } : {}),
      unsecured: result.unsecured,
      algSource: result.algSource,
      header: result.header,
      ...(result.replaced !== undefined ? { replaced: result.replaced } : {}),
      notes: result.notes,
      description: result.description,
      ...(ctx.key !== undefined && !command.unsecured ? { key: ctx.key.label } : {}),
    };
    ctx.stdout(terminalJson(report) + '\n');
  } else {
    ctx.stdout(result.token + '\n');
    const by = ctx.key !== undefined && !command.unsecured ? ` with key "${ctx.key.label}"` : '';
    ctx.stderr(`token-lens: ${terminalText(result.description + by)}\n`);
    for (const note of result.notes) ctx.stderr(`token-lens: note: ${terminalText(note)}\n`);
  }
  return EXIT_OK;
}
