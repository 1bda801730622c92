/**
 * The archive's preflight (src/pdf/print-checks.ts): a CMYK JPEG, which PDF/A-2 with the
 * archive's RGB output intent does not allow, is a warning at its figure; once per picture.
 * The JPEGs here are headers only (start, an APP0 segment, a fill byte, the frame header, end):
 * the check reads no more.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { Diagnostics } from '../../src/content/diagnostics.js';
import type { WrittenPage } from '../../src/layout/types.js';
import { checkArchiveImages } from '../../src/pdf/print-checks.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-preflight-'));

/** A JPEG header of `components` colour components, with `metadata` segments of 60 KB (an ICC profile's APP2) before its frame header. */
function jpeg(name: string, components: number, metadata = 0): string {
  const app0 = [0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, 0xea, 0x62]), Buffer.alloc(60_000)]);
  const sof = [0xff, 0xc0, 0x00, 8 + 3 * components, 8, 0, 2, 0, 3, components, ...Array.from({ length: components }, (_, k) => [k + 1, 0x11, 0]).flat()];
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xd8, ...app0]), ...Array<Buffer>(metadata).fill(app2), Buffer.from([0xff, ...sof, 0xff, 0xd9])]));
  return file;
}

const placed = (file: string, line: number) => ({ file, alt: '', pixels: { width: 3, height: 2 }, source: { file: `/e/${line}.md`, line }, x: 0, y: 0, width: 30, height: 20 });

it('warns once about each CMYK JPEG of the archive, at its figure, and not about RGB or grey ones', () => {
  const cmyk = jpeg('cmyk.jpg', 4);
  const pages = [
    { number: 1, images: [placed(cmyk, 4), placed(jpeg('rgb.jpg', 3), 5), placed(jpeg('grey.jpg', 1), 6)] },
    { number: 2, images: [placed(cmyk, 7), placed(jpeg('profiled.jpg', 4, 2), 8), placed(jpeg('profiled-rgb.jpg', 3, 2), 9)] },
  ] as unknown as WrittenPage[];
  const diagnostics = new Diagnostics();
  checkArchiveImages(pages, diagnostics);
  const message = (name: string) => `image ${name} is a CMYK JPEG, which the archive's PDF/A-2 (with an RGB output intent) does not allow: a PDF/A validator will reject the file; give the archive an RGB copy of the photo (the printer's PDF keeps CMYK)`;
  expect(diagnostics.warnings.map((d) => [d.file, d.line, d.message])).toEqual([
    ['/e/4.md', 4, message('cmyk.jpg')],
    // Its frame header lies after 120 KB of metadata, past the first bytes read.
    ['/e/8.md', 8, message('profiled.jpg')],
  ]);
});
