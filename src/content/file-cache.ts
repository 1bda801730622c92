/**
 * What was made from a file, kept while the file keeps its size and modification time: a process
 * that reads the edition again after an edit (proof --watch) parses only the files that changed.
 * Off unless such a process turns it on: a one-shot command reads every file once, and would
 * only pay a stat per file for it (a book has thousands).
 */
import fs from 'node:fs';

let enabled = false;

export function enableFileCaches(): void {
  enabled = true;
}

export class FileCache<T> {
  private readonly made = new Map<string, { stamp: string; value: T }>();

  /** The value for `file`, made again only when the file (or `context`) has changed since. */
  get(file: string, make: () => T, context = ''): T {
    if (!enabled) return make();
    const stat = fs.statSync(file);
    const stamp = `${stat.size}:${stat.mtimeMs}:${context}`;
    const cached = this.made.get(file);
    if (cached?.stamp === stamp) return cached.value;
    const value = make();
    this.made.set(file, { stamp, value });
    return value;
  }
}
