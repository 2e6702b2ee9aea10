/**
 * Signing: a header and a payload (JSON text or objects) and a {@link PrivateKey} → a compact
 * JWS, with jose `CompactSign`. The key decides the algorithm (RFC 8725 §3.1): an `alg` that
 * the key cannot sign with is a typed error, and a header that says `none` is re-signed with
 * the key's algorithm, never left unsecured. An unsecured token (`alg: none`, RFC 7515
 * Appendix A.5) comes only from the separate `unsecured: true` input, and says so.
 *
 * Pure: WebCrypto only through jose, no Node built-ins. Total: a typed {@link SignError},
 * never an exception; no message contains key material.
 */
import { base64url, CompactSign } from 'jose';
import type { CompactJWSHeaderParameters } from 'jose';
import { applyEdits, createScanner, modify } from 'jsonc-parser';
import { coreMessage, jsonReasonParam, keyDescriptionParam } from './findingTexts';
import type { CoreMessage, MessageTextId } from './findingTexts';
import { quoteText } from './format';
import { isJsonObject, readJson } from './json';
import { importPrivateKey, rsaKeyTooLarge } from './keys';
import type { PrivateKey } from './keys';
import type { FindingParam, JsonObject, JsonValue, Result } from './types';
import { allowedAlgorithms } from './verify';

/** Every JWS algorithm `signToken` can sign with (RFC 7518 §3.1, RFC 8037 §3.1). */
export const SIGNING_ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'] as const;

/**
 * Longest header or payload text signed, in characters (1 MiB): past it a token is no
 * credential anyone sends, and reading it would let the input decide how long signing takes.
 * The CLI's `encode`/`decrypt` stdin reads use the same bound.
 */
export const MAX_SIGN_INPUT_CHARS = 1024 * 1024;

/** One of {@link SIGNING_ALGORITHMS}. */
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A header or payload: JSON text (as typed in an editor) or an already parsed object. */
export type JsonInput = string | JsonObject;

/** What {@link signToken} signs with a key. */
export interface SignInput {
  /** Protected header; its `alg` and `kid` are set from the key (see {@link SignedToken.algSource}). */
  readonly header: JsonInput;
  /** JWS payload: JSON text is signed with its literals and member order kept, whitespace removed. */
  readonly payload: JsonInput;
  readonly key: PrivateKey;
  /** The algorithm, when the user chose one; it must fit the key. Default: from the key. */
  readonly alg?: string;
  readonly unsecured?: false;
}

/** The explicit unsecured path: `alg: "none"` and an empty signature, labelled as such. */
export interface UnsecuredInput {
  readonly header: JsonInput;
  readonly payload: JsonInput;
  readonly unsecured: true;
}

/** Where the algorithm of a signed token came from. */
export type AlgorithmSource =
  /** {@link SignInput.alg}. */
  | 'option'
  /** The header's own `alg`, kept because the key can sign with it. */
  | 'header'
  /** The key: its JWK `alg`, else its family's default (HS256, RS256, ES256/384/512 by curve, EdDSA). */
  | 'key'
  /** `alg: none` from {@link UnsecuredInput}. */
  | 'unsecured';

/** A token made by {@link signToken}. */
export interface SignedToken {
  /** The compact token. A credential: show it where the user asked for it, never log it. */
  readonly token: string;
  readonly alg: string;
  readonly kid?: string;
  /** The protected header as signed. */
  readonly header: JsonObject;
  /** True only for {@link UnsecuredInput}: anyone can forge this token. */
  readonly unsecured: boolean;
  readonly algSource: AlgorithmSource;
  /** Header values the signing replaced (the header said `alg: none`, or another `kid`). */
  readonly replaced?: { readonly alg?: string; readonly kid?: string };
  /** Remarks without key material, e.g. a secret shorter than its hash (RFC 7518 §3.2). */
  readonly notes: readonly string[];
  /** One presentable sentence: "Signed with HS256 (key id k1)" or "Unsecured (alg "none"): …". */
  readonly description: string;
  /** {@link description} with the text id and params each language writes it from. */
  readonly descriptionText: CoreMessage;
  /** {@link notes}, each with its text id and params. */
  readonly noteTexts: readonly CoreMessage[];
}

/** Stable codes of signing failures. */
export type SignErrorCode =
  /** The header is not JSON, or not a JSON object. */
  | 'ERR_SIGN_HEADER'
  /** The header has `enc`: that is a JWE header, and signing makes a JWS. */
  | 'ERR_SIGN_HEADER_JWE'
  /** The payload is not JSON. */
  | 'ERR_SIGN_PAYLOAD'
  /** A JSON member name occurs twice in one object (RFC 7515 §4, RFC 7519 §4): which one would a verifier read? */
  | 'ERR_SIGN_DUPLICATE_MEMBER'
  /** The algorithm is not one Token Lens signs with. */
  | 'ERR_SIGN_ALG_UNSUPPORTED'
  /** `alg: "none"` asked of a key: use the unsecured input instead. */
  | 'ERR_SIGN_ALG_NONE'
  /** The header or payload text is longer than {@link MAX_SIGN_INPUT_CHARS}. */
  | 'ERR_SIGN_TOO_LARGE'
  /** The algorithm does not fit the key (type, curve, or the JWK's own `alg`). */
  | 'ERR_SIGN_ALG_KEY_MISMATCH'
  /** The key says it is not for signing (`use: "enc"`, `key_ops` without `sign`). */
  | 'ERR_SIGN_KEY_USE'
  /** No usable key was given, or the key is refused (an RSA modulus over `MAX_RSA_MODULUS_BITS`). */
  | 'ERR_SIGN_KEY'
  /** jose or WebCrypto refused (e.g. an RSA key under 2048 bits). */
  | 'ERR_SIGN_FAILED';

/** A typed signing error (never contains key material). */
export interface SignError {
  readonly code: SignErrorCode;
  readonly message: string;
  /** The {@link MESSAGE_TEXTS} id and params each language writes {@link message} from. */
  readonly textId: MessageTextId;
  readonly params: readonly FindingParam[];
  /** Which input is at fault, when one is. */
  readonly part?: 'header' | 'payload' | 'key' | 'alg';
}

function fail(code: SignErrorCode, text: CoreMessage, part?: SignError['part']): { ok: false; error: SignError } {
  return { ok: false, error: part === undefined ? { code, ...text } : { code, ...text, part } };
}

const EC_CURVE_ALG: Readonly<Record<string, SigningAlgorithm>> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

const KEY_FAMILIES: readonly unknown[] = ['hmac', 'rsa', 'ec', 'okp'];

/** A {@link PrivateKey}-shaped object (callers outside TypeScript, or a stored key read back). */
function isPrivateKey(key: unknown): key is PrivateKey {
  return typeof key === 'object' && key !== null && KEY_FAMILIES.includes((key as { family?: unknown }).family);
}

/** Hash output bytes of each HMAC algorithm: the least key length RFC 7518 §3.2 allows. */
const HMAC_MIN_BYTES: Readonly<Record<string, number>> = { HS256: 32, HS384: 48, HS512: 64 };

/**
 * The algorithm a key signs with when none is chosen: its JWK `alg` when that is a signing
 * algorithm, else HS256 / RS256 / the curve's ES* / EdDSA. Undefined when the key cannot sign.
 *
 * @example defaultSigningAlgorithm(ecP384Key) // 'ES384'
 */
export function defaultSigningAlgorithm(key: PrivateKey): SigningAlgorithm | undefined {
  if (!isPrivateKey(key)) return undefined;
  const allowed = signingAlgorithms(key);
  if (key.alg !== undefined && (allowed as readonly string[]).includes(key.alg)) return key.alg as SigningAlgorithm;
  const preferred: SigningAlgorithm | undefined =
    key.family === 'hmac' ? 'HS256' : key.family === 'rsa' ? 'RS256' : key.family === 'ec' ? EC_CURVE_ALG[key.crv ?? ''] : 'EdDSA';
  return preferred !== undefined && allowed.includes(preferred) ? preferred : allowed[0];
}

/** The JWS algorithms a key may sign with (its type, curve and JWK `alg`; the verifier's rule). */
export function signingAlgorithms(key: PrivateKey): readonly SigningAlgorithm[] {
  if (!isPrivateKey(key)) return [];
  return allowedAlgorithms(key).filter((alg): alg is SigningAlgorithm => (SIGNING_ALGORITHMS as readonly string[]).includes(alg));
}

/**
 * JSON text → the same text without insignificant whitespace: literals, escapes and member
 * order kept, so what is signed is what was typed. For text that is already valid JSON.
 *
 * @example compactJson('{ "n": 12345678901234567890 }') // '{"n":12345678901234567890}'
 */
export function compactJson(text: string): string {
  if (typeof text !== 'string') return '';
  // jsonc-parser's scanner, not JSON.parse + stringify: that would round integers beyond 2^53.
  // Trivia skipped; every token but the end of the text has a length.
  const scanner = createScanner(text, true);
  let out = '';
  for (scanner.scan(); scanner.getTokenLength() > 0; scanner.scan()) out += text.slice(scanner.getTokenOffset(), scanner.getTokenOffset() + scanner.getTokenLength());
  return out;
}

/**
 * Sets (or, with `undefined`, removes) top-level members of a JSON object text, keeping every
 * other member exactly as written (jsonc-parser `modify`): the CLI's `--exp 15m`, the
 * editor's quick edits (`exp` +15 min, set `iat` now). A text that is not a JSON object is
 * an `ERR_SIGN_PAYLOAD` error.
 *
 * @example setMembers('{"sub":"1"}', { exp: 1764600900 }) // { ok: true, value: '{"sub":"1","exp":1764600900}' }
 */
export function setMembers(json: string, members: Readonly<Record<string, JsonValue | undefined>>): Result<string, SignError> {
  if (typeof json !== 'string') return fail('ERR_SIGN_PAYLOAD', coreMessage('sign.payloadText'), 'payload');
  if (json.length > MAX_SIGN_INPUT_CHARS) return fail('ERR_SIGN_TOO_LARGE', coreMessage('sign.payload.tooLarge', [json.length, MAX_SIGN_INPUT_CHARS]), 'payload');
  if (typeof members !== 'object' || members === null || Array.isArray(members)) return fail('ERR_SIGN_PAYLOAD', coreMessage('sign.members'), 'payload');
  const read = readJson(json);
  if (!read.ok || !isJsonObject(read.value.value)) return fail('ERR_SIGN_PAYLOAD', read.ok ? coreMessage('sign.payload.notObject') : coreMessage('sign.payload.notObject.why', [jsonReasonParam(read.error.message)]), 'payload');
  let text = json;
  for (const [name, value] of Object.entries(members)) {
    try {
      const edits = modify(text, [name], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
      text = applyEdits(text, edits);
    } catch {
      // A value JSON cannot write (a bigint, a cycle): jsonc-parser's JSON.stringify throws.
      return fail('ERR_SIGN_PAYLOAD', coreMessage('sign.memberValue', [quoteText(name, 40)]), 'payload');
    }
  }
  return { ok: true, value: text };
}

interface ReadPart {
  readonly value: JsonObject | undefined;
  /** The JSON text to sign (compact). */
  readonly json: string;
}

/** Reads a header or payload through the core's one JSON reader; a duplicate member is an error. */
function readPart(input: JsonInput, part: 'header' | 'payload'): Result<ReadPart, SignError> {
  const code: SignErrorCode = part === 'header' ? 'ERR_SIGN_HEADER' : 'ERR_SIGN_PAYLOAD';
  if (typeof input !== 'string') {
    if (!isJsonObject(input)) return fail(code, coreMessage(`sign.${part}.notObject`), part);
    let json: string;
    try {
      json = JSON.stringify(input);
    } catch {
      return fail(code, coreMessage(`sign.${part}.cycle`), part);
    }
    if (json.length > MAX_SIGN_INPUT_CHARS) return fail('ERR_SIGN_TOO_LARGE', coreMessage(`sign.${part}.tooLargeJson`, [json.length, MAX_SIGN_INPUT_CHARS]), part);
    return { ok: true, value: { value: input, json } };
  }
  if (input.length > MAX_SIGN_INPUT_CHARS) return fail('ERR_SIGN_TOO_LARGE', coreMessage(`sign.${part}.tooLarge`, [input.length, MAX_SIGN_INPUT_CHARS]), part);
  const read = readJson(input);
  if (!read.ok) return fail(code, coreMessage(`sign.${part}.invalid`, [jsonReasonParam(read.error.message)]), part);
  const duplicate = read.value.duplicates[0];
  if (duplicate !== undefined) {
    const name = quoteText(duplicate.key, 40);
    const text = duplicate.path === '' ? coreMessage(`sign.${part}.duplicate`, [name]) : coreMessage(`sign.${part}.duplicate.in`, [name, quoteText(duplicate.path, 80)]);
    return fail('ERR_SIGN_DUPLICATE_MEMBER', text, part);
  }
  const value = read.value.value;
  return { ok: true, value: { value: isJsonObject(value) ? value : undefined, json: compactJson(input) } };
}

function readHeader(input: JsonInput): Result<JsonObject, SignError> {
  const read = readPart(input, 'header');
  if (!read.ok) return read;
  const header = read.value.value;
  if (header === undefined) return fail('ERR_SIGN_HEADER', coreMessage('sign.headerNotObject'), 'header');
  if (header['enc'] !== undefined) return fail('ERR_SIGN_HEADER_JWE', coreMessage('sign.headerEnc'), 'header');
  // An unencoded payload (RFC 7797) is not a compact JWT, and critical extensions are the
  // verifier's to understand: Token Lens signs neither, rather than a token no one reads alike.
  if (header['b64'] !== undefined) return fail('ERR_SIGN_HEADER', coreMessage('sign.headerB64'), 'header');
  if (header['crit'] !== undefined) return fail('ERR_SIGN_HEADER', coreMessage('sign.headerCrit'), 'header');
  return { ok: true, value: header };
}

const ALG_NONE = /^none$/i;

/** The algorithm to sign with, and where it came from. */
function chooseAlgorithm(key: PrivateKey, header: JsonObject, option: string | undefined): Result<{ alg: SigningAlgorithm; source: AlgorithmSource }, SignError> {
  const allowed = signingAlgorithms(key);
  if (option !== undefined) {
    if (ALG_NONE.test(option)) return fail('ERR_SIGN_ALG_NONE', coreMessage('sign.algNone'), 'alg');
    if (!(SIGNING_ALGORITHMS as readonly string[]).includes(option)) return fail('ERR_SIGN_ALG_UNSUPPORTED', coreMessage('sign.algUnsupported', [quoteText(option, 32), SIGNING_ALGORITHMS.join(', ')]), 'alg');
    if (!(allowed as readonly string[]).includes(option)) {
      const text = allowed.length > 0 ? coreMessage('sign.algMismatch', [option, keyDescriptionParam(key.description), allowed.join(', ')]) : coreMessage('sign.algMismatch.none', [option, keyDescriptionParam(key.description)]);
      return fail('ERR_SIGN_ALG_KEY_MISMATCH', text, 'alg');
    }
    return { ok: true, value: { alg: option as SigningAlgorithm, source: 'option' } };
  }
  const headerAlg = header['alg'];
  if (typeof headerAlg === 'string' && (allowed as readonly string[]).includes(headerAlg)) return { ok: true, value: { alg: headerAlg as SigningAlgorithm, source: 'header' } };
  const fallback = defaultSigningAlgorithm(key);
  if (fallback === undefined) return fail('ERR_SIGN_ALG_KEY_MISMATCH', key.alg !== undefined ? coreMessage('sign.cannotSign.pinned', [keyDescriptionParam(key.description), quoteText(key.alg, 32)]) : coreMessage('sign.cannotSign', [keyDescriptionParam(key.description)]), 'key');
  return { ok: true, value: { alg: fallback, source: 'key' } };
}

function keyUseError(key: PrivateKey): { ok: false; error: SignError } | undefined {
  if (key.use !== undefined && key.use !== 'sig') return fail('ERR_SIGN_KEY_USE', coreMessage('sign.use', [quoteText(key.use, 16)]), 'key');
  if (key.keyOps !== undefined && !key.keyOps.includes('sign')) return fail('ERR_SIGN_KEY_USE', coreMessage('sign.keyOps'), 'key');
  return undefined;
}

function unsecuredToken(input: UnsecuredInput): Result<SignedToken, SignError> {
  const headerRead = readHeader(input.header);
  if (!headerRead.ok) return headerRead;
  const payload = readPart(input.payload, 'payload');
  if (!payload.ok) return payload;
  const previous = headerRead.value['alg'];
  const header: JsonObject = { ...headerRead.value, alg: 'none' };
  const encode = (text: string) => base64url.encode(new TextEncoder().encode(text));
  const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
  const unsecuredText = coreMessage('sign.unsecured');
  return {
    ok: true,
    value: {
      token: `${encode(JSON.stringify(header))}.${encode(payload.value.json)}.`,
      alg: 'none',
      ...(kid !== undefined ? { kid } : {}),
      header,
      unsecured: true,
      algSource: 'unsecured',
      ...(typeof previous === 'string' && previous !== 'none' ? { replaced: { alg: previous } } : {}),
      notes: [],
      noteTexts: [],
      description: unsecuredText.message,
      descriptionText: unsecuredText,
    },
  };
}

/**
 * Signs a header and payload into a compact JWS with a secret or private key (jose
 * `CompactSign`). The algorithm is `input.alg` when given (it must fit the key), else the
 * header's `alg` when the key can sign with it, else the key's own ({@link defaultSigningAlgorithm});
 * a header saying `none` is re-signed, never kept. The key's `kid` goes into the header.
 * `{ unsecured: true }` is the one way to an `alg: none` token. Total: never throws.
 *
 * @example
 * const key = await parsePrivateKey({ kind: 'secret', value: 'a-32-byte-or-longer-secret-value!', encoding: 'utf8' });
 * if (key.ok) {
 *   const signed = await signToken({ header: '{"typ":"JWT"}', payload: '{"sub":"1"}', key: key.value });
 *   if (signed.ok) signed.value.token; // 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.…'
 * }
 * @example
 * const unsigned = await signToken({ header: '{}', payload: '{"sub":"1"}', unsecured: true });
 * // unsigned.value.alg === 'none', unsigned.value.unsecured === true
 */
export async function signToken(input: SignInput | UnsecuredInput): Promise<Result<SignedToken, SignError>> {
  try {
    if (typeof input !== 'object' || input === null) return fail('ERR_SIGN_HEADER', coreMessage('sign.nothing'), 'header');
    if (input.unsecured === true) return unsecuredToken(input);
    const headerRead = readHeader(input.header);
    if (!headerRead.ok) return headerRead;
    const payload = readPart(input.payload, 'payload');
    if (!payload.ok) return payload;
    const { key } = input;
    if (!isPrivateKey(key)) return fail('ERR_SIGN_KEY', coreMessage('sign.noKey'), 'key');
    const tooLarge = rsaKeyTooLarge(key);
    if (tooLarge !== undefined) return fail('ERR_SIGN_KEY', coreMessage('sign.keyTooLarge', [{ message: tooLarge }]), 'key');
    if (input.alg !== undefined && typeof input.alg !== 'string') return fail('ERR_SIGN_ALG_UNSUPPORTED', coreMessage('sign.algNotString'), 'alg');
    const useError = keyUseError(key);
    if (useError !== undefined) return useError;
    const chosen = chooseAlgorithm(key, headerRead.value, input.alg);
    if (!chosen.ok) return chosen;
    const { alg, source } = chosen.value;
    const previousAlg = headerRead.value['alg'];
    const previousKid = headerRead.value['kid'];
    const kid = key.kid ?? (typeof previousKid === 'string' ? previousKid : undefined);
    // `alg` first, then the header as given (an `alg` there keeps that first place).
    const header: JsonObject = { alg, ...headerRead.value };
    header['alg'] = alg;
    if (key.kid !== undefined) header['kid'] = key.kid;
    const replaced = {
      ...(previousAlg !== undefined && previousAlg !== alg ? { alg: typeof previousAlg === 'string' ? previousAlg : JSON.stringify(previousAlg) } : {}),
      ...(key.kid !== undefined && typeof previousKid === 'string' && previousKid !== key.kid ? { kid: previousKid } : {}),
    };
    const noteTexts: CoreMessage[] = [];
    const minBytes = HMAC_MIN_BYTES[alg];
    if (minBytes !== undefined && (key.secret?.length ?? 0) < minBytes) {
      noteTexts.push(coreMessage('sign.shortSecret', [key.secret?.length ?? 0, alg, minBytes]));
    }
    const descriptionText = kid !== undefined ? coreMessage('sign.signed.kid', [alg, kid]) : coreMessage('sign.signed', [alg]);
    let token: string;
    try {
      const signingKey = await importPrivateKey(key, alg);
      token = await new CompactSign(new TextEncoder().encode(payload.value.json)).setProtectedHeader(header as CompactJWSHeaderParameters).sign(signingKey);
    } catch (error) {
      return fail('ERR_SIGN_FAILED', coreMessage('sign.failedWith', [alg, quoteText(error instanceof Error ? error.message : 'error', 120)]), 'key');
    }
    return {
      ok: true,
      value: {
        token,
        alg,
        ...(kid !== undefined ? { kid } : {}),
        header,
        unsecured: false,
        algSource: source,
        ...(Object.keys(replaced).length > 0 ? { replaced } : {}),
        notes: noteTexts.map((n) => n.message),
        noteTexts,
        description: descriptionText.message,
        descriptionText,
      },
    };
  } catch (error) {
    // Totality guard: a jose/WebCrypto failure not anticipated above.
    return fail('ERR_SIGN_FAILED', coreMessage('sign.failed', [error instanceof Error ? error.name : 'error']));
  }
}
