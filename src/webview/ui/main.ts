/**
 * Inspector webview UI (bundled to `dist/webview.js`, runs in the webview's browser context).
 * Draws the view model with DOM APIs and `textContent` only: token data never goes through
 * `innerHTML`. A one-second timer updates only the countdown text nodes, the status badge and
 * the lifetime bar; the page itself is drawn once per `show`. No `setState`: tokens are not
 * persisted in webview state.
 */
import { parseInstant, timeReport } from '../../core';
import type { Finding, Reference, TimeStatus } from '../../core';
import { parseHostMessage } from '../../present/inspector/protocol';
import { kindLabel, limitText, messageText, severityIcon, statusLook } from '../../present';
import { countdownAnnouncement, nextAnnouncement, type Announcement } from '../../present/time';
import { configureLocale, dateLocale, displayLanguageOf, numberText, relativeText, relativeTimeText } from '../../present/locale';
import { bytesText, sizeText } from '../../present/size';
import { fillPlaceholders, readWebviewLocale, webviewBundle, type WebviewStringId } from '../../present/inspector/strings';
import type { ClaimRow, ComparisonView, CopyTarget, DecryptionView, ErrorViewModel, InspectorViewModel, NestedTokenView, NestedView, RenderedSummary, SignatureView, TokenViewModel, WebviewMessage } from '../../present/inspector/protocol';
import type { QuickEdit } from '../../core/quickEdits';
import { MAX_NESTED_DEPTH, MAX_NESTED_TOKENS, type NestedNotice } from '../../core/nested';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

/**
 * The page's words in the display language, read once from the host's data block (English for
 * anything missing or malformed); the present texts drawn here (countdown, sizes, numbers) use
 * the same language and words.
 */
const locale = readWebviewLocale(document.getElementById('strings')?.textContent);
configureLocale(locale.language, webviewBundle(locale.strings));
document.title = locale.strings['page.title'];

/** The page's text `id`, its `{0}` … filled with `args` (numbers in the display language's digits). */
function t(id: WebviewStringId, ...args: (string | number)[]): string {
  return fillPlaceholders(locale.strings[id], args.map((a) => (typeof a === 'number' ? numberText(a) : a)));
}

/** The title of the article's reason `n` in the display language (`title`, the core's English, for any other number). */
function reasonTitle(n: number, title: string): string {
  const id = `reason.${n}`;
  return Object.prototype.hasOwnProperty.call(locale.strings, id) ? locale.strings[id as WebviewStringId] : title;
}

/** A token part's (or size segment's) name in words: `encrypted key` for `encrypted_key`. */
function partName(name: string): string {
  const id = `part.${name}`;
  return Object.prototype.hasOwnProperty.call(locale.strings, id) ? locale.strings[id as WebviewStringId] : name.replace('_', ' ');
}

/** `n` with `digits` decimals: `25.4` in English, `25,4` in German. */
function fixed(n: number, digits: number): string {
  return displayLanguageOf() === undefined ? n.toFixed(digits) : numberText(n, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
/** The page's one polite live region (outside #root): the countdown in minutes, not seconds. */
const announcer = document.getElementById('announcer');
let announced: Announcement | undefined;

let current: InspectorViewModel = { state: 'empty' };
let ticker: ReturnType<typeof setInterval> | undefined;
/** A status badge that ticks, and the token it is for (the shown token, or one nested in it). */
interface StatusBadge {
  model: TokenViewModel;
  readonly badge: HTMLElement;
}
let live: { model: TokenViewModel; badge: HTMLElement; bar?: HTMLElement; barLabel?: HTMLElement; relatives: { el: HTMLElement; seconds: number }[]; nested: StatusBadge[] } | undefined;

// ---------------------------------------------------------------------------------------
// DOM helpers
// ---------------------------------------------------------------------------------------

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls !== undefined) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function icon(name: string, label?: string): HTMLElement {
  const i = el('span', `codicon codicon-${name}`);
  if (label === undefined) i.setAttribute('aria-hidden', 'true');
  else {
    i.setAttribute('role', 'img');
    i.setAttribute('aria-label', label);
  }
  return i;
}

function button(text: string, iconName: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', 'action');
  b.type = 'button';
  // The accessible name holds the visible text (WCAG 2.5.3 label in name), so speech input can use it.
  const name = label.toLowerCase().includes(text.toLowerCase()) ? label : `${text}: ${label}`;
  b.setAttribute('aria-label', name);
  b.title = label;
  b.append(icon(iconName), el('span', 'action-label', text));
  b.addEventListener('click', onClick);
  return b;
}

function copyButton(target: CopyTarget, what: string, text: string): HTMLButtonElement {
  // The accessible name starts with the visible text (WCAG 2.5.3), then says what is copied.
  const label = text.toLowerCase().includes(what.toLowerCase()) ? text : `${text} (${what})`;
  return button(text, 'copy', label, () => vscode.postMessage({ type: 'copy', target }));
}

function section(id: string, heading: string, ...actions: HTMLElement[]): { section: HTMLElement; body: HTMLElement } {
  const s = el('section', 'card');
  s.id = id;
  s.setAttribute('aria-labelledby', `${id}-heading`);
  const head = el('div', 'card-head');
  const h = el('h2', undefined, heading);
  h.id = `${id}-heading`;
  const tools = el('div', 'card-tools');
  tools.append(...actions);
  head.append(h, tools);
  const body = el('div', 'card-body');
  s.append(head, body);
  return { section: s, body };
}

// ---------------------------------------------------------------------------------------
// Time
// ---------------------------------------------------------------------------------------

function absoluteTime(seconds: number, display: 'local' | 'utc'): string {
  const d = new Date(seconds * 1000);
  if (Number.isNaN(d.getTime())) return t('times.outOfRange');
  return display === 'utc' ? d.toISOString().replace('.000Z', 'Z') : d.toLocaleString(dateLocale(), { dateStyle: 'medium', timeStyle: 'long' });
}

/**
 * The time status in words at `now` ("expires in 14 min 20 s", "expired 3 days ago"): the one
 * countdown of the page. A token without readable claims has no time status; a JWE's claims are
 * encrypted, so its expiry is unknown rather than "never".
 */
function countdownText(model: TokenViewModel, now: number): { status: TimeStatus; relative: string; spoken: ReturnType<typeof countdownAnnouncement>; fraction?: number } {
  const readable = model.payload.type === 'claims';
  const r = timeReport(readable ? model.timeClaims : undefined, { now, clockSkewSec: model.clockSkewSec });
  const encrypted = model.payload.type === 'encrypted';
  const relative = encrypted ? t('time.encrypted') : relativeText(r);
  const spoken = countdownAnnouncement(r, encrypted ? 'jwe' : undefined);
  return { status: r.status, relative, spoken, ...(r.elapsedFraction !== undefined ? { fraction: r.elapsedFraction } : {}) };
}

/** The live region follows the countdown politely: at once on a change of state, else once a minute. */
function announce(model: TokenViewModel, spoken: ReturnType<typeof countdownAnnouncement>): void {
  const subject = `${model.parts.map((p) => p.text).join('.')}@${model.asOf ?? 'now'}`;
  const next = nextAnnouncement(announced, { subject, ...spoken }, Date.now());
  if (next === undefined) return;
  announced = next;
  if (announcer !== null) announcer.textContent = next.text;
}

/** No token, no countdown: the live region says nothing (an error card is an alert of its own). */
function silence(): void {
  announced = undefined;
  if (announcer !== null) announcer.textContent = '';
}

/** True when the shown token's signature verified (only then is a live token shown in green). */
function verified(model: TokenViewModel): boolean {
  return model.signature?.state === 'verified';
}

/** Draws a status badge for `now`: icon, relative time, and the tone of the border. */
function paintStatus({ model, badge }: StatusBadge, now: number): ReturnType<typeof countdownText> {
  const t = countdownText(model, now);
  // Green means only "verified and not expired"; an unverified live token is shown neutral.
  const tone = t.status === 'valid' && !verified(model) ? 'valid-unverified' : t.status;
  badge.className = `${badge.className.replace(/\bstatus-\S+/g, '').trim()} status-${tone}`;
  badge.dataset.status = t.status;
  badge.replaceChildren(icon(statusLook(t.status).icon), document.createTextNode(` ${t.relative}`));
  return t;
}

function tick(): void {
  if (live === undefined) return;
  const now = live.model.asOf ?? Date.now();
  const status = paintStatus(live, now);
  announce(live.model, status.spoken);
  for (const n of live.nested) paintStatus(n, now);
  if (live.bar !== undefined && status.fraction !== undefined) {
    const pct = Math.round(status.fraction * 1000) / 10;
    live.bar.style.width = `${pct}%`;
    live.bar.parentElement?.setAttribute('aria-valuenow', String(Math.round(pct)));
    if (live.barLabel !== undefined) live.barLabel.textContent = t('times.lifetimePercent', fixed(pct, 1));
  }
  for (const r of live.relatives) r.el.textContent = relativeTimeText(r.seconds * 1000 - now);
}

// ---------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------

/** At most 64 characters of a value, `…` when cut (a surrogate pair is never split). */
function shortValue(text: string): string {
  if (text.length <= 64) return text;
  const high = text.charCodeAt(62);
  return `${text.slice(0, high >= 0xd800 && high <= 0xdbff ? 62 : 63)}…`;
}

function claimTable(rows: readonly ClaimRow[], caption: string, timeDisplay: 'local' | 'utc', relatives: { el: HTMLElement; seconds: number }[]): HTMLElement {
  const table = el('table', 'claims');
  table.append(el('caption', 'visually-hidden', caption));
  const head = el('tr');
  for (const h of [t('table.name'), t('table.value')]) {
    const th = el('th', undefined, h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  for (const r of rows) {
    const tr = el('tr');
    const name = el('th', 'claim-name');
    name.scope = 'row';
    name.append(el('code', undefined, r.name));
    if (r.title !== undefined) name.append(el('div', 'claim-title', r.title));
    if (r.description !== undefined) name.title = r.description;
    const value = el('td', 'claim-value');
    // A claim holding a nested token: its value cut short, the token itself is in its card.
    value.append(el('code', undefined, r.nested !== undefined ? shortValue(r.value) : r.value));
    if (r.nested !== undefined) {
      const note = el('div', 'claim-nested');
      note.append(icon('key'), document.createTextNode(` ${t(r.nested.length === 1 ? 'claim.nestedOne' : 'claim.nestedMany', r.nested.join(', '))}`));
      value.append(note);
    }
    if (r.seconds !== undefined) {
      const when = el('div', 'claim-time');
      when.append(el('span', 'abs', absoluteTime(r.seconds, timeDisplay)), document.createTextNode(' · '));
      const rel = el('span', 'rel');
      relatives.push({ el: rel, seconds: r.seconds });
      when.append(rel);
      value.append(when);
    }
    if (r.description !== undefined) value.append(el('div', 'claim-desc', r.description));
    tr.append(name, value);
    table.tBodies[0]?.append(tr);
  }
  return table;
}

/**
 * A claims table with two other views of the same segment: the JSON re-indented ("Pretty") and
 * exactly as in the token ("Exact"). One view shows at a time; the buttons say which.
 */
function claimsViews(rows: readonly ClaimRow[], json: string, pretty: string, segment: 'header' | 'payload', model: TokenViewModel, relatives: { el: HTMLElement; seconds: number }[]): { body: HTMLElement; toggles: HTMLElement } {
  const body = el('div');
  const caption = t(segment === 'header' ? 'section.header' : 'section.payload');
  const views: [string, string, string, HTMLElement][] = [
    [t('view.table'), t(`view.${segment}.table`), 'table', claimTable(rows, caption, model.timeDisplay, relatives)],
    [t('view.pretty'), t(`view.${segment}.pretty`), 'json', rawJson(pretty, 'pretty')],
    [t('view.exact'), t(`view.${segment}.exact`), 'symbol-string', rawJson(json, 'exact')],
  ];
  const group = el('div', 'view-switch');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', t(`view.${segment}.group`));
  const buttons = views.map(([label, does, iconName, view], i) => {
    const b = button(label, iconName, does, () => {
      views.forEach(([, , , v], j) => (v.hidden = j !== i));
      buttons.forEach((other, j) => other.setAttribute('aria-pressed', String(j === i)));
    });
    b.setAttribute('aria-pressed', String(i === 0));
    view.hidden = i !== 0;
    return b;
  });
  group.append(...buttons);
  body.append(...views.map(([, , , v]) => v));
  return { body, toggles: group };
}

function rawJson(text: string, kind: 'pretty' | 'exact'): HTMLElement {
  const pre = el('pre', `raw-json raw-${kind}`);
  pre.tabIndex = 0; // it scrolls sideways: keyboard users reach it to scroll it (WCAG 2.1.1)
  pre.append(el('code', undefined, text));
  return pre;
}

function referenceText(r: Reference): string {
  switch (r.kind) {
    case 'article':
      return t('reference.article', r.reason, reasonTitle(r.reason, r.title));
    case 'rfc':
      return `RFC ${r.rfc} §${r.section} (${r.title})`;
    case 'owasp':
      return `OWASP: ${r.title}`;
  }
}

/**
 * One finding: icon, code, message and evidence; with `explain`, a disclosure with what the
 * code means and where it comes from (the verdict card's "link to its explanation").
 */
function findingItem(f: Finding, withReference: boolean, explanations?: Readonly<Record<string, string>>): HTMLElement {
  const li = el('li', `finding severity-${f.severity}`);
  li.dataset.code = f.code;
  li.append(icon(severityIcon(f.severity), t(`severity.${f.severity}`)));
  const text = el('div', 'finding-text');
  const line = el('div', 'finding-message');
  line.append(el('span', 'code', f.code), document.createTextNode(` ${f.message}`));
  text.append(line, el('div', 'finding-evidence', t('finding.evidence', f.evidence)));
  if (explanations !== undefined) {
    const details = el('details', 'explain');
    details.append(el('summary', undefined, t('finding.explain', f.code)));
    const meaning = explanations[f.code];
    if (meaning !== undefined) details.append(el('p', undefined, meaning));
    details.append(el('p', 'finding-ref', referenceText(f.reference)));
    text.append(details);
  } else if (withReference) text.append(el('div', 'finding-ref', referenceText(f.reference)));
  li.append(text);
  return li;
}

function tokenParts(model: TokenViewModel): HTMLElement {
  const code = el('code', 'token-text');
  model.parts.forEach((p, i) => {
    if (i > 0) code.append(el('span', 'dot', '.'));
    const s = el('span', `part part-${p.name}${p.error !== undefined ? ' part-broken' : ''}`, p.text);
    s.title = p.error ?? `${partName(p.name)} (${sizeText(p.text.length)})`;
    code.append(s);
  });
  const legend = el('ul', 'legend');
  legend.setAttribute('aria-label', t('raw.legend'));
  for (const p of model.parts) {
    const li = el('li');
    li.append(el('span', `swatch part-${p.name}`), document.createTextNode(partName(p.name)));
    legend.append(li);
  }
  const wrap = el('div', 'token');
  // <code> takes no aria-label (no role): the summary is a sentence of its own.
  wrap.append(el('p', 'visually-hidden', t('raw.parts', model.parts.length, model.parts.map((p) => partName(p.name)).join(', '))), code, legend);
  for (const p of model.parts) if (p.error !== undefined) wrap.append(el('p', 'notice part-error-text', p.error));
  return wrap;
}

function sizeSection(model: TokenViewModel): HTMLElement {
  const { section: s, body } = section('size', t('section.size'));
  const size = model.size;
  const total = Math.max(1, size.totalBytes);
  body.append(el('p', 'size-total', t('size.total', bytesText(size.totalBytes), fixed(size.timesSessionId, 1), bytesText(size.bytesPerMillionRequests))));
  // The bar's scale is the largest relevant limit so the limit markers fit on it.
  const scale = Math.max(total, ...size.limits.filter((l) => l.bytes <= total * 4 || l.exceeded).map((l) => l.bytes), model.sizeWarningBytes);
  const bar = el('div', 'size-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', size.segments.map((g) => `${partName(g.name)} ${sizeText(g.encodedBytes)}`).join(', '));
  for (const g of size.segments) {
    const seg = el('span', `size-seg part-${g.name}`);
    seg.style.width = `${(g.encodedBytes / scale) * 100}%`;
    seg.title = t('size.segment', partName(g.name), sizeText(g.encodedBytes), sizeText(g.decodedBytes));
    bar.append(seg);
  }
  // The cookie limit is a "Cookie" in German too; the other two limits have names of their own.
  const limitLabel = (l: (typeof size.limits)[number]): string => (l.id === 'header-line' ? t('limit.header-line') : l.id === 'total-headers' ? t('limit.total-headers') : l.label);
  const markers: { bytes: number; label: string; exceeded: boolean }[] = [
    { bytes: model.sizeWarningBytes, label: t('size.warning', limitText(model.sizeWarningBytes)), exceeded: size.totalBytes > model.sizeWarningBytes },
    ...size.limits.map((l) => ({ bytes: l.bytes, label: limitLabel(l), exceeded: l.exceeded })),
  ];
  for (const m of markers) {
    if (m.bytes > scale) continue;
    const mk = el('span', `size-marker${m.exceeded ? ' exceeded' : ''}`);
    mk.style.left = `${(m.bytes / scale) * 100}%`;
    mk.title = m.label;
    bar.append(mk);
  }
  body.append(bar);
  const limits = el('ul', 'limits');
  for (const l of size.limits) {
    const li = el('li', l.exceeded ? 'exceeded' : 'ok');
    li.append(icon(l.exceeded ? 'error' : 'pass', l.exceeded ? t('size.exceeded') : t('size.withinLimit')), document.createTextNode(` ${t('size.limitUse', limitLabel(l), sizeText(l.used), limitText(l.bytes))}`));
    li.title = l.source;
    limits.append(li);
  }
  body.append(limits);
  if (size.heaviestClaims.length > 0) {
    body.append(el('h3', undefined, t('size.heaviest')));
    const list = el('ol', 'heaviest');
    for (const c of size.heaviestClaims.slice(0, 5)) {
      const li = el('li');
      li.append(el('code', undefined, c.name), document.createTextNode(` ${bytesText(c.bytes)} (${numberText(Math.round(c.share * 100))} %)`));
      list.append(li);
    }
    body.append(list);
  }
  return s;
}

/** The signature badge of the summary line (absent when no verifier is wired). */
function signatureBadge(signature: SignatureView): HTMLElement {
  // A weak-secret hit (TL401) reads as an error whatever the stored keys said.
  const b = el('span', `badge signature signature-${signature.weakSecret !== undefined ? 'weak-secret' : signature.state}`);
  b.id = 'signature-badge';
  b.title = signature.message;
  b.append(icon(signature.icon === 'loading' ? 'loading codicon-modifier-spin' : signature.icon), el('span', 'signature-label', ` ${signature.label}`));
  return b;
}

/** Signature status and what one verification of this token costs (article reason 5). */
function signatureSection(model: TokenViewModel): HTMLElement {
  const { section: s, body } = section('signature', t('section.signature'));
  const sig = model.signature;
  if (sig !== undefined) {
    const line = el('p', `signature-status signature-${sig.state}`);
    line.append(icon(sig.icon === 'loading' ? 'loading codicon-modifier-spin' : sig.icon), document.createTextNode(` ${sig.message}`));
    body.append(line);
    if (sig.state === 'not-checked' || sig.state === 'pending') {
      body.append(el('p', 'muted', t('signature.addKey')));
    }
    if (sig.weakSecret !== undefined) {
      const list = el('ul', 'findings');
      list.append(findingItem(sig.weakSecret, true));
      body.append(list);
    }
  }
  const cost = el('p', 'muted', `${model.algorithm.alg} · ${model.algorithm.family} · ${model.algorithm.costNote}`);
  body.append(cost);
  if (sig?.timing !== undefined) body.append(el('p', 'timing', t('signature.measured', sig.timing)));
  return s;
}

/** The verdict card: every error and warning of every kind, errors first, each explained. */
function verdictSection(model: TokenViewModel): HTMLElement {
  const { section: s, body } = section('verdict', t('section.verdict'));
  const weak = model.signature?.weakSecret;
  const all = weak !== undefined ? [weak, ...model.verdict.filter((f) => f.code !== weak.code)] : model.verdict;
  if (all.length === 0) {
    const line = el('p', 'verdict-clear');
    line.append(icon('pass'), document.createTextNode(` ${t('verdict.clear')}`));
    body.append(line);
  } else {
    const list = el('ul', 'findings');
    for (const f of all) list.append(findingItem(f, true, model.explanations));
    body.append(list);
  }
  const notes = model.findings.filter((f) => f.severity === 'info');
  if (notes.length > 0) {
    const details = el('details', 'notes');
    details.append(el('summary', undefined, t(notes.length === 1 ? 'verdict.noteOne' : 'verdict.noteMany', notes.length)));
    const list = el('ul', 'findings');
    for (const f of notes) list.append(findingItem(f, true, model.explanations));
    details.append(list);
    body.append(details);
  }
  return s;
}

/** A timeline mark's name: a claim's own (`exp`), or "now" / "as of" in words. */
function markName(name: string): string {
  return name === 'now' ? t('times.now') : name === 'as of' ? t('times.asOf') : name;
}

/**
 * The timeline: `iat` → `nbf` → now (or the chosen instant) → `exp`, and `auth_time`, on one
 * bar scaled to the earliest and latest of them, with the clock-skew band after `exp` (and
 * before `nbf`). Text beside it says the same in order, for readers who do not see the bar.
 */
function timeline(model: TokenViewModel, now: number): HTMLElement | undefined {
  const points: { name: string; ms: number }[] = [];
  for (const name of ['auth_time', 'iat', 'nbf', 'exp'] as const) {
    const v = model.timeClaims[name];
    if (typeof v === 'number' && Number.isFinite(v) && Math.abs(v * 1000) <= 8.64e15) points.push({ name, ms: v * 1000 });
  }
  if (points.length === 0) return undefined;
  const skew = model.clockSkewSec * 1000;
  const all = [...points.map((p) => p.ms), now, ...points.filter((p) => p.name === 'exp').map((p) => p.ms + skew)];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = Math.max(1, max - min);
  const at = (ms: number): string => `${(((ms - min) / span) * 100).toFixed(2)}%`;
  const wrap = el('div', 'timeline');
  const bar = el('div', 'timeline-bar');
  bar.setAttribute('aria-hidden', 'true');
  const exp = points.find((p) => p.name === 'exp');
  const nbf = points.find((p) => p.name === 'nbf');
  const start = nbf ?? points.find((p) => p.name === 'iat');
  if (start !== undefined && exp !== undefined) {
    const valid = el('span', 'timeline-valid');
    valid.style.left = at(start.ms);
    valid.style.width = `${(((exp.ms - start.ms) / span) * 100).toFixed(2)}%`;
    bar.append(valid);
  }
  if (exp !== undefined) {
    const band = el('span', 'timeline-skew');
    band.style.left = at(exp.ms);
    band.style.width = `${((skew / span) * 100).toFixed(2)}%`;
    bar.append(band);
  }
  for (const p of [...points, { name: model.asOf !== undefined ? 'as of' : 'now', ms: now }]) {
    const mark = el('span', `timeline-mark mark-${p.name.replace(' ', '-')}`);
    mark.style.left = at(p.ms);
    mark.title = `${markName(p.name)} ${absoluteTime(p.ms / 1000, model.timeDisplay)}`;
    bar.append(mark);
  }
  const order = [...points, { name: model.asOf !== undefined ? 'as of' : 'now', ms: now }].sort((x, y) => x.ms - y.ms);
  const legend = el('ol', 'timeline-legend');
  legend.setAttribute('aria-label', t('times.timeline'));
  for (const p of order) {
    const li = el('li', `mark-${p.name.replace(' ', '-')}`);
    li.append(el('span', 'swatch'), el('code', undefined, markName(p.name)), document.createTextNode(` ${absoluteTime(p.ms / 1000, model.timeDisplay)}`));
    legend.append(li);
  }
  wrap.append(bar, legend);
  return wrap;
}

/** "Edit…": the shown token's header and payload as JSON in an editor tab (*Edit Token*). */
function editButton(): HTMLButtonElement {
  const b = button(t('action.edit'), 'edit', t('action.edit.label'), () => vscode.postMessage({ type: 'edit' }));
  b.classList.add('edit-action');
  return b;
}

/** The quick edits: their words (visible text; `.label`: what it does, the tooltip and after the text the accessible name) and icon. */
const QUICK_EDIT_BUTTONS: readonly (readonly [QuickEdit, 'quick.exp15m' | 'quick.exp1h' | 'quick.expNow' | 'quick.expRemove' | 'quick.iatNow', string])[] = [
  ['exp+15m', 'quick.exp15m', 'add'],
  ['exp+1h', 'quick.exp1h', 'add'],
  ['exp-now', 'quick.expNow', 'clock'],
  ['exp-remove', 'quick.expRemove', 'trash'],
  ['iat-now', 'quick.iatNow', 'calendar'],
];

/**
 * The quick edits of the time claims (issue 11). Each click asks the host for that edit by name
 * only; the host changes the claims at its clock's now and finishes the token as saving an edit
 * does (the first edit asks how to sign), then shows the new token here.
 */
function quickEdits(): HTMLElement {
  const wrap = el('div', 'quick-edits');
  const group = el('div', 'quick-edit-buttons');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', 'quick-edits-label');
  group.setAttribute('aria-describedby', 'quick-edits-note');
  const label = el('span', 'quick-edits-label', t('quick.label'));
  label.id = 'quick-edits-label';
  group.append(label);
  for (const [edit, id, iconName] of QUICK_EDIT_BUTTONS) {
    const b = button(t(id), iconName, t(`${id}.label`), () => vscode.postMessage({ type: 'quickEdit', edit }));
    b.classList.add('edit-action');
    b.dataset.edit = edit;
    group.append(b);
  }
  const note = el('p', 'muted quick-edits-note', t('quick.note'));
  note.id = 'quick-edits-note';
  wrap.append(group, note);
  return wrap;
}

/** "Valid at…": type an instant, everything is computed for it; "Now" goes back. */
function validAtControl(model: TokenViewModel): HTMLElement {
  const form = el('form', 'valid-at');
  form.setAttribute('aria-label', t('validAt.form'));
  const label = el('label', undefined, t('validAt.label'));
  const input = el('input');
  input.id = 'valid-at-input';
  input.type = 'text';
  input.placeholder = t('validAt.placeholder');
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.maxLength = 64;
  label.htmlFor = input.id;
  const error = el('p', 'valid-at-error');
  error.id = 'valid-at-error';
  error.setAttribute('role', 'alert');
  input.setAttribute('aria-describedby', error.id);
  const apply = el('button', 'action', t('validAt.evaluate'));
  apply.type = 'submit';
  form.append(label, input, apply);
  if (model.asOf !== undefined) form.append(button(t('validAt.now'), 'history', t('validAt.now.label'), () => vscode.postMessage({ type: 'validAt', at: null })));
  form.append(error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseInstant(input.value, { now: Date.now(), utc: model.timeDisplay === 'utc' });
    if (!parsed.ok) {
      error.textContent = messageText(parsed.error);
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    vscode.postMessage({ type: 'validAt', at: parsed.value });
  });
  return form;
}

/** `iat`, `nbf`, `exp`, `auth_time` with their dates, the timeline, the lifetime bar, the skew and "valid at…". */
function timesSection(model: TokenViewModel, relatives: { el: HTMLElement; seconds: number }[]): { section: HTMLElement; bar?: HTMLElement; barLabel?: HTMLElement } {
  const { section: s, body } = section('times', t('section.times'));
  if (model.payload.type === 'encrypted') {
    body.append(el('p', 'muted', t('times.encrypted')));
    return { section: s };
  }
  const rows = model.payload.type === 'claims' ? model.payload.rows.filter((r) => r.seconds !== undefined) : [];
  if (rows.length === 0) body.append(el('p', 'muted', model.payload.type === 'claims' ? t('times.none') : t('times.unreadable')));
  else body.append(claimTable(rows, t('times.caption'), model.timeDisplay, relatives));
  const line = timeline(model, model.asOf ?? Date.now());
  if (line !== undefined) body.append(line);
  let bar: HTMLElement | undefined;
  let barLabel: HTMLElement | undefined;
  if (typeof model.timeClaims.exp === 'number' && typeof model.timeClaims.iat === 'number') {
    const track = el('div', 'lifetime');
    track.setAttribute('role', 'progressbar');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    track.setAttribute('aria-label', t('times.lifetime'));
    bar = el('div', 'lifetime-fill');
    track.append(bar);
    barLabel = el('p', 'lifetime-label');
    body.append(track, barLabel);
  }
  body.append(el('p', 'muted', t('times.skew', model.clockSkewSec)));
  if (model.editable === 'claims') body.append(quickEdits());
  if (model.payload.type === 'claims') body.append(validAtControl(model));
  return { section: s, ...(bar !== undefined ? { bar } : {}), ...(barLabel !== undefined ? { barLabel } : {}) };
}

function payloadSection(model: TokenViewModel, relatives: { el: HTMLElement; seconds: number }[]): HTMLElement {
  const p = model.payload;
  if (p.type === 'claims') {
    const c = claimsViews(p.rows, p.json, p.pretty, 'payload', model, relatives);
    const ps = section('payload', model.decryption?.state === 'decrypted' ? t('section.decryptedPayloadClaims') : t('section.payloadClaims'), c.toggles, copyButton('payload', t('copy.what.payload'), t('copy.json')), copyButton('claims', t('copy.what.claims'), t('copy.table')));
    ps.body.append(c.body);
    if (model.payloadNote !== undefined) ps.body.append(el('p', 'notice', model.payloadNote));
    return ps.section;
  }
  const canCopy = p.type === 'json' || p.type === 'text';
  const ps = section('payload', t('section.payload'), ...(canCopy ? [copyButton('payload', t('copy.what.payload'), p.type === 'json' ? t('copy.json') : t('copy.text'))] : []));
  if (p.type === 'json' || p.type === 'text') {
    ps.body.append(el('p', 'muted', p.type === 'json' ? t('payload.notObject') : t('payload.notJson')));
    ps.body.append(rawJson(p.type === 'json' ? p.pretty : p.text, p.type === 'json' ? 'pretty' : 'exact'));
  } else if (p.type === 'bytes') {
    ps.body.append(el('p', 'notice', t('payload.bytes', p.byteLength, p.reason)));
  } else {
    ps.body.append(el('p', 'notice', t('payload.encrypted', bytesText(p.ciphertextBytes))));
  }
  if (model.payloadNote !== undefined) ps.body.append(el('p', 'notice', model.payloadNote));
  return ps.section;
}

function hintsSection(model: TokenViewModel): HTMLElement {
  const hints = section('hints', t('section.hints'));
  if (model.hintGroups.length === 0) hints.body.append(el('p', 'muted', t('hints.none')));
  for (const g of model.hintGroups) {
    const group = el('div', 'hint-group');
    group.id = `reason-${g.reason}`;
    group.append(el('h3', undefined, t('hints.reason', g.reason, reasonTitle(g.reason, g.title))));
    const list = el('ul', 'findings');
    for (const h of g.hints) list.append(findingItem(h, false));
    group.append(list);
    hints.body.append(group);
  }
  return hints.section;
}

/** The verdict of a nested token: its errors and warnings, or a line saying there are none. */
function nestedVerdict(model: TokenViewModel): HTMLElement {
  if (model.verdict.length === 0) {
    const line = el('p', 'verdict-clear');
    line.append(icon('pass'), document.createTextNode(` ${t('verdict.clearNested')}`));
    return line;
  }
  const list = el('ul', 'findings');
  for (const f of model.verdict) list.append(findingItem(f, true, model.explanations));
  return list;
}

/** A JWE's decryption in words: the state's icon (a closed list), the sentence, the notes. */
function decryptionLine(d: DecryptionView): HTMLElement {
  const wrap = el('div', `decryption decryption-${d.state}`);
  const line = el('p', 'decryption-message');
  const name = (['unlock', 'lock', 'error', 'loading'] as const).find((i) => i === d.icon) ?? 'lock';
  line.append(icon(name === 'loading' ? 'loading codicon-modifier-spin' : name), document.createTextNode(` ${d.message}`));
  wrap.append(line);
  for (const note of d.notes) wrap.append(el('p', 'notice', note));
  return wrap;
}

/**
 * The decryption card of a JWE (issue 11), its heading the headline (“Decrypted with key
 * “dev””, “Encrypted — no stored key fits”, “Refused before decryption”): the plaintext below
 * it is held in memory only while shown.
 */
function decryptionSection(d: DecryptionView): HTMLElement {
  const { section: s, body } = section('decryption', d.headline);
  body.append(decryptionLine(d));
  return s;
}

/** What a nested token's payload is when it is not claims (the card shows claims as a table). */
function nestedPayloadNote(model: TokenViewModel): string {
  const p = model.payload;
  switch (p.type) {
    case 'claims':
      return '';
    case 'json':
      return t('nested.notObject');
    case 'text':
      return t('nested.notJson');
    case 'bytes':
      return t('nested.bytes', p.byteLength, p.reason);
    case 'encrypted':
      return t('nested.encrypted', bytesText(p.ciphertextBytes));
  }
}

/**
 * One nested token (issue 13): a collapsible card labelled with its claim path, its summary
 * (kind, alg, a ticking status, size) always visible; inside, its verdict, claims, header,
 * times and the tokens nested in it in turn. Cards at depth 1 start open.
 */
function nestedCard(view: NestedTokenView, relatives: { el: HTMLElement; seconds: number }[], badges: StatusBadge[]): HTMLElement {
  const m = view.model;
  const card = el('details', `nested-token depth-${Math.min(view.depth, 3)}`);
  card.dataset.label = view.label;
  card.open = view.depth === 1;
  const head = el('summary', 'nested-head');
  const line = el('span', 'nested-line');
  line.append(icon(view.via === 'cty' ? 'file-code' : 'key'), el('code', 'nested-label', view.label));
  const tags = el('span', 'badges');
  const status = el('span', 'badge status nested-status');
  badges.push({ model: m, badge: status });
  tags.append(el('span', 'badge kind', kindLabel(m.kind)), el('span', 'badge alg', m.enc !== undefined ? `${m.alg} · ${m.enc}` : m.alg), status, el('span', 'nested-size', bytesText(m.size.totalBytes)));
  head.append(line, tags);
  card.append(head);
  const body = el('div', 'nested-body');
  body.append(el('h3', undefined, t('section.verdict')), nestedVerdict(m));
  // Issue 11: an inner JWE's own decryption, an inner token's own signature (stored keys).
  if (m.decryption !== undefined) body.append(el('h3', undefined, m.decryption.headline), decryptionLine(m.decryption));
  if (m.signature !== undefined) {
    const sig = el('p', `signature-status signature-${m.signature.state}`);
    sig.append(icon(m.signature.icon === 'loading' ? 'loading codicon-modifier-spin' : m.signature.icon), document.createTextNode(` ${m.signature.message}`));
    body.append(el('h3', undefined, t('nested.signature', m.signature.label)), sig);
  }
  body.append(el('h3', undefined, t('nested.claims')));
  if (m.payload.type === 'claims') body.append(claimTable(m.payload.rows, t('nested.claimsOf', view.label), m.timeDisplay, relatives));
  else body.append(el('p', 'muted', nestedPayloadNote(m)));
  if (m.payloadNote !== undefined) body.append(el('p', 'notice', m.payloadNote));
  body.append(el('h3', undefined, t('section.header')), claimTable(m.headerRows, t('nested.headerOf', view.label), m.timeDisplay, relatives));
  const times = m.payload.type === 'claims' ? timeline(m, m.asOf ?? Date.now()) : undefined;
  if (times !== undefined) body.append(el('h3', undefined, t('section.times')), times);
  if (m.nested !== undefined) body.append(el('h3', undefined, t('nested.tokens')), nestedList(m.nested, relatives, badges));
  card.append(body);
  return card;
}

/** Where the search for nested tokens stopped, in the display language (the core's English sentence otherwise). */
function noticeText(n: NestedNotice): string {
  if (typeof n.label !== 'string' || typeof n.depth !== 'number') return String(n.message);
  switch (n.code) {
    case 'too-many':
      return t('nested.notice.tooMany', MAX_NESTED_TOKENS, n.label);
    case 'too-deep':
      return t('nested.notice.tooDeep', n.depth, n.label, MAX_NESTED_DEPTH);
    case 'encrypted':
      return t('nested.notice.encrypted');
    default:
      return String(n.message);
  }
}

/** The cards of a token's nested tokens, then where the search stopped (too deep, too many, encrypted). */
function nestedList(nested: NestedView, relatives: { el: HTMLElement; seconds: number }[], badges: StatusBadge[]): HTMLElement {
  const list = el('div', 'nested-list');
  for (const token of nested.tokens) list.append(nestedCard(token, relatives, badges));
  for (const n of nested.notices) {
    const p = el('p', `notice nested-notice nested-${n.code}`);
    p.append(icon(n.code === 'encrypted' ? 'lock' : 'info'), document.createTextNode(` ${noticeText(n)}`));
    list.append(p);
  }
  return list;
}

/** Every nested token at every depth (the section heading counts them). */
function nestedCount(nested: NestedView): number {
  return nested.tokens.reduce((n, t) => n + 1 + (t.model.nested !== undefined ? nestedCount(t.model.nested) : 0), 0);
}

/** Claims of this token that are tokens themselves (`id_token`, `act`, `cty: JWT`), each as a card. */
function nestedSection(nested: NestedView, relatives: { el: HTMLElement; seconds: number }[], badges: StatusBadge[]): HTMLElement {
  const count = nestedCount(nested);
  const { section: s, body } = section('nested', count === 1 ? t('section.nestedOne') : t('section.nestedMany', count));
  body.append(nestedList(nested, relatives, badges));
  return s;
}

/** How a comparison line reads: added, removed, changed member, or a fact (alg, kid, exp). */
function changeKind(line: string): string {
  if (line.startsWith('+ ')) return 'added';
  if (line.startsWith('- ')) return 'removed';
  if (line.startsWith('~ ')) return 'changed';
  return 'fact';
}

/** The last "Compare with…" of this token: the summary the diff editor's title has, with every line. */
function comparisonSection(c: ComparisonView): HTMLElement {
  const close = button(t('compare.close'), 'close', t('compare.close.label'), () => vscode.postMessage({ type: 'clearComparison' }));
  const { section: s, body } = section('comparison', t('section.compared', c.other), close);
  const headline = el('p', `comparison-headline${c.identical ? ' identical' : ''}`);
  headline.append(icon(c.identical ? 'pass' : 'diff'), document.createTextNode(` ${c.headline}`));
  body.append(headline);
  if (c.lines.length > 0) {
    const list = el('ul', 'comparison-lines');
    list.setAttribute('aria-label', t('compare.changes'));
    for (const line of c.lines) {
      const li = el('li', `change change-${changeKind(line)}`);
      li.append(el('code', undefined, line));
      list.append(li);
    }
    body.append(list);
  }
  body.append(el('p', 'muted', t('compare.sides', c.other)));
  return s;
}

/** The raw token last, collapsed, its parts coloured. */
function rawTokenSection(model: TokenViewModel): HTMLElement {
  const details = el('details', 'card raw-token');
  details.id = 'token';
  if (model.parts.some((p) => p.error !== undefined)) details.open = true; // show where it breaks
  const summary = el('summary', 'card-head');
  summary.append(el('h2', undefined, t('section.rawToken')));
  details.append(summary);
  const body = el('div', 'card-body');
  body.append(tokenParts(model));
  details.append(body);
  return details;
}

/**
 * The page, in the order a reader needs it: what the token is and whether to trust it (summary
 * line, verdict), what it says (payload, header), when (times), then the signature, the
 * revocation risks by the article's five reasons, the size, and the raw text last.
 */
function renderToken(model: TokenViewModel): void {
  const relatives: { el: HTMLElement; seconds: number }[] = [];
  const header = el('header', 'summary');
  header.id = 'summary';
  const title = el('h1', 'title', model.title);
  const badges = el('div', 'badges');
  badges.append(el('span', 'badge kind', kindLabel(model.kind)), el('span', 'badge alg', model.enc !== undefined ? `${model.alg} · ${model.enc}` : model.alg));
  if (model.signature !== undefined) badges.append(signatureBadge(model.signature));
  if (model.decryption?.state === 'decrypted') {
    const unlocked = el('span', 'badge decrypted');
    unlocked.append(icon('unlock'), document.createTextNode(` ${t('badge.decrypted')}`));
    badges.append(unlocked);
  }
  // The time status in words, ticking: the page's one countdown.
  const badge = el('span', 'badge status');
  badge.id = 'countdown';
  badges.append(badge);
  const actions = el('div', 'actions');
  actions.append(copyButton('token', t('copy.what.token'), t('action.copyToken')));
  if (model.canReveal) actions.append(button(t('action.reveal'), 'go-to-file', t('action.reveal.label'), () => vscode.postMessage({ type: 'reveal' })));
  actions.append(button(t('action.compare'), 'diff', t('action.compare.label'), () => vscode.postMessage({ type: 'compare' })));
  if (model.editable !== undefined) actions.append(editButton());
  header.append(title, badges);
  if (model.asOf !== undefined) {
    const asOf = el('p', 'as-of');
    asOf.id = 'as-of';
    asOf.append(icon('history'), document.createTextNode(` ${t('asOf', absoluteTime(model.asOf / 1000, model.timeDisplay))} `));
    asOf.append(button(t('action.backToNow'), 'debug-restart', t('action.backToNow.label'), () => vscode.postMessage({ type: 'validAt', at: null })));
    header.append(asOf);
  }
  header.append(actions);
  root.append(header);
  if (model.comparison !== undefined) root.append(comparisonSection(model.comparison));
  root.append(verdictSection(model));
  if (model.decryption !== undefined) root.append(decryptionSection(model.decryption));
  root.append(payloadSection(model, relatives));
  const nested: StatusBadge[] = [];
  if (model.nested !== undefined) root.append(nestedSection(model.nested, relatives, nested));

  const h = claimsViews(model.headerRows, model.headerJson, model.headerPretty, 'header', model, relatives);
  const hs = section('header', t('section.header'), h.toggles, copyButton('header', t('copy.what.header'), t('copy.json')));
  hs.body.append(h.body);
  const times = timesSection(model, relatives);
  root.append(hs.section, times.section, signatureSection(model), hintsSection(model), sizeSection(model), rawTokenSection(model));

  live = { model, badge, relatives, nested, ...(times.bar !== undefined ? { bar: times.bar } : {}), ...(times.barLabel !== undefined ? { barLabel: times.barLabel } : {}) };
  tick();
  const timed = (m: TokenViewModel): boolean => m.payload.type === 'claims' && Object.keys(m.timeClaims).length > 0;
  const hasTime = model.asOf === undefined && (timed(model) || nested.some((n) => timed(n.model)));
  if (hasTime) ticker = setInterval(tick, 1000);
}

function renderError(model: ErrorViewModel): void {
  silence();
  const box = el('section', 'card error-card');
  box.setAttribute('role', 'alert');
  box.append(el('h1', 'title', model.title));
  const msg = el('p', 'error-message');
  msg.append(icon('error'), document.createTextNode(` ${model.error.message}`));
  box.append(msg, el('p', 'muted', `${model.error.code}${model.error.segment !== undefined ? ` · ${t('error.segment', model.error.segment)}` : ''} · ${t('error.characters', model.length)}`));
  if (model.canReveal) box.append(button(t('action.reveal'), 'go-to-file', t('action.reveal.label'), () => vscode.postMessage({ type: 'reveal' })));
  root.append(box);
}

function renderEmpty(): void {
  silence();
  const p = el('div', 'empty');
  p.append(icon('key'), el('p', undefined, t('empty')));
  root.append(p);
}

/** A summary field within the protocol's bound (2048 characters). */
function clip(text: string): string {
  return text.length > 2048 ? text.slice(0, 2048) : text;
}

function summarize(model: InspectorViewModel): RenderedSummary {
  const texts = (selector: string): string[] => Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? '');
  const codes = (selector: string): string[] => Array.from(root.querySelectorAll<HTMLElement>(selector), (e) => e.dataset.code ?? '');
  return {
    state: model.state,
    title: root.querySelector('.title')?.textContent ?? '',
    kind: root.querySelector('.badge.kind')?.textContent ?? '',
    alg: model.state === 'token' ? model.alg : '',
    status: live?.badge.dataset.status ?? '',
    statusText: document.getElementById('countdown')?.textContent?.trim() ?? '',
    countdown: document.getElementById('countdown')?.textContent?.trim() ?? '',
    signature: document.getElementById('signature-badge')?.textContent?.trim() ?? '',
    hintCodes: codes('#hints .finding'),
    findingCodes: codes('#verdict .finding'),
    headings: texts('h2, h3'),
    sections: Array.from(root.children, (e) => e.id).filter((id) => id !== ''),
    error: root.querySelector('.error-message')?.textContent?.trim() ?? '',
    nested: Array.from(root.querySelectorAll('.nested-token > summary'), (head) =>
      clip(['.nested-label', '.badge.kind', '.badge.alg', '.nested-status'].map((selector) => head.querySelector(selector)?.textContent?.trim() ?? '').join(' · ')),
    ),
    nestedNotices: texts('.nested-notice').map((t) => clip(t.trim())),
    comparison: clip([document.getElementById('comparison-heading')?.textContent ?? '', root.querySelector('.comparison-headline')?.textContent?.trim() ?? ''].filter(Boolean).join(': ')),
    editActions: texts('button.edit-action .action-label').map((t) => clip(t.trim())),
  };
}

function render(model: InspectorViewModel): void {
  if (ticker !== undefined) clearInterval(ticker);
  ticker = undefined;
  live = undefined;
  root.replaceChildren();
  try {
    if (model.state === 'token') renderToken(model);
    else if (model.state === 'error') renderError(model);
    else renderEmpty();
  } catch (e) {
    // A drawing bug must not leave a blank page (or a silent host): show it as an error card.
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
    live = undefined;
    root.replaceChildren();
    const reason = e instanceof Error ? e.message : String(e);
    renderError({ state: 'error', title: model.state === 'empty' ? t('page.title') : model.title, error: { code: 'ERR_EMPTY', message: t('drawError', reason) }, length: 0, canReveal: false });
  }
  postSummary(model);
}

/** Extension tests read what the page shows through these summaries; normal use sends none. */
const TEST_MODE = document.body.dataset.testMode === 'true';
function postSummary(model: InspectorViewModel): void {
  if (TEST_MODE) vscode.postMessage({ type: 'rendered', summary: summarize(model) });
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseHostMessage(event.data);
  if (message === undefined) return;
  if (message.type === 'show') {
    // Another token starts at the top; the same token shown again (settings, time) keeps the scroll.
    const before = current.state === 'token' ? current.parts.map((p) => p.text).join('.') : undefined;
    const after = message.model.state === 'token' ? message.model.parts.map((p) => p.text).join('.') : undefined;
    current = message.model;
    render(message.model);
    if (before !== after) window.scrollTo(0, 0);
  } else if (message.type === 'signature') {
    if (current.state !== 'token') return;
    current = { ...current, signature: message.signature };
    // Patch the badge, the verdict (a weak secret joins it) and the signature section in place:
    // no re-render, so scroll and view toggles stay.
    const badge = document.getElementById('signature-badge');
    if (badge !== null) badge.replaceWith(signatureBadge(message.signature));
    else document.querySelector('.badges')?.prepend(signatureBadge(message.signature));
    document.getElementById('verdict')?.replaceWith(verdictSection(current));
    document.getElementById('signature')?.replaceWith(signatureSection(current));
    if (live !== undefined) {
      live.model = current;
      tick(); // green only once verified
    }
    postSummary(current);
  } else {
    // `report` (test mode): what the DOM shows now, after the countdown has ticked, without re-rendering.
    postSummary(current);
  }
});

vscode.postMessage({ type: 'ready' });
