import type { DecryptionOutcome, DecryptionService } from '../model/decryption';
import type { DecryptionSource } from '../model/types';
import type { DecryptionState } from '../present/decryption';
import type { SignatureView } from '../present/inspector/protocol';
import type { DecryptionInput } from '../present/inspector/viewModel';
import { signatureView } from './verification';

/** The present-layer state of an outcome (what the words of present/decryption.ts take). */
export function decryptionState(outcome: DecryptionOutcome): DecryptionState {
  switch (outcome.status) {
    case 'no-keys':
      return { state: 'no-keys' };
    case 'failed':
      return { state: 'failed', error: outcome.error };
    case 'decrypted':
      return { state: 'decrypted', decrypted: outcome.decrypted, keyLabels: outcome.keyLabels };
  }
}

/** Adapts the service to what the inspector panel and sidebar view need (signatures as the inspector shows them). */
export function decryptionSource(service: DecryptionService): DecryptionSource {
  return {
    decrypt: async (token, scope): Promise<DecryptionInput> => {
      const outcome = await service.decrypt(token, scope);
      const state = decryptionState(outcome);
      if (outcome.status !== 'decrypted') return state;
      const signatures = new Map<string, SignatureView>([...outcome.signatures].map(([t, s]) => [t, signatureView(s)]));
      return { ...state, signatures };
    },
    onDidChange: service.onDidChange,
  };
}
