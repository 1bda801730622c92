/**
 * Filling glyph arrays (LineGlyphs), glyph after glyph: a paragraph's, line after line
 * (finalize), and plain runs of text around the page (a proof's watermark and line numbers).
 */
import type { FontFace } from '../fonts/font-face.js';
import type { LineGlyphs, Prepared, SetLine } from './types.js';

export class LineGlyphsBuilder {
  readonly glyphs: LineGlyphs;
  /** The face of each glyph. */
  readonly faces: FontFace[];
  /** Glyphs added so far. */
  count = 0;

  /** For `size` glyphs. */
  constructor(size: number) {
    this.glyphs = { ids: new Uint16Array(size), xs: new Float64Array(size), invisible: new Uint8Array(size), codePoints: new Uint32Array(size) };
    this.faces = new Array<FontFace>(size);
  }

  /** A glyph standing for the character `ch`. */
  add(face: FontFace, id: number, x: number, ch: string, invisible: boolean): void {
    const g = this.glyphs;
    const k = this.count++;
    g.ids[k] = id;
    g.xs[k] = x;
    if (invisible) g.invisible[k] = 1;
    g.codePoints[k] = ch.codePointAt(0)!;
    this.faces[k] = face;
  }
}

/** Where a set line's first glyph stands, em from the line start (0 for a line without glyphs). */
export function firstGlyphX(line: SetLine): number {
  return line.from < line.to ? line.glyphs.xs[line.from]! : 0;
}

/** A builder for every glyph of a prepared paragraph, its lines to be added in turn. */
export function paragraphGlyphs(prepared: Prepared): LineGlyphsBuilder {
  let count = 0;
  const units = prepared.units;
  // Counted, not for…of (finalizeLine says why).
  for (let k = 0; k < units.length; k++) count += units[k]!.glyphs.length;
  return new LineGlyphsBuilder(count);
}
