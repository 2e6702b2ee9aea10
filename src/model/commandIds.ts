/**
 * Every command id Token Lens contributes (a unit test keeps this table and package.json's
 * `contributes.commands` equal); `src/commands/index.ts` registers each of them in one place.
 */
export const CommandIds = {
  decodeToken: 'tokenLens.decodeToken',
  inspectToken: 'tokenLens.inspectToken',
  copyHeaderJson: 'tokenLens.copyHeaderJson',
  copyPayloadJson: 'tokenLens.copyPayloadJson',
  copyClaimsTable: 'tokenLens.copyClaimsTable',
  copyClaimValue: 'tokenLens.copyClaimValue',
  scanWorkspace: 'tokenLens.scanWorkspace',
  clearScanResults: 'tokenLens.clearScanResults',
  revealToken: 'tokenLens.revealToken',
  addVerificationKey: 'tokenLens.addVerificationKey',
  removeVerificationKey: 'tokenLens.removeVerificationKey',
  listVerificationKeys: 'tokenLens.listVerificationKeys',
  compareTokens: 'tokenLens.compareTokens',
  editToken: 'tokenLens.editToken',
  newToken: 'tokenLens.newToken',
  generateKeyPair: 'tokenLens.generateKeyPair',
  addSigningKey: 'tokenLens.addSigningKey',
  removeSigningKey: 'tokenLens.removeSigningKey',
  addDecryptionKey: 'tokenLens.addDecryptionKey',
  removeDecryptionKey: 'tokenLens.removeDecryptionKey',
} as const;

/** Commands allowed in hover markdown links (`isTrusted.enabledCommands`). */
export const HOVER_COMMANDS: readonly string[] = [CommandIds.inspectToken, CommandIds.copyPayloadJson, CommandIds.copyHeaderJson, CommandIds.revealToken, CommandIds.editToken];

/** Context key set while the editor cursor is on a token (editor context menu `when`). */
export const CURSOR_ON_TOKEN_CONTEXT = 'tokenLens.cursorOnToken';

/**
 * Where a token is, as passed by hover links, CodeLens and tree items: a location, never
 * the token itself (command URIs end up in logs and history).
 */
export interface TokenLocation {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
}

/** True when `value` looks like a {@link TokenLocation} (arguments come from untyped URIs). */
export function isTokenLocation(value: unknown): value is TokenLocation {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.uri === 'string' && Number.isInteger(v.line) && Number.isInteger(v.character);
}
