/**
 * Preflight checks for the printer's PDF: every image at least `minPpi` pixels per inch at
 * the size it is printed (a warning naming the entry file and the image).
 */
import path from 'node:path';
import type { Diagnostics } from '../content/diagnostics.js';
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
