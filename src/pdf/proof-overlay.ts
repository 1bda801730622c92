/**
 * Proof overlays (校样): a diagonal watermark with the proof round and date, numbers beside the
 * lines of each column so an editor can write "p.12 右栏 第17行", and bars in the outer margin
 * beside lines whose text changed since the previous proof. They are drawn around the page,
 * never moving anything on it, so the layout is the book's own.
 */
import type { FontFace } from '../fonts/font-face.js';
import type { GlyphRun, Page, WrittenPage } from '../layout/types.js';
import { plainRun, type GlyphWriter } from './glyph-run.js';

export interface ProofOverlay {
  watermark: string;
  face: FontFace;
  lineNumbers: boolean;
  /** Lines whose text changed since the previous proof, keyed by proofLineKey. */
  changed: ReadonlySet<string>;
  columnWidth: number;
}

/** The lines that proof numbering counts: text in columns, top to bottom, per column. */
export function numberedLines(page: WrittenPage): { column: number; number: number; baseline: number; text: string }[] {
  const out: { column: number; number: number; baseline: number; text: string }[] = [];
  page.columns.forEach((_, column) => {
    const lines = page.lines.filter((l) => l.column === column).sort((a, b) => a.baseline - b.baseline);
    let n = 0;
    let last = Number.NaN;
    for (const l of lines) {
      if (Math.abs(l.baseline - last) < 0.01) continue; // a byline sharing the line
      last = l.baseline;
      out.push({ column, number: ++n, baseline: l.baseline, text: l.text });
    }
  });
  return out;
}

/** Where text whose top is at `top` stands, as pdfkit's text() would place it: its baseline. */
function baselineBelow(top: number, face: FontFace, size: number): number {
  return top + (face.description.ascent / face.unitsPerEm) * size;
}

/** The watermark goes under the page, so it never hides a character. */
export function drawWatermark(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, o: ProofOverlay, pageWidth: number, pageHeight: number): void {
  const size = 48;
  doc.save();
  doc.fillColor([0, 0, 0, 15]);
  doc.rotate(-35, { origin: [pageWidth / 2, pageHeight / 2] });
  const { run, width } = plainRun(o.face, size, o.watermark, baselineBelow(pageHeight / 2 - 24, o.face, size));
  run.x = pageWidth / 2 - width / 2;
  glyphs.plain([run]);
  doc.restore();
}

/** Line numbers and change bars, in the margins beside each column. */
export function drawProofMarks(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, page: Page, o: ProofOverlay): void {
  const numbers: GlyphRun[] = [];
  for (const l of numberedLines(page)) {
    const x = page.columns[l.column]!;
    if (o.lineNumbers) {
      const { run, width } = plainRun(o.face, 5, String(l.number), baselineBelow(l.baseline - 4.2, o.face, 5));
      run.x = x - 3 - width;
      numbers.push(run);
    }
    if (o.changed.has(proofLineKey(page.number, l.column, l.number))) {
      const outer = l.column === 0 ? x - 12 : x + o.columnWidth + 8;
      doc.save().lineWidth(1.5).strokeColor([0, 100, 100, 0]).moveTo(outer, l.baseline - 8).lineTo(outer, l.baseline + 2).stroke().restore();
    }
  }
  // The page's numbers in one piece (a page has some ninety).
  if (numbers.length === 0) return;
  doc.save().fillColor([0, 0, 0, 60]);
  glyphs.plain(numbers);
  doc.restore();
}

export function proofLineKey(page: number, column: number, lineNumber: number): string {
  return `${page}:${column}:${lineNumber}`;
}
