/**
 * A JPEG whose EXIF orientation turns it a quarter (phones store portrait photos as landscape
 * pictures with orientation 6) is printed as it is shown: pdfkit draws it turned, so its
 * frame must take the shown shape, or the photo is squeezed into the stored one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { makeEdition } from '../support/edition-fixture.js';
import { readPdf, type PdfImage } from '../support/pdf-reader.js';

/** A 600 × 400 JPEG, with an EXIF orientation tag when `orientation` is given. */
function jpeg(orientation?: number): Buffer {
  const canvas = createCanvas(600, 400);
  const g = canvas.getContext('2d');
  g.fillStyle = '#c33';
  g.fillRect(0, 0, 300, 400);
  const data = canvas.toBuffer('image/jpeg', 90);
  if (orientation === undefined) return data;
  // APP1: Exif, a big-endian TIFF header and one IFD entry (0x0112 Orientation, SHORT).
  const tiff = Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([data.subarray(0, 2), app1, data.subarray(2)]);
}

const FIGURE = 'figures:\n  - image: images/photo.jpg\n    caption: 2018 年 6 月，区总工会开展活动\n    credit: 区总工会\n';

/** An edition of one entry whose photo is `photo`; the drawn image's box in its PDF, and the figure's pixel size. */
async function printed(photo: Buffer): Promise<{ image: PdfImage; pixels: { width: number; height: number } }> {
  const dir = makeEdition([{ title: '群众团体', sections: [{ title: '区总工会', entries: [{ title: '概况', body: '2018年，区总工会开展活动。'.repeat(20), extra: FIGURE }] }] }]);
  const images = path.join(dir, '01-c', '01-s', 'images');
  fs.writeFileSync(path.join(images, 'photo.jpg'), photo);
  const output = path.join(dir, 'out.pdf');
  await build(dir, { output });
  const drawn = (await readPdf(output)).pages.flatMap((p) => p.images);
  expect(drawn).toHaveLength(1);
  const pixels = loadEdition(dir).edition.categories[0]!.sections[0]!.entries[0]!.figures[0]!.pixels;
  return { image: drawn[0]!, pixels };
}

describe('photo orientation', () => {
  let upright: Awaited<ReturnType<typeof printed>>;
  let turned: Awaited<ReturnType<typeof printed>>;
  beforeAll(async () => {
    upright = await printed(jpeg());
    turned = await printed(jpeg(6));
  });

  it('gives a picture without the tag its stored shape', () => {
    expect(upright.pixels).toEqual({ width: 600, height: 400 });
    expect(upright.image.width / upright.image.height).toBeCloseTo(1.5, 2);
  });

  it('gives a picture turned by its EXIF orientation the shape it is shown in, in the frame and on the page', () => {
    expect(turned.pixels).toEqual({ width: 400, height: 600 });
    expect(turned.image.height / turned.image.width).toBeCloseTo(1.5, 2);
  });
});
