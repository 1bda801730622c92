/**
 * Drawing laid-out things onto a page: the page geometry (recto/verso, columns, grid lines),
 * composed lines as glyph runs, a filled column frame (lines, headings, boxes, figures), and
 * the running head with its folio.
 */
import type { SourceRef } from '../model/document.js';
import type { Template } from '../template/template.js';
import { firstGlyphX } from '../typeset/line-glyphs.js';
import type { SetLine } from '../typeset/types.js';
import type { PageFrame } from './columns.js';
import type { FigureBlock } from './figure.js';
import type { FlowBuilder, LineItem } from './flow.js';
import type { GlyphRun, LineKind, Page, PageLine, Rule } from './types.js';

/** The ideographic em box sits from 0.88 em above the baseline to 0.12 em below it. */
export const EM_BOX_ASCENT = 0.88;
/** Height of the dash rule's centre above the baseline, and its thickness, in em (Noto ink of U+2014). */
const DASH_RULE_Y = 0.2675;
const DASH_RULE_WIDTH = 0.051;

export function emptyPage(number: number, blank: boolean, label = String(number)): Page {
  return { number, label, blank, columns: [], lines: [], rules: [], frames: [], images: [], links: [], marks: [] };
}

/** Where things go on one page: recto pages have the spine on the left. */
export class PageGeometry {
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
export function pageLine(line: SetLine, x: number, baseline: number, size: number, kind: LineKind, column?: number, struct?: string): PageLine {
  const runs: GlyphRun[] = [];
  const { glyphs, faces, to } = line;
  let start = line.from;
  for (let k = start + 1; k <= to; k++) {
    if (k < to && faces[k] === faces[start]) continue;
    runs.push({ face: faces[start]!, size, baseline, x, glyphs, from: start, to: k });
    start = k;
  }
  const y = baseline - DASH_RULE_Y * size;
  const rules: Rule[] = line.rules.map((r) => ({ x1: x + r.from * size, y1: y, x2: x + r.to * size, y2: y, width: DASH_RULE_WIDTH * size }));
  return { runs, text: line.text, kind, rules, baseline, column, struct, pushedOut: line.pushedOut, addedSpace: line.maxAddedSpace };
}

export function drawFrame(page: Page, frame: PageFrame, geo: PageGeometry): void {
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
        item.lines.forEach((l, k) => page.lines.push(pageLine(l, x, first + k * lead, item.size, 'heading', c, `h:${item.para}`)));
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
  page.lines.push(pageLine(item.line, x, baseline, item.size, item.lineKind, column, `p:${item.para}`));
  // The byline is right-aligned to the line's own measure (shorter beside an inset figure).
  if (item.tail) {
    const tailX = x + (item.line.measure - item.tail.measure) * item.size;
    page.lines.push(pageLine(item.tail, tailX, baseline, item.size, 'byline', column, `p:${item.para}`));
    if (item.leader) {
      const from = x + (item.line.width + 0.5) * item.size;
      const to = tailX + (firstGlyphX(item.tail) - 0.5) * item.size;
      const y = baseline - 0.25 * item.size;
      if (to > from) page.rules.push({ x1: from, y1: y, x2: to, y2: y, width: 0.8, dash: [0.8, 2.2] });
    }
  }
  if (item.link) page.links.push({ x: columnX, y: baseline - item.size, width: item.line.measure * item.size, height: item.size * 1.2, page: item.link });
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
  page.images.push({ file: block.figure.image, alt: block.figure.caption, pixels: block.figure.pixels, source: block.figure.source, x: imageX, y: imageTop, width: block.imageWidth, height: block.imageHeight });
  s += block.imageSlots;
  const key = `c:${block.figure.image}`;
  for (const l of block.caption) page.lines.push(pageLine(l, x, geo.baseline(s++, block.captionSize), block.captionSize, 'caption', column, key));
  if (block.credit) page.lines.push(pageLine(block.credit, x, geo.baseline(s, block.captionSize), block.captionSize, 'credit', column, key));
}

/**
 * The running head: `book` text on versos and `part` text (the 类目 title) on rectos, as the
 * template says; the folio at the outer corner; a rule under them.
 */
export function drawRunningHead(page: Page, geo: PageGeometry, builder: FlowBuilder, book: string, part: string, source: SourceRef): void {
  const r = geo.t.running_head;
  const ruleY = geo.t.areaTop - r.offset;
  const baseline = ruleY - r.size * 0.45;
  const width = geo.t.areaWidth;
  const what = geo.recto ? r.recto : r.verso;
  const text = what === 'book' ? book : what === 'category' ? part : undefined;
  const measure = width / r.size;
  if (text) {
    const [line] = builder.compose([{ text, role: 'running_head' }], builder.options(r.size, measure, 0, 'center'), source);
    if (line) page.lines.push(pageLine(line, geo.left, baseline, r.size, 'running-head'));
  }
  if (r.folio === 'outer') {
    const [folio] = builder.compose([{ text: page.label, role: 'running_head' }], builder.options(r.size, measure, 0, geo.recto ? 'end' : 'start'), source);
    if (folio) page.lines.push(pageLine(folio, geo.left, baseline, r.size, 'folio'));
  }
  if (r.rule) page.rules.push({ x1: geo.left, y1: ruleY, x2: geo.left + width, y2: ruleY, width: 0.5 });
}
