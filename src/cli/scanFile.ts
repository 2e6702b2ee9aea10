/**
 * One file of `token-lens scan`: read it (in chunks), find its tokens, inspect each, add the
 * weak-secret finding and the signature check. The same code runs on the main thread and in
 * the scan workers (workers.ts), so the report does not depend on where a file was scanned.
 */
import { createHash } from 'node:crypto';
import { CANDIDATE_SPAN, findTokens, mayHoldToken, sortFindings, thoroughScanFor, type VerificationKey, type VerificationResult, type WeakSecretChecker } from '../core';
import type { Finding, InspectOptions, Inspection, Result, TokenError, TokenMatch } from '../core/types';
import { BINARY_SNIFF_BYTES, looksBinary } from '../present';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { CHUNK_BYTES, readChunks, type ScanPath } from './files';
import { TokenStream, type StreamMatch } from './tokenStream';
import { verifyForCli } from './verify';

/** The analysis the CLI runs on each token (`inspectToken` from the core). */
export type InspectFunction = (token: string, options?: InspectOptions) => Result<Inspection>;

/** What scanning a file needs besides the file. */
export interface ScanContext {
  readonly inspect: InspectFunction;
  readonly options: InspectOptions;
  readonly keys: readonly VerificationKey[];
  readonly weakSecrets: WeakSecretChecker;
  /** Where files are read, a chunk at a time (its length: tests make it small to put tokens across chunk edges). */
  readonly chunk: Buffer;
}

/** A token found in a file, inspected; never holds the token text. */
export interface FoundToken {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly context: TokenMatch['context'];
  /** First 12 characters (inside the header segment): enough to recognise, useless to replay. */
  readonly preview: string;
  /** `sha256:` and the first 32 hex digits of SHA-256 over the token: names it in `--allow` files and fingerprints, reveals nothing. */
  readonly tokenHash: string;
  readonly inspection?: Inspection;
  readonly error?: TokenError;
  readonly verification?: VerificationResult;
}

/** A scanned file, or a path that was skipped and why (`given`: named on the command line). */
export type FileScan = { readonly path: string; readonly tokens: readonly FoundToken[] } | { readonly path: string; readonly skipped: string; readonly given?: boolean };

/** Weak-secret checks (and signature checks) in flight at once per file: concurrent, bounded. */
const CHECKS_IN_FLIGHT = 16;

/** The buffer a scanning thread reads files into (one per thread, reused from file to file). */
export function chunkBuffer(bytes = CHUNK_BYTES): Buffer {
  return Buffer.allocUnsafe(bytes);
}

/** The name `--allow` files and SARIF fingerprints use for a token. */
export function tokenHash(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 32)}`;
}

/** The inspection with one more finding, in the core's finding order. */
export function withFinding(inspection: Inspection, finding: Finding): Inspection {
  return { ...inspection, findings: sortFindings([...inspection.findings, finding]) };
}

/** Inspects one token and runs the weak-secret check (and the signature check when keys were given). */
export async function analyseToken(token: string, ctx: Pick<ScanContext, 'inspect' | 'options' | 'keys' | 'weakSecrets'>): Promise<{ inspection?: Inspection; error?: TokenError; verification?: VerificationResult }> {
  const inspected = ctx.inspect(token, ctx.options);
  if (!inspected.ok) return { error: inspected.error };
  const [weak, verification] = await Promise.all([ctx.weakSecrets.check(token), ctx.keys.length ? verifyForCli(token, ctx.keys) : undefined]);
  const inspection = weak ? withFinding(inspected.value, weak) : inspected.value;
  return verification ? { inspection, verification } : { inspection };
}

/** Runs `work` over `items` with at most `limit` at once; results in input order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function inspectMatches(path: string, matches: readonly StreamMatch[], ctx: ScanContext): Promise<FileScan> {
  const tokens = await mapBounded(matches, CHECKS_IN_FLIGHT, async ({ match, line, column, endLine, endColumn }): Promise<FoundToken> => {
    const located = { start: match.start, end: match.end, line, column, endLine, endColumn, context: match.context, preview: match.token.slice(0, 12), tokenHash: tokenHash(match.token) };
    return { ...located, ...(await analyseToken(match.token, ctx)) };
  });
  return { path, tokens };
}

/** Scans text already in memory (stdin). */
export function scanText(path: string, text: string, ctx: ScanContext): Promise<FileScan> {
  if (looksBinary(new TextEncoder().encode(text.slice(0, BINARY_SNIFF_BYTES)))) return Promise.resolve({ path, skipped: 'binary' });
  const stream = new TokenStream({ thorough: true });
  return inspectMatches(path, [...stream.push(text), ...stream.end()], ctx);
}

const NO_TOKENS: readonly FoundToken[] = [];

/** Bytes the prefilter reads as one latin1 string: small strings die young (a whole 2 MiB file's would be a large object for the full collector). */
const PREFILTER_WINDOW = 64 * 1024;

/**
 * Whether the bytes may hold a token (core `mayHoldToken` on their latin1 reading), asked of
 * windows that overlap by the span of a candidate, so none is missed. Candidates are ASCII and
 * UTF-8 keeps ASCII bytes as they are, so the latin1 reading holds one exactly where the
 * decoded text does.
 */
export function bytesMayHoldToken(bytes: Buffer, thorough: boolean): boolean {
  for (let at = 0; at < bytes.length; at += PREFILTER_WINDOW) {
    if (mayHoldToken(bytes.toString('latin1', Math.max(0, at - CANDIDATE_SPAN), Math.min(bytes.length, at + PREFILTER_WINDOW)), thorough)) return true;
  }
  return false;
}

/**
 * Scans one file, read in chunks: a file found by a walk or a glob is capped at `maxBytes`,
 * a file named on the command line is read whatever its size, in bounded memory. A file read
 * in one chunk is decoded and scanned only when its bytes hold a candidate (core
 * `mayHoldToken`, the scanner's own patterns): most files hold none, and decoding is most of the work.
 */
export function scanFile(file: ScanPath, maxBytes: number, ctx: ScanContext): Promise<FileScan> {
  if (file.skipped !== undefined) return Promise.resolve({ path: file.display, skipped: file.skipped });
  // Configuration and request files get the thorough scan (base64-wrapped tokens, as in Kubernetes Secrets).
  const thorough = thoroughScanFor(file.display);
  // Made at the first chunk that is scanned. A UTF-8 sequence cut by a chunk edge is completed by the next chunk; a BOM stays in the text.
  let stream: TokenStream | undefined;
  let decoder: StringDecoder | undefined;
  const matches: StreamMatch[] = [];
  let binary = false;
  const refused = readChunks(
    file.fsPath,
    file.given ? undefined : maxBytes,
    ctx.chunk,
    (bytes, first, last) => {
      if (first && looksBinary(bytes)) {
        binary = true;
        return false;
      }
      if (first && last) {
        if (!bytesMayHoldToken(bytes, thorough)) return false;
        // The latin1 reading is the decoded text when every byte is ASCII.
        const latin1 = bytes.toString('latin1');
        if (isAscii(bytes)) {
          stream = new TokenStream({ thorough });
          for (const m of stream.push(latin1)) matches.push(m);
          return false;
        }
        // Tokens are ASCII, and a character that is not (one in the decoded text, two to four in
        // the latin1 reading) bounds a token the same way in both: the latin1 reading holds a
        // token exactly when the decoded text does (a property test checks it). So a file is
        // decoded only when it holds one, to place it by the decoded text's lines and columns.
        if (findTokens(latin1, { thorough }).length === 0) return false;
      }
      stream ??= new TokenStream({ thorough });
      decoder ??= new StringDecoder('utf8');
      for (const m of stream.push(decoder.write(bytes))) matches.push(m);
      return true;
    },
    file.regular === true,
  );
  if (refused !== undefined) return Promise.resolve({ path: file.display, skipped: refused, given: file.given });
  if (binary) return Promise.resolve({ path: file.display, skipped: 'binary' });
  if (stream === undefined) return Promise.resolve({ path: file.display, tokens: NO_TOKENS });
  for (const m of [...(decoder ? stream.push(decoder.end()) : []), ...stream.end()]) matches.push(m);
  return inspectMatches(file.display, matches, ctx);
}
