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

/** Converts a glob to an anchored regex over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more directories; a trailing `**` matches everything below.
        if (glob[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
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
      const matcher = globToRegExp(parts.slice(firstGlob).join('/'));
      const before = files.length;
      walk(base, (file) => {
        if (matcher.test(relative(base, file).split(sep).join('/'))) add(file);
      });
      if (files.length === before) throw new MissingPathError(arg);
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
