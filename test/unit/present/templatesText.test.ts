import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configureLocale } from '../../../src/present';
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
