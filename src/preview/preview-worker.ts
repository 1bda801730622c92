/**
 * A preview worker: draws the pages it is sent, one at a time, from its own copy of the PDF
 * (preview.ts sends a page when the worker has returned the one before), writes their images
 * and returns their thumbnails. An empty message ends it, once its images are written.
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { drawPage, PngWrites, type PageJob } from './page-drawing.js';
import { openPdf } from './pdfjs-node.js';

const port = parentPort!;
const { task, doc, canvas } = await openPdf(fs.readFileSync((workerData as { pdfFile: string }).pdfFile));
const writes = new PngWrites();
// A failure rejects unhandled, which ends the worker with that error for preview.ts.
port.on('message', (job: PageJob | null) => void (async () => {
  if (job) {
    const drawn = await drawPage(doc, canvas, job, writes);
    port.postMessage(drawn, [drawn.thumbnail.buffer as ArrayBuffer]);
  } else {
    await writes.done();
    await task.destroy();
    port.close();
  }
})());
