/**
 * The JSON schema of the *Edit Token* document, generated from the core registry of claims and
 * header parameters (core `CLAIMS`, `HEADER_PARAMETERS`), so completion and hover docs in the
 * JSON editor say what the inspector says. Served by the edit file system (one home: the
 * registry); package.json `jsonValidation` points the JSON language service at it.
 * Pure: no `vscode`.
 */
import { CLAIMS, HEADER_PARAMETERS, SUPPORTED_ALGORITHMS } from '../core';
import type { RegisteredName } from '../core';

type Schema = Record<string, unknown>;

/** NumericDate claims (RFC 7519 §2): seconds since the epoch. */
const TIME_NAMES: ReadonlySet<string> = new Set(['exp', 'nbf', 'iat', 'auth_time', 'updated_at']);

function describe(entry: RegisteredName): Schema {
  return {
    title: entry.label,
    description: `${entry.label}: ${entry.description} (${entry.source})`,
    markdownDescription: `**${entry.label}** — ${entry.description}\n\n*${entry.source}*`,
  };
}

function claimSchema(entry: RegisteredName): Schema {
  const base = describe(entry);
  if (TIME_NAMES.has(entry.name)) return { ...base, type: 'number', markdownDescription: `${String(base['markdownDescription'])}\n\nA NumericDate: seconds since 1970-01-01T00:00:00Z.` };
  if (entry.name === 'aud') return { ...base, anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
  if (['iss', 'sub', 'jti', 'nonce', 'scope', 'client_id', 'azp', 'sid'].includes(entry.name)) return { ...base, type: 'string' };
  return base;
}

function headerSchema(entry: RegisteredName): Schema {
  const base = describe(entry);
  if (entry.name === 'alg') {
    return {
      ...base,
      type: 'string',
      // Suggestions, not an enum: signing sets `alg` from the key anyway, and "none" is a choice on save.
      examples: [...SUPPORTED_ALGORITHMS],
      markdownDescription: `${String(base['markdownDescription'])}\n\nWhen you save and sign with a stored key, Token Lens sets \`alg\` from the key.`,
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
    title: 'Token Lens: a token being edited',
    type: 'object',
    required: ['header', 'payload'],
    additionalProperties: false,
    properties: {
      header: {
        type: 'object',
        title: 'Protected header',
        description: 'The JOSE protected header (RFC 7515 §4). Saving re-encodes it.',
        required: ['alg'],
        properties: header,
      },
      payload: {
        title: 'Payload',
        description: 'The JWT claims set (RFC 7519 §4). Saving re-encodes it.',
        type: 'object',
        properties: claims,
      },
    },
  };
}
