/**
 * A drawn page as a PNG file. A page of the book is black type and grey edges on white paper,
 * so it is written as a grey PNG, one sample a pixel where skia's encoder writes four; a page
 * with colour in it (a photo) as RGB. The rows are left unfiltered: on these pages the filters
 * made the file larger, not smaller (a page of text at 100 dpi deflated to 170 KB unfiltered,
 * 195–213 KB with Sub, Up or Paeth), and they cost time. Skia took 90–130 ms a page and wrote
 * 480 KB; this takes about 20 ms, most of it deflating, which runs on libuv's threads.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { pngFile } from '../pdf/png-file.js';
import type { NodeCanvas } from './pdfjs-node.js';

const deflate = promisify(zlib.deflate);

/** PNG filter type 0: the row's samples as they are. */
const NO_FILTER = 0;

/** The canvas as a PNG file. Its pixels are read at once, so the canvas may be drawn on again while the file is deflated. */
export async function pagePng(canvas: NodeCanvas): Promise<Buffer> {
  const rows = opaqueRows(canvas.data(), canvas.width, canvas.height);
  // A canvas with see-through pixels (none of a page drawn on white): its stored pixels are premultiplied, and skia writes them unmultiplied.
  if (!rows) return canvas.encode('png');
  return pngFile(canvas.width, canvas.height, rows.colourType, await deflate(rows.data, { level: 6 }));
}

/**
 * The PNG rows (each after its filter type) of `width` × `height` RGBA pixels: grey samples
 * where every pixel is grey, else RGB; undefined where a pixel is not opaque.
 */
export function opaqueRows(rgba: Uint8Array, width: number, height: number): { colourType: 0 | 2; data: Buffer } | undefined {
  let grey = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] !== 255) return undefined;
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) grey = false;
  }
  const channels = grey ? 1 : 3;
  const stride = channels * width + 1;
  const data = Buffer.allocUnsafe(stride * height);
  for (let y = 0, from = 0; y < height; y++) {
    let at = y * stride;
    data[at++] = NO_FILTER;
    if (grey) {
      for (let x = 0; x < width; x++, from += 4) data[at++] = rgba[from]!;
    } else {
      for (let x = 0; x < width; x++, from += 4) {
        data[at] = rgba[from]!;
        data[at + 1] = rgba[from + 1]!;
        data[at + 2] = rgba[from + 2]!;
        at += 3;
      }
    }
  }
  return { colourType: grey ? 0 : 2, data };
}
