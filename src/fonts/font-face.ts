/**
 * A font face as the typesetter sees it: glyph ids and advances per code point, read
 * from the font's cmap and hmtx (no shaping: CJK text needs none, see docs/architecture.md),
 * cached, in em units.
 */
import fs from 'node:fs';
import type * as Fontkit from 'fontkit';
import { loadWhenAsked } from '../load-when-asked.js';
import { describeFont, type FontDescription } from './font-description.js';
import { SfntTables } from './sfnt-tables.js';

/**
 * fontkit, loaded the first time a face needs it. The TrueType faces of a book need none of it,
 * so the startup snapshot leaves it out: its modules, tables and shapers were 13 ms of
 * deserialising the snapshot in every command.
 */
const fontkit = loadWhenAsked<typeof Fontkit>('fontkit');

export interface GlyphInfo {
  /** Glyph id in the font; 0 means the font lacks the character. */
  id: number;
  /** Advance in em. */
  advance: number;
}

export class FontFace {
  private readonly glyphs = new Map<number, GlyphInfo>();
  /** Font units per em. */
  readonly unitsPerEm: number;
  /** The file's tables, read directly: advances here, glyph data for the PDF's subsets. */
  readonly tables: SfntTables;
  /** Its name, metrics and style, as the PDF's font dictionaries give them. */
  readonly description: FontDescription;
  private fontkitFont: Fontkit.Font | undefined;

  constructor(
    /** The name the font configuration gives this face. */
    readonly name: string,
    readonly file: string,
    tables: SfntTables,
  ) {
    this.tables = tables;
    this.description = describeFont(tables);
    this.unitsPerEm = this.description.unitsPerEm;
  }

  /** Open a font file: the tables used are read, its glyph data as the PDF's subsets need it (SfntTables.read). */
  static open(name: string, file: string): FontFace {
    return new FontFace(name, file, SfntTables.read(file));
  }

  /**
   * fontkit's font of this face, made from the whole file when first asked for:
   * for a cmap SfntTables does not read, a CFF face's subset, text pdfkit lays out.
   */
  get font(): Fontkit.Font {
    return (this.fontkitFont ??= fontkit().create(fs.readFileSync(this.file)) as Fontkit.Font);
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
