/**
 * The JSON schema of the *Edit Token* document, generated from the core registry of claims and
 * header parameters (core `CLAIMS`, `HEADER_PARAMETERS`), so completion and hover docs in the
 * JSON editor say what the inspector says. Served by the edit file system (one home: the
 * registry); package.json `jsonValidation` points the JSON language service at it.
 * The words are in the display language: the registry's texts through the inspector's
 * `describeRegistered` (one translation of the registry), the schema's own through `l10n.t`.
 * Pure: no `vscode`.
 */
import * as l10n from '@vscode/l10n';
import { CLAIMS, HEADER_PARAMETERS, SUPPORTED_ALGORITHMS } from '../core';
import type { RegisteredName } from '../core';
import { describeRegistered } from '../present/inspector/viewModel';

type Schema = Record<string, unknown>;

/** NumericDate claims (RFC 7519 §2): seconds since the epoch. */
const TIME_NAMES: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

function describe(entry: RegisteredName, segment: 'header' | 'payload'): Schema {
  // The inspector's words for the entry: label and explanation in the display language, then the source (a citation, as it is).
  const words = describeRegistered(entry.name, segment) ?? { title: entry.label, description: `${entry.description} (${entry.source})` };
  const citation = ` (${entry.source})`;
  const explanation = words.description.endsWith(citation) ? words.description.slice(0, -citation.length) : words.description;
  return {
    title: words.title,
    description: `${words.title}: ${words.description}`,
    markdownDescription: `**${words.title}** — ${explanation}\n\n*${entry.source}*`,
  };
}

function claimSchema(entry: RegisteredName): Schema {
  const base = describe(entry, 'payload');
  if (TIME_NAMES.has(entry.name)) return { ...base, type: 'number', markdownDescription: `${String(base['markdownDescription'])}\n\n${l10n.t('A NumericDate: seconds since 1970-01-01T00:00:00Z.')}` };
  if (entry.name === 'aud') return { ...base, anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
  if (['iss', 'sub', 'jti', 'nonce', 'scope', 'client_id', 'azp', 'sid'].includes(entry.name)) return { ...base, type: 'string' };
  return base;
}

function headerSchema(entry: RegisteredName): Schema {
  const base = describe(entry, 'header');
  if (entry.name === 'alg') {
    return {
      ...base,
      type: 'string',
      // Suggestions, not an enum: signing sets `alg` from the key anyway, and "none" is a choice on save.
      examples: [...SUPPORTED_ALGORITHMS],
      markdownDescription: `${String(base['markdownDescription'])}\n\n${l10n.t('When you save and sign with a stored key, Token Lens sets `alg` from the key.')}`,
    };
  }
  if (['kid', 'typ', 'cty', 'jku', 'x5u', 'enc', 'zip'].includes(entry.name)) return { ...base, type: 'string' };
  if (entry.name === 'crit') return { ...base, type: 'array', items: { type: 'string' } };
  return base;
}

/** Path of the schema document on the edit scheme (see `TokenEditFileSystem`). */
export const EDIT_SCHEMA_PATH = '/token-edit.schema.json';

/** The schema as a JSON Schema (draft 7) object. */
export function tokenEditSchema(): Schema {
  const claims = Object.fromEntries([...CLAIMS.values()].map((e) => [e.name, claimSchema(e)]));
  const header = Object.fromEntries([...HEADER_PARAMETERS.values()].map((e) => [e.name, headerSchema(e)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: l10n.t('Token Lens: a token being edited'),
    type: 'object',
    required: ['header', 'payload'],
    additionalProperties: false,
    properties: {
      header: {
        type: 'object',
        title: l10n.t('Protected header'),
        description: l10n.t('The JOSE protected header (RFC 7515 §4). Saving re-encodes it.'),
        required: ['alg'],
        properties: header,
      },
      payload: {
        title: l10n.t('Payload'),
        description: l10n.t('The JWT claims set (RFC 7519 §4). Saving re-encodes it.'),
        type: 'object',
        properties: claims,
      },
    },
  };
}
