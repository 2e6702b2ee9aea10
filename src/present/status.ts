/**
 * Status → label, icon and tone: one table for a token's time status (plus `malformed`, a
 * token that does not decode) and one for its signature check. Hover, tree, CodeLens, status
 * bar, inspector and CLI read these; icons are codicon names, drawn as `$(name)` or `ThemeIcon`.
 */
import type { TimeStatus, VerificationResult } from '../core';
import type { Tone } from './tone';

/** How a status reads: a short label, a codicon, a tone. */
export interface StatusLook {
  readonly label: string;
  readonly icon: string;
  readonly tone: Tone;
}

/** A token's time status, or `malformed` when it could not be decoded. */
export type TokenStatus = TimeStatus | 'malformed';

const TOKEN_STATUS: Readonly<Record<TokenStatus, StatusLook>> = {
  // A clock, not a check mark: "not expired" says nothing about whether the token is genuine.
  valid: { label: 'Valid', icon: 'clock', tone: 'ok' },
  expired: { label: 'Expired', icon: 'error', tone: 'error' },
  'not-yet-valid': { label: 'Not yet valid', icon: 'clock', tone: 'warning' },
  'never-expires': { label: 'Never expires', icon: 'warning', tone: 'warning' },
  // A verifier rejects a token whose exp/nbf/iat is not a NumericDate (RFC 7519 §4.1.4).
  'invalid-claim': { label: 'Invalid claim', icon: 'error', tone: 'error' },
  'not-applicable': { label: 'No time claims', icon: 'circle-slash', tone: 'neutral' },
  malformed: { label: 'Malformed token', icon: 'error', tone: 'error' },
};

/**
 * Label, codicon and tone of a token status.
 *
 * @example statusLook('expired') // { label: 'Expired', icon: 'error', tone: 'error' }
 */
export function statusLook(status: TokenStatus): StatusLook {
  return TOKEN_STATUS[status];
}

/** Codicons a signature status may use (the inspector's closed `SIGNATURE_ICONS` list holds these and `loading`). */
export type VerificationIcon = 'verified-filled' | 'error' | 'warning' | 'question' | 'unverified';

/** How a signature check reads: a few words, a codicon, a tone. */
export interface VerificationBadge {
  readonly label: string;
  readonly icon: VerificationIcon;
  readonly tone: Tone;
}

/**
 * Label, codicon and tone of a signature check, shared by hover, tree and inspector.
 *
 * @example verificationBadge({ status: 'not-checked', reason: 'no-key', message: '' }).label === 'unverified (no key)'
 */
export function verificationBadge(result: VerificationResult): VerificationBadge {
  switch (result.status) {
    case 'verified':
      return { icon: 'verified-filled', label: 'signature verified', tone: 'ok' };
    case 'invalid-signature':
      return { icon: 'error', label: 'invalid signature', tone: 'error' };
    case 'key-mismatch':
      return { icon: 'warning', label: 'key does not fit alg', tone: 'warning' };
    case 'unsupported':
      return { icon: 'question', label: 'alg not supported', tone: 'neutral' };
    case 'not-checked':
      return { icon: 'unverified', label: result.reason === 'no-key' ? 'unverified (no key)' : 'not verifiable', tone: 'neutral' };
  }
}
