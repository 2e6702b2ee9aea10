/**
 * The name of a token's kind, as every surface shows it. The three names are the JOSE
 * containers (RFC 7515 JWS, its Unsecured JWS form of Appendix A.5 with `alg` "none", RFC 7516
 * JWE): a token's kind says how it is protected, whatever its payload holds (a JWS payload is
 * not always a JWT claims set).
 */
import * as l10n from '@vscode/l10n';
import type { TokenKind } from '../core';

/** Every kind label, keyed by core kind. */
export const KIND_LABELS = { jws: 'JWS', unsecured: 'Unsecured JWS', jwe: 'JWE' } as const satisfies Record<TokenKind, string>;

/** A kind label: `JWS`, `Unsecured JWS` or `JWE` (in English; the display language's words otherwise, `Ungesichertes JWS`). */
export type KindLabel = string;

/**
 * The label of a token kind, in the display language (`JWS` and `JWE` are names; `Unsecured JWS`
 * is `Ungesichertes JWS` in German).
 *
 * @example kindLabel('unsecured') === 'Unsecured JWS' // unconfigured
 */
export function kindLabel(kind: TokenKind): KindLabel {
  return kind === 'unsecured' ? l10n.t('Unsecured JWS') : KIND_LABELS[kind];
}
