/**
 * The templates of *New Token* (issue 11): an OAuth access token (RFC 9068), an OpenID Connect
 * ID token (OIDC Core §2), a refresh token and a service (client credentials) token, with
 * `iat`/`nbf`/`exp` counted from now. Placeholder issuer and audience under `.example.test`
 * (RFC 6761: never resolves), so a minted token cannot be mistaken for a real one.
 * Pure: no `vscode`.
 */
import * as l10n from '@vscode/l10n';
import type { JsonObject } from '../core';
import { durationText } from '../present';

/** One template's id. */
export type TokenTemplateId = 'access' | 'id' | 'refresh' | 'service';

/** A template as the pick shows it: its words in the display language, read when shown. */
export interface TokenTemplate {
  readonly id: TokenTemplateId;
  /** The pick's label (`Access token`; `Access-Token` in German). */
  readonly label: string;
  /** The pick's detail: the claims it sets (names as they are) and its lifetime (`· 15 min`). */
  readonly detail: string;
  /** The title of the key pick that follows (`Sign the access token with`). */
  readonly signTitle: string;
  /** Lifetime in seconds (`exp` − `iat`). */
  readonly lifetimeSec: number;
}

/** The words of a template, written when read (l10n.t then speaks the configured display language). */
interface TemplateWords {
  readonly id: TokenTemplateId;
  readonly lifetimeSec: number;
  label(): string;
  /** What the detail says before the lifetime; claim names and RFC numbers are kept as they are. */
  claims(): string;
  signTitle(): string;
}

function template(words: TemplateWords): TokenTemplate {
  return {
    id: words.id,
    lifetimeSec: words.lifetimeSec,
    get label() {
      return words.label();
    },
    get detail() {
      return `${words.claims()} · ${durationText(words.lifetimeSec)}`;
    },
    get signTitle() {
      return words.signTitle();
    },
  };
}

export const TOKEN_TEMPLATES: readonly TokenTemplate[] = [
  template({ id: 'access', lifetimeSec: 15 * 60, label: () => l10n.t('Access token'), claims: () => 'RFC 9068: typ at+jwt, iss, sub, aud, client_id, scope, jti', signTitle: () => l10n.t('Sign the access token with') }),
  template({ id: 'id', lifetimeSec: 60 * 60, label: () => l10n.t('ID token'), claims: () => 'OpenID Connect: iss, sub, aud, auth_time, nonce, name, email', signTitle: () => l10n.t('Sign the ID token with') }),
  template({ id: 'refresh', lifetimeSec: 30 * 24 * 60 * 60, label: () => l10n.t('Refresh token'), claims: () => 'iss, sub, client_id, jti, scope offline_access', signTitle: () => l10n.t('Sign the refresh token with') }),
  template({
    id: 'service',
    lifetimeSec: 5 * 60,
    label: () => l10n.t('Service token'),
    // The grant's name and what `sub` holds are words; the other claim names stay as they are.
    claims: () => l10n.t('client credentials: sub = client, {0}', 'aud, scope, jti'),
    signTitle: () => l10n.t('Sign the service token with'),
  }),
];

const ISSUER = 'https://issuer.example.test';
const AUDIENCE = 'https://api.example.test';

/**
 * Header and payload of a template at `nowSec`; `jti` is the caller's (a random UUID), so the
 * function stays deterministic.
 *
 * @example tokenTemplate('service', 1_800_000_000, 'j1').payload.exp === 1_800_000_300
 */
export function tokenTemplate(id: TokenTemplateId, nowSec: number, jti: string): { readonly header: JsonObject; readonly payload: JsonObject } {
  const template = TOKEN_TEMPLATES.find((t) => t.id === id) ?? TOKEN_TEMPLATES[0]!;
  const times = { iat: nowSec, nbf: nowSec, exp: nowSec + template.lifetimeSec };
  switch (template.id) {
    case 'access':
      return { header: { typ: 'at+jwt' }, payload: { iss: ISSUER, sub: 'user-1', aud: AUDIENCE, client_id: 'local-client', scope: 'openid profile', jti, ...times } };
    case 'id':
      return {
        header: { typ: 'JWT' },
        payload: { iss: ISSUER, sub: 'user-1', aud: 'local-client', auth_time: nowSec, nonce: jti, name: 'Test User', email: 'user@example.test', ...times },
      };
    case 'refresh':
      return { header: { typ: 'JWT' }, payload: { iss: ISSUER, sub: 'user-1', client_id: 'local-client', scope: 'offline_access', jti, ...times } };
    case 'service':
      return { header: { typ: 'JWT' }, payload: { iss: ISSUER, sub: 'local-service', aud: AUDIENCE, client_id: 'local-service', scope: 'orders:read', jti, ...times } };
  }
}
