/**
 * Messages between the inspector webview and the extension host, and their validation.
 *
 * Both directions are discriminated unions on `type`. Every message is validated on arrival
 * against a closed schema (exact key set, exact value types, bounded lengths): a webview is
 * a browser context and its messages are untrusted input. Anything that does not match is
 * ignored, never half-used. Pure TypeScript: imported by the extension and the UI bundle.
 */
import { claimsTable, claimTextFromJson } from '../claims';
import { isQuickEdit } from '../../core/quickEdits';
import type { QuickEdit } from '../../core/quickEdits';
import type {
  AlgorithmInfo,
  Finding,
  JsonObject,
  NestedNotice,
  NestedVia,
  SizeReport,
  TimeStatus,
  TokenError,
  TokenKind,
} from '../../core';

/** Which text a copy button asks the extension to put on the clipboard. */
export type CopyTarget = 'header' | 'payload' | 'claims' | 'token';
export const COPY_TARGETS: readonly CopyTarget[] = ['header', 'payload', 'claims', 'token'];

/** One row of a claim table (header parameters or payload claims). */
export interface ClaimRow {
  readonly name: string;
  /** Human name of a registered/OIDC claim ("Expiration Time"), when known. */
  readonly title?: string;
  /** One-line explanation of a registered/OIDC claim, when known. */
  readonly description?: string;
  /** The value as compact JSON text. */
  readonly value: string;
  /** For NumericDate claims (`iat`, `nbf`, `exp`, `auth_time`): seconds since the epoch. */
  readonly seconds?: number;
  /** The labels of the tokens nested in this claim's value (each has its card): the table shows the value cut short. */
  readonly nested?: readonly string[];
}

/** One coloured part of the compact token (`header.payload.signature`, JWE five parts). */
export interface TokenPart {
  readonly name: 'header' | 'payload' | 'signature' | 'encrypted_key' | 'iv' | 'ciphertext' | 'tag';
  readonly text: string;
  /** What is wrong with this part when it did not decode ("not base64url at offset 3"). */
  readonly error?: string;
}

/** What the payload pane shows. `pretty`: the exact JSON re-indented, every literal as written. */
export type PayloadView =
  | { readonly type: 'claims'; readonly rows: readonly ClaimRow[]; readonly json: string; readonly pretty: string }
  | { readonly type: 'json'; readonly json: string; readonly pretty: string }
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'bytes'; readonly byteLength: number; readonly reason: string }
  | { readonly type: 'encrypted'; readonly ciphertextBytes: number };

/** Revocation-risk hints of one article reason. */
export interface HintGroup {
  readonly reason: 1 | 2 | 3 | 4 | 5;
  readonly title: string;
  readonly hints: readonly Finding[];
}

/** Codicon names a signature status may use (a closed list: the UI never takes an icon name from data). */
export const SIGNATURE_ICONS = ['loading', 'verified-filled', 'error', 'warning', 'question', 'unverified'] as const;
export type SignatureIcon = (typeof SIGNATURE_ICONS)[number];

/** The signature check of the shown token (issue 5), filled in asynchronously by the host. */
export interface SignatureView {
  /** `pending` while the check runs; otherwise the core `VerificationResult` status. */
  readonly state: 'pending' | 'verified' | 'invalid-signature' | 'key-mismatch' | 'unsupported' | 'not-checked';
  readonly icon: SignatureIcon;
  /** One or two words: "signature verified", "unverified (no key)". */
  readonly label: string;
  /** The full sentence, e.g. which key verified it. */
  readonly message: string;
  /** "0.052 ms per HS256 verification (median of 7, this machine)" — article reason 5. */
  readonly timing?: string;
  /** TL401: signed with a publicly known secret. */
  readonly weakSecret?: Finding;
}

/**
 * A token nested in the shown one (core `nestedTokens`): a claim holding a compact JWS or JWE,
 * or a `cty: JWT` payload. Drawn as a collapsible card labelled with its claim path; its
 * `model` has its own header, claims, times, findings and inner tokens (no copy or reveal).
 */
export interface NestedTokenView {
  /** The claim path from the shown token: `id_token`, `act.act.actor_token`, `software_statement → act.actor_token`. */
  readonly label: string;
  readonly depth: number;
  readonly via: NestedVia;
  readonly model: TokenViewModel;
}

/** The inner tokens of a token, and where the search stopped (too deep, too many, encrypted). */
export interface NestedView {
  readonly tokens: readonly NestedTokenView[];
  readonly notices: readonly NestedNotice[];
}

/**
 * The shown token compared with another one (*Compare Tokens* from the inspector): the
 * headline and detail lines of `present/compare.ts`, read as "this token → the other one".
 */
export interface ComparisonView {
  /** Where the other token came from (`clipboard`, `@after · line 3`). */
  readonly other: string;
  readonly identical: boolean;
  /** `kid k1 → k2 · exp +1 h · 1 added, 2 changed`. */
  readonly headline: string;
  /** `alg: HS256 → RS256`, `exp: +1 h (… → …)`, `+ payload.tenant: "t1"`, `… 3 more changes`. */
  readonly lines: readonly string[];
}

/** Everything the UI needs to draw a decoded token. Plain JSON, no functions. */
export interface TokenViewModel {
  readonly state: 'token';
  /** Where the token came from (`Authorization · line 12`). */
  readonly title: string;
  readonly kind: TokenKind;
  readonly alg: string;
  readonly enc?: string;
  readonly parts: readonly TokenPart[];
  readonly headerRows: readonly ClaimRow[];
  /** Header JSON exactly as in the token. */
  readonly headerJson: string;
  /** The header JSON re-indented (literals as written). */
  readonly headerPretty: string;
  readonly payload: PayloadView;
  readonly payloadNote?: string;
  /** The time claims only (`iat`, `nbf`, `exp`, `auth_time`), so the UI can re-run `timeReport` each second. */
  readonly timeClaims: JsonObject;
  readonly clockSkewSec: number;
  /** Status at build time; the UI recomputes it every second. */
  readonly status: TimeStatus;
  readonly statusText: string;
  readonly timeDisplay: 'local' | 'utc';
  readonly size: SizeReport;
  readonly sizeWarningBytes: number;
  readonly algorithm: AlgorithmInfo;
  readonly hintGroups: readonly HintGroup[];
  readonly findings: readonly Finding[];
  /**
   * The verdict card: every error and warning of every kind (security findings and revocation
   * hints together), errors first; the weak-secret finding joins when the signature check ends.
   */
  readonly verdict: readonly Finding[];
  /** What each finding code means (from docs/findings.md), for the "Explain" of each finding. */
  readonly explanations: Readonly<Record<string, string>>;
  readonly canReveal: boolean;
  /** The instant everything was computed for when it is not now ("valid at…"), ms since the epoch. */
  readonly asOf?: number;
  /** Absent when no verifier is wired (unit tests, CLI-like uses). */
  readonly signature?: SignatureView;
  /** Tokens nested in this one; absent when there are none. */
  readonly nested?: NestedView;
  /** The last comparison of this token with another one (*Compare with…*), until another token is shown. */
  readonly comparison?: ComparisonView;
  /**
   * What *Edit Token* can do with this token (issue 11), set by the inspector session: `json`
   * the Edit… button (header and payload as JSON), `claims` that and the quick edits of the
   * time claims. Absent: not editable (a JWE, a payload that is not JSON, no editor wired).
   */
  readonly editable?: 'json' | 'claims';
  /**
   * A JWE's decryption with the stored keys (issue 11), set by the inspector session: pending,
   * no key stored, failed or refused (the step, no key material), or decrypted — then `payload`,
   * `timeClaims`, the findings and the size are the decrypted plaintext's, held in memory only
   * while shown. Absent for a JWS, or when no decrypter is wired.
   */
  readonly decryption?: DecryptionView;
}

/** How a JWE's decryption reads in the inspector (present/decryption.ts words). */
export interface DecryptionView {
  readonly state: 'pending' | 'no-keys' | 'failed' | 'decrypted';
  /** `Decrypted with key “dev”`, `Encrypted — no stored key fits`, `Refused before decryption`. */
  readonly headline: string;
  readonly message: string;
  /** A codicon from a closed list: `unlock`, `lock`, `error`, `loading`. */
  readonly icon: 'unlock' | 'lock' | 'error' | 'loading';
  /** Remarks of a decrypted token (an inner JWE left encrypted at the depth limit). */
  readonly notes: readonly string[];
}

/** A token that could not be decoded. */
export interface ErrorViewModel {
  readonly state: 'error';
  readonly title: string;
  readonly error: TokenError;
  /** Length of the rejected text (the text itself is not echoed). */
  readonly length: number;
  readonly canReveal: boolean;
}

/** Nothing selected yet. */
export interface EmptyViewModel {
  readonly state: 'empty';
}

export type InspectorViewModel = TokenViewModel | ErrorViewModel | EmptyViewModel;

/** Extension → webview. */
export type HostMessage =
  | { readonly type: 'show'; readonly model: InspectorViewModel }
  /** Asks the UI to post a fresh `rendered` summary of what the DOM shows now (no re-render). */
  | { readonly type: 'report' }
  /** The signature check of the shown token finished: redraw only the badge and its section. */
  | { readonly type: 'signature'; readonly signature: SignatureView };

/** What the webview DOM shows after a render, reported back for tests and diagnostics. */
export interface RenderedSummary {
  readonly state: 'token' | 'error' | 'empty';
  readonly title: string;
  readonly kind: string;
  readonly alg: string;
  readonly status: string;
  readonly statusText: string;
  readonly countdown: string;
  /** Text of the signature badge ("signature verified", "unverified (no key)"), '' when none. */
  readonly signature: string;
  readonly hintCodes: readonly string[];
  readonly findingCodes: readonly string[];
  readonly headings: readonly string[];
  /** The ids of the page's top-level sections, in page order. */
  readonly sections: readonly string[];
  readonly error: string;
  /** Each nested token card, in page order: `label · kind · alg · status text`. */
  readonly nested: readonly string[];
  /** The notices of the nested cards (a chain cut at depth 3, too many tokens, encrypted). */
  readonly nestedNotices: readonly string[];
  /** The comparison section's text ('' when none): `Compared with … headline`. */
  readonly comparison: string;
  /** The visible text of the Edit… and quick-edit buttons, in page order (none when not editable). */
  readonly editActions: readonly string[];
}

/** Webview → extension. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'rendered'; readonly summary: RenderedSummary }
  | { readonly type: 'copy'; readonly target: CopyTarget }
  | { readonly type: 'reveal' }
  /** "Valid at…": evaluate the token at `at` (ms since the epoch), or at now again with `null`. */
  | { readonly type: 'validAt'; readonly at: number | null }
  /** "Compare with…": run *Compare Tokens* on the shown token (the other one is picked, or the clipboard). */
  | { readonly type: 'compare' }
  /** Close the comparison section. */
  | { readonly type: 'clearComparison' }
  /** "Edit…": open *Edit Token* (header and payload as JSON in an editor tab) on the shown token. */
  | { readonly type: 'edit' }
  /**
   * A quick edit of the shown token's time claims (`exp` +15 min / +1 h / now, remove `exp`,
   * `iat` now), finished as saving an edit is. Only the edit's name: the host holds the token,
   * reads the clock and picks the key.
   */
  | { readonly type: 'quickEdit'; readonly edit: QuickEdit };

/** Largest absolute ms value a JavaScript Date holds. */
const MAX_DATE_MS = 8.64e15;

/** Longest string accepted in a summary field; a summary never legitimately needs more. */
const MAX_SUMMARY_TEXT = 2048;
/** Most items accepted in a summary list. */
const MAX_SUMMARY_ITEMS = 200;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/** True when `v` has exactly the keys `keys` (no extra, no missing) as own properties. */
function hasExactKeys(v: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(v);
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(v, k));
}

function isBoundedString(v: unknown): v is string {
  return typeof v === 'string' && v.length <= MAX_SUMMARY_TEXT;
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.length <= MAX_SUMMARY_ITEMS && v.every(isBoundedString);
}

const SUMMARY_KEYS = ['state', 'title', 'kind', 'alg', 'status', 'statusText', 'countdown', 'signature', 'hintCodes', 'findingCodes', 'headings', 'sections', 'error', 'nested', 'nestedNotices', 'comparison', 'editActions'] as const;
const SUMMARY_STRINGS = ['title', 'kind', 'alg', 'status', 'statusText', 'countdown', 'signature', 'error', 'comparison'] as const;
const SUMMARY_LISTS = ['hintCodes', 'findingCodes', 'headings', 'sections', 'nested', 'nestedNotices', 'editActions'] as const;

function parseSummary(v: unknown): RenderedSummary | undefined {
  if (!isRecord(v) || !hasExactKeys(v, SUMMARY_KEYS)) return undefined;
  if (v.state !== 'token' && v.state !== 'error' && v.state !== 'empty') return undefined;
  if (!SUMMARY_STRINGS.every((k) => isBoundedString(v[k]))) return undefined;
  if (!SUMMARY_LISTS.every((k) => isStringList(v[k]))) return undefined;
  return {
    state: v.state,
    title: v.title as string,
    kind: v.kind as string,
    alg: v.alg as string,
    status: v.status as string,
    statusText: v.statusText as string,
    countdown: v.countdown as string,
    signature: v.signature as string,
    hintCodes: [...(v.hintCodes as string[])],
    findingCodes: [...(v.findingCodes as string[])],
    headings: [...(v.headings as string[])],
    sections: [...(v.sections as string[])],
    error: v.error as string,
    nested: [...(v.nested as string[])],
    nestedNotices: [...(v.nestedNotices as string[])],
    comparison: v.comparison as string,
    editActions: [...(v.editActions as string[])],
  };
}

/**
 * Validates a message posted by the webview. Returns a fresh, typed copy, or `undefined` for
 * anything outside the closed schema (unknown type, extra or missing keys, wrong value types,
 * oversized strings, non-plain objects).
 */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return hasExactKeys(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'reveal':
      return hasExactKeys(raw, ['type']) ? { type: 'reveal' } : undefined;
    case 'compare':
      return hasExactKeys(raw, ['type']) ? { type: 'compare' } : undefined;
    case 'clearComparison':
      return hasExactKeys(raw, ['type']) ? { type: 'clearComparison' } : undefined;
    case 'edit':
      return hasExactKeys(raw, ['type']) ? { type: 'edit' } : undefined;
    case 'quickEdit': {
      if (!hasExactKeys(raw, ['type', 'edit'])) return undefined;
      const edit = raw.edit;
      return isQuickEdit(edit) ? { type: 'quickEdit', edit } : undefined;
    }
    case 'copy': {
      if (!hasExactKeys(raw, ['type', 'target'])) return undefined;
      const target = COPY_TARGETS.find((t) => t === raw.target);
      return target === undefined ? undefined : { type: 'copy', target };
    }
    case 'validAt': {
      if (!hasExactKeys(raw, ['type', 'at'])) return undefined;
      const at = raw.at;
      if (at === null) return { type: 'validAt', at: null };
      return typeof at === 'number' && Number.isFinite(at) && Math.abs(at) <= MAX_DATE_MS ? { type: 'validAt', at } : undefined;
    }
    case 'rendered': {
      if (!hasExactKeys(raw, ['type', 'summary'])) return undefined;
      const summary = parseSummary(raw.summary);
      return summary === undefined ? undefined : { type: 'rendered', summary };
    }
    default:
      return undefined;
  }
}

const SIGNATURE_STATES: readonly SignatureView['state'][] = ['pending', 'verified', 'invalid-signature', 'key-mismatch', 'unsupported', 'not-checked'];

/** A signature view with a known state and an icon from {@link SIGNATURE_ICONS}. */
export function isSignatureView(v: unknown): v is SignatureView {
  return (
    isRecord(v) &&
    SIGNATURE_STATES.some((s) => s === v.state) &&
    SIGNATURE_ICONS.some((i) => i === v.icon) &&
    typeof v.label === 'string' &&
    typeof v.message === 'string' &&
    (v.timing === undefined || typeof v.timing === 'string') &&
    (v.weakSecret === undefined || isRecord(v.weakSecret))
  );
}

/**
 * Validates a message posted by the extension, in the UI. The host is trusted more than the
 * webview, but the UI still refuses anything that is not a `report` or a `show` of a known state, so a
 * stray message cannot make it render garbage.
 */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (isRecord(raw) && raw.type === 'report' && hasExactKeys(raw, ['type'])) return { type: 'report' };
  if (isRecord(raw) && raw.type === 'signature') {
    return hasExactKeys(raw, ['type', 'signature']) && isSignatureView(raw.signature) ? { type: 'signature', signature: raw.signature } : undefined;
  }
  if (!isRecord(raw) || raw.type !== 'show' || !hasExactKeys(raw, ['type', 'model'])) return undefined;
  const model = raw.model;
  if (!isRecord(model)) return undefined;
  switch (model.state) {
    case 'empty':
      return { type: 'show', model: { state: 'empty' } };
    case 'error':
      return isRecord(model.error) && typeof model.title === 'string' && typeof model.length === 'number'
        ? { type: 'show', model: model as unknown as ErrorViewModel }
        : undefined;
    case 'token':
      return typeof model.title === 'string' &&
        typeof model.alg === 'string' &&
        (model.kind === 'jws' || model.kind === 'unsecured' || model.kind === 'jwe') &&
        Array.isArray(model.parts) &&
        Array.isArray(model.headerRows) &&
        isRecord(model.payload) &&
        isRecord(model.timeClaims) &&
        isRecord(model.size) &&
        Array.isArray(model.hintGroups) &&
        Array.isArray(model.findings) &&
        Array.isArray(model.verdict) &&
        isRecord(model.explanations) &&
        (model.signature === undefined || isSignatureView(model.signature)) &&
        (model.nested === undefined || (isRecord(model.nested) && Array.isArray(model.nested.tokens) && Array.isArray(model.nested.notices))) &&
        (model.comparison === undefined || (isRecord(model.comparison) && typeof model.comparison.headline === 'string' && isStringList(model.comparison.lines))) &&
        (model.editable === undefined || model.editable === 'json' || model.editable === 'claims')
        ? { type: 'show', model: model as unknown as TokenViewModel }
        : undefined;
    default:
      return undefined;
  }
}

/**
 * The inspector's "Copy claims as a Markdown table": the Copy Claims as Table format
 * (`claimsTable` in `src/present/claims.ts`), from the view model's rows, whose values are
 * compact JSON. With `headerRows`, the same table the command copies for the same token.
 */
export function claimsTableMarkdown(rows: readonly ClaimRow[], headerRows: readonly ClaimRow[] = []): string {
  const members = (list: readonly ClaimRow[]): Record<string, string> => Object.fromEntries(list.map((r) => [r.name, claimTextFromJson(r.value)]));
  return claimsTable(members(headerRows), members(rows));
}
