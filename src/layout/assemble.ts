/**
 * The whole book in page order: front matter (i, ii …), the 类目 (1, 2 …), the subject index.
 * The body is laid out first, one 类目 at a time (here or on worker threads, see parallel.ts),
 * each page handed to the sink (the PDF writer) as soon as it is laid out. The contents then show
 * the body's real page numbers; since the front matter is numbered apart, the contents may
 * take any number of pages without moving them.
 */
import { buildIndex } from '../book-index/subject-index.js';
import { accountCharacters } from '../check/accounting.js';
import type { Diagnostics } from '../content/diagnostics.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Edition } from '../model/document.js';
import { withColumns, type Template } from '../template/template.js';
import { categoryPages } from './book.js';
import { FlowBuilder } from './flow.js';
import { layoutFrontMatter } from './front-matter.js';
import { indexItems, layoutPart } from './parts.js';
import type { Page, WrittenPage } from './types.js';

/** Where laid-out pages go, in the order they are laid out; each call returns what is kept of them. */
export interface PageSink {
  /** Pages that follow those given so far, each written as it is taken (and laid out). */
  body(pages: Iterable<Page>): WrittenPage[];
  /** The front matter, given last, which goes before all the rest. */
  front(pages: Page[]): WrittenPage[];
}

export interface Book {
  /** In page order. */
  pages: WrittenPage[];
  /** Pages before body page 1. */
  frontPages: number;
}

/**
 * `categories`: the 类目's pages in book order, from categoryPages (book.ts) or from layout
 * workers (LayoutPool.categoryPages in parallel.ts); by default laid out here.
 */
export async function layoutWholeBook(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics, sink: PageSink,
  onProgress?: (stage: 'layout', done: number, total: number) => void,
  categories: Iterable<Iterable<Page>> | AsyncIterable<Iterable<Page>> = categoryPages(edition, template, fonts, diagnostics, edition.categories, 1)): Promise<Book> {
  const body: WrittenPage[] = [];
  let done = 0;
  for await (const pages of categories) {
    body.push(...sink.body(pages));
    onProgress?.('layout', ++done, edition.categories.length);
  }
  const characters = accountCharacters(edition, body, diagnostics);
  const builder = new FlowBuilder(template, fonts, diagnostics);
  const groups = buildIndex(edition, body, template.index.titles);
  const indexTemplate = withColumns(template, template.index.columns, template.index.gutter_chars, template.index.size);
  const indexBuilder = new FlowBuilder(indexTemplate, fonts, diagnostics);
  const index = groups.length === 0 ? [] : sink.body(layoutPart(indexItems(groups, indexTemplate, indexBuilder, edition), indexTemplate, indexBuilder, edition,
    { title: '索引', titleEn: 'Index', firstPage: body.length + 1, label: String, recto: true }));
  const front = sink.front(layoutFrontMatter(edition, template, builder, [...body, ...index], characters));
  return { pages: [...front, ...body, ...index], frontPages: front.length };
}
