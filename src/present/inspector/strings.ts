/**
 * The inspector page's own words (issue 15), in one table: id → English, with `{0}` where a
 * count, size or name goes (a plural is an entry of its own, never a sentence built of parts).
 * The extension host writes the table in the display language through `l10n.t` (the English
 * text is the bundle key, as everywhere: `l10n/bundle.l10n*.json`) and puts it in the page once,
 * as a JSON data block ({@link webviewLocaleJson}); the page reads it with
 * {@link readWebviewLocale}, which falls back to English for anything missing or malformed, and
 * configures `present/locale.ts` with it ({@link webviewBundle}), so the present texts the page
 * draws (relative times, sizes, numbers) speak the same language. Translated text is data: the
 * page sets it with `textContent` only. Pure: runs on the host and in the webview.
 */
import * as l10n from '@vscode/l10n';
import { MESSAGE_TEXTS } from '../../core/findingTexts';

export const WEBVIEW_STRINGS = {
  'page.title': 'Token Inspector',
  'empty': 'No token selected. Put the cursor on a JWT, or run “Token Lens: Inspect Token at Cursor”.',
  'drawError': 'The inspector could not draw this token: {0}',
  'error.segment': '{0} segment',
  'error.characters': '{0} characters',

  // Summary line and its actions
  'badge.decrypted': 'decrypted',
  'action.copyToken': 'Copy token',
  'action.reveal': 'Reveal',
  'action.reveal.label': 'Reveal token in editor',
  'action.compare': 'Compare with…',
  'action.compare.label': 'Compare this token with another one or the clipboard (diff editor and summary)',
  'action.edit': 'Edit…',
  'action.edit.label': 'Edit the header and payload as JSON in an editor tab; saving re-signs the token',
  // Quick edits of the time claims (issue 11): the visible text, then what it does
  'quick.label': 'Quick edits',
  'quick.note': 'Counted from now. The new token replaces this one where it came from, as one edit you can undo (a clipboard token goes back to the clipboard); the first quick edit asks how to sign it.',
  'quick.exp15m': 'exp +15 min',
  'quick.exp15m.label': 'Set exp to 15 minutes from now',
  'quick.exp1h': 'exp +1 h',
  'quick.exp1h.label': 'Set exp to 1 hour from now',
  'quick.expNow': 'exp now',
  'quick.expNow.label': 'Set exp to now: the token expires now',
  'quick.expRemove': 'Remove exp',
  'quick.expRemove.label': 'Remove exp: the token no longer expires',
  'quick.iatNow': 'iat now',
  'quick.iatNow.label': 'Set iat to now',
  'asOf': 'As of {0}, not now: every status, finding and time below is for that instant.',
  'action.backToNow': 'Back to now',
  'action.backToNow.label': 'Back to now: evaluate at the current time again',

  // Copy buttons: the visible text, then what is copied (the accessible name says both)
  'copy.json': 'Copy JSON',
  'copy.text': 'Copy text',
  'copy.table': 'Copy as table',
  'copy.what.token': 'token',
  'copy.what.header': 'header',
  'copy.what.payload': 'payload',
  'copy.what.claims': 'claims as a Markdown table',

  // Sections
  'section.verdict': 'Verdict',
  'section.payloadClaims': 'Payload claims',
  'section.decryptedPayloadClaims': 'Decrypted payload claims',
  'section.payload': 'Payload',
  'section.header': 'Header',
  'section.times': 'Times',
  'section.signature': 'Signature and verification cost',
  'section.hints': 'Revocation risks',
  'section.size': 'Size',
  'section.rawToken': 'Raw token',
  'section.nestedOne': 'Nested token',
  'section.nestedMany': 'Nested tokens ({0})',
  'section.compared': 'Compared with {0}',

  // Claims tables and their views
  'table.name': 'Name',
  'table.value': 'Value',
  'view.table': 'Table',
  'view.pretty': 'Pretty JSON',
  'view.exact': 'Exact JSON',
  'view.header.group': 'Header view',
  'view.header.table': 'Show the header as table',
  'view.header.pretty': 'Show the header as pretty JSON',
  'view.header.exact': 'Show the header as exact JSON',
  'view.payload.group': 'Payload view',
  'view.payload.table': 'Show the payload as table',
  'view.payload.pretty': 'Show the payload as pretty JSON',
  'view.payload.exact': 'Show the payload as exact JSON',
  'claim.nestedOne': 'Nested token {0}: see its card under “Nested tokens”',
  'claim.nestedMany': 'Nested tokens {0}: see their cards under “Nested tokens”',

  // Verdict and findings
  'verdict.clear': 'No errors or warnings. Informational notes are in the sections below.',
  'verdict.clearNested': 'No errors or warnings.',
  'verdict.noteOne': '{0} security note (info)',
  'verdict.noteMany': '{0} security notes (info)',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'severity.info': 'info',
  'finding.evidence': 'Evidence: {0}',
  'finding.explain': 'Explain {0}',
  'reference.article': 'Article reason {0}: {1}',
  'hints.none': 'No revocation-risk hints for this token.',
  'hints.reason': 'Reason {0} · {1}',
  // The article's five reasons (core ARTICLE_REASONS), by number
  'reason.1': 'Revocation is a Nightmare',
  'reason.2': 'Security Risks with Long-Lived Tokens',
  'reason.3': 'JWTs Are Large and Inefficient',
  'reason.4': 'No Built-In Session Management',
  'reason.5': 'Signature Verification Adds Overhead',

  // Payload
  'payload.notObject': 'JSON that is not an object, so it has no claims:',
  'payload.notJson': 'Text that is not JSON:',
  'payload.bytes': '{0} bytes of binary data: {1}.',
  'payload.encrypted': "Encrypted (JWE): {0} of ciphertext. The claims can only be read with the recipient's key; the header is all that is visible.",

  // Times
  'times.encrypted': 'Expiry unknown: the claims are encrypted (JWE).',
  'times.none': 'No time claims: nothing limits how long this token is accepted.',
  'times.unreadable': 'No readable claims.',
  'times.caption': 'Time claims',
  'times.lifetime': 'Lifetime elapsed',
  'times.lifetimePercent': '{0} % of the lifetime elapsed',
  'times.skew': 'Clock skew tolerated: {0} s.',
  'times.timeline': 'Timeline',
  'times.now': 'now',
  'times.asOf': 'as of',
  'times.outOfRange': 'outside the Date range',
  'time.encrypted': 'expiry unknown (encrypted)',
  // present/locale.ts writes these (the countdown); the page configures it with this table
  'time.never': 'never expires',
  'time.valid': 'valid {0}',
  'time.expiresNow': 'expires now',
  'time.expiredJustNow': 'expired just now',
  'time.expires': 'expires {0}',
  'time.expired': 'expired {0}',
  // present/kind.ts writes this (kindLabel) in the kind badges
  'kind.unsecured': 'Unsecured JWS',
  // present/time.ts says these in the polite live region (countdownAnnouncement, spokenDuration)
  'spoken.encrypted': 'Expiry unknown (encrypted)',
  'spoken.never': 'Never expires: the token has no exp claim',
  'spoken.notYetValidIn': 'Not yet valid: valid in {0}',
  'spoken.notYetValid': 'Not yet valid: {0}',
  'spoken.valid': 'Valid',
  'spoken.expiresIn': 'Expires in {0}',
  'spoken.withinSkew': 'Expired {0} ago, still accepted within the clock skew',
  'spoken.expiredAgo': 'Expired {0} ago',
  'spoken.expired': 'Expired',
  'spoken.lessThanMinute': 'less than a minute',
  'spoken.unbounded': 'an unbounded time',
  'validAt.form': 'Evaluate the token at another time',
  'validAt.label': 'Valid at',
  // What the field reads (core parseInstant understands these English forms in every language)
  'validAt.placeholder': 'in 2 h, yesterday 18:00, 2026-12-01T18:00Z',
  'validAt.evaluate': 'Evaluate',
  'validAt.now': 'Now',
  'validAt.now.label': 'Now: evaluate at the current time again',
  // Why the typed text is not an instant (core parseInstant's messages, by their English: the page's messageText finds them here)
  'validAt.error.empty': MESSAGE_TEXTS['instant.empty'],
  'validAt.error.tooLong': MESSAGE_TEXTS['instant.tooLong'],
  'validAt.error.noClock': MESSAGE_TEXTS['instant.noClock'],
  'validAt.error.outsideRange': MESSAGE_TEXTS['instant.outsideRange'],
  'validAt.error.invalidDate': MESSAGE_TEXTS['instant.invalidDate'],
  'validAt.error.invalidTime': MESSAGE_TEXTS['instant.invalidTime'],
  'validAt.error.unknown': MESSAGE_TEXTS['instant.unknown'],

  // Signature
  'signature.addKey': 'Add a key with “Token Lens: Add Verification Key”; keys stay in VS Code’s secret storage.',
  'signature.measured': 'Measured: {0}. Every request that carries this token pays it (article reason 5).',

  // Size
  'size.total': '{0} · {1}× a 32-byte session id · {2} per million requests',
  'size.segment': '{0}: {1} encoded, {2} decoded',
  'size.warning': 'warning {0}',
  'size.limitUse': '{0}: {1} of {2}',
  'size.exceeded': 'exceeded',
  'size.withinLimit': 'within limit',
  'size.heaviest': 'Heaviest claims',
  'limit.header-line': 'Header line',
  'limit.total-headers': 'All request headers',

  // The raw token
  'raw.legend': 'Colour legend',
  'raw.parts': 'Token with {0} parts: {1}',
  'part.header': 'header',
  'part.payload': 'payload',
  'part.signature': 'signature',
  'part.encrypted_key': 'encrypted key',
  'part.iv': 'iv',
  'part.ciphertext': 'ciphertext',
  'part.tag': 'tag',

  // Nested tokens
  'nested.claims': 'Claims',
  'nested.claimsOf': 'Claims of {0}',
  'nested.headerOf': 'Header of {0}',
  'nested.tokens': 'Nested tokens',
  'nested.signature': 'Signature: {0}',
  'nested.notObject': 'The payload is JSON that is not an object, so it has no claims.',
  'nested.notJson': 'The payload is text that is not JSON.',
  'nested.bytes': 'The payload is {0} bytes of binary data: {1}.',
  'nested.encrypted': 'Encrypted (JWE): {0} of ciphertext; only the header is visible.',
  // Where the search stopped (core nested.ts notices, by code)
  'nested.notice.tooMany': 'More than {0} nested tokens: the ones from {1} on are not decoded',
  'nested.notice.tooDeep': 'A token nested {0} levels deep ({1}) is not decoded: nested tokens are shown to a depth of {2}',
  'nested.notice.encrypted': 'The header says the payload is a nested JWT (cty: JWT), but it is encrypted: only the recipient can read it',

  // Comparison
  'compare.close': 'Close',
  'compare.close.label': 'Close the comparison',
  'compare.changes': 'Changes from this token to the other one',
  'compare.sides': 'This token → {0}: this token is the left side of the diff editor.',
} as const satisfies Record<string, string>;

export type WebviewStringId = keyof typeof WEBVIEW_STRINGS;
export type WebviewStrings = Readonly<Record<WebviewStringId, string>>;

/** What the page is told once: its display language and its words in it. */
export interface WebviewLocale {
  readonly language: string;
  readonly strings: WebviewStrings;
}

const IDS = Object.keys(WEBVIEW_STRINGS) as WebviewStringId[];

/** A language tag the page may use (`en`, `de`, `zh-cn`, `pt-BR`); anything else is English. */
const LANGUAGE = /^[a-z]{2,3}(?:-[a-z0-9]{1,8}){0,3}$/i;

/** The longest translated entry the page accepts (the longest English one is under 200). */
const MAX_TEXT = 1000;

/** A language tag or `en`: what the page's `lang` attribute and its Intl formats get. */
export function languageTag(language: string | undefined): string {
  return language !== undefined && LANGUAGE.test(language) ? language : 'en';
}

/** The placeholders of a text, sorted (`{0}`, `{1}`): a translation keeps every one. */
function placeholders(text: string): string {
  return [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join(' ');
}

/**
 * The table in the display language: each English text through `l10n.t` (configured by
 * `configureLocale` at activation; unconfigured, the English itself). Extension host only.
 */
export function localizedWebviewStrings(): WebviewStrings {
  const out: Record<string, string> = {};
  for (const id of IDS) out[id] = l10n.t(WEBVIEW_STRINGS[id]);
  return out as WebviewStrings;
}

/**
 * The page's data block: JSON with `<`, `>` and `&` as `\u` escapes, so no translated text can
 * end the `<script type="application/json">` element it sits in or start markup.
 */
export function webviewLocaleJson(locale: WebviewLocale): string {
  return JSON.stringify({ language: languageTag(locale.language), strings: locale.strings }).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Reads the data block's text (the page's side). Total: text that is no JSON, not an object,
 * an entry that is missing, not a string, too long or without the English entry's placeholders
 * each fall back to English (a bad language tag to `en`); unknown ids are ignored.
 */
export function readWebviewLocale(text: string | null | undefined): WebviewLocale {
  let raw: unknown;
  try {
    raw = typeof text === 'string' ? JSON.parse(text) : undefined;
  } catch {
    raw = undefined;
  }
  const record = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const given = record.strings !== null && typeof record.strings === 'object' && !Array.isArray(record.strings) ? (record.strings as Record<string, unknown>) : {};
  const strings: Record<string, string> = {};
  for (const id of IDS) {
    const english = WEBVIEW_STRINGS[id];
    const value = Object.prototype.hasOwnProperty.call(given, id) ? given[id] : undefined;
    strings[id] = typeof value === 'string' && value.trim() !== '' && value.length <= MAX_TEXT && placeholders(value) === placeholders(english) ? value : english;
  }
  return { language: languageTag(typeof record.language === 'string' ? record.language : undefined), strings: strings as WebviewStrings };
}

/** `{0}`, `{1}` … of `template` replaced by `args` (a placeholder without an argument stays). */
export function fillPlaceholders(template: string, args: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (match, n: string) => args[Number(n)] ?? match);
}

/**
 * The page's words as an `l10n` bundle (English text → translation), for `configureLocale` in
 * the page: the present texts it draws through `l10n.t` (the countdown's `expires {0}`) are
 * entries of the table too.
 */
export function webviewBundle(strings: WebviewStrings): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of IDS) out[WEBVIEW_STRINGS[id]] = strings[id];
  return out;
}
