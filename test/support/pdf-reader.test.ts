/**
 * Tests for the test-side PDF reader: small PDFs are generated with pdfkit
 * right here, with text at known positions, and the reader must give every
 * glyph's position back to within 0.01 pt.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import { linesOf, lineTextsOf, readPdf, textOf, type PdfDocumentInfo, type PdfGlyph } from './pdf-reader.js';

const require = createRequire(import.meta.url);
const SERIF = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-serif-sc/package.json')),
  '400Regular/NotoSerifSC_400Regular.ttf',
);
const SANS_BOLD = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json')),
  '700Bold/NotoSansSC_700Bold.ttf',
);

const EPS = 0.01;
const PAGE_W = 595;
const PAGE_H = 842;

/** Independent expectation source: fontkit's own shaping of the same font. */
const serifFont = fontkit.openSync(SERIF) as fontkit.Font;

interface Expected {
  char: string;
  x: number;
  width: number;
}

/**
 * Expected glyph boxes for `text` set at `x0` in `size` pt with character
 * spacing `tc`: each glyph advances by its shaped xAdvance (kerning included)
 * plus Tc; its own width is the unshaped advanceWidth.
 */
function expectedRun(text: string, x0: number, size: number, tc = 0): Expected[] {
  const run = serifFont.layout(text);
  const scale = size / serifFont.unitsPerEm;
  const out: Expected[] = [];
  let x = x0;
  run.glyphs.forEach((g, i) => {
    out.push({ char: String.fromCodePoint(...g.codePoints), x, width: g.advanceWidth * scale });
    x += run.positions[i]!.xAdvance * scale + tc;
  });
  return out;
}

/** Assert |actual - expected| < 0.01 pt, with a readable message. */
function near(actual: number | undefined, expected: number, what: string): void {
  expect(actual, what).toBeTypeOf('number');
  expect(Math.abs(actual! - expected), `${what}: got ${actual}, want ${expected}`).toBeLessThan(EPS);
}

function expectGlyphs(actual: PdfGlyph[], expected: Expected[], y: number, size: number): void {
  expect(textOf(actual)).toBe(expected.map((e) => e.char).join(''));
  expect(actual).toHaveLength(expected.length);
  actual.forEach((g, i) => {
    const e = expected[i]!;
    expect(g.char).toBe(e.char);
    near(g.x, e.x, `x of ${g.char}#${i}`);
    near(g.y, y, `y of ${g.char}#${i}`);
    near(g.width, e.width, `width of ${g.char}#${i}`);
    near(g.size, size, `size of ${g.char}#${i}`);
    expect(g.font).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
  });
}

/** Glyphs of `page` whose baseline is at `y` (±0.5 pt), left to right. */
function glyphsAt(glyphs: PdfGlyph[], y: number): PdfGlyph[] {
  return glyphs.filter((g) => Math.abs(g.y - y) < 0.5).sort((a, b) => a.x - b.x);
}

/** pdfkit internals used to write raw content with the registered font. */
interface PdfkitFontInternals {
  id: string;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
}
interface PdfkitInternals {
  _font: PdfkitFontInternals;
  page: { fonts: Record<string, unknown>; dictionary: { data: Record<string, unknown> } };
}

/** Hex string of the glyph codes pdfkit's font assigns to `text`. */
function hexOf(doc: PDFKit.PDFDocument, text: string): string {
  const internals = doc as unknown as PdfkitInternals;
  return internals._font.encode(text)[0].join('');
}

/** Resource name of the current font, registered on the current page. */
function fontResource(doc: PDFKit.PDFDocument): string {
  const internals = doc as unknown as PdfkitInternals;
  const font = internals._font;
  internals.page.fonts[font.id] ??= font.ref();
  return font.id;
}

async function render(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  doc.registerFont('serif', SERIF);
  doc.registerFont('sans-bold', SANS_BOLD);
  build(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const TEXT = '上城区总工会';

let pdf: PdfDocumentInfo;

beforeAll(async () => {
  const bytes = await render(
    (doc) => {
      // Page 1: pdfkit text API.
      doc.addPage();
      doc.outline.addItem('第一章');
      doc.font('serif').fontSize(9);
      doc.text(TEXT, 72, 100, { lineBreak: false, baseline: 'alphabetic' });
      doc.fontSize(12);
      doc.text(TEXT, 72, 130.25, { lineBreak: false, baseline: 'alphabetic' });
      // Kerned pair (AV) + character spacing (Tc) -> TJ with adjustments.
      doc.text('AV上城 x', 72, 160, { lineBreak: false, baseline: 'alphabetic', characterSpacing: 2 });
      // /ActualText must not replace the glyphs' own chars.
      doc.markContent('Span', { actual: '替换文字' });
      doc.fontSize(10).text('总工会', 300, 100, { lineBreak: false, baseline: 'alphabetic' });
      doc.endMarkedContent();
      // Two "columns" on one baseline.
      doc.fontSize(9);
      doc.text('左栏文字', 72, 200, { lineBreak: false, baseline: 'alphabetic' });
      doc.text('右栏文字', 300, 200, { lineBreak: false, baseline: 'alphabetic' });

      // Raw content the way pdfkit's _fragment writes it: undo the page's
      // top-down CTM (1 0 0 -1 0 H) so text space is PDF space again.
      const f = fontResource(doc);
      const a = hexOf(doc, '上');
      const b = hexOf(doc, '城');
      doc.save();
      doc.transform(1, 0, 0, -1, 0, PAGE_H);
      doc.addContent('BT');
      doc.addContent(`/${f} 10 Tf`);
      doc.addContent(`1 0 0 1 100 ${PAGE_H - 400} Tm`); // baseline 400 from top
      doc.addContent(`[<${a}> -500 <${b}>] TJ`);
      doc.addContent('14 TL');
      doc.addContent('T*'); // next line: baseline 414
      doc.addContent('150 Tz 1 Tc 3 Ts');
      doc.addContent(`<${a}${b}> Tj`); // rise 3 -> baseline 411
      doc.addContent('ET');
      doc.addContent('BT');
      doc.addContent('100 Tz 0 Tc 0 Ts');
      doc.addContent(`/${f} 10 Tf`);
      doc.addContent(`50 ${PAGE_H - 500} Td`);
      doc.addContent(`<${a}> Tj`);
      doc.addContent('20 -30 Td'); // relative to the line start, not the pen
      doc.addContent(`<${b}> Tj`);
      doc.addContent('ET');
      // Scaled CTM: 8 pt text drawn at 2x.
      doc.addContent('q 2 0 0 2 0 0 cm');
      doc.addContent(`BT /${f} 8 Tf 1 0 0 1 50 100 Tm <${a}${b}> Tj ET`);
      doc.addContent('Q');
      doc.restore();
      // Back under pdfkit's top-down page CTM (y down): a y-flipping Tm keeps
      // the glyphs upright and positions them in top-left coordinates.
      doc.addContent(`BT /${f} 10 Tf 1 0 0 -1 200 700 Tm [<${a}> -250 <${b}>] TJ ET`);

      // Page 2: different size, boxes, a second (bold sans) font, nested outline.
      doc.addPage({ size: [420, 595] });
      const data = (doc as unknown as PdfkitInternals).page.dictionary.data;
      data.TrimBox = [9, 9, 411, 586];
      data.BleedBox = [0, 0, 420, 595];
      const chapter = doc.outline.addItem('第二章');
      chapter.addItem('第一节');
      doc.font('sans-bold').fontSize(11).text('粗体标题', 36, 50, { lineBreak: false, baseline: 'alphabetic' });
    },
    { info: { Title: '测试年鉴', Author: 'test' } },
  );
  pdf = await readPdf(bytes);
});

describe('readPdf: per-glyph positions', () => {
  it('pdfkit text at 9 pt and 12 pt', () => {
    const glyphs = pdf.pages[0]!.glyphs;
    expectGlyphs(glyphsAt(glyphs, 100).filter((g) => g.x < 250), expectedRun(TEXT, 72, 9), 100, 9);
    expectGlyphs(glyphsAt(glyphs, 130.25), expectedRun(TEXT, 72, 12), 130.25, 12);
  });

  it('character spacing (Tc) and kerning adjustments in TJ', () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, 160);
    const expected = expectedRun('AV上城 x', 72, 12, 2);
    expectGlyphs(line, expected, 160, 12);
    // Sanity: the AV kern really is there (V starts before A's advance + Tc).
    expect(line[1]!.x - line[0]!.x).toBeLessThan(line[0]!.width + 2 - 0.01);
  });

  it('glyph chars come from ToUnicode, not /ActualText', () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, 100).filter((g) => g.x >= 250);
    expectGlyphs(line, expectedRun('总工会', 300, 10), 100, 10);
  });

  it('raw TJ with a -500 adjustment inside the flipped CTM', () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, 400);
    expect(textOf(line)).toBe('上城');
    near(line[0]!.x, 100, 'line[0].x');
    near(line[1]!.x, 115, 'line[1].x'); // 10 advance + 5 (500/1000 em)
    for (const g of line) {
      near(g.y, 400, 'y');
      near(g.width, 10, 'width');
      near(g.size, 10, 'size');
    }
  });

  it('T* with TL, horizontal scaling (Tz), Tc and rise (Ts)', () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, 411);
    expect(textOf(line)).toBe('上城');
    near(line[0]!.x, 100, 'line[0].x');
    near(line[1]!.x, 100 + (10 + 1) * 1.5, 'line[1].x');
    near(line[0]!.width, 15, 'line[0].width'); // own advance x Tz, Tc excluded
    near(line[0]!.size, 10, 'line[0].size');
    for (const g of line) near(g.y, 411, 'y (414 baseline raised by Ts 3)');
  });

  it('Td moves relative to the start of the line', () => {
    const glyphs = pdf.pages[0]!.glyphs;
    const first = glyphsAt(glyphs, 500);
    const second = glyphsAt(glyphs, 530);
    expect(textOf(first)).toBe('上');
    near(first[0]!.x, 50, 'first[0].x');
    near(first[0]!.y, 500, 'first[0].y');
    expect(textOf(second)).toBe('城');
    near(second[0]!.x, 70, 'second[0].x');
    near(second[0]!.y, 530, 'second[0].y');
  });

  it("text under the page's top-down CTM with a flipping Tm", () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, 700);
    expect(textOf(line)).toBe('上城');
    near(line[0]!.x, 200, 'line[0].x');
    near(line[1]!.x, 212.5, 'line[1].x');
    for (const g of line) {
      near(g.y, 700, 'y');
      near(g.width, 10, 'width');
      near(g.size, 10, 'size');
    }
  });

  it('a scaled CTM scales position, width and effective size', () => {
    const line = glyphsAt(pdf.pages[0]!.glyphs, PAGE_H - 200);
    expect(textOf(line)).toBe('上城');
    near(line[0]!.x, 100, 'line[0].x');
    near(line[1]!.x, 116, 'line[1].x');
    near(line[0]!.width, 16, 'line[0].width');
    near(line[0]!.size, 16, 'line[0].size');
    near(line[0]!.y, PAGE_H - 200, 'line[0].y');
  });
});

describe('readPdf: document structure', () => {
  it('page sizes and boxes', () => {
    expect(pdf.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(pdf.pages[0]!.width).toBe(PAGE_W);
    expect(pdf.pages[0]!.height).toBe(PAGE_H);
    expect(pdf.pages[0]!.boxes).toEqual({ MediaBox: [0, 0, PAGE_W, PAGE_H] });
    expect(pdf.pages[1]!.width).toBe(420);
    expect(pdf.pages[1]!.height).toBe(595);
    expect(pdf.pages[1]!.boxes).toEqual({
      MediaBox: [0, 0, 420, 595],
      TrimBox: [9, 9, 411, 586],
      BleedBox: [0, 0, 420, 595],
    });
  });

  it('fonts are embedded subsets', () => {
    expect(pdf.fonts).toHaveLength(2);
    const [serif, sans] = pdf.fonts;
    expect(serif!.name).toMatch(/^[A-Z]{6}\+NotoSerifSC-Regular$/);
    expect(sans!.name).toMatch(/^[A-Z]{6}\+NotoSansSC-Bold$/);
    for (const f of pdf.fonts) {
      expect(f.embedded).toBe(true);
      expect(f.subset).toBe(true);
      expect(f.composite).toBe(true);
      expect(f.type).toBe('CIDFontType2');
    }
    const bold = pdf.pages[1]!.glyphs;
    expect(textOf(bold)).toBe('粗体标题');
    expect(bold.every((g) => g.font === sans!.name && Math.abs(g.size - 11) < EPS && Math.abs(g.y - 50) < EPS)).toBe(true);
    near(bold[0]!.x, 36, 'bold[0].x');
  });

  it('a non-embedded standard font is reported as not embedded', async () => {
    const bytes = await render((doc) => {
      doc.addPage();
      doc.font('Helvetica').fontSize(10).text('Hi', 50, 60, { lineBreak: false, baseline: 'alphabetic' });
    });
    const { fonts, pages } = await readPdf(bytes);
    expect(fonts).toEqual([{ name: 'Helvetica', embedded: false, subset: false, type: 'Type1', composite: false }]);
    const [h, i] = pages[0]!.glyphs;
    expect(textOf(pages[0]!.glyphs)).toBe('Hi');
    near(h!.x, 50, 'H.x');
    near(h!.y, 60, 'H.y');
    near(h!.width, 7.22, 'H.width'); // Helvetica H = 722/1000
    near(i!.x, 57.22, 'i.x');
  });

  it('outline items resolve to 1-based pages', () => {
    expect(pdf.outline).toEqual([
      { title: '第一章', page: 1, children: [] },
      { title: '第二章', page: 2, children: [{ title: '第一节', page: 2, children: [] }] },
    ]);
  });

  it('info dictionary', () => {
    expect(pdf.info.Title).toBe('测试年鉴');
    expect(pdf.info.Author).toBe('test');
    expect(pdf.info.Producer).toBe('PDFKit');
  });

  it('accepts a file path and does not detach the caller buffer', async () => {
    const bytes = await render((doc) => {
      doc.addPage();
      doc.font('serif').fontSize(9).text('一', 10, 20, { lineBreak: false, baseline: 'alphabetic' });
    });
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pdf-reader-'));
    const file = path.join(dir, 'one.pdf');
    await fs.writeFile(file, bytes);
    try {
      const fromFile = await readPdf(file);
      const fromBytes = await readPdf(bytes);
      expect(bytes.byteLength).toBeGreaterThan(0); // still attached
      expect(fromFile.pages[0]!.glyphs).toEqual(fromBytes.pages[0]!.glyphs);
      expect(fromFile.pages[0]!.glyphs[0]).toMatchObject({ char: '一' });
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('linesOf / textOf', () => {
  it('groups by baseline, splits columns, orders top-to-bottom then left-to-right', () => {
    const lines = lineTextsOf(pdf.pages[0]!.glyphs);
    expect(lines).toEqual([
      TEXT, // y 100, x 72
      '总工会', // y 100, x 300 (gap > 1 em)
      TEXT, // y 130.25
      'AV上城 x', // y 160
      '左栏文字', // y 200
      '右栏文字',
      '上城', // 400
      '上城', // 411
      '上', // 500
      '城', // 530
      '上城', // 642
      '上城', // 700
    ]);
  });

  it('honours tol and maxGapEm', () => {
    const g = (char: string, x: number, y: number): PdfGlyph => ({ char, x, y, width: 10, size: 10, font: 'F' });
    const glyphs = [g('b', 10, 100.4), g('a', 0, 100), g('c', 25, 100), g('d', 0, 120)];
    expect(linesOf(glyphs).map(textOf)).toEqual(['abc', 'd']);
    // Without b, a..c is a 15 pt (> 1 em) gap: split.
    expect(linesOf(glyphs, 0.1).map(textOf)).toEqual(['a', 'c', 'b', 'd']);
    expect(linesOf(glyphs, 1, 0.4).map(textOf)).toEqual(['ab', 'c', 'd']);
  });
});
