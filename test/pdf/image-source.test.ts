/**
 * Pictures into the PDF (src/pdf/image-source.ts). An opaque PNG is read from its chunks and
 * gives the same PDF, byte for byte, as pdfkit reading the file itself; one with transparency
 * or interlacing is decoded and flattened onto white as an opaque PNG first. The fixtures
 * were made with ImageMagick: a 16-bit RGB gradient saved interlaced, a blue rectangle on a
 * palette whose white is transparent, and gradients at 1 and 2 bits of grey and in a 4-bit
 * palette.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { FileSink } from '../../src/pdf/file-sink.js';
import { imageSource, opaquePng } from '../../src/pdf/image-source.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-image-'));
const SAMPLE_PNG = 'content/2019/01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png';

function pngFile(name: string, width: number, height: number, pixel: (x: number, y: number) => number[], options: object): string {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) png.data.set(pixel(x, y), 4 * (y * width + x));
  const file = path.join(tmp, name);
  fs.writeFileSync(file, PNG.sync.write(png, options));
  return file;
}

/** A 2 × 1 RGBA PNG: a transparent pixel, then red at half opacity. */
const rgbaFile = () => pngFile('rgba.png', 2, 1, (x) => (x === 0 ? [0, 0, 0, 0] : [255, 0, 0, 128]), { colorType: 6 });

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** The PNG in `file` with its image data split over `parts` IDAT chunks, as large photos have it, and `extra` chunks before the data. */
function rechunked(file: string, parts: number, extra: Buffer[] = []): Buffer {
  const data = fs.readFileSync(file);
  const chunks: { type: string; body: Buffer }[] = [];
  for (let at = 8; at < data.length; at += 12 + data.readUInt32BE(at)) {
    chunks.push({ type: data.toString('latin1', at + 4, at + 8), body: data.subarray(at + 8, at + 8 + data.readUInt32BE(at)) });
  }
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.body));
  const size = Math.ceil(idat.length / parts);
  const split = Array.from({ length: parts }, (_, k) => chunk('IDAT', idat.subarray(k * size, (k + 1) * size)));
  const ihdr = chunks.find((c) => c.type === 'IHDR')!;
  const plte = chunks.filter((c) => c.type === 'PLTE').map((c) => chunk('PLTE', c.body));
  return Buffer.concat([data.subarray(0, 8), chunk('IHDR', ihdr.body), ...plte, ...extra, ...split, chunk('IEND', Buffer.alloc(0))]);
}

/** The largest byte array an object holds, looking into the objects it holds too. */
function largestArray(o: unknown, depth = 0): number {
  if (o instanceof Uint8Array) return o.length;
  if (typeof o !== 'object' || o === null || depth > 2) return 0;
  return Math.max(0, ...Object.values(o).map((v) => largestArray(v, depth + 1)));
}

let written = 0;

/**
 * The bytes of a one-page PDF with the picture drawn twice, by pdfkit reading it (`ours`
 * false) or through imageSource, written as the book's are, by a FileSink.
 */
function pdfWith(file: string, ours: boolean): Buffer {
  const doc = new PDFDocument({ info: { CreationDate: new Date(0) } });
  const out = path.join(tmp, `out-${++written}.pdf`);
  new FileSink(out).attach(doc);
  for (const y of [0, 200]) doc.image(ours ? imageSource(doc, file) : file, 0, y, { width: 100 });
  doc.end();
  return fs.readFileSync(out);
}

function decoded(data: Buffer): PNG & { colorType: number; interlace: boolean } {
  return PNG.sync.read(data) as PNG & { colorType: number; interlace: boolean };
}

/** Drawn twice, embedded once, in the bytes pdfkit writes when it reads the file itself. */
function expectSamePdf(file: string): void {
  const ours = pdfWith(file, true);
  expect(ours.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
  expect(ours.equals(pdfWith(file, false))).toBe(true);
}

describe('opaque PNGs, read from their chunks', () => {
  const cases: [string, () => string][] = [
    ['the sample photo (8-bit palette)', () => SAMPLE_PNG],
    ['8-bit RGB', () => pngFile('rgb.png', 40, 30, (x, y) => [x * 6, y * 8, (x + y) * 3, 255], { colorType: 2 })],
    ['16-bit grey', () => pngFile('grey16.png', 33, 7, (x, y) => [x * 7, x * 7, x * 7, y], { colorType: 0, bitDepth: 16 })],
    ['16-bit RGB', () => pngFile('rgb16.png', 9, 9, (x, y) => [x * 20, y * 20, 99, 255], { colorType: 2, bitDepth: 16 })],
    ['1-bit grey', () => 'test/fixtures/grey-1bit.png'],
    ['2-bit grey', () => 'test/fixtures/grey-2bit.png'],
    ['4-bit palette', () => 'test/fixtures/palette-4bit.png'],
    ['image data in five IDAT chunks', () => {
      const file = path.join(tmp, 'split.png');
      fs.writeFileSync(file, rechunked(pngFile('whole.png', 64, 64, (x, y) => [x * 4, y * 4, x ^ y, 255], { colorType: 2 }), 5));
      return file;
    }],
    ['a photo of 300 KB in IDAT chunks of 15 KB, most of them beyond the 64 KB read at a time', () => {
      let seed = 7;
      const noise = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 23;
      const whole = pngFile('noise.png', 320, 320, () => [noise(), noise(), noise(), 255], { colorType: 2 });
      const file = path.join(tmp, 'noise-split.png');
      fs.writeFileSync(file, rechunked(whole, 20));
      expect(fs.statSync(file).size).toBeGreaterThan(300_000);
      return file;
    }],
  ];
  for (const [name, file] of cases) {
    it(`gives the PDF pdfkit writes from the file itself: ${name}`, () => {
      expectSamePdf(file());
    });
  }

  it('lets the image data go once written (pdfkit keeps its images until the PDF ends)', () => {
    const file = pngFile('kept.png', 300, 200, (x, y) => [(x * 7) & 255, (y * 13) & 255, (x * y) & 255, 255], { colorType: 2 });
    const doc = new PDFDocument();
    new FileSink(path.join(tmp, 'kept.pdf')).attach(doc);
    doc.image(imageSource(doc, file), 0, 0, { width: 100 });
    const kept = (doc as unknown as { _imageRegistry: Record<string, { width: number }> })._imageRegistry[file]!;
    expect(kept.width).toBe(300);
    expect(largestArray(kept)).toBeLessThan(1000);
    doc.end();
  });

  it('names the file when the PNG has a colour type PNG does not define', () => {
    const data = Buffer.from(fs.readFileSync(SAMPLE_PNG));
    // IHDR's colour type (byte 25) from 3 to 5; its CRC is not checked.
    data[25] = 5;
    const file = path.join(tmp, 'type5.png');
    fs.writeFileSync(file, data);
    expect(() => pdfWith(file, true)).toThrow(`${file}: its header gives colour type 5 at 8 bits, which PNG does not define; the PNG file is damaged: export it again`);
  });

  it('names the file when the PNG is cut short', () => {
    const whole = fs.readFileSync(SAMPLE_PNG);
    const file = path.join(tmp, 'cut.png');
    fs.writeFileSync(file, whole.subarray(0, whole.length - 100));
    expect(() => pdfWith(file, true)).toThrow(`${file}: its IDAT chunk is cut short; the PNG file is damaged: export it again`);
  });
});

/** A JPEG of noise and gradients (so that it does not compress to little), `width` × `height`. */
function jpegData(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const image = g.createImageData(width, height);
  let seed = 7;
  for (let k = 0; k < width * height; k++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    image.data.set([(k % width) & 255, (k / width) & 255, (seed >> 16) & 255, 255], 4 * k);
  }
  g.putImageData(image, 0, 0);
  return canvas.toBuffer('image/jpeg', 95);
}

/** A segment of `marker` holding `body`. */
const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);

/** `segments` put in after the JPEG's start-of-image marker, before its own. */
const withSegments = (data: Buffer, ...segments: Buffer[]) => Buffer.concat([data.subarray(0, 2), ...segments, data.subarray(2)]);

/** A JPEG's start, a frame header of 3 × 2 pixels in `components` colour components, and its end. */
function jpegHeader(components: number): Buffer {
  const sof = [0xff, 0xc0, 0, 8 + 3 * components, 8, 0, 2, 0, 3, components, ...Array.from({ length: components }, (_, k) => [k + 1, 0x11, 0]).flat()];
  return Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]);
}

/** Exif, a big-endian TIFF header and one IFD entry: orientation 6, a quarter turn, which pdfkit draws turned. */
const EXIF_TURNED = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0])]);

function jpegFile(name: string, data: Buffer): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('JPEGs, copied from their files', () => {
  const cases: [string, () => string][] = [
    ['a small photo', () => jpegFile('small.jpg', jpegData(60, 40))],
    // More than a megabyte (1.2 MB): copied in two blocks.
    ['a photo of more than a megabyte', () => jpegFile('large.jpg', jpegData(1600, 1200))],
    ['a photo turned by its EXIF orientation', () => jpegFile('turned.jpg', withSegments(jpegData(60, 40), segment(0xe1, EXIF_TURNED)))],
    // Headers only (pdfkit embeds a JPEG as it is, decoding nothing): one component, and four, which pdfkit inverts.
    ['a grey JPEG', () => jpegFile('grey.jpg', jpegHeader(1))],
    ['a CMYK JPEG', () => jpegFile('cmyk.jpg', jpegHeader(4))],
    // Metadata (two ICC-profile-sized segments) before the frame header, beyond the first 64 KB that are read first.
    ['a frame header after 100 KB of metadata', () => jpegFile('late-header.jpg', withSegments(jpegData(60, 40), segment(0xe2, Buffer.alloc(50_000, 1)), segment(0xe2, Buffer.alloc(50_000, 2))))],
  ];
  for (const [name, file] of cases) {
    it(`gives the PDF pdfkit writes from the file itself: ${name}`, () => {
      const f = file();
      expectSamePdf(f);
      // The JPEG, whole, is the image's stream.
      expect(pdfWith(f, true).includes(fs.readFileSync(f))).toBe(true);
    });
  }

  it('names the file when pdfkit cannot read the JPEG (a fill byte before a marker, which pdfkit reads as a marker)', () => {
    const header = jpegHeader(3);
    const file = jpegFile('fill-byte.jpg', Buffer.concat([header.subarray(0, 2), Buffer.from([0xff]), header.subarray(2)]));
    expect(() => pdfWith(file, true)).toThrow(`${file}: pdfkit cannot read this JPEG (Invalid JPEG.): open it in an image editor and save it again as JPEG`);
  });

  it('holds no more of the photo than its header', () => {
    const file = jpegFile('held.jpg', jpegData(300, 200));
    const doc = new PDFDocument();
    new FileSink(path.join(tmp, 'held.pdf')).attach(doc);
    doc.image(imageSource(doc, file), 0, 0, { width: 100 });
    expect(largestArray((doc as unknown as { _imageRegistry: Record<string, unknown> })._imageRegistry[file])).toBeLessThan(1000);
    doc.end();
  });

  it('stops, naming the file, when the file became shorter before its bytes were copied', () => {
    const file = jpegFile('shrunk.jpg', jpegData(300, 200));
    const doc = new PDFDocument();
    new FileSink(path.join(tmp, 'shrunk.pdf')).attach(doc);
    const source = imageSource(doc, file);
    fs.truncateSync(file, 1000);
    expect(() => doc.image(source, 0, 0, { width: 100 })).toThrow(`${file} became shorter while it was being read: build again`);
  });

});

it('needs the output taken at once (a FileSink), as photos pass through one buffer', () => {
  const doc = new PDFDocument();
  doc.on('data', () => {});
  expect(() => imageSource(doc, SAMPLE_PNG)).toThrow('photos are copied into the PDF through one buffer: the document\'s output must go to a FileSink');
});

describe('PNGs with transparency or interlacing, flattened', () => {
  it('keeps an opaque PNG as it is', () => {
    const data = fs.readFileSync(SAMPLE_PNG);
    expect(opaquePng(SAMPLE_PNG, data)).toBe(data);
  });

  it('flattens an alpha channel onto white, as opaque RGB', () => {
    const png = decoded(opaquePng('rgba.png', fs.readFileSync(rgbaFile())));
    expect(png.colorType).toBe(2);
    expect([...png.data]).toEqual([255, 255, 255, 255, 255, 127, 127, 255]);
  });

  it('flattens 8-bit RGBA and grey-and-alpha PNGs, whatever their rows\' filters, to the bytes pngjs gives', () => {
    const asPngjs = (data: Buffer) => PNG.sync.write(PNG.sync.read(data), { colorType: 2, inputColorType: 6, bgColor: { red: 255, green: 255, blue: 255 }, filterType: 1, deflateLevel: 6 });
    for (const [colorType, filterType] of [[6, 0], [6, 1], [6, 2], [6, 3], [6, 4], [4, 3], [4, 4]] as const) {
      // Few sample values, so that Paeth's predictions tie.
      const level = (x: number, y: number, k: number) => (((x * 31 + y * 17 + k) * (x + 3 * y + k)) % 5) * 60;
      const file = pngFile(`filter-${colorType}-${filterType}.png`, 37, 23, (x, y) => [level(x, y, 1), level(x, y, 2), level(x, y, 3), level(x, y, 4)], { colorType, filterType });
      const data = fs.readFileSync(file);
      expect(opaquePng(file, data).equals(asPngjs(data)), `colour type ${colorType}, filter ${filterType}`).toBe(true);
    }
  });

  it('flattens a palette with a transparent entry onto white', () => {
    const png = decoded(opaquePng('palette-transparent.png', fs.readFileSync('test/fixtures/palette-transparent.png')));
    const pixel = (x: number, y: number) => [...png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3)];
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
    expect(pixel(30, 20)).toEqual([0x33, 0x66, 0xcc]);
  });

  it('flattens an RGB colour key (tRNS) onto white, where pdfkit would mask the wrong colour', () => {
    // Black is transparent: the key is three 16-bit samples.
    const file = path.join(tmp, 'keyed.png');
    const source = pngFile('unkeyed.png', 2, 1, (x) => (x === 0 ? [0, 0, 0, 255] : [10, 20, 30, 255]), { colorType: 2 });
    fs.writeFileSync(file, rechunked(source, 1, [chunk('tRNS', Buffer.alloc(6))]));
    const png = decoded(opaquePng(file, fs.readFileSync(file)));
    expect(png.colorType).toBe(2);
    expect([...png.data]).toEqual([255, 255, 255, 255, 10, 20, 30, 255]);
  });

  it('gives an interlaced PNG not interlaced, with the same pixels', () => {
    const file = 'test/fixtures/interlaced-16bit.png';
    const png = decoded(opaquePng(file, fs.readFileSync(file)));
    expect(png.interlace).toBe(false);
    expect([...png.data]).toEqual([...PNG.sync.read(fs.readFileSync(file)).data]);
  });
});
