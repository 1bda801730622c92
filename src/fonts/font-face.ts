/**
 * A font face as the typesetter sees it: glyph ids and advances per code point, read
 * from the font's cmap and hmtx (no shaping: CJK text needs none, see docs/architecture.md),
 * cached, in em units.
 */
import * as fontkit from 'fontkit';
import fs from 'node:fs';
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
    data: Buffer,
  ) {
    this.unitsPerEm = font.unitsPerEm;
    this.tables = new SfntTables(data);
  }

  static open(name: string, file: string): FontFace {
    const data = fs.readFileSync(file);
    const font = fontkit.create(data) as fontkit.Font;
    if (!('unitsPerEm' in font) || typeof (font as fontkit.Font).layout !== 'function') {
      throw new Error(`${file}: a font collection or unsupported font; give a single-face TrueType or OpenType file`);
    }
    return new FontFace(name, file, font, data);
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
