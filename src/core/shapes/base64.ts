/**
 * Base64 of either alphabet (RFC 4648 §4 standard, §5 url-safe), padded or not, for text found
 * wrapped around a token. JOSE segments stay with the strict base64url reader of `segments.ts`;
 * this one exists because a wrapper may use `+`/`/` and `=` padding, which that reader refuses.
 */

/** The alphabet a base64 text uses: `url` when it has `-` or `_`, else `standard` (the two agree on every other character). */
export type Base64Alphabet = 'standard' | 'url';

/** Decoded bytes of a base64 text with the alphabet and padding it used. */
export interface Base64Decoding {
  readonly bytes: Uint8Array;
  readonly alphabet: Base64Alphabet;
  readonly padded: boolean;
}

const STANDARD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Character code → 6-bit value; 64 for `-`/`_` (url only), 65 for `+`/`/` (standard only), 255 otherwise. */
const VALUES = new Uint8Array(128).fill(255);
for (let v = 0; v < 62; v++) VALUES[STANDARD.charCodeAt(v)] = v;
VALUES[0x2b] = 62; // +
VALUES[0x2f] = 63; // /
VALUES[0x2d] = 62; // -
VALUES[0x5f] = 63; // _

/** True for a character of either base64 alphabet (not `=`). */
export function isBase64Char(code: number): boolean {
  return code < 128 && VALUES[code] !== 255;
}

/**
 * Decodes `text` (standard or url alphabet, not both; `=` padding optional but, when present,
 * complete), or undefined when it is not base64. Total and linear.
 *
 * @example decodeBase64('ZXlK')?.bytes // Uint8Array of "eyJ"
 */
export function decodeBase64(text: string): Base64Decoding | undefined {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d && text.length - end < 2) end--;
  const padded = end < text.length;
  if (end % 4 === 1 || (padded && text.length % 4 !== 0)) return undefined;
  let standard = false;
  let url = false;
  const bytes = new Uint8Array(Math.floor((end * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    const v = c < 128 ? VALUES[c] : 255;
    if (v === 255) return undefined;
    if (c === 0x2b || c === 0x2f) standard = true;
    else if (c === 0x2d || c === 0x5f) url = true;
    buffer = ((buffer << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  if (standard && url) return undefined;
  return { bytes, alphabet: url ? 'url' : 'standard', padded };
}
