/**
 * pdfkit's output written straight to the file as it is made: the same bytes as pdfkit's own
 * stream gives, and on disk before the document ends, so a build holds none of it in memory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { expect, it } from 'vitest';
import { FileSink } from '../../src/pdf/file-sink.js';

const date = new Date(Date.UTC(2020, 0, 1));

/**
 * A document of `pages` pages, each with some hundred kilobytes of drawing and an outline item
 * with a Chinese title (its text string's bytes run from 0x00 to 0xff), and an object whose text
 * is longer than the sink's buffer.
 */
function draw(doc: PDFKit.PDFDocument, pages: number): void {
  for (let p = 0; p < pages; p++) {
    doc.addPage();
    for (let k = 0; k < 10000; k++) doc.moveTo(k % 500, p).lineTo(p, k % 700).stroke();
    doc.outline.addItem(`第${p + 1}页 “群众团体”（${String.fromCharCode(0x4eff, 0x5c28, 0x0a29)}）`);
  }
  // 140,000 characters, 280,000 bytes of UTF-16 in the string.
  (doc as unknown as { ref(data: object): { end(): void } }).ref({ T: new String('群众团体'.repeat(35_000)) }).end();
}

const open = () => new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: date, ModDate: date } });

it('writes the bytes pdfkit makes to the file as they come, the same bytes as its stream', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-sink-'));
  const streamed = path.join(dir, 'stream.pdf');
  const reference = open();
  const done = new Promise((resolve) => reference.pipe(fs.createWriteStream(streamed)).on('finish', resolve));
  draw(reference, 4);
  reference.end();
  await done;

  const file = path.join(dir, 'sink.pdf');
  const sink = new FileSink(file);
  const doc = open();
  sink.attach(doc);
  draw(doc, 4);
  // Three pages are finished (the fourth ends with the document): well over the sink's 256 KB.
  expect(fs.statSync(file).size).toBeGreaterThan(256 * 1024);
  doc.end();
  expect(fs.readFileSync(file).equals(fs.readFileSync(streamed))).toBe(true);
  expect(fs.readFileSync(file).subarray(0, 8).toString('latin1')).toBe('%PDF-1.3');
});
