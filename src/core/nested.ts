/**
 * Nested tokens: a claim whose value is itself a compact JWS or JWE — an OpenID Connect
 * `id_token`, an RFC 7591 §2.3 `software_statement`, a token in an RFC 8693 §4.1 `act` or
 * §4.4 `may_act` object (whose own `act` continues the delegation chain), any string claim
 * that is a compact token — and the payload of a JWS whose header says `cty: JWT` (RFC 7519
 * §5.2: a nested JWT).
 *
 * Each inner token is decoded by the one decoder and analysed by `inspectDecoded` with the
 * outer token's options (the same instant, skew and thresholds), so it has its own header,
 * claims, times and findings. The search is bounded: inner tokens are followed to a depth of
 * {@link MAX_NESTED_DEPTH} and at most {@link MAX_NESTED_TOKENS} are reported per outer token;
 * what lies beyond is a typed {@link NestedNotice}, never an exception. It is linear in the
 * token: every JSON value is visited once, an inner token's bytes are a part of its parent's,
 * and a string is tested with one pass before anything is decoded.
 */
import { decodeToken } from './decoder';
import { readProtectedHeader, saysNestedJwt } from './header';
import { inspectDecoded } from './inspect';
import type { DecodedToken, InspectOptions, Inspection, JsonValue } from './types';

/** How deep inner tokens are followed: the outer token's claims hold depth 1. */
export const MAX_NESTED_DEPTH = 3;
/** Most inner tokens reported for one outer token, at every depth together. */
export const MAX_NESTED_TOKENS = 16;

/** Where an inner token was found: a claim (a string in the payload), or the payload itself (`cty: JWT`). */
export type NestedVia = 'claim' | 'cty';

/**
 * Why the search stopped or could not look:
 * - `too-deep`: a token inside a token at depth {@link MAX_NESTED_DEPTH} (it is not decoded);
 * - `too-many`: more than {@link MAX_NESTED_TOKENS} inner tokens (the rest are not decoded);
 * - `encrypted`: a JWE whose header says `cty: JWT`: the inner token is in the ciphertext.
 */
export type NestedNoticeCode = 'too-deep' | 'too-many' | 'encrypted';

/** A place the search stopped, and why. Its `label` and `message` quote member names (token text). */
export interface NestedNotice {
  readonly code: NestedNoticeCode;
  /** The claim path of the token not shown (see {@link NestedToken.label}). */
  readonly label: string;
  /** The depth that token would have had. */
  readonly depth: number;
  /** One sentence saying what was not shown and why. */
  readonly message: string;
}

/** The inner tokens of one token, and where the search stopped. */
export interface NestedTokens {
  /** In payload order, each with its own inner tokens. */
  readonly tokens: readonly NestedToken[];
  readonly notices: readonly NestedNotice[];
}

/** One inner token, inspected, with its own inner tokens (`tokens`, `notices`). */
export interface NestedToken extends NestedTokens {
  /** Where it is in its parent's payload: member names and array indexes; `[]` for a `cty: JWT` payload. */
  readonly path: readonly (string | number)[];
  /**
   * The claim path from the outermost token: member names joined by `.` (array items `[i]`)
   * within one payload, tokens joined by ` → ` — `id_token`, `act.act.actor_token`,
   * `software_statement → act.actor_token`, `payload (cty: JWT)`.
   */
  readonly label: string;
  /** 1 for a token in the outer token's claims, up to {@link MAX_NESTED_DEPTH}. */
  readonly depth: number;
  readonly via: NestedVia;
  /** The inner token's compact text (a value of its parent's payload). */
  readonly token: string;
  readonly inspection: Inspection;
}

/** No inner tokens. */
const NONE: NestedTokens = { tokens: [], notices: [] };

/**
 * Base64url segments (`=` padding tolerated, as the decoder does), three or five of them, the
 * first starting as a JSON object's text does: `{"` (`eyJ`), `{ ` (`eyA`), `{` and a line break
 * or tab (`ewo`, `ew0`, `ewk`). Most strings fail on their first characters, before any decoding.
 */
const COMPACT_SHAPE = /^(?:ey[JA]|ew[o0k])[A-Za-z0-9_-]*={0,2}(?:\.[A-Za-z0-9_-]*={0,2}){2}(?:(?:\.[A-Za-z0-9_-]*={0,2}){2})?$/;
/** Shortest compact token worth a header read: `e30.e30.` is 8 characters, an `alg` needs more. */
const MIN_TOKEN_LENGTH = 16;
/** Longest string tested: the scanner's token limit (64 KiB) is far below; an 8 MiB outer token bounds it anyway. */
const MAX_TOKEN_LENGTH = 1024 * 1024;


/**
 * The decoded token when `text` is a compact JWS or JWE: the shape first (one pass), then the
 * header (the one reader), and only then the decoder; undefined otherwise.
 */
function asToken(text: string): DecodedToken | undefined {
  if (text.length < MIN_TOKEN_LENGTH || text.length > MAX_TOKEN_LENGTH || !COMPACT_SHAPE.test(text)) return undefined;
  const dot = text.indexOf('.');
  let dots = 0;
  for (let i = dot; i !== -1; i = text.indexOf('.', i + 1)) dots++;
  if (!readProtectedHeader(text.slice(0, dot), { jwe: dots === 4 }).ok) return undefined;
  const decoded = decodeToken(text);
  return decoded.ok ? decoded.value : undefined;
}

/** `act.act.actor_token`, `aud[0]`: a path within one payload. */
function pathText(path: readonly (string | number)[]): string {
  let text = '';
  for (const part of path) {
    const name = part === '' ? '""' : part;
    text += typeof name === 'number' ? `[${name}]` : text === '' ? name : `.${name}`;
  }
  return text;
}

/** What one search shares across depths: the options and the budget of tokens. */
interface Search {
  readonly options: InspectOptions;
  /** Inner tokens met so far (decoded or stopped too deep). */
  seen: number;
  /** Set once the budget ran out: nothing more is searched. */
  full: boolean;
}

/** Collects the inner tokens of one token (its depth `depth`, its label `label`). */
class Level {
  readonly tokens: NestedToken[] = [];
  readonly notices: NestedNotice[] = [];

  constructor(
    private readonly search: Search,
    private readonly label: string,
    private readonly depth: number,
  ) {}

  private childLabel(path: readonly (string | number)[], via: NestedVia): string {
    const own = via === 'cty' ? 'payload (cty: JWT)' : pathText(path);
    return this.label === '' ? own : `${this.label} → ${own}`;
  }

  /** A token found at `path`: inspected and searched in turn, or a notice. False once the budget is spent. */
  found(text: string, decoded: DecodedToken, path: readonly (string | number)[], via: NestedVia): boolean {
    const search = this.search;
    const label = this.childLabel(path, via);
    const depth = this.depth + 1;
    if (search.seen >= MAX_NESTED_TOKENS) {
      search.full = true;
      this.notices.push({ code: 'too-many', label, depth, message: `More than ${MAX_NESTED_TOKENS} nested tokens: the ones from ${label} on are not decoded` });
      return false;
    }
    search.seen++;
    if (depth > MAX_NESTED_DEPTH) {
      this.notices.push({ code: 'too-deep', label, depth, message: `A token nested ${depth} levels deep (${label}) is not decoded: nested tokens are shown to a depth of ${MAX_NESTED_DEPTH}` });
      return true;
    }
    const inner = searchToken(decoded, search, label, depth);
    this.tokens.push({ path: [...path], label, depth, via, token: text, inspection: inspectDecoded(decoded, search.options), tokens: inner.tokens, notices: inner.notices });
    return !search.full;
  }

  /** Every string of `value` that is a token, in document order; false once the budget is spent. */
  walk(value: JsonValue, path: (string | number)[]): boolean {
    if (typeof value === 'string') {
      const decoded = asToken(value);
      return decoded === undefined || this.found(value, decoded, path, 'claim');
    }
    if (value === null || typeof value !== 'object') return true;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        const more = this.walk(value[i] as JsonValue, path);
        path.pop();
        if (!more) return false;
      }
      return true;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      const more = this.walk(value[key] as JsonValue, path);
      path.pop();
      if (!more) return false;
    }
    return true;
  }
}

function searchToken(decoded: DecodedToken, search: Search, label: string, depth: number): NestedTokens {
  const level = new Level(search, label, depth);
  const payload = decoded.payload;
  if (payload.type === 'claims') level.walk(payload.claims, []);
  else if (payload.type === 'json') level.walk(payload.value, []);
  else if (saysNestedJwt(decoded.header)) {
    if (payload.type === 'text') {
      const inner = asToken(payload.text);
      if (inner !== undefined) level.found(payload.text, inner, [], 'cty');
    } else if (payload.type === 'encrypted') {
      const where = label === '' ? 'payload (cty: JWT)' : `${label} → payload (cty: JWT)`;
      level.notices.push({ code: 'encrypted', label: where, depth: depth + 1, message: 'The header says the payload is a nested JWT (cty: JWT), but it is encrypted: only the recipient can read it' });
    }
  }
  return level.tokens.length === 0 && level.notices.length === 0 ? NONE : { tokens: level.tokens, notices: level.notices };
}

/**
 * The tokens nested in `decoded` (claims holding a compact JWS or JWE, a `cty: JWT` payload),
 * each inspected with `options` and searched in turn, to a depth of {@link MAX_NESTED_DEPTH},
 * at most {@link MAX_NESTED_TOKENS} of them. Pure and total.
 *
 * @example
 * const outer = decodeToken(token);
 * if (outer.ok) {
 *   const nested = nestedTokens(outer.value, { now: Date.now() });
 *   nested.tokens[0]?.label;                   // 'id_token'
 *   nested.tokens[0]?.inspection.time.status;  // 'valid'
 *   nested.notices[0]?.code;                   // 'too-deep', when a chain goes on past depth 3
 * }
 */
export function nestedTokens(decoded: DecodedToken, options: InspectOptions = {}): NestedTokens {
  try {
    return searchToken(decoded, { options, seen: 0, full: false }, '', 0);
  } catch {
    // Defensive: every step is bounded and total; an engine failure (memory) gives no inner tokens.
    return NONE;
  }
}
