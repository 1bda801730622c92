/** The sample edition built once per test file, and helpers to find things on its pages. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../../src/build.js';
import { loadEdition } from '../../src/content/load-edition.js';
import type { Edition } from '../../src/model/document.js';
import { loadTemplate, type Template } from '../../src/template/template.js';
import { readPdf, type PdfDocumentInfo, type PdfGlyph } from './pdf-reader.js';

export interface BuiltSample {
  file: string;
  result: BuildResult;
  pdf: PdfDocumentInfo;
  edition: Edition;
  template: Template;
}

export async function buildSample(): Promise<BuiltSample> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-sample-')), 'sample.pdf');
  const result = await build('content/2019', { output: file });
  return { file, result, pdf: await readPdf(file), edition: loadEdition('content/2019').edition, template: loadTemplate('default') };
}

/** Left edge of a column on a page (recto pages have the spine on the left). */
export function columnLeft(t: Template, pageNumber: number, column: number): number {
  const recto = pageNumber % 2 === 1;
  const left = recto ? t.innerMargin : t.pageWidth - t.innerMargin - t.areaWidth;
  return left + column * (t.measure + t.gutter);
}

/** The ideographic em box of a glyph: 0.88 em above the baseline to 0.12 em below. */
export function emBox(g: PdfGlyph): { x0: number; x1: number; y0: number; y1: number } {
  return { x0: g.x, x1: g.x + g.width, y0: g.y - 0.88 * g.size, y1: g.y + 0.12 * g.size };
}

/** The physical pages of the body (the 类目), without front matter and index. */
export function bodyPages(pdf: PdfDocumentInfo): PdfDocumentInfo['pages'] {
  const first = pdf.labels.indexOf('1');
  const index = pdf.outline.find((o) => o.title === '索引')?.page ?? pdf.pages.length + 1;
  return pdf.pages.slice(first, index - 1);
}

/** The physical page whose printed folio is `label`. */
export function pageLabelled(pdf: PdfDocumentInfo, label: string): PdfDocumentInfo['pages'][number] {
  const k = pdf.labels.indexOf(label);
  if (k < 0) throw new Error(`no page labelled ${label}`);
  return pdf.pages[k]!;
}
