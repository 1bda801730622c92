/**
 * `yearbook new`: next year's edition from content/2019. Same 类目/分目 folders and YAML, the
 * year moved on (running head too), one empty 概况 per 分目 that stops the build until it is
 * written, and never over an existing folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { createEdition } from '../../src/edition/new-edition.js';
import { nextYearEditionFile } from '../../src/edition/next-year.js';

const PREVIOUS = 'content/2019';

function fresh(name = '2020'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-new-')), name);
}

/** Every file under a folder, relative, sorted. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

describe('yearbook new', () => {
  it('copies the 类目 and 分目 folders with their YAML and puts one empty 概况 in each 分目', () => {
    const dir = fresh();
    const created = createEdition(PREVIOUS, dir);
    expect(created.year).toBe(2020);
    expect(created.toFill).toBe(6);
    expect(created.diagnostics.items).toEqual([]);
    const sections = ['01-zonggonghui', '02-tuanquwei', '03-fulian', '04-kexie', '05-canlian', '06-hongshizihui'];
    expect(tree(dir)).toEqual([
      ...sections.flatMap((s) => [`01-qunzhong-tuanti/${s}/01-gaikuang.md`, `01-qunzhong-tuanti/${s}/section.yaml`]),
      '01-qunzhong-tuanti/category.yaml',
      'edition.yaml',
    ]);
    for (const f of tree(dir).filter((f) => f.endsWith('.yaml') && f !== 'edition.yaml')) {
      expect(fs.readFileSync(path.join(dir, f), 'utf8'), f).toBe(fs.readFileSync(path.join(PREVIOUS, f), 'utf8'));
    }
    expect(fs.readFileSync(path.join(dir, '01-qunzhong-tuanti/04-kexie/01-gaikuang.md'), 'utf8')).toBe('---\ntitle: 概况\n---\n');
  });

  it('moves the year on by one, in the running head too, keeping the rest of edition.yaml as written', () => {
    const dir = fresh();
    createEdition(PREVIOUS, dir);
    const before = fs.readFileSync(path.join(PREVIOUS, 'edition.yaml'), 'utf8');
    expect(fs.readFileSync(path.join(dir, 'edition.yaml'), 'utf8')).toBe(before.replace('year: 2019', 'year: 2020').replace('上城年鉴（2019）', '上城年鉴（2020）'));
    expect(before).toContain('# book title');
  });

  it('leaves a running head without the year alone, and keeps quoting', () => {
    expect(nextYearEditionFile('title: 上城年鉴\nyear: 2019  # 出版年\nrunning_head: 上城年鉴\n', 2019))
      .toBe('title: 上城年鉴\nyear: 2020  # 出版年\nrunning_head: 上城年鉴\n');
    expect(nextYearEditionFile('year: 2019\nrunning_head: "上城年鉴（2019）"\n', 2019)).toBe('year: 2020\nrunning_head: "上城年鉴（2020）"\n');
  });

  it('does not build until every 概况 is written, and loads once they are', () => {
    const dir = fresh();
    createEdition(PREVIOUS, dir);
    let error: unknown;
    try {
      loadEdition(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const diagnostics = (error as ContentError).diagnostics;
    expect(diagnostics).toHaveLength(6);
    expect(diagnostics.every((d) => d.severity === 'error' && d.line === 4 && d.message === 'entry has no text after its front matter')).toBe(true);
    expect(diagnostics.map((d) => path.relative(dir, d.file))).toContain('01-qunzhong-tuanti/01-zonggonghui/01-gaikuang.md');

    for (const f of tree(dir).filter((f) => f.endsWith('01-gaikuang.md'))) {
      fs.appendFileSync(path.join(dir, f), '2019年，概况的正文。\n');
    }
    const { edition, diagnostics: after } = loadEdition(dir);
    expect(after.items).toEqual([]);
    expect(edition.year).toBe(2020);
    expect(edition.runningHead).toBe('上城年鉴（2020）');
    const previous = loadEdition(PREVIOUS).edition;
    expect(edition.categories.map((c) => [c.title, c.titleEn, c.sections.map((s) => [s.title, s.byline])]))
      .toEqual(previous.categories.map((c) => [c.title, c.titleEn, c.sections.map((s) => [s.title, s.byline])]));
    expect(edition.categories[0]!.sections.every((s) => s.entries.length === 1 && s.entries[0]!.title === '概况')).toBe(true);
  });

  it('refuses an existing folder, even an empty one, and writes nothing', () => {
    const dir = fresh();
    fs.mkdirSync(dir);
    expect(() => createEdition(PREVIOUS, dir)).toThrow(`${dir} already exists`);
    expect(fs.readdirSync(dir)).toEqual([]);
    expect(fs.readdirSync(path.dirname(dir))).toEqual(['2020']);
  });

  it('warns when the folder is named after another year', () => {
    const dir = fresh('2021');
    const created = createEdition(PREVIOUS, dir);
    expect(created.diagnostics.items.map((d) => `${path.basename(d.file)}:${d.line}: ${d.message}`)).toEqual([
      "edition.yaml:2: the folder is named 2021 but the edition's year is 2020 (the year after 2019); rename the folder or edit 'year'",
    ]);
  });
});
