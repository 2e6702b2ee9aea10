/**
 * A finding's message and evidence in the display language: the template of its text id
 * (core `FINDING_TEXTS`, the English written once) through `l10n.t`, whose bundle holds the
 * same template in that language, with the params written for it (counts through
 * `Intl.NumberFormat`, durations and sizes in its units). Unconfigured (the CLI, English) it is
 * the core's own English text, byte for byte. The parameters are data: every surface still
 * escapes the text for where it goes.
 */
import * as l10n from '@vscode/l10n';
import { fillTemplate, FINDING_TEXTS, joinList, MESSAGE_TEXTS } from '../core';
import type { Finding, FindingParam, FindingTemplate, ListParam, NestedMessage } from '../core';
import { displayLanguageOf, numberText } from './locale';
import { bytesText } from './size';
import { durationText } from './time';

/** What a surface shows of a finding. */
export interface FindingWords {
  readonly message: string;
  readonly evidence: string;
}

const TEMPLATES: Readonly<Record<string, FindingTemplate>> = FINDING_TEXTS;
const MESSAGES: Readonly<Record<string, string>> = MESSAGE_TEXTS;
const own = (table: object, id: string | undefined): id is string => id !== undefined && Object.prototype.hasOwnProperty.call(table, id);

/** A template that holds words; one of placeholders only (`{0}`) is the same in every language. */
const WORDS = /\p{L}/u;

/** A param in the display language. */
function localParam(param: FindingParam): string {
  if (typeof param === 'string') return param;
  if (typeof param === 'number') return numberText(param);
  if ('message' in param) return nestedText(param);
  if ('list' in param) return listText(param);
  return 'seconds' in param ? durationText(param.seconds) : bytesText(param.bytes);
}

/** A list param in the display language: `and` lists through Intl.ListFormat, the separators as they are. */
function listText(param: ListParam): string {
  const items = param.list.map(localParam);
  if (param.join === 'comma' || param.join === 'semicolon') return joinList(items, param.join);
  const language = displayLanguageOf();
  return language === undefined ? joinList(items, param.join) : new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}

/**
 * A sentence inside another, in the display language: by its text id, else by its English when
 * the bundle has it (an algorithm's cost note), else its English as it is (a whole sentence;
 * only the English template lowers its first letter, `lower`).
 */
function nestedText(param: NestedMessage): string {
  return own(MESSAGES, param.textId) ? translate(MESSAGES[param.textId]!, param.params ?? []) : l10n.t(param.message);
}

function translate(template: string, params: readonly FindingParam[]): string {
  const args = params.map(localParam);
  return WORDS.test(template) ? l10n.t(template, ...args) : fillTemplate(template, params, localParam);
}

/**
 * The message and evidence of `finding` in the display language; a finding without a text id
 * (or one this build does not know) keeps its English.
 *
 * @example findingText(hint).message // 'This token never expires: …' (unconfigured)
 */
export function findingText(finding: Pick<Finding, 'message' | 'evidence' | 'textId' | 'params'>): FindingWords {
  const template = own(TEMPLATES, finding.textId) ? TEMPLATES[finding.textId] : undefined;
  if (template === undefined || displayLanguageOf() === undefined) return { message: finding.message, evidence: finding.evidence };
  const params = finding.params ?? [];
  return { message: translate(template.message, params), evidence: translate(template.evidence, params) };
}

/** `finding` with its message and evidence in the display language, and without the text id and params (what a view model or a report carries). */
export function localizedFinding(finding: Finding): Finding {
  const { message, evidence } = findingText(finding);
  return { code: finding.code, severity: finding.severity, message, evidence, reference: finding.reference };
}

/**
 * A core result's sentence (a verification outcome, a decode error) in the display language:
 * its `MESSAGE_TEXTS` template through `l10n.t`; without a text id, or unconfigured, its English.
 *
 * @example messageText(result) // 'Kein Prüfschlüssel hinzugefügt' (German)
 */
export function messageText(result: { readonly message: string; readonly textId?: string; readonly params?: readonly FindingParam[] }): string {
  if (displayLanguageOf() === undefined || !own(MESSAGES, result.textId)) return result.message;
  return translate(MESSAGES[result.textId]!, result.params ?? []);
}
