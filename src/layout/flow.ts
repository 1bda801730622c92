/**
 * From the document model to the vertical flow of one 类目: every body line, heading,
 * figure and box line as an item that takes whole grid lines, with what the column
 * filler needs to keep things together. Line composition happens here.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { FontRole, FontSet } from '../fonts/font-config.js';
import type { Block, Category, Entry, Figure, InlineStyle, Paragraph, Section, SourceRef } from '../model/document.js';
import type { Template } from '../template/template.js';
import { composeCached } from '../typeset/cache.js';
import { firstGlyphX } from '../typeset/line-glyphs.js';
import type { ComposeOptions, Piece, SetLine } from '../typeset/types.js';
import { figureBlock, type FigureBlock } from './figure.js';
import type { LineKind } from './types.js';

/** A typeset line and the size and role it was set in, placed at `indent` pt inside its column. */
export interface LineItem {
  kind: 'line';
  line: SetLine;
  size: number;
  lineKind: LineKind;
  indent: number;
  /** Lines of one paragraph share an id; index and count drive the widow/orphan rules. */
  para: number;
  index: number;
  count: number;
  /** Set for the lines of a 资料 box (its frame is drawn around them). */
  box: number | undefined;
  /** Extra text right-aligned on the same line (a byline sharing the last line). */
  tail: SetLine | undefined;
  /** Body lines can be set again to another measure (beside an inset figure); others cannot. */
  spec: ParagraphSpec | undefined;
  /** Keep this line in the same column as the next one (the 资料 label). */
  keepWithNext: boolean;
  /** Dot leaders between the text and the right-aligned tail (contents). */
  leader: boolean;
  /** The page (its label) this line links to (contents and index). */
  link: string | undefined;
}

/**
 * A line's item, every field set and in one order (the rarer ones are set on it afterwards):
 * the column filler and the page drawing read each line's item in code that V8 optimises for
 * the shapes of objects it has seen, and a field set on some items only, or an item spread
 * from another (`{ ...item, line }`), is a shape of its own (N=40 0.95 × the time once the
 * composer's objects each had one shape).
 */
export function lineItem(line: SetLine, size: number, lineKind: LineKind, indent: number, para: number, index: number, count: number,
  box?: number, spec?: ParagraphSpec): LineItem {
  return { kind: 'line', line, size, lineKind, indent, para, index, count, box, tail: undefined, spec, keepWithNext: false, leader: false, link: undefined };
}

/** What a paragraph was composed from, to compose it again from one of its lines on. */
export interface ParagraphSpec {
  pieces: Piece[];
  options: ComposeOptions;
  source: SourceRef;
}

export interface HeadingItem {
  kind: 'heading';
  lines: SetLine[];
  size: number;
  slots: number;
  rule: boolean;
  /** Keys the heading's structure element (as a paragraph's id keys its lines). */
  para: number;
}

export interface FigureItem {
  kind: 'figure';
  block: FigureBlock;
}

/** A bookmark (zero height) for the outline; `source` is the file of the 分目 or 条目. */
export interface MarkItem {
  kind: 'mark';
  level: number;
  title: string;
  source: string;
}

export type FlowItem = LineItem | HeadingItem | FigureItem | MarkItem;

/** The font role each Markdown style is set in. */
export const STYLE_ROLE: Record<InlineStyle, FontRole> = { body: 'body', heading: 'heading', strong: 'strong', emphasis: 'emphasis' };

export class FlowBuilder {
  /** Paragraph ids are unique across builders: they key structure elements of the whole PDF. */
  private static para = 0;
  private box = 0;

  constructor(
    private readonly template: Template,
    private readonly fonts: FontSet,
    private readonly diagnostics: Diagnostics,
  ) {}

  /**
   * Options for body-like text at `size`, `measure` em to the line. Every ComposeOptions is
   * made here, never spread from another (`{ ...options, measure }`): an object spread has a
   * shape of its own, and each new shape that reached the composer's optimised code undid it.
   * Measures per line are kept as a Float64Array, one shape whether they are whole or not.
   */
  options(size: number, measure: number | readonly number[], indent: number, lastLine: ComposeOptions['lastLine'] = 'start',
    trimLineStartOpen = this.template.text.trim_line_start_open): ComposeOptions {
    const t = this.template.text;
    return {
      size, measure: typeof measure === 'number' ? measure : Float64Array.from(measure), indent, lastLine,
      punctuation: t.punctuation,
      lineBreak: t.line_break,
      pushIn: t.kinsoku === 'push-in-first',
      trimLineStartOpen,
      autospace: t.autospace,
      orphanControl: t.orphan_control,
    };
  }

  /** Compose, reporting missing glyphs, fallback faces and loose lines against the source. */
  compose(pieces: Piece[], options: ComposeOptions, source: SourceRef): SetLine[] {
    const result = composeCached(pieces, this.fonts, options);
    for (const m of result.missing) {
      this.diagnostics.error(source.file, source.line, 1,
        `character ${m.char} (U+${m.char.codePointAt(0)!.toString(16).toUpperCase()}) is in no configured font: add a face that has it to 'fallback' in fonts/fonts.yaml`);
    }
    for (const f of result.fallback) {
      this.diagnostics.warning(source.file, source.line, 1,
        `character ${f.char} (U+${f.char.codePointAt(0)!.toString(16).toUpperCase()}) is set from the fallback face '${f.face}'`);
    }
    for (const line of result.lines) {
      if (line.maxAddedSpace > this.template.text.loose_warning) {
        this.diagnostics.warning(source.file, source.line, 1,
          `loose line (${line.maxAddedSpace.toFixed(2)} em added between characters): "${line.text}"`);
      }
    }
    return result.lines;
  }

  /** Paragraphs set as body text (the 编辑说明). */
  paragraphs(blocks: Block[]): FlowItem[] {
    return blocks.flatMap((b) => (b.kind === 'paragraph' ? this.paragraph(b, undefined) : b.kind === 'list' ? b.items.flatMap((i) => this.paragraph(i, undefined)) : this.infoBox(b.label, b.paragraphs)));
  }

  /**
   * A 类目's flow, a chunk at a time (a 分目's heading, then each of its entries), each
   * composed only when the one before it has been taken (src/layout/flow-queue.ts); from
   * chunk `first` on, those before it left out (a proof resumed from a page: layout/resume.ts).
   */
  *category(category: Category, first = 0): Generator<FlowItem[]> {
    let k = 0;
    for (const section of category.sections) {
      const chunks = 1 + section.entries.length;
      if (k + chunks > first) yield* this.section(section, Math.max(0, first - k));
      k += chunks;
    }
  }

  /** A 分目's chunks from its `first` on (0: its heading). */
  private *section(section: Section, first: number): Generator<FlowItem[]> {
    // A chunk is given when the next entry's turn comes; the last waits for the byline, which may share its last line.
    let chunk = first === 0 ? this.sectionHeading(section) : undefined;
    for (const entry of section.entries.slice(Math.max(0, first - 1))) {
      if (chunk) yield chunk;
      chunk = this.entry(entry);
    }
    if (chunk && section.byline) this.addByline(chunk, section.byline, section.source);
    if (chunk) yield chunk;
  }

  private sectionHeading(section: Section): FlowItem[] {
    const h = this.template.headings.section;
    const measure = this.template.measure / h.size;
    const lines = this.compose([{ text: section.title, role: 'heading' }], this.options(h.size, Math.floor(measure), 0, 'center'), section.source);
    return [
      { kind: 'mark', level: 2, title: section.title, source: section.source.file },
      { kind: 'heading', lines, size: h.size, slots: h.lines, rule: h.rule, para: this.nextPara() },
    ];
  }

  private entry(entry: Entry): FlowItem[] {
    const items: FlowItem[] = [{ kind: 'mark', level: 3, title: entry.title, source: entry.source.file }];
    for (const f of entry.figures) items.push(this.figure(f));
    entry.blocks.forEach((block, k) => {
      if (block.kind === 'paragraph') {
        items.push(...this.paragraph(block, k === 0 ? entry.title : undefined));
      } else if (block.kind === 'list') {
        block.items.forEach((item, n) => {
          const marker = block.ordered ? `${n + 1}.` : '•';
          items.push(...this.paragraph({ ...item, runs: [{ text: `${marker} `, style: 'body' }, ...item.runs] }, undefined));
        });
      } else {
        items.push(...this.infoBox(block.label, block.paragraphs));
      }
    });
    return items;
  }

  private paragraph(p: Paragraph, runInTitle: string | undefined): LineItem[] {
    const g = this.template.grid;
    const t = this.template.text;
    const pieces: Piece[] = [];
    if (runInTitle !== undefined) {
      pieces.push({ text: `【${runInTitle}】`, role: 'heading' }, { gap: this.template.headings.entry_gap, alignToEm: true });
    }
    for (const r of p.runs) pieces.push({ text: r.text, role: STYLE_ROLE[r.style] });
    const indent = runInTitle !== undefined ? t.entry_title_indent : t.first_line_indent;
    const spec: ParagraphSpec = { pieces, options: this.options(g.body_size, g.chars_per_line, indent), source: p.source };
    const lines = this.compose(spec.pieces, spec.options, spec.source);
    return this.lineItems(lines, g.body_size, 'body', 0, undefined, spec);
  }

  /** A new paragraph id (lines of one paragraph share it). */
  nextPara(): number {
    return ++FlowBuilder.para;
  }

  private lineItems(lines: SetLine[], size: number, lineKind: LineKind, indent: number, box?: number, spec?: ParagraphSpec): LineItem[] {
    const para = this.nextPara();
    return lines.map((line, index) => lineItem(line, size, lineKind, indent, para, index, lines.length, box, spec));
  }

  /**
   * Set a body paragraph again from line `item` on, line k to `measures[k]` em (text running
   * around an inset figure). A line continuing a paragraph is not indented (clreq IN-2).
   */
  reflow(item: LineItem, measures: number[], tail: SetLine | undefined): LineItem[] {
    const spec = item.spec!;
    const pieces = item.index === 0 ? spec.pieces : piecesFrom(spec.pieces, item.line.offset);
    const o = spec.options;
    const options = this.options(o.size, measures, item.index === 0 ? o.indent : 0, o.lastLine, o.trimLineStartOpen);
    const lines = this.compose(pieces, options, spec.source);
    const count = item.index + lines.length;
    const items = lines.map((line, k) => {
      const next = lineItem(line, item.size, item.lineKind, item.indent, item.para, item.index + k, count, item.box, item.spec);
      next.keepWithNext = item.keepWithNext;
      next.leader = item.leader;
      next.link = item.link;
      return next;
    });
    if (tail) this.attachByline(items, tail);
    return items;
  }

  private infoBox(label: string, paragraphs: Paragraph[]): LineItem[] {
    const b = this.template.box;
    const inset = (this.template.measure - b.chars_per_line * b.size) / 2;
    const box = ++this.box;
    const labelLines = this.compose([{ text: label, role: 'heading' }], this.options(b.size, b.chars_per_line, 0), paragraphs[0]?.source ?? { file: '', line: 0 });
    const items = this.lineItems(labelLines, b.size, 'box', inset, box);
    for (const item of items) item.keepWithNext = true;
    for (const p of paragraphs) {
      const pieces: Piece[] = p.runs.map((r) => ({ text: r.text, role: r.style === 'body' ? 'box' : STYLE_ROLE[r.style] }));
      const lines = this.compose(pieces, this.options(b.size, b.chars_per_line, this.template.text.first_line_indent), p.source);
      items.push(...this.lineItems(lines, b.size, 'box', inset, box));
    }
    return items;
  }

  private figure(f: Figure): FigureItem {
    return { kind: 'figure', block: figureBlock(f, this.template, this) };
  }

  /**
   * The byline `（刘乃华）` ends its 分目, right-aligned: on the last line when it fits there
   * with at least 1 em to spare, else on a line of its own. Two-character names are
   * spaced to the width of three with a full-width space.
   */
  private addByline(items: FlowItem[], name: string, source: SourceRef): void {
    const g = this.template.grid;
    const chars = [...name];
    const padded = chars.length === 2 ? `${chars[0]}\u3000${chars[1]}` : name;
    const [tail] = this.compose([{ text: `（${padded}）`, role: 'body' }], this.options(g.body_size, g.chars_per_line, 0, 'end', false), source);
    if (tail) this.attachByline(items, tail);
  }

  private attachByline(items: FlowItem[], tail: SetLine): void {
    const last = items[items.length - 1];
    const tailWidth = tail.width - firstGlyphX(tail);
    if (last?.kind === 'line' && last.lineKind === 'body' && !last.box && last.line.width + 1 + tailWidth <= last.line.measure + 1e-6) {
      last.tail = tail;
      return;
    }
    items.push(...this.lineItems([tail], this.template.grid.body_size, 'byline', 0));
  }
}

/** The pieces from character offset `offset` on (offsets count UTF-16 units of text pieces, as prepare does). */
function piecesFrom(pieces: readonly Piece[], offset: number): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const p of pieces) {
    if ('gap' in p) {
      if (at >= offset) out.push(p);
      continue;
    }
    const start = p.source ?? at;
    const end = start + p.text.length;
    if (end > offset) out.push({ ...p, text: p.text.slice(Math.max(0, offset - start)), source: Math.max(start, offset) });
    at = end;
  }
  return out;
}
