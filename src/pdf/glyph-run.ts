/**
 * The thin adapter over pdfkit that draws glyph runs at exact positions: one BT … TJ … ET
 * per run, glyph ids through the font's subset, and our own source text as the glyphs'
 * Unicode (fontkit reports the first code point that used a glyph, which may be another).
 */
import type { FontFace } from '../fonts/font-face.js';
import type { GlyphRun } from '../layout/types.js';
import { LineGlyphsBuilder } from '../typeset/line-glyphs.js';
import { ContentBytes } from './content-bytes.js';
import type { PdfkitEmbeddedFont, PdfkitInternals } from './pdfkit-internals.js';
import { embeddable } from './truetype-subset.js';

const r3 = (n: number) => Math.round(n * 1000) / 1000;

// The text operators of a run around its numbers (written by ContentBytes.number), as bytes.
const BEGIN = Buffer.from('BT\n1 0 0 1 ', 'latin1');
const BEGIN_INVISIBLE = Buffer.from('BT\n3 Tr\n1 0 0 1 ', 'latin1');
const SIZE_AND_OPEN = Buffer.from(' Tf\n[(', 'latin1');
const END = Buffer.from(')] TJ\nET\n', 'latin1');
const END_INVISIBLE = Buffer.from(')] TJ\n0 Tr\nET\n', 'latin1');
const SPACE = 0x20;
const OPEN = 0x28;
const CLOSE = 0x29;

export class GlyphWriter {
  private readonly fonts = new Map<FontFace, Embedded>();
  /** The buffer text operators are written into, reused from line to line and page to page. */
  readonly bytes = new ContentBytes();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  /** The faces embedded so far, in the order of first use. */
  get faces(): FontFace[] {
    return [...this.fonts.keys()];
  }

  private embedded(face: FontFace): Embedded {
    let embedded = this.fonts.get(face);
    if (!embedded) {
      (this.doc as unknown as PdfkitInternals).registerFont(face.name, embeddable(face));
      this.doc.font(face.name);
      const font = (this.doc as unknown as PdfkitInternals)._font;
      embedded = { font, subsetIds: new Uint16Array(0x10000), selected: Buffer.from(` Tm\n/${font.id} `, 'latin1'), page: undefined };
      this.fonts.set(face, embedded);
    }
    return embedded;
  }

  /**
   * The text operators of a run, in PDF user space (y up): the caller draws them between
   * `beginText` and `endText`, which set the page's coordinates once for all its lines.
   * Invisible glyphs (whose shape is drawn as a rule) are set in text render mode 3.
   */
  ops(run: GlyphRun, out: ContentBytes): void {
    const invisible = run.glyphs.invisible;
    let start = run.from;
    for (let k = start + 1; k <= run.to; k++) {
      if (k === run.to || invisible[k] !== invisible[start]) {
        this.sliceOps(run, start, k, out);
        start = k;
      }
    }
  }

  /**
   * Draw runs of plain text (`plainRun`), their first glyphs' origins at (x, baseline) in
   * pdfkit's coordinates, for marks around the page (a proof's watermark and line numbers), as
   * one piece of the content stream: pdfkit's own text() would shape them with fontkit, whose
   * first use costs tens of ms.
   */
  plain(runs: readonly GlyphRun[]): void {
    this.beginText();
    const out = this.bytes.reset();
    for (const run of runs) this.ops(run, out);
    // As pdfkit ends every piece of content it is given as a string.
    out.byte(0x0a);
    (this.doc as unknown as PdfkitInternals).addContent(out.take());
    this.endText();
  }

  /** Undo pdfkit's top-down page coordinates, so text operators work in PDF user space. */
  beginText(): void {
    const page = (this.doc as unknown as PdfkitInternals).page;
    this.doc.save();
    this.doc.transform(1, 0, 0, -1, 0, page.height);
  }

  endText(): void {
    this.doc.restore();
  }

  private sliceOps(run: GlyphRun, from: number, to: number, out: ContentBytes): void {
    const embedded = this.embedded(run.face);
    const { font, subsetIds, selected } = embedded;
    const page = (this.doc as unknown as PdfkitInternals).page;
    // Looked up once a page: each page's font dictionary gets its names (F1, F2 …) in its own
    // order, an object shape of its own, and a lookup in every run was one of many shapes.
    if (embedded.page !== page) {
      embedded.page = page;
      if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    }
    const toTJ = 1000 / run.size;
    const { ids, xs, codePoints } = run.glyphs;
    const x0 = run.x + xs[from]! * run.size;
    const { subset, widths, unicode } = font;
    const toWidth = 1000 / run.face.unitsPerEm;
    const invisible = run.glyphs.invisible[from] === 1;
    out.bytes(invisible ? BEGIN_INVISIBLE : BEGIN);
    out.number(x0);
    out.byte(SPACE);
    out.number(page.height - run.baseline);
    out.bytes(selected);
    out.number(run.size);
    out.bytes(SIZE_AND_OPEN);
    let pen = 0; // in TJ units (thousandths of the font size)
    for (let k = from; k < to; k++) {
      const adjust = r3(pen - (xs[k]! * run.size + run.x - x0) * toTJ);
      if (k > from && adjust !== 0) {
        out.byte(CLOSE);
        out.byte(SPACE);
        out.number(adjust);
        out.byte(SPACE);
        out.byte(OPEN);
        pen -= adjust;
      }
      const id = ids[k]!;
      let gid = subsetIds[id]! - 1;
      if (gid < 0) {
        // On first use of a glyph in this PDF: its width and text, for the font's /W and ToUnicode.
        gid = subset.includeGlyph(id);
        subsetIds[id] = gid + 1;
        widths[gid] ??= run.face.tables.metrics(id)[0] * toWidth;
        unicode[gid] ??= [codePoints[k]!];
      }
      out.literal16(gid);
      pen += widths[gid]!;
    }
    out.bytes(invisible ? END_INVISIBLE : END);
  }
}

/** A face embedded in this PDF: pdfkit's font, and each glyph's id in its subset plus one (0: not yet used). */
interface Embedded {
  font: PdfkitEmbeddedFont;
  subsetIds: Uint16Array;
  /** ` Tm\n/F1 `: the end of a run's text matrix, then the font's name before its size. */
  selected: Buffer;
  /** The last page a run of this face was written on (its font dictionary names the face). */
  page: object | undefined;
}

/**
 * `text` in `face` at `size` as a run of glyphs at their advances, starting at x = 0 (set `x`
 * to place it), and its width in pt.
 */
export function plainRun(face: FontFace, size: number, text: string, baseline: number): { run: GlyphRun; width: number } {
  const chars = [...text];
  const line = new LineGlyphsBuilder(chars.length);
  let pen = 0;
  for (const ch of chars) {
    const g = face.glyph(ch.codePointAt(0)!);
    line.add(face, g.id, pen, ch, false);
    pen += g.advance;
  }
  return { run: { face, size, x: 0, baseline, glyphs: line.glyphs, from: 0, to: chars.length }, width: pen * size };
}
