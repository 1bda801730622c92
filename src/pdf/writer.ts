/**
 * Stage 4: the PDF. Draws laid-out pages with pdfkit: glyph runs through the glyph adapter
 * (each line wrapped in an ActualText span so extraction gives the source text exactly, also
 * on stretched lines and where the 2 em dash is a rule), rules, frames and images, the
 * outline and the document information, with fixed dates so that the same sources give the
 * same bytes. Print output adds bleed, page boxes and crop marks; archive output is PDF/A-2u;
 * proofs get their overlays. The file is written to a temporary name and renamed, so a failed
 * build never leaves a broken PDF in place of the last good one.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { FontFace } from '../fonts/font-face.js';
import type { Page } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import { printColours, screenColours, type ColourScheme } from './colour.js';
import { GlyphWriter } from './glyph-run.js';
import { Tagger } from './tags.js';
import { embeddable } from './truetype-subset.js';
import { drawCropMarks, printOffset, setPageBoxes, type PrintMarks } from './print-marks.js';
import { drawProofMarks, drawWatermark, type ProofOverlay } from './proof-overlay.js';

export interface WriteOptions {
  /** Creation and modification date (fixed, for reproducible output). */
  date: Date;
  print?: PrintMarks;
  /** PDF/A-2u for the archive. */
  archive?: boolean;
  proof?: ProofOverlay;
  /** Pages before body page 1: labelled i, ii … in the PDF's page labels. */
  frontPages?: number;
  /** Called after each page is written (1-based count). */
  onPage?: (written: number) => void;
}

export async function writePdf(pages: Page[], edition: Edition, template: Template, outFile: string, options: WriteOptions): Promise<void> {
  const offset = printOffset(options.print);
  const doc = new PDFDocument({
    size: [template.pageWidth + 2 * offset, template.pageHeight + 2 * offset],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: edition.language,
    displayTitle: true,
    tagged: true,
    ...(options.archive ? { subset: 'PDF/A-2b' as const } : {}),
    info: {
      Title: edition.runningHead,
      Author: edition.compiler ?? '',
      Subject: edition.categories.map((c) => c.title).join('、'),
      Keywords: [edition.title, String(edition.year), ...edition.categories.map((c) => c.title)].join(', '),
      Creator: 'yearbook',
      Producer: 'yearbook (pdfkit)',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
  // pdfkit knows PDF/A-2b; with every glyph mapped to Unicode the file meets level U.
  if (options.archive) (doc as unknown as { subset_conformance: string }).subset_conformance = 'U';
  for (const face of overlayFaces(options)) (doc as unknown as { registerFont(n: string, f: unknown): void }).registerFont(face.name, embeddable(face));
  if (options.print) (doc as unknown as { addSpotColor(name: string, c: number, m: number, y: number, k: number): void }).addSpotColor('All', 100, 100, 100, 100);

  const tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const stream = fs.createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(stream);
  try {
    const colours = options.print ? printColours() : screenColours();
    const glyphs = new GlyphWriter(doc);
    const outline = new OutlineBuilder(doc);
    const tags = new Tagger(doc);
    const labelled = new Set(pages.map((p) => p.label));
    let written = 0;
    for (const page of pages) {
      doc.addPage();
      if (options.print) setPageBoxes(doc, options.print, template.pageWidth, template.pageHeight);
      (doc as unknown as { addNamedDestination(name: string, ...args: unknown[]): void }).addNamedDestination(destination(page.label), 'XYZ', null, null, null);
      outline.add(page);
      doc.save().translate(offset, offset);
      if (options.proof) drawWatermark(doc, options.proof, template.pageWidth, template.pageHeight);
      drawPage(doc, glyphs, tags, page, colours);
      for (const l of page.links) if (labelled.has(l.page)) doc.goTo(l.x, l.y, l.width, l.height, destination(l.page));
      if (options.proof) drawProofMarks(doc, page, options.proof);
      doc.restore();
      if (options.print) drawCropMarks(doc, options.print, template.pageWidth, template.pageHeight, page.label);
      options.onPage?.(++written);
    }
    if (options.frontPages) setPageLabels(doc, options.frontPages);
    tags.end();
    doc.end();
    await finished;
    fs.renameSync(tmp, outFile);
  } catch (e) {
    stream.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function overlayFaces(options: WriteOptions): FontFace[] {
  return [options.print?.labelFace, options.proof?.face].filter((f): f is FontFace => f !== undefined);
}

function drawPage(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, tags: Tagger, page: Page, colours: ColourScheme): void {
  for (const img of page.images) tags.image(img.alt, () => doc.image(img.file, img.x, img.y, { width: img.width, height: img.height }));
  tags.artifact(() => {
    for (const f of page.frames) {
      doc.save().lineWidth(f.stroke).rect(f.x, f.y, f.width, f.height);
      if (f.fill) doc.fillColor(colours.tint).strokeColor(colours.black).fillAndStroke();
      else doc.strokeColor(colours.black).stroke();
      doc.restore();
    }
  });
  doc.save();
  colours.beginInk(doc);
  doc.fillColor(colours.black).strokeColor(colours.black);
  // All text in one block with the page's coordinates set once; rules after it.
  glyphs.beginText();
  const marked = doc as unknown as { markContent(tag: string, o?: object): void; endMarkedContent(): void; addContent(s: string): void };
  for (const line of page.lines) {
    tags.line(line, () => {
      // ActualText: extraction gives the source text, also on stretched lines and where —— is a rule.
      marked.markContent('Span', { actual: line.text });
      marked.addContent(line.runs.map((run) => glyphs.ops(run)).join(''));
      marked.endMarkedContent();
    });
  }
  glyphs.endText();
  tags.artifact(() => {
    for (const r of [...page.lines.flatMap((l) => l.rules), ...page.rules]) {
      if (r.dash) doc.dash(r.dash[0], { space: r.dash[1] });
      doc.lineWidth(r.width).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke();
      if (r.dash) doc.undash();
    }
  });
  doc.restore();
}

function destination(label: string): string {
  return `page-${label}`;
}

/** Page labels: i, ii … for the front matter, then 1, 2 … (pdfkit has no API for them). */
function setPageLabels(doc: PDFKit.PDFDocument, frontPages: number): void {
  const d = doc as unknown as { ref(data: object): { end(): void }; _root: { data: Record<string, unknown> } };
  const labels = d.ref({ Nums: [0, { S: 'r' }, frontPages, { S: 'D', St: 1 }] });
  labels.end();
  d._root.data.PageLabels = labels;
}

/** Bookmarks for 类目, 分目 and 条目, nested by level, each pointing at its page. */
class OutlineBuilder {
  private readonly stack: { level: number; item: PDFKit.PDFOutline }[] = [];

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  add(page: Page): void {
    for (const m of page.marks) {
      while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.level >= m.level) this.stack.pop();
      const parent = this.stack[this.stack.length - 1]?.item ?? this.doc.outline;
      const item = parent.addItem(m.title, { expanded: m.level < 3 });
      this.stack.push({ level: m.level, item });
    }
  }
}
