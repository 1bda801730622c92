/**
 * Print output: the trimmed page is surrounded by the bleed and, outside it, a slug with crop
 * marks and a registration line. Page boxes tell the printer where the trim and bleed are.
 * All lengths in pt.
 */
import type { FontFace } from '../fonts/font-face.js';
import type { PdfkitInternals } from './pdfkit-internals.js';

export interface PrintMarks {
  bleed: number;
  /** Space outside the bleed for the marks. */
  slug: number;
  markLength: number;
  /** The registration line: title, page and build date. */
  label: (page: string) => string;
  labelFace: FontFace;
}

/** How far the trimmed page is moved in from the media edge. */
export function printOffset(p: PrintMarks | undefined): number {
  return p ? p.bleed + p.slug : 0;
}

/** TrimBox and BleedBox in PDF user space (y up) for a trim of w × h. */
export function setPageBoxes(doc: PDFKit.PDFDocument, p: PrintMarks, w: number, h: number): void {
  const o = printOffset(p);
  const data = (doc as unknown as PdfkitInternals).page.dictionary.data;
  data.TrimBox = [o, o, o + w, o + h];
  data.BleedBox = [o - p.bleed, o - p.bleed, o + w + p.bleed, o + h + p.bleed];
}

/** Crop marks at the four corners, outside the bleed, in registration colour (all inks). */
export function drawCropMarks(doc: PDFKit.PDFDocument, p: PrintMarks, w: number, h: number, pageLabel: string): void {
  const o = printOffset(p);
  const start = p.bleed + 2; // a little beyond the bleed so the marks never print on the page
  doc.save().lineWidth(0.25).strokeColor('All');
  for (const [x, y, dx, dy] of [[o, o, -1, -1], [o + w, o, 1, -1], [o, o + h, -1, 1], [o + w, o + h, 1, 1]] as const) {
    doc.moveTo(x + dx * start, y).lineTo(x + dx * (start + p.markLength), y).stroke();
    doc.moveTo(x, y + dy * start).lineTo(x, y + dy * (start + p.markLength)).stroke();
  }
  doc.restore();
  doc.save().fillColor('All').font(p.labelFace.name).fontSize(6)
    .text(p.label(pageLabel), o + p.markLength + 6, o + h + p.bleed + 4, { lineBreak: false }).restore();
}
