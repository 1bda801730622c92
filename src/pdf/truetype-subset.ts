/**
 * The embedded fonts' subsets (FontFile2): the glyphs the pages use, copied byte for byte from
 * the font's `glyf` table and numbered in the order they are first used (CID = new glyph id).
 *
 * pdfkit asks the font for a subset (`createSubset`) and calls `includeGlyph` and `encode`;
 * `embeddable` hands it a font whose subset is this one. fontkit's own subset decodes every
 * glyph's whole outline to learn whether it is composite; for a CJK book that decoding was
 * most of the subsetting time. Here only the glyph header is read, and the component records
 * of a composite glyph, whose glyph ids are rewritten to the subset's.
 *
 * The subset holds the tables a PDF TrueType font program needs (ISO 32000-1 §9.9): head,
 * hhea, maxp, hmtx, loca, glyf, and cvt, fpgm, prep when the font has them; with the table
 * checksums and the head checksum adjustment set as the OpenType specification asks.
 */
import type * as fontkit from 'fontkit';
import type { FontFace } from '../fonts/font-face.js';
import type { SfntTables } from '../fonts/sfnt-tables.js';

/** Composite glyph flags (OpenType glyf table). */
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

export class TrueTypeSubset {
  /** Original glyph ids, in subset order (glyph 0, .notdef, first). */
  readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  constructor(private readonly source: SfntTables) {
    this.includeGlyph(0);
  }

  /** The glyph's id in the subset, adding it on first use. */
  includeGlyph(glyph: number | { id: number }): number {
    const gid = typeof glyph === 'number' ? glyph : glyph.id;
    let id = this.mapping.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(gid);
      this.mapping.set(gid, id);
    }
    return id;
  }

  encode(): Buffer {
    const glyf: Buffer[] = [];
    this.source.preload(this.glyphs);
    // Components of composite glyphs join the subset as they are met, so the loop runs on.
    for (let k = 0; k < this.glyphs.length; k++) glyf.push(this.copyGlyph(this.glyphs[k]!));
    const count = this.glyphs.length;
    const loca = Buffer.alloc(4 * (count + 1));
    const hmtx = Buffer.alloc(4 * count);
    let offset = 0;
    glyf.forEach((g, k) => {
      loca.writeUInt32BE(offset, 4 * k);
      offset += g.length;
      const [advance, lsb] = this.source.metrics(this.glyphs[k]!);
      hmtx.writeUInt16BE(advance, 4 * k);
      hmtx.writeInt16BE(lsb, 4 * k + 2);
    });
    loca.writeUInt32BE(offset, 4 * count);
    const head = Buffer.from(this.source.table('head'));
    head.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    head.writeInt16BE(1, 50); // indexToLocFormat: long offsets
    const hhea = Buffer.from(this.source.table('hhea'));
    hhea.writeUInt16BE(count, 34); // numberOfHMetrics
    const maxp = Buffer.from(this.source.table('maxp'));
    maxp.writeUInt16BE(count, 4); // numGlyphs
    const tables = new Map<string, Buffer>([['head', head], ['hhea', hhea], ['maxp', maxp], ['hmtx', hmtx], ['loca', loca], ['glyf', Buffer.concat(glyf)]]);
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const t = this.source.tables.get(tag);
      if (t) tables.set(tag, t);
    }
    return fontFile(tables);
  }

  /**
   * The glyph's data, 4-byte aligned, with the ids of a composite glyph's components changed to
   * the subset's. A simple glyph already aligned is the font's own bytes, not a copy.
   */
  private copyGlyph(gid: number): Buffer {
    const data = this.source.glyph(gid);
    const simple = data.length === 0 || data.readInt16BE(0) >= 0;
    if (simple && data.length % 4 === 0) return data;
    const padded = paddedCopy(data);
    if (simple) return padded;
    let at = 10;
    for (;;) {
      const flags = padded.readUInt16BE(at);
      padded.writeUInt16BE(this.includeGlyph(padded.readUInt16BE(at + 2)), at + 2);
      at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE) at += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
      if (!(flags & MORE_COMPONENTS)) return padded;
    }
  }
}

/** An sfnt file of these tables, in tag order, each 4-byte aligned and checksummed. */
export function fontFile(tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const power = 2 ** Math.floor(Math.log2(tags.length));
  const header = Buffer.alloc(12 + 16 * tags.length);
  header.writeUInt32BE(0x00010000, 0);
  header.writeUInt16BE(tags.length, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(tags.length * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  // The file's checksum is the sum of its parts' (each a whole number of words): the tables'
  // are added up as they are made, not summed again over the whole file.
  let tablesSum = 0;
  tags.forEach((tag, k) => {
    const data = tables.get(tag)!;
    // Copied only to be padded (glyf, loca and hmtx come aligned).
    const padded = data.length % 4 === 0 ? data : paddedCopy(data);
    const record = 12 + 16 * k;
    const sum = tableChecksum(padded);
    tablesSum = (tablesSum + sum) >>> 0;
    header.write(tag, record, 'latin1');
    header.writeUInt32BE(sum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    parts.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat(parts);
  const head = header.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  file.writeUInt32BE((0xb1b0afba - tableChecksum(header) - tablesSum) >>> 0, head + 8);
  return file;
}

/** A copy of `data` padded with zeros to a whole number of 4-byte words. */
function paddedCopy(data: Buffer): Buffer {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  return padded;
}

/** The bytes of a table summed at a time (`tableChecksum`): 255 × a quarter of them stays far below 2^30. */
const CHECKSUM_RUN = 1024 * 1024;

/**
 * Sum of the big-endian 32-bit words, modulo 2^32 (the length is a multiple of 4). The bytes at
 * each place in the words are summed apart, a megabyte at a time, and then put together: each
 * step a small integer, which makes no object in code V8 has not optimised (a proof's, where a
 * word or a sum above 2^31 was one each, 1.4 MB of its garbage), and in its interpreter 40%
 * faster than summing the words' halves with their carries.
 */
export function tableChecksum(data: Buffer): number {
  let sum = 0;
  for (let start = 0; start < data.length; start += CHECKSUM_RUN) {
    const end = Math.min(data.length, start + CHECKSUM_RUN);
    let b0 = 0;
    let b1 = 0;
    let b2 = 0;
    let b3 = 0;
    for (let k = start; k < end; k += 4) {
      b0 += data[k]!;
      b1 += data[k + 1]!;
      b2 += data[k + 2]!;
      b3 += data[k + 3]!;
    }
    // Below 2^51, exact in a double.
    sum = (sum + b0 * 0x1000000 + b1 * 0x10000 + b2 * 0x100 + b3) % 0x100000000;
  }
  return sum;
}

const embeddables = new WeakMap<FontFace, fontkit.Font>();

/**
 * The face's font as pdfkit should embed it: with this subset, glyph 0's advance from our own
 * metrics, and what pdfkit writes into the font's dictionaries (its name, metrics, bounding box
 * and style) from our own reading of the tables (src/fonts/font-description.ts), so that
 * embedding a TrueType face needs no fontkit; anything else pdfkit asks of it (laying out text
 * itself) goes to fontkit's font of the face, made then. Fonts without a glyf table (CFF
 * outlines) are fontkit's, with its subset. Made once per face, so a process that writes many
 * PDFs (proof --watch) makes it once.
 */
export function embeddable(face: FontFace): fontkit.Font {
  let font = embeddables.get(face);
  if (!font) {
    const source = face.tables;
    if (source.trueType) {
      const d = face.description;
      const notdef = { advanceWidth: source.metrics(0)[0] };
      const fields: Record<string, unknown> = {
        createSubset: () => new TrueTypeSubset(source),
        getGlyph: (id: number, codePoints?: number[]) => (id === 0 ? notdef : face.font.getGlyph(id, codePoints)),
        // A function of its own, not the stand-in's: pdfkit takes an object with a `layout` function
        // for a fontkit font (PDFFontFactory.open), and reading it through the stand-in would make
        // fontkit's font of the face at once.
        layout: (...args: Parameters<fontkit.Font['layout']>) => face.font.layout(...args),
        postscriptName: d.postscriptName,
        unitsPerEm: d.unitsPerEm,
        ascent: d.ascent,
        descent: d.descent,
        lineGap: d.lineGap,
        xHeight: d.xHeight,
        capHeight: d.capHeight,
        italicAngle: d.italicAngle,
        bbox: d.bbox,
        'OS/2': { sFamilyClass: d.familyClass },
        post: { isFixedPitch: d.isFixedPitch },
        head: { macStyle: { italic: d.italic } },
        // What pdfkit compares to tell a face from another of the same name.
        _tables: { head: { checkSumAdjustment: d.checkSumAdjustment } },
      };
      font = Object.setPrototypeOf(fields, fontkitWhenAsked(face)) as unknown as fontkit.Font;
    } else {
      font = face.font;
    }
    embeddables.set(face, font);
  }
  return font;
}

/** Stands for fontkit's font of `face`, made the first time pdfkit asks for anything not given above. */
function fontkitWhenAsked(face: FontFace): object {
  return new Proxy({}, {
    get(_, key) {
      const value: unknown = Reflect.get(face.font, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(face.font) : value;
    },
    has: (_, key) => Reflect.has(face.font, key),
  });
}
