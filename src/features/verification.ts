import type { VerificationResult, VerificationTiming } from '../core';
import type { VerificationService, VerificationStatus } from '../model/verification';
import type { SignatureSource } from '../model/types';
import type { SignatureView } from '../webview/protocol';

/** Codicon and one-word label of a status, shared by hover, tree and inspector. */
export function verificationBadge(result: VerificationResult): { readonly icon: SignatureView['icon']; readonly label: string } {
  switch (result.status) {
    case 'verified':
      return { icon: 'verified-filled', label: 'signature verified' };
    case 'invalid-signature':
      return { icon: 'error', label: 'invalid signature' };
    case 'key-mismatch':
      return { icon: 'warning', label: 'key does not fit alg' };
    case 'unsupported':
      return { icon: 'question', label: 'alg not supported' };
    case 'not-checked':
      return { icon: 'unverified', label: result.reason === 'no-key' ? 'unverified (no key)' : 'not verifiable' };
  }
}

/** The inspector's view of a status (plain JSON, posted to the webview). */
export function signatureView(status: VerificationStatus): SignatureView {
  const badge = verificationBadge(status.result);
  return {
    state: status.result.status,
    icon: badge.icon,
    label: badge.label,
    message: status.result.message,
    ...(status.timing !== undefined ? { timing: verificationTimingText(status.timing) } : {}),
    ...(status.weakSecret !== undefined ? { weakSecret: status.weakSecret } : {}),
  };
}

/** Adapts the service to what the inspector panel and sidebar view need. */
export function signatureSource(service: VerificationService): SignatureSource {
  return { status: async (token) => signatureView(await service.status(token)), onDidChange: service.onDidChange };
}

/**
 * One hover/markdown line for a status, e.g. "$(verified-filled) signature verified — Signature
 * verified (RS256) with key "prod" · 0.05 ms per verification". `escape` is the caller's markdown
 * escaper (key labels are user text).
 */
export function verificationMarkdownLine(status: VerificationStatus, escape: (text: string) => string): string {
  const badge = verificationBadge(status.result);
  const timing = status.timing ? ` · ${verificationTimingText(status.timing)}` : '';
  const weak = status.weakSecret ? `  \n$(error) ${escape(status.weakSecret.message)} ${escape(status.weakSecret.evidence)} (${status.weakSecret.code})` : '';
  return `$(${badge.icon}) ${escape(badge.label)} — ${escape(status.result.message)}${timing}${weak}`;
}

/** "0.052 ms per verification (median of 7, this machine)" — article reason 5. */
export function verificationTimingText(timing: VerificationTiming): string {
  const ms = timing.medianMs < 0.1 ? timing.medianMs.toFixed(3) : timing.medianMs.toFixed(2);
  return `${ms} ms per ${timing.alg} verification (median of ${timing.runs}, this machine)`;
}
