import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CLAIMS, COST_NOTES, FINDING_TEXTS, HEADER_PARAMETERS, MESSAGE_TEXTS } from '../../src/core';
import { findingExplanations } from '../../src/present/findingHelp';
import { WEBVIEW_STRINGS } from '../../src/present/inspector/strings';

// Localisation (issue 15): package.json contributions through package.nls*.json, runtime strings
// through l10n/bundle.l10n*.json; every language has every key, and none is left empty or English.
const ROOT = path.join(__dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const manifest = readJson('package.json') as Record<string, unknown> & { l10n?: string };

/** Properties VS Code shows to users wherever they occur under `contributes`. */
const LOCALISED = new Set([
  'title', 'shortTitle', 'category', 'name', 'contextualTitle', 'label', 'description', 'markdownDescription',
  'enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels', 'deprecationMessage', 'markdownDeprecationMessage', 'contents', 'altText',
]);
/** German text that is rightly the same as the English: the product name and words German UI uses as is (the inspector's JWT terms, a table's "Name" column). */
const SAME_IN_GERMAN = new Set(['Token Lens', 'Tokens', 'Header', 'Payload', 'Claims', 'Name']);
/** Names from the token itself (header parameters, claims, JOSE terms): an evidence template made only of them and placeholders reads the same in German (`kid {0}`). */
const TOKEN_WORDS = new Set(['alg', 'kid', 'crit', 'zip', 'b64', 'false', 'typ', 'enc', 'p2c', '_sd_alg', 'JWS', 'JWE']);
const onlyTokenWords = (s: string): boolean => (s.replace(/\{\d+\}/g, ' ').match(/[\p{L}_][\p{L}\d_]*/gu) ?? []).every((w) => TOKEN_WORDS.has(w));
const NLS_KEY = /^%([^%]+)%$/;

/** Every localisable string of the manifest, with where it is. */
function localisableStrings(): { where: string; value: unknown }[] {
  const out: { where: string; value: unknown }[] = [];
  const u = (manifest.capabilities as { untrustedWorkspaces?: { description?: unknown } } | undefined)?.untrustedWorkspaces;
  out.push({ where: 'displayName', value: manifest.displayName }, { where: 'description', value: manifest.description });
  if (u?.description !== undefined) out.push({ where: 'capabilities.untrustedWorkspaces.description', value: u.description });
  const walk = (node: unknown, where: string, localised: boolean): void => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${where}[${i}]`, localised));
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, `${where}.${k}`, LOCALISED.has(k));
    } else if (localised) out.push({ where, value: node });
  };
  walk(manifest.contributes, 'contributes', false);
  return out;
}

function languageFiles(dir: string, base: string): { lang: string; file: string }[] {
  const re = new RegExp(`^${base.replace(/\./g, '\\.')}\\.([a-z]{2}(?:-[a-z]+)?)\\.json$`, 'i');
  return readdirSync(path.join(ROOT, dir)).flatMap((f) => {
    const m = re.exec(f);
    return m ? [{ lang: m[1]!, file: path.join(dir, f) }] : [];
  });
}

function checkTranslations(english: Record<string, string>, translations: { lang: string; file: string }[], valueOf: (v: unknown) => unknown): void {
  assert.ok(translations.some((t) => t.lang === 'de'), 'a German translation ships');
  for (const { lang, file } of translations) {
    const other = readJson(file) as Record<string, unknown>;
    assert.deepEqual(Object.keys(other).filter((k) => !(k in english)), [], `${file}: keys the English file does not have`);
    assert.deepEqual(Object.keys(english).filter((k) => !(k in other)), [], `${file}: keys missing`);
    for (const [k, en] of Object.entries(english)) {
      const text = valueOf(other[k]);
      assert.equal(typeof text, 'string', `${file}: ${k} is text`);
      assert.notEqual((text as string).trim(), '', `${file}: ${k} is empty`);
      if (lang === 'de' && !SAME_IN_GERMAN.has(en) && !onlyTokenWords(en)) assert.notEqual(text, en, `${file}: ${k} is still English`);
      // Placeholders and command links carry meaning: a translation keeps every one of them.
      const marks = (s: string): string[] => [...s.matchAll(/\{\d+\}|\(command:[^)]*\)/g)].map((m) => m[0]).sort();
      assert.deepEqual(marks(text as string), marks(en), `${file}: ${k} keeps placeholders and command links`);
    }
  }
}

describe('localisation: package.json contributions (package.nls.json)', () => {
  const english = readJson('package.nls.json') as Record<string, string>;

  it('no user-visible manifest string is a bare literal', () => {
    const found = localisableStrings();
    assert.ok(found.length > 40, `walked the manifest (${found.length} strings)`);
    const literal = found.filter((s) => typeof s.value !== 'string' || !NLS_KEY.test(s.value));
    assert.deepEqual(literal.map((s) => `${s.where}: ${JSON.stringify(s.value)}`), []);
  });

  it('every %key% the manifest uses exists in package.nls.json, and every key there is used', () => {
    const used = new Set(localisableStrings().map((s) => NLS_KEY.exec(String(s.value))?.[1]));
    assert.deepEqual([...used].filter((k) => k === undefined || !(k in english)), []);
    assert.deepEqual(Object.keys(english).filter((k) => !used.has(k)), [], 'keys no manifest string uses');
  });

  it('every other language has exactly the English keys, none empty or left in English', () => {
    checkTranslations(english, languageFiles('.', 'package.nls'), (v) => v);
  });
});

describe('localisation: runtime strings (l10n/bundle.l10n.json)', () => {
  it('package.json names the bundle folder, and it holds the English bundle', () => {
    assert.equal(manifest.l10n, './l10n');
    assert.ok(existsSync(path.join(ROOT, 'l10n', 'bundle.l10n.json')));
  });

  it('every other language has exactly the English keys, none empty or left in English', () => {
    const raw = readJson('l10n/bundle.l10n.json') as Record<string, string | { message: string }>;
    const text = (v: unknown): unknown => (v !== null && typeof v === 'object' ? (v as { message: unknown }).message : v);
    const english = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, text(v) as string]));
    assert.ok(Object.keys(english).length > 0, 'the bundle has strings');
    checkTranslations(english, languageFiles('l10n', 'bundle.l10n'), text);
  });

  const englishKeys = (): Set<string> => new Set(Object.keys(readJson('l10n/bundle.l10n.json') as Record<string, unknown>));

  it('every finding and message template of the core (src/core/findingTexts.ts) is a key of the bundle, so every language has it (npm run l10n adds them)', () => {
    const keys = englishKeys();
    const templates = [...Object.values(FINDING_TEXTS).flatMap((t) => [t.message, t.evidence]), ...Object.values(MESSAGE_TEXTS)].filter((t) => /\p{L}/u.test(t));
    assert.ok(templates.length > 120, `read the table (${templates.length} templates)`);
    assert.deepEqual([...new Set(templates)].filter((t) => !keys.has(t)), []);
  });

  it('every finding explanation (present/finding-help.json, the inspector\'s Explain) is a key of the bundle', () => {
    const keys = englishKeys();
    const explanations = findingExplanations();
    assert.ok(explanations.length > 40, `read the explanations (${explanations.length})`);
    assert.deepEqual(explanations.filter((t) => !keys.has(t)), []);
  });

  it('every string of the inspector page (src/present/inspector/strings.ts) is a key of the bundle, so every language has it (scripts/l10n-webview.mjs adds them)', () => {
    const keys = englishKeys();
    const texts = Object.values(WEBVIEW_STRINGS);
    assert.ok(texts.length > 100, `read the table (${texts.length} strings)`);
    assert.deepEqual([...new Set(texts)].filter((t) => !keys.has(t)), []);
  });

  it('every label and explanation of the claim and header-parameter registry (src/core/claims.ts, the inspector\'s claim rows) and every algorithm cost note is a key of the bundle', () => {
    const keys = englishKeys();
    const texts = [...[...CLAIMS.values(), ...HEADER_PARAMETERS.values()].flatMap((r) => [r.label, r.description]), ...COST_NOTES];
    assert.ok(texts.length > 120, `read the registry (${texts.length} texts)`);
    assert.deepEqual([...new Set(texts)].filter((t) => !keys.has(t)), []);
  });

  it('every l10n.t literal in src is a key of the bundle (what l10n-dev export writes)', () => {
    const keys = englishKeys();
    const literals: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.ts$/.test(entry.name)) {
          const source = readFileSync(full, 'utf8');
          // l10n.t('…') and l10n.t("…") with a literal first argument (template literals are not keys).
          for (const m of source.matchAll(/\bl10n\.t\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g)) {
            literals.push(JSON.parse(`"${(m[1] ?? m[2]!).replace(/\\'/g, "'").replace(/(?<!\\)"/g, '\\"')}"`) as string);
          }
        }
      }
    };
    walk(path.join(ROOT, 'src'));
    assert.ok(literals.length > 50, `found the l10n.t calls (${literals.length})`);
    assert.deepEqual([...new Set(literals)].filter((t) => !keys.has(t)), [], 'run npm run l10n');
  });
});
