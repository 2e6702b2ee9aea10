/**
 * Segments of a compact serialization (RFC 7515 §7.1, RFC 7516 §7.1): strict base64url
 * (RFC 4648 §5, no whitespace, no `+` or `/`) and strict UTF-8. `=` padding is not part of
 * JOSE base64url (RFC 7515 §2) but some issuers send it (AWS ALB); up to two are tolerated
 * here and reported by the decoder.
 */
import { base64url } from 'jose';
import { coreMessage, MESSAGE_TEXTS, segmentParam, type MessageTextId } from './findingTexts';
import type { FindingParam, SegmentError, SegmentSize } from './types';

/** A segment of a compact JWS or JWE. */
export type SegmentName = SegmentSize['name'];

/** Segment names of a compact JWS (RFC 7515 §7.1) and a compact JWE (RFC 7516 §7.1), in order. */
export const JWS_SEGMENTS: readonly SegmentName[] = ['header', 'payload', 'signature'];
export const JWE_SEGMENTS: readonly SegmentName[] = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'];

/** How a segment is named in a message. */
export const SEGMENT_LABELS: Readonly<Record<SegmentName, string>> = {
  header: 'header',
  payload: 'payload',
  signature: 'signature',
  encrypted_key: 'encrypted key',
  iv: 'initialization vector',
  ciphertext: 'ciphertext',
  tag: 'authentication tag',
};

const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;

/**
 * The segment's base64url text without trailing `=` padding (at most two), or undefined when
 * the rest is not strict base64url or has an impossible length (4n+1 characters).
 */
export function base64urlBody(text: string): string | undefined {
  let end = text.length;
  if (end > 0 && text.charCodeAt(end - 1) === 0x3d) {
    end--;
    if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  }
  const body = end === text.length ? text : text.slice(0, end);
  return end % 4 !== 1 && BASE64URL_TEXT.test(body) ? body : undefined;
}

/** Decoded size of `length` unpadded base64url characters (4 characters → 3 bytes). */
export function decodedLength(length: number): number {
  return Math.floor((length * 3) / 4);
}

/**
 * Bytes of a body that {@link base64urlBody} accepted, decoded by jose (whose decoder is
 * lenient about whitespace and padding, hence the strict check first); undefined on failure.
 */
export function decodeBody(body: string): Uint8Array | undefined {
  try {
    return base64url.decode(body);
  } catch {
    return undefined;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strict UTF-8 (invalid sequences are an error; a BOM is kept as U+FEFF, which is not JSON). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** What a segment's base64url body reads as: its UTF-8 text, or why it has none. */
export type BodyText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: 'base64url' | 'utf8'; readonly byteLength: number };

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A base64url body (from {@link base64urlBody}) decoded as strict UTF-8 text (as
 * {@link decodeBody} then {@link decodeUtf8}). Headers and claims are nearly always ASCII
 * JSON: then the platform's `atob` already gives the text (each byte below 0x80 is its own
 * UTF-8 character), without the byte array and the `TextDecoder` pass — a third of a token's
 * decoding time in `npm run bench`. Anything else takes the byte path.
 */
export function decodeBodyText(body: string): BodyText {
  if (typeof atob === 'function') {
    let binary: string | undefined;
    try {
      binary = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    } catch {
      binary = undefined;
    }
    if (binary !== undefined && !NON_ASCII.test(binary)) return { ok: true, text: binary };
  }
  const bytes = decodeBody(body);
  if (bytes === undefined) return { ok: false, reason: 'base64url', byteLength: 0 };
  const text = decodeUtf8(bytes);
  return text === undefined ? { ok: false, reason: 'utf8', byteLength: bytes.length } : { ok: true, text };
}

/** A character of the base64url alphabet (RFC 4648 §5). */
function isBase64UrlChar(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;
}

/** A character named without copying token text beyond it: printable ASCII quoted, else its code point. */
function describeCharacter(c: number): FindingParam {
  if (c === 0x0a || c === 0x0d) return { message: MESSAGE_TEXTS['char.lineBreak'], textId: 'char.lineBreak' };
  if (c === 0x20 || c === 0x09) return { message: MESSAGE_TEXTS['char.space'], textId: 'char.space' };
  if (c > 0x20 && c < 0x7f) return `'${String.fromCharCode(c)}'`;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why a character breaks base64url, when a common cause explains it: the sentence that says so. */
function notBase64urlText(c: number): MessageTextId {
  if (c === 0x2b || c === 0x2f) return 'segment.base64url.standard';
  if (c === 0x0a || c === 0x0d || c === 0x20 || c === 0x09) return 'segment.base64url.wrapped';
  if (c === 0x7b || c === 0x3c || c === 0x5b) return 'segment.base64url.placeholder';
  return 'segment.base64url';
}

/**
 * What is wrong with a segment that {@link base64urlBody} or the header reader refused: empty,
 * the first character outside base64url (its offset within the segment), misplaced `=`, or a
 * length no base64url text has. One pass over the segment.
 *
 * @example segmentError('signature', 'abc{x}').offset // 3
 */
export function segmentError(name: SegmentName, text: string): SegmentError {
  const label = segmentParam(name);
  if (text.length === 0) return { segment: name, code: 'empty', ...coreMessage('segment.empty', [label]) };
  let end = text.length;
  if (text.charCodeAt(end - 1) === 0x3d) {
    end--;
    if (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  }
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isBase64UrlChar(c)) continue;
    if (c === 0x3d) return { segment: name, code: 'padding', ...coreMessage('segment.padding', [label, i]), offset: i };
    return { segment: name, code: 'base64url', ...coreMessage(notBase64urlText(c), [label, i, describeCharacter(c)]), offset: i };
  }
  if (end % 4 === 1) return { segment: name, code: 'length', ...coreMessage('segment.length', [label, end]) };
  return { segment: name, code: 'base64url', ...coreMessage('segment.undecodable', [label]) };
}
