/**
 * What a PDF's font dictionaries say of a face (its PostScript name, metrics, bounding box,
 * style flags), read from its head, hhea, OS/2, post and name tables as fontkit reads them.
 * pdfkit asks a font object for these as it embeds a face; reading them here lets a process
 * embed TrueType faces without loading fontkit at all (./font-face.ts).
 */
import type { SfntTables } from './sfnt-tables.js';

export interface FontDescription {
  /** Name ID 6, as fontkit's `postscriptName` gives it; null when the font has none. */
  postscriptName: string | null;
  unitsPerEm: number;
  /** hhea's, in font units. */
  ascent: number;
  descent: number;
  lineGap: number;
  /** OS/2's (version 2 and later; undefined before, as fontkit gives them); capHeight is the ascent without OS/2. */
  xHeight: number | undefined;
  capHeight: number | undefined;
  /** post's, in degrees. */
  italicAngle: number;
  isFixedPitch: boolean;
  /** head's macStyle. */
  italic: boolean;
  /** OS/2's sFamilyClass (0 without OS/2). */
  familyClass: number;
  /** head's bounding box of all glyphs. */
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  /** head's, which pdfkit compares to tell two faces of one name apart. */
  checkSumAdjustment: number;
}

export function describeFont(tables: SfntTables): FontDescription {
  const head = tables.table('head');
  const hhea = tables.table('hhea');
  const post = tables.table('post');
  const os2 = tables.tables.get('OS/2');
  const os2Version = os2 ? os2.readUInt16BE(0) : -1;
  const ascent = hhea.readInt16BE(4);
  return {
    postscriptName: postscriptName(tables.tables.get('name')),
    unitsPerEm: head.readUInt16BE(18),
    ascent,
    descent: hhea.readInt16BE(6),
    lineGap: hhea.readInt16BE(8),
    xHeight: os2Version >= 2 ? os2!.readInt16BE(86) : os2 ? undefined : 0,
    capHeight: os2Version >= 2 ? os2!.readInt16BE(88) : os2 ? undefined : ascent,
    italicAngle: post.readInt32BE(4) / 0x10000,
    isFixedPitch: post.readUInt32BE(12) !== 0,
    italic: (head.readUInt16BE(44) & 0x0002) !== 0,
    familyClass: os2 ? os2.readInt16BE(30) : 0,
    bbox: { minX: head.readInt16BE(36), minY: head.readInt16BE(38), maxX: head.readInt16BE(40), maxY: head.readInt16BE(42) },
    checkSumAdjustment: head.readUInt32BE(8),
  };
}

/**
 * Name ID 6 in English, the Windows record winning over the Macintosh one as it comes later in
 * the table (fontkit keeps the last record of each name and language); else the first record
 * of that name in any language.
 */
function postscriptName(name: Buffer | undefined): string | null {
  if (!name) return null;
  const count = name.readUInt16BE(2);
  const strings = name.readUInt16BE(4);
  let english: string | undefined;
  let any: string | undefined;
  for (let k = 0; k < count; k++) {
    const record = 6 + 12 * k;
    if (name.readUInt16BE(record + 6) !== 6) continue;
    const platform = name.readUInt16BE(record);
    const language = name.readUInt16BE(record + 4);
    const start = strings + name.readUInt16BE(record + 10);
    const bytes = name.subarray(start, start + name.readUInt16BE(record + 8));
    // Windows and Unicode records are UTF-16BE; the Macintosh Roman of a PostScript name is ASCII.
    const text = platform === 1 ? bytes.toString('latin1') : Buffer.from(bytes.subarray(0, bytes.length & ~1)).swap16().toString('utf16le');
    any ??= text;
    if ((platform === 3 && language === 0x409) || (platform === 1 && language === 0)) english = text;
  }
  return english ?? any ?? null;
}
