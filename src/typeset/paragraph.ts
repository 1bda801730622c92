/**
 * Line composition of one paragraph: collect and prepare the pieces into units, break
 * the paragraph into lines over its whole length, and set each line.
 */
import type { FontSet } from '../fonts/font-config.js';
import { finalizeLine } from './finalize.js';
import { paragraphGlyphs } from './line-glyphs.js';
import { breakLines } from './linebreak.js';
import { prepare } from './prepare.js';
import type { ComposeOptions, Piece, Prepared, SetLine } from './types.js';

export interface ComposedParagraph {
  lines: SetLine[];
  missing: Prepared['missing'];
  fallback: Prepared['fallback'];
}

export function composeParagraph(pieces: readonly Piece[], fonts: FontSet, options: ComposeOptions): ComposedParagraph {
  const prepared = prepare(pieces, fonts, options);
  const breaks = breakLines(prepared, options);
  // One set of glyph arrays for the paragraph, each line a range of it.
  const glyphs = paragraphGlyphs(prepared);
  const lines: SetLine[] = [];
  let start = 0;
  breaks.forEach((end, line) => {
    lines.push(finalizeLine(prepared, start, end, line, options, glyphs));
    start = end;
  });
  return { lines, missing: prepared.missing, fallback: prepared.fallback };
}
