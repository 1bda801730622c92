/**
 * Stage 3: pages. Each 类目 opens on a recto with its bilingual title block across both
 * columns, its flow is filled into the grid, and every page gets its running head and folio.
 * The result is positioned geometry only (layout/types.ts).
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Category, Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import type { SetLine } from '../typeset/types.js';
import { ColumnFiller, type PageFrame } from './columns.js';
import type { FigureBlock } from './figure.js';
import { FlowBuilder, type LineItem } from './flow.js';
import type { GlyphRun, LineKind, Page, PageLine, Rule } from './types.js';

/** The ideographic em box sits from 0.88 em above the baseline to 0.12 em below it. */
const EM_BOX_ASCENT = 0.88;
/** Height of the dash rule's centre above the baseline, and its thickness, in em (Noto ink of U+2014). */
const DASH_RULE_Y = 0.2675;
const DASH_RULE_WIDTH = 0.051;

/**
 * Lay out the 类目 of an edition (or some of them, for a proof) from page `firstPage` on.
 */
export function layoutBook(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics,
  categories: readonly Category[] = edition.categories, firstPage = 1): Page[] {
  const builder = new FlowBuilder(template, fonts, diagnostics);
  const pages: Page[] = [];
  const next = () => firstPage + pages.length;
  for (const category of categories) {
    if (template.category_starts_recto && next() % 2 === 0) pages.push(emptyPage(next(), true));
    const items = builder.category(category);
    const frames = new ColumnFiller(template, items, (item, measures, tail) => builder.reflow(item, measures, tail)).fill(template.headings.category.lines);
    frames.forEach((frame, k) => {
      const page = emptyPage(next(), false);
      const geometry = new PageGeometry(template, page.number);
      page.columns = frame.columns.map((_, c) => geometry.columnX(c));
      if (k === 0) {
        page.marks.push({ level: 1, title: category.title, y: template.areaTop, column: 0, source: category.source.file });
        drawOpener(page, category, geometry, builder);
      }
      drawFrame(page, frame, geometry);
      if (k > 0 || !template.running_head.suppress_on_opener) drawRunningHead(page, edition, category, geometry, builder);
      pages.push(page);
    });
  }
  return pages;
}

function emptyPage(number: number, blank: boolean): Page {
  return { number, blank, columns: [], lines: [], rules: [], frames: [], images: [], marks: [] };
}

/** Where things go on one page: recto pages have the spine on the left. */
class PageGeometry {
  readonly left: number;
  readonly recto: boolean;

  constructor(readonly t: Template, readonly number: number) {
    this.recto = number % 2 === 1;
    this.left = this.recto ? t.innerMargin : t.pageWidth - t.innerMargin - t.areaWidth;
  }

  columnX(column: number): number {
    return this.left + column * (this.t.measure + this.t.gutter);
  }

  slotTop(slot: number): number {
    return this.t.areaTop + slot * this.t.grid.line_pitch;
  }

  /** Baseline of text of `size` centred on a grid line (the em box centred in the line pitch). */
  baseline(slot: number, size: number): number {
    return this.slotTop(slot) + this.t.grid.line_pitch / 2 + (EM_BOX_ASCENT - 0.5) * size;
  }
}

/** A composed line as glyph runs at (x, baseline), one run per face. */
export function pageLine(line: SetLine, x: number, baseline: number, size: number, kind: LineKind, column?: number): PageLine {
  const runs: GlyphRun[] = [];
  for (const g of line.glyphs) {
    let run = runs[runs.length - 1];
    if (!run || run.face !== g.face) {
      run = { face: g.face, size, baseline, glyphs: [] };
      runs.push(run);
    }
    run.glyphs.push({ id: g.id, text: g.text, x: x + g.x * size, ...(g.invisible ? { invisible: true } : {}) });
  }
  const y = baseline - DASH_RULE_Y * size;
  const rules: Rule[] = line.rules.map((r) => ({ x1: x + r.from * size, y1: y, x2: x + r.to * size, y2: y, width: DASH_RULE_WIDTH * size }));
  return { runs, text: line.text, kind, rules, baseline, column, pushedOut: line.pushedOut, addedSpace: line.maxAddedSpace };
}

function drawFrame(page: Page, frame: PageFrame, geo: PageGeometry): void {
  const pitch = geo.t.grid.line_pitch;
  frame.columns.forEach((column, c) => {
    const x = geo.columnX(c);
    const inset = column.inset;
    for (const { item, slot } of column.placed) {
      if (item.kind === 'line') {
        const beside = inset !== undefined && slot >= inset.from && slot < inset.to;
        const shift = beside ? (geo.t.grid.chars_per_line - inset.measure) * geo.t.grid.body_size : 0;
        drawLineItem(page, item, x + shift, geo.baseline(slot, item.size), c);
      } else {
        // A heading centred in its grid lines.
        const lead = item.size * 1.4;
        const centre = geo.slotTop(slot) + (item.slots * pitch) / 2;
        const first = centre - ((item.lines.length - 1) * lead) / 2 + (EM_BOX_ASCENT - 0.5) * item.size;
        item.lines.forEach((l, k) => page.lines.push(pageLine(l, x, first + k * lead, item.size, 'heading', c)));
        if (item.rule) {
          const y = geo.slotTop(slot + item.slots) - pitch / 4;
          page.rules.push({ x1: x, y1: y, x2: x + geo.t.measure, y2: y, width: 0.5 });
        }
      }
    }
    drawBoxFrames(page, column.placed.filter((p) => p.item.kind === 'line' && p.item.box).map((p) => ({ item: p.item as LineItem, slot: p.slot })), x, geo);
  });
  for (const fig of frame.figures) drawFigure(page, fig.block, fig.column < 0 ? geo.left : geo.columnX(fig.column), fig.slot, geo, Math.max(0, fig.column));
  for (const m of frame.marks) page.marks.push({ level: m.mark.level, title: m.mark.title, y: geo.slotTop(m.slot), column: m.column, source: m.mark.source });
  if (geo.t.grid.column_rule && geo.t.grid.columns > 1) {
    const x = geo.columnX(1) - geo.t.gutter / 2;
    page.rules.push({ x1: x, y1: geo.slotTop(frame.spanTop), x2: x, y2: geo.slotTop(geo.t.grid.lines_per_column), width: 0.3 });
  }
}

function drawLineItem(page: Page, item: LineItem, columnX: number, baseline: number, column: number): void {
  const x = columnX + item.indent;
  page.lines.push(pageLine(item.line, x, baseline, item.size, item.lineKind, column));
  // The byline is right-aligned to the line's own measure (shorter beside an inset figure).
  if (item.tail) page.lines.push(pageLine(item.tail, x + (item.line.measure - item.tail.measure) * item.size, baseline, item.size, 'byline', column));
}

/** The 资料 box: a frame around each column's share of its lines, inset from the column edges. */
function drawBoxFrames(page: Page, placed: { item: LineItem; slot: number }[], columnX: number, geo: PageGeometry): void {
  const byBox = new Map<number, number[]>();
  for (const p of placed) byBox.set(p.item.box!, [...(byBox.get(p.item.box!) ?? []), p.slot]);
  const inset = geo.t.grid.body_size / 2;
  for (const slots of byBox.values()) {
    const top = geo.slotTop(Math.min(...slots)) + 1;
    const bottom = geo.slotTop(Math.max(...slots) + 1) - 1;
    page.frames.push({ x: columnX + inset, y: top, width: geo.t.measure - 2 * inset, height: bottom - top, stroke: 0.5, fill: '#f2f2f2' });
  }
}

function drawFigure(page: Page, block: FigureBlock, x: number, slot: number, geo: PageGeometry, column: number): void {
  let s = slot + block.gapSlots;
  const imageTop = geo.slotTop(s) + 1;
  // An inset image sits at the start of the column, the text running beside it on its right.
  const imageX = block.span === 'inset' ? x : x + (block.width - block.imageWidth) / 2;
  page.images.push({ file: block.figure.image, source: block.figure.source, x: imageX, y: imageTop, width: block.imageWidth, height: block.imageHeight });
  s += block.imageSlots;
  for (const l of block.caption) page.lines.push(pageLine(l, x, geo.baseline(s++, block.captionSize), block.captionSize, 'caption', column));
  if (block.credit) page.lines.push(pageLine(block.credit, x, geo.baseline(s, block.captionSize), block.captionSize, 'credit', column));
}

/** The 类目 opener: the Chinese title, the English title under it, and a rule, across both columns. */
function drawOpener(page: Page, category: Category, geo: PageGeometry, builder: FlowBuilder): void {
  const h = geo.t.headings.category;
  const width = geo.t.areaWidth;
  const zh = builder.compose([{ text: category.title, role: 'heading' }], builder.options(h.size, Math.floor(width / h.size), 0, 'center'), category.source);
  const pitch = geo.t.grid.line_pitch;
  const zhBaseline = geo.t.areaTop + pitch * (h.lines * 0.4) + (EM_BOX_ASCENT - 0.5) * h.size;
  zh.forEach((l, k) => page.lines.push(pageLine(l, geo.left, zhBaseline + k * h.size * 1.3, h.size, 'title')));
  if (category.titleEn) {
    const en = builder.compose([{ text: category.titleEn, role: 'latin_title' }], builder.options(h.size_en, Math.floor(width / h.size_en), 0, 'center'), category.source);
    en.forEach((l, k) => page.lines.push(pageLine(l, geo.left, zhBaseline + h.size * 1.1 + h.size_en * (1 + k * 1.3), h.size_en, 'title')));
  }
  if (h.rule) {
    const y = geo.slotTop(h.lines) - pitch;
    page.rules.push({ x1: geo.left, y1: y, x2: geo.left + width, y2: y, width: 0.8 });
  }
}

/** Verso: the book title; recto: the 类目 title; the folio at the outer corner; a rule under them. */
function drawRunningHead(page: Page, edition: Edition, category: Category, geo: PageGeometry, builder: FlowBuilder): void {
  const r = geo.t.running_head;
  const ruleY = geo.t.areaTop - r.offset;
  const baseline = ruleY - r.size * 0.45;
  const width = geo.t.areaWidth;
  const what = geo.recto ? r.recto : r.verso;
  const text = what === 'book' ? edition.runningHead : what === 'category' ? category.title : undefined;
  const measure = width / r.size;
  if (text) {
    const [line] = builder.compose([{ text, role: 'running_head' }], builder.options(r.size, measure, 0, 'center'), category.source);
    if (line) page.lines.push(pageLine(line, geo.left, baseline, r.size, 'running-head'));
  }
  if (r.folio === 'outer') {
    const [folio] = builder.compose([{ text: String(page.number), role: 'running_head' }], builder.options(r.size, measure, 0, geo.recto ? 'end' : 'start'), category.source);
    if (folio) page.lines.push(pageLine(folio, geo.left, baseline, r.size, 'folio'));
  }
  if (r.rule) page.rules.push({ x1: geo.left, y1: ruleY, x2: geo.left + width, y2: ruleY, width: 0.5 });
}
