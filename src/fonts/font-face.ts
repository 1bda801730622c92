/**
 * A font face as the typesetter sees it: glyph ids and advances per code point, read
 * from the font's cmap and hmtx (no shaping: CJK text needs none, see docs/architecture.md),
 * cached, in em units.
 */
import * as fontkit from 'fontkit';
import { SfntTables } from './sfnt-tables.js';

export interface GlyphInfo {
  /** Glyph id in the font; 0 means the font lacks the character. */
  id: number;
  /** Advance in em. */
  advance: number;
}

export class FontFace {
  private readonly glyphs = new Map<number, GlyphInfo>();
  /** Font units per em, read once (fontkit's getter goes through its table lookup each time). */
  readonly unitsPerEm: number;
  /** The file's tables, read directly: advances here, glyph data for the PDF's subsets. */
  readonly tables: SfntTables;

  constructor(
    /** The name the font configuration gives this face. */
    readonly name: string,
    readonly file: string,
    readonly font: fontkit.Font,
    tables: SfntTables,
  ) {
    this.unitsPerEm = font.unitsPerEm;
    this.tables = tables;
  }

  /**
   * Open a font file. Its glyph data is read as the PDF's subsets need it (SfntTables.read):
   * fontkit gets the other tables, and nothing here asks it for an outline.
   */
  static open(name: string, file: string): FontFace {
    const { data, tables } = SfntTables.read(file);
    return new FontFace(name, file, fontkit.create(data) as fontkit.Font, tables);
  }

  glyph(codePoint: number): GlyphInfo {
    let g = this.glyphs.get(codePoint);
    if (!g) {
      const id = this.tables.glyphId(codePoint) ?? this.font.glyphForCodePoint(codePoint).id;
      g = { id, advance: this.tables.metrics(id)[0] / this.unitsPerEm };
      this.glyphs.set(codePoint, g);
    }
    return g;
  }

  has(codePoint: number): boolean {
    return this.glyph(codePoint).id !== 0;
  }
}
