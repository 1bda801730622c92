/**
 * The column filler: puts the flow items of one 类目 into the grid slots of columns and
 * pages, top to bottom, honouring the keep rules (no heading alone at a column foot, no
 * single line of a paragraph alone at a column top or foot, no byline alone at a column
 * top) and floating figures to the foot of the column or page where their entry starts
 * (or the next one), and balancing the two columns of the category's last page. Pages are
 * given as they are finished, so that each can be written before the next is filled.
 */
import type { Template } from '../template/template.js';
import type { FigureBlock } from './figure.js';
import type { HeadingItem, LineItem, MarkItem } from './flow.js';
import type { FlowPosition, FlowQueue } from './flow-queue.js';

export interface SlotPlacement {
  item: LineItem | HeadingItem;
  slot: number;
}

export interface FigurePlacement {
  block: FigureBlock;
  /** Column index, or -1 for a figure spanning all columns. */
  column: number;
  slot: number;
}

export interface MarkPlacement {
  mark: MarkItem;
  column: number;
  slot: number;
}

export interface ColumnFrame {
  /** First slot free for text (below a spanning opener). */
  start: number;
  /** Next free slot. */
  top: number;
  /** Slots from here down are taken by figures. */
  bottom: number;
  placed: SlotPlacement[];
  /** Slots beside an inset figure, where body lines are set to a shorter measure. */
  inset?: { from: number; to: number; measure: number };
}

/** Sets a body paragraph again from a line on, to the given measures (text running around a figure). */
export type Reflow = (item: LineItem, measures: number[], tail: LineItem['tail']) => LineItem[];

export interface PageFrame {
  columns: ColumnFrame[];
  figures: FigurePlacement[];
  marks: MarkPlacement[];
  /** Slots at the top taken by a spanning element (the 类目 opener). */
  spanTop: number;
  /** Where in the flow the page began, and what was waiting for it (pages after the first). */
  start?: PageStart;
}

/** What the filler holds as it starts a page: the next item, and figures and bookmarks still to place. */
interface Waiting<At> {
  at: At;
  pendingColumn: FigureBlock[];
  pendingPage: FigureBlock[];
  pendingMarks: MarkItem[];
}

type Snapshot = Waiting<number>;

/**
 * A page's start as the flow was composed: from it the rest of the 类目 can be laid out again
 * without what comes before (`fill`), exactly as it was; a proof does so (src/proof).
 */
export type PageStart = Waiting<FlowPosition>;

export class ColumnFiller {
  private page!: PageFrame;
  private col = 0;
  private pendingColumn: FigureBlock[] = [];
  private pendingPage: FigureBlock[] = [];
  private pendingMarks: MarkItem[] = [];
  private readonly slots: number;
  private readonly columns: number;

  constructor(private readonly template: Template, private readonly flow: FlowQueue, private readonly reflow: Reflow) {
    this.slots = template.grid.lines_per_column;
    this.columns = template.grid.columns;
  }

  /**
   * Lay out all items, giving each page when it is finished; the first page starts with
   * `openerSlots` spanning slots, or, resumed `from` a page's start, as that page did.
   */
  *fill(openerSlots: number, from?: Snapshot): Generator<PageFrame> {
    let i = 0;
    if (from) {
      this.pendingColumn = [...from.pendingColumn];
      this.pendingPage = [...from.pendingPage];
      this.pendingMarks = [...from.pendingMarks];
      this.currentIndex = i = from.at;
    }
    this.newPage(openerSlots);
    while (this.flow.has(i) || this.pendingColumn.length > 0 || this.pendingPage.length > 0) {
      const page = this.page;
      if (this.flow.has(i)) {
        i = this.place(i);
      } else {
        // Figures still waiting at the end of the category get a column of their own. The page
        // that opens for them starts at the flow's end: balancing it places no item again.
        this.currentIndex = i;
        this.nextColumn();
      }
      if (this.page !== page) {
        // Nothing before the new page's start is looked at again, balancing included.
        this.flow.release(this.pageStart.at);
        const at = this.flow.position(i);
        if (at) this.page.start = { ...this.pageStart, at };
        yield page;
      }
    }
    if (this.template.grid.columns > 1) this.balance(this.pageStart);
    yield this.page;
  }

  /** Where the current page started in the flow, to refill it when balancing. */
  private pageStart: Snapshot = { at: 0, pendingColumn: [], pendingPage: [], pendingMarks: [] };
  private currentIndex = 0;

  /** Place item i (or move on to the next column); returns the next item index. */
  private place(i: number): number {
    this.currentIndex = i;
    const item = this.flow.at(i);
    const column = this.page.columns[this.col]!;
    switch (item.kind) {
      case 'mark':
        // A bookmark lands where the next line or heading does (a keep rule may move it on).
        this.pendingMarks.push(item);
        return i + 1;
      case 'figure':
        if (!this.reserve(item.block)) (item.block.span === 'page' ? this.pendingPage : this.pendingColumn).push(item.block);
        return i + 1;
      case 'heading': {
        const need = item.slots + this.followingLines(i + 1, this.template.keep.heading_min_lines);
        if (column.top + need > column.bottom && !this.columnEmpty(column)) {
          this.nextColumn();
          return i;
        }
        this.flushMarks(column);
        column.placed.push({ item, slot: column.top });
        column.top += item.slots;
        return i + 1;
      }
      case 'line': {
        const free = column.bottom - column.top;
        if (free <= 0 || (free === 1 && this.breaksBadly(item, i) && !this.columnEmpty(column))) {
          this.nextColumn();
          return i;
        }
        const inset = column.inset;
        const beside = inset !== undefined && column.top >= inset.from && column.top < inset.to;
        if (beside && !item.spec) {
          // Only body text runs around a figure: anything else goes below it.
          column.top = inset.to;
          return i;
        }
        const measure = beside ? inset.measure : this.template.grid.chars_per_line;
        if (item.spec && Math.abs(item.line.measure - measure) > 1e-9) {
          this.setAgain(i, item, column);
          return i;
        }
        this.flushMarks(column);
        column.placed.push({ item, slot: column.top });
        column.top += 1;
        return i + 1;
      }
    }
  }

  private flushMarks(column: ColumnFrame): void {
    for (const mark of this.pendingMarks) this.page.marks.push({ mark, column: this.col, slot: column.top });
    this.pendingMarks = [];
  }

  /** Compose the rest of the paragraph again, each line to the measure of the slot it will take. */
  private setAgain(i: number, item: LineItem, column: ColumnFrame): void {
    // The paragraph's lines as they stand in the flow: once set again from a later line, its
    // earlier lines still carry the count of the setting before (balancing the last page
    // comes back to them).
    const ofParagraph = (k: number) => {
      const it = this.flow.has(k) ? this.flow.at(k) : undefined;
      return it?.kind === 'line' && it.para === item.para;
    };
    let rest = 1;
    while (ofParagraph(i + rest)) rest++;
    const measures: number[] = [];
    for (let s = column.top; s < column.bottom; s++) {
      const beside = column.inset !== undefined && s >= column.inset.from && s < column.inset.to;
      measures.push(beside ? column.inset!.measure : this.template.grid.chars_per_line);
    }
    measures.push(this.template.grid.chars_per_line);
    const lastOld = this.flow.at(i + rest - 1) as LineItem;
    this.flow.splice(i, rest, this.reflow(item, measures, lastOld.tail));
  }

  /** Would a column break right after this line (the line being last in its column) break a keep rule? */
  private breaksBadly(item: LineItem, i: number): boolean {
    if (!this.template.keep.widow_orphan) return false;
    const next = this.nextLine(i + 1);
    const nextIsByline = next?.lineKind === 'byline';
    if (item.count >= 2 && item.index === 0) return true; // first line alone at the foot
    if (item.count >= 2 && item.index === item.count - 2 && !item.tail) return true; // last line alone at the top
    if (nextIsByline && item.index === item.count - 1) return true; // byline alone at the top
    if (item.keepWithNext) return true;
    return false;
  }

  private nextLine(from: number): LineItem | undefined {
    for (let k = from; this.flow.has(k); k++) {
      const it = this.flow.at(k);
      if (it.kind === 'line') return it;
      if (it.kind === 'heading') return undefined;
    }
    return undefined;
  }

  /** Grid lines taken by the next `count` lines of text after a heading (figures float away). */
  private followingLines(from: number, count: number): number {
    let n = 0;
    for (let k = from; n < count && this.flow.has(k); k++) {
      const it = this.flow.at(k);
      if (it.kind === 'line') n++;
      else if (it.kind === 'heading') break;
    }
    return n;
  }

  private columnEmpty(c: ColumnFrame): boolean {
    return c.top === c.start;
  }

  /** Reserve the foot of the current column (or of both columns of the page) for a figure. */
  private reserve(block: FigureBlock): boolean {
    if (block.span === 'inset') {
      const c = this.page.columns[this.col]!;
      if (c.inset || c.bottom - c.top < block.slots + block.besideSlots) return false;
      c.bottom -= block.slots;
      const top = c.bottom - block.besideSlots;
      // The gap line above the picture keeps the full measure; the lines beside it are shorter.
      c.inset = { from: top + block.gapSlots, to: c.bottom, measure: block.besideMeasure };
      this.page.figures.push({ block, column: this.col, slot: top });
      return true;
    }
    if (block.span === 'column') {
      const c = this.page.columns[this.col]!;
      // Leave room for two lines of text above the figure, unless the column is still empty.
      const minText = this.columnEmpty(c) ? 0 : 2;
      if (c.bottom - c.top < block.slots + minText) return false;
      c.bottom -= block.slots;
      this.page.figures.push({ block, column: this.col, slot: c.bottom });
      return true;
    }
    // A page-wide figure needs every column of this page still open below the current text.
    if (this.col !== 0) return false;
    const cols = this.page.columns;
    if (cols.some((c) => c.bottom - c.top < block.slots + (this.columnEmpty(c) ? 0 : 2))) return false;
    const bottom = Math.min(...cols.map((c) => c.bottom)) - block.slots;
    for (const c of cols) c.bottom = bottom;
    this.page.figures.push({ block, column: -1, slot: bottom });
    return true;
  }

  private nextColumn(): void {
    if (this.col + 1 < this.columns) {
      this.col++;
    } else {
      this.newPage(0);
      return;
    }
    this.placePendingColumn();
  }

  /** A new page; `depth` limits how far down its columns are filled (balancing the last page). */
  private newPage(spanTop: number, depth = this.slots - spanTop): void {
    this.page = {
      columns: Array.from({ length: this.columns }, () => ({ start: spanTop, top: spanTop, bottom: spanTop + depth, placed: [] })),
      figures: [],
      marks: [],
      spanTop,
    };
    this.col = 0;
    this.pageStart = { at: this.currentIndex, pendingColumn: [...this.pendingColumn], pendingPage: [...this.pendingPage], pendingMarks: [...this.pendingMarks] };
    const pagePending = this.pendingPage;
    this.pendingPage = [];
    for (const b of pagePending) if (!this.reserve(b)) this.pendingPage.push(b);
    this.placePendingColumn();
  }

  private placePendingColumn(): void {
    const pending = this.pendingColumn;
    this.pendingColumn = [];
    for (const b of pending) if (!this.reserve(b)) this.pendingColumn.push(b);
  }

  /**
   * Balance the last page: refill it with every column limited to k slots, for the smallest
   * k that still fits everything on the page.
   */
  private balance(snapshot: Snapshot): void {
    const original = this.page;
    const used = original.columns.reduce((s, c) => s + (c.top - c.start), 0);
    const spanTop = original.spanTop;
    for (let limit = Math.ceil(used / original.columns.length); limit < this.slots - spanTop; limit++) {
      const trial = new ColumnFiller(this.template, this.flow, this.reflow);
      trial.pendingColumn = [...snapshot.pendingColumn];
      trial.pendingPage = [...snapshot.pendingPage];
      trial.pendingMarks = [...snapshot.pendingMarks];
      trial.currentIndex = snapshot.at;
      trial.newPage(spanTop, limit);
      const page = trial.page;
      let i = snapshot.at;
      while (this.flow.has(i)) {
        const next = trial.place(i);
        if (trial.page !== page) break;
        i = next;
      }
      if (trial.page === page && !this.flow.has(i) && trial.pendingColumn.length === 0 && trial.pendingPage.length === 0) {
        this.page = page;
        return;
      }
    }
  }
}
