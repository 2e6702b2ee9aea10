import type * as vscode from 'vscode';
import type { SignatureView } from '../present/inspector/protocol';
import type { DecryptionInput } from '../present/inspector/viewModel';

/** A token the user asked to see, and where it came from (for "reveal" and live updates). */
export interface InspectTarget {
  /** The compact token text. Held in memory only; never persisted or logged. */
  readonly token: string;
  /** Short label of where it was found: `Authorization · line 12`, `@token`, `clipboard`. */
  readonly label: string;
  readonly uri?: vscode.Uri;
  readonly range?: vscode.Range;
}

/** What features and commands need from the inspector (panel and sidebar view alike). */
export interface Inspector {
  /** Shows `target`; `reveal` brings the inspector to the front. */
  show(target: InspectTarget, options?: { readonly reveal?: boolean }): void;
  /** The token currently shown, if any. */
  readonly current: InspectTarget | undefined;
}

/**
 * Where the inspector gets a token's signature status (the verification service, issue 5).
 * `status` never rejects; `onDidChange` fires when keys were added or removed.
 */
export interface SignatureSource {
  status(token: string): Promise<SignatureView>;
  readonly onDidChange: vscode.Event<void>;
}

/**
 * Where the inspector gets a JWE's decryption with the stored keys (issue 11). `decrypt` never
 * rejects and caches nothing: the session holds the answer while it shows the token.
 * `onDidChange` fires when keys were added or removed.
 */
export interface DecryptionSource {
  decrypt(token: string, scope?: vscode.Uri): Promise<DecryptionInput>;
  readonly onDidChange: vscode.Event<void>;
}
