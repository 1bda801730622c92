/**
 * `yearbook preview`: real PNG files of the sample's pages at the chosen resolution, with the
 * text drawn (dark pixels in the type area, where the Chinese text is), a contact sheet, page
 * selection by printed page number; and the command on a PDF and on a part (proofed first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { generateEdition } from '../../bench/lib/edition.mjs';
import { build } from '../../src/build.js';
import { describeLabels, PageRangeError, selectPages } from '../../src/preview/page-range.js';
import { pixels } from '../../src/preview/page-drawing.js';
import { CONTACT_SHEET, previewPdf } from '../../src/preview/preview.js';
import { loadTemplate, type Template } from '../../src/template/template.js';
import { ROOT, runCli } from '../cli/cli-process.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which must come first. */
function pngHeader(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(SIGNATURE), `${file}: PNG signature`).toBe(true);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Pixels darker than mid-grey in a rectangle given in pt, of an image at `dpi`. */
function darkPixels(file: string, dpi: number, box: { x: number; y: number; width: number; height: number }): { dark: number; total: number } {
  const png = PNG.sync.read(fs.readFileSync(file));
  const s = dpi / 72;
  const x0 = Math.round(box.x * s);
  const y0 = Math.round(box.y * s);
  const x1 = Math.min(png.width, Math.round((box.x + box.width) * s));
  const y1 = Math.min(png.height, Math.round((box.y + box.height) * s));
  let dark = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * png.width + x) * 4;
      const lum = 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
      if (lum < 128) dark++;
    }
  }
  return { dark, total: (x1 - x0) * (y1 - y0) };
}

/** The type area of a page (recto: odd page numbers, spine on the left). */
function typeArea(t: Template, pageNumber: number) {
  const x = pageNumber % 2 === 1 ? t.innerMargin : t.pageWidth - t.innerMargin - t.areaWidth;
  return { x, y: t.areaTop, width: t.areaWidth, height: t.areaHeight };
}

describe('--pages', () => {
  const labels = ['i', 'ii', 'iii', 'iv', '1', '2', '3', '4', '5'];

  it('names pages by their printed numbers: one page, a range, open ends, roman front matter', () => {
    expect(selectPages(undefined, labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(selectPages('2', labels)).toEqual([5]);
    expect(selectPages('1-3', labels)).toEqual([4, 5, 6]);
    expect(selectPages('ii-iii', labels)).toEqual([1, 2]);
    expect(selectPages('iv-2', labels)).toEqual([3, 4, 5]);
    expect(selectPages('4-', labels)).toEqual([7, 8]);
    expect(selectPages('-ii', labels)).toEqual([0, 1]);
    expect(selectPages(' 1 - 2 ', labels)).toEqual([4, 5]);
  });

  it('refuses pages the PDF does not have, or a range backwards, naming the pages it has', () => {
    for (const spec of ['9', '3-1', 'x', '1-2-3', '-', '0-2']) expect(() => selectPages(spec, labels)).toThrow(PageRangeError);
    expect(() => selectPages('9', labels)).toThrow('its pages are i–iv, 1–5');
    expect(describeLabels(['1', '2', '3'])).toBe('1–3');
    expect(describeLabels(['4'])).toBe('4');
  });
});

describe('page images of the sample edition', () => {
  let pdf: string;
  let template: Template;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-preview-'));
    pdf = path.join(work, 'sample.pdf');
    await build('content/2019', { output: pdf });
    template = loadTemplate('default');
  });

  it('writes one PNG per page of the first body pages, at page size × dpi / 72, with the text drawn', async () => {
    const out = path.join(work, 'body');
    const result = await previewPdf(pdf, { pages: '1-2', outDir: out });
    expect(result.dpi).toBe(100);
    expect(result.pages.map((p) => [p.label, path.basename(p.file)])).toEqual([['1', 'page-007-1.png'], ['2', 'page-008-2.png']]);
    const width = Math.round((template.pageWidth * 100) / 72);
    const height = Math.round((template.pageHeight * 100) / 72);
    expect([width, height]).toEqual([827, 1122]);
    for (const p of result.pages) {
      expect(pngHeader(p.file)).toEqual({ width, height });
      expect([p.width, p.height]).toEqual([width, height]);
      // Text on the page: a good share of the type area is ink (two columns of 小五 text)…
      const area = darkPixels(p.file, 100, typeArea(template, Number(p.label)));
      expect(area.dark / area.total, `${p.file}: ink in the type area`).toBeGreaterThan(0.03);
      // …and none in the corner of the margin.
      expect(darkPixels(p.file, 100, { x: 0, y: 0, width: 30, height: 30 }).dark).toBe(0);
    }
    expect(fs.readdirSync(out).sort()).toEqual([CONTACT_SHEET, 'page-007-1.png', 'page-008-2.png']);
  });

  it('takes the resolution asked for, and replaces the images of an earlier run', async () => {
    const out = path.join(work, 'dpi');
    await previewPdf(pdf, { pages: '1-3', outDir: out });
    const result = await previewPdf(pdf, { pages: 'i', dpi: 72, outDir: out });
    expect(fs.readdirSync(out).sort()).toEqual([CONTACT_SHEET, 'page-001-i.png']);
    expect(pngHeader(result.pages[0]!.file)).toEqual({ width: pixels(template.pageWidth, 72), height: pixels(template.pageHeight, 72) });
    // the title page: the book title in large 黑体 across the middle
    const title = darkPixels(result.pages[0]!.file, 72, { x: 0, y: template.pageHeight * 0.2, width: template.pageWidth, height: template.pageHeight * 0.15 });
    expect(title.dark).toBeGreaterThan(500);
  });

  it('makes a contact sheet: thumbnails at 30 dpi, four to a row, the page number under each', async () => {
    const out = path.join(work, 'sheet');
    const result = await previewPdf(pdf, { pages: '1-6', outDir: out });
    const thumbW = pixels(template.pageWidth, 30);
    const thumbH = pixels(template.pageHeight, 30);
    expect(result.contactSheets.map((f) => path.basename(f))).toEqual([CONTACT_SHEET]);
    const sheet = pngHeader(result.contactSheets[0]!);
    // margins 24, gaps 20, a 34 px title line, 26 px labels
    expect(sheet.width).toBe(2 * 24 + 4 * thumbW + 3 * 20);
    expect(sheet.height).toBe(24 + 34 + 2 * (thumbH + 26) + 20 + 24);
    const png = PNG.sync.read(fs.readFileSync(result.contactSheets[0]!));
    const darkIn = (x0: number, y0: number, x1: number, y1: number) => {
      let n = 0;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (png.data[(y * png.width + x) * 4]! < 100) n++;
      return n;
    };
    // text in the first thumbnail, and its label under it
    expect(darkIn(24, 58, 24 + thumbW, 58 + thumbH)).toBeGreaterThan(200);
    expect(darkIn(24, 58 + thumbH + 2, 24 + thumbW, 58 + thumbH + 26)).toBeGreaterThan(5);
  });

  it('puts a book\'s pages on several contact sheets, forty (here three) to a sheet, and replaces those of an earlier run', async () => {
    const out = path.join(work, 'sheets');
    const result = await previewPdf(pdf, { pages: '1-7', outDir: out, perSheet: 3 });
    expect(result.contactSheets.map((f) => path.basename(f))).toEqual(['contact-sheet-01.png', 'contact-sheet-02.png', 'contact-sheet-03.png']);
    const thumbW = pixels(template.pageWidth, 30);
    const thumbH = pixels(template.pageHeight, 30);
    // Three thumbnails in one row; the last sheet holds the seventh page alone.
    expect(pngHeader(result.contactSheets[0]!)).toEqual({ width: 2 * 24 + 3 * thumbW + 2 * 20, height: 24 + 34 + thumbH + 26 + 24 });
    expect(pngHeader(result.contactSheets[2]!)).toEqual({ width: 2 * 24 + thumbW, height: 24 + 34 + thumbH + 26 + 24 });
    await previewPdf(pdf, { pages: '1-2', outDir: out, perSheet: 3 });
    expect(fs.readdirSync(out).filter((f) => f.startsWith('contact-sheet'))).toEqual([CONTACT_SHEET]);
  });

  it('refuses pages the PDF does not have', async () => {
    await expect(previewPdf(pdf, { pages: '99', outDir: path.join(work, 'none') })).rejects.toThrow(/its pages are i–vi, 1–\d+/);
  });

  it('`yearbook preview <pdf>`: the images and a summary; exit 2 for pages it does not have', () => {
    const out = path.join(work, 'cli');
    const r = runCli(['preview', pdf, '--pages', '2', '--resolution', '50', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}: 1 page image(s) at 50 dpi\n${out}/${CONTACT_SHEET}: contact sheet\n`);
    expect(pngHeader(path.join(out, 'page-008-2.png'))).toEqual({ width: pixels(template.pageWidth, 50), height: pixels(template.pageHeight, 50) });
    const bad = runCli(['preview', pdf, '--pages', '99', '--out', out], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('错误：--pages“99”不是这份 PDF 中的页');
    expect(runCli(['preview', pdf, '--resolution', 'fine']).status).toBe(2);
    expect(runCli(['preview', path.join(work, 'missing.pdf')]).status).toBe(1);
  });
});

describe('`yearbook preview` of a part', () => {
  it('proofs the 分目 first, then writes its pages to out/preview/<proof name>/', () => {
    const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-preview-part-'));
    const section = path.join(ROOT, 'content/2019/01-qunzhong-tuanti/03-fulian');
    const r = runCli(['preview', section], { cwd });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^out\/proof\/.*\.pdf: pages \d+–\d+/);
    const [name] = fs.readdirSync(path.join(cwd, 'out', 'preview'));
    const files = fs.readdirSync(path.join(cwd, 'out', 'preview', name!));
    expect(files).toContain(CONTACT_SHEET);
    const pages = files.filter((f) => f.startsWith('page-'));
    expect(pages.length).toBeGreaterThan(0);
    for (const f of pages) expect(pngHeader(path.join(cwd, 'out', 'preview', name!, f)).width).toBe(827);
  });
});

describe('preview workers', () => {
  it('draw pages beside the main thread into the very same images and contact sheets', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-preview-workers-'));
    // Four 类目: more than forty pages, so two contact sheets, filled in whatever order pages come.
    const edition = path.join(tmp, 'n4');
    generateEdition(path.join(ROOT, 'content/2019'), edition, 4);
    const pdf = path.join(tmp, 'n4.pdf');
    expect(runCli(['build', edition, '-o', pdf]).status).toBe(0);
    const preview = (workers: number) => {
      const out = path.join(tmp, `w${workers}`);
      const r = runCli(['preview', pdf, '--resolution', '30', '--out', out], { env: { YEARBOOK_WORKERS: String(workers) } });
      expect(r.status, r.stderr).toBe(0);
      return { out, stdout: r.stdout, files: fs.readdirSync(out).sort() };
    };
    const one = preview(0);
    const two = preview(1);
    expect(one.stdout).toMatch(/: \d+ page image\(s\) at 30 dpi\n/);
    expect(two.stdout).toMatch(/: \d+ page image\(s\) at 30 dpi, drawn on 2 threads\n/);
    expect(two.files.filter((f) => f.startsWith('contact-sheet'))).toEqual(['contact-sheet-01.png', 'contact-sheet-02.png']);
    expect(two.files).toEqual(one.files);
    for (const f of one.files) expect(fs.readFileSync(path.join(two.out, f)).equals(fs.readFileSync(path.join(one.out, f))), f).toBe(true);
  }, 120_000);
});
