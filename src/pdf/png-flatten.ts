/**
 * A PNG with an alpha channel flattened onto white as an opaque 8-bit RGB PNG, for the kind
 * that office and plotting programs save charts as: 8 bits a sample, not interlaced. pngjs
 * (which image-source.ts gives the other kinds) took 450 ms for a 2400 × 1500 chart, most of
 * it per-pixel JavaScript going through objects; this works over typed arrays. It gives the
 * bytes pngjs gives: its compositing (rounded, per sample), the Sub filter on every row, and
 * deflate at level 6 with the run-length strategy, in one IDAT chunk.
 */
import zlib from 'node:zlib';
import { pngFile } from './png-file.js';

/** PNG filter types, as each row of the image data starts. */
const NONE = 0;
const SUB = 1;
const UP = 2;
const AVERAGE = 3;
const PAETH = 4;

/**
 * The flattened PNG of a `width` × `height` picture whose image data, inflated, is `inflated`:
 * rows of `channels` 8-bit samples a pixel (2 grey and alpha, 4 RGB and alpha), each after
 * its filter type. Undefined where the data is not that long or names a filter PNG has not.
 */
export function flattenAlpha8(width: number, height: number, channels: 2 | 4, inflated: Uint8Array): Buffer | undefined {
  const pixels = unfiltered(width, height, channels, inflated);
  if (!pixels) return undefined;
  const over = overWhite();
  const stride = 3 * width + 1;
  const rows = Buffer.allocUnsafe(stride * height);
  for (let y = 0, from = 0; y < height; y++) {
    let at = y * stride;
    rows[at++] = SUB;
    // The Sub filter: each byte less the one a pixel (three bytes) before it.
    let r0 = 0;
    let g0 = 0;
    let b0 = 0;
    for (let x = 0; x < width; x++, from += channels) {
      const alpha = pixels[from + channels - 1]! << 8;
      const r = over[alpha | pixels[from]!]!;
      const g = channels === 4 ? over[alpha | pixels[from + 1]!]! : r;
      const b = channels === 4 ? over[alpha | pixels[from + 2]!]! : r;
      rows[at] = r - r0;
      rows[at + 1] = g - g0;
      rows[at + 2] = b - b0;
      at += 3;
      r0 = r;
      g0 = g;
      b0 = b;
    }
  }
  return pngFile(width, height, 2, zlib.deflateSync(rows, { level: 6, strategy: zlib.constants.Z_RLE }));
}

/** The samples of the image data, the rows' filters undone, or undefined where it is not whole or names a filter PNG has not. */
function unfiltered(width: number, height: number, bpp: number, inflated: Uint8Array): Uint8Array | undefined {
  const stride = width * bpp;
  if (inflated.length !== (stride + 1) * height) return undefined;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)]!;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    // The row above, or none: a first row's Up is None, its Average half of Sub, its Paeth Sub.
    const up = row - stride;
    const first = y === 0;
    if (filter === NONE || (filter === UP && first)) {
      out.set(inflated.subarray(src, src + stride), row);
    } else if (filter === SUB || (filter === PAETH && first)) {
      for (let i = 0; i < stride; i++) out[row + i] = inflated[src + i]! + (i >= bpp ? out[row + i - bpp]! : 0);
    } else if (filter === UP) {
      for (let i = 0; i < stride; i++) out[row + i] = inflated[src + i]! + out[up + i]!;
    } else if (filter === AVERAGE) {
      for (let i = 0; i < stride; i++) out[row + i] = inflated[src + i]! + (((i >= bpp ? out[row + i - bpp]! : 0) + (first ? 0 : out[up + i]!)) >> 1);
    } else if (filter === PAETH) {
      for (let i = 0; i < bpp; i++) out[row + i] = inflated[src + i]! + out[up + i]!;
      for (let i = bpp; i < stride; i++) out[row + i] = inflated[src + i]! + paeth(out[row + i - bpp]!, out[up + i]!, out[up + i - bpp]!);
    } else {
      return undefined;
    }
  }
  return out;
}

function paeth(left: number, above: number, upperLeft: number): number {
  const estimate = left + above - upperLeft;
  const toLeft = Math.abs(estimate - left);
  const toAbove = Math.abs(estimate - above);
  const toUpperLeft = Math.abs(estimate - upperLeft);
  if (toLeft <= toAbove && toLeft <= toUpperLeft) return left;
  return toAbove <= toUpperLeft ? above : upperLeft;
}

let table: Uint8Array | undefined;

/** A sample of `alpha` (high byte of the index) over white, for each sample value (low byte), rounded as pngjs rounds it. */
function overWhite(): Uint8Array {
  if (!table) {
    table = new Uint8Array(256 * 256);
    for (let a = 0; a < 256; a++) {
      const alpha = a / 255;
      for (let c = 0; c < 256; c++) table[(a << 8) | c] = Math.min(Math.max(Math.round((1 - alpha) * 255 + alpha * c), 0), 255);
    }
  }
  return table;
}
