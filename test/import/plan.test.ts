/**
 * The import command around the phases: where the files go (--into an edition or a 类目
 * folder), what --dry-run prints, that nothing existing is replaced, and that what it writes
 * loads as an edition.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { imageSize } from 'image-size';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerImport } from '../../src/cli/commands/import.js';
import { ContentError } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { planImport, writeImport } from '../../src/import/plan.js';

const TEXT = [
  ' 上城年鉴（2019）', '',
  '群众团体', '',
  'Mass Organizations', '',
  '上城区总工会', '',
  '【概况】 2018年，上城区有基层工会组织1137个。', '',
  '【劳模精神和工匠精神弘扬】 2018年，区总工会开展“上城工匠”认定工作。', '',
  '2018 年 6 月 13 日，上城区有基层工会组织1137个', '',
  '\u2003 （区总工会\u2003\u2003供稿）', '',
  '（刘乃华）', '',
  '  3', '',
  '共青团上城区委员会', '',
  '【“悦读益站”挂牌】 2018年9月14日，4个“悦读益站”挂牌。 （李佳杰）', '',
].join('\n');

function edition(): { dir: string; input: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-plan-'));
  const dir = path.join(root, '2019');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'edition.yaml'), 'title: 上城年鉴\nyear: 2019\n');
  const input = path.join(root, 'chapter.txt');
  fs.writeFileSync(input, TEXT);
  return { dir, input };
}

const errorsOf = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ContentError) return e.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
    throw e;
  }
  return [];
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('yearbook import --dry-run', () => {
  it('prints the folders and files it would create, one a line, and its doubts as file:line:col warnings, writing nothing', async () => {
    const { dir, input } = edition();
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
    // The warnings go to stderr in one write (printDiagnostics), a line each.
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err.push(...String(chunk).split('\n').filter((line) => line !== ''));
      return true;
    });
    const program = new Command();
    registerImport(program);
    await program.parseAsync(['node', 'yearbook', 'import', input, '--into', dir, '--dry-run']);
    const c = path.join(dir, '01-qun-zhong-tuan');
    expect(out).toEqual([
      `${c}/`,
      `${c}/category.yaml`,
      `${c}/01-shang-cheng-qu/`,
      `${c}/01-shang-cheng-qu/section.yaml`,
      `${c}/01-shang-cheng-qu/01-gai-kuang.md`,
      `${c}/01-shang-cheng-qu/images/`,
      `${c}/01-shang-cheng-qu/images/01-gai-kuang.png`,
      `${c}/01-shang-cheng-qu/02-lao-mo-jing.md`,
      `${c}/02-gong-qing-tuan/`,
      `${c}/02-gong-qing-tuan/section.yaml`,
      `${c}/02-gong-qing-tuan/01-yue-du-yi.md`,
    ]);
    const rel = path.relative(process.cwd(), input);
    expect(err).toEqual([
      `${rel}:13:1: warning: photo attached to 【概况】, whose text matches its caption best; the caption follows 【劳模精神和工匠精神弘扬】`,
      `${rel}:19:3: warning: dropped '3', a line holding only a number (taken for a page number)`,
    ]);
    expect(fs.readdirSync(dir)).toEqual(['edition.yaml']);
  });
});

describe('yearbook import', () => {
  it('refuses a text saved as GB18030 (GBK), saying so at its first Chinese character', () => {
    const { dir, input } = edition();
    // ' 上城年鉴（2019）\n\n群众团体\n' in GB18030.
    fs.writeFileSync(input, Buffer.from('20c9cfb3c7c4eabcf8a3a832303139a3a90a0ac8bad6dacdc5cce50a', 'hex'));
    expect(errorsOf(() => planImport(input, dir))).toEqual([
      'the file is not UTF-8 but GB18030 (GBK), as Windows Notepad saves Chinese text: save it as UTF-8 (Notepad: 另存为, 编码 UTF-8; or iconv -f GB18030 -t UTF-8)',
    ]);
  });

  it('writes a 类目 folder that loads as part of the edition, with 600×400 placeholder photos', () => {
    const { dir, input } = edition();
    writeImport(planImport(input, dir));
    const c = path.join(dir, '01-qun-zhong-tuan');
    expect(fs.readFileSync(path.join(c, 'category.yaml'), 'utf8')).toBe('title: 群众团体\ntitle_en: Mass Organizations\n');
    expect(fs.readFileSync(path.join(c, '02-gong-qing-tuan/section.yaml'), 'utf8')).toBe('title: 共青团上城区委员会\nbyline: 李佳杰\n');
    expect(fs.readFileSync(path.join(c, '01-shang-cheng-qu/01-gai-kuang.md'), 'utf8')).toBe([
      '---',
      'title: 概况',
      'figures:',
      '  - image: images/01-gai-kuang.png',
      '    caption: "2018 年 6 月 13 日，上城区有基层工会组织1137个"',
      '    credit: 区总工会',
      '    credit_role: 供稿',
      '    size: column',
      '---',
      '2018年，上城区有基层工会组织1137个。',
      '',
    ].join('\n'));
    expect(imageSize(fs.readFileSync(path.join(c, '01-shang-cheng-qu/images/01-gai-kuang.png')))).toMatchObject({ width: 600, height: 400, type: 'png' });
    const { edition: loaded, diagnostics } = loadEdition(dir);
    expect(diagnostics.items).toEqual([]);
    expect(loaded.categories[0]!.sections.map((s) => s.entries.map((e) => e.title))).toEqual([['概况', '劳模精神和工匠精神弘扬'], ['“悦读益站”挂牌']]);
  });

  it('never replaces: the same 类目 again is refused, and so are 分目 already in a 类目 folder', () => {
    const { dir, input } = edition();
    writeImport(planImport(input, dir));
    expect(errorsOf(() => planImport(input, dir))).toEqual([
      `类目 群众团体 is already in ${path.join(dir, '01-qun-zhong-tuan')}: nothing is replaced; remove it or import elsewhere`,
    ]);
    expect(errorsOf(() => planImport(input, path.join(dir, '01-qun-zhong-tuan')))).toEqual([
      `分目 上城区总工会 is already in ${path.join(dir, '01-qun-zhong-tuan', '01-shang-cheng-qu')}: nothing is replaced; remove it or import elsewhere`,
      `分目 共青团上城区委员会 is already in ${path.join(dir, '01-qun-zhong-tuan', '02-gong-qing-tuan')}: nothing is replaced; remove it or import elsewhere`,
    ]);
  });

  it('adds the 分目 after those of a 类目 folder, and warns when the chapter title is another', () => {
    const { dir, input } = edition();
    const category = path.join(dir, '03-qita');
    fs.mkdirSync(path.join(category, '04-old'), { recursive: true });
    fs.writeFileSync(path.join(category, 'category.yaml'), 'title: 其他\n');
    fs.writeFileSync(path.join(category, '04-old', 'section.yaml'), 'title: 旧分目\n');
    const plan = planImport(input, category);
    expect(plan.trees.map((t) => path.relative(category, t.dir))).toEqual(['05-shang-cheng-qu', '06-gong-qing-tuan']);
    expect(plan.diagnostics.warnings.map((d) => `${d.line}: ${d.message}`)).toContainEqual(
      `3: the text's chapter title 群众团体 is not the category's title 其他; its sections are imported into ${category} all the same`);
  });

  it('needs an edition or category folder, and a chapter title to import into an edition', () => {
    const { dir, input } = edition();
    expect(errorsOf(() => planImport(input, path.dirname(dir)))).toEqual([
      'not an edition folder (with edition.yaml) or a category folder (with category.yaml): give --into one of those',
    ]);
    fs.writeFileSync(input, TEXT.split('\n').slice(6).join('\n'));
    expect(errorsOf(() => planImport(input, dir))).toEqual([
      'no chapter title at the start of the text (the 类目 title, then its English title): import into a category folder instead, or add the title lines',
    ]);
  });
});
