import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePrivateKey, parseVerificationKey } from '../../../src/core/keys';
import { checkDecryptable, decryptToken } from '../../../src/core/decrypt';
import { decodeToken, MESSAGE_TEXTS } from '../../../src/core';
import { MAX_JSON_DEPTH, readJson } from '../../../src/core/json';
import { decodePaseto } from '../../../src/core/shapes/paseto';
import { fixtureJson } from '../core/shapes/fixtures';
import { generateSigningKeyPair } from '../../../src/core/keygen';
import type { KeyPairType } from '../../../src/core/keygen';
import { signToken } from '../../../src/core/sign';
import { readEditDocument, editDocumentText } from '../../../src/model/editDocument';
import { parseJwksUrl } from '../../../src/model/jwksFetch';
import { configureLocale, messageText } from '../../../src/present';
import { decryptionText } from '../../../src/present/decryption';
import { contextLabel } from '../../../src/present/context';
import { severityLabel } from '../../../src/present/severity';

// Editing, signing and JWKS messages in the display language (issue 15): the core's signing
// sentences through MESSAGE_TEXTS, the pure model messages through l10n.t, read with the
// German bundle and unconfigured (English, byte for byte as before).
const ROOT = path.join(__dirname, '..', '..', '..');
const GERMAN = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

async function signedWithShortSecret() {
  const key = await parsePrivateKey({ kind: 'secret', value: 'short', encoding: 'utf8' });
  if (!key.ok) throw new Error(key.error.message);
  const signed = await signToken({ header: { typ: 'JWT' }, payload: '{"sub":"x"}', key: { ...key.value, kid: 'k1' } });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value;
}

describe('present messageText: signing, editing and JWKS messages in German', () => {
  afterEach(() => configureLocale('en', undefined));

  it('the signing description and the short-secret note: English as before, German from the bundle', async () => {
    const signed = await signedWithShortSecret();
    assert.equal(signed.description, 'Signed with HS256 (key id k1)');
    assert.deepEqual(signed.notes, ['The secret is 5 bytes; HS256 needs at least 32 (RFC 7518 §3.2), so it is easier to guess']);
    assert.equal(messageText(signed.descriptionText), signed.description);
    assert.deepEqual(signed.noteTexts.map((n) => n.message), signed.notes);
    configureLocale('de', GERMAN);
    assert.equal(messageText(signed.descriptionText), 'Signiert mit HS256 (Schlüssel-ID k1)');
    assert.equal(messageText(signed.noteTexts[0]!), 'Das Geheimnis hat 5 Byte; HS256 braucht mindestens 32 (RFC 7518 §3.2), es ist also leichter zu erraten');
  });

  it('an unsecured token says so in German', async () => {
    const signed = await signToken({ header: {}, payload: '{}', unsecured: true });
    assert.ok(signed.ok);
    assert.equal(signed.value.description, 'Unsecured (alg "none"), not signed: anyone can forge it (RFC 8725 §3.1)');
    configureLocale('de', GERMAN);
    assert.equal(messageText(signed.value.descriptionText), 'Ungesichert (alg "none"), nicht signiert: Jeder kann es fälschen (RFC 8725 §3.1)');
  });

  it('the edit document errors: English unconfigured, German configured, the found name kept as data', () => {
    const extra = '{"header":{},"payload":{},"<b>x</b>":1}';
    const shape = readEditDocument(extra);
    assert.ok(!shape.ok);
    assert.equal(shape.error.message, 'Only "header" and "payload" belong at the top level (found "<b>x</b>").');
    const syntax = readEditDocument('{"header":');
    assert.ok(!syntax.ok);
    assert.match(syntax.error.message, /^The document is not valid JSON \(\w+ at offset \d+\)\.$/);
    configureLocale('de', GERMAN);
    const de = readEditDocument(extra);
    assert.ok(!de.ok);
    assert.equal(de.error.message, 'Auf die oberste Ebene gehören nur „header“ und „payload“ (gefunden: „<b>x</b>“).');
    const missing = readEditDocument('{"header":{}}');
    assert.ok(!missing.ok);
    assert.equal(missing.error.message, '„payload“ fehlt.');
    const jwe = editDocumentText(`${b64({ alg: 'dir', enc: 'A256GCM' })}..AAAA.AAAA.AAAA`);
    assert.ok(!jwe.ok);
    assert.equal(jwe.error.message, 'Ein verschlüsseltes Token (JWE) lässt sich nicht bearbeiten: Seine Payload ist Chiffretext.');
  });

  it('JWKS URL refusals in German', () => {
    const english = parseJwksUrl('ftp://example.com/jwks.json');
    assert.ok(!english.ok);
    assert.equal(english.error.message, 'Only http and https URLs can be fetched');
    configureLocale('de', GERMAN);
    const bad = parseJwksUrl('not a url');
    assert.ok(!bad.ok);
    assert.equal(bad.error.message, 'Keine gültige URL');
    const creds = parseJwksUrl('https://u:p@example.com/jwks.json');
    assert.ok(!creds.ok);
    assert.equal(creds.error.message, 'URLs mit eingebetteten Anmeldeinformationen werden abgelehnt');
  });

  it('decryption failures: the core sentence and its step in German, the English unchanged', async () => {
    const jwe = `${b64({ alg: 'RSA-OAEP', enc: 'A256GCM', crit: ['exp', 'x'] })}.AAAA.AAAA.AAAA.AAAA`;
    const crit = checkDecryptable(jwe);
    assert.ok(!crit.ok);
    assert.equal(crit.error.message, 'The header marks "exp" and 1 more critical, an extension Token Lens does not understand, so the JWE must be rejected (RFC 7515 §4.1.11)');
    assert.equal(decryptionText({ state: 'failed', error: crit.error }).message, `${crit.error.message} (step: header)`);
    const p2c = checkDecryptable(`${b64({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2s: 'AAAAAAAAAAA', p2c: 10_000_000 })}.AAAA.AAAA.AAAA.AAAA`, { maxPbes2Count: 600_000 });
    assert.ok(!p2c.ok);
    assert.match(p2c.error.message, /^Refused before any work: PBES2 "p2c" is 10000000, over the bound of 600000 iterations;/);
    const none = await decryptToken(`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.AAAA.AAAA.AAAA.AAAA`, []);
    assert.ok(!none.ok);
    configureLocale('de', GERMAN);
    assert.equal(decryptionText({ state: 'failed', error: crit.error }).message, 'Der Header kennzeichnet „exp“ und 1 weitere als kritisch, Erweiterungen, die Token Lens nicht versteht; das JWE muss daher abgelehnt werden (RFC 7515 §4.1.11) (Schritt: Header)');
    assert.match(messageText(p2c.error), /^Vor jeder Arbeit abgelehnt: PBES2-„p2c“ ist 10\.000\.000 und liegt über der Grenze von 600\.000 Iterationen;/);
    assert.equal(decryptionText({ state: 'failed', error: none.error }).message, 'Es wurde kein Entschlüsselungsschlüssel angegeben (Schritt: Schlüsselauswahl)');
  });

  it('signing errors in German: the part named with its article, the key description and JSON detail kept as data', async () => {
    const key = await parsePrivateKey({ kind: 'secret', value: 'a-32-byte-secret-for-hs256-abcde', encoding: 'utf8' });
    assert.ok(key.ok);
    const dup = await signToken({ header: '{"alg":"HS256","alg":"none"}', payload: '{}', key: key.value });
    assert.ok(!dup.ok);
    assert.equal(dup.error.message, 'The header has the member "alg" twice; a verifier may read either (RFC 7515 §4, RFC 7519 §4)');
    const nested = await signToken({ header: {}, payload: '{"a":{"b":1,"b":2}}', key: key.value });
    assert.ok(!nested.ok);
    const mismatch = await signToken({ header: {}, payload: '{}', key: key.value, alg: 'ES256' });
    assert.ok(!mismatch.ok);
    assert.match(mismatch.error.message, /^ES256 does not fit this .+: it signs with HS256/);
    configureLocale('de', GERMAN);
    assert.equal(messageText(dup.error), 'Der Header enthält den Member „alg“ zweimal; ein Prüfer kann jeden der beiden lesen (RFC 7515 §4, RFC 7519 §4)');
    assert.match(messageText(nested.error), /^Die Payload enthält den Member „b“ zweimal in .+; ein Prüfer kann jeden der beiden lesen/);
    assert.match(messageText(mismatch.error), /^ES256 passt nicht zu diesem Schlüssel \(.+\): Er signiert mit HS256/);
  });

  it('key reading errors in German, the English unchanged', async () => {
    const noPem = await parsePrivateKey({ kind: 'pem', pem: 'not a key' });
    assert.ok(!noPem.ok);
    assert.equal(noPem.error.message, 'No complete PEM block (-----BEGIN …----- … -----END …-----) was found');
    const encrypted = await parsePrivateKey({ kind: 'pem', pem: '-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----' });
    assert.ok(!encrypted.ok);
    const jwks = await parseVerificationKey({ label: 'k', material: { kind: 'jwks', json: '{"keys":[]}' } });
    assert.ok(!jwks.ok);
    assert.equal(jwks.error.message, 'The JWKS has no keys');
    configureLocale('de', GERMAN);
    assert.equal(messageText(noPem.error), 'Es wurde kein vollständiger PEM-Block (-----BEGIN …----- … -----END …-----) gefunden');
    assert.equal(messageText(encrypted.error), 'Der private Schlüssel ist verschlüsselt; entschlüsseln Sie ihn zuerst (openssl pkcs8 -in key.pem -out plain.pem)');
    assert.equal(messageText(jwks.error), 'Das JWKS enthält keine Schlüssel');
  });

  it('key pair generation errors in German, the English unchanged', async () => {
    const unknown = await generateSigningKeyPair('DSA-1024' as KeyPairType);
    assert.ok(!unknown.ok);
    assert.match(unknown.error.message, /^Unknown key type; use one of RSA-2048, /);
    const alg = await generateSigningKeyPair('EC-P-256', { alg: 'RS256' });
    assert.ok(!alg.ok);
    assert.equal(alg.error.message, 'A EC P-256 key signs with ES256');
    configureLocale('de', GERMAN);
    assert.equal(messageText(alg.error), 'Ein EC P-256-Schlüssel signiert mit ES256');
    assert.match(messageText(unknown.error), /^Unbekannter Schlüsseltyp; verwenden Sie einen der folgenden: RSA-2048, /);
  });

  it('PASETO decode errors in German, the English unchanged', () => {
    const short = decodePaseto(`v4.public.${Buffer.from('{}').toString('base64url')}`);
    assert.ok(!short.ok);
    assert.equal(short.error.message, 'A v4.public payload ends with a 64-byte signature; this one is shorter');
    configureLocale('de', GERMAN);
    assert.equal(messageText(short.error), 'Eine v4.public-Payload endet mit einer 64 Byte langen Signatur; diese ist kürzer');
  });

  it('a signed cookie or PASETO token given as a JWT says what it is, in German', () => {
    const cookies = fixtureJson<{ flask: string; django: string }>('signed-cookies.json');
    const flask = decodeToken(cookies.flask);
    assert.ok(!flask.ok);
    assert.equal(flask.error.message, "This is a Flask (itsdangerous) session cookie, not a JWT: payload.timestamp.signature, signed with the app's secret key");
    const paseto = decodeToken(fixtureJson<{ v4Public: string }>('paseto.json').v4Public);
    assert.ok(!paseto.ok);
    assert.equal(paseto.error.message, 'This is a PASETO v4.public token, not a JWT: a signed JSON message, no JOSE header');
    configureLocale('de', GERMAN);
    assert.equal(messageText(flask.error), 'Dies ist ein Flask-Sitzungscookie (itsdangerous), kein JWT: payload.timestamp.signature, signiert mit dem geheimen Schlüssel der App');
    assert.equal(messageText(paseto.error), 'Dies ist ein PASETO-v4.public-Token, kein JWT: eine signierte JSON-Nachricht ohne JOSE-Header');
    const django = decodeToken(cookies.django);
    assert.ok(!django.ok);
    assert.equal(messageText(django.error), 'Dies ist ein signiertes Django-Cookie, kein JWT: payload:timestamp:signature, signiert mit dem SECRET_KEY der Website');
  });

  it("the JSON reader's reason inside 'header is not valid JSON', in German", async () => {
    const bad = decodeToken(`${Buffer.from('{"alg":').toString('base64url')}.e30.c2ln`);
    assert.ok(!bad.ok);
    assert.equal(bad.error.message, 'The header segment is not valid JSON (Unexpected end of JSON)');
    const deep = readJson('['.repeat(MAX_JSON_DEPTH + 1));
    assert.ok(!deep.ok);
    assert.equal(deep.error.message, MESSAGE_TEXTS['json.tooDeep'], 'the table holds the reader\'s own sentence (MAX_JSON_DEPTH)');
    const key = await parsePrivateKey({ kind: 'secret', value: 'a-32-byte-secret-for-hs256-abcde', encoding: 'utf8' });
    assert.ok(key.ok);
    const payload = await signToken({ header: {}, payload: '{"a":1,}', key: key.value });
    assert.ok(!payload.ok);
    configureLocale('de', GERMAN);
    assert.equal(messageText(bad.error), `${GERMAN['The header segment is not valid JSON ({0})']!.replace('{0}', 'Unerwartetes Ende des JSON')}`);
    assert.match(messageText(payload.error), /^Die Payload ist kein gültiges JSON \((Unerwartetes Zeichen|Membername erwartet)\)$/);
  });

  it('the place label of an unnamed http variable and the tree tooltip severity word', () => {
    const match = { context: { kind: 'http-variable' as const } };
    assert.equal(contextLabel(match, 2), '@variable · line 3');
    assert.equal(severityLabel('warning'), 'Warning');
    configureLocale('de', GERMAN);
    assert.equal(contextLabel(match, 2), '@Variable · Zeile 3');
    assert.equal(severityLabel('error'), GERMAN['Error']);
    assert.notEqual(severityLabel('error'), 'Error');
  });
});
