/**
 * The templates of *New Token* (issue 11): an OAuth access token (RFC 9068), an OpenID Connect
 * ID token (OIDC Core §2), a refresh token and a service (client credentials) token, with
 * `iat`/`nbf`/`exp` counted from now. Placeholder issuer and audience under `.example.test`
 * (RFC 6761: never resolves), so a minted token cannot be mistaken for a real one.
 * Pure: no `vscode`.
 */
import type { JsonObject } from '../core';

/** One template's id. */
export type TokenTemplateId = 'access' | 'id' | 'refresh' | 'service';

/** A template as the pick shows it. */
export interface TokenTemplate {
  readonly id: TokenTemplateId;
  readonly label: string;
  readonly detail: string;
  /** Lifetime in seconds (`exp` − `iat`). */
  readonly lifetimeSec: number;
}

export const TOKEN_TEMPLATES: readonly TokenTemplate[] = [
  { id: 'access', label: 'Access token', detail: 'RFC 9068: typ at+jwt, iss, sub, aud, client_id, scope, jti · 15 min', lifetimeSec: 15 * 60 },
  { id: 'id', label: 'ID token', detail: 'OpenID Connect: iss, sub, aud, auth_time, nonce, name, email · 1 h', lifetimeSec: 60 * 60 },
  { id: 'refresh', label: 'Refresh token', detail: 'iss, sub, client_id, jti, scope offline_access · 30 days', lifetimeSec: 30 * 24 * 60 * 60 },
  { id: 'service', label: 'Service token', detail: 'client credentials: sub = client, aud, scope, jti · 5 min', lifetimeSec: 5 * 60 },
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
