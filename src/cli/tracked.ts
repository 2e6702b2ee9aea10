/**
 * Which scanned files are under version control, for the live-credential finding (TL217):
 * a file is tracked when it is in its git repository's index, which holds committed and
 * staged files alike (so a pre-commit hook sees a file being added). One `git ls-files -z`
 * per repository, run without a shell; no git, or no repository, means not tracked.
 */
import { execFile } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

/** Answers "is this file in a git index?" for the files it was made for. */
export interface TrackedFiles {
  isTracked(fsPath: Buffer): boolean;
  /** The working-tree root of the repository holding `fsPath`, if any (SARIF URIs are relative to it). */
  repositoryRoot(fsPath: Buffer): string | undefined;
}

/** Largest `git ls-files` output read: about ten million paths. */
const MAX_LIST_BYTES = 1024 * 1024 * 1024;

/** The closest directory at or above `dir` holding `.git` (a directory, or a file in worktrees and submodules). */
function repositoryAbove(dir: string, cache: Map<string, string | undefined>): string | undefined {
  const seen: string[] = [];
  let found: string | undefined;
  for (let d = dir; ; ) {
    if (cache.has(d)) {
      found = cache.get(d);
      break;
    }
    seen.push(d);
    if (existsSync(Buffer.from(join(d, '.git'), 'latin1'))) {
      found = d;
      break;
    }
    const up = dirname(d);
    if (up === d) break;
    d = up;
  }
  for (const d of seen) cache.set(d, found);
  return found;
}

/** The paths in the index of the repository at `root`, relative to it, one byte per character (latin1). */
function listIndex(root: string): Promise<Set<string>> {
  return new Promise((resolve) => {
    execFile('git', ['-C', Buffer.from(root, 'latin1').toString('utf8'), 'ls-files', '-z', '--cached'], { encoding: 'buffer', maxBuffer: MAX_LIST_BYTES, windowsHide: true }, (error, stdout) => {
      if (error) return resolve(new Set());
      const paths = stdout.toString('latin1').split('\0');
      paths.pop();
      resolve(new Set(sep === '/' ? paths : paths.map((p) => p.split('/').join(sep))));
    });
  });
}

/** A file's real directory (symbolic links resolved, once per directory) and name, as latin1 text. */
function realLocation(fsPath: Buffer, realDirs: Map<string, string | undefined>): { dir: string; name: string } | undefined {
  const path = fsPath.toString('latin1');
  const parent = dirname(path);
  let dir = realDirs.get(parent);
  if (!realDirs.has(parent)) {
    try {
      dir = Buffer.from(realpathSync(Buffer.from(parent, 'latin1'), { encoding: 'buffer' })).toString('latin1');
    } catch {
      dir = undefined;
    }
    realDirs.set(parent, dir);
  }
  return dir === undefined ? undefined : { dir, name: basename(path) };
}

/**
 * Finds the repositories of `files` and reads each one's index once. Paths are compared as
 * bytes (latin1 keeps one character per byte), so a name that is not UTF-8 is matched too.
 */
export async function trackedFiles(files: readonly Buffer[]): Promise<TrackedFiles> {
  const above = new Map<string, string | undefined>();
  const realDirs = new Map<string, string | undefined>();
  const located = new Map<string, { root: string; relative: string } | undefined>();
  const indexes = new Map<string, Promise<Set<string>>>();
  for (const file of files) {
    const key = file.toString('latin1');
    if (located.has(key)) continue;
    const where = realLocation(file, realDirs);
    const root = where && repositoryAbove(where.dir, above);
    if (where === undefined || root === undefined) {
      located.set(key, undefined);
      continue;
    }
    located.set(key, { root, relative: join(relative(root, where.dir), where.name) });
    if (!indexes.has(root)) indexes.set(root, listIndex(root));
  }
  const lists = new Map<string, Set<string>>();
  for (const [root, list] of indexes) lists.set(root, await list);
  return {
    isTracked(fsPath) {
      const at = located.get(fsPath.toString('latin1'));
      return at !== undefined && (lists.get(at.root)?.has(at.relative) ?? false);
    },
    repositoryRoot(fsPath) {
      const at = located.get(fsPath.toString('latin1'));
      return at && Buffer.from(at.root, 'latin1').toString('utf8');
    },
  };
}

/** The repository root above a directory (the SARIF base when a run has no tracked files), if any. */
export function repositoryRootOf(dir: string): string | undefined {
  try {
    const root = repositoryAbove(Buffer.from(realpathSync(dir)).toString('latin1'), new Map());
    return root && Buffer.from(root, 'latin1').toString('utf8');
  } catch {
    return undefined;
  }
}
