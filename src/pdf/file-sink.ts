/**
 * Where pdfkit's bytes go: straight into the (temporary) file as pdfkit makes them, a quarter
 * of a megabyte at a time. pdfkit hands them to a Readable stream, which nothing reads until
 * the event loop runs, and a build does not let it run until the end: piped to a file stream,
 * the whole PDF (10 MB at N=40) waited in memory (docs/performance-history.md). The page
 * record beside the PDF is written through one too, page by page.
 */
import fs from 'node:fs';
import type { PdfkitOutput } from './pdfkit-internals.js';

const CHUNK = 256 * 1024;

/** Documents whose output a FileSink takes. */
const sunk = new WeakSet<object>();

/**
 * Whether `doc`'s output goes to a FileSink, which has written or copied each piece before
 * pdfkit goes on: a piece may then come from a buffer used again at once (a JPEG's blocks).
 * pdfkit's own Readable stream keeps the pieces themselves until they are read.
 */
export function takenAtOnce(doc: object): boolean {
  return sunk.has(doc);
}

export class FileSink {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  private closed = false;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  /**
   * Take pdfkit's output in place of its Readable stream: pdfkit pushes each piece of the file
   * with `push`, and null at the end. A failed write throws where pdfkit wrote.
   */
  attach(doc: PDFKit.PDFDocument): void {
    // What pdfkit wrote as it was made (the file's header) is in the stream already.
    const output = doc as unknown as PdfkitOutput;
    const made = output.read();
    if (made) this.write(made);
    sunk.add(doc);
    output.push = (chunk) => {
      if (chunk === null) this.close();
      else this.write(chunk);
      return true;
    };
    // pdfkit writes each object's text through _write, which turns it into bytes a character
    // at a time in JavaScript and pushes them: the same bytes (each character's low byte, as
    // latin1 gives) go into the buffer directly here.
    output._write = (data) => {
      if (data instanceof Uint8Array) {
        this.write(data);
        output._offset += data.length;
      } else {
        const text = `${data}\n`;
        this.writeLatin1(text);
        output._offset += text.length;
      }
    };
  }

  write(bytes: Uint8Array): void {
    if (this.used + bytes.length > CHUNK) this.flush();
    if (bytes.length > CHUNK) {
      writeAll(this.fd, bytes);
      return;
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** The characters of `text` as one byte each, their low byte. */
  writeLatin1(text: string): void {
    this.writeText(text, 'latin1', 1);
  }

  /**
   * `text` in UTF-8, encoded into the buffer: a string of megabytes turned into bytes at once
   * (as writeFileSync does) is a fresh buffer of its size, a page fault every 4 KB.
   */
  writeUtf8(text: string): void {
    this.writeText(text, 'utf8', 3);
  }

  /** Write what is left and close the file (done once; `abort` closes without writing). */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    fs.closeSync(this.fd);
  }

  abort(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  /** `text` in `encoding`, which takes at most `perUnit` bytes for each UTF-16 code unit. */
  private writeText(text: string, encoding: 'latin1' | 'utf8', perUnit: number): void {
    const most = perUnit * text.length;
    if (this.used + most > CHUNK) this.flush();
    if (most > CHUNK) {
      writeAll(this.fd, Buffer.from(text, encoding));
      return;
    }
    this.used += this.buffer.write(text, this.used, encoding);
  }

  private flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}
