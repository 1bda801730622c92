/**
 * What was made from files, kept while those files stay as they were: a process that reads the
 * edition again after an edit (proof --watch) parses only what changed. Off unless such a
 * process turns it on: a one-shot command reads every file once.
 *
 * A kept value is trusted until the process is told that a file it was made from changed
 * (`fileChanged`, from a file watcher), so reading a long 类目 again costs a lookup per file,
 * not a stat. Watchers can miss a change (an event queue that overflowed, a file system that
 * reports none), so each value also keeps the size and modification time its files had when
 * it was made, and `findChangedFiles` compares them with the files as they are now, off the
 * path of the next proof. Files no watcher sees (the templates, the font configuration) are
 * compared on every use.
 */
import fs from 'node:fs';
import path from 'node:path';

let enabled = false;
/** Counts the changes reported; a value made at generation g is stale once one of its files changed after g. */
let generation = 0;
const changedAt = new Map<string, number>();
const caches = new Set<FileCache<unknown>>();

export function enableFileCaches(): void {
  enabled = true;
}

export function fileCachesEnabled(): boolean {
  return enabled;
}

/** A file or folder was written, created, removed or renamed: values made from it (or from the folder's listing) are made again. */
export function fileChanged(file: string): void {
  generation++;
  const resolved = path.resolve(file);
  changedAt.set(resolved, generation);
  changedAt.set(path.dirname(resolved), generation);
}

/** Forget every kept value (a watcher reported a change without saying where). */
export function forgetAll(): void {
  for (const cache of caches) cache.clear();
}

/**
 * The files kept values were made from whose size or modification time is no longer what it
 * was (or that appeared or went away), not reported yet: each is reported now. Values already
 * known stale are dropped instead (made again if asked for), so a file that went away with
 * the value that used it (a 分目 folder renamed) is not found again and again. Stats a few
 * hundred files at a time and lets other work run between, so a save that arrives meanwhile
 * is not kept waiting.
 */
export async function findChangedFiles(): Promise<string[]> {
  const now = new Map<string, string>();
  const found = new Set<string>();
  for (const cache of caches) {
    for (const [key, kept] of cache.entries()) {
      if (reportedSince(kept)) {
        cache.drop(key, kept);
        continue;
      }
      for (const [file, stamp] of kept.files) {
        let current = now.get(file);
        if (current === undefined) {
          now.set(file, (current = stampOf(file)));
          if (now.size % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        if (current !== stamp) found.add(file);
      }
    }
  }
  for (const file of found) fileChanged(file);
  return [...found];
}

/** Size and modification time, or that the file is missing. */
function stampOf(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

interface Kept<T> {
  value: T;
  /** The generation when it was made, and the stamp of each file it was made from, taken before reading it. */
  made: number;
  files: Map<string, string>;
}

/** A change to one of its files was reported after the value was made. */
function reportedSince(kept: Kept<unknown>): boolean {
  for (const file of kept.files.keys()) if ((changedAt.get(file) ?? 0) > kept.made) return true;
  return false;
}

function stampsDiffer(kept: Kept<unknown>): boolean {
  for (const [file, stamp] of kept.files) if (stampOf(file) !== stamp) return true;
  return false;
}

export class FileCache<T> {
  private readonly kept = new Map<string, Kept<T>>();

  /** `watched: false` for files outside the folder a watcher reports on: their stamps are compared on each use. */
  constructor(private readonly options: { watched: boolean } = { watched: true }) {
    caches.add(this as FileCache<unknown>);
  }

  /**
   * The value for `file` (a file or a folder), made again when `context` differs or when it, or a
   * file `make` said it uses (`uses(other)`, called before reading that file), has changed.
   */
  get(file: string, make: (uses: (other: string) => void) => T, context = ''): T {
    if (!enabled) return make(() => {});
    const key = `${path.resolve(file)}\0${context}`;
    const kept = this.kept.get(key);
    if (kept && !(this.options.watched ? reportedSince(kept) : stampsDiffer(kept))) return kept.value;
    const made = generation;
    const files = new Map<string, string>();
    const uses = (other: string) => {
      const resolved = path.resolve(other);
      if (!files.has(resolved)) files.set(resolved, stampOf(resolved));
    };
    uses(file);
    const value = make(uses);
    this.kept.set(key, { value, made, files });
    return value;
  }

  /** The kept values by key, as they are now. */
  entries(): [string, Kept<T>][] {
    return [...this.kept];
  }

  /** Forget the value kept under `key`, if it is still `kept`. */
  drop(key: string, kept: Kept<T>): void {
    if (this.kept.get(key) === kept) this.kept.delete(key);
  }

  clear(): void {
    this.kept.clear();
  }
}
