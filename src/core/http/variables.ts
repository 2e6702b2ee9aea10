/**
 * File variables of an HTTP request file (REST Client `.http`/`.rest`, JetBrains HTTP Client):
 * a line `@name = value` (spaces around `=` optional); the value runs to the end of the line,
 * trimmed, and may reference other variables with `{{other}}`.
 */
import { forEachLine, trimEndSpaces } from './lines';

/** A `@name = value` file variable. Offsets are UTF-16 offsets into the file text. */
export interface HttpVariable {
  readonly name: string;
  /** Value text, trimmed, references not resolved. */
  readonly value: string;
  /** Zero-based line number. */
  readonly line: number;
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

// Greedy `(.*)` and a trim afterwards: a lazy `(.*?)[ \t]*$` is quadratic on long runs of spaces.
const FILE_VARIABLE_LINE = /^[ \t]*@([^\s=]+)[ \t]*=[ \t]*(.*)$/;
/**
 * Finds every file variable (`@name = value`) in an HTTP file.
 *
 * @example
 * ```ts
 * findHttpVariables('@host = api.example.com\n@token = {{login}}')
 * // → [{ name: 'host', value: 'api.example.com', … }, { name: 'token', value: '{{login}}', … }]
 * ```
 */
export function findHttpVariables(text: string): HttpVariable[] {
  const variables: HttpVariable[] = [];
  if (typeof text !== 'string') return variables;
  forEachLine(text, (line, start, end) => {
    if (end - start > 1_000_000) return; // never run a regex over a pathological line
    const lineText = text.slice(start, end);
    if (!lineText.includes('@')) return;
    const m = FILE_VARIABLE_LINE.exec(lineText);
    if (!m) return;
    const nameStart = start + lineText.indexOf('@') + 1;
    const nameEnd = nameStart + m[1].length;
    const value = trimEndSpaces(m[2]);
    const valueStart = value.length === 0 ? end : start + lineText.lastIndexOf(value);
    variables.push({ name: m[1], value, line, nameStart, nameEnd, valueStart, valueEnd: valueStart + value.length });
  });
  return variables;
}
