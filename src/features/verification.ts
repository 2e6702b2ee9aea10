import type { VerificationService, SignatureStatus } from '../model/verification';
import type { SignatureSource } from '../model/types';
import { findingText, localizedFinding, messageText, verificationBadge, verificationTimingText } from '../present';
import type { VerificationBadge } from '../present';
import type { SignatureView } from '../present/inspector/protocol';

/** How a status reads on every surface: a TL401 hit means the key is known, whatever the stored keys say. */
export function signatureBadge(status: SignatureStatus): VerificationBadge {
  return verificationBadge(status.result, { weakSecret: status.weakSecret !== undefined });
}

/** The inspector's view of a status (plain JSON, posted to the webview). */
export function signatureView(status: SignatureStatus): SignatureView {
  const badge = signatureBadge(status);
  return {
    state: status.result.status,
    icon: badge.icon,
    label: badge.label,
    message: messageText(status.result),
    ...(status.timing !== undefined ? { timing: verificationTimingText(status.timing) } : {}),
    ...(status.weakSecret !== undefined ? { weakSecret: localizedFinding(status.weakSecret) } : {}),
  };
}

/** Adapts the service to what the inspector panel and sidebar view need. */
export function signatureSource(service: VerificationService): SignatureSource {
  return { status: async (token) => signatureView(await service.status(token)), onDidChange: service.onDidChange };
}

/**
 * One hover/markdown line for a status, e.g. "$(verified-filled) signature verified — Signature
 * verified (RS256) with key "prod" · 0.05 ms per verification". `escape` is the caller's markdown
 * escaper (key labels are user text). A TL401 hit replaces the stored keys' "unverified": the
 * token's key is known.
 */
export function verificationMarkdownLine(status: SignatureStatus, escape: (text: string) => string): string {
  const badge = signatureBadge(status);
  const timing = status.timing ? ` · ${verificationTimingText(status.timing)}` : '';
  const weak = status.weakSecret;
  if (weak !== undefined) {
    const also = status.result.status === 'verified' ? ` · ${escape(messageText(status.result))}` : '';
    const words = findingText(weak);
    return `$(${badge.icon}) ${escape(badge.label)} — ${escape(words.message)} ${escape(words.evidence)} (${weak.code})${also}${timing}`;
  }
  return `$(${badge.icon}) ${escape(badge.label)} — ${escape(messageText(status.result))}${timing}`;
}
