/**
 * Token Lens presentation: how core results read on every surface (hover, tree, CodeLens,
 * status bar, diagnostics, inspector, CLI). Pure: no `vscode`, no Node-only API, so it runs in
 * the extension host, the webview and the CLI alike. One format per output; each module adds
 * its explicit exports below.
 */
export { DEFAULT_MAX_CHARS, labelText, markdownText, notificationText, truncate } from './escape';
export { terminalJson, terminalText } from './terminal';
export type { TerminalTextOptions } from './terminal';
export { KIND_LABELS, kindLabel } from './kind';
export { segmentErrorFor, segmentErrorsOf, segmentErrorsText } from './segments';
export type { KindLabel } from './kind';
export { themeColor } from './tone';
export type { Tone } from './tone';
export { atLeast, bySeverity, compareSeverity, SEVERITIES, severityCounts, severityIcon, severityLabel, severityTone } from './severity';
export { statusLook, tokenStatus, verificationBadge } from './status';
export type { BadgeOptions, StatusLook, TokenStatus, VerificationBadge, VerificationIcon } from './status';
export { configureLocale, numberText, relativeText } from './locale';
export { findingText, localizedFinding, messageText } from './findingText';
export type { FindingWords } from './findingText';
export { absoluteTimeText, clockText, countdownText, durationText, ENCRYPTED_TIME_TEXT, instantText, statusWords, timeText, verificationTimingText } from './time';
export { bytesText, exceededLimits, exceededLimitsText, limitText, sizeCostText, sizeText } from './size';
export { claimsTable, claimText, claimTextFromJson } from './claims';
export { contextLabel } from './context';
export { headerAlg, lensTitle, summaryText, tokenSummary, undecodedText } from './summary';
export { findingExplanation } from './findingHelp';
export type { TokenSummary } from './summary';
export { BINARY_SNIFF_BYTES, LineIndex, looksBinary } from './text';
export type { TextPosition } from './text';
export { BINDING_PROMPTS, bindingChoices, bindingText, keyAddedText, keyConfirmation, storedKeyDescriptionText } from './keys';
export type { BindingChoice, KeyConfirmation } from './keys';
export { comparisonHeadline, comparisonLines, memberChangeText, signedDuration } from './compare';
