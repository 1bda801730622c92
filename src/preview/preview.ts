/**
 * Page images of a built PDF: one PNG per page at the chosen resolution, and a contact sheet
 * (thumbnails in rows, the printed page number under each) for every forty pages, for looking
 * at pages without a PDF viewer, in a review or a chat. A whole book on one sheet would be an
 * image of 1100 × 40,000 pixels at 400 pages, which viewers and ImageMagick refuse, and held
 * whole in memory while it was drawn. Pages are drawn by pdfjs onto @napi-rs/canvas canvases
 * (see pdfjs-node.ts), with the fonts embedded in the PDF; from MIN_PAGES pages on, on this
 * thread and preview workers at once (page-drawing.ts), each taking the next page when done.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { readPageRecord } from '../pdf/page-record.js';
import { workerCount } from '../worker-count.js';
import { DEFAULT_DPI, PER_ROW, PER_SHEET, THUMBNAIL_DPI } from './defaults.js';
import { drawPage, pixels, PngWrites, type DrawnPage, type PageJob } from './page-drawing.js';
import { selectPages } from './page-range.js';
import { openPdf, type CanvasModule } from './pdfjs-node.js';

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
  /** Preview workers that drew pages beside this thread (preview-worker.ts). */
  workers: number;
}

export const CONTACT_SHEET = 'contact-sheet.png';
const PAGE_FILE = /^page-\d+(?:-.*)?\.png$/;
const SHEET_FILE = /^contact-sheet(?:-\d+)?\.png$/;

/** The file name of contact sheet `n` (from 0) of `count`. */
function sheetName(n: number, count: number): string {
  return count === 1 ? CONTACT_SHEET : `contact-sheet-${String(n + 1).padStart(Math.max(2, String(count).length), '0')}.png`;
}

/**
 * Below this many pages a worker costs more than it saves: it loads pdfjs and the canvas
 * module and reads the PDF's fonts again, about a second and a half before its first page,
 * where this thread draws a page in about 0.1 s.
 */
const MIN_PAGES = 24;
const WORKER = new URL('./preview-worker.js', import.meta.url);

export async function previewPdf(pdfFile: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const dpi = options.dpi ?? DEFAULT_DPI;
  const thumbDpi = options.thumbnailDpi ?? THUMBNAIL_DPI;
  const perRow = options.perRow ?? PER_ROW;
  const perSheet = options.perSheet ?? PER_SHEET;
  const name = path.basename(pdfFile).replace(/\.pdf$/i, '');
  const dir = path.resolve(options.outDir ?? path.join('out', 'preview', name));

  const { task, doc, canvas } = await openPdf(fs.readFileSync(pdfFile));
  const workers: Worker[] = [];
  try {
    const labels = await pageLabels(doc, pdfFile);
    const selected = selectPages(options.pages, labels);
    fs.mkdirSync(dir, { recursive: true });
    // Images of an earlier run would mix with these.
    for (const f of fs.readdirSync(dir)) if (PAGE_FILE.test(f) || SHEET_FILE.test(f)) fs.rmSync(path.join(dir, f));

    const digits = Math.max(3, String(doc.numPages).length);
    const jobs: PageJob[] = await Promise.all(selected.map(async (k, n) => {
      const size = (await doc.getPage(k + 1)).getViewport({ scale: 1 });
      const file = path.join(dir, `page-${String(k + 1).padStart(digits, '0')}-${labels[k]!.replace(/[^\p{L}\p{N}_.-]+/gu, '_')}.png`);
      const at = (res: number) => ({ width: pixels(size.width, res), height: pixels(size.height, res) });
      return { n, k, file, dpi, image: at(dpi), thumbnail: at(thumbDpi) };
    }));
    const writes = new PngWrites();
    const sheets = new ContactSheets(canvas, jobs, selected.map((k) => labels[k]!), { name, dir, perRow, perSheet }, writes);
    const pages: PreviewPage[] = [];
    const drawn = async (page: DrawnPage) => {
      const job = jobs[page.n]!;
      pages[page.n] = { index: job.k + 1, label: labels[job.k]!, file: job.file, width: page.width, height: page.height };
      await sheets.add(page);
    };
    let next = 0;
    let failed = false;
    // Once a page has failed, no thread takes another.
    const take = () => (failed ? undefined : jobs[next++]);
    const drawHere = async () => {
      for (let job = take(); job; job = take()) await drawn(await drawPage(doc, canvas, job, writes));
    };
    workers.push(...Array.from({ length: workerCount(jobs.length, () => jobs.length >= MIN_PAGES, WORKER) }, () => new Worker(WORKER, { workerData: { pdfFile } })));
    const drawing = [drawHere(), ...workers.map((worker) => drawInWorker(worker, take, drawn))];
    try {
      await Promise.all(drawing);
    } catch (e) {
      failed = true;
      await Promise.allSettled(drawing);
      throw e;
    }
    await writes.done();
    return { dir, dpi, pages, contactSheets: sheets.files, workers: workers.length };
  } finally {
    // A worker that did not end.
    for (const worker of workers) void worker.terminate();
    await task.destroy();
  }
}

/** Have `worker` draw the pages `take` gives it, one at a time, until there are none. */
function drawInWorker(worker: Worker, take: () => PageJob | undefined, drawn: (page: DrawnPage) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const send = () => worker.postMessage(take() ?? null);
    worker.on('message', (page: DrawnPage) => {
      send();
      drawn(page).catch(reject);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a preview worker stopped (exit code ${code})`))));
    send();
  });
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

/**
 * The contact sheets of the pages chosen, a sheet for every `perSheet`. Pages come in any
 * order where workers draw some of them: a sheet is made when its first thumbnail comes and
 * written once it has them all.
 */
class ContactSheets {
  /** The sheets' files, in page order. */
  readonly files: string[];
  private readonly open = new Map<number, { sheet: ContactSheet; missing: number }>();

  constructor(private readonly canvas: CanvasModule, private readonly jobs: PageJob[], private readonly labels: string[],
    private readonly layout: { name: string; dir: string; perRow: number; perSheet: number }, private readonly writes: PngWrites) {
    const count = Math.ceil(jobs.length / layout.perSheet);
    this.files = Array.from({ length: count }, (_, s) => path.join(layout.dir, sheetName(s, count)));
  }

  async add(page: DrawnPage): Promise<void> {
    const { perSheet, perRow, name } = this.layout;
    const s = Math.floor(page.n / perSheet);
    let open = this.open.get(s);
    if (!open) {
      const first = s * perSheet;
      const end = Math.min(first + perSheet, this.jobs.length);
      const [from, to] = [this.labels[first]!, this.labels[end - 1]!];
      const thumbnails = this.jobs.slice(first, end).map((j) => j.thumbnail);
      open = { sheet: contactSheet(this.canvas, thumbnails, perRow, `${name}  ${from === to ? from : `${from}–${to}`}`), missing: end - first };
      this.open.set(s, open);
    }
    open.sheet.add(page.n - s * perSheet, page.thumbnail, this.labels[page.n]!);
    if (--open.missing > 0) return;
    this.open.delete(s);
    await this.writes.add(open.sheet.canvas, this.files[s]!);
  }
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
    /** The `n`th thumbnail, its pixels (RGBA, opaque) as drawPage gives them. */
    add(n: number, pixels: Uint8Array, label: string): void {
      const t = thumbs[n]!;
      const x = MARGIN + (n % columns) * (cellWidth + GAP) + Math.floor((cellWidth - t.width) / 2);
      const y = MARGIN + TITLE_HEIGHT + Math.floor(n / columns) * (cellHeight + LABEL_HEIGHT + GAP);
      ctx.putImageData(new canvas.ImageData(new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length), t.width, t.height), x, y);
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
