/**
 * Status → label, icon and tone: one table for a token's time status (plus `malformed`, a
 * token that does not decode) and one for its signature check. Hover, tree, CodeLens, status
 * bar, inspector and CLI read these; icons are codicon names, drawn as `$(name)` or `ThemeIcon`.
 */
import type { TimeStatus, TokenKind, VerificationResult } from '../core';
import * as l10n from '@vscode/l10n';
import type { Tone } from './tone';

/** How a status reads: a short label, a codicon, a tone. */
export interface StatusLook {
  readonly label: string;
  readonly icon: string;
  readonly tone: Tone;
}

/**
 * A token's time status, `malformed` when it could not be decoded, or `encrypted` for a JWE
 * (its claims, `exp` among them, cannot be read: see {@link tokenStatus}).
 */
export type TokenStatus = TimeStatus | 'malformed' | 'encrypted';

// A function, not a table: the labels are read in the display language when asked for.
function tokenStatusLook(status: TokenStatus): StatusLook {
  switch (status) {
    // A clock, not a check mark: "not expired" says nothing about whether the token is genuine.
    case 'valid': return { label: l10n.t('Valid'), icon: 'clock', tone: 'ok' };
    case 'expired': return { label: l10n.t('Expired'), icon: 'error', tone: 'error' };
    case 'not-yet-valid': return { label: l10n.t('Not yet valid'), icon: 'clock', tone: 'warning' };
    case 'never-expires': return { label: l10n.t('Never expires'), icon: 'warning', tone: 'warning' };
    // A verifier rejects a token whose exp/nbf/iat is not a NumericDate (RFC 7519 §4.1.4).
    case 'invalid-claim': return { label: l10n.t('Invalid claim'), icon: 'error', tone: 'error' };
    case 'not-applicable': return { label: l10n.t('No time claims'), icon: 'circle-slash', tone: 'neutral' };
    case 'malformed': return { label: l10n.t('Malformed token'), icon: 'error', tone: 'error' };
    case 'encrypted': return { label: l10n.t('Expiry unknown (encrypted)'), icon: 'lock', tone: 'neutral' };
  }
}

/**
 * The status a surface shows for a token's time report: a JWE's is `encrypted` (never
 * "no time claims" or "never expires": its claims are there, only unreadable).
 *
 * @example tokenStatus('jwe', 'not-applicable') === 'encrypted'
 */
export function tokenStatus(kind: TokenKind, status: TimeStatus): TokenStatus {
  return kind === 'jwe' ? 'encrypted' : status;
}

/**
 * Label, codicon and tone of a token status.
 *
 * @example statusLook('expired') // { label: 'Expired', icon: 'error', tone: 'error' }
 */
export function statusLook(status: TokenStatus): StatusLook {
  return tokenStatusLook(status);
}

/** Codicons a signature status may use (the inspector's closed `SIGNATURE_ICONS` list holds these and `loading`). */
export type VerificationIcon = 'verified-filled' | 'error' | 'warning' | 'question' | 'unverified';

/** How a signature check reads: a few words, a codicon, a tone. */
export interface VerificationBadge {
  readonly label: string;
  readonly icon: VerificationIcon;
  readonly tone: Tone;
}

/** What else is known about the signature besides the check with the user's keys. */
export interface BadgeOptions {
  /**
   * The token verifies with a publicly known secret (TL401): its key is known, so it is
   * neither "unverified" nor trustworthy, whatever the user's keys say.
   */
  readonly weakSecret?: boolean;
}

/**
 * Label, codicon and tone of a signature check, shared by hover, tree and inspector.
 *
 * @example verificationBadge({ status: 'not-checked', reason: 'no-key', message: '' }).label === 'unverified (no key)'
 * @example verificationBadge({ status: 'not-checked', reason: 'no-matching-key', tried: 2, message: '' }).label === 'no matching key (2 tried)'
 */
export function verificationBadge(result: VerificationResult, options: BadgeOptions = {}): VerificationBadge {
  if (options.weakSecret === true) return { icon: 'error', label: l10n.t('forgeable: signed with a well-known secret'), tone: 'error' };
  switch (result.status) {
    case 'verified':
      return { icon: 'verified-filled', label: l10n.t('signature verified'), tone: 'ok' };
    case 'invalid-signature':
      return { icon: 'error', label: l10n.t('invalid signature'), tone: 'error' };
    case 'key-mismatch':
      return { icon: 'warning', label: l10n.t('key does not fit alg'), tone: 'warning' };
    case 'unsupported':
      return { icon: 'question', label: l10n.t('alg not supported'), tone: 'neutral' };
    case 'not-checked':
      // Keys that do not apply to a token are not a verdict on it: neutral, never red.
      if (result.reason === 'no-matching-key') return { icon: 'unverified', label: result.tried > 0 ? l10n.t('no matching key ({0} tried)', result.tried) : l10n.t('no matching key'), tone: 'neutral' };
      return { icon: 'unverified', label: result.reason === 'no-key' ? l10n.t('unverified (no key)') : l10n.t('not verifiable'), tone: 'neutral' };
  }
}
