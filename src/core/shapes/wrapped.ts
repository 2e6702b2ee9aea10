/**
 * Tokens stored base64-encoded: Kubernetes `Secret` `data:` values, Helm values, `.npmrc`
 * `_auth` and Docker `config.json` `auth` blobs. The blob is base64 (either alphabet, padded or
 * not) of the token, optionally followed by the newline `echo … | base64` adds, or of
 * `user:token` (HTTP Basic credentials, RFC 7617 §2: the user id holds no `:`), as Docker and
 * npm store them.
 */
import { decodeUtf8 } from '../segments';
import { coreMessage, type MessageTextId } from '../findingTexts';
import type { Result, TokenError } from '../types';
import { decodeBase64 } from './base64';
import type { Base64Alphabet } from './base64';

/** Longest `user` part of a `user:token` blob read. */
export const MAX_WRAPPED_USER_LENGTH = 256;

/** A base64 blob opened up. */
export interface UnwrappedToken {
  /** The decoded text after any `user:` prefix and trailing newline: the candidate token. */
  readonly inner: string;
  /** The user id of a `user:token` blob (Docker/npm auth), when there is one. */
  readonly user?: string;
  readonly alphabet: Base64Alphabet;
  readonly padded: boolean;
}

function fail(id: MessageTextId & `wrapped.${string}`): { ok: false; error: TokenError } {
  return { ok: false, error: { code: 'ERR_BASE64URL', ...coreMessage(id) } };
}

/** First character of a token the scanner knows (`e` of a JOSE header, `v` of PASETO). */
function startsLikeToken(text: string): boolean {
  return /^(?:e[yw]|v[1-4]\.)/.test(text);
}

/**
 * Decodes a base64 blob and takes out the text a token would be: the whole decoding, minus a
 * trailing `\n`/`\r\n`, minus a `user:` prefix when the decoding does not itself start like a
 * token. Does not judge whether `inner` is a token: the scanner does. Total.
 *
 * @example
 * unwrapBase64Token(btoa('oauth2:eyJhbGciOi…')) // → { ok: true, value: { inner: 'eyJhbGciOi…', user: 'oauth2', … } }
 */
export function unwrapBase64Token(blob: string): Result<UnwrappedToken> {
  if (typeof blob !== 'string' || blob.length === 0) return fail('wrapped.empty');
  const decoded = decodeBase64(blob);
  if (decoded === undefined) return fail('wrapped.notBase64');
  let text = decodeUtf8(decoded.bytes);
  if (text === undefined) return fail('wrapped.notUtf8');
  if (text.endsWith('\r\n')) text = text.slice(0, -2);
  else if (text.endsWith('\n')) text = text.slice(0, -1);
  const base = { alphabet: decoded.alphabet, padded: decoded.padded };
  if (startsLikeToken(text)) return { ok: true, value: { inner: text, ...base } };
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= MAX_WRAPPED_USER_LENGTH) {
    return { ok: true, value: { inner: text.slice(colon + 1), user: text.slice(0, colon), ...base } };
  }
  return { ok: true, value: { inner: text, ...base } };
}
