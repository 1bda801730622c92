/**
 * The embedded fonts' subsets: what fontkit reads back from them is what the full font has,
 * glyph for glyph (outline, advance), in the order the glyphs were first used; composite
 * glyphs bring their components along, renumbered; the file's checksums are right.
 */
import fs from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/font-config.js';
import { SfntTables } from '../../src/fonts/sfnt-tables.js';
import { fontFile, tableChecksum, TrueTypeSubset } from '../../src/pdf/truetype-subset.js';

const fonts = loadFonts();

function open(data: Buffer): fontkit.Font {
  return fontkit.create(data) as fontkit.Font;
}

/** Sum of the file's big-endian 32-bit words: 0xB1B0AFBA for a whole sfnt with a right head. */
function fileChecksum(data: Buffer): number {
  let sum = 0;
  for (let k = 0; k < data.length; k += 4) sum = (sum + data.readUInt32BE(k)) >>> 0;
  return sum;
}

describe('a table checksum', () => {
  it('is the sum of the big-endian 32-bit words modulo 2^32, over tables longer than a run it sums at a time', () => {
    // Words of all ones make the largest sums; 3 MB is three runs of a megabyte.
    for (const data of [Buffer.alloc(0), Buffer.from([0x12, 0x34, 0x56, 0x78]), Buffer.alloc(3 << 20, 0xff), Buffer.alloc(1 << 20, 0x80), seeded(1 << 20)]) {
      expect(tableChecksum(data)).toBe(fileChecksum(data));
    }
    expect(tableChecksum(Buffer.alloc(8, 0xff))).toBe(0xfffffffe);
  });
});

/** `n` bytes of a fixed pseudo-random sequence. */
function seeded(n: number): Buffer {
  const data = Buffer.alloc(n);
  let x = 2463534242;
  for (let k = 0; k < n; k++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[k] = x & 0xff;
  }
  return data;
}

describe('subset of the body face', () => {
  const face = fonts.face('body');
  // The whole file: the face itself reads glyph data only as the subsets ask for it.
  const whole = open(fs.readFileSync(face.file));
  const text = '上城区总工会年鉴编辑部。，、“”（）——2019';
  const ids = [...text].map((ch) => face.glyph(ch.codePointAt(0)!).id);
  const subset = new TrueTypeSubset(face.tables);
  const cids = ids.map((id) => subset.includeGlyph(id));
  const data = subset.encode();
  const font = open(data);

  it('numbers glyphs in order of first use after .notdef, once each', () => {
    const distinct = [...new Set(ids)];
    expect(subset.glyphs).toEqual([0, ...distinct]);
    expect(cids).toEqual(ids.map((id) => distinct.indexOf(id) + 1));
    expect(font.numGlyphs).toBe(distinct.length + 1);
  });

  it('keeps every glyph outline and advance exactly', () => {
    subset.glyphs.forEach((gid, cid) => {
      const original = whole.getGlyph(gid);
      const copy = font.getGlyph(cid);
      expect(copy.path.toSVG()).toBe(original.path.toSVG());
      expect(copy.advanceWidth).toBe(original.advanceWidth);
    });
    expect(font.unitsPerEm).toBe(whole.unitsPerEm);
  });

  it('is a well-formed sfnt: tables in tag order, the checksum adjustment set', () => {
    expect(fileChecksum(data)).toBe(0xb1b0afba);
    const tags = Array.from({ length: data.readUInt16BE(4) }, (_, k) => data.toString('latin1', 12 + 16 * k, 16 + 16 * k));
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp']));
  });

  it('gives the same bytes for the same glyphs (reproducible PDFs)', () => {
    const again = new TrueTypeSubset(face.tables);
    for (const id of ids) again.includeGlyph(id);
    expect(again.encode().equals(data)).toBe(true);
  });
});

/**
 * A three-glyph font: 0 empty, 1 a triangle, 2 a composite of glyph 1 moved 100 units right.
 * The Noto faces have no composite glyphs, so this one is made here.
 */
function compositeFont(): Buffer {
  const head = Buffer.alloc(54);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt32BE(0x5f0f3cf5, 12);
  head.writeUInt16BE(1000, 18);
  head.writeInt16BE(1, 50);
  const hhea = Buffer.alloc(36);
  hhea.writeUInt32BE(0x00010000, 0);
  hhea.writeInt16BE(880, 4);
  hhea.writeInt16BE(-120, 6);
  hhea.writeUInt16BE(3, 34);
  const maxp = Buffer.alloc(32);
  maxp.writeUInt32BE(0x00010000, 0);
  maxp.writeUInt16BE(3, 4);
  const triangle = Buffer.alloc(10 + 2 + 2 + 3 + 12);
  triangle.writeInt16BE(1, 0);
  triangle.writeInt16BE(500, 6);
  triangle.writeInt16BE(700, 8);
  triangle.writeUInt16BE(2, 10); // last point of the contour
  triangle.writeUInt16BE(0, 12); // no instructions
  triangle.fill(1, 14, 17); // on-curve points, 16-bit coordinates
  [0, 500, -250].forEach((dx, k) => triangle.writeInt16BE(dx, 17 + 2 * k));
  [0, 0, 700].forEach((dy, k) => triangle.writeInt16BE(dy, 23 + 2 * k));
  const composite = Buffer.alloc(10 + 8);
  composite.writeInt16BE(-1, 0);
  composite.writeInt16BE(600, 6);
  composite.writeInt16BE(700, 8);
  composite.writeUInt16BE(0x0001 | 0x0002, 10); // 16-bit arguments, x/y offsets; last component
  composite.writeUInt16BE(1, 12);
  composite.writeInt16BE(100, 14);
  composite.writeInt16BE(0, 16);
  const glyphs = [Buffer.alloc(0), triangle, Buffer.concat([composite, Buffer.alloc(2)])];
  const loca = Buffer.alloc(16);
  let offset = 0;
  glyphs.forEach((g, k) => {
    loca.writeUInt32BE(offset, 4 * k);
    offset += g.length;
  });
  loca.writeUInt32BE(offset, 12);
  const hmtx = Buffer.alloc(12);
  [500, 600, 700].forEach((advance, k) => hmtx.writeUInt16BE(advance, 4 * k));
  return fontFile(new Map([['head', head], ['hhea', hhea], ['maxp', maxp], ['hmtx', hmtx], ['loca', loca], ['glyf', Buffer.concat(glyphs)]]));
}

describe('composite glyphs', () => {
  it('bring their components into the subset, with the component ids rewritten', () => {
    const original = open(compositeFont());
    const subset = new TrueTypeSubset(SfntTables.parse(compositeFont()));
    expect(subset.includeGlyph(2)).toBe(1);
    const font = open(subset.encode());
    expect(subset.glyphs).toEqual([0, 2, 1]);
    expect(font.numGlyphs).toBe(3);
    expect(font.getGlyph(1).path.toSVG()).toBe(original.getGlyph(2).path.toSVG());
    expect(font.getGlyph(1).path.toSVG()).toBe('M100 0L600 0L350 700Z');
    expect(font.getGlyph(2).path.toSVG()).toBe(original.getGlyph(1).path.toSVG());
    expect([1, 2].map((k) => font.getGlyph(k).advanceWidth)).toEqual([700, 600]);
  });
});
