/**
 * The importer on the real thing: the seed (the text extracted from the printed 上城年鉴（2019）,
 * chapter 群众团体) imported into a fresh edition folder.
 *
 * 1. Built into a PDF, it gives back the seed's text character for character: the body-size
 *    text in reading order is the seed without its running head, chapter title, 分目 headings
 *    (set larger), 资料 box (set smaller), captions and credits; those are each found in the
 *    PDF separately. The seed lines for each are named here by number, independently of the
 *    importer's own judgement (as test/content/seed-fidelity.test.ts does).
 * 2. Entry by entry it holds the same text as the hand-made content/2019: titles, paragraphs,
 *    the box, bylines, and each photo's caption and credit on the same entry. What differs on
 *    purpose (names, figure sizes) is checked as such at the end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { planImport, writeImport, type ImportPlan } from '../../src/import/plan.js';
import type { Block, Edition } from '../../src/model/document.js';
import { loadTemplate } from '../../src/template/template.js';
import { readPdf, type PdfDocumentInfo } from '../support/pdf-reader.js';
import { bodyPages } from '../support/sample.js';

const SEED = 'test/fixtures/seed/shangcheng-2019-mass-organizations.txt';
const template = loadTemplate('default');

/** Seed lines (1-based) that are not body text. */
const RUNNING_HEAD = [1];
const CHAPTER_TITLE = [3, 4];
const SECTION_HEADINGS = [6, 274, 548, 815, 1159, 1335];
const BOX = [1123, 1125, 1127, 1129, 1131];
const CAPTIONS = [[227], [473], [879], [1435, 1437], [1529]];
const CREDITS = [229, 475, 881, 1439, 1531];

const strip = (s: string) => s.replace(/\s/gu, '');
const seedLines = fs.readFileSync(SEED, 'utf8').split('\n');
const seedText = (lines: number[]) => strip(lines.map((n) => seedLines[n - 1]!).join(''));

let plan: ImportPlan;
let imported: Edition;
let sample: Edition;
let pdf: PdfDocumentInfo;

beforeAll(async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-import-'));
  const editionDir = path.join(root, '2019');
  fs.mkdirSync(editionDir);
  fs.writeFileSync(path.join(editionDir, 'edition.yaml'), 'title: 上城年鉴\nyear: 2019\n');
  plan = planImport(SEED, editionDir);
  writeImport(plan);
  imported = loadEdition(editionDir).edition;
  sample = loadEdition('content/2019').edition;
  const out = path.join(root, 'import.pdf');
  await build(editionDir, { output: out });
  pdf = await readPdf(out);
});

describe('the seed imported and built', () => {
  it('gives the seed body text back in reading order, character for character', () => {
    const notBody = new Set([...RUNNING_HEAD, ...CHAPTER_TITLE, ...SECTION_HEADINGS, ...BOX, ...CAPTIONS.flat(), ...CREDITS]);
    const expected = strip(seedLines.filter((_, i) => !notBody.has(i + 1)).join(''));
    expect(bodyText(pdf)).toBe(expected);
    expect(expected.length).toBeGreaterThan(16000);
  });

  it('sets the chapter title, the 分目 headings, the box, each caption and each credit', () => {
    const all = strip(bodyPages(pdf).flatMap((p) => p.glyphs.map((g) => g.char)).join(''));
    for (const n of [...CHAPTER_TITLE, ...SECTION_HEADINGS]) expect(all, `seed l.${n}`).toContain(seedText([n]));
    expect(all).toContain(seedText(BOX));
    for (const lines of CAPTIONS) expect(all, `caption l.${lines[0]}`).toContain(seedText(lines));
    for (const n of CREDITS) expect(all, `credit l.${n}`).toContain(seedText([n]));
  });
});

describe('the seed imported, against the hand-made content/2019', () => {
  it('has the same chapter, 分目, bylines and entries, with the same text', () => {
    expect(textOf(imported)).toEqual(textOf(sample));
  });

  it('attaches each photo to the same entry, with the same caption and credit', () => {
    expect(figuresOf(imported)).toEqual(figuresOf(sample));
    expect(figuresOf(imported)).toHaveLength(5);
  });

  it('differs only where it should: slugs from pinyin, placeholder photos of column width', () => {
    const category = path.basename(path.dirname(imported.categories[0]!.source.file));
    expect(category).toBe('01-qun-zhong-tuan');
    const sections = imported.categories[0]!.sections.map((s) => path.basename(path.dirname(s.source.file)));
    expect(sections).toEqual(['01-shang-cheng-qu', '02-gong-qing-tuan', '03-shang-cheng-qu', '04-shang-cheng-qu', '05-shang-cheng-qu', '06-shang-cheng-qu']);
    const figures = imported.categories.flatMap((c) => c.sections.flatMap((s) => s.entries.flatMap((e) => e.figures)));
    expect(figures.map((f) => f.size)).toEqual(['column', 'column', 'column', 'column', 'column']);
    expect(figures.map((f) => path.relative(imported.root, f.image))).toEqual([
      '01-qun-zhong-tuan/01-shang-cheng-qu/images/08-kun-nan-zhi.png',
      '01-qun-zhong-tuan/02-gong-qing-tuan/images/11-shang-feng-qing.png',
      '01-qun-zhong-tuan/04-shang-cheng-qu/images/02-qu-ke-xie.png',
      '01-qun-zhong-tuan/05-shang-cheng-qu/images/06-can-ji-ren.png',
      '01-qun-zhong-tuan/06-shang-cheng-qu/images/05-hong-shi-zi.png',
    ]);
  });

  it('reports the places an editor should check, against the seed lines', () => {
    expect(plan.diagnostics.errors).toEqual([]);
    expect(plan.diagnostics.warnings.map((d) => `${d.line}: ${d.message.split(/[:;(]/u)[0]}`)).toEqual([
      '578: no new paragraph assumed, though the sentence before ends at the line end and this line is barely full',
      '879: photo attached to 【区科协第九次代表大会】, whose text matches its caption best ',
      '1059: no new paragraph assumed, though the sentence before ends at the line end and this line is barely full',
      '1429: new paragraph assumed',
      '1435: photo attached to 【残疾人文体活动】, whose text matches its caption best',
      '1529: photo attached to 【红十字生命关爱工程】, whose text matches its caption best',
    ]);
  });
});

/**
 * Body-size glyphs of the body pages (no front matter or index), column by column, top to
 * bottom, page by page, as test/e2e/sample-build.test.ts reads them. Odd folios are rectos.
 */
function bodyText(doc: PdfDocumentInfo): string {
  const size = template.grid.body_size;
  return bodyPages(doc).map((page) => {
    const recto = Number(doc.labels[page.number - 1]) % 2 === 1;
    const left = recto ? template.innerMargin : template.pageWidth - template.innerMargin - template.areaWidth;
    const split = left + template.measure + template.gutter / 2;
    return page.glyphs
      .filter((g) => Math.abs(g.size - size) < 0.01 && g.char.trim() !== '')
      .map((g) => ({ g, column: g.x < split ? 0 : 1, baseline: Math.round(g.y * 100) / 100 }))
      .sort((a, b) => a.column - b.column || a.baseline - b.baseline || a.g.x - b.g.x)
      .map(({ g }) => g.char)
      .join('');
  }).join('');
}

/** The text of an edition, block by block, without file names or figures. */
function textOf(e: Edition) {
  const block = (b: Block) => {
    const text = (p: { runs: { text: string }[] }) => p.runs.map((r) => r.text).join('');
    switch (b.kind) {
      case 'paragraph': return { paragraph: text(b), leadsEntry: b.leadsEntry };
      case 'box': return { box: b.label, paragraphs: b.paragraphs.map(text) };
      case 'list': return { list: b.items.map(text) };
    }
  };
  return e.categories.map((c) => ({
    title: c.title,
    titleEn: c.titleEn,
    sections: c.sections.map((s) => ({
      title: s.title,
      byline: s.byline,
      entries: s.entries.map((en) => ({ title: en.title, blocks: en.blocks.map(block), index: en.index })),
    })),
  }));
}

function figuresOf(e: Edition) {
  return e.categories.flatMap((c) => c.sections.flatMap((s) => s.entries.flatMap((en) =>
    en.figures.map((f) => ({ section: s.title, entry: en.title, caption: f.caption, credit: f.credit, role: f.creditRole })))));
}
