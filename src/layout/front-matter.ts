/**
 * The front matter: title page (书名页) and colophon (版权页) from the edition file, then the
 * 编辑说明, the contents and the English contents, numbered i, ii … apart from the body.
 */
import type { Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import type { FlowBuilder } from './flow.js';
import { EM_BOX_ASCENT, emptyPage, PageGeometry, pageLine } from './page-draw.js';
import { contentsItems, layoutPart } from './parts.js';
import type { Page, WrittenPage } from './types.js';

export function roman(n: number): string {
  const table: [number, string][] = [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

/** `characters`: the content's characters, whitespace excluded (accountCharacters counts them), for the 字数 line. */
export function layoutFrontMatter(edition: Edition, template: Template, builder: FlowBuilder, body: readonly WrittenPage[], characters: number): Page[] {
  const pages = [titlePage(edition, template, builder), colophon(edition, template, builder, body, characters)];
  const part = (title: string, items: ReturnType<typeof contentsItems>, titleEn?: string) => {
    if (items.length > 0) pages.push(...layoutPart(items, template, builder, edition, { title, ...(titleEn ? { titleEn } : {}), firstPage: pages.length + 1, label: roman, recto: true }));
  };
  if (edition.preface.length > 0) part('编辑说明', builder.paragraphs(edition.preface));
  part('目录', contentsItems(edition, body, template, builder, false));
  if (template.contents.english) part('Contents', contentsItems(edition, body, template, builder, true));
  // The body starts on a recto.
  if (pages.length % 2 === 1) pages.push(emptyPage(pages.length + 1, true, roman(pages.length + 1)));
  return pages;
}

/** A line of `text` centred across the type area with its baseline at `y`. */
function centred(page: Page, builder: FlowBuilder, t: Template, edition: Edition, text: string, size: number, y: number, role: 'heading' | 'body' | 'latin_title'): void {
  const kind = role === 'heading' ? 'title' : 'body';
  const geo = new PageGeometry(t, page.number);
  const [line] = builder.compose([{ text, role }], builder.options(size, t.areaWidth / size, 0, 'center'), edition.source);
  if (line) page.lines.push(pageLine(line, geo.left, y, size, kind, undefined, `f:${page.number}:${text}`));
}

function titlePage(edition: Edition, t: Template, builder: FlowBuilder): Page {
  const page = emptyPage(1, false, roman(1));
  const top = t.areaTop + t.areaHeight * 0.28;
  centred(page, builder, t, edition, edition.title, 40, top, 'heading');
  centred(page, builder, t, edition, String(edition.year), 22, top + 56, 'latin_title');
  if (edition.compiler) centred(page, builder, t, edition, edition.compiler, 14, t.areaTop + t.areaHeight * 0.7, 'body');
  if (edition.publisher) centred(page, builder, t, edition, edition.publisher, 14, t.areaTop + t.areaHeight - 10, 'body');
  return page;
}

/** The 版权页: the edition's own lines, then 开本, 印张 and 字数 when it does not give them. */
function colophon(edition: Edition, t: Template, builder: FlowBuilder, body: readonly WrittenPage[], characters: number): Page {
  const page = emptyPage(2, false, roman(2));
  const geo = new PageGeometry(t, page.number);
  const rows: [string, string][] = [['书名', edition.runningHead]];
  if (edition.compiler) rows.push(['编者', edition.compiler]);
  if (edition.publisher) rows.push(['出版发行', edition.publisher]);
  rows.push(...edition.colophon);
  const has = (k: string) => rows.some(([label]) => label === k);
  const [w, h] = t.page.trim_mm;
  if (!has('开本')) rows.push(['开本', w === 210 && h === 285 ? '889mm×1194mm　1/16' : `${w}mm×${h}mm`]);
  if (!has('印张')) rows.push(['印张', String(Math.ceil((body.length / 16) * 4) / 4)]);
  if (!has('字数')) rows.push(['字数', `${Math.round(characters / 1000)}千字`]);
  const size = t.colophon.size;
  rows.forEach(([label, value], k) => {
    const padded = [...label].length === 2 ? `${[...label][0]}\u3000\u3000${[...label][1]}` : label;
    const [line] = builder.compose([{ text: `${padded}\u3000${value}`, role: 'body' }], builder.options(size, t.areaWidth / size, 0), edition.source);
    const slot = t.grid.lines_per_column - rows.length + k;
    if (line) page.lines.push(pageLine(line, geo.left, t.areaTop + slot * t.grid.line_pitch + t.grid.line_pitch / 2 + (EM_BOX_ASCENT - 0.5) * size, size, 'body', undefined, `f:colophon:${k}`));
  });
  return page;
}
