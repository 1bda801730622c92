/**
 * The tables of an OpenType/TrueType font file, read straight from its bytes: the glyph ids of
 * characters (cmap), the advances the typesetter needs (hmtx) and the glyph data the PDF
 * subsets copy (glyf, loca). fontkit decodes a whole table into objects the first time any of
 * it is asked for, and reads a cmap entry by entry through its decoder; these reads take only
 * the numbers asked for.
 */
import fs from 'node:fs';
import { BLOCK, fileBlocks, readAt, type FileRange } from '../content/read-at.js';

/** The versions a single-face font file starts with: TrueType (1.0 and Apple's 'true'), CFF ('OTTO'). */
const SFNT_VERSIONS: ReadonlySet<number> = new Set([0x00010000, 0x74727565, 0x4f54544f]);

/** The Unicode cmap subtables, in the order fontkit prefers them (platform, encoding). */
const UNICODE_CMAPS: readonly (readonly [number, number])[] = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]];

/** Glyphs at most this far apart are read in one read (`preload`): reading the bytes between costs less than a read more. */
const RUN_GAP = 64 * 1024;

/**
 * The tables `SfntTables.read` reads: what the typesetter (cmap, hmtx), the PDF's font
 * dictionaries (font-description.ts) and its subsets (truetype-subset.ts) take from a face.
 * The rest (vertical metrics, OpenType layout, glyf itself) only fontkit would read, which
 * reads the whole file when a face needs it (font-face.ts).
 */
const READ: ReadonlySet<string> = new Set(['head', 'hhea', 'maxp', 'hmtx', 'loca', 'cmap', 'OS/2', 'post', 'name', 'cvt ', 'fpgm', 'prep']);

export class SfntTables {
  readonly numberOfHMetrics: number;
  /** indexToLocFormat 1: the loca table holds 32-bit offsets (else 16-bit, halved). */
  private longLoca: boolean | undefined;
  /** The Unicode cmap subtable fontkit would use, when it is of a format read here (4, 12, 13). */
  private cmap: Buffer | null | undefined;
  /** Glyph data read from the file as it is asked for (`SfntTables.read`), by glyph id. */
  private readonly glyphsRead = new Map<number, Buffer>();

  /** `glyf`: where the glyph data is in the file, when `tables` does not hold it (`SfntTables.read`). */
  constructor(readonly tables: ReadonlyMap<string, Buffer>, private readonly glyf?: { file: string; fd: number; offset: number }) {
    this.numberOfHMetrics = this.table('hhea').readUInt16BE(34);
  }

  /** The tables of a font file in memory. */
  static parse(data: Buffer): SfntTables {
    const tables = new Map<string, Buffer>();
    for (const { tag, offset, length } of directory(data)) tables.set(tag, data.subarray(offset, offset + length));
    return new SfntTables(tables);
  }

  /**
   * The tables of a font file that the program uses (READ), each read into a buffer of its
   * own; its glyph data (glyf: 14 of a Noto SC face's 15 MB) is read by `glyph` from the file,
   * glyph by glyph, as the PDF's subsets ask for it.
   */
  static read(file: string): SfntTables {
    const fd = fs.openSync(file, 'r');
    const header = Buffer.alloc(12);
    readFully(fd, header, 0, 12, 0);
    if (!SFNT_VERSIONS.has(header.readUInt32BE(0))) {
      fs.closeSync(fd);
      throw new Error(`${file}: a font collection or unsupported font; give a single-face TrueType or OpenType file`);
    }
    const records = Buffer.alloc(12 + 16 * header.readUInt16BE(4));
    header.copy(records);
    readFully(fd, records, 12, records.length - 12, 12);
    const tables = new Map<string, Buffer>();
    let glyf: { file: string; fd: number; offset: number } | undefined;
    for (const { tag, offset, length } of directory(records)) {
      if (tag === 'glyf') glyf = { file, fd, offset };
      else if (READ.has(tag)) {
        const table = Buffer.allocUnsafe(length);
        readFully(fd, table, 0, length, offset);
        tables.set(tag, table);
      }
    }
    // The file stays open while the process runs, for the glyphs.
    if (!glyf) fs.closeSync(fd);
    return new SfntTables(tables, glyf);
  }

  /** Whether the face has TrueType outlines (a glyf table, read or not): else CFF, which fontkit subsets. */
  get trueType(): boolean {
    return this.glyf !== undefined || this.tables.has('glyf');
  }

  table(tag: string): Buffer {
    const t = this.tables.get(tag);
    if (!t) throw new Error(`the font has no '${tag}' table`);
    return t;
  }

  /**
   * Where glyph `gid` starts in `glyf` (gid + 1: where it ends), read from the loca table as
   * asked: a PDF's subsets ask for a few thousand of a CJK face's 65,000 glyphs.
   */
  private glyphOffset(gid: number): number {
    if (this.longLoca === undefined) this.longLoca = this.table('head').readInt16BE(50) === 1;
    const loca = this.table('loca');
    return this.longLoca ? loca.readUInt32BE(4 * gid) : 2 * loca.readUInt16BE(2 * gid);
  }

  /**
   * Read the data of glyphs `gids` ahead, before they are asked for one by one (a PDF's
   * subset, as it is written): sorted by where they lie, those at most RUN_GAP apart in one
   * read of at most a megabyte, through the one buffer large files are read through. A read
   * of a glyph alone cost about 10 µs here, and a subset has hundreds to thousands of glyphs
   * spread over the whole table; the file comes from the page cache at several GB/s.
   */
  preload(gids: readonly number[]): void {
    if (!this.glyf) return;
    const runs: { start: number; end: number; glyphs: { gid: number; start: number; end: number }[] }[] = [];
    const wanted = gids.filter((gid) => !this.glyphsRead.has(gid))
      .map((gid) => ({ gid, start: this.glyphOffset(gid), end: this.glyphOffset(gid + 1) }))
      .sort((a, b) => a.start - b.start);
    for (const glyph of wanted) {
      const run = runs[runs.length - 1];
      if (run && glyph.start - run.end <= RUN_GAP && glyph.end - run.start <= BLOCK) {
        run.end = Math.max(run.end, glyph.end);
        run.glyphs.push(glyph);
      } else {
        runs.push({ start: glyph.start, end: glyph.end, glyphs: [glyph] });
      }
    }
    const { file, offset } = this.glyf;
    let k = 0;
    // One block a run: no run is longer than a block.
    for (const block of fileBlocks(file, runs.map((r): FileRange => [offset + r.start, offset + r.end]))) {
      const run = runs[k++]!;
      for (const g of run.glyphs) this.glyphsRead.set(g.gid, Buffer.from(block.subarray(g.start - run.start, g.end - run.start)));
    }
  }

  /** A glyph's data in `glyf`. */
  glyph(gid: number): Buffer {
    const start = this.glyphOffset(gid);
    const end = this.glyphOffset(gid + 1);
    if (!this.glyf) return this.table('glyf').subarray(start, end);
    let data = this.glyphsRead.get(gid);
    if (!data) {
      data = Buffer.alloc(end - start);
      readFully(this.glyf.fd, data, 0, data.length, this.glyf.offset + start);
      this.glyphsRead.set(gid, data);
    }
    return data;
  }

  /**
   * The glyph id of a code point (0: the font lacks it), as fontkit's cmap lookup gives it; or
   * undefined when the font's Unicode cmap is of another format, for fontkit to look up.
   */
  glyphId(codePoint: number): number | undefined {
    const cmap = this.cmap === undefined ? (this.cmap = this.unicodeCmap()) : this.cmap;
    if (!cmap) return undefined;
    const format = u16(cmap, 0);
    if (format === 4) {
      const segCount = u16(cmap, 6) / 2;
      const ends = 14;
      const starts = ends + 2 * segCount + 2;
      const deltas = starts + 2 * segCount;
      const rangeOffsets = deltas + 2 * segCount;
      let min = 0;
      let max = segCount - 1;
      while (min <= max) {
        const mid = (min + max) >> 1;
        const start = u16(cmap, starts + 2 * mid);
        if (codePoint < start) max = mid - 1;
        else if (codePoint > u16(cmap, ends + 2 * mid)) min = mid + 1;
        else {
          const delta = i16(cmap, deltas + 2 * mid);
          const rangeOffset = u16(cmap, rangeOffsets + 2 * mid);
          if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
          // idRangeOffset counts bytes from its own entry into glyphIdArray, which follows it.
          const at = rangeOffsets + 2 * mid + rangeOffset + 2 * (codePoint - start);
          const inside = at >= rangeOffsets + 2 * segCount && at + 2 <= u16(cmap, 2);
          const gid = inside ? u16(cmap, at) : 0;
          return gid === 0 ? 0 : (gid + delta) & 0xffff;
        }
      }
      return 0;
    }
    // Formats 12 and 13: groups of (first code point, last code point, glyph id), 12 bytes each.
    let min = 0;
    let max = u32(cmap, 12) - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const group = 16 + 12 * mid;
      const start = u32(cmap, group);
      if (codePoint < start) max = mid - 1;
      else if (codePoint > u32(cmap, group + 4)) min = mid + 1;
      else return u32(cmap, group + 8) + (format === 12 ? codePoint - start : 0);
    }
    return 0;
  }

  private unicodeCmap(): Buffer | null {
    const cmap = this.tables.get('cmap');
    if (!cmap) return null;
    const records = cmap.readUInt16BE(2);
    for (const [platform, encoding] of UNICODE_CMAPS) {
      for (let k = 0; k < records; k++) {
        const record = 4 + 8 * k;
        if (cmap.readUInt16BE(record) !== platform || cmap.readUInt16BE(record + 2) !== encoding) continue;
        const table = cmap.subarray(cmap.readUInt32BE(record + 4));
        return [4, 12, 13].includes(table.readUInt16BE(0)) ? table : null;
      }
    }
    return null;
  }

  /** Advance width and left side bearing in font units, as hmtx gives them (the last advance repeats). */
  metrics(gid: number): [number, number] {
    const hmtx = this.table('hmtx');
    const n = this.numberOfHMetrics;
    if (gid < n) return [u16(hmtx, 4 * gid), i16(hmtx, 4 * gid + 2)];
    return [u16(hmtx, 4 * (n - 1)), i16(hmtx, 4 * n + 2 * (gid - n))];
  }
}

/** The table records of a font file's directory (its first bytes). */
function directory(data: Buffer): { tag: string; offset: number; length: number }[] {
  return Array.from({ length: data.readUInt16BE(4) }, (_, k) => {
    const record = 12 + 16 * k;
    return { tag: data.toString('latin1', record, record + 4), offset: data.readUInt32BE(record + 8), length: data.readUInt32BE(record + 12) };
  });
}

/*
 * Big-endian numbers read byte by byte: the cmap's binary search and the advances are read for
 * every character a run meets first, and Buffer's readUInt16BE and readUInt32BE are calls V8
 * runs slowly until its optimising compiler has compiled them in, which a proof does without
 * (src/short-command.ts). Past the end of the table they read 0, where Buffer's would throw.
 */
function u16(b: Uint8Array, at: number): number {
  return ((b[at]! << 8) | b[at + 1]!) >>> 0;
}

function i16(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16)) >> 16;
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

/** Read `length` bytes at `position` of the file into `into` at `offset`, all of them. */
function readFully(fd: number, into: Buffer, offset: number, length: number, position: number): void {
  const read = readAt(fd, into, offset, length, position);
  if (read < length) throw new Error(`the font file ends at byte ${position + read}, inside a table the directory lists`);
}
