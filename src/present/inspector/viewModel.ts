/**
 * Builds the serialisable inspector view model from a core inspection. Pure (no `vscode`):
 * unit-tested directly, called by the panel and the sidebar view.
 */
import { format, applyEdits } from 'jsonc-parser';
import * as l10n from '@vscode/l10n';
import { ARTICLE_REASONS, claimInfo, headerParameterInfo, inspectDecoded, inspectToken, nestedTokens, sortFindings } from '../../core';
import type { ArticleReason, ComparisonSummary, DecodedToken, DecryptedToken, Finding, InnerToken, InspectOptions, Inspection, JsonObject, JsonValue, NestedTokens } from '../../core';
import { decryptionText, type DecryptionState } from '../decryption';
import { comparisonHeadline, comparisonLines } from '../compare';
import { localizedFinding, messageText } from '../findingText';
import { headerAlg } from '../summary';
import type { ClaimRow, ComparisonView, DecryptionView, HintGroup, InspectorViewModel, NestedTokenView, NestedView, PayloadView, SignatureView, TokenPart, TokenViewModel } from './protocol';

/** Name and explanation of a registered claim or header parameter, when known. */
export interface ClaimDescription {
  readonly title: string;
  readonly description: string;
}

/** Looks up a claim (`segment` 'payload') or header parameter (`segment` 'header'). */
export type ClaimDescriber = (name: string, segment: 'header' | 'payload') => ClaimDescription | undefined;

/** Inputs of {@link buildViewModel} that come from settings and the caller. */
export interface ViewModelOptions {
  readonly title: string;
  readonly now: number;
  readonly clockSkewSec: number;
  readonly maxLifetimeSec: number;
  readonly sizeWarningBytes: number;
  readonly timeDisplay: 'local' | 'utc';
  readonly canReveal: boolean;
  /** Set when `now` is an instant the user chose ("valid at…") rather than the current time. */
  readonly asOf?: boolean;
  /** Claim explanations; default {@link describeRegistered}. */
  readonly describe?: ClaimDescriber;
  /** What a finding code means (the findings page's table), for each finding's "Explain". */
  readonly explain?: (code: string) => string | undefined;
  /** The token's last comparison with another one (*Compare with…*): shown until another token is. */
  readonly comparison?: { readonly summary: ComparisonSummary; readonly other: string };
  /** `tokenLens.decryption.maxPbes2Count`: the bound finding TL214 names (what decryption refuses). */
  readonly maxPbes2Count?: number;
  /**
   * A JWE's decryption with the stored keys, when a decrypter is wired: the view shows it, and
   * a decrypted token's plaintext in place of the ciphertext (see {@link DecryptionInput}).
   */
  readonly decryption?: DecryptionInput;
}

/**
 * What the inspector session knows of a JWE's decryption (present/decryption.ts states), with
 * the signature status of each inner token by its text (checked with the stored verification
 * keys and never cached beyond the session). Memory only: the session drops it with the token.
 */
export type DecryptionInput = DecryptionState & { readonly signatures?: ReadonlyMap<string, SignatureView> };

/** Longest JSON text re-indented for the pretty view; beyond it the exact text is shown. */
const MAX_PRETTY_CHARS = 256 * 1024;

/**
 * `json` re-indented by two spaces with jsonc-parser's formatter, which only changes
 * whitespace: every literal (big numbers, escapes, key order, duplicate keys) stays as written.
 */
export function prettyJson(json: string): string {
  if (json.length > MAX_PRETTY_CHARS) return json;
  try {
    return applyEdits(json, format(json, undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
  } catch {
    return json;
  }
}

/** Errors and warnings of every kind, errors first (the verdict card). */
export function verdictFindings(findings: readonly Finding[], hints: readonly Finding[]): Finding[] {
  return sortFindings([...findings, ...hints].filter((f) => f.severity !== 'info'));
}

/** Registered JWT/OIDC claims and JOSE header parameters from the core registry (`claims.ts`). */
export const describeRegistered: ClaimDescriber = (name, segment) => {
  const info = segment === 'header' ? headerParameterInfo(name) : claimInfo(name);
  // The registry's English is the bundle key (scripts/l10n-webview.mjs adds it); the source is a citation.
  return info === undefined ? undefined : { title: l10n.t(info.label), description: `${l10n.t(info.description)} (${info.source})` };
};

const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'auth_time'] as const;

const JWS_PARTS = ['header', 'payload', 'signature'] as const;
const JWE_PARTS = ['header', 'encrypted_key', 'iv', 'ciphertext', 'tag'] as const;

function compactJson(v: JsonValue): string {
  return JSON.stringify(v) ?? 'null';
}

function claimRows(obj: JsonObject, segment: 'header' | 'payload', describe: ClaimDescriber = describeRegistered, nested?: NestedTokens): ClaimRow[] {
  // The nested tokens each claim holds (a `cty: JWT` payload is no claim's).
  const inClaim = new Map<string, string[]>();
  for (const t of nested?.tokens ?? []) {
    const name = t.via === 'claim' ? t.path[0] : undefined;
    if (typeof name === 'string') inClaim.set(name, [...(inClaim.get(name) ?? []), t.label]);
  }
  return Object.keys(obj).map((name) => {
    const value = obj[name] as JsonValue;
    const d = describe(name, segment);
    const timeClaim = segment === 'payload' && (TIME_CLAIMS as readonly string[]).includes(name);
    const seconds = timeClaim && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e12 ? value : undefined;
    return {
      name,
      value: compactJson(value),
      ...(d !== undefined ? { title: d.title, description: d.description } : {}),
      ...(seconds !== undefined ? { seconds } : {}),
      ...(inClaim.has(name) ? { nested: inClaim.get(name) } : {}),
    };
  });
}

/** Hints grouped by article reason, reasons in article order, empty reasons left out. */
export function groupHints(hints: readonly Finding[]): HintGroup[] {
  const groups: HintGroup[] = [];
  for (const reason of [1, 2, 3, 4, 5] as const satisfies readonly ArticleReason[]) {
    const inReason = hints.filter((h) => h.reference.kind === 'article' && h.reference.reason === reason);
    if (inReason.length > 0) groups.push({ reason, title: ARTICLE_REASONS[reason], hints: inReason });
  }
  return groups;
}

function payloadView(inspection: Inspection, describe: ClaimDescriber | undefined, nested: NestedTokens): PayloadView {
  const p = inspection.decoded.payload;
  switch (p.type) {
    case 'claims':
      return { type: 'claims', rows: claimRows(p.claims, 'payload', describe, nested), json: p.json, pretty: prettyJson(p.json) };
    case 'json':
      return { type: 'json', json: p.json, pretty: prettyJson(p.json) };
    case 'text':
      return { type: 'text', text: p.text };
    case 'bytes':
      return { type: 'bytes', byteLength: p.byteLength, reason: p.reason };
    case 'encrypted':
      return { type: 'encrypted', ciphertextBytes: p.ciphertextBytes };
  }
}

/** The core inspection options the view model's options stand for (the nested tokens are inspected with them). */
function inspectOptionsOf(options: ViewModelOptions): InspectOptions {
  return {
    now: options.now,
    clockSkewSec: options.clockSkewSec,
    thresholds: { maxLifetimeSec: options.maxLifetimeSec, sizeWarningBytes: options.sizeWarningBytes, ...(options.maxPbes2Count !== undefined ? { maxPbes2Count: options.maxPbes2Count } : {}) },
  };
}

/**
 * The comparison section: `present/compare.ts`'s headline and detail lines (one home for how a
 * comparison reads), the shown token on the left.
 */
function comparisonView(summary: ComparisonSummary, other: string): ComparisonView {
  return { other, identical: summary.identical, headline: comparisonHeadline(summary), lines: comparisonLines(summary) };
}

/** The nested cards: each inner token's own view model (no copy, no reveal, no comparison), its inner tokens inside it. */
function nestedView(nested: NestedTokens, options: ViewModelOptions): NestedView | undefined {
  if (nested.tokens.length === 0 && nested.notices.length === 0) return undefined;
  const inner: ViewModelOptions = { ...options, canReveal: false, comparison: undefined };
  return {
    tokens: nested.tokens.map((t) => ({ label: t.label, depth: t.depth, via: t.via, model: tokenView(t.inspection, { ...inner, title: t.label }, t) })),
    notices: nested.notices,
  };
}

/** The view model of an inspection made with the same options, with its nested tokens and comparison. */
export function viewModelOfInspection(inspection: Inspection, options: ViewModelOptions): InspectorViewModel {
  return tokenView(inspection, options, nestedTokens(inspection.decoded, inspectOptionsOf(options)));
}

function tokenView(inspection: Inspection, options: ViewModelOptions, nested: NestedTokens): TokenViewModel {
  const { decoded } = inspection;
  const segments = decoded.token.split('.');
  const names = decoded.kind === 'jwe' ? JWE_PARTS : JWS_PARTS;
  const parts: TokenPart[] = names.map((name, i) => {
    const broken = decoded.segmentErrors?.find((e) => e.segment === name);
    return { name, text: segments[i] ?? '', ...(broken !== undefined ? { error: messageText(broken) } : {}) };
  });
  const claims = decoded.payload.type === 'claims' ? decoded.payload.claims : undefined;
  const timeClaims: JsonObject = {};
  for (const name of TIME_CLAIMS) {
    if (claims !== undefined && Object.prototype.hasOwnProperty.call(claims, name)) timeClaims[name] = claims[name] as JsonValue;
  }
  const alg = headerAlg(decoded.header) ?? '';
  const verdict = verdictFindings(inspection.findings, inspection.hints).map(localizedFinding);
  const enc = typeof decoded.header.enc === 'string' ? decoded.header.enc : undefined;
  const inner = nestedView(nested, options);
  return {
    state: 'token',
    title: options.title,
    kind: decoded.kind,
    alg,
    ...(enc !== undefined ? { enc } : {}),
    parts,
    headerRows: claimRows(decoded.header, 'header', options.describe),
    headerJson: decoded.headerJson,
    headerPretty: prettyJson(decoded.headerJson),
    payload: payloadView(inspection, options.describe, nested),
    ...(decoded.payloadNote !== undefined ? { payloadNote: decoded.payloadNote } : {}),
    timeClaims,
    clockSkewSec: options.clockSkewSec,
    status: inspection.time.status,
    statusText: inspection.time.relative,
    timeDisplay: options.timeDisplay,
    size: inspection.size,
    sizeWarningBytes: options.sizeWarningBytes,
    // The cost note in the display language (core COST_NOTES, the bundle keys); alg and family are names.
    algorithm: { ...inspection.algorithm, costNote: l10n.t(inspection.algorithm.costNote) },
    hintGroups: groupHints(inspection.hints.map(localizedFinding)),
    findings: inspection.findings.map(localizedFinding),
    verdict,
    explanations: explanationsOf([...verdict, ...inspection.findings, ...inspection.hints], options.explain),
    canReveal: options.canReveal,
    ...(options.asOf === true ? { asOf: options.now } : {}),
    ...(inner !== undefined ? { nested: inner } : {}),
    ...(options.comparison !== undefined ? { comparison: comparisonView(options.comparison.summary, options.comparison.other) } : {}),
  };
}

/** The explanations of the codes of `findings` (plus TL401, which the signature check may add). */
function explanationsOf(findings: readonly Finding[], explain: ((code: string) => string | undefined) | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (explain === undefined) return out;
  for (const code of new Set([...findings.map((f) => f.code), 'TL401'])) {
    const text = explain(code);
    if (text !== undefined) out[code] = text;
  }
  return out;
}

/** Inspects `token` with core and returns the view model (a decode error becomes an error model). */
export function buildViewModel(token: string, options: ViewModelOptions): InspectorViewModel {
  const result = inspectToken(token, inspectOptionsOf(options));
  if (!result.ok) {
    return { state: 'error', title: options.title, error: { ...result.error, message: messageText(result.error) }, length: token.length, canReveal: options.canReveal };
  }
  const decryption = options.decryption;
  if (decryption !== undefined && result.value.decoded.kind === 'jwe') {
    if (decryption.state === 'decrypted') return decryptedView(result.value, decryption.decrypted, decryption, options);
    return { ...tokenView(result.value, options, nestedTokens(result.value.decoded, inspectOptionsOf(options))), decryption: decryptionView(decryption) };
  }
  return viewModelOfInspection(result.value, options);
}

/** The decryption card's words (present/decryption.ts) for one level. */
function decryptionView(state: DecryptionState): DecryptionView {
  const text = decryptionText(state);
  return { state: state.state, headline: text.headline, message: text.message, icon: text.icon, notes: state.state === 'decrypted' ? [...state.decrypted.notes] : [] };
}

/** What the payload pane says of a plaintext that is a token. */
const innerTokenNote = (): string => l10n.t('The decrypted plaintext is a nested token: its header, claims, times, findings and signature are in its card under “Nested token”.');

/** Label of a decrypted plaintext that is a token although the header has no `cty: JWT`. */
const plaintextTokenLabel = (): string => l10n.t('payload (decrypted token)');

/**
 * A decrypted JWE: the outer token's header and parts, with the plaintext in place of the
 * ciphertext — analysed by core `inspectDecoded` as a JWS payload would be (claims, times,
 * findings, size) — the inner token (`cty: JWT`) as a nested card with its own header, claims,
 * times, findings and signature, and an inner JWE decrypted in turn (core `decryptToken` went
 * to depth 3). Everything is inspected at `options.now`, so "valid at…" needs no decryption.
 */
function decryptedView(outer: Inspection, d: DecryptedToken, input: DecryptionInput, options: ViewModelOptions): TokenViewModel {
  const opts = inspectOptionsOf(options);
  const inner = d.inner;
  // A plaintext that is a token is shown as its card: it is no claims set the outer token failed to be (TL304).
  const decoded: DecodedToken = { ...outer.decoded, payload: d.payload, ...(inner !== undefined ? { payloadNote: innerTokenNote() } : {}) };
  const analysed = inspectDecoded(decoded, opts);
  const inspection = inner !== undefined ? { ...analysed, findings: analysed.findings.filter((f) => !f.code.startsWith('TL304')) } : analysed;
  let nested = nestedTokens(decoded, opts);
  if (inner !== undefined && !nested.tokens.some((t) => t.via === 'cty' && t.path.length === 0)) {
    // The plaintext is a token, but the header does not say cty: JWT (nestedTokens looks only then).
    const own = inspectToken(inner.token, opts);
    if (own.ok) {
      const deeper = nestedTokens(own.value.decoded, opts);
      nested = { tokens: [{ path: [], label: plaintextTokenLabel(), depth: 1, via: 'cty', token: inner.token, inspection: own.value, tokens: deeper.tokens, notices: deeper.notices }, ...nested.tokens], notices: nested.notices };
    }
  }
  const model = tokenView(inspection, options, nested);
  const cards = model.nested?.tokens.map((card) => (inner !== undefined && card.depth === 1 && card.via === 'cty' ? innerCard(card, inner, input, options) : card));
  return { ...model, ...(model.nested !== undefined && cards !== undefined ? { nested: { ...model.nested, tokens: cards } } : {}), decryption: decryptionView(input) };
}

/** The inner token's card: its signature with the stored keys, or — an inner JWE — its own decryption. */
function innerCard(card: NestedTokenView, inner: InnerToken, input: DecryptionInput, options: ViewModelOptions): NestedTokenView {
  if (inner.decrypted !== undefined) {
    const own = inspectToken(inner.token, inspectOptionsOf(options));
    if (!own.ok) return card;
    const level: DecryptionInput = { state: 'decrypted', decrypted: inner.decrypted, keyLabels: input.state === 'decrypted' ? input.keyLabels : [], ...(input.signatures !== undefined ? { signatures: input.signatures } : {}) };
    return { ...card, model: decryptedView(own.value, inner.decrypted, level, { ...options, title: card.label, canReveal: false, comparison: undefined }) };
  }
  if (inner.error !== undefined) return { ...card, model: { ...card.model, decryption: decryptionView({ state: 'failed', error: inner.error }) } };
  const signature = input.signatures?.get(inner.token);
  return signature !== undefined ? { ...card, model: { ...card.model, signature } } : card;
}

/** Text a copy button puts on the clipboard, or `undefined` when the token has no such part. */
export function copyText(model: InspectorViewModel, token: string, target: 'header' | 'payload' | 'token'): string | undefined {
  if (target === 'token') return token;
  if (model.state !== 'token') return undefined;
  if (target === 'header') return model.headerJson;
  const p = model.payload;
  return p.type === 'claims' || p.type === 'json' ? p.json : p.type === 'text' ? p.text : undefined;
}
