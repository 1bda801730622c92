/**
 * `yearbook import`: a chapter's extracted text into new folders of an edition. Planned in
 * full first (folders, files and their contents), so that `--dry-run` can list them and
 * nothing is written when the text has errors.
 */
import path from 'node:path';
import { ContentError, Diagnostics } from '../content/diagnostics.js';
import { CATEGORY_FILE, SECTION_FILE } from '../content/edition-files.js';
import { contentText } from '../content/load-edition.js';
import { renderCategoryFile, renderEntryFile, renderSectionFile, type FigureFields } from '../edition/files.js';
import { orderedName, slugOf } from '../edition/names.js';
import { writeTree, type NewFile, type NewTree } from '../edition/write-tree.js';
import { readChapter, type ImportedChapter, type ImportedSection } from './chapter.js';
import { placeholderPng } from './placeholder.js';
import { resolveTarget } from './target.js';

export interface ImportPlan {
  trees: NewTree[];
  chapter: ImportedChapter;
  /** Warnings, in the order of the input's lines (errors are thrown). */
  diagnostics: Diagnostics;
}

/** Reads the text and plans the folders; throws ContentError (with every problem) on errors. */
export function planImport(inputFile: string, into: string): ImportPlan {
  const diagnostics = new Diagnostics();
  const target = resolveTarget(into, diagnostics);
  if (!target) throw new ContentError(diagnostics.items);
  const text = contentText(inputFile, diagnostics);
  if (text === undefined) throw new ContentError(diagnostics.items);
  const chapter = readChapter(text, inputFile, target.runningHead, diagnostics);
  const trees: NewTree[] = [];
  const taken = (title: string, where: { line: number }, what: string) => {
    const folder = target.existing.get(title);
    if (folder) diagnostics.error(inputFile, where.line, 1, `${what} ${title} is already in ${path.join(into, folder)}: nothing is replaced; remove it or import elsewhere`);
  };
  if (target.kind === 'edition') {
    if (!chapter.title) {
      diagnostics.error(inputFile, 1, 1,
        'no chapter title at the start of the text (the 类目 title, then its English title): import into a category folder instead, or add the title lines');
    } else {
      taken(chapter.title.zh, chapter.title.source, '类目');
      trees.push({
        dir: path.join(into, orderedName(target.next, slugOf(chapter.title.zh))),
        files: [
          { path: CATEGORY_FILE, content: renderCategoryFile({ title: chapter.title.zh, title_en: chapter.title.en }) },
          ...chapter.sections.flatMap((s, k) => sectionFiles(s).map((f) => ({ ...f, path: `${orderedName(k + 1, slugOf(s.title))}/${f.path}` }))),
        ],
      });
    }
  } else {
    if (chapter.title && chapter.title.zh !== target.categoryTitle) {
      diagnostics.warning(inputFile, chapter.title.source.line, 1,
        `the text's chapter title ${chapter.title.zh} is not the category's title ${target.categoryTitle}; its sections are imported into ${into} all the same`);
    }
    chapter.sections.forEach((s, k) => {
      taken(s.title, s.source, '分目');
      trees.push({ dir: path.join(into, orderedName(target.next + k, slugOf(s.title))), files: sectionFiles(s) });
    });
  }
  if (diagnostics.errors.length > 0) throw new ContentError(sortByLine(diagnostics).items);
  return { trees, chapter, diagnostics: sortByLine(diagnostics) };
}

export function writeImport(plan: ImportPlan): void {
  for (const tree of plan.trees) writeTree(tree);
}

/** The files of a 分目 folder: section.yaml, one file per entry, a placeholder image per photo. */
function sectionFiles(section: ImportedSection): NewFile[] {
  const files: NewFile[] = [{ path: SECTION_FILE, content: renderSectionFile({ title: section.title, byline: section.byline }) }];
  section.entries.forEach((e, k) => {
    const name = orderedName(k + 1, slugOf(e.title));
    const figures = e.figures.map((f, n): FigureFields => ({
      image: `images/${name}${n === 0 ? '' : `-${n + 1}`}.png`,
      caption: f.caption,
      credit: f.credit,
      credit_role: f.creditRole,
      size: 'column',
    }));
    files.push({ path: `${name}.md`, content: renderEntryFile({ title: e.title, figures, blocks: e.blocks }) });
    for (const f of figures) files.push({ path: f.image, content: placeholderPng() });
  });
  return files;
}

function sortByLine(diagnostics: Diagnostics): Diagnostics {
  diagnostics.items.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
  return diagnostics;
}
