import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWeakSecretChecker, decodeToken, FINDING_TEXTS, inspectToken, MESSAGE_TEXTS, normalizeTokenInput, parseVerificationKey, verifyToken } from '../../../src/core';
import type { Finding, Inspection, TokenError } from '../../../src/core';
import { bytesText, configureLocale, durationText, exceededLimitsText, findingText, localizedFinding, messageText, segmentErrorsText, sizeCostText, sizeText, undecodedText } from '../../../src/present';
import { markdownText } from '../../../src/present/escape';
import { findingExplanation } from '../../../src/present/findingHelp';
import { kindLabel } from '../../../src/present/kind';
import FINDING_HELP from '../../../src/present/finding-help.json';

// Finding texts in the display language (issue 15): the core writes English from one table
// (src/core/findingTexts.ts), present/findingText.ts writes the same template through the
// German bundle with the params in German digits and units.
const ROOT = path.join(__dirname, '..', '..', '..');
const GERMAN = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const T = 1_700_000_000;
const NOW = (T + 60) * 1000;

function inspect(header: unknown, payload: unknown, signature = 'c2lnbmF0dXJl'): Inspection {
  const r = inspectToken(`${b64(header)}.${b64(payload)}.${signature}`, { now: NOW });
  assert.ok(r.ok);
  return r.value;
}
const all = (i: Inspection): Finding[] => [...i.findings, ...i.hints];
const byCode = (i: Inspection, code: string): Finding => {
  const f = all(i).find((x) => x.code === code);
  assert.ok(f, `${code} found`);
  return f;
};

/** Tokens that raise most findings between them. */
function fixtures(): Inspection[] {
  return [
    inspect({ alg: 'RS256', typ: 'JWT' }, { sub: 'x', iat: T, exp: T + 30 * 86400 }),
    inspect({ alg: 'ES256' }, { sub: 'x', email: 'a@b.c' }),
    inspect({ alg: 'RS256', typ: 'refresh+jwt' }, { sub: 'x', iat: T, exp: T + 90 * 86400 }),
    inspect({ alg: 'RS256', typ: 'JWT' }, { sub: 'x', iat: T, exp: T + 600, blob: 'x'.repeat(9000) }),
    inspect({ alg: 'RS256', jku: 'https://evil/jwks', jwk: { kty: 'oct', k: 'AA' }, kid: '../etc/passwd', crit: ['b64'], b64: false }, { sub: 'x', exp: T }),
    inspect({ alg: 'RS256', typ: 'JWT' }, { sub: 'x', iat: T + 99_999, nbf: T + 5000, exp: T + 100, auth_time: 'yesterday' }),
    inspect({ alg: 'none' }, { sub: 'x' }, ''),
    inspect({ alg: 'HS256' }, { sub: 'x' }, ''),
    inspect({ alg: 'XY999' }, [1, 2]),
  ];
}

describe('present findingText: findings in the display language', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured (the CLI, English) it is the core text, byte for byte, for every finding of the fixtures', () => {
    const found = fixtures().flatMap(all);
    assert.ok(found.length > 30, `${found.length} findings`);
    for (const f of found) {
      assert.ok(f.textId !== undefined && f.textId in FINDING_TEXTS, `${f.code} has a text id`);
      assert.deepEqual(findingText(f), { message: f.message, evidence: f.evidence });
    }
  });

  it('the core writes its English from the table, with durations and sizes in the core formats', () => {
    const life = byCode(fixtures()[0]!, 'TL102');
    assert.equal(life.message, 'A leaked copy of this token works until 2023-12-14T22:13:20.000Z; nothing short of a denylist stops it sooner.');
    assert.equal(life.evidence, 'lifetime 30 days (exp − iat), over the 1 h threshold');
    assert.deepEqual(life.params, ['2023-12-14T22:13:20.000Z', { seconds: 30 * 86400 }, { seconds: 3600 }]);
    const large = byCode(fixtures()[3]!, 'TL106');
    assert.match(large.message, /^Every request carries \d+\.\d KB for this token, \d+× a 32-byte session id\.$/);
    assert.match(large.evidence, /^\d{5} bytes, over the 1024-byte threshold; .* per million requests; heaviest claim `blob` \(\d{4,5} B\)$/);
  });

  it('in German: every finding of the fixtures reads in German, with its placeholders filled', () => {
    configureLocale('de', GERMAN);
    for (const f of fixtures().flatMap(all)) {
      const words = findingText(f);
      assert.notEqual(words.message, f.message, `${f.textId} message translated`);
      assert.doesNotMatch(`${words.message} ${words.evidence}`, /\{\d+\}/, `${f.textId}: no placeholder left`);
    }
  });

  it('in German: durations, dates and thresholds in German units (TL102)', () => {
    configureLocale('de', GERMAN);
    const words = findingText(byCode(fixtures()[0]!, 'TL102'));
    assert.equal(words.message, 'Eine abgeflossene Kopie dieses Tokens funktioniert bis 2023-12-14T22:13:20.000Z; früher stoppt sie nur eine Sperrliste.');
    assert.equal(words.evidence, 'Lebensdauer 30 Tage (exp − iat), über dem Schwellenwert von 1 Std.');
  });

  it('in German: sizes and counts through Intl (TL106, TL107: 12.124 Byte, 4.096)', () => {
    configureLocale('de', GERMAN);
    const big = fixtures()[3]!;
    const large = findingText(byCode(big, 'TL106'));
    const total = big.size.totalBytes;
    const grouped = new Intl.NumberFormat('de').format(total);
    assert.match(grouped, /^\d+\.\d{3}$/);
    assert.match(large.message, /^Jede Anfrage trägt \d+,\d kB für dieses Token mit, das \d+-Fache einer 32-Byte-Sitzungs-ID\.$/);
    assert.ok(large.evidence.startsWith(`${grouped} Byte, über dem Schwellenwert von 1.024 Byte; `), large.evidence);
    assert.match(large.evidence, / \d+,\d\sGB pro Million Anfragen; größter Claim `blob` \(\d+\.\d{3} B\)$/);
    const cookie = all(big).find((f) => f.textId === 'TL107.cookie');
    assert.ok(cookie);
    const limit = findingText(cookie);
    assert.equal(limit.message, 'Dieses Token überschreitet die Größengrenze für Cookies; Server oder Browser lehnen es ab oder verwerfen es.');
    assert.match(limit.evidence, /^\d+\.\d{3} Byte bei einer Grenze von 4\.096 \(RFC 6265/);
    assert.match(limit.evidence, /\(RFC 6265 §6\.1: Browser müssen Cookies von 4096 Byte annehmen \(Name, '=' und Wert: "token="\)\)$/, 'the limit\'s source in German, the cookie name kept');
  });

  it('in German: the weak-secret finding (TL401) and a finding without a text id keeps its English', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ sub: 'x' });
    const { createHmac } = await import('node:crypto');
    const token = `${header}.${payload}.${createHmac('sha256', 'secret').update(`${header}.${payload}`).digest('base64url')}`;
    const weak = await createWeakSecretChecker().check(token);
    assert.ok(weak);
    configureLocale('de', GERMAN);
    assert.deepEqual(findingText(weak), {
      message: 'Mit einem öffentlich bekannten Geheimnis signiert: Jeder kann Tokens fälschen, die dieser Dienst akzeptiert.',
      evidence: 'Die HS256-Signatur ist mit dem bekannten Geheimnis „secret“ gültig',
    });
    const cli: Finding = { code: 'TL217', severity: 'error', message: 'A live credential.', evidence: 'git index', reference: { kind: 'owasp', title: 'x' } };
    assert.deepEqual(findingText(cli), { message: 'A live credential.', evidence: 'git index' });
  });

  it('params are data: token text in a German template is still escaped by the surface, and never read for placeholders', () => {
    configureLocale('de', GERMAN);
    const kid = findingText(byCode(inspect({ alg: 'RS256', kid: '../{0}*[x](command:evil)' }, { sub: 'x' }), 'TL204'));
    assert.equal(kid.evidence, 'kid ../{0}*[x](command:evil)');
    assert.ok(!markdownText(kid.evidence).includes('[x](command:'), 'markdown escapes the token text');
  });

  it('localizedFinding: the German words without text id and params (what the inspector posts)', () => {
    configureLocale('de', GERMAN);
    const f = byCode(fixtures()[1]!, 'TL101');
    const local = localizedFinding(f);
    assert.deepEqual(Object.keys(local), ['code', 'severity', 'message', 'evidence', 'reference']);
    assert.equal(local.evidence, 'kein `exp`-Claim');
  });

  it('back to English after configureLocale("en")', () => {
    configureLocale('de', GERMAN);
    configureLocale('en', undefined);
    const f = byCode(fixtures()[1]!, 'TL101');
    assert.equal(findingText(f).message, f.message);
  });
});

describe('present size and duration words through Intl', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured: the core formats (4096 B, 4.1 KB, 1 h 5 min)', () => {
    assert.equal(sizeText(4096), '4096 B');
    assert.equal(bytesText(4096), '4.1 KB');
    assert.equal(bytesText(812), '812 B');
    assert.equal(durationText(3900), '1 h 5 min');
    assert.equal(durationText(30 * 86400), '30 days');
    assert.equal(durationText(Infinity), 'an unbounded time');
  });

  it('German: 4.096 B, 4,1 kB, 1 Std. 5 Min., 30 Tage', () => {
    configureLocale('de', GERMAN);
    assert.equal(sizeText(4096), '4.096 B');
    assert.equal(bytesText(4096), '4,1 kB');
    assert.equal(bytesText(297_000_000), '297,0 MB');
    assert.equal(bytesText(812), '812 Byte');
    assert.equal(durationText(3900), '1 Std. 5 Min.');
    assert.equal(durationText(30 * 86400), '30 Tage');
    assert.equal(durationText(86400 + 5), '1 Tag');
    assert.equal(durationText(Infinity), 'unbegrenzt');
  });
});

describe('present messageText: verification outcomes in the display language', () => {
  afterEach(() => configureLocale('en', undefined));
  const hs = async (secret: string): Promise<string> => {
    const { createHmac } = await import('node:crypto');
    const input = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64({ sub: 'x' })}`;
    return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
  };
  const secretKey = async (label: string, value: string) => {
    const r = await parseVerificationKey({ label, material: { kind: 'secret', value, encoding: 'utf8' } });
    assert.ok(r.ok);
    return r.value;
  };

  it('unconfigured: the core sentence; in German: the same outcome in German, params filled', async () => {
    const token = await hs('s3cret-value-for-tests');
    const results = [
      await verifyToken(token, []),
      await verifyToken(token, [await secretKey('prod', 's3cret-value-for-tests')]),
      await verifyToken(token, [await secretKey('other', 'wrong-secret-value-here')]),
      await verifyToken(`${b64({ alg: 'none' })}.${b64({ sub: 'x' })}.`, []),
      await verifyToken(`${b64({ alg: 'RS256' })}.e!!.c2ln`, [await secretKey('prod', 'x')]),
    ];
    for (const r of results) {
      assert.ok(r.textId !== undefined && r.textId in MESSAGE_TEXTS, `${r.status} has a text id`);
      assert.equal(messageText(r), r.message);
    }
    assert.equal(results[1]!.message, 'Signature verified (HS256) with key "prod"');
    configureLocale('de', GERMAN);
    assert.deepEqual(results.map((r) => messageText(r)), [
      'Es wurde noch kein Prüfschlüssel hinzugefügt',
      'Signatur bestätigt (HS256) mit dem Schlüssel "prod"',
      'Ungültige Signatur: Sie lässt sich mit dem Schlüssel "other" nicht bestätigen',
      'Ungesichertes Token (alg "none"): Jeder kann es fälschen, daher gilt es nie als geprüft',
      messageText(results[4]!),
    ]);
    // The decode error inside the sentence is German too (its own text id, not lowered as the English is).
    assert.equal(messageText(results[4]!), "Nicht geprüft: Das Segment Payload ist an Position 1 kein base64url: '!'");
    configureLocale('en', undefined);
    assert.equal(messageText(results[4]!), "Not checked: the payload segment is not base64url at offset 1: '!'");
  });

  it('a result without a text id keeps its English', () => {
    configureLocale('de', GERMAN);
    assert.equal(messageText({ message: 'Verification could not run' }), 'Verification could not run');
  });
});

describe('present: decode errors in the display language', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured: the core sentences; German: the same errors in German, segment names and counts included', () => {
    const header = b64({ alg: 'HS256' });
    const payload = b64({ sub: 'x' });
    const errors = [decodeToken(''), decodeToken(`${header}.${payload}.c2ln.extra`), decodeToken(`${b64('[1]')}.${payload}.c2ln`), normalizeTokenInput(`${header}.${payload}`)];
    for (const r of errors) {
      assert.ok(!r.ok);
      assert.ok(r.error.textId !== undefined && r.error.textId in MESSAGE_TEXTS, r.error.message);
      assert.equal(messageText(r.error), r.error.message);
    }
    const partly = decodeToken(`${header}.${payload}.{{signature}}`);
    assert.ok(partly.ok);
    const broken = partly.value.segmentErrors ?? [];
    assert.equal(segmentErrorsText(broken), "Partly decoded: the signature segment is not base64url at offset 0: '{' (a placeholder, not a value)");
    assert.equal(undecodedText((errors[1] as { error: TokenError }).error).text, 'Malformed token: Expected 3 (JWS) or 5 (JWE) dot-separated segments, found 4');
    configureLocale('de', GERMAN);
    assert.deepEqual(errors.map((r) => messageText((r as { error: TokenError }).error)), [
      'Das Token ist leer',
      '3 (JWS) oder 5 (JWE) durch Punkte getrennte Segmente erwartet, 4 gefunden',
      'Der Header ist JSON, aber kein JSON-Objekt',
      'Ein kompaktes Token hat 3 (JWS) oder 5 (JWE) durch Punkte getrennte Segmente; dieses hat 2',
    ]);
    assert.equal(segmentErrorsText(broken), "Teilweise decodiert: Das Segment Signatur ist an Position 0 kein base64url: '{' (ein Platzhalter, kein Wert)");
    assert.equal(undecodedText((errors[1] as { error: TokenError }).error).text, 'Fehlerhaftes Token: 3 (JWS) oder 5 (JWE) durch Punkte getrennte Segmente erwartet, 4 gefunden');
    const long = decodeToken('x'.repeat(8 * 1024 * 1024 + 1));
    assert.ok(!long.ok);
    assert.equal(messageText(long.error), 'Das Token ist länger als 8.388.608 Zeichen', 'counts in German digits');
  });

  it('a line break in a segment is named in German; two broken segments say how many more', () => {
    const partly = decodeToken(`${b64({ alg: 'HS256' })}.e\n30.ab+c`);
    assert.ok(partly.ok);
    configureLocale('de', GERMAN);
    assert.equal(segmentErrorsText(partly.value.segmentErrors ?? []), 'Teilweise decodiert: Das Segment Payload ist an Position 1 kein base64url: ein Zeilenumbruch (das Token wurde umbrochen oder abgeschnitten) (und 1 weiteres Segment)');
  });
});

describe('present: kind labels and Explain texts in the display language', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured English; German: Ungesichertes JWS, and every code explained in German', () => {
    assert.equal(kindLabel('unsecured'), 'Unsecured JWS');
    const english = findingExplanation('TL201');
    assert.equal(english, 'alg is none in any letter case: unsigned, anyone can forge it.');
    configureLocale('de', GERMAN);
    assert.equal(kindLabel('unsecured'), 'Ungesichertes JWS');
    assert.equal(kindLabel('jws'), 'JWS');
    assert.equal(findingExplanation('TL201'), 'alg ist none, in beliebiger Groß- und Kleinschreibung: nicht signiert, jeder kann es fälschen.');
    for (const code of Object.keys(FINDING_HELP.rules)) assert.ok(findingExplanation(code) !== undefined && GERMAN[findingExplanation(code)!] === undefined, `${code} reads in German`);
    assert.equal(findingExplanation('TL999'), undefined);
  });
});

describe('present: size phrases in the display language', () => {
  afterEach(() => configureLocale('en', undefined));

  it('the exceeded limits and the cost line: English as before, German with German digits and Intl lists', () => {
    const big = inspect({ alg: 'RS256', typ: 'JWT' }, { sub: 'x', blob: 'x'.repeat(9000) });
    assert.equal(exceededLimitsText(big.size), 'over the cookie limit of 4096 B (4 KiB) and the header-line limit of 8190 B');
    assert.match(sizeCostText(big.size), /^\d+\.\d× a 32-byte session id · \d+\.\d GB per million requests$/);
    configureLocale('de', GERMAN);
    assert.equal(exceededLimitsText(big.size), 'über der Cookie-Grenze von 4.096 B (4 KiB) und der Grenze für eine Headerzeile von 8.190 B');
    assert.match(sizeCostText(big.size), /^das \d+,\d-Fache einer 32-Byte-Sitzungs-ID · \d+,\d\sGB pro Million Anfragen$/);
  });
});

describe('present: why a time claim is unusable, in the display language (TL215)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('the reason inside TL215 is German too', () => {
    const f = byCode(inspect({ alg: 'RS256', typ: 'JWT' }, { sub: 'x', exp: 'tomorrow' }), 'TL215');
    assert.equal(f.evidence, 'exp: tomorrow is a string, not a NumericDate');
    configureLocale('de', GERMAN);
    assert.deepEqual(findingText(f), {
      message: 'Der Claim exp ist kein brauchbares NumericDate; Prüfer lehnen das Token ab oder schätzen sein Alter falsch ein.',
      evidence: 'exp: tomorrow ist ein String, kein NumericDate',
    });
  });
});

describe('present: a nested sentence known to the bundle by its English (TL108 cost note)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('TL108 evidence names the algorithm and its cost in German', () => {
    const f = byCode(fixtures()[0]!, 'TL108');
    assert.equal(f.evidence, 'alg RS256: RSA PKCS#1 v1.5 verify: tens of µs per request in a native library (2048-bit key); signing is far slower');
    configureLocale('de', GERMAN);
    assert.equal(findingText(f).evidence, 'alg RS256: RSA-PKCS#1-v1.5-Prüfung: einige zehn µs pro Anfrage in einer nativen Bibliothek (2048-Bit-Schlüssel); Signieren ist weit langsamer');
  });
});

describe('present: lists of segments and their errors in the display language (TL305, TL306, TL301)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('segment names, their errors and the lists read in German; the English is as before', () => {
    const broken = byCode(inspect({ alg: 'HS256' }, { sub: 'x' }, 'ab+c'), 'TL305');
    const two = inspectToken(`${b64({ alg: 'HS256' })}.e!!.ab+c`, { now: NOW });
    assert.ok(two.ok);
    const both = byCode(two.value, 'TL305');
    assert.equal(both.message, 'The payload and signature segments do not decode: the token was cut, wrapped or is a placeholder, and no verifier accepts it; the rest is shown.');
    assert.equal(both.evidence, "The payload segment is not base64url at offset 1: '!'; The signature segment is not base64url at offset 2: '+' (standard base64, not base64url)");
    const cut = inspectToken(`${b64({ alg: 'RSA-OAEP', enc: 'A256GCM' })}.a2V5.aXY`, { now: NOW });
    assert.ok(cut.ok);
    const truncated = byCode(cut.value, 'TL306');
    assert.equal(truncated.evidence, 'enc A256GCM on 3 segments; missing ciphertext, authentication tag');
    const padded = inspectToken(`${b64({ alg: 'HS256' })}.${b64({ sub: 'x' })}=.c2lnbmF0dXJl=`, { now: NOW });
    assert.ok(padded.ok);
    const pad = byCode(padded.value, 'TL301');
    assert.equal(pad.evidence, 'trailing `=` in the payload and signature segments');
    configureLocale('de', GERMAN);
    assert.equal(findingText(broken).message, 'Das Segment Signatur lässt sich nicht decodieren: Das Token wurde abgeschnitten, umbrochen oder ist ein Platzhalter, und kein Prüfer akzeptiert es; der Rest wird angezeigt.');
    assert.deepEqual(findingText(both), {
      message: 'Die Segmente Payload und Signatur lassen sich nicht decodieren: Das Token wurde abgeschnitten, umbrochen oder ist ein Platzhalter, und kein Prüfer akzeptiert es; der Rest wird angezeigt.',
      evidence: "Das Segment Payload ist an Position 1 kein base64url: '!'; Das Segment Signatur ist an Position 2 kein base64url: '+' (Standard-base64, kein base64url)",
    });
    assert.equal(findingText(truncated).evidence, 'enc A256GCM bei 3 Segmenten; es fehlt: Chiffretext, Authentifizierungs-Tag');
    assert.equal(findingText(pad).evidence, 'abschließendes `=` in den Segmenten Payload und Signatur');
  });
});
