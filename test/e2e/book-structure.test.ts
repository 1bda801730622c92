/**
 * Book structure across 类目: each opens on a recto, a blank verso is inserted when needed and
 * shows neither running head nor folio; bookmarks point at the right pages.
 */
import path from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { makeEdition } from '../support/edition-fixture.js';
import { readPdf } from '../support/pdf-reader.js';

it('starts every 类目 on a recto page, with an empty verso before it when needed', async () => {
  const short = { title: '概况', body: '2018年，上城区有基层工会组织1137个，覆盖基层单位5348个，工会会员196657人。' };
  const dir = makeEdition([
    { title: '群众团体', titleEn: 'Mass Organizations', sections: [{ title: '上城区总工会', byline: '刘乃华', entries: [short] }] },
    { title: '政法', titleEn: 'Politics and Law', sections: [{ title: '公安', byline: '徐灿', entries: [short] }] },
  ]);
  const out = path.join(dir, 'book.pdf');
  await build(dir, { output: out });
  const pdf = await readPdf(out);
  const body = (n: number) => pdf.labels.indexOf(String(n)) + 1;
  const text = (n: number) => pdf.pages[body(n) - 1]!.glyphs.map((g) => g.char).join('');
  expect(text(1)).toContain('群众团体');
  expect(pdf.pages[body(2) - 1]!.glyphs).toEqual([]); // the blank verso: no running head, no folio
  expect(text(3)).toContain('政法');
  expect(text(3)).toContain('PoliticsandLaw');
  const parts = pdf.outline.map((o) => [o.title, o.page]);
  expect(parts).toEqual([['目录', 3], ['Contents', 5], ['群众团体', body(1)], ['政法', body(3)], ['索引', body(5)]]);
  expect(body(1)).toBe(7); // title page, colophon, 目录 (+ blank), Contents (+ blank): the body opens on a recto
  const politics = pdf.outline[3]!;
  expect(politics.children.map((c) => [c.title, c.page])).toEqual([['公安', body(3)]]);
  expect(politics.children[0]!.children.map((c) => c.title)).toEqual(['概况']);
});
