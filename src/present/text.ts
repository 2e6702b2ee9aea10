/**
 * File text as scanners need it (the CLI's `scan` and the Scan Workspace command): whether
 * bytes are text at all, and offset → line/column.
 */

/** How many leading bytes {@link looksBinary} examines. */
export const BINARY_SNIFF_BYTES = 8192;

/**
 * True when the bytes look binary: a NUL byte in the first 8 KiB (the heuristic git and grep use).
 *
 * @example looksBinary(new Uint8Array([0x50, 0x4b, 0x00])) === true
 */
export function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** A 0-based line and a 0-based column in UTF-16 code units (as `vscode.Position`). */
export interface TextPosition {
  readonly line: number;
  readonly character: number;
}

/**
 * The line starts of a text, for turning many offsets into positions: built in one pass,
 * each lookup a binary search. Lines end at `\n` (a CR-LF line ends at its LF).
 *
 * @example new LineIndex('a\nbc').positionAt(3) // { line: 1, character: 1 }
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Number of lines (a text without `\n` has one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The position of a UTF-16 offset (offsets past the end land on the last line). */
  positionAt(offset: number): TextPosition {
    const starts = this.starts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: offset - starts[low] };
  }
}
