/** Line helpers shared by the file-variable and `.env` readers. */

/** Removes trailing spaces and tabs (a loop: `/[ \t]+$/` is quadratic on long space runs). */
export function trimEndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  return text.slice(0, end);
}

/** Iterates over lines, yielding [lineNumber, start, end] (end excludes `\r\n`). */
export function forEachLine(text: string, visit: (line: number, start: number, end: number) => void): void {
  let start = 0;
  let line = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const contentEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    visit(line, start, contentEnd);
    start = end + 1;
    line++;
  }
}
