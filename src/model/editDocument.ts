/**
 * The document *Edit Token* opens: the token's protected header and payload as one JSON object,
 * `{ "header": {…}, "payload": {…} }`, pretty-printed from the token's own JSON text (so key
 * order, duplicate names and big integers survive), and the reading of it back on save.
 * Pure (jsonc-parser only, no `vscode`): unit-tested without a host.
 */
import * as l10n from '@vscode/l10n';
import { applyEdits, findNodeAtLocation, format, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { decodeToken } from '../core';
import type { Result } from '../core';
import { compactJson } from '../core/sign';
import { messageText } from '../present/findingText';

/** Why a token cannot be edited, or an edited document cannot be turned into a token. */
export interface EditError {
  readonly code: 'ERR_EDIT_KIND' | 'ERR_EDIT_PAYLOAD' | 'ERR_EDIT_DECODE' | 'ERR_EDIT_SYNTAX' | 'ERR_EDIT_SHAPE';
  readonly message: string;
}

/** Header and payload read from an edited document, as compact JSON text (exact literals kept). */
export interface EditedParts {
  readonly headerJson: string;
  readonly payloadJson: string;
  /** The header's `alg` as written (undefined when absent or not a string). */
  readonly alg: string | undefined;
}

const FORMAT = { tabSize: 2, insertSpaces: true, eol: '\n' } as const;

function fail(code: EditError['code'], message: string): { ok: false; error: EditError } {
  return { ok: false, error: { code, message } };
}

function pretty(json: string): string {
  return applyEdits(json, format(json, undefined, FORMAT));
}

/**
 * The edit document of a compact JWS or unsecured token. A JWE (its payload is ciphertext) and a
 * payload that is not JSON cannot be edited as JSON.
 *
 * @example editDocumentText('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.sig') // '{\n  "header": {\n    "alg": "HS256"\n  },\n  "payload": {\n    "sub": "a"\n  }\n}\n'
 */
export function editDocumentText(token: string): Result<string, EditError> {
  const decoded = decodeToken(token);
  if (!decoded.ok) return fail('ERR_EDIT_DECODE', messageText(decoded.error));
  const { value } = decoded;
  if (value.kind === 'jwe') return fail('ERR_EDIT_KIND', l10n.t('An encrypted token (JWE) cannot be edited: its payload is ciphertext.'));
  if (value.segmentErrors !== undefined && value.segmentErrors.length > 0) return fail('ERR_EDIT_DECODE', l10n.t('Part of this token does not decode; only a token that decodes in full can be edited.'));
  const payload = value.payload;
  if (payload.type !== 'claims' && payload.type !== 'json') return fail('ERR_EDIT_PAYLOAD', l10n.t('The payload is not JSON, so it cannot be edited as JSON.'));
  return { ok: true, value: pretty(`{"header":${value.headerJson},"payload":${payload.json}}`) + '\n' };
}

/** Compact JSON of `text[node]`: every literal kept as written, whitespace dropped. */
function compact(text: string, node: Node): string {
  return compactJson(text.slice(node.offset, node.offset + node.length));
}

/**
 * Reads an edited document back: a JSON object with exactly an object `header` and a
 * `payload` (any JSON value; comments are not JSON and are refused). The parts come back as
 * compact JSON with every literal exactly as typed.
 */
export function readEditDocument(text: string): Result<EditedParts, EditError> {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    return fail('ERR_EDIT_SYNTAX', first !== undefined ? l10n.t('The document is not valid JSON ({0} at offset {1}).', printParseErrorCode(first.error), first.offset) : l10n.t('The document is not valid JSON (empty).'));
  }
  if (root.type !== 'object') return fail('ERR_EDIT_SHAPE', l10n.t('The document must be an object with "header" and "payload".'));
  const names = (root.children ?? []).map((p) => String(p.children?.[0]?.value));
  const extra = names.filter((n) => n !== 'header' && n !== 'payload');
  if (extra.length > 0) return fail('ERR_EDIT_SHAPE', l10n.t('Only "header" and "payload" belong at the top level (found "{0}").', extra[0]!.slice(0, 40)));
  const header = findNodeAtLocation(root, ['header']);
  const payload = findNodeAtLocation(root, ['payload']);
  if (header === undefined || header.type !== 'object') return fail('ERR_EDIT_SHAPE', l10n.t('"header" must be a JSON object (the JOSE protected header).'));
  if (payload === undefined) return fail('ERR_EDIT_SHAPE', l10n.t('"payload" is missing.'));
  const algNode = findNodeAtLocation(header, ['alg']);
  return { ok: true, value: { headerJson: compact(text, header), payloadJson: compact(text, payload), alg: typeof algNode?.value === 'string' ? algNode.value : undefined } };
}

/** The edit document with its `header` replaced by `headerJson` (after signing chose the `alg`). */
export function withHeader(documentText: string, headerJson: string): string {
  const root = parseTree(documentText);
  const header = root !== undefined ? findNodeAtLocation(root, ['header']) : undefined;
  if (header === undefined) return documentText;
  const replaced = documentText.slice(0, header.offset) + headerJson + documentText.slice(header.offset + header.length);
  return pretty(replaced.trimEnd()) + '\n';
}

/** Claims whose numbers are NumericDates (RFC 7519 §2), hinted as dates in the editor. */
const TIME_CLAIMS: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

/** A time claim's number in the document: where its value ends and the seconds it holds. */
export interface TimeClaimValue {
  readonly name: string;
  readonly seconds: number;
  /** Offset just after the number literal. */
  readonly end: number;
}

/** The numeric time claims directly under `payload` (the ones a date hint explains). */
export function timeClaimValues(text: string): TimeClaimValue[] {
  const root = parseTree(text);
  const payload = root !== undefined ? findNodeAtLocation(root, ['payload']) : undefined;
  if (payload?.type !== 'object') return [];
  const out: TimeClaimValue[] = [];
  for (const property of payload.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined || value.type !== 'number' || !TIME_CLAIMS.has(String(key.value))) continue;
    out.push({ name: String(key.value), seconds: Number(value.value), end: value.offset + value.length });
  }
  return out;
}
