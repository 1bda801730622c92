/**
 * Page images of a built PDF: one PNG per page at the chosen resolution, and a contact sheet
 * (thumbnails in rows, the printed page number under each) for every forty pages, for looking
 * at pages without a PDF viewer, in a review or a chat. A whole book on one sheet would be an
 * image of 1100 × 40,000 pixels at 400 pages, which viewers and ImageMagick refuse, and held
 * whole in memory while it was drawn. Pages are drawn by pdfjs onto @napi-rs/canvas canvases
 * (see pdfjs-node.ts), with the fonts embedded in the PDF.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readPageRecord } from '../pdf/page-record.js';
import { DEFAULT_DPI, PER_ROW, PER_SHEET, THUMBNAIL_DPI } from './defaults.js';
import { selectPages } from './page-range.js';
import { openPdf, type CanvasModule, type NodeCanvas } from './pdfjs-node.js';

export interface PreviewOptions {
  /** Resolution of the page images (default 100 dpi). */
  dpi?: number;
  /** Pages by their printed numbers: '3', '1-4', 'i-iii', '5-' (default: all). */
  pages?: string;
  /** Folder for the images (default out/preview/<name of the PDF>). */
  outDir?: string;
  /** Resolution of the contact sheet's thumbnails (default 30 dpi). */
  thumbnailDpi?: number;
  /** Thumbnails per row of the contact sheet (default 4). */
  perRow?: number;
  /** Thumbnails per contact sheet (default 40). */
  perSheet?: number;
}

export interface PreviewPage {
  /** 1-based page of the PDF. */
  index: number;
  /** The printed page number (page label). */
  label: string;
  file: string;
  /** Size of the image in pixels. */
  width: number;
  height: number;
}

export interface PreviewResult {
  dir: string;
  dpi: number;
  pages: PreviewPage[];
  /** The contact sheets, in page order: contact-sheet.png, or contact-sheet-01.png, -02 … where there are several. */
  contactSheets: string[];
}

export const CONTACT_SHEET = 'contact-sheet.png';
const PAGE_FILE = /^page-\d+(?:-.*)?\.png$/;
const SHEET_FILE = /^contact-sheet(?:-\d+)?\.png$/;

/** The file name of contact sheet `n` (from 0) of `count`. */
function sheetName(n: number, count: number): string {
  return count === 1 ? CONTACT_SHEET : `contact-sheet-${String(n + 1).padStart(Math.max(2, String(count).length), '0')}.png`;
}

/** Image size of a page box of `pt` points at `dpi`. */
export function pixels(pt: number, dpi: number): number {
  return Math.max(1, Math.round((pt * dpi) / 72));
}

export async function previewPdf(pdfFile: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const thumbDpi = options.thumbnailDpi ?? THUMBNAIL_DPI;
  const perRow = options.perRow ?? PER_ROW;
  const perSheet = options.perSheet ?? PER_SHEET;
  const name = path.basename(pdfFile).replace(/\.pdf$/i, '');
  const dir = path.resolve(options.outDir ?? path.join('out', 'preview', name));

  const { task, doc, canvas } = await openPdf(fs.readFileSync(pdfFile));
  try {
    const labels = await pageLabels(doc, pdfFile);
    const selected = selectPages(options.pages, labels);
    fs.mkdirSync(dir, { recursive: true });
    // Images of an earlier run would mix with these.
    for (const f of fs.readdirSync(dir)) if (PAGE_FILE.test(f) || SHEET_FILE.test(f)) fs.rmSync(path.join(dir, f));

    const digits = Math.max(3, String(doc.numPages).length);
    const sizes = await Promise.all(selected.map(async (k) => (await doc.getPage(k + 1)).getViewport({ scale: 1 })));
    const thumbs = sizes.map((v) => ({ width: pixels(v.width, thumbDpi), height: pixels(v.height, thumbDpi) }));
    const sheetCount = Math.ceil(selected.length / perSheet);
    const sheets: string[] = [];
    let sheet: ContactSheet | undefined;
    const writes = new PngWrites();

    const pages: PreviewPage[] = [];
    for (const [n, k] of selected.entries()) {
      if (n % perSheet === 0) {
        const last = Math.min(n + perSheet, selected.length) - 1;
        const [first, end] = [labels[k]!, labels[selected[last]!]!];
        sheet = contactSheet(canvas, thumbs.slice(n, last + 1), perRow, `${name}  ${first === end ? first : `${first}–${end}`}`);
      }
      const page = await doc.getPage(k + 1);
      const size = sizes[n]!;
      const viewport = page.getViewport({ scale: dpi / 72 });
      const image = canvas.createCanvas(pixels(size.width, dpi), pixels(size.height, dpi));
      const context = image.getContext('2d');
      await page.render({ canvasContext: context as never, canvas: image as never, viewport, background: 'white' }).promise;
      const label = labels[k]!;
      const file = path.join(dir, `page-${String(k + 1).padStart(digits, '0')}-${label.replace(/[^\p{L}\p{N}_.-]+/gu, '_')}.png`);
      sheet!.add(n % perSheet, image, label);
      await writes.add(image, file);
      pages.push({ index: k + 1, label, file, width: image.width, height: image.height });
      page.cleanup();
      if ((n + 1) % perSheet === 0 || n === selected.length - 1) {
        const sheetFile = path.join(dir, sheetName(sheets.length, sheetCount));
        await writes.add(sheet!.canvas, sheetFile);
        sheets.push(sheetFile);
      }
    }
    await writes.done();
    return { dir, dpi, pages, contactSheets: sheets };
  } finally {
    await task.destroy();
  }
}

/**
 * Images encoded as PNG and written while the next page is drawn. Encoding a page (on libuv's
 * threads) takes longer than pdfjs takes to draw one (about 120 against 85 ms at 100 dpi), so
 * encoding one page while the next is drawn uses the second core; two encodings at most are
 * under way, each holding its page's canvas.
 */
class PngWrites {
  private readonly pending: Promise<void>[] = [];

  /** Encode `image` and write it to `file`; returns once at most one earlier write is still under way. */
  async add(image: NodeCanvas, file: string): Promise<void> {
    const write = image.encode('png').then((png) => fs.writeFileSync(file, png));
    // Its failure is thrown where it is awaited, not reported as unhandled before that.
    write.catch(() => {});
    this.pending.push(write);
    if (this.pending.length > 2) await this.pending.shift();
  }

  async done(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }
}

/**
 * The printed page numbers: the PDF's page labels; for a PDF without them (a proof) the page
 * numbers in its page record (<name>.pages.json) when it has one per page; else 1, 2 ….
 */
async function pageLabels(doc: { numPages: number; getPageLabels(): Promise<string[] | null> }, pdfFile: string): Promise<string[]> {
  const labels = await doc.getPageLabels();
  if (labels && labels.length === doc.numPages) return labels;
  const record = readPageRecord(path.resolve(pdfFile));
  if (record && record.pages.length === doc.numPages) return record.pages.map((p) => p.label || String(p.number));
  return Array.from({ length: doc.numPages }, (_, i) => String(i + 1));
}

// ---------------------------------------------------------------------------
// The contact sheet

const MARGIN = 24;
const GAP = 20;
const LABEL_HEIGHT = 26;
const TITLE_HEIGHT = 34;
const FONT_FAMILY = 'YearbookPreviewSans';

let fontRegistered: CanvasModule | undefined;

/** Noto Sans SC from its npm package, for the labels (no system font is needed). */
function registerFont(canvas: CanvasModule): void {
  if (fontRegistered === canvas) return;
  const require = createRequire(import.meta.url);
  const file = path.join(path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')), '400Regular', 'NotoSansSC_400Regular.ttf');
  canvas.GlobalFonts.registerFromPath(file, FONT_FAMILY);
  fontRegistered = canvas;
}

type ContactSheet = ReturnType<typeof contactSheet>;

function contactSheet(canvas: CanvasModule, thumbs: { width: number; height: number }[], perRow: number, title: string) {
  registerFont(canvas);
  const columns = Math.max(1, Math.min(perRow, thumbs.length));
  const cellWidth = Math.max(1, ...thumbs.map((t) => t.width));
  const cellHeight = Math.max(1, ...thumbs.map((t) => t.height));
  const rows = Math.max(1, Math.ceil(thumbs.length / columns));
  const width = 2 * MARGIN + columns * cellWidth + (columns - 1) * GAP;
  const height = MARGIN + TITLE_HEIGHT + rows * (cellHeight + LABEL_HEIGHT) + (rows - 1) * GAP + MARGIN;
  const sheet = canvas.createCanvas(width, height);
  const ctx = sheet.getContext('2d');
  ctx.fillStyle = '#d9d9d9';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#333333';
  ctx.font = `16px ${FONT_FAMILY}`;
  ctx.textBaseline = 'top';
  ctx.textAlign = 'left';
  ctx.fillText(title, MARGIN, MARGIN);
  return {
    canvas: sheet,
    add(n: number, page: NodeCanvas, label: string): void {
      const t = thumbs[n]!;
      const x = MARGIN + (n % columns) * (cellWidth + GAP) + (cellWidth - t.width) / 2;
      const y = MARGIN + TITLE_HEIGHT + Math.floor(n / columns) * (cellHeight + LABEL_HEIGHT + GAP);
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(page, x, y, t.width, t.height);
      ctx.strokeStyle = '#8c8c8c';
      ctx.lineWidth = 1;
      ctx.strokeRect(x - 0.5, y - 0.5, t.width + 1, t.height + 1);
      ctx.fillStyle = '#1a1a1a';
      ctx.font = `15px ${FONT_FAMILY}`;
      ctx.textAlign = 'center';
      ctx.fillText(label, x + t.width / 2, y + t.height + 6);
    },
  };
}
