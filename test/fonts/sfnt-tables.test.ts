/**
 * Glyph ids read straight from a font's cmap: the same as fontkit's lookup for every code
 * point of the BMP and a spread of the supplementary planes, in the format-12 table the
 * configured faces use and in their format-4 table, which fontkit takes when no 32-bit
 * table is there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it, vi } from 'vitest';
import { loadFonts } from '../../src/fonts/font-config.js';
import { SfntTables } from '../../src/fonts/sfnt-tables.js';

const fonts = loadFonts();

const CODE_POINTS: number[] = [];
for (let c = 0; c < 0x10000; c++) CODE_POINTS.push(c);
for (let c = 0x10000; c <= 0x10ffff; c += 97) CODE_POINTS.push(c);

/** Where our lookup and fontkit's differ (code point, ours, fontkit's), the first few. */
function differences(data: Buffer): [number, number | undefined, number][] {
  const ours = SfntTables.parse(data);
  const theirs = fontkit.create(data) as fontkit.Font;
  const out: [number, number | undefined, number][] = [];
  for (const c of CODE_POINTS) {
    const a = ours.glyphId(c);
    const b = theirs.glyphForCodePoint(c).id;
    if (a !== b && out.length < 5) out.push([c, a, b]);
  }
  return out;
}

/** The cmap's encoding records, (platform, encoding, subtable format). */
function records(data: Buffer): [number, number, number][] {
  const cmap = SfntTables.parse(data).table('cmap');
  return Array.from({ length: cmap.readUInt16BE(2) }, (_, k) => {
    const r = 4 + 8 * k;
    return [cmap.readUInt16BE(r), cmap.readUInt16BE(r + 2), cmap.readUInt16BE(cmap.readUInt32BE(r + 4))];
  });
}

describe('glyph ids from the cmap', () => {
  for (const role of ['body', 'heading'] as const) {
    const face = fonts.face(role);
    const data = fs.readFileSync(face.file);

    it(`match fontkit's in the ${role} face's format-12 table`, () => {
      expect(records(data)).toContainEqual([3, 10, 12]);
      expect(differences(data)).toEqual([]);
      expect(SfntTables.parse(data).glyphId('上'.codePointAt(0)!)).toBeGreaterThan(0);
    });

    it(`match fontkit's in the ${role} face's format-4 table`, () => {
      // Hide the 32-bit tables (platform 9 is none): both readers fall back to (3, 1), format 4.
      const copy = Buffer.from(data);
      const cmap = SfntTables.parse(copy).table('cmap');
      for (let k = 0; k < cmap.readUInt16BE(2); k++) {
        const r = 4 + 8 * k;
        if (cmap.readUInt16BE(cmap.readUInt32BE(r + 4)) !== 4) cmap.writeUInt16BE(9, r);
      }
      expect(records(copy).filter(([p]) => p !== 9).map(([, , format]) => format)).toEqual([4, 4]);
      expect(differences(copy)).toEqual([]);
      expect(SfntTables.parse(copy).glyphId('上'.codePointAt(0)!)).toBe(SfntTables.parse(data).glyphId('上'.codePointAt(0)!));
    });
  }
});

describe('a font file read without its glyph data', () => {
  const file = fonts.face('body').file;
  const whole = SfntTables.parse(fs.readFileSync(file));
  const tables = SfntTables.read(file);

  it('has the tables the program uses as the file has them, and neither glyf nor those only fontkit reads', () => {
    const read = ['OS/2', 'cmap', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'prep'];
    expect([...tables.tables.keys()].sort()).toEqual(read.filter((tag) => whole.tables.has(tag)));
    for (const tag of tables.tables.keys()) expect(tables.table(tag).equals(whole.table(tag)), tag).toBe(true);
    // Left in the file: vertical metrics and OpenType layout.
    for (const tag of ['vmtx', 'GPOS', 'GSUB']) expect(whole.tables.has(tag) && !tables.tables.has(tag), tag).toBe(true);
    expect(tables.trueType).toBe(true);
  });

  it('reads each glyph from the file as it is asked for, the same bytes', () => {
    const ids = [...'上城区总工会年鉴，。“”'].map((ch) => whole.glyphId(ch.codePointAt(0)!)!);
    for (const id of ids) {
      expect(id).toBeGreaterThan(0);
      expect(tables.glyph(id).equals(whole.glyph(id))).toBe(true);
    }
    expect(tables.tables.has('glyf')).toBe(false);
  });

  it("reads a subset's glyphs ahead, those near each other in one read, the same bytes", () => {
    // The distinct characters of the sample's first 类目, as a book's subset holds them.
    const dir = 'content/2019/01-qunzhong-tuanti';
    const text = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('');
    const ids = [...new Set([...text].map((ch) => whole.glyphId(ch.codePointAt(0)!)!))].filter((id) => id > 0);
    expect(ids.length).toBeGreaterThan(500);
    const fresh = SfntTables.read(file);
    const reads = vi.spyOn(fs, 'readSync');
    try {
      fresh.preload(ids);
      const ahead = reads.mock.calls.length;
      expect(ahead).toBeLessThan(ids.length / 4);
      for (const id of ids) expect(fresh.glyph(id).equals(whole.glyph(id)), String(id)).toBe(true);
      // Nothing read again once read ahead.
      expect(reads.mock.calls.length).toBe(ahead);
    } finally {
      reads.mockRestore();
    }
  });

  it('refuses a font collection, WOFF and WOFF2 with a message that says what to give instead', () => {
    // So fontkit is never given a WOFF or WOFF2 font to decode.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-ttc-'));
    for (const [name, signature] of [['fonts.ttc', 'ttcf'], ['font.woff', 'wOFF'], ['font.woff2', 'wOF2']] as const) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, Buffer.concat([Buffer.from(signature), Buffer.alloc(60)]));
      expect(() => SfntTables.read(file)).toThrow(new RegExp(`${name.replace('.', '\\.')}: a font collection or unsupported font; give a single-face TrueType or OpenType file`));
    }
  });
});
