/**
 * Finds tokens in text that arrives in pieces (a file read in chunks), with the offsets,
 * lines and columns they have in the whole text, each token once. Memory stays near one chunk
 * plus an overlap, whatever the length of the text.
 */
import { DEFAULT_MAX_TOKEN_LENGTH, findTokens } from '../core';
import type { TokenMatch } from '../core/types';
import { LineIndex } from '../present';

/** A token found in the stream: offsets (UTF-16) and 1-based line/column in the whole text. */
export interface StreamMatch {
  readonly match: TokenMatch;
  readonly line: number;
  readonly column: number;
  /** Line and column one past the token's last character (an exclusive end, as SARIF regions take). */
  readonly endLine: number;
  readonly endColumn: number;
}

/**
 * Text kept before the next scan's start: the scanner reads up to 512 characters back on the
 * token's line for its context and one character for the token boundary (core scanner.ts);
 * this keeps well over that, so a token's context is the one a whole-text scan gives.
 */
const LOOK_BEHIND = 4096;

/**
 * How many times the longest token a thorough scan's wrapper may span (a base64 wrapper is 4/3
 * of what it wraps, plus a `user:` prefix): the overlap and the look-behind cover it, since the
 * scanner walks back over a wrapper's run from where its candidate matched.
 */
const WRAPPER_SPAN = 2;

/** How a stream scans: the longest token, and a `thorough` scan (core `thoroughScanFor`). */
export interface TokenStreamOptions {
  readonly maxTokenLength?: number;
  readonly thorough?: boolean;
}

/**
 * A copy of `text` that holds no reference to the string it was cut from. V8 represents a
 * slice of a long string as a view of it, so a kept token would keep its whole chunk alive
 * (and memory would grow with the number of tokens times the chunk size).
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function detachedContext(context: TokenMatch['context']): TokenMatch['context'] {
  return JSON.parse(JSON.stringify(context)) as TokenMatch['context'];
}

/**
 * Accumulates text and scans it as it grows. Only tokens that start at least the longest
 * token (plus a margin) before the end of what has arrived are scanned, so every token is
 * read whole; the rest waits for the next piece, or {@link end}.
 */
export class TokenStream {
  private window = '';
  /** Offset in the whole text of `window[0]`. */
  private base = 0;
  /** 0-based line of `window[0]`, and the offset in the whole text where that line starts. */
  private line = 0;
  private lineStart = 0;
  /** Tokens starting before this offset (whole text) were reported. */
  private scannedTo = 0;
  private readonly maxTokenLength: number;
  private readonly thorough: boolean;
  private readonly overlap: number;
  private readonly lookBehind: number;

  constructor(options: TokenStreamOptions = {}) {
    this.maxTokenLength = options.maxTokenLength ?? DEFAULT_MAX_TOKEN_LENGTH;
    this.thorough = options.thorough === true;
    const span = this.thorough ? WRAPPER_SPAN * this.maxTokenLength : this.maxTokenLength;
    this.overlap = span + 64;
    this.lookBehind = this.thorough ? span + LOOK_BEHIND : LOOK_BEHIND;
  }

  /** Adds text; returns the tokens that can now be told whole. */
  push(text: string): StreamMatch[] {
    this.window += text;
    return this.scan(false);
  }

  /** The text is complete: returns the remaining tokens. */
  end(): StreamMatch[] {
    return this.scan(true);
  }

  private scan(final: boolean): StreamMatch[] {
    const text = this.window;
    const from = this.scannedTo - this.base;
    const to = final ? text.length : text.length - this.overlap;
    if (to <= from) return [];
    // Lines are indexed only when needed: most files hold no token.
    let index: LineIndex | undefined;
    const lines = () => (index ??= new LineIndex(text));
    const found: StreamMatch[] = [];
    let lastEnd = this.base + to;
    for (const local of findTokens(text, { rangeStart: from, rangeEnd: to, maxTokenLength: this.maxTokenLength, thorough: this.thorough })) {
      const start = lines().positionAt(local.start);
      const end = lines().positionAt(local.end);
      found.push({
        match: { ...local, start: this.base + local.start, end: this.base + local.end, token: detached(local.token), context: detachedContext(local.context) },
        line: this.line + start.line + 1,
        column: this.columnOf(start) + 1,
        endLine: this.line + end.line + 1,
        endColumn: this.columnOf(end) + 1,
      });
      lastEnd = Math.max(lastEnd, this.base + local.end);
    }
    // A token may end past `to`: the next scan starts after it, as a whole-text scan would.
    this.scannedTo = lastEnd;
    if (!final) {
      const keepFrom = Math.max(0, to - this.lookBehind);
      // The lines dropped with the text before keepFrom (counted without indexing every line).
      let lastNewline = -1;
      for (let i = text.indexOf('\n'); i !== -1 && i < keepFrom; i = text.indexOf('\n', i + 1)) {
        this.line++;
        lastNewline = i;
      }
      if (lastNewline !== -1) this.lineStart = this.base + lastNewline + 1;
      this.base += keepFrom;
      this.window = text.slice(keepFrom);
    }
    return found;
  }

  /** 0-based column in the whole text of a position in the window. */
  private columnOf(position: { line: number; character: number }): number {
    return position.line === 0 ? this.base - this.lineStart + position.character : position.character;
  }
}
