/**
 * The whole book in page order: front matter (i, ii …), the 类目 (1, 2 …), the subject index.
 * The body is laid out first; the contents then show its real page numbers, and since the
 * front matter is numbered apart, the contents may take any number of pages without moving them.
 */
import { buildIndex } from '../book-index/subject-index.js';
import { accountCharacters } from '../check/accounting.js';
import type { Diagnostics } from '../content/diagnostics.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Edition } from '../model/document.js';
import { withColumns, type Template } from '../template/template.js';
import { layoutBook } from './book.js';
import { FlowBuilder } from './flow.js';
import { layoutFrontMatter } from './front-matter.js';
import { indexItems, layoutPart } from './parts.js';
import type { Page } from './types.js';

export interface Book {
  pages: Page[];
  /** Pages before body page 1. */
  frontPages: number;
}

export function layoutWholeBook(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics,
  onProgress?: (stage: 'layout', done: number, total: number) => void): Book {
  const body = layoutBook(edition, template, fonts, diagnostics, edition.categories, 1, onProgress);
  accountCharacters(edition, body, diagnostics);
  const builder = new FlowBuilder(template, fonts, diagnostics);
  const groups = buildIndex(edition, body, template.index.titles);
  const indexTemplate = withColumns(template, template.index.columns, template.index.gutter_chars, template.index.size);
  const indexBuilder = new FlowBuilder(indexTemplate, fonts, diagnostics);
  const index = groups.length === 0 ? [] : layoutPart(indexItems(groups, indexTemplate, indexBuilder, edition), indexTemplate, indexBuilder, edition,
    { title: '索引', titleEn: 'Index', firstPage: body.length + 1, label: String, recto: true });
  const front = layoutFrontMatter(edition, template, builder, [...body, ...index]);
  return { pages: [...front, ...body, ...index], frontPages: front.length };
}
