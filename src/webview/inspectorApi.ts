import type * as vscode from 'vscode';

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
