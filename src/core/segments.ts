/**
 * Segments of a compact serialization (RFC 7515 §7.1, RFC 7516 §7.1): strict base64url
 * (RFC 4648 §5, no whitespace, no `+` or `/`) and strict UTF-8. `=` padding is not part of
 * JOSE base64url (RFC 7515 §2) but some issuers send it (AWS ALB); up to two are tolerated
 * here and reported by the decoder.
 */
import { base64url } from 'jose';
import type { SegmentSize } from './types';

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
