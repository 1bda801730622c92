/**
 * Writing a new folder of files all at once: the files go into a temporary sibling folder
 * that is renamed into place at the end, so a failure leaves nothing half-written and an
 * existing folder is never written into or replaced.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface NewFile {
  /** Path relative to the tree's folder, with '/' separators. */
  path: string;
  content: string | Uint8Array;
}

export interface NewTree {
  /** The folder to create; it must not exist yet. */
  dir: string;
  files: NewFile[];
}

export function writeTree(tree: NewTree): void {
  if (fs.existsSync(tree.dir)) throw new Error(`${tree.dir} already exists: nothing was written`);
  const parent = path.dirname(path.resolve(tree.dir));
  const tmp = fs.mkdtempSync(path.join(parent, `.${path.basename(tree.dir)}-`));
  try {
    for (const f of tree.files) {
      const file = path.join(tmp, ...f.path.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, f.content);
    }
    // renameSync replaces an empty folder on POSIX, so check again just before.
    if (fs.existsSync(tree.dir)) throw new Error(`${tree.dir} already exists: nothing was written`);
    fs.renameSync(tmp, tree.dir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

/** What writing the trees would create, one path a line: each folder (ending in '/') before its files. */
export function describeTrees(trees: readonly NewTree[]): string[] {
  const out: string[] = [];
  for (const tree of trees) {
    const seen = new Set<string>();
    const folder = (rel: string) => {
      if (seen.has(rel)) return;
      seen.add(rel);
      out.push(`${path.join(tree.dir, rel)}/`);
    };
    folder('');
    for (const f of tree.files) {
      const parts = f.path.split('/');
      for (let i = 1; i < parts.length; i++) folder(parts.slice(0, i).join('/'));
      out.push(path.join(tree.dir, ...parts));
    }
  }
  return out;
}
