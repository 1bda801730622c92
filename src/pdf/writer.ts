/**
 * Stage 4: the PDF. Draws laid-out pages with pdfkit: glyph runs through the glyph adapter
 * (each line wrapped in an ActualText span so extraction gives the source text exactly,
 * also on stretched lines and where the 2 em dash is a rule), rules, frames and images,
 * the outline, and the document information with fixed dates for reproducible output.
 * The file is written to a temporary name and renamed, so a failed build never leaves a
 * broken PDF in place of the last good one.
 */
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Edition } from '../model/document.js';
import type { Page, PageLine } from '../layout/types.js';
import type { Template } from '../template/template.js';
import { GlyphWriter } from './glyph-run.js';

/** Process black: text and rules in K only. */
const BLACK: [number, number, number, number] = [0, 0, 0, 100];

export interface WriteOptions {
  /** Fixed creation date (reproducible builds). */
  date: Date;
}

export async function writePdf(pages: Page[], edition: Edition, template: Template, outFile: string, options: WriteOptions): Promise<void> {
  const doc = new PDFDocument({
    size: [template.pageWidth, template.pageHeight],
    margin: 0,
    autoFirstPage: false,
    pdfVersion: '1.7',
    lang: edition.language,
    displayTitle: true,
    info: {
      Title: edition.runningHead,
      Author: edition.compiler ?? '',
      Subject: edition.categories.map((c) => c.title).join('、'),
      Creator: 'yearbook',
      Producer: 'yearbook (pdfkit)',
      CreationDate: options.date,
      ModDate: options.date,
    },
  });
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
    const glyphs = new GlyphWriter(doc);
    const outline = new OutlineBuilder(doc);
    for (const page of pages) {
      doc.addPage();
      outline.add(page);
      drawPage(doc, glyphs, page);
    }
    doc.end();
    await finished;
    fs.renameSync(tmp, outFile);
  } catch (e) {
    stream.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

function drawPage(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, page: Page): void {
  for (const img of page.images) doc.image(img.file, img.x, img.y, { width: img.width, height: img.height });
  for (const f of page.frames) {
    doc.save().lineWidth(f.stroke).rect(f.x, f.y, f.width, f.height);
    if (f.fill) doc.fillColor([0, 0, 0, 6]).strokeColor(BLACK).fillAndStroke();
    else doc.strokeColor(BLACK).stroke();
    doc.restore();
  }
  doc.fillColor(BLACK);
  for (const line of page.lines) drawLine(doc, glyphs, line);
  for (const r of page.rules) doc.save().lineWidth(r.width).strokeColor(BLACK).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke().restore();
}

function drawLine(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, line: PageLine): void {
  const marked = doc as unknown as { markContent(tag: string, o?: object): void; endMarkedContent(): void };
  marked.markContent('Span', { actual: line.text });
  for (const run of line.runs) glyphs.draw(run);
  marked.endMarkedContent();
  for (const r of line.rules) doc.save().lineWidth(r.width).strokeColor(BLACK).moveTo(r.x1, r.y1).lineTo(r.x2, r.y2).stroke().restore();
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
