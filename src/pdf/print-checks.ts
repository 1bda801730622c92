/**
 * Preflight checks: for the printer's PDF, every image at least `minPpi` pixels per inch at
 * the size it is printed; for the archive's, no CMYK photo. Warnings naming the entry file and
 * the image.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostics } from '../content/diagnostics.js';
import { fromImageHead } from '../content/read-at.js';
import type { WrittenPage } from '../layout/types.js';

export function checkImageResolution(pages: readonly WrittenPage[], minPpi: number, diagnostics: Diagnostics): void {
  for (const page of pages) {
    for (const img of page.images) {
      const { width, height } = img.pixels;
      const ppi = Math.min(width / (img.width / 72), height / (img.height / 72));
      if (ppi < minPpi) {
        diagnostics.warning(img.source.file, img.source.line, 1,
          `image ${path.basename(img.file)} is ${Math.round(ppi)} ppi at its printed size on page ${page.number} (${(img.width / 72 * 25.4).toFixed(0)} mm wide); print needs ${minPpi} ppi: supply a larger original`);
      }
    }
  }
}

/**
 * The archive is PDF/A-2 with an sRGB output intent, under which a DeviceCMYK image is not
 * allowed (ISO 19005-2, 6.2.4.3): a CMYK JPEG, as printers ask for, makes a file that PDF/A
 * validators reject. pdfkit embeds a JPEG as it is, so the photo itself has to be RGB.
 */
export function checkArchiveImages(pages: readonly WrittenPage[], diagnostics: Diagnostics): void {
  const reported = new Set<string>();
  for (const page of pages) {
    for (const img of page.images) {
      if (reported.has(img.file) || jpegComponents(img.file) !== 4) continue;
      reported.add(img.file);
      diagnostics.warning(img.source.file, img.source.line, 1,
        `image ${path.basename(img.file)} is a CMYK JPEG, which the archive's PDF/A-2 (with an RGB output intent) does not allow: a PDF/A validator will reject the file; give the archive an RGB copy of the photo (the printer's PDF keeps CMYK)`);
    }
  }
}

/**
 * The number of colour components in the frame header of the JPEG `file` (1 grey, 3 YCbCr or
 * RGB, 4 CMYK), read from its first bytes where they hold it; 0 for another kind of file.
 */
function jpegComponents(file: string): number | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    return fromImageHead(fd, fs.fstatSync(fd).size, frameComponents);
  } finally {
    fs.closeSync(fd);
  }
}

/** As jpegComponents, of the first bytes of a file; undefined where the frame header is not among them. */
function frameComponents(data: Buffer): number | undefined {
  if (data.length < 2 || data.readUInt16BE(0) !== 0xffd8) return 0;
  // Segment after segment to the first start-of-frame (SOF0–SOF15 but DHT, JPG and DAC).
  for (let at = 2; at + 4 <= data.length;) {
    if (data[at] !== 0xff) return 0;
    const marker = data[at + 1]!;
    // A fill byte before a marker.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return data[at + 9];
    at += 2 + data.readUInt16BE(at + 2);
  }
  return undefined;
}
