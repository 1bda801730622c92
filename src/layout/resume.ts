/**
 * A 类目 laid out again from one of its pages, as the last build laid it out: a proof of a
 * 分目 starts at the page where the 分目 starts instead of at the 类目's first page, and
 * composes only what it shows. What the column filler held as the page began (the next item,
 * the figures and bookmarks still waiting) is kept with the page as plain data (ResumePoint),
 * with a digest of the sources it came from; the pages from there on are the same only while
 * that digest is, and the template and fonts with it (layoutKey).
 */
import path from 'node:path';
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
 * files. The page record keeps it; a proof resumes only under the same. Where the program
 * lies is left out (the template's folder), so a copy of the project in another place
 * resumes from the pages its build recorded.
 */
export function layoutKey(template: Template, fonts: FontSet): string {
  return digest(JSON.stringify([{ ...template, file: path.basename(template.file) }, fonts.files()]));
}

/**
 * What the 类目's flow chunks 0 … `through` were read from (a 分目's heading: its section.yaml;
 * an entry: its file), as one digest. The digests are chained, each chunk's taken with the one
 * before it, and kept for the 类目: a build takes one for every page, and re-digesting every
 * chunk before each page would grow with the square of the 类目's length.
 */
function flowDigest(category: Category, through: number): string {
  let chain = chains.get(category);
  if (!chain) chains.set(category, (chain = { digests: [], sources: flowSources(category) }));
  const last = Math.min(through, chain.sources.length - 1);
  for (let k = chain.digests.length; k <= last; k++) chain.digests.push(digest(`${chain.digests[k - 1] ?? ''}\n${chain.sources[k]!.digest}`));
  return chain.digests[last] ?? digest('');
}

const chains = new WeakMap<Category, { digests: string[]; sources: { digest: string }[] }>();

/** The sources of the 类目's flow chunks, in flow order: each 分目, then its entries. */
function flowSources(category: Category): { digest: string }[] {
  return category.sections.flatMap((section) => [section, ...section.entries]);
}

function entryOf(category: Category, file: string): Entry | undefined {
  for (const section of category.sections) for (const entry of section.entries) if (entry.source.file === file) return entry;
  return undefined;
}
