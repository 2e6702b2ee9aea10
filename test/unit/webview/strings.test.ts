import * as assert from 'assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configureLocale, relativeText } from '../../../src/present';
import { relativeTimeText } from '../../../src/present/locale';
import { bytesText } from '../../../src/present/size';
import {
  fillPlaceholders, languageTag, localizedWebviewStrings, readWebviewLocale, webviewBundle, webviewLocaleJson, WEBVIEW_STRINGS, type WebviewStringId,
} from '../../../src/present/inspector/strings';
import { timeReport } from '../../../src/core';

// The inspector page's words (issue 15): the table, its German from the shipped bundle, the data
// block the host writes into the page, and how the page reads it back (English for anything bad).
const ROOT = path.join(__dirname, '..', '..', '..');
const GERMAN = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const IDS = Object.keys(WEBVIEW_STRINGS) as WebviewStringId[];
const marks = (s: string): string[] => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('inspector page strings (present/inspector/strings.ts)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('the host writes the table in English when no language is configured, and in German from the shipped bundle', () => {
    assert.deepStrictEqual(localizedWebviewStrings(), WEBVIEW_STRINGS);
    configureLocale('de', GERMAN);
    const de = localizedWebviewStrings();
    assert.deepStrictEqual(Object.keys(de).sort(), [...IDS].sort());
    assert.strictEqual(de['section.payloadClaims'], 'Payload-Claims');
    assert.strictEqual(de['section.hints'], 'Widerrufsrisiken');
    assert.strictEqual(de['copy.table'], 'Als Tabelle kopieren');
    assert.strictEqual(de['action.compare'], 'Vergleichen mit…');
    // Every entry has a German text with the English entry's placeholders.
    for (const id of IDS) assert.deepStrictEqual(marks(de[id]), marks(WEBVIEW_STRINGS[id]), id);
    const untranslated = IDS.filter((id) => de[id] === WEBVIEW_STRINGS[id] && !['Header', 'Payload', 'Claims', 'Name'].includes(WEBVIEW_STRINGS[id]));
    assert.deepStrictEqual(untranslated, []);
  });

  it('round-trips through the data block, which no text can end or turn into markup', () => {
    configureLocale('de', GERMAN);
    const strings = { ...localizedWebviewStrings(), empty: 'evil </script><script>alert(1)</script> & <!-- \u2028' };
    const json = webviewLocaleJson({ language: 'de', strings });
    assert.doesNotMatch(json, /[<>&\u2028]/);
    const back = readWebviewLocale(json);
    assert.strictEqual(back.language, 'de');
    assert.deepStrictEqual(back.strings, strings);
  });

  it('the page falls back to English for a malformed block, never throwing', () => {
    for (const text of [null, undefined, '', 'not json', '{"language":', '[]', 'null', '42', '"de"', '{"strings":[]}', '{"strings":null}']) {
      const locale = readWebviewLocale(text);
      assert.strictEqual(locale.language, 'en', String(text));
      assert.deepStrictEqual(locale.strings, WEBVIEW_STRINGS, String(text));
    }
  });

  it('the page takes each good entry and English for each missing, non-string, empty, overlong or placeholder-changed one', () => {
    const locale = readWebviewLocale(JSON.stringify({
      language: 'de',
      strings: {
        'section.hints': 'Widerrufsrisiken',
        'section.size': 42,
        'section.verdict': '',
        'section.times': 'x'.repeat(5000),
        'section.compared': 'Verglichen',          // lost its {0}
        'section.nestedMany': 'Tokens ({0}) {1}',  // gained a {1}
        'verdict.noteMany': '{0} Sicherheitshinweise (Info)',
        'no.such.id': 'ignored',
        __proto__: 'x',
      },
    }));
    assert.strictEqual(locale.language, 'de');
    assert.strictEqual(locale.strings['section.hints'], 'Widerrufsrisiken');
    assert.strictEqual(locale.strings['verdict.noteMany'], '{0} Sicherheitshinweise (Info)');
    for (const id of ['section.size', 'section.verdict', 'section.times', 'section.compared', 'section.nestedMany', 'empty'] as const) {
      assert.strictEqual(locale.strings[id], WEBVIEW_STRINGS[id], id);
    }
    assert.ok(!('no.such.id' in locale.strings));
    assert.deepStrictEqual(Object.keys(locale.strings).sort(), [...IDS].sort());
  });

  it('a language tag the page cannot use is English', () => {
    assert.strictEqual(languageTag('de'), 'de');
    assert.strictEqual(languageTag('zh-cn'), 'zh-cn');
    assert.strictEqual(languageTag('pt-BR'), 'pt-BR');
    for (const bad of [undefined, '', 'de"><script>', 'd', 'de_DE', 'x'.repeat(40)]) assert.strictEqual(languageTag(bad), 'en', String(bad));
    assert.strictEqual(readWebviewLocale('{"language":"\\"><b>","strings":{}}').language, 'en');
  });

  it('fills placeholders by number and leaves one without an argument as it is', () => {
    assert.strictEqual(fillPlaceholders('Grund {0} · {1}', ['3', 'Titel']), 'Grund 3 · Titel');
    assert.strictEqual(fillPlaceholders('{1} vor {0}', ['a', 'b']), 'b vor a');
    assert.strictEqual(fillPlaceholders('{0} und {2}', ['a']), 'a und {2}');
  });

  it('configures present/locale in the page: the countdown, claim times and sizes in German', () => {
    configureLocale('de', GERMAN);
    const locale = readWebviewLocale(webviewLocaleJson({ language: 'de', strings: localizedWebviewStrings() }));
    configureLocale('en', undefined);
    // What the page does at start: only the table's words, as a bundle.
    configureLocale(locale.language, webviewBundle(locale.strings));
    const now = Date.UTC(2026, 0, 1, 12);
    const report = timeReport({ iat: now / 1000 - 60, exp: now / 1000 + 14 * 60 }, { now, clockSkewSec: 0 });
    assert.strictEqual(relativeText(report), 'läuft in 14 Min. ab');
    assert.strictEqual(relativeTimeText(-3 * 86_400_000), 'vor 3 Tagen');
    assert.strictEqual(bytesText(4096), '4,1 kB');
    configureLocale('en', undefined);
    assert.strictEqual(relativeText(report), 'expires in 14 min');
    assert.strictEqual(relativeTimeText(-3 * 86_400_000), '3 days ago');
    assert.strictEqual(relativeTimeText(5 * 60_000), 'in 5 min');
  });
});

describe('inspector claim rows in the display language (view model)', () => {
  afterEach(() => configureLocale('en', undefined));
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = `${b64({ alg: 'HS256', typ: 'JWT', kid: 'k1' })}.${b64({ iss: 'https://id.example', sub: 'u1', scope: 'a b', exp: 2_000_000_000 })}.${b64('sig')}`;
  const options = { title: 't', now: Date.UTC(2026, 0, 1), clockSkewSec: 60, maxLifetimeSec: 3600, sizeWarningBytes: 1024, timeDisplay: 'utc' as const, canReveal: false };

  it('the registry labels and explanations are German, the source stays a citation; English unconfigured', async () => {
    const { buildViewModel } = await import('../../../src/present/inspector/viewModel');
    const rows = (m: ReturnType<typeof buildViewModel>): Record<string, string> => {
      assert.ok(m.state === 'token' && m.payload.type === 'claims');
      return Object.fromEntries([...m.payload.rows, ...m.headerRows].map((r) => [r.name, `${r.title} · ${r.description}`]));
    };
    const en = rows(buildViewModel(token, options));
    assert.strictEqual(en.iss, 'Issuer · Who minted the token. (RFC 7519 §4.1.1)');
    configureLocale('de', GERMAN);
    const de = rows(buildViewModel(token, options));
    assert.strictEqual(de.iss, 'Aussteller · Wer das Token ausgestellt hat. (RFC 7519 §4.1.1)');
    assert.strictEqual(de.kid, 'Schlüssel-ID · Hinweis, welcher Schlüssel das Token prüft. (RFC 7515 §4.1.4)');
    assert.match(de.exp ?? '', /^Ablaufzeit · Nach diesem Zeitpunkt muss das Token abgelehnt werden\./);
    for (const name of Object.keys(en)) assert.notStrictEqual(de[name], en[name], name);
  });
});

describe('the live region in the display language (present/time.ts through the page strings)', () => {
  afterEach(() => configureLocale('en', undefined));
  const now = Date.UTC(2026, 0, 1, 12);
  const at = (claims: Record<string, number>) => timeReport(claims, { now, clockSkewSec: 60 });

  it('says the countdown in German words once the page is configured, in a case every duration fits', async () => {
    const { countdownAnnouncement, spokenDuration } = await import('../../../src/present/time');
    configureLocale('de', GERMAN);
    const locale = readWebviewLocale(webviewLocaleJson({ language: 'de', strings: localizedWebviewStrings() }));
    configureLocale('en', undefined);
    configureLocale(locale.language, webviewBundle(locale.strings));
    const s = now / 1000;
    assert.strictEqual(countdownAnnouncement(at({ iat: s - 60, exp: s + 14 * 60 + 30 })).text, 'Läuft ab: noch 14 Minuten');
    assert.strictEqual(countdownAnnouncement(at({ iat: s - 9e5, exp: s - 3 * 86400 })).text, 'Abgelaufen: Ablauf liegt 3 Tage zurück');
    assert.strictEqual(countdownAnnouncement(at({ iat: s - 600, exp: s - 30 })).text, 'Abgelaufen: Ablauf liegt weniger als eine Minute zurück, innerhalb der Uhrabweichung noch akzeptiert');
    assert.strictEqual(countdownAnnouncement(at({ nbf: s + 2 * 3600 + 5 * 60 })).text, 'Noch nicht gültig: noch 2 Stunden 5 Minuten bis zur Gültigkeit');
    assert.strictEqual(countdownAnnouncement(at({ iat: s })).text, 'Läuft nie ab: Das Token hat keinen exp-Claim');
    assert.strictEqual(countdownAnnouncement(at({}), 'jwe').text, 'Ablauf unbekannt (verschlüsselt)');
    assert.strictEqual(spokenDuration(86_400_000 + 3_600_000), '1 Tag 1 Stunde');
    configureLocale('en', undefined);
    assert.strictEqual(countdownAnnouncement(at({ iat: s - 60, exp: s + 14 * 60 + 30 })).text, 'Expires in 14 minutes');
    assert.strictEqual(spokenDuration(86_400_000 + 3_600_000), '1 day 1 hour');
  });
});

describe('the article reasons of the strings table', () => {
  it('are the core ARTICLE_REASONS, by number', async () => {
    const { ARTICLE_REASONS } = await import('../../../src/core');
    for (const n of [1, 2, 3, 4, 5] as const) assert.strictEqual(WEBVIEW_STRINGS[`reason.${n}`], ARTICLE_REASONS[n]);
  });
});

describe('the inspector comparison in the display language (present/compare.ts)', () => {
  afterEach(() => configureLocale('en', undefined));
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
  const jws = (header: unknown, payload: unknown): string => `${b64(header)}.${b64(payload)}.c2ln`;
  const EXP = 1796148000;

  it('headline and lines in German words and units; the CLI (unconfigured) keeps the English', async () => {
    const { compareTokens } = await import('../../../src/core');
    const { comparisonHeadline, comparisonLines } = await import('../../../src/present');
    const r = compareTokens(jws({ alg: 'HS256' }, { a: 1, exp: EXP }), jws({ alg: 'HS256', kid: 'n' }, { a: 2, b: 1, exp: EXP + 5400 }), { documents: false });
    assert.ok(r.ok);
    assert.strictEqual(comparisonHeadline(r.value.summary), 'kid (none) → n · exp +1 h 30 min · 2 added, 2 changed');
    configureLocale('de', GERMAN);
    assert.strictEqual(comparisonHeadline(r.value.summary), 'kid (keiner) → n · exp +1 Std. 30 Min. · 2 hinzugefügt, 2 geändert');
    assert.ok(comparisonLines(r.value.summary).some((l) => l.startsWith('exp: +1 Std. 30 Min. (')));
    const same = compareTokens(jws({ alg: 'HS256' }, { a: 1 }), jws({ alg: 'HS256' }, { a: 1 }), { documents: false });
    assert.ok(same.ok);
    assert.strictEqual(comparisonHeadline(same.value.summary), 'dasselbe Token');
  });
});

describe('the inspector decryption card in the display language (present/decryption.ts)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('headlines and sentences in German, the step named in German, the core sentence and key label as data; English unconfigured', async () => {
    const { decryptionText } = await import('../../../src/present/decryption');
    const failed = { state: 'failed' as const, error: { code: 'ERR_JWE_KEY_MISMATCH' as const, step: 'key' as const, message: 'no key fits' } };
    assert.strictEqual(decryptionText({ state: 'no-keys' }).headline, 'Encrypted — no decryption key stored');
    configureLocale('de', GERMAN);
    assert.strictEqual(decryptionText({ state: 'no-keys' }).headline, 'Verschlüsselt – kein Entschlüsselungsschlüssel gespeichert');
    assert.match(decryptionText({ state: 'no-keys' }).message, /„Token Lens: Entschlüsselungsschlüssel hinzufügen…“/);
    assert.strictEqual(decryptionText({ state: 'pending' }).headline, 'Wird entschlüsselt…');
    assert.deepStrictEqual([decryptionText(failed).headline, decryptionText(failed).message], ['Verschlüsselt – kein gespeicherter Schlüssel passt', 'no key fits (Schritt: Schlüsselauswahl)']);
  });
});

describe('the nested-token notices of the strings table', () => {
  it('write the core sentences exactly, in English, with the same bounds', async () => {
    const { MAX_NESTED_DEPTH, MAX_NESTED_TOKENS } = await import('../../../src/core/nested');
    const { nestedTokens, decodeToken } = await import('../../../src/core');
    const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jws = (payload: unknown): string => `${b64({ alg: 'HS256' })}.${b64(payload)}.c2ln`;
    // A chain deeper than the bound gives the too-deep notice; its English is the table's, filled.
    let token = jws({ leaf: true });
    for (let i = 0; i < MAX_NESTED_DEPTH + 1; i++) token = jws({ inner: token });
    const decoded = decodeToken(token);
    assert.ok(decoded.ok);
    const notices: { code: string; label: string; depth: number; message: string }[] = [];
    const walk = (n: { tokens: readonly { tokens?: unknown; notices?: unknown }[]; notices: readonly { code: string; label: string; depth: number; message: string }[] }): void => {
      notices.push(...n.notices);
      for (const t of n.tokens) walk(t as never);
    };
    walk(nestedTokens(decoded.value, { now: Date.UTC(2026, 0, 1) }) as never);
    const deep = notices.find((n) => n.code === 'too-deep');
    assert.ok(deep !== undefined, JSON.stringify(notices));
    assert.strictEqual(fillPlaceholders(WEBVIEW_STRINGS['nested.notice.tooDeep'], [String(deep.depth), deep.label, String(MAX_NESTED_DEPTH)]), deep.message);
    assert.match(WEBVIEW_STRINGS['nested.notice.tooMany'], /^More than \{0\} nested tokens/);
    assert.ok(MAX_NESTED_TOKENS > 0);
  });
});

describe('present texts the page draws through l10n.t', () => {
  afterEach(() => configureLocale('en', undefined));

  it('kindLabel is German in the page, from the table alone (the badge of an alg: none token)', async () => {
    const { kindLabel } = await import('../../../src/present');
    configureLocale('de', GERMAN);
    const locale = readWebviewLocale(webviewLocaleJson({ language: 'de', strings: localizedWebviewStrings() }));
    configureLocale('en', undefined);
    assert.strictEqual(kindLabel('unsecured'), 'Unsecured JWS');
    configureLocale(locale.language, webviewBundle(locale.strings));
    assert.strictEqual(kindLabel('unsecured'), 'Ungesichertes JWS');
    assert.strictEqual(kindLabel('jws'), 'JWS');
  });
});
