/**
 * The PDF writer takes pages as they are laid out. The front matter, laid out last, is written
 * last and stands first: in the page order, the page labels, the outline and the structure tree.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/content/load-edition.js';
import { loadFonts } from '../../src/fonts/font-config.js';
import { FlowBuilder } from '../../src/layout/flow.js';
import { emptyPage, pageLine } from '../../src/layout/page-draw.js';
import type { Page } from '../../src/layout/types.js';
import { PdfWriter } from '../../src/pdf/writer.js';
import { loadTemplate } from '../../src/template/template.js';
import { readPdf, textOf } from '../support/pdf-reader.js';

const { edition, diagnostics } = loadEdition('content/2019');
const template = loadTemplate('default');
const builder = new FlowBuilder(template, loadFonts(), diagnostics);

/** A page with one heading line and a bookmark. */
function page(number: number, label: string, text: string): Page {
  const p = emptyPage(number, false, label);
  const [line] = builder.compose([{ text, role: 'heading' }], builder.options(12, 20, 0), edition.source);
  p.lines.push(pageLine(line!, template.innerMargin, template.areaTop + 20, 12, 'title', undefined, `t:${text}`));
  p.marks.push({ level: 1, title: text, y: template.areaTop, column: 0, source: text });
  return p;
}

describe('PdfWriter', () => {
  it('places the front matter, written last, before the body', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-writer-')), 'book.pdf');
    const writer = new PdfWriter(edition, template, file, { date: new Date(Date.UTC(2020, 0, 1)), frontMatter: true });
    const kept = writer.write([page(1, '1', '第一类目'), page(2, '2', '第二类目')]);
    expect(kept.map((p) => p.lines.map((l) => l.text))).toEqual([['第一类目'], ['第二类目']]);
    expect(kept[0]!.lines[0]).not.toHaveProperty('runs');
    writer.writeFront([page(1, 'i', '书名页'), page(2, 'ii', '目录')]);
    expect(fs.existsSync(file)).toBe(false);
    await writer.finish();

    const pdf = await readPdf(file);
    expect(pdf.pages.map((p) => textOf(p.glyphs))).toEqual(['书名页', '目录', '第一类目', '第二类目']);
    expect(pdf.labels).toEqual(['i', 'ii', '1', '2']);
    expect(pdf.outline.map((o) => [o.title, o.page])).toEqual([['书名页', 1], ['目录', 2], ['第一类目', 3], ['第二类目', 4]]);
    // Front matter and body each in a Part of the document (the front matter's Part first).
    const branch = { role: 'Root', children: [{ role: 'Document', children: [{ role: 'Part', children: [{ role: 'H1', children: [] }] }] }] };
    for (const p of pdf.pages) expect(p.structure).toEqual(branch);
  });

  it('leaves no file when the build is given up', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-writer-'));
    const writer = new PdfWriter(edition, template, path.join(dir, 'book.pdf'), { date: new Date(0) });
    writer.write([page(1, '1', '第一类目')]);
    writer.abort();
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('says where it cannot write, and why, of the place asked for', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-writer-'));
    fs.writeFileSync(path.join(dir, 'out'), '');
    const file = path.join(dir, 'out', 'book.pdf');
    expect(() => new PdfWriter(edition, template, file, { date: new Date(0) }))
      .toThrow(`cannot write ${file} (a file stands where a folder should be): give another file with -o, in a folder you may write to`);
  });

  it('removes what an interrupted writer of the same file left, but not the file of one still running', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-writer-'));
    // A process that has ended (as a build stopped with Ctrl-C), and one that runs (this test's parent).
    const ended = spawnSync(process.execPath, ['-e', '0']).pid!;
    const left = `.book.pdf.${ended}.tmp`;
    const running = `.book.pdf.${process.ppid}.tmp`;
    for (const name of [left, running, `.other.pdf.${ended}.tmp`]) fs.writeFileSync(path.join(dir, name), 'partial');
    const writer = new PdfWriter(edition, template, path.join(dir, 'book.pdf'), { date: new Date(0) });
    writer.write([page(1, '1', '第一类目')]);
    await writer.finish();
    expect(fs.readdirSync(dir).sort()).toEqual([running, '.other.pdf.' + ended + '.tmp', 'book.pdf'].sort());
  });
});
