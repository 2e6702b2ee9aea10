/**
 * File discovery for `token-lens scan`: explicit files, directories (walked), simple globs
 * (`*`, `**`, `?`). Binary and over-size files are skipped with a reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Directories never walked into (dependencies and VCS metadata). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** A file to scan, or a path that was skipped and why. */
export type FileEntry = { readonly path: string; readonly text: string } | { readonly path: string; readonly skipped: string };

/** A path argument that names nothing: bad input, exit 2. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`No such file, directory or matching glob: ${path}`);
  }
}

function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

type GlobStep = { readonly kind: 'char'; readonly char: string } | { readonly kind: 'one' | 'star' | 'any' } | { readonly kind: 'skip'; readonly over: number };

/** `**` followed by `/`: zero directories, or any text ending in `/` (the `any` + `/` steps). */
const DIRECTORIES: readonly GlobStep[] = [{ kind: 'skip', over: 3 }, { kind: 'any' }, { kind: 'char', char: '/' }];

function globSteps(glob: string): GlobStep[] {
  const steps: GlobStep[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        // `**/**/` matches what `**/` matches: keep one.
        if (steps.at(-1) !== DIRECTORIES[2]) steps.push(...DIRECTORIES);
      } else steps.push({ kind: 'any' });
    } else if (c === '*') steps.push({ kind: 'star' });
    else if (c === '?') steps.push({ kind: 'one' });
    else steps.push({ kind: 'char', char: c });
  }
  return steps;
}

/**
 * Compiles a glob over `/`-separated relative paths (`*` and `?` within a name, `**` across
 * names, `**` + `/` zero or more directories, anything else literal) to a matcher. It follows
 * every way of matching at once (an NFA), so a path costs path length × pattern length at
 * worst; a backtracking regex over the same globs grows exponentially with repeated `**` + `/`.
 */
export function globMatcher(glob: string): (path: string) => boolean {
  const steps = globSteps(glob);
  const accept = steps.length;
  // Where each state leads without reading a character (-1: nowhere): past a `*`, past or over a skip.
  const skipTo = steps.map((step, s) => (step.kind === 'star' || step.kind === 'any' || step.kind === 'skip' ? s + 1 : -1));
  const jumpTo = steps.map((step, s) => (step.kind === 'skip' ? s + step.over : -1));
  return (path) => {
    // The states alive after each character, as a list; `added[s]` is the position that last added s.
    const added = new Int32Array(accept + 1).fill(-1);
    const pending = new Int32Array(accept + 1);
    let current = new Int32Array(accept + 1);
    let next = new Int32Array(accept + 1);
    let count = 0;
    let nextCount = 0;
    // Adds `state` and every state reachable from it without reading a character, once each.
    const reach = (state: number, position: number) => {
      if (added[state] === position) return;
      added[state] = position;
      let top = 0;
      const push = (t: number) => {
        if (t === -1 || added[t] === position) return;
        added[t] = position;
        pending[top++] = t;
      };
      pending[top++] = state;
      while (top > 0) {
        const s = pending[--top];
        next[nextCount++] = s;
        push(skipTo[s] ?? -1);
        push(jumpTo[s] ?? -1);
      }
    };
    reach(0, 0);
    // UTF-16 code units on both sides, as the glob's steps are.
    for (let i = 0; i < path.length; i++) {
      [current, next] = [next, current];
      count = nextCount;
      nextCount = 0;
      const c = path[i];
      for (let k = 0; k < count; k++) {
        const s = current[k];
        const step = steps[s];
        if (step === undefined || step.kind === 'skip') continue;
        if (step.kind === 'char' ? step.char === c : step.kind === 'any' || c !== '/') reach(step.kind === 'star' || step.kind === 'any' ? s : s + 1, i + 1);
      }
      if (nextCount === 0) return false;
    }
    return added[accept] === path.length;
  };
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, visit);
    } else if (entry.isFile()) visit(path);
  }
}

/** Expands path arguments to a sorted, de-duplicated file list. Throws MissingPathError. */
export function expandPaths(args: readonly string[]): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const arg of args) {
    if (isGlob(arg)) {
      const normalized = arg.split(sep).join('/');
      const parts = normalized.split('/');
      const firstGlob = parts.findIndex(isGlob);
      const base = parts.slice(0, firstGlob).join('/') || '.';
      const matches = globMatcher(parts.slice(firstGlob).join('/'));
      // A glob that matches only files already listed (by an earlier argument) still matched.
      let matched = false;
      walk(base, (file) => {
        if (!matches(relative(base, file).split(sep).join('/'))) return;
        matched = true;
        add(file);
      });
      if (!matched) throw new MissingPathError(arg);
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new MissingPathError(arg);
    }
    if (stat.isDirectory()) walk(arg, add);
    else add(arg);
  }
  return files;
}

/** True when the bytes look binary: a NUL byte in the first 8 KiB (as git decides). */
export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Reads one file for scanning, or says why it is skipped. */
export function readForScan(path: string, maxBytes: number): FileEntry {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return { path, skipped: 'unreadable' };
  }
  if (size > maxBytes) return { path, skipped: `larger than ${Math.round(maxBytes / 1024)} KiB (${Math.round(size / 1024)} KiB)` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { path, skipped: 'unreadable' };
  }
  if (looksBinary(bytes)) return { path, skipped: 'binary' };
  return { path, text: bytes.toString('utf8') };
}
