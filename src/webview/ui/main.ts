/**
 * Inspector webview UI (bundled to `dist/webview.js`, runs in the webview's browser context).
 * Draws the view model with DOM APIs and `textContent` only: token data never goes through
 * `innerHTML`. A one-second timer updates only the countdown text nodes, the status badge and
 * the lifetime bar; the page itself is drawn once per `show`. No `setState`: tokens are not
 * persisted in webview state.
 */
import { formatBytes, formatRelative, timeReport } from '../../core';
import type { Finding, Reference, TimeStatus } from '../../core';
import { parseHostMessage } from '../../present/inspector/protocol';
import { kindLabel, severityIcon, statusLook } from '../../present';
import type { ClaimRow, CopyTarget, ErrorViewModel, InspectorViewModel, RenderedSummary, SignatureView, TokenViewModel, WebviewMessage } from '../../present/inspector/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;

let current: InspectorViewModel = { state: 'empty' };
let ticker: ReturnType<typeof setInterval> | undefined;
let live: { model: TokenViewModel; badge: HTMLElement; countdown: HTMLElement; statusText: HTMLElement; bar?: HTMLElement; barLabel?: HTMLElement; relatives: { el: HTMLElement; seconds: number }[] } | undefined;

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
  b.setAttribute('aria-label', label);
  b.title = label;
  b.append(icon(iconName), el('span', 'action-label', text));
  b.addEventListener('click', onClick);
  return b;
}

function copyButton(target: CopyTarget, what: string): HTMLButtonElement {
  return button('Copy', 'copy', `Copy ${what}`, () => vscode.postMessage({ type: 'copy', target }));
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
  if (Number.isNaN(d.getTime())) return 'outside the Date range';
  return display === 'utc' ? d.toISOString().replace('.000Z', 'Z') : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' });
}

/** `hh:mm:ss` (with days when longer): changes every second, unlike the rounded relative text. */
function clock(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86400);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return d > 0 ? `${d} d ${hms}` : hms;
}

function countdownText(model: TokenViewModel, now: number): { status: TimeStatus; relative: string; countdown: string; fraction?: number } {
  const r = timeReport(model.timeClaims, { now, clockSkewSec: model.clockSkewSec });
  let countdown: string;
  if (r.status === 'never-expires') countdown = 'no exp: never expires';
  else if (r.status === 'not-yet-valid') {
    const nbf = r.claims.find((c) => c.name === 'nbf')?.seconds;
    countdown = nbf !== undefined ? `valid in ${clock(nbf * 1000 - now)}` : r.relative;
  } else if (r.msToExpiry !== undefined) countdown = r.msToExpiry >= 0 ? `expires in ${clock(r.msToExpiry)}` : `expired ${clock(r.msToExpiry)} ago`;
  else countdown = r.relative;
  return { status: r.status, relative: r.relative, countdown, ...(r.elapsedFraction !== undefined ? { fraction: r.elapsedFraction } : {}) };
}

function tick(): void {
  if (live === undefined) return;
  const now = Date.now();
  const t = countdownText(live.model, now);
  live.badge.className = `badge status status-${t.status}`;
  live.badge.replaceChildren(icon(statusLook(t.status).icon), document.createTextNode(statusLook(t.status).label));
  live.statusText.textContent = t.relative;
  live.countdown.textContent = t.countdown;
  if (live.bar !== undefined && t.fraction !== undefined) {
    const pct = Math.round(t.fraction * 1000) / 10;
    live.bar.style.width = `${pct}%`;
    live.bar.parentElement?.setAttribute('aria-valuenow', String(Math.round(pct)));
    if (live.barLabel !== undefined) live.barLabel.textContent = `${pct.toFixed(1)} % of the lifetime elapsed`;
  }
  for (const r of live.relatives) r.el.textContent = formatRelative(r.seconds * 1000 - now).replace(/^expires in /, 'in ').replace(/^expired /, '');
}

// ---------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------

function claimTable(rows: readonly ClaimRow[], caption: string, timeDisplay: 'local' | 'utc', relatives: { el: HTMLElement; seconds: number }[]): HTMLElement {
  const table = el('table', 'claims');
  table.append(el('caption', 'visually-hidden', caption));
  const head = el('tr');
  for (const h of ['Name', 'Value']) {
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
    value.append(el('code', undefined, r.value));
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

/** A claims table with a toggle to the exact JSON text from the token. */
function claimsWithRaw(rows: readonly ClaimRow[], json: string, caption: string, model: TokenViewModel, relatives: { el: HTMLElement; seconds: number }[]): { body: HTMLElement; toggle: HTMLButtonElement } {
  const body = el('div');
  const table = claimTable(rows, caption, model.timeDisplay, relatives);
  const raw = el('pre', 'raw-json');
  raw.append(el('code', undefined, json));
  raw.hidden = true;
  const toggle = button('Raw JSON', 'json', `Show ${caption} as raw JSON`, () => {
    raw.hidden = !raw.hidden;
    table.hidden = !raw.hidden;
    toggle.setAttribute('aria-pressed', String(!raw.hidden));
    const label = toggle.querySelector('.action-label');
    if (label !== null) label.textContent = raw.hidden ? 'Raw JSON' : 'Table';
  });
  toggle.setAttribute('aria-pressed', 'false');
  body.append(table, raw);
  return { body, toggle };
}

function referenceText(r: Reference): string {
  switch (r.kind) {
    case 'article':
      return `Article reason ${r.reason}: ${r.title}`;
    case 'rfc':
      return `RFC ${r.rfc} §${r.section} (${r.title})`;
    case 'owasp':
      return `OWASP: ${r.title}`;
  }
}


function findingItem(f: Finding, withReference: boolean): HTMLElement {
  const li = el('li', `finding severity-${f.severity}`);
  li.dataset.code = f.code;
  li.append(icon(severityIcon(f.severity), f.severity));
  const text = el('div', 'finding-text');
  const line = el('div', 'finding-message');
  line.append(el('span', 'code', f.code), document.createTextNode(` ${f.message}`));
  text.append(line, el('div', 'finding-evidence', `Evidence: ${f.evidence}`));
  if (withReference) text.append(el('div', 'finding-ref', referenceText(f.reference)));
  li.append(text);
  return li;
}

function tokenParts(model: TokenViewModel): HTMLElement {
  const code = el('code', 'token-text');
  code.setAttribute('aria-label', `Token with ${model.parts.length} parts: ${model.parts.map((p) => p.name.replace('_', ' ')).join(', ')}`);
  model.parts.forEach((p, i) => {
    if (i > 0) code.append(el('span', 'dot', '.'));
    const s = el('span', `part part-${p.name}`, p.text);
    s.title = `${p.name.replace('_', ' ')} (${p.text.length} B)`;
    code.append(s);
  });
  const legend = el('ul', 'legend');
  legend.setAttribute('aria-label', 'Colour legend');
  for (const p of model.parts) {
    const li = el('li');
    li.append(el('span', `swatch part-${p.name}`), document.createTextNode(p.name.replace('_', ' ')));
    legend.append(li);
  }
  const wrap = el('div', 'token');
  wrap.append(code, legend);
  return wrap;
}

function sizeSection(model: TokenViewModel): HTMLElement {
  const { section: s, body } = section('size', 'Size');
  const size = model.size;
  const total = Math.max(1, size.totalBytes);
  body.append(el('p', 'size-total', `${formatBytes(size.totalBytes)} · ${size.timesSessionId.toFixed(1)}× a 32-byte session id · ${formatBytes(size.bytesPerMillionRequests)} per million requests`));
  // The bar's scale is the largest relevant limit so the limit markers fit on it.
  const scale = Math.max(total, ...size.limits.filter((l) => l.bytes <= total * 4 || l.exceeded).map((l) => l.bytes), model.sizeWarningBytes);
  const bar = el('div', 'size-bar');
  bar.setAttribute('role', 'img');
  bar.setAttribute('aria-label', size.segments.map((g) => `${g.name.replace('_', ' ')} ${g.encodedBytes} B`).join(', '));
  for (const g of size.segments) {
    const seg = el('span', `size-seg part-${g.name}`);
    seg.style.width = `${(g.encodedBytes / scale) * 100}%`;
    seg.title = `${g.name.replace('_', ' ')}: ${g.encodedBytes} B encoded, ${g.decodedBytes} B decoded`;
    bar.append(seg);
  }
  const markers: { bytes: number; label: string; exceeded: boolean }[] = [
    { bytes: model.sizeWarningBytes, label: `warning ${formatBytes(model.sizeWarningBytes)}`, exceeded: size.totalBytes > model.sizeWarningBytes },
    ...size.limits.map((l) => ({ bytes: l.bytes, label: l.label, exceeded: l.exceeded })),
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
    li.append(icon(l.exceeded ? 'error' : 'pass', l.exceeded ? 'exceeded' : 'within limit'), document.createTextNode(` ${l.label}: ${formatBytes(l.used)} of ${formatBytes(l.bytes)}`));
    li.title = l.source;
    limits.append(li);
  }
  body.append(limits);
  if (size.heaviestClaims.length > 0) {
    body.append(el('h3', undefined, 'Heaviest claims'));
    const list = el('ol', 'heaviest');
    for (const c of size.heaviestClaims.slice(0, 5)) {
      const li = el('li');
      li.append(el('code', undefined, c.name), document.createTextNode(` ${formatBytes(c.bytes)} (${Math.round(c.share * 100)} %)`));
      list.append(li);
    }
    body.append(list);
  }
  return s;
}

/** The signature badge of the summary line (absent when no verifier is wired). */
function signatureBadge(signature: SignatureView): HTMLElement {
  const b = el('span', `badge signature signature-${signature.state}`);
  b.id = 'signature-badge';
  b.title = signature.message;
  b.append(icon(signature.icon === 'loading' ? 'loading codicon-modifier-spin' : signature.icon), el('span', 'signature-label', ` ${signature.label}`));
  return b;
}

/** Signature status and what one verification of this token costs (article reason 5). */
function signatureSection(model: TokenViewModel): HTMLElement {
  const { section: s, body } = section('signature', 'Signature and verification cost');
  const sig = model.signature;
  if (sig !== undefined) {
    const line = el('p', `signature-status signature-${sig.state}`);
    line.append(icon(sig.icon === 'loading' ? 'loading codicon-modifier-spin' : sig.icon), document.createTextNode(` ${sig.message}`));
    body.append(line);
    if (sig.state === 'not-checked' || sig.state === 'pending') {
      body.append(el('p', 'muted', 'Add a key with “Token Lens: Add Verification Key”; keys stay in VS Code’s secret storage.'));
    }
    if (sig.weakSecret !== undefined) {
      const list = el('ul', 'findings');
      list.append(findingItem(sig.weakSecret, true));
      body.append(list);
    }
  }
  const cost = el('p', 'muted', `${model.algorithm.alg} · ${model.algorithm.family} · ${model.algorithm.costNote}`);
  body.append(cost);
  if (sig?.timing !== undefined) body.append(el('p', 'timing', `Measured: ${sig.timing}. Every request that carries this token pays it (article reason 5).`));
  return s;
}

function renderToken(model: TokenViewModel): void {
  const relatives: { el: HTMLElement; seconds: number }[] = [];
  const header = el('header', 'summary');
  const title = el('h1', 'title', model.title);
  const badges = el('div', 'badges');
  badges.append(el('span', 'badge kind', kindLabel(model.kind)), el('span', 'badge alg', model.enc !== undefined ? `${model.alg} · ${model.enc}` : model.alg));
  const badge = el('span', 'badge status');
  badge.id = 'status';
  badge.setAttribute('role', 'status');
  badges.append(badge);
  if (model.signature !== undefined) badges.append(signatureBadge(model.signature));
  const statusText = el('p', 'status-text');
  statusText.id = 'status-text';
  const countdown = el('p', 'countdown');
  countdown.id = 'countdown';
  countdown.setAttribute('aria-live', 'off');
  const actions = el('div', 'actions');
  actions.append(copyButton('token', 'token'));
  if (model.canReveal) actions.append(button('Reveal', 'go-to-file', 'Reveal token in editor', () => vscode.postMessage({ type: 'reveal' })));
  header.append(title, badges, statusText, countdown);
  let bar: HTMLElement | undefined;
  let barLabel: HTMLElement | undefined;
  const hasLifetime = typeof model.timeClaims.exp === 'number' && typeof model.timeClaims.iat === 'number';
  if (hasLifetime) {
    const track = el('div', 'lifetime');
    track.setAttribute('role', 'progressbar');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    track.setAttribute('aria-label', 'Lifetime elapsed');
    bar = el('div', 'lifetime-fill');
    track.append(bar);
    barLabel = el('p', 'lifetime-label');
    header.append(track, barLabel);
  }
  header.append(actions);
  root.append(header, tokenParts(model));

  // Revocation-risk hints first: they are what this extension is for.
  const hints = section('hints', 'Revocation risks');
  if (model.hintGroups.length === 0) hints.body.append(el('p', 'muted', 'No revocation-risk hints for this token.'));
  for (const g of model.hintGroups) {
    const group = el('div', 'hint-group');
    group.append(el('h3', undefined, `Reason ${g.reason} · ${g.title}`));
    const list = el('ul', 'findings');
    for (const h of g.hints) list.append(findingItem(h, false));
    group.append(list);
    hints.body.append(group);
  }
  root.append(hints.section);

  const h = claimsWithRaw(model.headerRows, model.headerJson, 'Header', model, relatives);
  const hs = section('header', 'Header', h.toggle, copyButton('header', 'header JSON'));
  hs.body.append(h.body);
  root.append(hs.section, signatureSection(model));

  const p = model.payload;
  if (p.type === 'claims') {
    const c = claimsWithRaw(p.rows, p.json, 'Payload', model, relatives);
    const ps = section('payload', 'Payload', c.toggle, copyButton('claims', 'claims as a Markdown table'), copyButton('payload', 'payload JSON'));
    ps.body.append(c.body);
    root.append(ps.section);
  } else {
    const canCopy = p.type === 'json' || p.type === 'text';
    const ps = section('payload', 'Payload', ...(canCopy ? [copyButton('payload', 'payload')] : []));
    if (p.type === 'json' || p.type === 'text') {
      ps.body.append(el('p', 'muted', p.type === 'json' ? 'JSON that is not an object, so it has no claims:' : 'Text that is not JSON:'));
      const pre = el('pre', 'raw-json');
      pre.append(el('code', undefined, p.type === 'json' ? p.json : p.text));
      ps.body.append(pre);
    } else if (p.type === 'bytes') {
      ps.body.append(el('p', 'notice', `${p.byteLength} bytes of binary data: ${p.reason}.`));
    } else {
      ps.body.append(el('p', 'notice', `Encrypted (JWE): ${formatBytes(p.ciphertextBytes)} of ciphertext. The claims can only be read with the recipient's key; the header above is all that is visible.`));
    }
    root.append(ps.section);
  }
  if (model.payloadNote !== undefined) root.append(el('p', 'notice', model.payloadNote));

  const findings = section('findings', 'Security findings');
  if (model.findings.length === 0) findings.body.append(el('p', 'muted', 'No security findings.'));
  else {
    const list = el('ul', 'findings');
    for (const f of model.findings) list.append(findingItem(f, true));
    findings.body.append(list);
  }
  root.append(findings.section, sizeSection(model));

  live = { model, badge, countdown, statusText, relatives, ...(bar !== undefined ? { bar } : {}), ...(barLabel !== undefined ? { barLabel } : {}) };
  tick();
  const hasTime = Object.keys(model.timeClaims).length > 0;
  if (hasTime) ticker = setInterval(tick, 1000);
}

function renderError(model: ErrorViewModel): void {
  const box = el('section', 'card error-card');
  box.setAttribute('role', 'alert');
  box.append(el('h1', 'title', model.title));
  const msg = el('p', 'error-message');
  msg.append(icon('error'), document.createTextNode(` ${model.error.message}`));
  box.append(msg, el('p', 'muted', `${model.error.code}${model.error.segment !== undefined ? ` · ${model.error.segment} segment` : ''} · ${model.length} characters`));
  if (model.canReveal) box.append(button('Reveal', 'go-to-file', 'Reveal token in editor', () => vscode.postMessage({ type: 'reveal' })));
  root.append(box);
}

function renderEmpty(): void {
  const p = el('div', 'empty');
  p.append(icon('key'), el('p', undefined, 'No token selected. Put the cursor on a JWT, or run “Token Lens: Inspect Token at Cursor”.'));
  root.append(p);
}

function summarize(model: InspectorViewModel): RenderedSummary {
  const texts = (selector: string): string[] => Array.from(root.querySelectorAll(selector), (e) => e.textContent ?? '');
  const codes = (selector: string): string[] => Array.from(root.querySelectorAll<HTMLElement>(selector), (e) => e.dataset.code ?? '');
  return {
    state: model.state,
    title: root.querySelector('.title')?.textContent ?? '',
    kind: root.querySelector('.badge.kind')?.textContent ?? '',
    alg: model.state === 'token' ? model.alg : '',
    status: live?.badge.className.replace(/^.*status-/, '') ?? '',
    statusText: document.getElementById('status-text')?.textContent ?? '',
    countdown: document.getElementById('countdown')?.textContent ?? '',
    signature: document.getElementById('signature-badge')?.textContent?.trim() ?? '',
    hintCodes: codes('#hints .finding'),
    findingCodes: codes('#findings .finding'),
    headings: texts('h2, h3'),
    error: root.querySelector('.error-message')?.textContent?.trim() ?? '',
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
    renderError({ state: 'error', title: model.state === 'empty' ? 'Token Inspector' : model.title, error: { code: 'ERR_EMPTY', message: `The inspector could not draw this token: ${reason}` }, length: 0, canReveal: false });
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
    current = message.model;
    render(message.model);
  } else if (message.type === 'signature') {
    if (current.state !== 'token') return;
    current = { ...current, signature: message.signature };
    // Patch the badge and the signature section in place: no re-render, scroll and toggles stay.
    const badge = document.getElementById('signature-badge');
    if (badge !== null) badge.replaceWith(signatureBadge(message.signature));
    else document.querySelector('.badges')?.append(signatureBadge(message.signature));
    document.getElementById('signature')?.replaceWith(signatureSection(current));
    postSummary(current);
  } else {
    // `report` (test mode): what the DOM shows now, after the countdown has ticked, without re-rendering.
    postSummary(current);
  }
});

vscode.postMessage({ type: 'ready' });
