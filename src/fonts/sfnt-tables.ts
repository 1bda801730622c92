/**
 * The tables of an OpenType/TrueType font file, read straight from its bytes: the advances the
 * typesetter needs (hmtx) and the glyph data the PDF subsets copy (glyf, loca). fontkit decodes
 * a whole table into objects the first time any of it is asked for; these reads take only the
 * numbers asked for.
 */
export class SfntTables {
  readonly tables = new Map<string, Buffer>();
  readonly numberOfHMetrics: number;
  private locaOffsets: Uint32Array | undefined;

  constructor(data: Buffer) {
    const numTables = data.readUInt16BE(4);
    for (let k = 0; k < numTables; k++) {
      const record = 12 + 16 * k;
      const tag = data.toString('latin1', record, record + 4);
      const offset = data.readUInt32BE(record + 8);
      this.tables.set(tag, data.subarray(offset, offset + data.readUInt32BE(record + 12)));
    }
    this.numberOfHMetrics = this.table('hhea').readUInt16BE(34);
  }

  table(tag: string): Buffer {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`the font has no '${tag}' table`);
    return t;
  }

  /** Start of each glyph in `glyf`, numGlyphs + 1 entries (TrueType outlines only). */
  get loca(): Uint32Array {
    if (!this.locaOffsets) {
      const numGlyphs = this.table('maxp').readUInt16BE(4);
      const long = this.table('head').readInt16BE(50) === 1;
      const loca = this.table('loca');
      this.locaOffsets = new Uint32Array(numGlyphs + 1);
      for (let g = 0; g <= numGlyphs; g++) this.locaOffsets[g] = long ? loca.readUInt32BE(4 * g) : 2 * loca.readUInt16BE(2 * g);
    }
    return this.locaOffsets;
  }

  /** A glyph's data in `glyf`. */
  glyph(gid: number): Buffer {
    return this.table('glyf').subarray(this.loca[gid]!, this.loca[gid + 1]!);
  }

  /** Advance width and left side bearing in font units, as hmtx gives them (the last advance repeats). */
  metrics(gid: number): [number, number] {
    const hmtx = this.table('hmtx');
    const n = this.numberOfHMetrics;
    if (gid < n) return [hmtx.readUInt16BE(4 * gid), hmtx.readInt16BE(4 * gid + 2)];
    return [hmtx.readUInt16BE(4 * (n - 1)), hmtx.readInt16BE(4 * n + 2 * (gid - n))];
  }
}
