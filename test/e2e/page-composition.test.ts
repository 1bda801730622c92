/**
 * Page composition of the sample edition, checked from the PDF: nothing overlaps, nothing
 * leaves the type area but running heads and folios, figures come after their entry starts
 * and keep to the grid, text runs around inset figures, and the last page is balanced.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PdfGlyph } from '../support/pdf-reader.js';
import { bodyPages, buildSample, columnLeft, emBox, type BuiltSample } from '../support/sample.js';

let s: BuiltSample;
beforeAll(async () => {
  s = await buildSample();
});

const visible = (g: PdfGlyph) => g.char.trim() !== '';
/** Opening brackets trimmed at line start are drawn half an em left of their advance box. */
const OPENING = new Set([...'“‘（《〈【〖〔［｛「『']);
const boxStart = (g: PdfGlyph) => g.x + (OPENING.has(g.char) ? g.size / 2 : 0);
/** Closing marks and pause/stop marks may end a line at half width (their blank right half cut). */
const CLOSING = new Set([...'，。、；：？！）》」』】〕〗］｝”’']);
const boxEnd = (g: PdfGlyph) => g.x + (CLOSING.has(g.char) ? g.size / 2 : g.width);

describe('page composition of the sample edition', () => {
  it('overlaps no glyph with another glyph or with an image', () => {
    for (const page of s.pdf.pages) {
      const boxes = page.glyphs.filter(visible).map((g) => ({ g, b: emBox(g) }));
      // Glyphs on different baselines must not touch (same-baseline neighbours may abut).
      boxes.sort((a, b) => a.b.y0 - b.b.y0);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length && boxes[j]!.b.y0 < boxes[i]!.b.y1; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          if (Math.abs(a.g.y - b.g.y) < 0.5) continue;
          const ox = Math.min(a.b.x1, b.b.x1) - Math.max(a.b.x0, b.b.x0);
          expect(ox > 0.5, `p${page.number} ${a.g.char}@${a.g.x.toFixed(1)},${a.g.y.toFixed(1)} / ${b.g.char}@${b.g.y.toFixed(1)}`).toBe(false);
        }
      }
      for (const img of page.images) {
        for (const { g, b } of boxes) {
          const ox = Math.min(b.x1, img.x + img.width) - Math.max(b.x0, img.x);
          const oy = Math.min(b.y1, img.y + img.height) - Math.max(b.y0, img.y);
          expect(ox > 0.1 && oy > 0.1, `p${page.number} ${g.char} on an image`).toBe(false);
        }
      }
    }
  });

  it('keeps everything but running heads and folios inside the type area', () => {
    const t = s.template;
    for (const page of s.pdf.pages) {
      const left = columnLeft(t, page.number, 0);
      for (const g of page.glyphs.filter(visible)) {
        const b = emBox(g);
        expect(boxStart(g), `p${page.number} ${g.char}`).toBeGreaterThanOrEqual(left - 0.01);
        expect(boxEnd(g), `p${page.number} ${g.char}`).toBeLessThanOrEqual(left + t.areaWidth + 0.01);
        expect(b.y1, `p${page.number} ${g.char}`).toBeLessThanOrEqual(t.areaTop + t.areaHeight + 0.01);
        if (b.y0 < t.areaTop - 0.01) expect(g.y, 'running head above the head rule').toBeLessThan(t.areaTop - t.running_head.offset);
      }
      for (const img of page.images) {
        expect(img.x).toBeGreaterThanOrEqual(left - 0.01);
        expect(img.x + img.width).toBeLessThanOrEqual(left + t.areaWidth + 0.01);
        expect(img.y).toBeGreaterThanOrEqual(t.areaTop);
        expect(img.y + img.height).toBeLessThanOrEqual(t.areaTop + t.areaHeight);
      }
    }
  });

  it('places each figure on or after the page where its entry starts, with caption and credit under the image', () => {
    const text = (n: number) => s.pdf.pages[n - 1]!.glyphs.map((g) => g.char).join('');
    const pages = bodyPages(s.pdf);
    const entries = s.edition.categories[0]!.sections.flatMap((sec) => sec.entries).filter((e) => e.figures.length > 0);
    expect(entries.length).toBe(5);
    for (const e of entries) {
      const titlePage = pages.findIndex((p) => p.glyphs.map((g) => g.char).join('').includes(`【${e.title}】`)) + 1;
      const f = e.figures[0]!;
      const credit = `（${f.credit}${f.creditRole}）`;
      const figPage = pages.findIndex((p) => p.glyphs.filter(visible).map((g) => g.char).join('').includes(credit) && p.images.length > 0) + 1;
      expect(titlePage, e.title).toBeGreaterThan(0);
      expect(figPage, e.title).toBeGreaterThanOrEqual(titlePage);
      expect(figPage - titlePage, e.title).toBeLessThanOrEqual(1);
      // The credit line sits under the figure's image, inside its horizontal extent.
      const page = pages[figPage - 1]!;
      const creditGlyphs = page.glyphs.filter((g) => Math.abs(g.size - s.template.figures.caption_size) < 0.01 && credit.includes(g.char) && g.y > s.template.areaTop);
      const last = creditGlyphs[creditGlyphs.length - 1]!;
      const image = page.images.find((i) => i.y + i.height < last.y && last.x >= i.x - 1 && last.x <= i.x + s.template.areaWidth);
      expect(image, e.title).toBeDefined();
    }
  });

  it('runs the text around inset figures on shortened lines (17 characters beside the photo)', () => {
    const t = s.template;
    let besideLines = 0;
    for (const page of s.pdf.pages) {
      for (const img of page.images.filter((i) => i.width < t.measure / 2)) {
        const beside = page.glyphs.filter((g) => visible(g) && g.size === t.grid.body_size && g.y > img.y && g.y - g.size < img.y + img.height
          && g.x > img.x + img.width && g.x < img.x + t.measure);
        const lines = new Map<number, PdfGlyph[]>();
        for (const g of beside) lines.set(Math.round(g.y), [...(lines.get(Math.round(g.y)) ?? []), g]);
        for (const l of lines.values()) {
          const start = Math.min(...l.map(boxStart));
          expect(start).toBeCloseTo(img.x + (t.figures.inset_width_chars) * t.grid.body_size, 1);
          besideLines++;
        }
      }
    }
    expect(besideLines).toBeGreaterThanOrEqual(8);
  });

  it('balances the two columns of the last page of the 类目 within one line', () => {
    const t = s.template;
    const body = bodyPages(s.pdf);
    const last = body[body.length - 1]!;
    const split = columnLeft(t, last.number, 1) - t.gutter / 2;
    const bottom = (col: number) => Math.max(...last.glyphs.filter((g) => visible(g) && (col === 0 ? g.x < split : g.x >= split)).map((g) => g.y),
      ...last.images.filter((i) => (col === 0 ? i.x < split : i.x >= split)).map((i) => i.y + i.height));
    expect(Math.abs(bottom(0) - bottom(1))).toBeLessThanOrEqual(t.grid.line_pitch + 0.01);
  });

  it('never leaves a 分目 heading at the foot of a column without two lines of its text', () => {
    const t = s.template;
    const headingSize = t.headings.section.size;
    for (const page of s.pdf.pages) {
      const heads = page.glyphs.filter((g) => Math.abs(g.size - headingSize) < 0.01);
      for (const h of heads) {
        const col = h.x < columnLeft(t, page.number, 1) - t.gutter / 2 ? 0 : 1;
        const x0 = columnLeft(t, page.number, col);
        const below = new Set(page.glyphs.filter((g) => g.size === t.grid.body_size && g.y > h.y && g.x >= x0 && g.x < x0 + t.measure).map((g) => Math.round(g.y)));
        expect(below.size, `p${page.number} heading ${h.char}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});
