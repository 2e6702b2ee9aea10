/**
 * `--allow FILE`: tokens and paths accepted as fixtures. One entry a line; blank lines and
 * lines starting with `#` are ignored; an entry is
 *
 * - `sha256:` and 16 to 64 hex digits: the token whose hash starts so (the `tokenHash` of
 *   `--json`, quoted in the TL217 evidence) — names exactly one token;
 * - 12 base64url characters: every token with this preview (coarse: tokens with the same
 *   header share it);
 * - anything else: a path glob (`*`, `?`, `**`, as `scan` takes them) relative to the allow
 *   file's directory; a glob without `/` matches a file name in any directory, as in
 *   `.gitignore`; a leading `/` anchors it to the allow file's directory.
 *
 * An allowed token is still reported (marked `allowed`), gets no live-credential finding and
 * does not count for `--fail-on`.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { globMatcher, readRegularFile } from './files';

/** Largest allow file read. */
const MAX_ALLOW_FILE_BYTES = 1024 * 1024;

/** What an allow list looks at: the token's names and the file it is in. */
export interface AllowCandidate {
  readonly tokenHash: string;
  readonly preview: string;
  /** The file's path as scanned (relative to the working directory, or absolute); undefined for stdin. */
  readonly path: string | undefined;
}

/** The entries of every `--allow` file. */
export interface AllowList {
  /** The allow file that accepts the token, or undefined. */
  allows(candidate: AllowCandidate): string | undefined;
}

type Entry = { readonly source: string } & ({ readonly kind: 'hash'; readonly prefix: string } | { readonly kind: 'preview'; readonly preview: string } | { readonly kind: 'path'; readonly base: string; readonly anyDirectory: boolean; readonly matches: (path: string) => boolean });

const HASH = /^sha256:([0-9a-f]{16,64})$/i;
const PREVIEW = /^[A-Za-z0-9_-]{12}$/;

/** Reads the entries of one allow file (pure: `text` is the file's content, `source` its path). */
export function parseAllowEntries(text: string, source: string): Entry[] {
  const base = dirname(resolve(source));
  const entries: Entry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const hash = HASH.exec(line);
    if (hash) entries.push({ source, kind: 'hash', prefix: `sha256:${hash[1]!.toLowerCase()}` });
    else if (PREVIEW.test(line)) entries.push({ source, kind: 'preview', preview: line });
    else {
      const glob = line.replace(/^\.\//, '');
      const anchored = glob.startsWith('/');
      const pattern = anchored ? glob.slice(1) : glob;
      entries.push({ source, kind: 'path', base, anyDirectory: !anchored && !pattern.includes('/'), matches: globMatcher(pattern) });
    }
  }
  return entries;
}

/** An allow list over parsed entries. */
export function allowList(entries: readonly Entry[]): AllowList {
  return {
    allows({ tokenHash, preview, path }) {
      const absolute = path === undefined ? undefined : resolve(path);
      for (const entry of entries) {
        if (entry.kind === 'hash' && tokenHash.toLowerCase().startsWith(entry.prefix)) return entry.source;
        if (entry.kind === 'preview' && preview === entry.preview) return entry.source;
        if (entry.kind === 'path' && absolute !== undefined) {
          const rel = relative(entry.base, absolute).split(sep).join('/');
          if (entry.anyDirectory ? entry.matches(rel.slice(rel.lastIndexOf('/') + 1)) : !rel.startsWith('../') && entry.matches(rel)) return entry.source;
        }
      }
      return undefined;
    },
  };
}

/** Reads every `--allow` file; the first unreadable one is a one-line message. */
export function loadAllowFiles(paths: readonly string[]): { ok: true; list: AllowList } | { ok: false; message: string } {
  const entries: Entry[] = [];
  for (const path of paths) {
    const read = readRegularFile(path, MAX_ALLOW_FILE_BYTES);
    if (!read.ok) return { ok: false, message: `cannot read allow file ${path}: ${read.reason}` };
    entries.push(...parseAllowEntries(read.bytes.toString('utf8'), path));
  }
  return { ok: true, list: allowList(entries) };
}
