// The Edit Token document (issue 11): header and payload as one JSON object, read back exactly.
import { strict as assert } from 'node:assert';
import { editDocumentText, readEditDocument, timeClaimValues, withHeader } from '../../../src/model/editDocument';
import { EDIT_SCHEMA_PATH, tokenEditSchema } from '../../../src/model/editSchema';
import { CLAIMS, HEADER_PARAMETERS } from '../../../src/core';

const b64 = (s: string): string => Buffer.from(s).toString('base64url');
const token = (header: string, payload: string, signature = 'c2ln'): string => `${b64(header)}.${b64(payload)}.${signature}`;

describe('edit document (model/editDocument)', () => {
  it('pretty-prints the token\'s own JSON: order, duplicates and big integers kept', () => {
    const text = editDocumentText(token('{"typ":"JWT","alg":"HS256"}', '{"id":12345678901234567891,"role":"a","role":"b"}'));
    assert.ok(text.ok);
    assert.equal(text.value, '{\n  "header": {\n    "typ": "JWT",\n    "alg": "HS256"\n  },\n  "payload": {\n    "id": 12345678901234567891,\n    "role": "a",\n    "role": "b"\n  }\n}\n');
  });

  it('refuses a JWE and a payload that is not JSON', () => {
    const jwe = `${b64('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`;
    const refused = editDocumentText(jwe);
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'ERR_EDIT_KIND');
    const text = editDocumentText(token('{"alg":"HS256"}', 'not json'));
    assert.ok(!text.ok);
    assert.equal(text.error.code, 'ERR_EDIT_PAYLOAD');
  });

  it('reads the parts back as compact JSON with every literal as typed (round trip)', () => {
    const original = token('{"alg":"HS256","typ":"JWT"}', '{"sub":"a","n":12345678901234567891,"s":"\\u00e9 x"}');
    const text = editDocumentText(original);
    assert.ok(text.ok);
    const parts = readEditDocument(text.value);
    assert.ok(parts.ok);
    assert.equal(parts.value.headerJson, '{"alg":"HS256","typ":"JWT"}');
    assert.equal(parts.value.payloadJson, '{"sub":"a","n":12345678901234567891,"s":"\\u00e9 x"}');
    assert.equal(parts.value.alg, 'HS256');
  });

  it('refuses what is not JSON, comments, other top-level members and a header that is no object', () => {
    const cases: [string, string][] = [
      ['{"header": {"alg": "HS256"}, "payload": {', 'ERR_EDIT_SYNTAX'],
      ['{"header": {"alg": "HS256"}, // note\n "payload": {}}', 'ERR_EDIT_SYNTAX'],
      ['{"header": {"alg": "HS256"}, "payload": {}, "signature": "x"}', 'ERR_EDIT_SHAPE'],
      ['{"header": "HS256", "payload": {}}', 'ERR_EDIT_SHAPE'],
      ['{"header": {"alg": "HS256"}}', 'ERR_EDIT_SHAPE'],
      ['[1]', 'ERR_EDIT_SHAPE'],
    ];
    for (const [text, code] of cases) {
      const read = readEditDocument(text);
      assert.ok(!read.ok, text);
      assert.equal(read.error.code, code, text);
    }
  });

  it('puts the signed header back into the document (pretty, payload untouched)', () => {
    const doc = '{\n  "header": {\n    "alg": "none"\n  },\n  "payload": {\n    "sub": "a"\n  }\n}\n';
    assert.equal(withHeader(doc, '{"alg":"ES256","kid":"k1"}'), '{\n  "header": {\n    "alg": "ES256",\n    "kid": "k1"\n  },\n  "payload": {\n    "sub": "a"\n  }\n}\n');
  });

  it('finds the numeric time claims directly under payload, with the offset after each number', () => {
    const doc = '{"header": {"exp": 1}, "payload": {"exp": 1796148000, "iat": "soon", "nbf": 1796140000, "x": {"exp": 5}}}';
    const found = timeClaimValues(doc);
    assert.deepEqual(found.map((c) => [c.name, c.seconds, doc.slice(c.end - 10, c.end)]), [
      ['exp', 1796148000, '1796148000'],
      ['nbf', 1796140000, '1796140000'],
    ]);
  });
});

describe('edit schema (model/editSchema, from the core registry)', () => {
  it('describes every registered claim and header parameter, NumericDates as numbers', () => {
    const schema = tokenEditSchema() as { properties: { header: { properties: Record<string, { description: string; type?: string }> }; payload: { properties: Record<string, { description: string; type?: string }> } } };
    assert.equal(EDIT_SCHEMA_PATH, '/token-edit.schema.json');
    assert.deepEqual(Object.keys(schema.properties.payload.properties).sort(), [...CLAIMS.keys()].sort());
    assert.deepEqual(Object.keys(schema.properties.header.properties).sort(), [...HEADER_PARAMETERS.keys()].sort());
    assert.match(schema.properties.payload.properties['exp']!.description, /Expiration time: .*RFC 7519 §4\.1\.4/);
    assert.equal(schema.properties.payload.properties['exp']!.type, 'number');
    assert.equal(schema.properties.header.properties['alg']!.type, 'string');
  });
});

describe('New Token templates (model/tokenTemplates)', () => {
  it('counts iat, nbf and exp from now; each template has its lifetime and shape', async () => {
    const { TOKEN_TEMPLATES, tokenTemplate } = await import('../../../src/model/tokenTemplates');
    const now = 1_800_000_000;
    const lifetimes = Object.fromEntries(TOKEN_TEMPLATES.map((t) => [t.id, tokenTemplate(t.id, now, 'j').payload['exp']]));
    assert.deepEqual(lifetimes, { access: now + 900, id: now + 3600, refresh: now + 30 * 86400, service: now + 300 });
    const access = tokenTemplate('access', now, 'jti-1');
    assert.deepEqual(access.header, { typ: 'at+jwt' });
    assert.equal(access.payload['iat'], now);
    assert.equal(access.payload['nbf'], now);
    assert.equal(access.payload['jti'], 'jti-1');
    assert.equal(tokenTemplate('id', now, 'n').payload['auth_time'], now);
    for (const t of TOKEN_TEMPLATES) assert.equal(tokenTemplate(t.id, now, 'j').header['alg'], undefined, 'the key sets alg');
  });
});
