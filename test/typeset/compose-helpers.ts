/** Shared helpers for line-composition tests: the §0 harness of docs/cjk-typography.md. */
import { loadFonts } from '../../src/fonts/font-config.js';
import { composeParagraph } from '../../src/typeset/paragraph.js';
import type { ComposeOptions, Piece, SetLine } from '../../src/typeset/types.js';

export const fonts = loadFonts();

/** The "GB-book" default configuration, for fragments (orphan control off, §0). */
export const GB_BOOK: ComposeOptions = {
  size: 10,
  measure: 10,
  indent: 0,
  punctuation: 'quanjiao',
  lineBreak: 'gb',
  pushIn: true,
  trimLineStartOpen: true,
  autospace: 0.25,
  orphanControl: false,
  lastLine: 'start',
};

export function layout(input: string | Piece[], options: Partial<ComposeOptions> = {}): SetLine[] {
  const pieces: Piece[] = typeof input === 'string' ? [{ text: input, role: 'body' }] : input;
  return composeParagraph(pieces, fonts, { ...GB_BOOK, ...options }).lines;
}

export const texts = (lines: SetLine[]) => lines.map((l) => l.text);

/** x (em) of each visible glyph on a line, rounded to 1/1000 em. */
export const xs = (line: SetLine) => line.glyphs.map((g) => round(g.x));

export const round = (v: number) => Math.round(v * 1000) / 1000;

/** Gaps between consecutive glyph origins minus 1 em (for pure-Han lines: the added space). */
export function hanGaps(line: SetLine): number[] {
  const g = line.glyphs;
  return g.slice(1).map((b, k) => round(b.x - g[k]!.x - 1));
}
