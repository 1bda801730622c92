/**
 * Pictures pdfkit could embed only asynchronously (transparency, interlacing) are given to it
 * decoded and flattened onto white as opaque PNGs (src/pdf/image-source.ts); others as files.
 * The two fixtures were made with ImageMagick: a 16-bit RGB gradient saved interlaced, and a
 * blue rectangle on a palette whose white is transparent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { imageSource } from '../../src/pdf/image-source.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-image-'));
const SAMPLE_PNG = 'content/2019/01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png';

/** A 2 × 1 RGBA PNG: a transparent pixel, then red at half opacity. */
function rgbaFile(): string {
  const png = new PNG({ width: 2, height: 1 });
  png.data.set([0, 0, 0, 0, 255, 0, 0, 128]);
  const file = path.join(tmp, 'rgba.png');
  fs.writeFileSync(file, PNG.sync.write(png, { colorType: 6 }));
  return file;
}

function decoded(source: string | Buffer): PNG & { colorType: number; interlace: boolean } {
  expect(Buffer.isBuffer(source)).toBe(true);
  return PNG.sync.read(source as Buffer) as PNG & { colorType: number; interlace: boolean };
}

describe('image sources', () => {
  it('gives an opaque PNG and a JPEG as their files', () => {
    expect(imageSource(SAMPLE_PNG)).toBe(SAMPLE_PNG);
    const jpeg = path.join(tmp, 'photo.jpg');
    fs.writeFileSync(jpeg, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    expect(imageSource(jpeg)).toBe(jpeg);
  });

  it('flattens an alpha channel onto white, as opaque RGB', () => {
    const png = decoded(imageSource(rgbaFile()));
    expect(png.colorType).toBe(2);
    expect([...png.data]).toEqual([255, 255, 255, 255, 255, 127, 127, 255]);
  });

  it('flattens a palette with a transparent entry onto white', () => {
    const png = decoded(imageSource('test/fixtures/palette-transparent.png'));
    const pixel = (x: number, y: number) => [...png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3)];
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
    expect(pixel(30, 20)).toEqual([0x33, 0x66, 0xcc]);
  });

  it('gives an interlaced PNG not interlaced, with the same pixels', () => {
    const file = 'test/fixtures/interlaced-16bit.png';
    const png = decoded(imageSource(file));
    expect(png.interlace).toBe(false);
    expect([...png.data]).toEqual([...PNG.sync.read(fs.readFileSync(file)).data]);
  });
});
