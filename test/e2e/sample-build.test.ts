/**
 * End to end: build the sample edition and check the PDF itself, read back with pdfjs:
 * page size, fonts, the text of every 条目 in order, the line-start/line-end rules,
 * justification to the column edge, the baseline grid, running heads and folios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { loadTemplate } from '../../src/template/template.js';
import type { Edition, Paragraph } from '../../src/model/document.js';
import { readPdf, type PdfDocumentInfo, type PdfGlyph } from '../support/pdf-reader.js';
import { bodyPages, pageLabelled } from '../support/sample.js';

const template = loadTemplate('default');
const BODY = template.grid.body_size;
const FORBIDDEN_START = new Set([...'，。、；：？！）》」』】〕〗］｝”’·・～']);
const FORBIDDEN_END = new Set([...'（《「『【〔〖［｛“‘']);
/** Marks whose right blank is trimmed at line end (their advance box ends half an em early). */
const RIGHT_BLANK = new Set([...'，。、；：？！）》」』】〕〗］｝”’']);

let pdf: PdfDocumentInfo;
let edition: Edition;
let outFile: string;

interface BodyLine {
  page: number;
  column: number;
  baseline: number;
  glyphs: PdfGlyph[];
  text: string;
}

/** Body-size lines per page and column, in reading order (column by column, top to bottom). */
function bodyLines(doc: PdfDocumentInfo): BodyLine[] {
  const lines: BodyLine[] = [];
  for (const page of bodyPages(doc)) {
    const left = columnLeft(page.number, 0);
    const split = left + template.measure + template.gutter / 2;
    const byKey = new Map<string, BodyLine>();
    for (const g of page.glyphs) {
      if (Math.abs(g.size - BODY) > 0.01 || g.char.trim() === '') continue;
      const column = g.x < split ? 0 : 1;
      const baseline = Math.round(g.y * 100) / 100;
      const key = `${column}:${baseline}`;
      let line = byKey.get(key);
      if (!line) byKey.set(key, (line = { page: page.number, column, baseline, glyphs: [], text: '' }));
      line.glyphs.push(g);
    }
    const pageLines = [...byKey.values()].sort((a, b) => a.column - b.column || a.baseline - b.baseline);
    for (const l of pageLines) {
      l.glyphs.sort((a, b) => a.x - b.x);
      l.text = l.glyphs.map((g) => g.char).join('');
    }
    lines.push(...pageLines);
  }
  return lines;
}

function columnLeft(pageNumber: number, column: number): number {
  const recto = pageNumber % 2 === 1;
  const left = recto ? template.innerMargin : template.pageWidth - template.innerMargin - template.areaWidth;
  return left + column * (template.measure + template.gutter);
}

const strip = (s: string) => s.replace(/\s/g, '');
const paraText = (p: Paragraph) => p.runs.map((r) => r.text).join('');

beforeAll(async () => {
  outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-e2e-')), 'sample.pdf');
  await build('content/2019', { output: outFile });
  pdf = await readPdf(outFile);
  edition = loadEdition('content/2019').edition;
});

describe('the sample edition as a PDF', () => {
  it('has 大16开 pages (210 × 285 mm)', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(8);
    for (const p of pdf.pages) {
      expect(p.width).toBeCloseTo((210 / 25.4) * 72, 1);
      expect(p.height).toBeCloseTo((285 / 25.4) * 72, 1);
    }
  });

  it('embeds every font as a subset', () => {
    expect(pdf.fonts.length).toBeGreaterThanOrEqual(2);
    for (const f of pdf.fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
    }
    expect(pdf.fonts.some((f) => f.name.includes('NotoSerifSC'))).toBe(true);
    expect(pdf.fonts.some((f) => f.name.includes('NotoSansSC-Bold'))).toBe(true);
  });

  it('gives the body text of every 条目 in order, character for character, column by column', () => {
    const expected = edition.categories.flatMap((c) => c.sections.flatMap((s) => [
      ...s.entries.flatMap((e) => e.blocks.flatMap((b) => {
        if (b.kind === 'paragraph') return [(b.leadsEntry ? `【${e.title}】` : '') + paraText(b)];
        if (b.kind === 'list') return b.items.map(paraText);
        return []; // the 资料 box is set smaller; checked below
      })),
      s.byline ? `（${s.byline}）` : '',
    ])).join('');
    const actual = bodyLines(pdf).map((l) => l.text).join('');
    expect(strip(actual)).toBe(strip(expected));
  });

  it('sets the 资料 box, the captions and the credits', () => {
    const all = strip(pdf.pages.flatMap((p) => p.glyphs.map((g) => g.char)).join(''));
    for (const e of edition.categories[0]!.sections.flatMap((s) => s.entries)) {
      for (const b of e.blocks) if (b.kind === 'box') expect(all).toContain(strip(b.label + b.paragraphs.map(paraText).join('')));
      for (const f of e.figures) {
        expect(all).toContain(strip(f.caption));
        expect(all).toContain(`（${f.credit}${f.creditRole}）`);
      }
    }
  });

  it('starts no body line with a closing mark and ends none with an opening one', () => {
    const lines = bodyLines(pdf);
    expect(lines.length).toBeGreaterThan(500);
    for (const l of lines) {
      expect(FORBIDDEN_START.has(l.text[0]!), `p${l.page} "${l.text}"`).toBe(false);
      expect(FORBIDDEN_END.has(l.text[l.text.length - 1]!), `p${l.page} "${l.text}"`).toBe(false);
    }
  });

  it('justifies every line followed by a line of the same paragraph to the column edge', () => {
    const lines = bodyLines(pdf);
    let checked = 0;
    for (let k = 0; k + 1 < lines.length; k++) {
      const l = lines[k]!;
      const next = lines[k + 1]!;
      const sameColumn = next.page === l.page && next.column === l.column && Math.abs(next.baseline - l.baseline - template.grid.line_pitch) < 0.01;
      const left = columnLeft(l.page, l.column);
      const continues = sameColumn && Math.abs(next.glyphs[0]!.x - left) < BODY * 0.6 && !next.text.startsWith('【') && !next.text.startsWith('（');
      if (!continues) continue;
      const last = l.glyphs[l.glyphs.length - 1]!;
      const right = last.x + (RIGHT_BLANK.has(last.char) ? last.width / 2 : last.width);
      expect(right, `p${l.page} "${l.text}"`).toBeCloseTo(left + template.measure, 1);
      checked++;
    }
    expect(checked).toBeGreaterThan(400);
  });

  it('puts every body baseline on the grid, shared by both columns', () => {
    const lines = bodyLines(pdf);
    const pitch = template.grid.line_pitch;
    const first = template.areaTop + pitch / 2 + 0.38 * BODY;
    for (const l of lines) {
      const slot = (l.baseline - first) / pitch;
      expect(Math.abs(slot - Math.round(slot)), `p${l.page} "${l.text}"`).toBeLessThan(0.01);
      expect(Math.round(slot)).toBeGreaterThanOrEqual(0);
      expect(Math.round(slot)).toBeLessThan(template.grid.lines_per_column);
    }
  });

  it('has running heads (book title on versos, 类目 on rectos) and folios', () => {
    const headOf = (n: number) => pageLabelled(pdf, String(n)).glyphs.filter((g) => g.y < template.areaTop - 5).map((g) => g.char).join('');
    expect(headOf(1)).toBe(''); // the 类目 opener has none
    expect(headOf(2)).toContain(edition.runningHead);
    expect(headOf(2)).toContain('2');
    expect(headOf(3)).toContain('群众团体');
    expect(headOf(3)).toContain('3');
  });

  it('opens the 类目 with its bilingual title and has bookmarks for 类目, 分目 and 条目', () => {
    const first = pageLabelled(pdf, '1').glyphs.map((g) => g.char).join('');
    expect(first).toContain('群众团体');
    expect(first).toContain('MassOrganizations');
    const top = pdf.outline.find((o) => o.title === '群众团体')!;
    expect(top.page).toBe(pdf.labels.indexOf('1') + 1);
    expect(top.children.map((c) => c.title)).toEqual(edition.categories[0]!.sections.map((s) => s.title));
    expect(top.children.flatMap((c) => c.children).length).toBe(68);
  });
});
