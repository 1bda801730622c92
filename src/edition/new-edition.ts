/**
 * `yearbook new`: next year's edition folder with the structure of the previous one. The same
 * 类目 and 分目 folders, their category.yaml and section.yaml copied unchanged (titles, English
 * titles, bylines, order keys), edition.yaml with the year moved on, and in every 分目 one
 * 【概况】 entry to write.
 *
 * The 概况 file has an empty body on purpose. A placeholder line would be printed if nobody
 * replaced it, and the schema has no "draft" key; an empty body is an error for the loader
 * ("entry has no text after its front matter"), so a 概况 left unwritten stops the build
 * instead of going to print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Diagnostics } from '../content/diagnostics.js';
import { EDITION_FILE } from '../content/edition-files.js';
import { loadEdition } from '../content/load-edition.js';
import { renderEntryFile } from './files.js';
import { nextYearEditionFile } from './next-year.js';
import { writeTree, type NewFile, type NewTree } from './write-tree.js';

/** Named like the 概况 entries of the sample edition, so the file lines up year on year. */
export const OVERVIEW_FILE = '01-gaikuang.md';
const OVERVIEW_TITLE = '概况';

export interface NewEdition {
  tree: NewTree;
  year: number;
  /** Entries to write (one 概况 per 分目). */
  toFill: number;
  diagnostics: Diagnostics;
}

/** Plans the new edition (nothing written); the previous edition must load without errors. */
function planNewEdition(previousDir: string, dir: string): NewEdition {
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists: choose a new folder for the edition (nothing was written)`);
  const { edition } = loadEdition(previousDir);
  const diagnostics = new Diagnostics();
  const year = edition.year + 1;
  const editionText = nextYearEditionFile(fs.readFileSync(edition.source.file, 'utf8'), edition.year);
  const files: NewFile[] = [{ path: EDITION_FILE, content: editionText }];
  const copy = (file: string, rel: string) => files.push({ path: rel, content: fs.readFileSync(file) });
  const overview = renderEntryFile({ title: OVERVIEW_TITLE, figures: [], blocks: [] });
  // Last year's 编辑说明 is where this year's starts.
  if (edition.prefaceFile) copy(edition.prefaceFile, path.relative(edition.root, edition.prefaceFile).split(path.sep).join('/'));
  let toFill = 0;
  for (const category of edition.categories) {
    const categoryDir = path.basename(path.dirname(category.source.file));
    copy(category.source.file, `${categoryDir}/${path.basename(category.source.file)}`);
    for (const section of category.sections) {
      const sectionDir = `${categoryDir}/${path.basename(path.dirname(section.source.file))}`;
      copy(section.source.file, `${sectionDir}/${path.basename(section.source.file)}`);
      files.push({ path: `${sectionDir}/${OVERVIEW_FILE}`, content: overview });
      toFill++;
    }
  }
  const named = /^\d{4}$/.exec(path.basename(path.resolve(dir)))?.[0];
  if (named !== undefined && Number(named) !== year) {
    const yearLine = editionText.split('\n').findIndex((l) => l.startsWith('year:')) + 1;
    diagnostics.warning(path.join(dir, EDITION_FILE), Math.max(yearLine, 1), 1,
      `the folder is named ${named} but the edition's year is ${year} (the year after ${edition.year}); rename the folder or edit 'year'`);
  }
  return { tree: { dir, files }, year, toFill, diagnostics };
}

export function createEdition(previousDir: string, dir: string): NewEdition {
  const plan = planNewEdition(previousDir, dir);
  writeTree(plan.tree);
  return plan;
}
