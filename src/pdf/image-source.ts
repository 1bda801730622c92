/**
 * What pdfkit is given for a picture: the file itself, except for a PNG that pdfkit could
 * embed only on the event loop (one with an alpha channel, a palette with transparent
 * entries, or interlaced lines: it decodes those with asynchronous zlib). A build writes its
 * pages without waiting, so the PDF would end unfinished, and the order in which such images
 * were written would vary from run to run. Such a PNG is decoded here, flattened onto white
 * (the page is white, and print wants no transparency) and given as an opaque 8-bit RGB PNG,
 * not interlaced: the same picture as printed, in the same bytes every time.
 */
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { readAt } from '../content/read-at.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** IHDR's colour types with an alpha channel: grey and alpha, RGB and alpha. */
const ALPHA_TYPES = new Set([4, 6]);
const PALETTE = 3;

/** The file, or the bytes of an opaque PNG of it when pdfkit could not embed it as it is. */
export function imageSource(file: string): string | Buffer {
  return needsFlattening(file) ? flattened(fs.readFileSync(file)) : file;
}

function needsFlattening(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    // The signature and IHDR: colour type at byte 25, interlace method at 28.
    const ihdr = Buffer.alloc(29);
    if (readAt(fd, ihdr, 0, 29, 0) < 29 || !ihdr.subarray(0, 8).equals(PNG_SIGNATURE)) return false;
    if (ihdr[28] === 1 || ALPHA_TYPES.has(ihdr[25]!)) return true;
    return ihdr[25] === PALETTE && hasChunk(fd, 'tRNS');
  } finally {
    fs.closeSync(fd);
  }
}

/** Whether a chunk of this type comes before the image data (read chunk header by chunk header). */
function hasChunk(fd: number, type: string): boolean {
  const header = Buffer.alloc(8);
  for (let at = 8; readAt(fd, header, 0, 8, at) === 8; at += 12 + header.readUInt32BE(0)) {
    const name = header.toString('latin1', 4, 8);
    if (name === type) return true;
    if (name === 'IDAT' || name === 'IEND') return false;
  }
  return false;
}

function flattened(data: Buffer): Buffer {
  // pngjs gives 8-bit RGBA whatever the file's colour type, depth or interlacing.
  const image = PNG.sync.read(data);
  return PNG.sync.write(image, { colorType: 2, inputColorType: 6, bgColor: { red: 255, green: 255, blue: 255 } });
}
