/**
 * Verification keys: parse what a user pastes or picks (HMAC secret, PEM public key,
 * X.509 certificate, JWK, JWKS) into a normalised {@link VerificationKey}. Every public key
 * ends up as a public JWK, so the verifier can tell which algorithms it may be used with
 * (the key decides the algorithm, never the token: RFC 8725 §3.1).
 *
 * Pure: WebCrypto only through jose, no Node built-ins.
 */
import { base64url, createLocalJWKSet, exportJWK, importJWK, importPKCS8, importSPKI, importX509 } from 'jose';
import type { JWK } from 'jose';
import { coreMessage, MESSAGE_TEXTS } from './findingTexts';
import type { CoreMessage, MessageTextId } from './findingTexts';
import { quoteText } from './format';
import { isJsonObject, readJson } from './json';
import type { FindingParam, NestedMessage, Result } from './types';

/** How an HMAC secret typed by the user is turned into bytes. */
export type SecretEncoding = 'utf8' | 'base64' | 'base64url';

/** Raw key material as entered by the user, before parsing. */
export type KeyMaterial =
  | { readonly kind: 'secret'; readonly value: string; readonly encoding: SecretEncoding }
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'jwk'; readonly json: string }
  | { readonly kind: 'jwks'; readonly json: string };

/** What the user enters to add a key: material plus a label and optional bindings. */
export interface KeyInput {
  readonly label: string;
  readonly material: KeyMaterial;
  /** Only use this key for tokens whose `iss` claim equals this. */
  readonly iss?: string;
  /** Only use this key for tokens whose header `kid` equals this. */
  readonly kid?: string;
}

/** Key family, which fixes the JWS algorithms a key may verify. */
export type KeyFamily = 'hmac' | 'rsa' | 'ec' | 'okp';

/** One usable key (a JWKS yields several). */
export interface KeyEntry {
  readonly family: KeyFamily;
  /** `kid` of the JWK, when it has one. */
  readonly kid?: string;
  /** `alg` the JWK pins itself to, when it does. */
  readonly alg?: string;
  /** Curve for `ec`/`okp` keys (`P-256`, `Ed25519`, …). */
  readonly crv?: string;
  /** HMAC secret bytes (family `hmac`). */
  readonly secret?: Uint8Array;
  /** Public JWK (families `rsa`, `ec`, `okp`); private members are removed. */
  readonly jwk?: JWK;
}

/**
 * Why a JWKS member is not used. A key set published for verification holds public signing
 * keys only (jose `createLocalJWKSet`; RFC 7517 §4.2 `use`, §4.3 `key_ops`), so a member that
 * is a secret, carries private parameters, is meant for encryption or has a key type Token
 * Lens does not verify with is left out, never turned into a key.
 */
export type SkippedKeyCode = 'ERR_JWKS_SECRET' | 'ERR_JWKS_PRIVATE' | 'ERR_JWKS_USE' | 'ERR_JWKS_KEY_OPS' | 'ERR_JWKS_KTY';

/** A JWKS member left out, with the reason the UI shows. */
export interface SkippedKey {
  /** One-based position in the `keys` array (as in "JWKS key #2"). */
  readonly index: number;
  readonly kid?: string;
  readonly code: SkippedKeyCode;
  /** One sentence naming the member and the reason, without key material. */
  readonly message: string;
  /** The {@link MESSAGE_TEXTS} id and params each language writes {@link message} from. */
  readonly textId: MessageTextId;
  readonly params: readonly FindingParam[];
}

/** A parsed, labelled verification key. */
export interface VerificationKey {
  readonly label: string;
  readonly iss?: string;
  readonly kid?: string;
  readonly entries: readonly KeyEntry[];
  /** JWKS members that were left out (present only when some were). */
  readonly skipped?: readonly SkippedKey[];
  /** Plain description, e.g. "RSA public key (2048 bit)" or "JWKS with 3 keys, 1 member skipped". */
  readonly description: string;
}

/** Stable codes of key parsing failures. */
export type KeyErrorCode =
  | 'ERR_KEY_EMPTY'
  | 'ERR_SECRET_ENCODING'
  | 'ERR_PEM_MALFORMED'
  | 'ERR_PEM_PRIVATE'
  | 'ERR_PEM_UNSUPPORTED'
  | 'ERR_JWK_MALFORMED'
  | 'ERR_JWKS_MALFORMED'
  /** A public key where signing or decryption needs the private key (`parsePrivateKey`). */
  | 'ERR_KEY_PUBLIC'
  /** Every member of the JWKS was skipped (see {@link SkippedKeyCode}). */
  | 'ERR_JWKS_NO_PUBLIC_KEY'
  /** An RSA modulus over {@link MAX_RSA_MODULUS_BITS}: refused before any import (each operation would take seconds to minutes). */
  | 'ERR_KEY_TOO_LARGE'
  /** Not key material at all (no `kind`, or an unknown one). */
  | 'ERR_KEY_KIND';

/** A typed key parsing error (never contains the key material). */
export interface KeyError {
  readonly code: KeyErrorCode;
  readonly message: string;
  /** The {@link MESSAGE_TEXTS} id and params each language writes {@link message} from. */
  readonly textId?: MessageTextId;
  readonly params?: readonly FindingParam[];
}

/**
 * Largest RSA modulus accepted, in bits. RSA cost grows with the cube of the modulus: a
 * 16384-bit key decrypts in seconds, a 65536-bit one signs for minutes, and the key is input.
 */
export const MAX_RSA_MODULUS_BITS = 8192;

/**
 * A PKCS#8/PKCS#1 RSA private key of {@link MAX_RSA_MODULUS_BITS} is about 4.7 KB of DER
 * (n and d a modulus each, p, q, dp, dq, qi half one); anything past this bound holds a larger key.
 */
const MAX_PRIVATE_DER_BYTES = (MAX_RSA_MODULUS_BITS / 8) * 5 + 512;
/** A SubjectPublicKeyInfo or PKCS#1 public key of {@link MAX_RSA_MODULUS_BITS} is about 1.1 KB. */
const MAX_PUBLIC_DER_BYTES = MAX_RSA_MODULUS_BITS / 8 + 512;

function tooLarge(bits: number | string): { ok: false; error: KeyError } {
  return fail('ERR_KEY_TOO_LARGE', coreMessage('key.tooLarge', [bits, MAX_RSA_MODULUS_BITS]));
}

/**
 * Why an RSA key is refused for its size, or undefined: for keys that did not come through the
 * parser (secret storage, callers' objects), checked again before signing or decrypting.
 */
export function rsaKeyTooLarge(key: { readonly family?: unknown; readonly bits?: unknown; readonly jwk?: { readonly n?: unknown } }): string | undefined {
  if (typeof key !== 'object' || key === null || key.family !== 'rsa') return undefined;
  const bits = Math.max(typeof key.bits === 'number' ? key.bits : 0, modulusBits(key.jwk?.n));
  return bits > MAX_RSA_MODULUS_BITS ? `the RSA key is too large (${bits} bit; at most ${MAX_RSA_MODULUS_BITS})` : undefined;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

function fail(code: KeyErrorCode, text: string | CoreMessage): { ok: false; error: KeyError } {
  return { ok: false, error: typeof text === 'string' ? { code, message: text } : { code, ...text } };
}

/**
 * Decodes an HMAC secret typed as UTF-8, standard base64 or base64url.
 *
 * @example decodeSecret('c2VjcmV0', 'base64') // bytes of "secret"
 */
export function decodeSecret(value: string, encoding: SecretEncoding): Result<Uint8Array, KeyError> {
  if (value.length === 0) return fail('ERR_KEY_EMPTY', coreMessage('key.secretEmpty'));
  if (encoding === 'utf8') return { ok: true, value: new TextEncoder().encode(value) };
  const trimmed = value.trim();
  const pattern = encoding === 'base64' ? /^[A-Za-z0-9+/]+={0,2}$/ : /^[A-Za-z0-9_-]+$/;
  if (!pattern.test(trimmed) || trimmed.replace(/=+$/, '').length % 4 === 1) {
    return fail('ERR_SECRET_ENCODING', coreMessage('key.secretEncoding', [encoding === 'base64' ? 'base64' : 'base64url']));
  }
  const asUrl = trimmed.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  try {
    return { ok: true, value: base64url.decode(asUrl) };
  } catch {
    return fail('ERR_SECRET_ENCODING', coreMessage('key.secretEncoding', [encoding]));
  }
}

// ---------------------------------------------------------------------------------------
// PEM
// ---------------------------------------------------------------------------------------

interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array;
}

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';
const PEM_DASHES = '-----';

/** `A`-`Z`, `0`-`9` or a space, the characters of the labels read here. */
function isPemLabelChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 32;
}

/** The label of a `-----BEGIN label-----` line at `at` (RFC 7468 §2 labels), else undefined. */
function pemLabelAt(pem: string, at: number, marker: string): string | undefined {
  let end = at + marker.length;
  while (end < pem.length && isPemLabelChar(pem.charCodeAt(end))) end++;
  if (end === at + marker.length || !pem.startsWith(PEM_DASHES, end)) return undefined;
  return pem.slice(at + marker.length, end);
}

/**
 * Reads the first complete PEM block (RFC 7468 §2): a BEGIN line whose next END line carries
 * the same label; the base64 body may wrap at any width. One pass: the next END line is
 * searched again only once a BEGIN line lies past it (a regex with a back-reference retries
 * every BEGIN line to the end of the text).
 */
function readPem(pem: string, skip?: string): Result<PemBlock, KeyError> {
  let end = -1;
  let endLabel: string | undefined;
  for (let begin = pem.indexOf(PEM_BEGIN); begin !== -1; begin = pem.indexOf(PEM_BEGIN, begin + PEM_BEGIN.length)) {
    const label = pemLabelAt(pem, begin, PEM_BEGIN);
    if (label === undefined || label === skip) continue;
    const bodyStart = begin + PEM_BEGIN.length + label.length + PEM_DASHES.length;
    if (end < bodyStart) {
      end = pem.indexOf(PEM_END, bodyStart);
      if (end === -1) break;
      endLabel = pemLabelAt(pem, end, PEM_END);
    }
    if (endLabel !== label) continue;
    const body = pem.slice(bodyStart, end).replace(/\s+/g, '');
    const der = decodeSecret(body, 'base64');
    if (!der.ok || body.length === 0) return fail('ERR_PEM_MALFORMED', coreMessage('key.pemBody', [quoteText(label, 40)]));
    return { ok: true, value: { label, der: der.value } };
  }
  return fail('ERR_PEM_MALFORMED', coreMessage('key.noPem'));
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL } (RFC 8017 §A.1, RFC 5280 §4.1). */
const RSA_ALGORITHM_IDENTIFIER = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];

/**
 * Wraps a PKCS#1 `RSAPublicKey` (DER) in a SubjectPublicKeyInfo, because WebCrypto (and so
 * jose) only imports SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING { 0 unused bits, key } }.
 */
export function pkcs1ToSpki(pkcs1: Uint8Array): Uint8Array {
  const bitString = [0x03, ...derLength(pkcs1.length + 1), 0x00];
  const innerLength = RSA_ALGORITHM_IDENTIFIER.length + bitString.length + pkcs1.length;
  const head = [0x30, ...derLength(innerLength), ...RSA_ALGORITHM_IDENTIFIER, ...bitString];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}

function toPem(label: string, der: Uint8Array): string {
  const b64 = base64url.encode(der).replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  return `-----BEGIN ${label}-----\n${padded.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----`;
}

/** Algorithms tried, in order, to find out what kind of public key a PEM holds. */
const PROBE_ALGORITHMS = ['RS256', 'ES256', 'ES384', 'ES512', 'Ed25519'] as const;

async function probePublicKey(importer: (alg: string) => Promise<CryptoKey>): Promise<JWK | undefined> {
  for (const alg of PROBE_ALGORITHMS) {
    try {
      return await exportJWK(await importer(alg));
    } catch {
      // Not this key type: try the next one.
    }
  }
  return undefined;
}

async function parsePem(pem: string): Promise<Result<JWK, KeyError>> {
  const block = readPem(pem);
  if (!block.ok) return block;
  const { label, der } = block.value;
  if (/PRIVATE KEY/.test(label)) {
    return fail('ERR_PEM_PRIVATE', coreMessage('key.pemPrivate', [quoteText(label, 40)]));
  }
  if ((label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') && der.length > MAX_PUBLIC_DER_BYTES) return tooLarge(`about ${der.length * 8}`);
  let jwk: JWK | undefined;
  if (label === 'PUBLIC KEY') {
    const spki = toPem('PUBLIC KEY', der);
    jwk = await probePublicKey((alg) => importSPKI(spki, alg, { extractable: true }));
  } else if (label === 'RSA PUBLIC KEY') {
    const spki = toPem('PUBLIC KEY', pkcs1ToSpki(der));
    jwk = await probePublicKey((alg) => importSPKI(spki, alg, { extractable: true }));
  } else if (label === 'CERTIFICATE') {
    const cert = toPem('CERTIFICATE', der);
    jwk = await probePublicKey((alg) => importX509(cert, alg, { extractable: true }));
  } else {
    return fail('ERR_PEM_UNSUPPORTED', coreMessage('key.pemUnsupported', [quoteText(label, 40)]));
  }
  if (!jwk) return fail('ERR_PEM_MALFORMED', coreMessage('key.pemNoPublic', [label]));
  if (jwk.kty === 'RSA' && modulusBits(jwk.n) > MAX_RSA_MODULUS_BITS) return tooLarge(modulusBits(jwk.n));
  return { ok: true, value: jwk };
}

// ---------------------------------------------------------------------------------------
// JWK / JWKS
// ---------------------------------------------------------------------------------------

/** The JSON value of a JWK or JWKS text, or undefined when it is not JSON (the core's one JSON reader). */
function parseJson(json: string): unknown {
  const read = readJson(json);
  return read.ok ? read.value.value : undefined;
}

/**
 * Turns one JWK into a key entry: `oct` → HMAC secret, others → public JWK checked by import.
 * JWKS members reach it only after {@link skipReason} let them through (public keys only).
 */
async function jwkEntry(raw: Record<string, unknown>, where: FindingParam): Promise<Result<KeyEntry, KeyError>> {
  const kty = raw['kty'];
  const kid = typeof raw['kid'] === 'string' ? raw['kid'] : undefined;
  const alg = typeof raw['alg'] === 'string' ? raw['alg'] : undefined;
  const crv = typeof raw['crv'] === 'string' ? raw['crv'] : undefined;
  const base = { ...(kid !== undefined ? { kid } : {}), ...(alg !== undefined ? { alg } : {}) };
  if (kty === 'oct') {
    if (typeof raw['k'] !== 'string') return fail('ERR_JWK_MALFORMED', coreMessage('key.entry.octK', [where]));
    const secret = decodeSecret(raw['k'], 'base64url');
    if (!secret.ok) return fail('ERR_JWK_MALFORMED', coreMessage('key.entry.octBase64', [where]));
    return { ok: true, value: { family: 'hmac', ...base, secret: secret.value } };
  }
  const family: KeyFamily | undefined = kty === 'RSA' ? 'rsa' : kty === 'EC' ? 'ec' : kty === 'OKP' ? 'okp' : undefined;
  if (!family) return fail('ERR_JWK_MALFORMED', coreMessage('key.entry.kty', [where]));
  const pub: Record<string, unknown> = { ...raw };
  for (const member of PRIVATE_JWK_MEMBERS) delete pub[member];
  if (family === 'rsa' && modulusBits(raw['n']) > MAX_RSA_MODULUS_BITS) return tooLarge(modulusBits(raw['n']));
  const probeAlg = family === 'rsa' ? 'RS256' : family === 'okp' ? 'Ed25519' : crv === 'P-384' ? 'ES384' : crv === 'P-521' ? 'ES512' : 'ES256';
  try {
    await importJWK({ ...(pub as JWK), alg: probeAlg }, probeAlg);
  } catch (error) {
    const detail = quoteText(error instanceof Error ? error.message : 'import failed', 120);
    return fail('ERR_JWK_MALFORMED', coreMessage('key.entry.import', [where, String(kty), detail]));
  }
  return { ok: true, value: { family, ...base, ...(crv !== undefined ? { crv } : {}), jwk: pub as JWK } };
}

async function parseJwk(json: string): Promise<Result<KeyEntry, KeyError>> {
  const value = parseJson(json);
  if (!isJsonObject(value)) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkNotObject'));
  if (Array.isArray(value['keys'])) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkIsJwks'));
  return jwkEntry(value, 'JWK');
}

const JWKS_KEY_TYPES: readonly unknown[] = ['RSA', 'EC', 'OKP'];

/** Why a JWKS member is no public signing key Token Lens can use, or undefined when it is one: the code, the reason's text id and its params after the member's place. */
function skipReason(raw: Record<string, unknown>): { code: SkippedKeyCode; textId: MessageTextId; params: readonly FindingParam[] } | undefined {
  const kty = raw['kty'];
  if (kty === 'oct') return { code: 'ERR_JWKS_SECRET', textId: 'key.skip.secret', params: [] };
  const secret = PRIVATE_JWK_MEMBERS.filter((member) => raw[member] !== undefined);
  if (secret.length > 0) return { code: 'ERR_JWKS_PRIVATE', textId: 'key.skip.private', params: [secret.map((m) => `"${m}"`).join(', ')] };
  const use = raw['use'];
  if (use !== undefined && use !== 'sig') return typeof use === 'string' ? { code: 'ERR_JWKS_USE', textId: 'key.skip.use', params: [JSON.stringify(use.slice(0, 16))] } : { code: 'ERR_JWKS_USE', textId: 'key.skip.useNotString', params: [] };
  const ops = raw['key_ops'];
  if (ops !== undefined && !(Array.isArray(ops) && ops.includes('verify'))) return { code: 'ERR_JWKS_KEY_OPS', textId: 'key.skip.keyOps', params: [] };
  if (!JWKS_KEY_TYPES.includes(kty)) {
    return typeof kty === 'string' ? { code: 'ERR_JWKS_KTY', textId: 'key.skip.kty', params: [JSON.stringify(kty.slice(0, 16))] } : { code: 'ERR_JWKS_KTY', textId: 'key.skip.noKty', params: [] };
  }
  return undefined;
}

/** Shown in the error when every member was skipped; the rest are counted. */
const SKIPS_LISTED = 3;

async function parseJwks(json: string): Promise<Result<{ entries: KeyEntry[]; skipped: SkippedKey[] }, KeyError>> {
  const value = parseJson(json);
  if (!isJsonObject(value) || !Array.isArray(value['keys'])) {
    return fail('ERR_JWKS_MALFORMED', coreMessage('key.jwksShape'));
  }
  try {
    // jose's own structural check of the set (it throws JWKSInvalid on a bad shape).
    createLocalJWKSet(value as unknown as { keys: JWK[] });
  } catch {
    return fail('ERR_JWKS_MALFORMED', coreMessage('key.jwksInvalid'));
  }
  const entries: KeyEntry[] = [];
  const skipped: SkippedKey[] = [];
  const keys = value['keys'] as unknown[];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const where: NestedMessage = { ...coreMessage('key.where.jwks', [i + 1]) };
    if (!isJsonObject(key)) return fail('ERR_JWKS_MALFORMED', coreMessage('key.entry.notObject', [where]));
    const skip = skipReason(key);
    if (skip !== undefined) {
      const kid = typeof key['kid'] === 'string' ? key['kid'] : undefined;
      const text = coreMessage(skip.textId, [where, ...skip.params]);
      skipped.push({ index: i + 1, ...(kid !== undefined ? { kid } : {}), code: skip.code, message: text.message, textId: text.textId, params: text.params });
      continue;
    }
    const entry = await jwkEntry(key, where);
    if (!entry.ok) return fail('ERR_JWKS_MALFORMED', entry.error.textId !== undefined ? { message: entry.error.message, textId: entry.error.textId, params: entry.error.params ?? [] } : entry.error.message);
    entries.push(entry.value);
  }
  if (keys.length === 0) return fail('ERR_JWKS_MALFORMED', coreMessage('key.jwksEmpty'));
  if (entries.length === 0) {
    const listed: FindingParam[] = skipped.slice(0, SKIPS_LISTED).map((s): NestedMessage => ({ message: s.message, textId: s.textId, params: s.params }));
    if (skipped.length > SKIPS_LISTED) listed.push({ ...coreMessage('key.skip.more', [skipped.length - SKIPS_LISTED]) });
    return fail('ERR_JWKS_NO_PUBLIC_KEY', coreMessage('key.jwksNoPublic', [{ list: listed, join: 'semicolon' }]));
  }
  return { ok: true, value: { entries, skipped } };
}

function entryFromJwk(jwk: JWK): KeyEntry {
  const family: KeyFamily = jwk.kty === 'RSA' ? 'rsa' : jwk.kty === 'EC' ? 'ec' : 'okp';
  return { family, jwk, ...(jwk.crv !== undefined ? { crv: jwk.crv } : {}) };
}

/** Plain description of one entry, e.g. "RSA public key (2048 bit)". */
export function describeEntry(entry: KeyEntry): string {
  switch (entry.family) {
    case 'hmac':
      return `HMAC secret (${entry.secret?.length ?? 0} bytes)`;
    case 'rsa': {
      // Modulus bytes: each 4 base64url characters carry 3 bytes, a partial group ⌊6·r/8⌋.
      const n = typeof entry.jwk?.n === 'string' ? entry.jwk.n : '';
      return `RSA public key (${Math.floor((n.length * 6) / 8) * 8} bit)`;
    }
    case 'ec':
      return `EC public key (${entry.crv ?? MESSAGE_TEXTS['key.desc.unknownCurve']})`;
    case 'okp':
      return `${entry.crv ?? 'OKP'} public key`;
  }
}

/**
 * Parses user key material into a {@link VerificationKey}. Total: malformed input gives a
 * typed {@link KeyError} with a clear message, never an exception.
 *
 * @example
 * const key = await parseVerificationKey({ label: 'dev', material: { kind: 'secret', value: 'secret', encoding: 'utf8' } });
 */
export async function parseVerificationKey(input: KeyInput): Promise<Result<VerificationKey, KeyError>> {
  try {
    const m = input.material;
    let entries: KeyEntry[];
    let skipped: SkippedKey[] = [];
    if (m.kind === 'secret') {
      const secret = decodeSecret(m.value, m.encoding);
      if (!secret.ok) return secret;
      entries = [{ family: 'hmac', secret: secret.value }];
    } else {
      const text = m.kind === 'pem' ? m.pem : m.json;
      if (text.trim().length === 0) return fail('ERR_KEY_EMPTY', coreMessage('key.empty'));
      if (m.kind === 'pem') {
        const jwk = await parsePem(m.pem);
        if (!jwk.ok) return jwk;
        entries = [entryFromJwk(jwk.value)];
      } else if (m.kind === 'jwk') {
        const entry = await parseJwk(m.json);
        if (!entry.ok) return entry;
        entries = [entry.value];
      } else {
        const set = await parseJwks(m.json);
        if (!set.ok) return set;
        ({ entries, skipped } = set.value);
      }
    }
    const described = entries.length === 1 ? describeEntry(entries[0]!) : `JWKS with ${entries.length} keys`;
    const description = skipped.length === 0 ? described : `${described}, ${skipped.length} member${skipped.length === 1 ? '' : 's'} skipped`;
    return {
      ok: true,
      value: {
        label: input.label,
        ...(input.iss ? { iss: input.iss } : {}),
        ...(input.kid ? { kid: input.kid } : {}),
        entries,
        ...(skipped.length > 0 ? { skipped } : {}),
        description,
      },
    };
  } catch (error) {
    // Totality guard: jose/WebCrypto failures not anticipated above.
    const detail = quoteText(error instanceof Error ? error.message : 'unknown error', 120);
    const kind: unknown = typeof input === 'object' && input !== null && typeof input.material === 'object' && input.material !== null ? input.material.kind : undefined;
    const code: KeyErrorCode = kind === 'pem' ? 'ERR_PEM_MALFORMED' : kind === 'jwks' ? 'ERR_JWKS_MALFORMED' : 'ERR_JWK_MALFORMED';
    return fail(code, coreMessage('key.unreadable', [detail]));
  }
}

/**
 * Tells whether a pasted text looks like a PEM, JWK, JWKS or a plain secret, so a UI can
 * pre-select the kind. Never decides encoding of secrets (the user does).
 */
export function guessKeyKind(text: string): KeyMaterial['kind'] {
  const trimmed = text.trim();
  if (trimmed.startsWith('-----BEGIN ')) return 'pem';
  if (trimmed.startsWith('{')) {
    const value = parseJson(trimmed);
    if (isJsonObject(value)) return Array.isArray(value['keys']) ? 'jwks' : 'jwk';
  }
  return 'secret';
}

// ---------------------------------------------------------------------------------------
// Private keys: what signs (JWS) and decrypts (JWE)
// ---------------------------------------------------------------------------------------

/**
 * Signing or decryption material as entered or stored: a shared secret (typed, or raw bytes),
 * a PKCS#8 PEM private key (`-----BEGIN PRIVATE KEY-----`; a PKCS#1 `RSA PRIVATE KEY` or a SEC1 `EC PRIVATE KEY` is
 * rewrapped) or a private JWK (an `oct` JWK is a secret).
 */
export type PrivateKeyMaterial =
  | { readonly kind: 'secret'; readonly value: string; readonly encoding: SecretEncoding }
  | { readonly kind: 'secret-bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'pem'; readonly pem: string }
  | { readonly kind: 'jwk'; readonly json: string };

/**
 * A parsed secret or private key, ready for `signToken` and `decryptToken`. It has the shape
 * of a {@link KeyEntry}, so `allowedAlgorithms` names the JWS algorithms it may sign with.
 * - family `hmac`: a shared secret in `secret` (HS*, and as a JWE key `dir`, `A*KW`,
 *   `A*GCMKW`, or a `PBES2-*` password);
 * - `rsa`, `ec`, `okp`: the private JWK in `jwk` (with `d`), its public half in `publicJwk`.
 *
 * Credential: keep it in memory only; never log, persist or show it.
 */
export interface PrivateKey extends KeyEntry {
  /** Public half (families `rsa`, `ec`, `okp`), without any private member. */
  readonly publicJwk?: JWK;
  /** RFC 7517 §4.2 `use` of the JWK, when it has one (`sig` or `enc`). */
  readonly use?: string;
  /** RFC 7517 §4.3 `key_ops` of the JWK, when it has them. */
  readonly keyOps?: readonly string[];
  /** RSA modulus length in bits. */
  readonly bits?: number;
  /** Plain description without key material, e.g. "RSA private key (2048 bit)". */
  readonly description: string;
}

/** Algorithms tried, in order, to find out what kind of private key a PKCS#8 PEM holds. */
const PRIVATE_PROBE_ALGORITHMS = ['RS256', 'ES256', 'ES384', 'ES512', 'Ed25519', 'ECDH-ES'] as const;

/** Version 0, AlgorithmIdentifier rsaEncryption, then the OCTET STRING head (RFC 5208 §5). */
function pkcs1PrivateToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const octet = [0x04, ...derLength(pkcs1.length)];
  const version = [0x02, 0x01, 0x00];
  const innerLength = version.length + RSA_ALGORITHM_IDENTIFIER.length + octet.length + pkcs1.length;
  const head = [0x30, ...derLength(innerLength), ...version, ...RSA_ALGORITHM_IDENTIFIER, ...octet];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}

/** One DER element: its tag, where its contents start and end (RFC 5280's subset of X.690). */
interface DerElement {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** The element at `at` within `der[..limit]`: single-byte tags, definite lengths of at most 4 bytes. Undefined when it does not fit. */
function derElement(der: Uint8Array, at: number, limit: number): DerElement | undefined {
  if (at + 2 > limit) return undefined;
  const tag = der[at]!;
  let length = der[at + 1]!;
  let start = at + 2;
  if (length >= 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > limit) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + der[start + i]!;
    start += bytes;
  }
  return start + length <= limit ? { tag, start, end: start + length } : undefined;
}

/** DER of the named-curve OIDs of the curves WebCrypto imports (RFC 5480 §2.1.1.1), by the length of their private key. */
const EC_CURVES: readonly { readonly crv: string; readonly oid: readonly number[]; readonly keyBytes: number }[] = [
  { crv: 'P-256', oid: [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07], keyBytes: 32 },
  { crv: 'P-384', oid: [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22], keyBytes: 48 },
  { crv: 'P-521', oid: [0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x23], keyBytes: 66 },
];
/** OID id-ecPublicKey, 1.2.840.10045.2.1 (RFC 5480 §2.1.1). */
const EC_PUBLIC_KEY_OID = [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];

function sameBytes(a: Uint8Array, b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Wraps a SEC1 `ECPrivateKey` (RFC 5915 §3, `-----BEGIN EC PRIVATE KEY-----` as `openssl
 * ecparam -genkey` writes it) in a PKCS#8 `PrivateKeyInfo` (RFC 5208 §5), because WebCrypto
 * (and so jose) imports only PKCS#8: SEQUENCE { INTEGER 0, SEQUENCE { id-ecPublicKey, curve
 * OID }, OCTET STRING { the ECPrivateKey as it is } }. The curve is the key's `[0]` named
 * curve, or, when the key omits it, the one its private key length implies; explicit curve
 * parameters and other curves are refused. Exported for the tests.
 */
export function sec1ToPkcs8(sec1: Uint8Array): Result<Uint8Array, KeyError> {
  const malformed = fail('ERR_PEM_MALFORMED', coreMessage('key.sec1'));
  const outer = derElement(sec1, 0, sec1.length);
  if (outer === undefined || outer.tag !== 0x30 || outer.end !== sec1.length) return malformed;
  const version = derElement(sec1, outer.start, outer.end);
  if (version === undefined || version.tag !== 0x02 || version.end - version.start !== 1 || sec1[version.start] !== 1) return malformed;
  const key = derElement(sec1, version.end, outer.end);
  if (key === undefined || key.tag !== 0x04) return malformed;
  let curve: (typeof EC_CURVES)[number] | undefined;
  let at = key.end;
  while (at < outer.end) {
    const part = derElement(sec1, at, outer.end);
    if (part === undefined) return malformed;
    if (part.tag === 0xa0) {
      const oid = derElement(sec1, part.start, part.end);
      if (oid === undefined || oid.tag !== 0x06) {
        return fail('ERR_PEM_UNSUPPORTED', coreMessage('key.explicitCurve'));
      }
      const bytes = sec1.subarray(part.start, oid.end);
      curve = EC_CURVES.find((c) => sameBytes(bytes, c.oid));
      if (curve === undefined) return fail('ERR_PEM_UNSUPPORTED', coreMessage('key.curve'));
    }
    at = part.end;
  }
  curve ??= EC_CURVES.find((c) => c.keyBytes === key.end - key.start);
  if (curve === undefined) return malformed;
  const algorithm = [...EC_PUBLIC_KEY_OID, ...curve.oid];
  const version0 = [0x02, 0x01, 0x00];
  const algorithmIdentifier = [0x30, ...derLength(algorithm.length), ...algorithm];
  const octet = [0x04, ...derLength(sec1.length)];
  const innerLength = version0.length + algorithmIdentifier.length + octet.length + sec1.length;
  const head = [0x30, ...derLength(innerLength), ...version0, ...algorithmIdentifier, ...octet];
  const out = new Uint8Array(head.length + sec1.length);
  out.set(head, 0);
  out.set(sec1, head.length);
  return { ok: true, value: out };
}

/** RSA modulus bits of a JWK `n` (each 4 base64url characters carry 3 bytes). */
function modulusBits(n: unknown): number {
  return typeof n === 'string' ? Math.floor((n.replace(/^A+/, '').length * 6) / 8) * 8 : 0;
}

function publicHalf(jwk: Record<string, unknown>): JWK {
  const pub: Record<string, unknown> = { ...jwk };
  for (const member of PRIVATE_JWK_MEMBERS) delete pub[member];
  delete pub['key_ops'];
  delete pub['ext'];
  return pub as JWK;
}

function describePrivate(family: KeyFamily, crv: string | undefined, bits: number, secretBytes: number): string {
  switch (family) {
    case 'hmac':
      return `Secret (${secretBytes} bytes)`;
    case 'rsa':
      return `RSA private key (${bits} bit)`;
    case 'ec':
      return `EC private key (${crv ?? MESSAGE_TEXTS['key.desc.unknownCurve']})`;
    case 'okp':
      return `${crv ?? 'OKP'} private key`;
  }
}

function secretKey(bytes: Uint8Array, extra: { kid?: string; alg?: string; use?: string; keyOps?: readonly string[] } = {}): PrivateKey {
  return { family: 'hmac', secret: bytes, ...extra, description: describePrivate('hmac', undefined, 0, bytes.length) };
}

/** The private key a JWK text or object holds, checked by importing it (jose). */
async function privateFromJwk(raw: Record<string, unknown>): Promise<Result<PrivateKey, KeyError>> {
  const kid = typeof raw['kid'] === 'string' ? raw['kid'] : undefined;
  const alg = typeof raw['alg'] === 'string' ? raw['alg'] : undefined;
  const crv = typeof raw['crv'] === 'string' ? raw['crv'] : undefined;
  const use = typeof raw['use'] === 'string' ? raw['use'] : undefined;
  const ops = raw['key_ops'];
  if (ops !== undefined && !(Array.isArray(ops) && ops.every((op) => typeof op === 'string'))) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkKeyOps'));
  const keyOps = ops as string[] | undefined;
  const extra = { ...(kid !== undefined ? { kid } : {}), ...(alg !== undefined ? { alg } : {}), ...(use !== undefined ? { use } : {}), ...(keyOps !== undefined ? { keyOps } : {}) };
  const kty = raw['kty'];
  if (kty === 'oct') {
    if (typeof raw['k'] !== 'string') return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkOctK'));
    const secret = decodeSecret(raw['k'], 'base64url');
    if (!secret.ok) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkK'));
    return { ok: true, value: secretKey(secret.value, extra) };
  }
  const family: KeyFamily | undefined = kty === 'RSA' ? 'rsa' : kty === 'EC' ? 'ec' : kty === 'OKP' ? 'okp' : undefined;
  if (!family) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkKty'));
  if (typeof raw['d'] !== 'string') return fail('ERR_KEY_PUBLIC', coreMessage('key.jwkPublic', [String(kty)]));
  if (family === 'rsa' && modulusBits(raw['n']) > MAX_RSA_MODULUS_BITS) return tooLarge(modulusBits(raw['n']));
  const probeAlg = family === 'rsa' ? 'RS256' : family === 'okp' ? (crv === 'Ed25519' ? 'Ed25519' : 'ECDH-ES') : 'ECDH-ES';
  const importable: Record<string, unknown> = { ...raw };
  delete importable['key_ops'];
  delete importable['ext'];
  try {
    await importJWK(importable as JWK, probeAlg);
  } catch (error) {
    const detail = quoteText(error instanceof Error ? error.message : 'import failed', 120);
    return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkPrivateImport', [String(kty), detail]));
  }
  const bits = family === 'rsa' ? modulusBits(raw['n']) : 0;
  return {
    ok: true,
    value: {
      family,
      ...extra,
      ...(crv !== undefined ? { crv } : {}),
      jwk: importable as JWK,
      publicJwk: publicHalf(importable),
      ...(family === 'rsa' ? { bits } : {}),
      description: describePrivate(family, crv, bits, 0),
    },
  };
}

async function privateFromPem(pem: string): Promise<Result<PrivateKey, KeyError>> {
  // `openssl ecparam -genkey` writes an EC PARAMETERS block before the key: the key is what counts.
  const block = readPem(pem, 'EC PARAMETERS');
  if (!block.ok) return block;
  const { label, der } = block.value;
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE') {
    return fail('ERR_KEY_PUBLIC', coreMessage('key.pemPublic', [label]));
  }
  if (label === 'ENCRYPTED PRIVATE KEY') return fail('ERR_PEM_UNSUPPORTED', coreMessage('key.encrypted'));
  let pkcs8: Uint8Array;
  if (label === 'PRIVATE KEY') pkcs8 = der;
  else if (label === 'RSA PRIVATE KEY') pkcs8 = pkcs1PrivateToPkcs8(der);
  else if (label === 'EC PRIVATE KEY') {
    const wrapped = sec1ToPkcs8(der);
    if (!wrapped.ok) return wrapped;
    pkcs8 = wrapped.value;
  } else return fail('ERR_PEM_UNSUPPORTED', coreMessage('key.pemPrivateUnsupported', [quoteText(label, 40)]));
  if (pkcs8.length > MAX_PRIVATE_DER_BYTES) return tooLarge(`about ${Math.floor((pkcs8.length * 8) / 4.5 / 8) * 8}`);
  const text = toPem('PRIVATE KEY', pkcs8);
  for (const alg of PRIVATE_PROBE_ALGORITHMS) {
    try {
      const jwk = await exportJWK(await importPKCS8(text, alg, { extractable: true }));
      return privateFromJwk(jwk as Record<string, unknown>);
    } catch {
      // Not this key type: try the next one.
    }
  }
  return fail('ERR_PEM_MALFORMED', coreMessage('key.pemNoPrivate', [label]));
}

/**
 * Parses a secret or private key for signing and decryption (the counterpart of
 * {@link parseVerificationKey}, which takes public keys). Total: a typed {@link KeyError}
 * (`ERR_KEY_PUBLIC` for a public key) whose message never contains key material.
 *
 * @example
 * const key = await parsePrivateKey({ kind: 'pem', pem: pkcs8Text });
 * if (key.ok) key.value.description; // "EC private key (P-256)"
 */
export async function parsePrivateKey(material: PrivateKeyMaterial): Promise<Result<PrivateKey, KeyError>> {
  const kind: unknown = typeof material === 'object' && material !== null ? material.kind : undefined;
  if (kind === undefined) return fail('ERR_KEY_KIND', coreMessage('key.noMaterial'));
  try {
    switch (material.kind) {
      case 'secret': {
        const secret = decodeSecret(material.value, material.encoding);
        return secret.ok ? { ok: true, value: secretKey(secret.value) } : secret;
      }
      case 'secret-bytes':
        return material.bytes.length === 0 ? fail('ERR_KEY_EMPTY', coreMessage('key.secretEmpty')) : { ok: true, value: secretKey(new Uint8Array(material.bytes)) };
      case 'pem':
        if (material.pem.trim().length === 0) return fail('ERR_KEY_EMPTY', coreMessage('key.empty'));
        return await privateFromPem(material.pem);
      case 'jwk': {
        if (material.json.trim().length === 0) return fail('ERR_KEY_EMPTY', coreMessage('key.empty'));
        const value = parseJson(material.json);
        if (!isJsonObject(value)) return fail('ERR_JWK_MALFORMED', coreMessage('key.jwkNotObject'));
        if (Array.isArray(value['keys'])) return fail('ERR_JWK_MALFORMED', coreMessage('key.privateJwks'));
        return await privateFromJwk(value);
      }
      default:
        return fail('ERR_KEY_KIND', `Not key material: the kind must be "secret", "secret-bytes", "pem" or "jwk"${typeof kind === 'string' ? `, not "${quoteText(kind, 16)}"` : ''}`);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.name : 'error';
    return fail(kind === 'pem' ? 'ERR_PEM_MALFORMED' : 'ERR_JWK_MALFORMED', `The key could not be read (${detail})`);
  }
}

/**
 * The verification key for what a private key signs: the public JWK, or the secret itself
 * for HMAC (so a freshly signed token can be checked with `verifyToken`).
 */
export function verificationKeyFor(key: PrivateKey, label: string): VerificationKey {
  if (typeof key !== 'object' || key === null || !['hmac', 'rsa', 'ec', 'okp'].includes(key.family)) {
    return { label: typeof label === 'string' ? label : '', entries: [], description: 'No key' };
  }
  const entry: KeyEntry =
    key.family === 'hmac'
      ? { family: 'hmac', secret: key.secret ?? new Uint8Array(), ...(key.kid !== undefined ? { kid: key.kid } : {}), ...(key.alg !== undefined ? { alg: key.alg } : {}) }
      : entryFromJwk(key.publicJwk ?? {});
  const pinned: KeyEntry = { ...entry, ...(key.kid !== undefined ? { kid: key.kid } : {}), ...(key.alg !== undefined ? { alg: key.alg } : {}) };
  return { label, entries: [pinned], description: describeEntry(pinned) };
}

/**
 * The jose key for one algorithm: a secret's bytes, or the private JWK imported for `alg`
 * (its `use`, `key_ops` and `alg` left to the caller's checks, so WebCrypto gets the usages
 * `alg` needs). Throws what jose throws; `signToken` and `decryptToken` catch it.
 */
export async function importPrivateKey(key: PrivateKey, alg: string): Promise<CryptoKey | Uint8Array> {
  if (key.family === 'hmac') return key.secret ?? new Uint8Array();
  const jwk: Record<string, unknown> = { ...key.jwk };
  for (const member of ['key_ops', 'ext', 'use', 'alg']) delete jwk[member];
  return importJWK({ ...(jwk as JWK), alg }, alg) as Promise<CryptoKey>;
}
