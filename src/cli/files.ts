/**
 * File discovery and reading for `token-lens scan` (and key files): explicit files, directories
 * (walked), simple globs (`*`, `**`, `?`). Only regular files are read, at most the size cap;
 * binary, over-size, special and unreadable files are skipped with a reason. Paths are handled
 * as bytes, so a file is scanned whatever bytes its name holds.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import { normalize, parse, resolve, sep } from 'node:path';

/** Directories never walked into (dependencies and VCS metadata). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** A path to scan: the bytes the file system names it by, and how output shows it. */
export interface ScanPath {
  readonly fsPath: Buffer;
  /** UTF-8 where the name is UTF-8, any other byte as `\xNN` (see {@link displayPath}). */
  readonly display: string;
  /** Named on the command line, not found by walking a directory or a glob. */
  readonly given: boolean;
  /** Set when the walk does not open it: a symbolic link inside a walked directory. */
  readonly skipped?: string;
  /** The walk's directory entry says a regular file: it is opened without a `stat` first (the open file is still checked). */
  readonly regular?: boolean;
}

/** Reason of a file that could not be opened or read. */
export const UNREADABLE = 'unreadable';

/** A path argument that names nothing: bad input, exit 2. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`No such file, directory or matching glob: ${path}`);
  }
}

function isGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/**
 * A path's bytes as text: UTF-8 where they are valid UTF-8, every other byte as `\xNN`, so a
 * name that is not UTF-8 is still shown (and told apart from its neighbours) instead of dropped.
 */
export function displayPath(bytes: Buffer): string {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    // A lead byte starts a valid 2-4 byte sequence exactly when that slice is valid UTF-8.
    let length = 0;
    for (let n = 2; n <= 4 && i + n <= bytes.length; n++) {
      if (isUtf8(bytes.subarray(i, i + n))) {
        length = n;
        break;
      }
    }
    if (length > 0) {
      i += length;
      continue;
    }
    out += `${bytes.subarray(runStart, i).toString('utf8')}\\x${bytes[i].toString(16).padStart(2, '0')}`;
    i++;
    runStart = i;
  }
  return out + bytes.subarray(runStart).toString('utf8');
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

/** A walk's root as given, normalised as `path.join` would (`./a/` → `a`), so children read `a/b`. */
function walkRoot(dir: string): string {
  const root = normalize(dir);
  return root.endsWith(sep) && parse(root).root !== root ? root.slice(0, -1) : root;
}

/**
 * A path one byte per character (latin1): how the walk holds names, so a name that is not UTF-8
 * keeps its bytes, without a Buffer per name.
 */
type BytePath = string;

const NOT_ASCII = /[^\x00-\x7f]/;

/** The display form of a name (see {@link displayPath}); an ASCII name is its own. */
function displayName(name: BytePath): string {
  return NOT_ASCII.test(name) ? displayPath(Buffer.from(name, 'latin1')) : name;
}

/** `dir` joined with `name` as `path.join` would for a plain name (`.` and a trailing separator kept out); on bytes and on display text alike. */
function child(dir: string, name: string): string {
  if (dir === '.') return name;
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** What {@link walk} reports of a non-directory entry. */
interface WalkEntry {
  /** Its path from the walk's root as the file system names it, one byte per character. */
  readonly path: BytePath;
  /** Its path as shown (display names, as {@link displayPath} gives for the whole path). */
  readonly display: string;
  /** Its path below the root, `/`-separated display names (what globs match); empty for a walk without a glob. */
  readonly relative: string;
  readonly entry: Dirent<string>;
}

/**
 * Visits every non-directory entry under `dir` in name order (byte order: latin1 names compare
 * as their bytes do). `display` is the display form of `dir`; display names compose over
 * separators, which no UTF-8 sequence holds. `relative` is undefined when no glob reads it.
 */
function walk(dir: BytePath, display: string, relative: string | undefined, visit: (found: WalkEntry) => void): void {
  let entries: Dirent<string>[];
  try {
    entries = readdirSync(Buffer.from(dir, 'latin1'), { withFileTypes: true, encoding: 'latin1' });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // A path whose bytes are ASCII is its own display form: one string for both.
  const sameDisplay = display === dir;
  for (const entry of entries) {
    const name = displayName(entry.name);
    const path = child(dir, entry.name);
    const shown = sameDisplay && name === entry.name ? path : child(display, name);
    const rel = relative === undefined ? undefined : relative ? `${relative}/${name}` : name;
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(name)) walk(path, shown, rel, visit);
    } else visit({ path, display: shown, relative: rel ?? '', entry });
  }
}

/**
 * Expands path arguments to a de-duplicated list in walk order. Symbolic links met while
 * walking are listed as skipped, not followed (they can leave the tree or loop); a path given
 * by name is followed. Throws MissingPathError.
 */
export function expandPaths(args: readonly string[]): ScanPath[] {
  const files: ScanPath[] = [];
  const seen = new Set<string>();
  // Absolute paths compared byte for byte (latin1 keeps one character per byte), to find a file reached twice.
  const cwd = Buffer.from(process.cwd()).toString('latin1');
  // One argument reaches each file once (a walk does not follow links): only more can repeat one.
  const dedupe = args.length > 1;
  const add = (key: string, file: ScanPath) => {
    if (!dedupe) files.push(file);
    else if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  /** Walks `base`, adding what `accept` takes; each entry's key is the root's absolute path and the entry's path below it. */
  const walkFrom = (base: string, accept?: (relative: string) => boolean): boolean => {
    const root = Buffer.from(walkRoot(base)).toString('latin1');
    const rootKey = resolve(cwd, root);
    const keyPrefix = rootKey.endsWith(sep) ? rootKey : rootKey + sep;
    const below = root === '.' ? 0 : root.endsWith(sep) ? root.length : root.length + 1;
    let matched = false;
    walk(root, displayPath(Buffer.from(root, 'latin1')), accept === undefined ? undefined : '', ({ path, display, relative, entry }) => {
      if (accept !== undefined && !accept(relative)) return;
      matched = true;
      const kind = entry.isSymbolicLink() ? { skipped: 'symbolic link (not followed)' } : entry.isFile() ? { regular: true } : {};
      add(dedupe ? keyPrefix + path.slice(below) : '', { fsPath: Buffer.from(path, 'latin1'), display, given: false, ...kind });
    });
    return matched;
  };
  for (const arg of args) {
    if (isGlob(arg)) {
      const parts = arg.split(sep).join('/').split('/');
      const firstGlob = parts.findIndex(isGlob);
      const base = firstGlob === 0 ? '.' : parts.slice(0, firstGlob).join('/') || '/';
      const matches = globMatcher(parts.slice(firstGlob).join('/'));
      // A glob that matches only files already listed (by an earlier argument) still matched.
      if (!walkFrom(base, matches)) throw new MissingPathError(arg);
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      throw new MissingPathError(arg);
    }
    if (stat.isDirectory()) walkFrom(arg);
    else {
      const fsPath = Buffer.from(arg);
      add(resolve(cwd, fsPath.toString('latin1')), { fsPath, display: arg, given: true });
    }
  }
  return files;
}

/** Whether any of the path arguments is walked (a glob or a directory), not only read: a scan that may meet many files. */
export function walksTree(args: readonly string[]): boolean {
  return args.some((arg) => {
    if (isGlob(arg)) return true;
    try {
      return statSync(arg).isDirectory();
    } catch {
      return false;
    }
  });
}

/** What a non-regular file is, or undefined for a regular file. */
function specialKind(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'directory';
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'special file';
}

function sizeReason(maxBytes: number, size: string): string {
  return `larger than ${Math.round(maxBytes / 1024)} KiB (${size})`;
}

// O_NONBLOCK: if a FIFO replaces the file after the stat, opening it returns at once instead of
// waiting for a writer (no effect on regular files).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const FIRST_READ_BYTES = 64 * 1024;

/** An open regular file, or why it is not read. */
type Opened = { ok: true; fd: number; size: number } | { ok: false; reason: string };

/**
 * Opens a regular file (symbolic links followed) for reading, or says why not: devices, FIFOs,
 * sockets and directories are never opened for reading (`/dev/zero` never ends, a FIFO
 * blocks), and a file whose size is over `maxBytes` is refused before it is read. A path whose
 * directory entry said regular (`listedRegular`) is opened without the `stat`: what the open
 * file is, is checked either way before a byte is read.
 */
function openRegular(path: Buffer | string, maxBytes: number, listedRegular = false): Opened {
  const special = (stats: Stats) => {
    const kind = specialKind(stats);
    if (kind !== undefined) return { ok: false as const, reason: `not a regular file (${kind})` };
    if (stats.size > maxBytes) return { ok: false as const, reason: sizeReason(maxBytes, `${Math.round(stats.size / 1024)} KiB`) };
    return undefined;
  };
  let fd: number;
  try {
    const refused = listedRegular ? undefined : special(statSync(path));
    if (refused) return refused;
    fd = openSync(path, OPEN_FLAGS);
  } catch {
    return { ok: false, reason: UNREADABLE };
  }
  try {
    // Checked again on the open file: it may have been replaced since the stat.
    const stats = fstatSync(fd);
    const refused = special(stats);
    if (refused) {
      closeSync(fd);
      return refused;
    }
    return { ok: true, fd, size: stats.size };
  } catch {
    closeSync(fd);
    return { ok: false, reason: UNREADABLE };
  }
}

/**
 * Reads a regular file (symbolic links followed), at most `maxBytes`, or says why not:
 * devices, FIFOs, sockets and directories are never opened for reading (`/dev/zero` never ends,
 * a FIFO blocks), and reading stops past `maxBytes` even when the size `stat` reports is wrong.
 */
export function readRegularFile(path: Buffer | string, maxBytes: number): { ok: true; bytes: Buffer } | { ok: false; reason: string } {
  const opened = openRegular(path, maxBytes);
  if (!opened.ok) return opened;
  const { fd } = opened;
  try {
    const limit = Math.floor(maxBytes) + 1;
    let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(opened.size + 1, FIRST_READ_BYTES)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const larger = Buffer.allocUnsafe(Math.min(limit, length * 2));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    if (length > maxBytes) return { ok: false, reason: sizeReason(maxBytes, 'read stopped there') };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch {
    return { ok: false, reason: UNREADABLE };
  } finally {
    closeSync(fd);
  }
}

/** Bytes read at a time by {@link readChunks}: memory per file stays near this, whatever the file's size. */
export const CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * Reads a regular file in chunks of `buffer.length` bytes into `buffer` (one buffer per scanning
 * thread, reused from file to file), handing each chunk to `onChunk` (copy what you keep;
 * return false to stop reading; `last`: the file ends with this chunk). `maxBytes` caps the
 * file as {@link readRegularFile} does; `undefined` reads it whatever its size (a file named on
 * the command line). `listedRegular`: see {@link openRegular}. Returns why the file was not
 * read, or not to its end, or undefined when it was.
 */
export function readChunks(
  path: Buffer | string,
  maxBytes: number | undefined,
  buffer: Buffer,
  onChunk: (bytes: Buffer, first: boolean, last: boolean) => boolean,
  listedRegular = false,
): string | undefined {
  const cap = maxBytes ?? Number.POSITIVE_INFINITY;
  const opened = openRegular(path, cap, listedRegular);
  if (!opened.ok) return opened.reason;
  const { fd, size } = opened;
  try {
    let total = 0;
    for (let first = true; ; first = false) {
      // A full chunk at a time (readSync may return less), so chunk edges fall where the caller
      // expects; the file ends where fstat said (a size of 0, as /proc files report, is read to the end).
      let length = 0;
      let ended = false;
      while (length < buffer.length) {
        const read = readSync(fd, buffer, length, buffer.length - length, null);
        if (read === 0 || (size > 0 && total + length + read === size)) ended = true;
        length += read;
        if (ended) break;
      }
      if (length === 0 && !first) return undefined;
      total += length;
      if (total > cap) return sizeReason(cap, 'read stopped there');
      const last = ended || length < buffer.length;
      if (!onChunk(buffer.subarray(0, length), first, last) || last) return undefined;
    }
  } catch {
    return UNREADABLE;
  } finally {
    closeSync(fd);
  }
}
