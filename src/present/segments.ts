/**
 * How a leniently decoded token's broken segments read (core `segmentErrors`): one line for a
 * summary, hover or CLI, and the error of one segment for a coloured raw token. Pure.
 */
import * as l10n from '@vscode/l10n';
import type { DecodedToken, SegmentError, SegmentSize, TokenError } from '../core';
import { messageText } from './findingText';
import { displayLanguageOf, numberText } from './locale';

/**
 * The segment errors of a decode result, wherever they are: a token that decoded leniently
 * (`decoded.segmentErrors`) or a header that did not read (`error.partial.segmentErrors`).
 *
 * @example segmentErrorsOf(inspection.decoded).length > 0 // partly decoded
 */
export function segmentErrorsOf(source: Pick<DecodedToken, 'segmentErrors'> | TokenError): readonly SegmentError[] {
  if ('code' in source) return source.partial?.segmentErrors ?? [];
  return source.segmentErrors ?? [];
}

/** The error of one segment, for marking it in the raw token; undefined when it decoded. */
export function segmentErrorFor(errors: readonly SegmentError[], segment: SegmentSize['name']): SegmentError | undefined {
  return errors.find((e) => e.segment === segment);
}

/**
 * One line saying what did not decode, or undefined when everything did.
 *
 * @example
 * segmentErrorsText(decoded.segmentErrors ?? [])
 * // 'Partly decoded: the signature segment is not base64url at offset 12: '{' (a placeholder, not a value)'
 * // 'Partly decoded: the signature segment … (and 1 more segment)'
 */
export function segmentErrorsText(errors: readonly SegmentError[]): string | undefined {
  const first = errors[0];
  if (first === undefined) return undefined;
  const more = errors.length - 1;
  const rest = more === 0 ? '' : ` ${more === 1 ? l10n.t('(and 1 more segment)') : l10n.t('(and {0} more segments)', numberText(more))}`;
  // English lowers the sentence's first letter after the colon; another language keeps its sentence as written.
  const said = displayLanguageOf() === undefined ? `${first.message.charAt(0).toLowerCase()}${first.message.slice(1)}` : messageText(first);
  return l10n.t('Partly decoded: {0}{1}', said, rest);
}
