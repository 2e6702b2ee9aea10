/**
 * Fetches a JWKS the user asked for, by URL. Only ever called from the Add Verification Key
 * command after a modal confirmation naming the host; never from a token's `jku`, `x5u` or
 * `iss` (RFC 8725 §3.10: those are attacker-controlled). No `vscode` import so it is unit-tested
 * against a local server.
 */
import * as l10n from '@vscode/l10n';

/** Limits of one fetch. */
export interface JwksFetchOptions {
  /** Abort after this many ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Refuse bodies larger than this. Default 256 KiB (real JWKS are a few KiB). */
  readonly maxBytes?: number;
}

export type JwksFetchErrorCode = 'ERR_URL' | 'ERR_TIMEOUT' | 'ERR_TOO_LARGE' | 'ERR_HTTP_STATUS' | 'ERR_NETWORK';

export interface JwksFetchError {
  readonly code: JwksFetchErrorCode;
  readonly message: string;
}

export type JwksFetchResult = { readonly ok: true; readonly json: string } | { readonly ok: false; readonly error: JwksFetchError };

export const DEFAULT_JWKS_TIMEOUT_MS = 10_000;
export const DEFAULT_JWKS_MAX_BYTES = 256 * 1024;

/** Parses and checks a JWKS URL: http(s) only, no credentials in it. */
export function parseJwksUrl(text: string): { ok: true; url: URL } | { ok: false; error: JwksFetchError } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, error: { code: 'ERR_URL', message: l10n.t('Not a valid URL') } };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: { code: 'ERR_URL', message: l10n.t('Only http and https URLs can be fetched') } };
  if (url.username || url.password) return { ok: false, error: { code: 'ERR_URL', message: l10n.t('URLs with embedded credentials are refused') } };
  return { ok: true, url };
}

/**
 * GETs `url` with a timeout and a size cap and returns the body text. Never throws.
 * The body is read in chunks and the request aborted as soon as the cap is passed.
 */
export async function fetchJwks(url: URL, options: JwksFetchOptions = {}): Promise<JwksFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_JWKS_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_JWKS_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: 'error', headers: { accept: 'application/jwk-set+json, application/json' } });
    if (!response.ok) return { ok: false, error: { code: 'ERR_HTTP_STATUS', message: l10n.t('{0} answered HTTP {1}', url.host, response.status) } };
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      controller.abort();
      return { ok: false, error: { code: 'ERR_TOO_LARGE', message: l10n.t('The JWKS is larger than {0} bytes', maxBytes) } };
    }
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        controller.abort();
        return { ok: false, error: { code: 'ERR_TOO_LARGE', message: l10n.t('The JWKS is larger than {0} bytes', maxBytes) } };
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { ok: true, json: new TextDecoder().decode(body) };
  } catch {
    if (timedOut) return { ok: false, error: { code: 'ERR_TIMEOUT', message: l10n.t('{0} did not answer within {1} ms', url.host, timeoutMs) } };
    return { ok: false, error: { code: 'ERR_NETWORK', message: l10n.t('Could not fetch the JWKS from {0}', url.host) } };
  } finally {
    clearTimeout(timer);
  }
}
