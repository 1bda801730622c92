/**
 * PNG files as this program writes them: 8 bits a sample, not interlaced, the image data in
 * one IDAT chunk (png-flatten.ts for pictures flattened before they are embedded, and
 * preview/page-png.ts for page images).
 */
import zlib from 'node:zlib';

/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG colour types: grey, RGB, RGB and alpha. */
export type PngColourType = 0 | 2 | 6;

/** A PNG file of `width` × `height` pixels whose rows (each after its filter type), deflated, are `data`. */
export function pngFile(width: number, height: number, colourType: PngColourType, data: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  // 8 bits; deflate, the adaptive filters, not interlaced.
  header.set([8, colourType, 0, 0, 0], 8);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', data), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, body: Buffer): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, 'latin1');
  body.copy(out, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + body.length)), 8 + body.length);
  return out;
}
