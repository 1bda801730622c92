/**
 * The book around the chapters, checked from the PDF of the sample: front matter numbered
 * apart, contents with the real start page of every 分目 and links to it, the subject index
 * in three columns with correct locators, bookmarks and metadata.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sortKey } from '../../src/book-index/subject-index.js';
import { withColumns } from '../../src/template/template.js';
import type { PdfGlyph } from '../support/pdf-reader.js';
import { bodyPages, buildSample, columnLeft, pageLabelled, type BuiltSample } from '../support/sample.js';

let s: BuiltSample;
beforeAll(async () => {
  s = await buildSample();
});

const text = (glyphs: PdfGlyph[]) => glyphs.map((g) => g.char).join('').replace(/\s/g, '');

/** Glyphs grouped into lines by baseline, and by column where the page is split at `splits` (x). */
function glyphLines(glyphs: PdfGlyph[], splits: number[] = []): PdfGlyph[][] {
  const byLine = new Map<string, PdfGlyph[]>();
  for (const g of glyphs) {
    const key = `${splits.filter((x) => g.x >= x).length}:${Math.round(g.y)}`;
    byLine.set(key, [...(byLine.get(key) ?? []), g]);
  }
  return [...byLine.values()].map((l) => l.sort((a, b) => a.x - b.x));
}

const lines = (glyphs: PdfGlyph[], splits: number[] = []) => glyphLines(glyphs, splits).map(text);

describe('front matter, contents and index of the sample edition', () => {
  it('numbers the front matter i, ii … and the body 1, 2 …, in the PDF page labels', () => {
    const first = s.pdf.labels.indexOf('1');
    expect(first).toBeGreaterThanOrEqual(4);
    expect(first % 2).toBe(0); // body page 1 is a recto
    expect(s.pdf.labels.slice(0, 4)).toEqual(['i', 'ii', 'iii', 'iv']);
    expect(text(s.pdf.pages[0]!.glyphs)).toContain('上城年鉴');
    const colophon = text(s.pdf.pages[1]!.glyphs);
    for (const k of ['书名', '上城年鉴（2019）', '方志出版社', '889mm×1194mm', '千字']) expect(colophon).toContain(k);
  });

  it('lists every 分目 in the contents with the page where it really starts, linked to it', () => {
    const contentsPage = s.pdf.outline.find((o) => o.title === '目录')!.page!;
    const page = s.pdf.pages[contentsPage - 1]!;
    const contents = glyphLines(page.glyphs, [columnLeft(s.template, contentsPage, 1) - 1]);
    for (const section of s.edition.categories[0]!.sections) {
      const glyphs = contents.find((l) => text(l).startsWith(section.title))!;
      expect(glyphs, section.title).toBeDefined();
      const line = text(glyphs);
      const label = /(\d+)$/.exec(line)![1]!;
      // The heading really stands on that page.
      const where = pageLabelled(s.pdf, label);
      expect(where.glyphs.filter((g) => Math.abs(g.size - s.template.headings.section.size) < 0.01).map((g) => g.char).join(''), section.title).toContain(section.title);
      // A link on the contents line goes to that page.
      const { x, y } = glyphs[0]!;
      const link = page.links.find((l) => l.y <= y && l.y + l.height >= y - 1 && l.x <= x + 1 && l.x + l.width >= x);
      expect(link?.page, section.title).toBe(s.pdf.pages.indexOf(where) + 1);
    }
  });

  it('has an English contents with the 类目 English title', () => {
    const p = s.pdf.outline.find((o) => o.title === 'Contents')!.page!;
    expect(text(s.pdf.pages[p - 1]!.glyphs)).toContain('MassOrganizations');
  });

  it('sets the index in three columns, sorted by pinyin, each locator pointing at its entry', () => {
    const start = s.pdf.outline.find((o) => o.title === '索引')!.page!;
    const indexPages = s.pdf.pages.slice(start - 1);
    const entries: { term: string; locator: string }[] = [];
    for (const p of indexPages) {
      const index = withColumns(s.template, s.template.index.columns, s.template.index.gutter_chars, s.template.index.size);
      const body = p.glyphs.filter((g) => Math.abs(g.size - s.template.index.size) < 0.01 && g.y > s.template.areaTop);
      const xs = new Set(body.map((g) => Math.round(g.x)));
      // Three columns: glyphs start at three distinct column origins.
      const left = columnLeft(s.template, p.number, 0);
      expect([...xs].some((x) => x > left + s.template.areaWidth * 0.66)).toBe(true);
      const third = index.measure + index.gutter;
      for (const gl of glyphLines(body, [left + third - 5, left + 2 * third - 5])) {
        // Continuation lines hang one character in: only lines starting at a column origin.
        const atOrigin = [0, 1, 2].some((k) => Math.abs(gl[0]!.x - (left + k * third)) < 1);
        const m = atOrigin ? /^(.+?)(\d+[ab])(，\d+[ab])*$/.exec(text(gl)) : null;
        if (m) entries.push({ term: m[1]!, locator: m[2]! });
      }
    }
    expect(entries.length).toBeGreaterThan(35);
    const keys = entries.map((e) => sortKey(e.term, {}));
    for (let k = 1; k < keys.length; k++) {
      const a = keys[k - 1]!.syllables.join(' ');
      const b = keys[k]!.syllables.join(' ');
      expect(a <= b || a.startsWith(b), `${entries[k - 1]!.term} before ${entries[k]!.term}`).toBe(true);
    }
    // Every title term's locator is the page and column where its 【title】 stands.
    const body = bodyPages(s.pdf);
    for (const e of entries.slice(0, 20)) {
      const page = pageLabelled(s.pdf, e.locator.replace(/[ab]$/, ''));
      expect(body).toContain(page);
      expect(text(page.glyphs), e.term).toContain(e.term.replace(/\s/g, ''));
    }
  });

  it('is tagged: headings, paragraphs and figures with their caption as alternative text', () => {
    const roles = (n: import('../support/pdf-reader.js').PdfStructNode | null): string[] => (n ? [n.role, ...n.children.flatMap(roles)] : []);
    const first = pageLabelled(s.pdf, '1').structure;
    expect(roles(first)).toEqual(expect.arrayContaining(['H1', 'H2', 'P']));
    const alts = (n: import('../support/pdf-reader.js').PdfStructNode | null): string[] => (n ? [...(n.role === 'Figure' && n.alt ? [n.alt] : []), ...n.children.flatMap(alts)] : []);
    const figures = s.pdf.pages.flatMap((p) => alts(p.structure));
    const captions = s.edition.categories[0]!.sections.flatMap((x) => x.entries.flatMap((e) => e.figures.map((f) => f.caption)));
    expect(figures.sort()).toEqual(captions.sort());
  });

  it('has bookmarks for the parts, 类目, 分目 and 条目 and the metadata of the edition file', () => {
    expect(s.pdf.outline.map((o) => o.title)).toEqual(['目录', 'Contents', '群众团体', '索引']);
    expect(s.pdf.info.Title).toBe('上城年鉴（2019）');
    expect(s.pdf.info.Author).toBe('上城年鉴编纂委员会');
    expect(String(s.pdf.info.Keywords)).toContain('群众团体');
  });
});
