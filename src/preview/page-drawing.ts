/**
 * One page of a preview drawn: its image at the chosen resolution, written as a PNG file
 * while the next page is drawn, and its thumbnail's pixels for the contact sheet. The same on
 * this thread and in a preview worker (preview-worker.ts), so a page comes out the same
 * wherever it was drawn.
 */
import fs from 'node:fs';
import { pagePng } from './page-png.js';
import type { CanvasModule, NodeCanvas, PdfDocument } from './pdfjs-node.js';

/** A page to draw: `n`th of those chosen, page `k` of the PDF (from 0). */
export interface PageJob {
  n: number;
  k: number;
  file: string;
  dpi: number;
  /** Sizes in pixels of the page image and of its thumbnail. */
  image: { width: number; height: number };
  thumbnail: { width: number; height: number };
}

export interface DrawnPage {
  n: number;
  /** Size of the page image in pixels. */
  width: number;
  height: number;
  /** The thumbnail's pixels, RGBA, opaque. */
  thumbnail: Uint8Array;
}

/** Image size of a page box of `pt` points at `dpi`. */
export function pixels(pt: number, dpi: number): number {
  return Math.max(1, Math.round((pt * dpi) / 72));
}

/** Draw the job's page, start writing its image (`writes`) and return its thumbnail. */
export async function drawPage(doc: PdfDocument, canvas: CanvasModule, job: PageJob, writes: PngWrites): Promise<DrawnPage> {
  const page = await doc.getPage(job.k + 1);
  const viewport = page.getViewport({ scale: job.dpi / 72 });
  const image = canvas.createCanvas(job.image.width, job.image.height);
  await page.render({ canvasContext: image.getContext('2d') as never, canvas: image as never, viewport, background: 'white' }).promise;
  page.cleanup();
  const { width, height } = job.thumbnail;
  const thumbnail = canvas.createCanvas(width, height);
  const context = thumbnail.getContext('2d');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  await writes.add(image, job.file);
  // A copy the caller may transfer to another thread: the canvas's own buffer is not its to give.
  return { n: job.n, width: image.width, height: image.height, thumbnail: new Uint8Array(thumbnail.data()) };
}

/**
 * Images encoded as PNG (page-png.ts) and written while the next page is drawn: their data is
 * deflated on libuv's threads. Two at most are under way, each holding its page's rows.
 */
export class PngWrites {
  private readonly pending: Promise<void>[] = [];

  /** Encode `image` and write it to `file`; returns once at most one earlier write is still under way. */
  async add(image: NodeCanvas, file: string): Promise<void> {
    const write = pagePng(image).then((png) => fs.writeFileSync(file, png));
    // Its failure is thrown where it is awaited, not reported as unhandled before that.
    write.catch(() => {});
    this.pending.push(write);
    if (this.pending.length > 2) await this.pending.shift();
  }

  async done(): Promise<void> {
    while (this.pending.length > 0) await this.pending.shift();
  }
}
