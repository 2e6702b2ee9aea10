/** Where a token sits, as tree labels, the inspector title and target pickers name it. */
import * as l10n from '@vscode/l10n';
import type { TokenMatch } from '../core';

/**
 * Label of a token's place: `Authorization · line 12`, `@token · line 3`, `"id_token" · line 3`,
 * `Cookie sid · line 7` (`line` is 0-based, shown 1-based). Names are token text: escape them
 * for the output.
 */
export function contextLabel(match: Pick<TokenMatch, 'context'>, line: number): string {
  const { kind, name } = match.context;
  const at = l10n.t('line {0}', line + 1);
  switch (kind) {
    case 'authorization':
      return `Authorization · ${at}`;
    case 'http-variable':
      return `@${name ?? l10n.t('variable')} · ${at}`;
    case 'json-key':
      return `"${name ?? ''}" · ${at}`;
    case 'cookie':
    case 'set-cookie':
      return `Cookie ${name ?? ''} · ${at}`;
    case 'header':
    case 'query-param':
    case 'assignment':
      return `${name ?? kind} · ${at}`;
    case 'bare':
      return `Token · ${at}`;
  }
}
