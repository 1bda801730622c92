/**
 * Pictures into the PDF, their bytes copied from their files a block at a time as their
 * objects are written, never held whole: a book's photos run to gigabytes. A JPEG is embedded
 * as it is (`JpegImage`). A PNG's chunks are read here and handed to pdfkit as an image object
 * of the same kind as its own (`PngImage`), which writes the same PDF objects, for two reasons:
 *
 * - pdfkit's PNG reader (png-js) copies the image data into an array a byte at a time: a
 *   print-size photo of 4.5 MB took 300 ms and an array of 4.5 million numbers, for every
 *   photo of the book. Here the data is copied from the file's chunks as it is.
 * - pdfkit embeds some PNGs only on the event loop (an alpha channel, a palette with
 *   transparent entries, interlaced lines: it decodes those with asynchronous zlib). A build
 *   writes its pages without waiting, so the PDF would end unfinished, and the order in which
 *   such images were written would vary from run to run. It also writes a colour-key mask
 *   (tRNS in a grey or RGB PNG) from the chunk's bytes read as samples, which masks the wrong
 *   colour. Such a PNG is decoded here, flattened onto white (the page is white, and print
 *   wants no transparency) and embedded as an opaque 8-bit RGB PNG, not interlaced: the same
 *   picture as printed, in the same bytes every time.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { PNG } from 'pngjs';
import { FileCache } from '../content/file-cache.js';
import { bytesAt, fileBlocks, fromImageHead, readAt, type FileRange } from '../content/read-at.js';
import { takenAtOnce } from './file-sink.js';
import { flattenAlpha8 } from './png-flatten.js';
import { PNG_SIGNATURE } from './png-file.js';
import { endStream, readJpeg, type PdfkitImages, type PdfkitJpeg, type PdfkitReference } from './pdfkit-internals.js';

/** IHDR's colour types with an alpha channel: grey and alpha, RGB and alpha. */
const ALPHA_TYPES = new Set([4, 6]);
const PALETTE = 3;
/** Samples per pixel of the colour types without alpha: grey, RGB, palette index. */
const COLOURS: Record<number, number> = { 0: 1, 2: 3, 3: 1 };
const BIT_DEPTHS = new Set([1, 2, 4, 8, 16]);

/**
 * What to give pdfkit's `image()` for the picture in `file`: the file's path, under which the
 * picture has been registered with the document as a `PngImage` or a `JpegImage` (once per
 * file, as pdfkit keeps the images it opened by their path).
 */
export function imageSource(doc: PDFKit.PDFDocument, file: string): string {
  const images = doc as unknown as PdfkitImages;
  // Photos are copied from their files through one buffer (fileBlocks), whose blocks FileSink writes before the next is read.
  if (!takenAtOnce(doc)) throw new Error('photos are copied into the PDF through one buffer: the document\'s output must go to a FileSink');
  if (images._imageRegistry[file] === undefined) {
    const png = pngs.get(file, () => readPngFile(file));
    // pdfkit numbers its images as it opens them; each takes its number here, in the same order.
    const label = `I${++images._imageCount}`;
    images._imageRegistry[file] = png ? new PngImage(png, label) : new JpegImage(file, label);
  }
  return file;
}

/**
 * PNGs as read, kept while their files stay the same in a process that proofs again on every
 * save (proof --watch). A PNG's image data is read from its file again when it is written, so
 * the file's size and time are compared on every use, not left to the watcher.
 */
const pngs = new FileCache<Png | undefined>({ watched: false });

/**
 * The PNG `file` as a PDF image is made of, undefined for another kind of file: its chunks
 * where they lie in the file, or, when it has transparency or is interlaced, in the picture
 * flattened onto white (`opaquePng`).
 */
function readPngFile(file: string): Png | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = fileBytes(file, fd);
    if (!isPng(bytes.at(0, PNG_SIGNATURE.length))) return undefined;
    if (!needsFlattening(file, bytes)) return readPng(file, bytes);
    return readPng(file, memoryBytes(opaquePng(file, fs.readFileSync(file))));
  } finally {
    fs.closeSync(fd);
  }
}

/** The PNG in `data` (from `file`), or, when it has transparency or is interlaced, that picture flattened onto white as an opaque RGB PNG. */
export function opaquePng(file: string, data: Buffer): Buffer {
  return needsFlattening(file, memoryBytes(data)) ? flattened(file, data) : data;
}

/** An alpha channel or interlacing (in IHDR), or a tRNS chunk (before the image data). */
function needsFlattening(file: string, bytes: PngBytes): boolean {
  for (const chunk of chunks(file, bytes)) {
    if (chunk.type === 'IDAT') return false;
    if (chunk.type === 'tRNS') return true;
    if (chunk.type === 'IHDR') {
      const header = chunk.body();
      if (header[12] === 1 || ALPHA_TYPES.has(header[9]!)) return true;
    }
  }
  return false;
}

function isPng(data: Buffer): boolean {
  return data.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
}

/** The PNG in `data` (from `file`) flattened onto white: by flattenAlpha8 where it can, else by pngjs. */
function flattened(file: string, data: Buffer): Buffer {
  return alpha8Flattened(file, data) ?? pngjsFlattened(data);
}

/** Through flattenAlpha8, for a PNG of 8-bit samples with an alpha channel, not interlaced; undefined for another. */
function alpha8Flattened(file: string, data: Buffer): Buffer | undefined {
  let header: Buffer | undefined;
  const idat: Buffer[] = [];
  for (const chunk of chunks(file, memoryBytes(data))) {
    if (chunk.type === 'IHDR') header = chunk.body();
    else if (chunk.type === 'IDAT') idat.push(chunk.body());
  }
  if (!header || header[8] !== 8 || header[12] !== 0 || !ALPHA_TYPES.has(header[9]!) || idat.length === 0) return undefined;
  let inflated: Buffer;
  try {
    inflated = zlib.inflateSync(Buffer.concat(idat));
  } catch {
    // pngjs says what is wrong with it.
    return undefined;
  }
  return flattenAlpha8(header.readUInt32BE(0), header.readUInt32BE(4), header[9] === 6 ? 4 : 2, inflated);
}

function pngjsFlattened(data: Buffer): Buffer {
  // pngjs gives 8-bit RGBA whatever the file's colour type, depth or interlacing.
  const image = PNG.sync.read(data);
  // Its default tries every PNG filter on every row and deflates at level 9: for a 1800 ×
  // 1200 photo 400–480 ms, where the Sub filter at level 6 took 220–250 for a file 6% smaller
  // to 1% larger.
  return PNG.sync.write(image, { colorType: 2, inputColorType: 6, bgColor: { red: 255, green: 255, blue: 255 }, filterType: 1, deflateLevel: 6 });
}

/** A PNG's header and the chunks a PDF image is made of. */
interface Png {
  width: number;
  height: number;
  bits: number;
  colourType: number;
  /** PLTE: the palette's RGB triples. */
  palette: Buffer | undefined;
  /** The IDAT chunks' data, `length` bytes in all: the deflated, filtered scanlines, in pieces as they are written. */
  data: { length: number; pieces(): Iterable<Uint8Array> };
}

/** A PNG's bytes: its file, read where they lie, or a picture in memory. */
interface PngBytes {
  size: number;
  /** `length` bytes at `position`, or fewer where the PNG ends (the file while it is open). */
  at(position: number, length: number): Buffer;
  /** The bytes in `ranges`, in order, when they are written into the PDF. */
  pieces(ranges: readonly FileRange[]): Iterable<Uint8Array>;
}

/** How much of a PNG is read at once while its chunks are looked for: their headers lie close together. */
const CHUNK_WINDOW = 64 * 1024;

/**
 * The PNG `file`, open as `fd`: read a window at a time while its chunks are looked for (one
 * read for the small chunks and the headers of the large ones within 64 KB, where a read each
 * took 0.1 ms), its image data read again from the file, a block at a time, when written.
 */
function fileBytes(file: string, fd: number): PngBytes {
  const size = fs.fstatSync(fd).size;
  const window = Buffer.allocUnsafe(Math.min(size, CHUNK_WINDOW));
  /** The file's bytes the window holds. */
  let from = 0;
  let to = 0;
  const at = (position: number, length: number): Buffer => {
    if (length > window.length) return bytesAt(fd, position, length);
    if (position < from || position + length > to) {
      from = position;
      to = position + readAt(fd, window, 0, window.length, position);
    }
    // A copy: the window is read over.
    return Buffer.from(window.subarray(position - from, Math.min(position + length, to) - from));
  };
  return { size, at, pieces: (ranges) => fileBlocks(file, ranges) };
}

function memoryBytes(data: Buffer): PngBytes {
  return { size: data.length, at: (position, length) => data.subarray(position, position + length), pieces: (ranges) => ranges.map(([start, end]) => data.subarray(start, end)) };
}

function broken(file: string, what: string): Error {
  return new Error(`${file}: ${what}; the PNG file is damaged: export it again`);
}

/**
 * The chunks of the PNG `file` in `bytes`, in order, up to IEND: each one's type, where its
 * body lies, and the body (read when asked for: the image data is not).
 */
function* chunks(file: string, bytes: PngBytes): Generator<{ type: string; start: number; end: number; body(): Buffer }> {
  if (!isPng(bytes.at(0, PNG_SIGNATURE.length))) throw broken(file, 'no PNG signature');
  for (let at = 8; ;) {
    if (at + 12 > bytes.size) throw broken(file, 'it ends before its IEND chunk');
    const head = bytes.at(at, 8);
    const type = head.toString('latin1', 4, 8);
    const start = at + 8;
    const end = start + head.readUInt32BE(0);
    if (end > bytes.size) throw broken(file, `its ${type} chunk is cut short`);
    if (type === 'IEND') return;
    yield { type, start, end, body: () => bytes.at(start, end - start) };
    at = end + 4;
  }
}

/** Read the chunks of the PNG `file` in `bytes`. */
function readPng(file: string, bytes: PngBytes): Png {
  let header: Omit<Png, 'palette' | 'data'> | undefined;
  let palette: Buffer | undefined;
  const idat: FileRange[] = [];
  for (const chunk of chunks(file, bytes)) {
    if (chunk.type === 'IHDR') {
      const body = chunk.body();
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), bits: body[8]!, colourType: body[9]! };
    } else if (chunk.type === 'PLTE') palette = chunk.body();
    else if (chunk.type === 'IDAT') idat.push([chunk.start, chunk.end]);
  }
  if (!header) throw broken(file, 'no IHDR chunk');
  if (COLOURS[header.colourType] === undefined || !BIT_DEPTHS.has(header.bits)) throw broken(file, `its header gives colour type ${header.colourType} at ${header.bits} bits, which PNG does not define`);
  if (idat.length === 0) throw broken(file, 'no image data (IDAT)');
  if (header.colourType === PALETTE && !palette) throw broken(file, 'no palette (PLTE) for its colours');
  const length = idat.reduce((sum, [start, end]) => sum + end - start, 0);
  return { ...header, palette: header.colourType === PALETTE ? palette : undefined, data: { length, pieces: () => bytes.pieces(idat) } };
}

/**
 * An opaque, non-interlaced PNG as pdfkit's image objects are: the PDF image is the PNG's
 * own image data, undone by the PNG predictor, in the objects and order pdfkit's PNGImage
 * writes for such a PNG (so a PDF has the same bytes as when pdfkit read the file itself).
 */
class PngImage {
  readonly width: number;
  readonly height: number;
  obj: PdfkitReference | null = null;
  /** Let go once written: pdfkit keeps its images until the PDF ends, and a book has hundreds of photos. */
  private png: Png | undefined;

  constructor(png: Png, readonly label: string) {
    this.png = png;
    this.width = png.width;
    this.height = png.height;
  }

  embed(doc: PdfkitImages): void {
    const { png } = this;
    if (this.obj || !png) return;
    this.png = undefined;
    const colours = COLOURS[png.colourType]!;
    const obj = (this.obj = doc.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: png.bits, Width: png.width, Height: png.height, Filter: 'FlateDecode' }));
    const params = doc.ref({ Predictor: 15, Colors: colours, BitsPerComponent: png.bits, Columns: png.width });
    obj.data.DecodeParms = params;
    params.end();
    if (png.palette) {
      const palette = doc.ref();
      palette.end(png.palette);
      obj.data.ColorSpace = ['Indexed', 'DeviceRGB', png.palette.length / 3 - 1, palette];
    } else {
      obj.data.ColorSpace = colours === 1 ? 'DeviceGray' : 'DeviceRGB';
    }
    endStream(obj, png.data.pieces(), png.data.length);
  }
}

/** pdfkit's reading of the JPEG `file`, whole, or an error that names it where pdfkit cannot read it. */
function readWholeJpeg(file: string, data: Buffer): PdfkitJpeg {
  try {
    return readJpeg(data);
  } catch (e) {
    // pdfkit throws strings: 'SOI not found in JPEG', 'Invalid JPEG.'
    throw new Error(`${file}: pdfkit cannot read this JPEG (${e instanceof Error ? e.message : String(e)}): open it in an image editor and save it again as JPEG`);
  }
}

/**
 * A JPEG, embedded as it is, in the objects pdfkit's own JPEG image writes, from pdfkit's
 * reading of its header. Its bytes are copied from the file into the PDF as the object is
 * written, a block at a time, never held whole: a book's photos run to gigabytes.
 */
class JpegImage {
  readonly width: number;
  readonly height: number;
  /** The EXIF orientation, which pdfkit's `image()` turns the picture by. */
  readonly orientation: number;
  obj: PdfkitReference | null = null;
  private readonly header: Omit<PdfkitJpeg, 'data'>;
  private readonly size: number;

  constructor(private readonly file: string, readonly label: string) {
    const fd = fs.openSync(file, 'r');
    try {
      this.size = fs.fstatSync(fd).size;
      // pdfkit reads a header cut short as no header, or as no colour space.
      const jpeg = fromImageHead(fd, this.size, (bytes) => {
        try {
          const read = readJpeg(bytes);
          return read.colorSpace ? read : undefined;
        } catch {
          return undefined;
        }
      }) ?? readWholeJpeg(file, bytesAt(fd, 0, this.size));
      this.header = { bits: jpeg.bits, width: jpeg.width, height: jpeg.height, colorSpace: jpeg.colorSpace, orientation: jpeg.orientation };
    } finally {
      fs.closeSync(fd);
    }
    ({ width: this.width, height: this.height, orientation: this.orientation } = this.header);
  }

  embed(doc: PdfkitImages): void {
    if (this.obj) return;
    const { bits, width, height, colorSpace } = this.header;
    const obj = (this.obj = doc.ref({ Type: 'XObject', Subtype: 'Image', BitsPerComponent: bits, Width: width, Height: height, ColorSpace: colorSpace, Filter: 'DCTDecode' }));
    // As pdfkit does: Adobe's CMYK JPEGs store their samples inverted.
    if (colorSpace === 'DeviceCMYK') obj.data.Decode = [1.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 0.0];
    endStream(obj, fileBlocks(this.file, [[0, this.size]]), this.size);
  }
}
