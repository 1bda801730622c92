/**
 * What a proof is of: a 类目 folder, a 分目 folder or one 条目 file of an edition, found from
 * any path inside the edition.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORY_FILE, EDITION_FILE, SECTION_FILE } from '../content/edition-files.js';
import type { Category, Edition } from '../model/document.js';

export interface ProofTarget {
  editionDir: string;
  /** The 类目 folder the target is in (a proof reads only this 类目). */
  categoryDir: string;
  /** The file whose bookmark starts the proofed part: category.yaml, section.yaml or the entry .md. */
  startFile: string;
  level: 1 | 2 | 3;
}

export function findTarget(target: string): ProofTarget {
  const abs = path.resolve(target);
  if (!fs.existsSync(abs)) throw new Error(`${target}: no such file or folder`);
  let editionDir = fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
  while (!fs.existsSync(path.join(editionDir, EDITION_FILE))) {
    const up = path.dirname(editionDir);
    if (up === editionDir) throw new Error(`${target}: not inside an edition (no ${EDITION_FILE} above it)`);
    editionDir = up;
  }
  const categoryDir = path.join(editionDir, path.relative(editionDir, abs).split(path.sep)[0]!);
  if (/\.md$/i.test(abs)) return { editionDir, categoryDir, startFile: abs, level: 3 };
  if (fs.existsSync(path.join(abs, SECTION_FILE))) return { editionDir, categoryDir, startFile: path.join(abs, SECTION_FILE), level: 2 };
  if (fs.existsSync(path.join(abs, CATEGORY_FILE))) return { editionDir, categoryDir, startFile: path.join(abs, CATEGORY_FILE), level: 1 };
  throw new Error(`${target}: give a 类目 or 分目 folder or an entry (.md) file of the edition`);
}

/** The category holding the target. */
export function categoryOf(edition: Edition, t: ProofTarget): Category {
  const inCategory = (c: Category) => c.source.file === t.startFile
    || c.sections.some((s) => s.source.file === t.startFile || s.entries.some((e) => e.source.file === t.startFile));
  const category = edition.categories.find(inCategory);
  if (!category) throw new Error(`${t.startFile}: not part of the edition's content`);
  return category;
}

/**
 * What of the edition a proof checks: the 分目 that holds the target (whose findings its
 * report gives), or the whole 类目. The rest of the 类目 is only read: its errors stop the
 * build, not the proof of another 分目.
 */
export function checkedPart(edition: Edition, t: ProofTarget): Edition {
  if (t.level === 1) return edition;
  const section = t.level === 2 ? t.startFile : path.join(path.dirname(t.startFile), SECTION_FILE);
  return { ...edition, categories: edition.categories.map((c) => ({ ...c, sections: c.sections.filter((s) => s.source.file === section) })) };
}
