/**
 * `{{…}}` references in HTTP request files: `{{name}}`, `{{$dotenv NAME}}`,
 * `{{$processEnv NAME}}` (`%NAME` indirection), other `{{$system}}` variables (`$guid`,
 * `$timestamp`, …) and request variables `{{login.response.body.$.token}}`.
 */

/** Kind of a `{{…}}` reference. */
export type VariableReferenceKind = 'variable' | 'dotenv' | 'processEnv' | 'system' | 'request';

/** A `{{…}}` reference in an HTTP file. */
export interface VariableReference {
  readonly kind: VariableReferenceKind;
  /** Variable name (`$dotenv`/`$processEnv`: the environment variable name; `%` kept out). */
  readonly name: string;
  /** Offsets of the whole `{{…}}`. */
  readonly start: number;
  readonly end: number;
}

/** Classifies the inside of `{{…}}`. */
export function classifyReference(inner: string, start: number, end: number): VariableReference | undefined {
  const body = inner.trim();
  if (body.length === 0) return undefined;
  if (body.startsWith('$')) {
    const space = body.search(/\s/);
    const fn = space === -1 ? body : body.slice(0, space);
    const arg = space === -1 ? '' : body.slice(space).trim();
    if (fn === '$dotenv' && arg.length > 0) return { kind: 'dotenv', name: arg.replace(/^%/, ''), start, end };
    if (fn === '$processEnv' && arg.length > 0) return { kind: 'processEnv', name: arg.replace(/^%/, ''), start, end };
    return { kind: 'system', name: fn, start, end };
  }
  // `{{login.response.body.$.token}}` is a request variable (REST Client), resolved at send time.
  if (/^[^.\s]+\.(response|request)\./.test(body)) return { kind: 'request', name: body, start, end };
  return { kind: 'variable', name: body, start, end };
}

/**
 * Calls `visit(start, end)` for each `{{…}}` on one line, in order, until it returns false.
 * The next `}}` and the end of the current line are searched again only once passed, so every
 * search starts past the previous one: one pass over the text.
 */
function forEachBraces(text: string, visit: (start: number, end: number) => boolean): void {
  let from = 0;
  let close = -1;
  let lineEnd = -1;
  for (;;) {
    const open = text.indexOf('{{', from);
    if (open === -1) return;
    if (close < open + 2) close = text.indexOf('}}', open + 2);
    if (close === -1) return;
    if (lineEnd < open) {
      lineEnd = text.indexOf('\n', open);
      if (lineEnd === -1) lineEnd = text.length;
    }
    if (lineEnd < close) {
      from = lineEnd + 1;
      continue;
    }
    if (!visit(open, close + 2)) return;
    from = close + 2;
  }
}

/** Every `{{…}}` reference in `text` (for a value or a whole line). */
export function findVariableReferences(text: string): VariableReference[] {
  const references: VariableReference[] = [];
  if (typeof text !== 'string') return references;
  forEachBraces(text, (start, end) => {
    const reference = classifyReference(text.slice(start + 2, end - 2), start, end);
    if (reference) references.push(reference);
    return true;
  });
  return references;
}

/**
 * The `{{…}}` reference covering `offset` (from `{{` to `}}` inclusive), for hovers.
 * Only the line holding `offset` is read, and only references up to `offset` are classified.
 */
export function findVariableReferenceAt(text: string, offset: number): VariableReference | undefined {
  if (typeof text !== 'string' || !Number.isFinite(offset) || offset < 0 || offset > text.length) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const at = offset - lineStart;
  let found: VariableReference | undefined;
  forEachBraces(line, (start, end) => {
    if (start > at) return false;
    if (end < at) return true;
    found = classifyReference(line.slice(start + 2, end - 2), start + lineStart, end + lineStart);
    return found === undefined;
  });
  return found;
}
