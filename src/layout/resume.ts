/**
 * A 类目 laid out again from one of its pages, as the last build laid it out: a proof of a
 * 分目 starts at the page where the 分目 starts instead of at the 类目's first page, and
 * composes only what it shows. What the column filler held as the page began (the next item,
 * the figures and bookmarks still waiting) is kept with the page as plain data (ResumePoint),
 * with a digest of the sources it came from; the pages from there on are the same only while
 * that digest is, and the template and fonts with it (layoutKey).
 */
import { digest } from '../content/digest.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Category, Entry } from '../model/document.js';
import type { Template } from '../template/template.js';
import type { PageStart } from './columns.js';
import { figureBlock, type FigureBlock } from './figure.js';
import type { FlowBuilder, MarkItem } from './flow.js';
import type { FigureRef, ResumePoint } from './types.js';

/** A page's start as plain data. */
export function resumePoint(category: Category, start: PageStart): ResumePoint {
  const ref = (block: FigureBlock): FigureRef => ({ file: block.figure.source.file, figure: entryOf(category, block.figure.source.file)!.figures.indexOf(block.figure) });
  return {
    chunk: start.at.chunk,
    item: start.at.item,
    pendingColumn: start.pendingColumn.map(ref),
    pendingPage: start.pendingPage.map(ref),
    pendingMarks: start.pendingMarks.map(({ level, title, source }) => ({ level, title, source })),
    through: start.at.through,
    digest: flowDigest(category, start.at.through),
  };
}

/**
 * What the column filler starts from to lay the 类目 out from that page on (its flow begun at
 * the point's chunk), or undefined when the sources it came from have changed since.
 */
export function resumedStart(category: Category, point: ResumePoint, template: Template, builder: FlowBuilder):
  { at: number; pendingColumn: FigureBlock[]; pendingPage: FigureBlock[]; pendingMarks: MarkItem[] } | undefined {
  if (flowDigest(category, point.through) !== point.digest) return undefined;
  const block = (r: FigureRef) => figureBlock(entryOf(category, r.file)!.figures[r.figure]!, template, builder);
  return {
    at: point.item,
    pendingColumn: point.pendingColumn.map(block),
    pendingPage: point.pendingPage.map(block),
    pendingMarks: point.pendingMarks.map((m) => ({ kind: 'mark', ...m })),
  };
}

/**
 * What a layout depends on besides the content: the template as read and the fonts'
 * files. The page record keeps it; a proof resumes only under the same.
 */
export function layoutKey(template: Template, fonts: FontSet): string {
  return digest(JSON.stringify([template, fonts.files()]));
}

/** The digests of the 类目's flow chunks 0 … `through` (a 分目's heading: its section.yaml; an entry: its file), digested. */
function flowDigest(category: Category, through: number): string {
  const parts: string[] = [];
  for (const section of category.sections) {
    for (const source of [section, ...section.entries]) {
      parts.push(source.digest);
      if (parts.length > through) return digest(parts.join('\n'));
    }
  }
  return digest(parts.join('\n'));
}

function entryOf(category: Category, file: string): Entry | undefined {
  for (const section of category.sections) for (const entry of section.entries) if (entry.source.file === file) return entry;
  return undefined;
}
