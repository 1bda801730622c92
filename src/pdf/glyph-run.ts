/**
 * The thin adapter over pdfkit that draws glyph runs at exact positions: one BT … TJ … ET
 * per run, glyph ids through the font's subset, and our own source text as the glyphs'
 * Unicode (fontkit reports the first code point that used a glyph, which may be another).
 */
import type PDFDocument from 'pdfkit';
import type { FontFace } from '../fonts/font-face.js';
import type { GlyphRun } from '../layout/types.js';
import type { PdfkitEmbeddedFont, PdfkitInternals } from './pdfkit-internals.js';

const r3 = (n: number) => Math.round(n * 1000) / 1000;

export class GlyphWriter {
  private readonly fonts = new Map<FontFace, PdfkitEmbeddedFont>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private embedded(face: FontFace): PdfkitEmbeddedFont {
    let font = this.fonts.get(face);
    if (!font) {
      (this.doc as unknown as { registerFont(name: string, src: unknown): void }).registerFont(face.name, face.font);
      this.doc.font(face.name);
      font = (this.doc as unknown as PdfkitInternals)._font;
      this.fonts.set(face, font);
    }
    return font;
  }

  /** Draw a run; invisible glyphs (whose shape is drawn as a rule) get text render mode 3. */
  draw(run: GlyphRun): void {
    let start = 0;
    for (let k = 1; k <= run.glyphs.length; k++) {
      if (k === run.glyphs.length || !!run.glyphs[k]!.invisible !== !!run.glyphs[start]!.invisible) {
        this.drawSlice(run, start, k);
        start = k;
      }
    }
  }

  private drawSlice(run: GlyphRun, from: number, to: number): void {
    const doc = this.doc as unknown as PdfkitInternals;
    const font = this.embedded(run.face);
    const page = doc.page;
    if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
    const toTJ = 1000 / run.size;
    const glyphs = run.glyphs.slice(from, to);
    const x0 = run.x + glyphs[0]!.x * run.size;
    const parts: string[] = [];
    let hex = '';
    let pen = 0; // in TJ units (thousandths of the font size)
    glyphs.forEach((g, k) => {
      const adjust = r3(pen - (g.x * run.size + run.x - x0) * toTJ);
      if (k > 0 && adjust !== 0) {
        parts.push(`<${hex}>`, String(adjust));
        hex = '';
        pen -= adjust;
      }
      const gid = font.subset.includeGlyph(g.id);
      if (font.widths[gid] == null) font.widths[gid] = run.face.fontkitGlyph(g.id).advanceWidth * (1000 / run.face.font.unitsPerEm);
      if (font.unicode[gid] == null) font.unicode[gid] = [...g.text].map((c) => c.codePointAt(0)!);
      hex += gid.toString(16).padStart(4, '0');
      pen += font.widths[gid]!;
    });
    if (hex) parts.push(`<${hex}>`);
    const invisible = glyphs[0]!.invisible;
    this.doc.save();
    this.doc.transform(1, 0, 0, -1, 0, page.height);
    doc.addContent('BT');
    if (invisible) doc.addContent('3 Tr');
    doc.addContent(`1 0 0 1 ${r3(x0)} ${r3(page.height - run.baseline)} Tm`);
    doc.addContent(`/${font.id} ${r3(run.size)} Tf`);
    doc.addContent(`[${parts.join(' ')}] TJ`);
    doc.addContent('ET');
    this.doc.restore();
  }
}
