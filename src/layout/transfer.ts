/**
 * Pages as they cross from a layout worker to the main thread (structured clone): each glyph
 * run names its face instead of holding it (a face holds the whole font) and is given its
 * face again on arrival. The glyphs themselves are typed arrays (LineGlyphs), copied whole.
 */
import type { FontSet } from '../fonts/font-config.js';
import type { GlyphRun, Page, PageLine } from './types.js';

type TransferRun = Omit<GlyphRun, 'face'> & { face: string };
export type TransferPage = Omit<Page, 'lines'> & { lines: (Omit<PageLine, 'runs'> & { runs: TransferRun[] })[] };

export function toTransfer(pages: readonly Page[]): TransferPage[] {
  return pages.map((page) => ({
    ...page,
    lines: page.lines.map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, face: run.face.name })) })),
  }));
}

/** The pages again, each run given its face from this thread's font set (the objects are reused). */
export function fromTransfer(pages: TransferPage[], fonts: FontSet): Page[] {
  for (const page of pages) {
    for (const line of page.lines) {
      for (const run of line.runs) (run as unknown as GlyphRun).face = fonts.faceNamed(run.face);
    }
  }
  return pages as unknown as Page[];
}
