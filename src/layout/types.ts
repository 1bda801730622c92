/**
 * Laid-out pages: everything positioned in pt from the top-left corner of the trimmed page.
 * This is what the PDF stage draws; it knows nothing of the content or the grid.
 */
import type { FontFace } from '../fonts/font-face.js';
import type { LineGlyphs } from '../typeset/types.js';
import type { SourceRef } from '../model/document.js';

/**
 * Glyphs `from` up to `to` of a line, all of one face and size on one baseline, drawn with one
 * text operation: glyph k stands at `x + glyphs.xs[k] × size`.
 */
export interface GlyphRun {
  face: FontFace;
  size: number;
  baseline: number;
  /** Where the line starts, pt. */
  x: number;
  glyphs: LineGlyphs;
  from: number;
  to: number;
}

/** One typeset line: its runs and its exact source text (for ActualText and checks). */
export interface PageLine {
  runs: GlyphRun[];
  text: string;
  kind: LineKind;
  /** Rules drawn as part of the text (the 2 em dash). */
  rules: Rule[];
  baseline: number;
  /** The column the line stands in (undefined for running heads and the 类目 opener). */
  column: number | undefined;
  /** Lines of one paragraph or heading share this key (one structure element in the tagged PDF). */
  struct: string | undefined;
  /** For proof reports: a character carried down by a line-start rule, and the largest space added, em. */
  pushedOut: boolean;
  addedSpace: number;
}

export type LineKind = 'body' | 'heading' | 'caption' | 'credit' | 'box' | 'byline' | 'title' | 'running-head' | 'folio';

export interface Rule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  /** Dash and gap lengths, for dotted leaders. */
  dash?: [number, number];
}

/** A clickable area that goes to the page with this label. */
export interface PageLink {
  x: number;
  y: number;
  width: number;
  height: number;
  page: string;
}

export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
  stroke: number;
  fill?: string;
}

export interface PlacedImage {
  file: string;
  /** Alternative text (the caption). */
  alt: string;
  /** The image's size in pixels (for the resolution check). */
  pixels: { width: number; height: number };
  /** The entry that holds the figure. */
  source: SourceRef;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Page {
  /** Page number within its sequence (front matter and body are numbered apart). */
  number: number;
  /** The folio as printed: i, ii … in the front matter, 1, 2 … in the body. */
  label: string;
  /** Left edge of each column, pt (for proof line numbers and change bars). */
  columns: number[];
  /** True for a blank verso inserted so that a 类目 starts on a recto. */
  blank: boolean;
  lines: PageLine[];
  rules: Rule[];
  frames: Frame[];
  images: PlacedImage[];
  links: PageLink[];
  /** Bookmarks starting on this page; `source` is the file of the 类目, 分目 or 条目. */
  marks: { level: number; title: string; y: number; column: number; source: string }[];
  /** Where the page began in its 类目's flow, for a proof to lay the 类目 out again from it (not on a 类目's first page). */
  resume?: ResumePoint;
}

/**
 * A page's start in its 类目's flow, as plain data (kept in the page record, layout/resume.ts).
 * The flow comes in chunks: a 分目's heading, then each of its entries, then the next 分目's heading.
 */
export interface ResumePoint {
  /** The chunk, counted from the 类目's first, and the item in it that the page starts with. */
  chunk: number;
  item: number;
  /** Figures still waiting for a column or for a page: their entry's file and place among its figures. */
  pendingColumn: FigureRef[];
  pendingPage: FigureRef[];
  /** Bookmarks waiting for the next line or heading. */
  pendingMarks: { level: number; title: string; source: string }[];
  /** The last chunk the layout had looked at when the page began (keep rules look ahead). */
  through: number;
  /** What the 类目's sources through that chunk were (their digests, digested). */
  digest: string;
}

export interface FigureRef {
  file: string;
  figure: number;
}

/**
 * A page once it is in the PDF: everything but its lines' glyphs, rules and structure keys.
 * The contents, the index, the checks, the proof report and the page record read only this,
 * so a build lets each 类目's glyphs go as soon as its pages are written. A laid-out Page is
 * one too.
 */
export type WrittenPage = Omit<Page, 'lines'> & { lines: WrittenLine[] };

/** What a line keeps once written: its text and where it stands. */
export type WrittenLine = Pick<PageLine, 'kind' | 'text' | 'baseline' | 'column' | 'pushedOut' | 'addedSpace'>;

/**
 * What a page keeps once written. Each written page lives to the end of the build (413 at
 * N=40, 30,000 lines), copied twice by the young generation's collections before it settles
 * in the old one: a line keeps only what is read of it, in an object made field by field.
 */
export function writtenPage(page: Page): WrittenPage {
  return {
    ...page,
    lines: page.lines.map((l) => ({ kind: l.kind, text: l.text, baseline: l.baseline, column: l.column, pushedOut: l.pushedOut, addedSpace: l.addedSpace })),
  };
}
