import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configureLocale, storedKeyDescriptionText } from '../../../src/present';
import { CLAIMS } from '../../../src/core';
import { tokenEditSchema } from '../../../src/model/editSchema';
import { TOKEN_TEMPLATES } from '../../../src/model/tokenTemplates';

// Issue 15: what the New Token, Edit Token and key pickers show, in the display language.
const ROOT = path.join(__dirname, '..', '..', '..');
const GERMAN = JSON.parse(readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.de.json'), 'utf8')) as Record<string, string>;

describe('New Token templates in the display language (model/tokenTemplates)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured: the English labels, details and key-pick titles', () => {
    assert.deepEqual(
      TOKEN_TEMPLATES.map((t) => [t.label, t.detail, t.signTitle]),
      [
        ['Access token', 'RFC 9068: typ at+jwt, iss, sub, aud, client_id, scope, jti · 15 min', 'Sign the access token with'],
        ['ID token', 'OpenID Connect: iss, sub, aud, auth_time, nonce, name, email · 1 h', 'Sign the ID token with'],
        ['Refresh token', 'iss, sub, client_id, jti, scope offline_access · 30 days', 'Sign the refresh token with'],
        ['Service token', 'client credentials: sub = client, aud, scope, jti · 5 min', 'Sign the service token with'],
      ],
    );
  });

  it('in German: labels and titles translated, claim names and RFC numbers kept, durations in German units', () => {
    configureLocale('de', GERMAN);
    assert.deepEqual(
      TOKEN_TEMPLATES.map((t) => [t.label, t.detail, t.signTitle]),
      [
        ['Access-Token', 'RFC 9068: typ at+jwt, iss, sub, aud, client_id, scope, jti · 15 Min.', 'Access-Token signieren mit'],
        ['ID-Token', 'OpenID Connect: iss, sub, aud, auth_time, nonce, name, email · 1 Std.', 'ID-Token signieren mit'],
        ['Refresh-Token', 'iss, sub, client_id, jti, scope offline_access · 30 Tage', 'Refresh-Token signieren mit'],
        ['Service-Token', 'Client Credentials: sub = Client, aud, scope, jti · 5 Min.', 'Service-Token signieren mit'],
      ],
    );
  });

  it('the words are read when shown: switching the language back gives the English again', () => {
    configureLocale('de', GERMAN);
    assert.equal(TOKEN_TEMPLATES[0]!.label, 'Access-Token');
    configureLocale('en', undefined);
    assert.equal(TOKEN_TEMPLATES[0]!.label, 'Access token');
  });
});

type Prop = { title: string; description: string; markdownDescription: string };
type EditSchema = { title: string; properties: { header: { title: string; description: string; properties: Record<string, Prop> }; payload: { title: string; description: string; properties: Record<string, Prop> } } };

describe('Edit Token schema in the display language (model/editSchema)', () => {
  afterEach(() => configureLocale('en', undefined));

  it('unconfigured: the English of the registry and of the schema, the source as a citation', () => {
    const schema = tokenEditSchema() as EditSchema;
    assert.equal(schema.title, 'Token Lens: a token being edited');
    assert.equal(schema.properties.header.title, 'Protected header');
    assert.equal(schema.properties.payload.description, 'The JWT claims set (RFC 7519 §4). Saving re-encodes it.');
    const exp = schema.properties.payload.properties['exp']!;
    const entry = CLAIMS.get('exp')!;
    assert.equal(exp.title, 'Expiration time');
    assert.equal(exp.description, `Expiration time: ${entry.description} (${entry.source})`);
    assert.equal(exp.markdownDescription, `**Expiration time** — ${entry.description}\n\n*${entry.source}*\n\nA NumericDate: seconds since 1970-01-01T00:00:00Z.`);
    assert.match(schema.properties.header.properties['alg']!.markdownDescription, /Token Lens sets `alg` from the key\.$/);
  });

  it('in German: the registry\'s texts as the inspector writes them, the schema\'s own words, RFC citations kept', () => {
    configureLocale('de', GERMAN);
    const schema = tokenEditSchema() as EditSchema;
    assert.equal(schema.title, 'Token Lens: ein Token in Bearbeitung');
    assert.equal(schema.properties.header.title, 'Geschützter Header');
    assert.equal(schema.properties.header.description, 'Der geschützte JOSE-Header (RFC 7515 §4). Beim Speichern wird er neu codiert.');
    assert.equal(schema.properties.payload.title, 'Payload');
    const entry = CLAIMS.get('exp')!;
    const exp = schema.properties.payload.properties['exp']!;
    assert.equal(exp.title, 'Ablaufzeit');
    assert.equal(exp.description, `Ablaufzeit: ${GERMAN[entry.description]!} (${entry.source})`);
    assert.equal(exp.markdownDescription, `**Ablaufzeit** — ${GERMAN[entry.description]!}\n\n*${entry.source}*\n\nEin NumericDate: Sekunden seit 1970-01-01T00:00:00Z.`);
    assert.equal(schema.properties.header.properties['alg']!.title, 'Algorithmus');
    assert.match(schema.properties.header.properties['alg']!.markdownDescription, /setzt Token Lens `alg` anhand des Schlüssels\.$/);
    // Every registered claim and header parameter is titled with a German text of the bundle, no placeholder left.
    const german = new Set(Object.values(GERMAN));
    for (const props of [schema.properties.header.properties, schema.properties.payload.properties]) {
      for (const [name, prop] of Object.entries(props)) assert.ok(german.has(prop.title) && !prop.description.includes('{0}'), `${name}: ${prop.title}`);
    }
  });
});

describe('stored key descriptions as pickers show them (present storedKeyDescriptionText)', () => {
  afterEach(() => configureLocale('en', undefined));
  const STORED = [
    'RSA private key (2048 bit) · RS256',
    'EC private key (P-256) · decrypts ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A192KW and 1 more',
    'Ed25519 private key · EdDSA',
    'Secret (32 bytes) · decrypts dir, A256KW',
    // What Generate Key Pair stored before: its type label.
    'RSA 3072 private key · RS256',
    'EC P-384 private key · ES384',
  ];

  it('unconfigured: as stored, byte for byte; a description of another form too', () => {
    for (const d of [...STORED, 'my own words · HS256', 'JWKS with 3 keys']) assert.equal(storedKeyDescriptionText(d), d);
  });

  it('in German: what the key is and what it decrypts, algorithm names kept', () => {
    configureLocale('de', GERMAN);
    assert.deepEqual(STORED.map(storedKeyDescriptionText), [
      'Privater RSA-Schlüssel (2.048 Bit) · RS256', // numbers in German digits, as every size
      'Privater EC-Schlüssel (P-256) · entschlüsselt ECDH-ES, ECDH-ES+A128KW, ECDH-ES+A192KW und 1 weitere',
      'Privater Ed25519-Schlüssel · EdDSA',
      `${GERMAN['Secret ({0} bytes)']!.replace('{0}', '32')} · entschlüsselt dir, A256KW`,
      'Privater RSA-Schlüssel (3.072 Bit) · RS256',
      'Privater EC-Schlüssel (P-384) · ES384',
    ]);
    assert.equal(storedKeyDescriptionText('my own words · HS256'), 'my own words · HS256', 'free text is shown as stored');
  });
});
