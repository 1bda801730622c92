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
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import type { FontFace } from '../fonts/font-face.js';
import { writtenPage, type Page, type WrittenPage } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import { printColours, screenColours, type ColourScheme } from './colour.js';
import { writeActualTextSpan } from './actual-text.js';
import { GlyphWriter } from './glyph-run.js';
import { imageSource } from './image-source.js';
import type { PdfkitInternals, PdfkitOutput, PdfkitPage, PdfkitTrees } from './pdfkit-internals.js';
import { Tagger } from './tags.js';
import { FileSink } from './file-sink.js';
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
  /** A book: its front matter comes with writeFront, numbered i, ii … apart from the body. */
  frontMatter?: boolean;
  /** false: streams are not deflated (a file several times larger, written faster). */
  compress?: boolean;
}

/**
 * A PDF being written, page by page: a build hands it each page as it is laid out and keeps
 * only its text (WrittenPage), so memory holds a page's glyphs at a time. The
 * front matter, laid out last because it shows the body's page numbers, is written last and
 * placed first (`writeFront`). Nothing is in place until `finish`; `abort` removes the file.
 */
export class PdfWriter {
  private readonly doc: PDFKit.PDFDocument;
  private readonly tmp: string;
  private readonly file: FileSink;
  private readonly colours: ColourScheme;
  private readonly glyphs: GlyphWriter;
  private readonly outline: OutlineBuilder;
  private readonly tags: Tagger;
  private readonly offset: number;
  /** Labels of the pages written so far: links go only to these (a proof holds a few pages). */
  private readonly labelled = new Set<string>();
  /** Pages written with writeFront. */
  private frontPages = 0;

  constructor(edition: Edition, private readonly template: Template, private readonly outFile: string, private readonly options: WriteOptions) {
    this.offset = printOffset(options.print);
    const doc = new PDFDocument({
      size: [template.pageWidth + 2 * this.offset, template.pageHeight + 2 * this.offset],
      margin: 0,
      autoFirstPage: false,
      compress: options.compress ?? true,
      // No default font: pdfkit would read Helvetica's metrics, a font the book never uses.
      font: null as unknown as string,
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
    this.doc = doc;
    // A name tree's keys go in the order of their bytes (ISO 32000-1 §7.9.6). pdfkit sorts them
    // with localeCompare, whose first call sets up ICU's collator (about 14 ms of every build).
    (doc as unknown as PdfkitTrees)._root.data.Names.data.Dests._compareKeys = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
    // pdfkit knows PDF/A-2b; with every glyph mapped to Unicode the file meets level U.
    if (options.archive) (doc as unknown as PdfkitInternals).subset_conformance = 'U';
    for (const face of overlayFaces(options)) (doc as unknown as PdfkitInternals).registerFont(face.name, embeddable(face));
    if (options.print) (doc as unknown as PdfkitInternals).addSpotColor('All', 100, 100, 100, 100);

    this.tmp = path.join(path.dirname(outFile), `.${path.basename(outFile)}.${process.pid}.tmp`);
    try {
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      removeAbandoned(outFile);
      this.file = new FileSink(this.tmp);
    } catch (e) {
      throw new Error(`cannot write ${outFile} (${WRITE_ERRORS[(e as NodeJS.ErrnoException).code ?? ''] ?? (e as Error).message}): give another file with -o, in a folder you may write to`);
    }
    this.file.attach(doc);
    this.colours = options.print ? printColours() : screenColours();
    this.glyphs = new GlyphWriter(doc);
    this.outline = new OutlineBuilder(doc);
    this.tags = new Tagger(doc, options.frontMatter === true);
  }

  /** Write pages after those written so far, each as it is taken; returns what is kept of them. */
  write(pages: Iterable<Page>): WrittenPage[] {
    const written: WrittenPage[] = [];
    for (const page of pages) written.push(this.writePage(page));
    this.tags.endElements();
    return written;
  }

  /** Write pages and place them before all the others: in the page order, the outline and the structure tree. */
  writeFront(pages: readonly Page[]): WrittenPage[] {
    const trees = this.doc as unknown as PdfkitTrees;
    const kids = trees._root.data.Pages.data.Kids;
    const before = kids.length;
    const items = trees.outline.children;
    const itemsBefore = items.length;
    this.tags.front();
    const written = this.write(pages);
    this.tags.body();
    this.frontPages += written.length;
    kids.unshift(...kids.splice(before));
    items.unshift(...items.splice(itemsBefore));
    return written;
  }

  /** Set the page labels, close the structure tree and the file, and put it in place. */
  async finish(): Promise<void> {
    if (this.frontPages > 0) setPageLabels(this.doc, this.frontPages);
    this.tags.end();
    this.doc.end();
    // pdfkit ends the file as it ends the document, unless something it embeds is still loading.
    if ((this.doc as unknown as PdfkitOutput)._waiting !== 0) throw new Error('pdfkit did not finish the PDF: an embedded object is still loading');
    this.file.close();
    fs.renameSync(this.tmp, this.outFile);
  }

  /** Give up: nothing is written where the PDF would go. */
  abort(): void {
    this.file.abort();
    fs.rmSync(this.tmp, { force: true });
  }

  /** The faces whose glyphs are in the file (for the archive manifest). */
  get faces(): FontFace[] {
    return this.glyphs.faces;
  }

  private writePage(page: Page): WrittenPage {
    const { doc, options, template, offset } = this;
    doc.addPage();
    if (options.print) setPageBoxes(doc, options.print, template.pageWidth, template.pageHeight);
    (doc as unknown as PdfkitInternals).addNamedDestination(destination(page.label), 'XYZ', null, null, null);
    this.labelled.add(page.label);
    this.outline.add(page);
    doc.save().translate(offset, offset);
    const proof = options.proof;
    if (proof) this.tags.artifact(() => drawWatermark(doc, this.glyphs, proof, template.pageWidth, template.pageHeight));
    drawPage(doc, this.glyphs, this.tags, page, this.colours);
    for (const l of page.links) if (this.labelled.has(l.page)) doc.goTo(l.x, l.y, l.width, l.height, destination(l.page));
    if (proof) this.tags.artifact(() => drawProofMarks(doc, this.glyphs, page, proof));
    doc.restore();
    if (options.print) drawCropMarks(doc, options.print, template.pageWidth, template.pageHeight, page.label);
    if (options.compress !== false) deflateContent((doc as unknown as PdfkitInternals).page);
    return writtenPage(page);
  }
}

/**
 * Deflate a finished page's content stream at level 3 rather than pdfkit's 6: half the time
 * (0.24 against 0.55 s for the N=40 book's pages, measured when glyph ids were written in hex),
 * for streams 10% larger, since text operators gain little from the slower levels. pdfkit
 * then writes it as it is, still marked FlateDecode.
 */
function deflateContent(page: PdfkitPage): void {
  const content = page.content;
  content.buffer = [zlib.deflateSync(Buffer.concat(content.buffer), { level: 3 })];
  content.compress = false;
}

/** Why a PDF cannot be written where it should go, said of the place, not of the temporary file. */
const WRITE_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such folder',
  ENOTDIR: 'a file stands where a folder should be',
  EEXIST: 'a file stands where a folder should be',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left on the disk',
};

/**
 * Remove the temporary files that writers of `outFile` stopped before finishing left behind:
 * a build interrupted with Ctrl-C ends at once, its work being synchronous, without removing
 * its file. One whose process is still running (another build of the same file) is left.
 */
function removeAbandoned(outFile: string): void {
  const prefix = `.${path.basename(outFile)}.`;
  const dir = path.dirname(outFile);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    // A folder that may be written but not listed: writing tells.
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Write a whole PDF of these pages (a proof; a book is written as it is laid out, see build.ts). */
export async function writePdf(pages: Page[], edition: Edition, template: Template, outFile: string, options: WriteOptions): Promise<void> {
  const writer = new PdfWriter(edition, template, outFile, options);
  try {
    writer.write(pages);
    await writer.finish();
  } catch (e) {
    writer.abort();
    throw e;
  }
}

function overlayFaces(options: WriteOptions): FontFace[] {
  return [options.print?.labelFace, options.proof?.face].filter((f): f is FontFace => f !== undefined);
}

function drawPage(doc: PDFKit.PDFDocument, glyphs: GlyphWriter, tags: Tagger, page: Page, colours: ColourScheme): void {
  for (const img of page.images) tags.image(img.alt, () => doc.image(imageSource(doc, img.file), img.x, img.y, { width: img.width, height: img.height }));
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
  // The lines' operators and markers as one piece of the content stream.
  const out = glyphs.bytes.reset();
  for (const line of page.lines) {
    tags.line(line, out, () => writeActualTextSpan(out, line.text, () => {
      for (const run of line.runs) glyphs.ops(run, out);
    }));
  }
  if (page.lines.length > 0) (doc as unknown as PdfkitInternals).addContent(out.take());
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
  const labels = (doc as unknown as PdfkitInternals).ref({ Nums: [0, { S: 'r' }, frontPages, { S: 'D', St: 1 }] });
  labels.end();
  (doc as unknown as PdfkitTrees)._root.data.PageLabels = labels;
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
