/** `.env` files, read for `{{$dotenv NAME}}` references. */
import type { EnvironmentVariable } from './environments';
import { forEachLine } from './lines';

const DOTENV_LINE = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*(.*)$/;

/**
 * Parses a `.env` file: `NAME=value`, `export NAME=value`, single/double quoted values,
 * `#` comment lines and ` #` trailing comments after unquoted values.
 */
export function parseDotEnv(text: string): EnvironmentVariable[] {
  const variables: EnvironmentVariable[] = [];
  if (typeof text !== 'string') return variables;
  forEachLine(text, (_line, start, end) => {
    if (end - start > 1_000_000) return;
    const lineText = text.slice(start, end);
    const m = DOTENV_LINE.exec(lineText);
    if (!m) return;
    const name = m[1];
    const nameStart = start + lineText.indexOf(name);
    let rawStart = start + lineText.length - m[2].length;
    let raw = m[2];
    let value: string;
    const quote = raw.charAt(0);
    if ((quote === '"' || quote === "'") && raw.indexOf(quote, 1) !== -1) {
      const close = raw.indexOf(quote, 1);
      value = raw.slice(1, close);
      rawStart += 1;
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      const comment = raw.search(/[ \t]#/);
      if (comment !== -1) raw = raw.slice(0, comment);
      value = raw.trimEnd();
    }
    variables.push({ name, value, environment: '', origin: 'dotenv', nameStart, nameEnd: nameStart + name.length, valueStart: rawStart, valueEnd: rawStart + Math.min(value.length, end - rawStart) });
  });
  return variables;
}
