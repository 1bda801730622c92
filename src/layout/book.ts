/**
 * Stage 3: pages. Each 类目 opens on a recto with its bilingual title block across both
 * columns, its flow is filled into the grid, and every page gets its running head and folio.
 * The result is positioned geometry only (layout/types.ts).
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Category, Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import { ColumnFiller, type PageFrame } from './columns.js';
import { FlowBuilder } from './flow.js';
import { FlowQueue } from './flow-queue.js';
import { drawFrame, drawRunningHead, EM_BOX_ASCENT, emptyPage, PageGeometry, pageLine } from './page-draw.js';
import { resumedStart, resumePoint } from './resume.js';
import type { Page, ResumePoint } from './types.js';

/**
 * Lay out the 类目 of an edition (or some of them, for a proof) from page `firstPage` on.
 */
export function layoutBook(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics,
  categories: readonly Category[] = edition.categories, firstPage = 1): Page[] {
  const pages: Page[] = [];
  for (const category of categoryPages(edition, template, fonts, diagnostics, categories, firstPage)) pages.push(...category);
  return pages;
}

/**
 * The pages of each 类目 in turn (with the blank verso before it, when one is needed), laid
 * out as they are asked for: a build writes each page before the next is laid out. Each
 * 类目's pages must be taken before the next 类目's.
 */
export function* categoryPages(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics,
  categories: readonly Category[], firstPage: number): Generator<Iterable<Page>> {
  const builder = new FlowBuilder(template, fonts, diagnostics);
  const book = new Pagination(edition, template, builder, firstPage);
  for (const category of categories) yield book.place(category, (first) => layoutCategory(category, template, builder, first));
}

/**
 * The 类目 put one after the other, from page `next` on: the blank verso before a 类目 that
 * must open on a recto, the 类目's pages numbered on from there, its running heads and folios.
 */
export class Pagination {
  constructor(private readonly edition: Edition, private readonly template: Template, private readonly builder: FlowBuilder,
    private next: number) {}

  /**
   * A 类目's pages as they are laid out, `lay` giving them numbered from the page it is
   * given (blank verso first when needed), with their running heads and folios (none on
   * the opener when the template says so).
   */
  *place(category: Category, lay: (firstPage: number) => Iterable<Page>): Generator<Page> {
    const t = this.template;
    if (t.category_starts_recto && this.next % 2 === 0) yield emptyPage(this.next++, true);
    for (const page of headed(lay(this.next), this.edition, t, this.builder, category, t.running_head.suppress_on_opener)) {
      this.next++;
      yield page;
    }
  }
}

/**
 * The pages of a 类目 from a page of the last build on (layoutCategoryFrom), with their running
 * heads and folios; undefined when the sources before that page have changed since.
 */
export function categoryPagesFrom(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics,
  category: Category, point: ResumePoint, page: number): Iterable<Page> | undefined {
  const builder = new FlowBuilder(template, fonts, diagnostics);
  const pages = layoutCategoryFrom(category, template, builder, point, page);
  return pages && headed(pages, edition, template, builder, category, false);
}

/** Each page with its running head and folio, but the first when `bareOpener` (a 类目's opener, as the template may ask). */
function* headed(pages: Iterable<Page>, edition: Edition, template: Template, builder: FlowBuilder, category: Category, bareOpener: boolean): Generator<Page> {
  let k = 0;
  for (const page of pages) {
    if (k++ > 0 || !bareOpener) drawRunningHead(page, new PageGeometry(template, page.number), builder, edition.runningHead, category.title, category.source);
    yield page;
  }
}

/**
 * One 类目's pages as they are laid out, numbered from `firstPage`, without running heads and
 * folios. Only the parity of `firstPage` shapes them (rectos and versos have their margins
 * mirrored), so a 类目 that opens on a recto can be laid out as from page 1 and renumbered
 * (src/layout/parallel.ts).
 */
export function* layoutCategory(category: Category, template: Template, builder: FlowBuilder, firstPage: number): Generator<Page> {
  const flow = new FlowQueue(builder.category(category));
  const filler = new ColumnFiller(template, flow, (item, measures, tail) => builder.reflow(item, measures, tail));
  yield* drawPages(category, template, builder, filler.fill(template.headings.category.lines), firstPage, true);
}

/**
 * The 类目's pages from one of them on, as layoutCategory gave them, numbered from
 * `firstPage` (that page's number); undefined when the sources before it have changed since
 * `point` was taken (layout/resume.ts).
 */
export function layoutCategoryFrom(category: Category, template: Template, builder: FlowBuilder, point: ResumePoint, firstPage: number): Iterable<Page> | undefined {
  const start = resumedStart(category, point, template, builder);
  if (!start) return undefined;
  const flow = new FlowQueue(builder.category(category, point.chunk), point.chunk);
  const filler = new ColumnFiller(template, flow, (item, measures, tail) => builder.reflow(item, measures, tail));
  return drawPages(category, template, builder, filler.fill(0, start), firstPage, false);
}

/** Pages drawn from the filler's frames, the opener on the first when `opens`; each page keeps where it began in the flow. */
function* drawPages(category: Category, template: Template, builder: FlowBuilder, frames: Iterable<PageFrame>, firstPage: number, opens: boolean): Generator<Page> {
  let k = 0;
  for (const frame of frames) {
    const page = emptyPage(firstPage + k, false);
    const geometry = new PageGeometry(template, page.number);
    page.columns = frame.columns.map((_, c) => geometry.columnX(c));
    if (k++ === 0 && opens) {
      page.marks.push({ level: 1, title: category.title, y: template.areaTop, column: 0, source: category.source.file });
      drawOpener(page, category, geometry, builder);
    }
    if (frame.start) page.resume = resumePoint(category, frame.start);
    drawFrame(page, frame, geometry);
    yield page;
  }
}

/** The 类目 opener: the Chinese title, the English title under it, and a rule, across both columns. */
function drawOpener(page: Page, category: Category, geo: PageGeometry, builder: FlowBuilder): void {
  const h = geo.t.headings.category;
  const width = geo.t.areaWidth;
  const zh = builder.compose([{ text: category.title, role: 'heading' }], builder.options(h.size, Math.floor(width / h.size), 0, 'center'), category.source);
  const pitch = geo.t.grid.line_pitch;
  const zhBaseline = geo.t.areaTop + pitch * (h.lines * 0.4) + (EM_BOX_ASCENT - 0.5) * h.size;
  const key = `t:${category.source.file}`;
  zh.forEach((l, k) => page.lines.push(pageLine(l, geo.left, zhBaseline + k * h.size * 1.3, h.size, 'title', undefined, key)));
  if (category.titleEn) {
    const en = builder.compose([{ text: category.titleEn, role: 'latin_title' }], builder.options(h.size_en, Math.floor(width / h.size_en), 0, 'center'), category.source);
    en.forEach((l, k) => page.lines.push(pageLine(l, geo.left, zhBaseline + h.size * 1.1 + h.size_en * (1 + k * 1.3), h.size_en, 'title', undefined, key)));
  }
  if (h.rule) {
    const y = geo.slotTop(h.lines) - pitch;
    page.rules.push({ x1: geo.left, y1: y, x2: geo.left + width, y2: y, width: 0.8 });
  }
}

