/**
 * Registry of well-known JWT claims (RFC 7519 §4.1), OpenID Connect claims (OpenID Connect
 * Core 1.0 §2, §5.1) and JOSE header parameters (RFC 7515 §4.1, RFC 7516 §4.1), each with a
 * short explanation, plus readable renderings of claim values. Used by hover, webview and tree.
 */
import type { JsonValue } from './types';

/** One registered name with a human explanation and where it is defined. */
export interface RegisteredName {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  readonly source: string;
}

const entry = (name: string, label: string, description: string, source: string): RegisteredName => ({ name, label, description, source });

/** Registered claims (RFC 7519 §4.1) and common OpenID Connect / OAuth claims. */
export const CLAIMS: ReadonlyMap<string, RegisteredName> = new Map(
  [
    entry('iss', 'Issuer', 'Who minted the token.', 'RFC 7519 §4.1.1'),
    entry('sub', 'Subject', 'Whom the token is about, usually a user id.', 'RFC 7519 §4.1.2'),
    entry('aud', 'Audience', 'Which recipients may accept the token.', 'RFC 7519 §4.1.3'),
    entry('exp', 'Expiration time', 'After this instant the token must be rejected.', 'RFC 7519 §4.1.4'),
    entry('nbf', 'Not before', 'Before this instant the token must be rejected.', 'RFC 7519 §4.1.5'),
    entry('iat', 'Issued at', 'When the token was minted.', 'RFC 7519 §4.1.6'),
    entry('jti', 'JWT ID', 'Unique id of this token; lets a denylist revoke exactly it.', 'RFC 7519 §4.1.7'),
    entry('auth_time', 'Authentication time', 'When the user last actively authenticated.', 'OpenID Connect Core §2'),
    entry('nonce', 'Nonce', 'Value from the authentication request, binds the ID token to it (replay protection).', 'OpenID Connect Core §2'),
    entry('acr', 'Authentication context class', 'How strongly the user was authenticated.', 'OpenID Connect Core §2'),
    entry('amr', 'Authentication methods', 'Methods used to authenticate (pwd, otp, mfa, …).', 'OpenID Connect Core §2, RFC 8176'),
    entry('azp', 'Authorized party', 'The client the ID token was issued to.', 'OpenID Connect Core §2'),
    entry('at_hash', 'Access token hash', 'Left half of the hash of the access token issued with this ID token.', 'OpenID Connect Core §3.1.3.6'),
    entry('c_hash', 'Code hash', 'Left half of the hash of the authorization code.', 'OpenID Connect Core §3.3.2.11'),
    entry('sid', 'Session ID', 'Identifies the login session; enables per-device logout.', 'OpenID Connect Front-Channel Logout §3'),
    entry('name', 'Full name', 'End-user full name (personal data).', 'OpenID Connect Core §5.1'),
    entry('given_name', 'Given name', 'End-user given name (personal data).', 'OpenID Connect Core §5.1'),
    entry('family_name', 'Family name', 'End-user surname (personal data).', 'OpenID Connect Core §5.1'),
    entry('middle_name', 'Middle name', 'End-user middle name (personal data).', 'OpenID Connect Core §5.1'),
    entry('nickname', 'Nickname', 'Casual name of the end-user.', 'OpenID Connect Core §5.1'),
    entry('preferred_username', 'Preferred username', 'Shorthand name the user wishes to be referred to by.', 'OpenID Connect Core §5.1'),
    entry('profile', 'Profile URL', 'Profile page of the end-user.', 'OpenID Connect Core §5.1'),
    entry('picture', 'Picture URL', 'Profile picture of the end-user.', 'OpenID Connect Core §5.1'),
    entry('website', 'Website', 'Web page or blog of the end-user.', 'OpenID Connect Core §5.1'),
    entry('email', 'Email', 'End-user email address (personal data).', 'OpenID Connect Core §5.1'),
    entry('email_verified', 'Email verified', 'Whether the issuer verified the email address.', 'OpenID Connect Core §5.1'),
    entry('gender', 'Gender', 'End-user gender (personal data).', 'OpenID Connect Core §5.1'),
    entry('birthdate', 'Birthdate', 'End-user birthday, YYYY-MM-DD (personal data).', 'OpenID Connect Core §5.1'),
    entry('zoneinfo', 'Time zone', 'End-user time zone, e.g. Europe/Paris.', 'OpenID Connect Core §5.1'),
    entry('locale', 'Locale', 'End-user locale, e.g. en-US.', 'OpenID Connect Core §5.1'),
    entry('phone_number', 'Phone number', 'End-user phone number (personal data).', 'OpenID Connect Core §5.1'),
    entry('phone_number_verified', 'Phone verified', 'Whether the issuer verified the phone number.', 'OpenID Connect Core §5.1'),
    entry('address', 'Address', 'End-user postal address (personal data).', 'OpenID Connect Core §5.1'),
    entry('updated_at', 'Updated at', 'When the user information was last updated.', 'OpenID Connect Core §5.1'),
    entry('scope', 'Scope', 'Space-separated permissions granted to the client.', 'RFC 8693 §4.2, RFC 9068 §2.2.3'),
    entry('client_id', 'Client ID', 'The OAuth client the token was issued to.', 'RFC 8693 §4.3, RFC 9068 §2.2'),
    entry('cnf', 'Confirmation', 'Key the presenter must prove possession of (DPoP, mTLS).', 'RFC 7800 §3.1'),
    entry('act', 'Actor', 'Who acts on behalf of the subject (delegation).', 'RFC 8693 §4.1'),
    entry('may_act', 'May act', 'Who is allowed to act on behalf of the subject.', 'RFC 8693 §4.4'),
    entry('roles', 'Roles', 'Roles of the subject.', 'RFC 9068 §2.2.3.1'),
    entry('groups', 'Groups', 'Groups of the subject.', 'RFC 9068 §2.2.3.1'),
    entry('entitlements', 'Entitlements', 'Entitlements of the subject.', 'RFC 9068 §2.2.3.1'),
    entry('token_use', 'Token use', 'Kind of token (access, id, refresh) as some issuers label it.', 'AWS Cognito convention'),
  ].map((e) => [e.name, e]),
);

/** JOSE header parameters (RFC 7515 §4.1, RFC 7516 §4.1, RFC 7518 §4.6–4.8, RFC 7797). */
export const HEADER_PARAMETERS: ReadonlyMap<string, RegisteredName> = new Map(
  [
    entry('alg', 'Algorithm', 'Algorithm that signs (JWS) or wraps the key (JWE).', 'RFC 7515 §4.1.1'),
    entry('jku', 'JWK Set URL', 'URL of keys; must never be fetched because the token says so.', 'RFC 7515 §4.1.2'),
    entry('jwk', 'JSON Web Key', 'Key embedded in the header; must not be trusted as-is.', 'RFC 7515 §4.1.3'),
    entry('kid', 'Key ID', 'Hint which key verifies the token.', 'RFC 7515 §4.1.4'),
    entry('x5u', 'X.509 URL', 'URL of a certificate chain.', 'RFC 7515 §4.1.5'),
    entry('x5c', 'X.509 chain', 'Certificate chain embedded in the header.', 'RFC 7515 §4.1.6'),
    entry('x5t', 'X.509 SHA-1 thumbprint', 'Thumbprint of the signing certificate.', 'RFC 7515 §4.1.7'),
    entry('x5t#S256', 'X.509 SHA-256 thumbprint', 'Thumbprint of the signing certificate.', 'RFC 7515 §4.1.8'),
    entry('typ', 'Type', 'Media type of the whole token, e.g. JWT, at+jwt.', 'RFC 7515 §4.1.9'),
    entry('cty', 'Content type', 'Media type of the payload, e.g. JWT for nested tokens.', 'RFC 7515 §4.1.10'),
    entry('crit', 'Critical', 'Extensions the recipient must understand.', 'RFC 7515 §4.1.11'),
    entry('enc', 'Encryption', 'Content encryption algorithm (JWE).', 'RFC 7516 §4.1.2'),
    entry('zip', 'Compression', 'Compression applied before encryption (JWE).', 'RFC 7516 §4.1.3'),
    entry('epk', 'Ephemeral public key', 'Sender ephemeral key for ECDH-ES.', 'RFC 7518 §4.6.1.1'),
    entry('apu', 'Agreement PartyUInfo', 'ECDH-ES producer information.', 'RFC 7518 §4.6.1.2'),
    entry('apv', 'Agreement PartyVInfo', 'ECDH-ES recipient information.', 'RFC 7518 §4.6.1.3'),
    entry('iv', 'Initialization vector', 'IV for AES-GCM key wrapping.', 'RFC 7518 §4.7.1.1'),
    entry('tag', 'Authentication tag', 'Tag for AES-GCM key wrapping.', 'RFC 7518 §4.7.1.2'),
    entry('p2s', 'PBES2 salt', 'Salt input for PBES2 key derivation.', 'RFC 7518 §4.8.1.1'),
    entry('p2c', 'PBES2 count', 'PBKDF2 iteration count; very high values are a denial-of-service risk.', 'RFC 7518 §4.8.1.2'),
    entry('b64', 'Base64url-encode payload', 'false means the payload is not encoded.', 'RFC 7797 §3'),
  ].map((e) => [e.name, e]),
);

/** How absolute times are rendered (the `tokenLens.timeDisplay` setting). */
export type TimeDisplay = 'local' | 'utc';

/** Options of {@link describeClaimValue}. */
export interface DescribeOptions {
  readonly timeDisplay?: TimeDisplay;
}

const TIME_CLAIMS = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

function compact(value: JsonValue): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return '[value too deep to render]';
  }
}

function formatTime(seconds: number, display: TimeDisplay): string | undefined {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return undefined;
  const d = new Date(ms);
  if (display === 'utc') return d.toISOString();
  // Local wall time with offset, e.g. 2026-11-26 22:03:00 GMT+1; no Intl dependency needed.
  const pad = (n: number) => String(n).padStart(2, '0');
  const off = -d.getTimezoneOffset();
  const offText = off === 0 ? 'UTC' : `GMT${off > 0 ? '+' : '-'}${Math.floor(Math.abs(off) / 60)}${Math.abs(off) % 60 ? ':' + pad(Math.abs(off) % 60) : ''}`;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${offText}`;
}

/**
 * A readable one-line rendering of a claim value: times as dates, `scope` split, `aud` and
 * `amr` arrays listed, `cnf` key confirmation summarised. Falls back to compact JSON.
 *
 * @example describeClaimValue('exp', 1700000000, { timeDisplay: 'utc' }) // '2023-11-14T22:13:20.000Z'
 * @example describeClaimValue('scope', 'openid email') // 'openid · email'
 */
export function describeClaimValue(name: string, value: JsonValue, options: DescribeOptions = {}): string {
  const display = options.timeDisplay ?? 'local';
  if (TIME_CLAIMS.has(name)) {
    if (typeof value === 'number') return formatTime(value, display) ?? `${compact(value)} (not a usable date)`;
    return `${compact(value)} (not a NumericDate)`;
  }
  if ((name === 'scope' || name === 'scp') && typeof value === 'string') return value.split(/\s+/).filter(Boolean).join(' · ') || '(empty)';
  if ((name === 'aud' || name === 'amr' || name === 'scope' || name === 'scp' || name === 'roles' || name === 'groups') && Array.isArray(value)) {
    return value.length === 0 ? '(empty list)' : value.map((v) => (typeof v === 'string' ? v : compact(v))).join(' · ');
  }
  if (name === 'cnf' && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const parts: string[] = [];
    if (typeof value['jkt'] === 'string') parts.push(`DPoP key thumbprint ${value['jkt']}`);
    if (typeof value['x5t#S256'] === 'string') parts.push(`mTLS certificate thumbprint ${value['x5t#S256']}`);
    if (typeof value['kid'] === 'string') parts.push(`key id ${value['kid']}`);
    if (value['jwk'] !== undefined) parts.push('embedded key');
    return parts.length > 0 ? parts.join(' · ') : compact(value);
  }
  if (typeof value === 'string') return value;
  return compact(value);
}

/** The explanation of a claim name, when it is a known claim. */
export function claimInfo(name: string): RegisteredName | undefined {
  return CLAIMS.get(name);
}

/** The explanation of a header parameter, when it is a known one. */
export function headerParameterInfo(name: string): RegisteredName | undefined {
  return HEADER_PARAMETERS.get(name);
}
