/**
 * `scan` progress on a terminal: one line on stderr (`scanning 120/3400 files · 5 tokens`),
 * redrawn at most every 100 ms and erased at the end. Shown only when stderr is a terminal,
 * so a pipe, a CI log or a `--json` consumer never sees it.
 */

const REDRAW_MS = 100;

export class Progress {
  private done = 0;
  private tokens = 0;
  private drawnAt = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly total: number,
    private readonly write: ((text: string) => void) | undefined,
    private readonly clock: () => number,
  ) {}

  /** One more file done, with the tokens found in it. */
  fileDone(tokens: number): void {
    this.done++;
    this.tokens += tokens;
    if (this.write === undefined) return;
    const now = this.clock();
    if (now - this.drawnAt < REDRAW_MS && this.done < this.total) return;
    this.drawnAt = now;
    this.drawn = true;
    // CR + erase line: the line is redrawn in place.
    this.write(`\r\u001b[2Kscanning ${this.done}/${this.total} files · ${this.tokens} token${this.tokens === 1 ? '' : 's'}`);
  }

  /** Erases the line (the report follows on stdout). */
  finish(): void {
    if (this.write !== undefined && this.drawn) this.write('\r\u001b[2K');
  }
}
