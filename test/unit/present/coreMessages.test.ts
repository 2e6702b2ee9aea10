import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { keyDescriptionParam, parseInstant, parsePrivateKey, parseVerificationKey, signToken } from '../../../src/core';
import type { InstantError } from '../../../src/core/instant';
import { unwrapBase64Token } from '../../../src/core/shapes/wrapped';
import { configureLocale, messageText } from '../../../src/present';
import { localizedWebviewStrings, readWebviewLocale, webviewBundle, webviewLocaleJson } from '../../../src/present/inspector/strings';

// Core sentences beyond the findings in the display language (issue 15): the core keeps its
// English (the CLI prints it byte for byte) and a text id with params; messageText writes the
// German from l10n/bundle.l10n.de.json.
const ROOT = path.join(__dirname, '..', '..', '..');
const GERMAN = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const NOW = Date.UTC(2026, 11, 1, 12);
const HELP = 'Type a date or a time such as "in 2 h", "2 h ago", "yesterday 18:00" or "2026-12-01T18:00Z".';
const HILFE = 'Geben Sie ein Datum oder eine Uhrzeit ein, z. B. „in 2 h“, „2 h ago“, „yesterday 18:00“ oder „2026-12-01T18:00Z“.';

function instantError(text: string, now = NOW): InstantError {
  const r = parseInstant(text, { now, utc: true });
  assert.ok(!r.ok, `${text} is refused`);
  return r.error;
}

describe('present: parseInstant\'s errors in the display language ("Valid at", --now)', () => {
  afterEach(() => configureLocale('en', undefined));

  const cases: [string, number, string, string][] = [
    ['  ', NOW, `Nothing typed. ${HELP}`, `Nichts eingegeben. ${HILFE}`],
    ['x'.repeat(65), NOW, `That is too long for a date. ${HELP}`, `Die Eingabe ist für ein Datum zu lang. ${HILFE}`],
    ['now', Number.NaN, 'The current time is unknown.', 'Die aktuelle Uhrzeit ist unbekannt.'],
    ['in 1 w', 8.64e15, 'That date is outside the range of dates.', 'Dieses Datum liegt außerhalb des darstellbaren Bereichs.'],
    [' 2026-02-30 ', NOW, `"2026-02-30" is not a valid date. ${HELP}`, `„2026-02-30“ ist kein gültiges Datum. ${HILFE}`],
    ['25:00', NOW, `"25:00" is not a time of day. ${HELP}`, `„25:00“ ist keine gültige Uhrzeit. ${HILFE}`],
    ['morgen', NOW, `"morgen" is not a date Token Lens understands. ${HELP}`, `„morgen“ ist kein Datum, das Token Lens versteht. ${HILFE}`],
  ];

  it('the core keeps its English; messageText writes German, and English unconfigured', () => {
    for (const [text, now, english, german] of cases) {
      const error = instantError(text, now);
      assert.equal(error.message, english);
      assert.equal(messageText(error), english);
      configureLocale('de', GERMAN);
      assert.equal(messageText(error), german);
      configureLocale('en', undefined);
    }
  });

  it('the inspector page reads them in German from its strings table alone (what it shows under "Valid at")', () => {
    configureLocale('de', GERMAN);
    const locale = readWebviewLocale(webviewLocaleJson({ language: 'de', strings: localizedWebviewStrings() }));
    configureLocale('en', undefined);
    configureLocale(locale.language, webviewBundle(locale.strings));
    for (const [text, now, , german] of cases) assert.equal(messageText(instantError(text, now)), german);
  });
});

describe('present: key descriptions inside German sentences (sign.algMismatch, sign.cannotSign)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('"EC private key (P-384)" is a nested sentence: German in German, the English unchanged', async () => {
    const { privateKey: ec } = await generateKeyPair('ES384', { extractable: true });
    const key = await parsePrivateKey({ kind: 'pem', pem: await exportPKCS8(ec) });
    assert.ok(key.ok);
    assert.equal(key.value.description, 'EC private key (P-384)');
    const signed = await signToken({ header: '{}', payload: '{}', key: key.value, alg: 'RS256' });
    assert.ok(!signed.ok);
    assert.equal(signed.error.message, 'RS256 does not fit this EC private key (P-384): it signs with ES384');
    configureLocale('de', GERMAN);
    assert.equal(messageText(signed.error), 'RS256 passt nicht zu diesem Schlüssel (Privater EC-Schlüssel (P-384)): Er signiert mit ES384');
  });

  it('every description form reads back to its own English, and German for each', () => {
    const cases: [string, string][] = [
      ['RSA public key (2048 bit)', 'Öffentlicher RSA-Schlüssel (2.048 Bit)'],
      ['EC public key (unknown curve)', 'Öffentlicher EC-Schlüssel (unbekannte Kurve)'],
      ['Ed25519 public key', 'Öffentlicher Ed25519-Schlüssel'],
      ['HMAC secret (32 bytes)', 'HMAC-Geheimnis (32 Byte)'],
      ['RSA private key (4096 bit)', 'Privater RSA-Schlüssel (4.096 Bit)'],
      ['X25519 private key', 'Privater X25519-Schlüssel'],
      ['Secret (64 bytes)', 'Geheimnis (64 Byte)'],
      ['JWKS with 3 keys', 'JWKS with 3 keys'],
    ];
    for (const [english, german] of cases) {
      const param = keyDescriptionParam(english);
      assert.equal(param.message, english);
      configureLocale('de', GERMAN);
      assert.equal(messageText({ message: 'x', textId: 'sign.cannotSign', params: [param] }), `Dieser Schlüssel (${german}) kann kein JWS signieren`);
      configureLocale('en', undefined);
    }
  });
});

describe('present: a JWKS entry\'s errors and skip reasons in the display language', () => {
  afterEach(() => configureLocale('en', undefined));

  async function jwksError(keys: unknown[]): Promise<{ message: string; textId?: string; params?: readonly unknown[] }> {
    const r = await parseVerificationKey({ label: 'k', material: { kind: 'jwks', json: JSON.stringify({ keys }) } });
    assert.ok(!r.ok);
    return r.error;
  }

  it('"The JWKS holds no public signing key: …" lists each member\'s reason, German in German', async () => {
    const error = await jwksError([{ kty: 'oct', k: 'AAAA' }, { kty: 'RSA', n: 'x', e: 'AQAB', d: 'x' }, { kty: 'EC', use: 'enc' }, { kty: 'EC', key_ops: ['sign'] }, { kty: 'XX' }]);
    assert.equal(error.message, 'The JWKS holds no public signing key: JWKS key #1 is an "oct" secret; a key set holds public keys only, add HMAC secrets as a secret; JWKS key #2 carries private key parameters ("d"); JWKS key #3 has "use" "enc", not "sig"; 2 more skipped');
    configureLocale('de', GERMAN);
    assert.equal(messageText(error as Parameters<typeof messageText>[0]), 'Das JWKS enthält keinen öffentlichen Signaturschlüssel: JWKS-Schlüssel Nr. 1 ist ein „oct“-Geheimnis; ein Schlüsselsatz enthält nur öffentliche Schlüssel. Fügen Sie HMAC-Geheimnisse als Geheimnis hinzu; JWKS-Schlüssel Nr. 2 enthält Parameter eines privaten Schlüssels ("d"); JWKS-Schlüssel Nr. 3 hat „use“ "enc" statt „sig“; 2 weitere übersprungen');
  });

  it('the other reasons and an entry that cannot be read', async () => {
    const cases: [unknown[], string, string][] = [
      [[{}], 'JWKS key #1 has no "kty"; Token Lens verifies with RSA, EC and OKP public keys', 'JWKS-Schlüssel Nr. 1 hat kein „kty“; Token Lens prüft mit öffentlichen RSA-, EC- und OKP-Schlüsseln'],
      [[{ kty: 'EC', use: 5 }], 'JWKS key #1 has "use" that is not a string, not "sig"', 'JWKS-Schlüssel Nr. 1 hat ein „use“, das kein String ist, statt „sig“'],
      [[{ kty: 'EC', key_ops: ['sign'] }], 'JWKS key #1 has "key_ops" without "verify"', 'JWKS-Schlüssel Nr. 1 hat „key_ops“ ohne „verify“'],
    ];
    for (const [keys, english, german] of cases) {
      const error = await jwksError(keys);
      assert.equal(error.message, `The JWKS holds no public signing key: ${english}`);
      configureLocale('de', GERMAN);
      assert.equal(messageText(error as Parameters<typeof messageText>[0]), `Das JWKS enthält keinen öffentlichen Signaturschlüssel: ${german}`);
      configureLocale('en', undefined);
    }
    const bad = await parseVerificationKey({ label: 'k', material: { kind: 'jwk', json: JSON.stringify({ kty: 'oct' }) } });
    assert.ok(!bad.ok);
    assert.equal(bad.error.message, 'JWK: an "oct" JWK needs a string "k"');
    configureLocale('de', GERMAN);
    assert.equal(messageText(bad.error), 'JWK: Ein „oct“-JWK braucht einen String „k“');
  });
});

describe('present: the base64 wrapper\'s errors in the display language (shapes/wrapped.ts)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('empty, not base64, not UTF-8: English as before, German in German', () => {
    const cases: [string, string, string][] = [
      ['', 'The base64 text is empty', 'Der base64-Text ist leer'],
      ['!!!!', 'The text is not base64', 'Der Text ist kein base64'],
      [Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), 'The base64 text does not decode to UTF-8 text', 'Der base64-Text ergibt dekodiert keinen UTF-8-Text'],
    ];
    for (const [blob, english, german] of cases) {
      const r = unwrapBase64Token(blob);
      assert.ok(!r.ok, blob);
      assert.equal(r.error.message, english);
      configureLocale('de', GERMAN);
      assert.equal(messageText(r.error), german);
      configureLocale('en', undefined);
    }
  });
});
