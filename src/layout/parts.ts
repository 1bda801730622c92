/**
 * Parts of the book that are set like a 类目 but are not content: the subject index (索引) in
 * its own columns, the contents (目录, Contents) and the 编辑说明. Each opens with a title
 * across the columns and fills the grid with the column filler, so the keep rules and the
 * balanced last page hold there too.
 */
import type { Edition, SourceRef } from '../model/document.js';
import type { IndexEntry, IndexGroup } from '../book-index/subject-index.js';
import type { Template } from '../template/template.js';
import type { SetLine } from '../typeset/types.js';
import { ColumnFiller } from './columns.js';
import { lineItem, type FlowBuilder, type FlowItem, type HeadingItem, type LineItem } from './flow.js';
import { FlowQueue } from './flow-queue.js';
import { drawFrame, drawRunningHead, EM_BOX_ASCENT, emptyPage, PageGeometry, pageLine } from './page-draw.js';
import type { Page, WrittenPage } from './types.js';

export interface PartOptions {
  title: string;
  titleEn?: string;
  /** Sequence number of the first page and how labels are printed. */
  firstPage: number;
  label: (n: number) => string;
  /** The part starts on a recto (an empty verso is added before it when needed). */
  recto: boolean;
}

/** Lay out a part's flow items under its title. */
export function layoutPart(items: FlowItem[], template: Template, builder: FlowBuilder, edition: Edition, o: PartOptions): Page[] {
  const pages: Page[] = [];
  const next = () => o.firstPage + pages.length;
  if (o.recto && next() % 2 === 0) pages.push(emptyPage(next(), true, o.label(next())));
  const source: SourceRef = { file: `${edition.root}#${o.title}`, line: 1 };
  const openerSlots = 4;
  const frames = new ColumnFiller(template, new FlowQueue([items]), () => {
    throw new Error('parts never run around figures');
  }).fill(openerSlots);
  [...frames].forEach((frame, k) => {
    const page = emptyPage(next(), false, o.label(next()));
    const geo = new PageGeometry(template, page.number);
    page.columns = frame.columns.map((_, c) => geo.columnX(c));
    if (k === 0) {
      page.marks.push({ level: 1, title: o.title, y: template.areaTop, column: 0, source: source.file });
      const size = template.headings.section.size * 1.4;
      const [line] = builder.compose([{ text: o.title, role: 'heading' }], builder.options(size, template.areaWidth / size, 0, 'center'), source);
      const baseline = template.areaTop + template.grid.line_pitch * 1.5 + (EM_BOX_ASCENT - 0.5) * size;
      if (line) page.lines.push(pageLine(line, geo.left, baseline, size, 'title', undefined, source.file));
      if (o.titleEn) {
        const enSize = template.headings.section.size * 0.8;
        const [en] = builder.compose([{ text: o.titleEn, role: 'latin_title' }], builder.options(enSize, template.areaWidth / enSize, 0, 'center'), source);
        if (en) page.lines.push(pageLine(en, geo.left, baseline + size * 1.1, enSize, 'title', undefined, source.file));
      }
    }
    drawFrame(page, frame, geo);
    if (k > 0) drawRunningHead(page, geo, builder, edition.runningHead, o.title, source);
    pages.push(page);
  });
  return pages;
}

/** One line of text with a right-aligned tail (page numbers), optionally with dot leaders and a link. */
function tailedLine(builder: FlowBuilder, t: Template, text: string, role: 'heading' | 'body', tail: string, indent: number,
  source: SourceRef, extra: { leader: boolean; link: string; keepWithNext?: boolean }): LineItem[] {
  const size = t.grid.body_size;
  const tailWidth = Math.max(2, [...tail].length * 0.6);
  const measure = t.grid.chars_per_line - indent;
  const lines: SetLine[] = builder.compose([{ text, role }], builder.options(size, [measure - tailWidth - 1.5], 0), source);
  const [tailLine] = builder.compose([{ text: tail, role: 'body' }], builder.options(size, measure, 0, 'end', false), source);
  const para = builder.nextPara();
  return lines.map((line, index) => {
    const item = lineItem(line, size, 'body', (indent + (index > 0 ? 1 : 0)) * size, para, index, lines.length);
    if (index === lines.length - 1) item.tail = tailLine;
    item.leader = extra.leader;
    item.link = extra.link;
    item.keepWithNext = extra.keepWithNext === true;
    return item;
  });
}

/** The contents: 类目 in 黑体, 分目 (and optionally 条目) indented, page numbers aligned right with dot leaders. */
export function contentsItems(edition: Edition, body: readonly WrittenPage[], t: Template, builder: FlowBuilder, english: boolean): FlowItem[] {
  const starts = new Map<string, string>();
  for (const p of body) for (const m of p.marks) if (!starts.has(m.source)) starts.set(m.source, p.label);
  const items: FlowItem[] = [];
  for (const c of edition.categories) {
    const title = english ? c.titleEn : c.title;
    const page = starts.get(c.source.file);
    if (!title || !page) continue;
    items.push(...tailedLine(builder, t, title, 'heading', page, 0, c.source, { leader: true, link: page, keepWithNext: true }));
    for (const s of c.sections) {
      const st = english ? s.titleEn : s.title;
      const sp = starts.get(s.source.file);
      if (!st || !sp) continue;
      items.push(...tailedLine(builder, t, st, 'body', sp, 2, s.source, { leader: true, link: sp }));
      if (english || !t.contents.entries) continue;
      for (const e of s.entries) {
        const ep = starts.get(e.source.file);
        if (ep) items.push(...tailedLine(builder, t, `【${e.title}】`, 'body', ep, 4, e.source, { leader: true, link: ep }));
      }
    }
  }
  return items;
}

/** The index: a letter heading per group, each term with its locators, sub-entries indented. */
export function indexItems(groups: IndexGroup[], t: Template, builder: FlowBuilder, edition: Edition): FlowItem[] {
  const items: FlowItem[] = [];
  const size = t.grid.body_size;
  for (const g of groups) {
    const [line] = builder.compose([{ text: g.letter, role: 'heading' }], builder.options(size, t.grid.chars_per_line, 0, 'center'), edition.source);
    const heading: HeadingItem = { kind: 'heading', lines: line ? [line] : [], size, slots: 2, rule: false, para: builder.nextPara() };
    items.push(heading);
    for (const e of g.entries) {
      items.push(...termLines(e, 0, t, builder, edition));
      for (const sub of e.subs) items.push(...termLines(sub, 1, t, builder, edition));
    }
  }
  return items;
}

function termLines(e: IndexEntry, depth: number, t: Template, builder: FlowBuilder, edition: Edition): LineItem[] {
  const size = t.grid.body_size;
  const text = e.see ? `${e.term}\u3000见${e.see}` : `${e.term}\u3000${e.locators.join('，')}`;
  const measure = t.grid.chars_per_line - depth;
  // Continuation lines hang one character in.
  const lines = builder.compose([{ text, role: 'body' }], builder.options(size, [measure, measure - 1], 0), edition.source);
  const para = builder.nextPara();
  const link = e.locators[0]?.replace(/[abc]$/, '');
  return lines.map((line, index) => {
    const item = lineItem(line, size, 'body', (depth + (index > 0 ? 1 : 0)) * size, para, index, lines.length);
    item.link = link;
    return item;
  });
}
