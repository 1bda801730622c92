/**
 * Unit tests of the content stage (src/content): the sample edition content/2019 loads into
 * the expected document model; broken content gives compiler-style diagnostics with the right
 * file, line, column and message; Markdown bodies are turned into runs as docs/content-format.md
 * says.
 *
 * Broken editions are built in temporary folders (small editions written here, or a copy of
 * content/2019); content/ itself is never changed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentError, Diagnostics, type Diagnostic } from '../../src/content/diagnostics.js';
import { categoryFolders, entryCount, loadEdition } from '../../src/content/load-edition.js';
import { parseBody } from '../../src/content/markdown.js';
import type { Block, Edition, Entry, InfoBox, Paragraph, Section } from '../../src/model/document.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SAMPLE = path.join(ROOT, 'content/2019');

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A temporary folder (removed after the test file: test/support/temp-dirs.ts). */
function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-content-test-'));
}

type Files = Record<string, string | Buffer>;

function writeFiles(dir: string, files: Files): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Path of the one entry of the small edition, relative to the edition folder. */
const ENTRY = '01-qunzhong-tuanti/01-zonggonghui/01-gaikuang.md';
const SECTION_YAML = '01-qunzhong-tuanti/01-zonggonghui/section.yaml';
const IMAGES = '01-qunzhong-tuanti/01-zonggonghui/images';

/** A minimal valid 1×1 PNG (the loader only looks at the extension; real bytes anyway). */
const PNG_1X1 = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201e5273de30000000049454e44ae426082',
  'hex',
);

/**
 * A small valid edition: one category, one section, one entry (`entry` is the whole text of
 * 01-gaikuang.md), plus `extra` files (which may replace the defaults).
 */
function smallEdition(entry: string, extra: Files = {}): string {
  const dir = tempDir();
  writeFiles(dir, {
    'edition.yaml': 'title: 上城年鉴\nyear: 2019\n',
    '01-qunzhong-tuanti/category.yaml': 'title: 群众团体\ntitle_en: Mass Organizations\n',
    [SECTION_YAML]: 'title: 上城区总工会\nbyline: 刘乃华\n',
    [ENTRY]: entry,
    ...extra,
  });
  return dir;
}

/** A copy of content/2019 in a temporary folder. */
function sampleCopy(): string {
  const dir = path.join(tempDir(), '2019');
  fs.cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

/** Rewrites a file of a copied edition (the replaced text must be there). */
function edit(dir: string, rel: string, from: string, to: string): void {
  const file = path.join(dir, rel);
  const text = fs.readFileSync(file, 'utf8');
  expect(text, `${rel} contains ${from}`).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

/** The diagnostics of a load that must fail with a ContentError. */
function failingLoad(dir: string): { error: ContentError; diagnostics: Diagnostic[] } {
  try {
    loadEdition(dir);
  } catch (e) {
    if (e instanceof ContentError) return { error: e, diagnostics: e.diagnostics };
    throw e;
  }
  throw new Error(`expected loadEdition(${dir}) to throw a ContentError`);
}

/** A diagnostic with its file made relative to the edition folder (with '/' separators), for comparisons. */
function rel(dir: string, d: Diagnostic): Diagnostic {
  return { ...d, file: path.relative(dir, d.file).split(path.sep).join('/') };
}

function relDiagnostics(dir: string): Diagnostic[] {
  return failingLoad(dir).diagnostics.map((d) => rel(dir, d));
}

function paragraphs(blocks: Block[]): Paragraph[] {
  return blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
}

function text(p: Paragraph): string {
  return p.runs.map((r) => r.text).join('');
}

function body(markdown: string): Block[] {
  const diagnostics = new Diagnostics();
  const blocks = parseBody({ file: 'test.md', text: markdown, firstLine: 4 }, diagnostics);
  expect(diagnostics.items).toEqual([]);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// The sample edition
// ---------------------------------------------------------------------------------------------

describe('the sample edition content/2019', () => {
  let edition: Edition;
  let diagnostics: Diagnostics;
  let sections: Section[];
  let entries: { section: Section; entry: Entry }[];

  beforeAll(() => {
    ({ edition, diagnostics } = loadEdition(SAMPLE));
    sections = edition.categories.flatMap((c) => c.sections);
    entries = sections.flatMap((section) => section.entries.map((entry) => ({ section, entry })));
  });

  it('loads without any error or warning', () => {
    expect(diagnostics.items).toEqual([]);
    expect(diagnostics.warnings).toEqual([]);
  });

  it('has the edition metadata of edition.yaml', () => {
    expect(edition).toMatchObject({
      root: SAMPLE,
      id: '2019',
      title: '上城年鉴',
      year: 2019,
      runningHead: '上城年鉴（2019）',
      template: 'default',
      compiler: '上城年鉴编纂委员会',
      publisher: '方志出版社',
      language: 'zh-CN',
      source: { file: path.join(SAMPLE, 'edition.yaml'), line: 1 },
    });
  });

  it('has one category 群众团体 / Mass Organizations', () => {
    expect(edition.categories).toHaveLength(1);
    expect(edition.categories[0]).toMatchObject({ title: '群众团体', titleEn: 'Mass Organizations' });
  });

  it('has the six sections in book order with their bylines (names only)', () => {
    expect(sections.map((s) => [s.title, s.byline])).toEqual([
      ['上城区总工会', '刘乃华'],
      ['共青团上城区委员会', '李佳杰'],
      ['上城区妇女联合会', '姜惠芳'],
      ['上城区科学技术协会', '来源'],
      ['上城区残疾人联合会', '徐灿'],
      ['上城区红十字会', '孙洁'],
    ]);
    expect(sections.map((s) => path.basename(path.dirname(s.source.file)))).toEqual([
      '01-zonggonghui', '02-tuanquwei', '03-fulian', '04-kexie', '05-canlian', '06-hongshizihui',
    ]);
  });

  it('has 68 entries (9, 16, 13, 16, 8, 6), each section starting with 概况', () => {
    expect(sections.map((s) => s.entries.length)).toEqual([9, 16, 13, 16, 8, 6]);
    expect(entries).toHaveLength(68);
    for (const s of sections) expect(s.entries[0]!.title, s.title).toBe('概况');
    // Entries are sorted by file prefix, and each remembers its file.
    for (const s of sections) {
      const names = s.entries.map((e) => path.basename(e.source.file));
      expect(names).toEqual([...names].sort());
      expect(names.every((n, i) => n.startsWith(`${String(i + 1).padStart(2, '0')}-`))).toBe(true);
    }
  });

  it('keeps quoted titles exactly as printed', () => {
    const titles = entries.map((e) => e.entry.title);
    expect(titles).toContain('区志愿者工委第九次全体会议暨团区委十二届四次全体（扩大）会议');
    expect(titles).toContain('“悦读益站”挂牌');
    expect(titles).toContain('《红十字“救”在身边》栏目开播');
    expect(titles).toContain('“她TA共同体”打造');
  });

  it('has the five figures with caption, credit, credit_role, size and an existing PNG inside the edition', () => {
    const figures = entries.flatMap(({ section, entry }) => entry.figures.map((f) => ({ section, entry, f })));
    expect(figures.map(({ section, entry, f }) => ({
      section: section.title,
      entry: entry.title,
      image: path.relative(SAMPLE, f.image).split(path.sep).join('/'),
      caption: f.caption,
      credit: f.credit,
      creditRole: f.creditRole,
      size: f.size,
    }))).toEqual([
      {
        section: '上城区总工会',
        entry: '困难职工帮扶',
        image: '01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png',
        caption: '2018 年 6 月 13 日，上城、雷山两地签订两地工会工作交流合作协议',
        credit: '区总工会', creditRole: '供稿', size: 'inset',
      },
      {
        section: '共青团上城区委员会',
        entry: '“上峰·青创营”帮创扶智培训班开班',
        image: '01-qunzhong-tuanti/02-tuanquwei/images/01-hefeng-xueyuan.png',
        caption: '2018 年 10 月 15 日，湖北鹤峰县青年企业家参加“上峰·青创营”帮创扶智培训班。图为培训班全体学员合影',
        credit: '团区委', creditRole: '供稿', size: 'page',
      },
      {
        section: '上城区科学技术协会',
        entry: '区科协第九次代表大会',
        image: '01-qunzhong-tuanti/04-kexie/images/01-daibiao-dahui.png',
        caption: '2018 年 12 月 17 日，上城区科学技术协会第九次代表大会召开',
        credit: '区委宣传部', creditRole: '供稿', size: 'inset',
      },
      {
        section: '上城区残疾人联合会',
        entry: '残疾人文体活动',
        image: '01-qunzhong-tuanti/05-canlian/images/01-youai-wuai.png',
        caption: '2018 年 11 月 30 日，上城区在白塔岭社区举行以“赋予残疾人权力，确保包容与平等”为主题的“有爱无碍”公益集市暨无障碍理念宣传月启动仪式',
        credit: '区残联', creditRole: '供稿', size: 'inset',
      },
      {
        section: '上城区红十字会',
        entry: '红十字生命关爱工程',
        image: '01-qunzhong-tuanti/06-hongshizihui/images/01-xianxue.png',
        caption: '2018 年 2 月 1 日，上城区开展冬季应急献血活动',
        credit: '区红十字会', creditRole: '供稿', size: 'inset',
      },
    ]);
    for (const { f, entry } of figures) {
      expect(path.isAbsolute(f.image)).toBe(true);
      expect(fs.existsSync(f.image), f.image).toBe(true);
      expect(f.image.startsWith(SAMPLE + path.sep)).toBe(true);
      const bytes = fs.readFileSync(f.image);
      expect(bytes.subarray(0, 8).toString('hex'), `${f.image} is a PNG`).toBe('89504e470d0a1a0a');
      // Placeholders: 600×400 for the page-wide figure, 400×500 for the insets.
      const [w, h] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      expect([w, h]).toEqual(f.size === 'page' ? [600, 400] : [400, 500]);
      // The figure points at its `- image:` line (line 4: after '---', 'title:', 'figures:').
      expect(f.source).toEqual({ file: entry.source.file, line: 4 });
    }
  });

  it('has one 资料 box, at the end of 【上城区公民具备科学素质比例居全市第一】', () => {
    const boxes = entries.flatMap(({ section, entry }) =>
      entry.blocks.filter((b): b is InfoBox => b.kind === 'box').map((box) => ({ section, entry, box })));
    expect(boxes).toHaveLength(1);
    const { section, entry, box } = boxes[0]!;
    expect(section.title).toBe('上城区科学技术协会');
    expect(entry.title).toBe('上城区公民具备科学素质比例居全市第一');
    expect(entry.blocks.map((b) => b.kind)).toEqual(['paragraph', 'box']);
    expect(entry.blocks.at(-1)).toBe(box);
    expect(box.kind).toBe('box');
    expect(box.label).toBe('资料');
    expect(box.paragraphs).toHaveLength(1);
    expect(text(box.paragraphs[0]!)).toBe(
      '“四化四社”：“四化”即社会化、信息化、标准化、经常化，“四社”即社区、社会组织、社会科普力量（研究机构、高校和辖区企事业单位）、社会公众。',
    );
    expect(box.paragraphs[0]!.leadsEntry).toBe(false);
    expect(text(paragraphs(entry.blocks)[0]!).endsWith('社区科普e站16个。')).toBe(true);
    expect(box.source).toEqual({ file: entry.source.file, line: 6 });
  });

  it('has the one paragraph break of the book: 【红十字人道救助】 has 2 paragraphs', () => {
    const { entry } = entries.find((e) => e.entry.title === '红十字人道救助')!;
    const paras = paragraphs(entry.blocks);
    expect(entry.blocks).toHaveLength(2);
    expect(paras).toHaveLength(2);
    expect(text(paras[0]!).startsWith('2018年，区红十字会以企业定向募捐为核心')).toBe(true);
    expect(text(paras[0]!).endsWith('帮助当地困难群众过冬避寒。')).toBe(true);
    expect(text(paras[1]!)).toBe('同时，区红十字会把各类人才送到帮扶地区，开展支教、医疗、脱贫攻坚等工作，形成项目、资金、人才三结合的工作局面。');
    expect(paras.map((p) => p.leadsEntry)).toEqual([true, false]);
    expect(paras.map((p) => p.source.line)).toEqual([4, 6]);
    // Every other entry is a single paragraph (plus the 资料 box in one entry).
    const multi = entries.filter((e) => paragraphs(e.entry.blocks).length !== 1).map((e) => e.entry.title);
    expect(multi).toEqual(['红十字人道救助']);
  });

  it('marks the first paragraph of every entry, and only that one, as leading the entry', () => {
    for (const { entry } of entries) {
      const first = entry.blocks[0];
      expect(first?.kind, entry.title).toBe('paragraph');
      expect((first as Paragraph).leadsEntry, entry.title).toBe(true);
      for (const p of paragraphs(entry.blocks).slice(1)) expect(p.leadsEntry, entry.title).toBe(false);
    }
  });

  it('has plain body text: body-style runs, starting 2018, without whitespace, with source lines', () => {
    for (const { entry } of entries) {
      const paras = paragraphs(entry.blocks);
      expect(text(paras[0]!), entry.title).toMatch(/^2018年/u);
      for (const p of paras) {
        expect(p.runs.map((r) => r.style), entry.title).toEqual(['body']);
        expect(text(p), entry.title).not.toMatch(/\s/u);
        expect(p.source.file).toBe(entry.source.file);
      }
      // Body starts on line 4 after a 3-line front matter, on line 10 after one with a figure.
      expect(paras[0]!.source.line, entry.title).toBe(entry.figures.length > 0 ? 10 : 4);
      expect(entry.index).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

describe('entryCount', () => {
  it('counts the entry files of every 分目 from the listings, stopping once it has counted enough', () => {
    // The sample's six 分目 hold 9, 16, 13, 16, 8 and 6 entries.
    const folders = categoryFolders('content/2019');
    expect(entryCount(folders, Infinity)).toBe(68);
    const some = entryCount(folders, 20);
    expect(some).toBeGreaterThanOrEqual(20);
    expect(some).toBeLessThan(68);
  });
});

describe('content errors', () => {
  it('reads an entry named .MD, reports the files and folders it does not read, and passes the system\'s own in silence', () => {
    const section = '01-qunzhong-tuanti/01-zonggonghui';
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', {
      [`${section}/02-huodong.MD`]: '---\ntitle: 活动\n---\n活动正文。\n',
      [`${section}/03-jianbao.txt`]: '---\ntitle: 简报\n---\n简报正文。\n',
      [`${section}/drafts/04-caogao.md`]: '---\ntitle: 草稿\n---\n草稿。\n',
      [`${section}/.DS_Store`]: '',
      [`${section}/~$03-jianbao.docx`]: '',
      [`${section}/01-gaikuang.md~`]: 'old',
      [`${section}/Thumbs.db`]: '',
      '01-qunzhong-tuanti/09-zhijie.md': '---\ntitle: 直接\n---\n直接。\n',
      '01-qunzhong-tuanti/notes.txt': '笔记',
      [`${section}/.photos/a.png`]: PNG_1X1,
    });
    // images/ may be a link to a folder.
    fs.symlinkSync('.photos', path.join(dir, section, 'images'));
    const { edition, diagnostics } = loadEdition(dir);
    expect(edition.categories[0]!.sections[0]!.entries.map((e) => e.title)).toEqual(['概况', '活动']);
    expect(diagnostics.warnings.map((d) => rel(dir, d)).map((d) => [d.file, d.message])).toEqual([
      ['01-qunzhong-tuanti/09-zhijie.md', 'an entry directly in a 类目 folder is not read: move it into one of its 分目 folders'],
      ['01-qunzhong-tuanti/notes.txt', 'is not read (a 类目 folder holds its category.yaml and its 分目 folders): move it out of the edition'],
      [`${section}/03-jianbao.txt`, 'is not read and not printed: an entry is a .md file (rename it if it is one); move anything else out of the edition'],
      [`${section}/drafts`, 'folder is not read (a 分目 folder holds its section.yaml, its entries and an images/ folder): move it out of the edition'],
    ]);
  });

  const GBK_MESSAGE = 'the file is not UTF-8 but GB18030 (GBK), as Windows Notepad saves Chinese text: save it as UTF-8 (Notepad: 另存为, 编码 UTF-8; or iconv -f GB18030 -t UTF-8)';

  it('an entry saved as GB18030 (GBK): one error at its first Chinese character, and nothing misread after it', () => {
    const dir = smallEdition('');
    // '---\ntitle: 概况\n---\n2018年，区总工会开展活动。\n' in GB18030.
    fs.writeFileSync(path.join(dir, ENTRY), Buffer.from('2d2d2d0a7469746c653a20b8c5bff60a2d2d2d0a32303138c4eaa3acc7f8d7dcb9a4bbe1bfaad5b9bbeeb6afa1a30a', 'hex'));
    expect(relDiagnostics(dir)).toEqual([{ severity: 'error', file: ENTRY, line: 2, column: 8, message: GBK_MESSAGE }]);
  });

  it('a section.yaml saved as GB18030, and a file in neither encoding', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n');
    // 'title: 上城区总工会\n' in GB18030.
    fs.writeFileSync(path.join(dir, SECTION_YAML), Buffer.from('7469746c653a20c9cfb3c7c7f8d7dcb9a4bbe10a', 'hex'));
    fs.writeFileSync(path.join(dir, ENTRY), Buffer.concat([Buffer.from('---\ntitle: 概况\n---\n正文'), Buffer.from([0xff, 0xff]), Buffer.from('。\n')]));
    expect(relDiagnostics(dir)).toEqual([
      { severity: 'error', file: SECTION_YAML, line: 1, column: 8, message: GBK_MESSAGE },
      { severity: 'error', file: ENTRY, line: 4, column: 3, message: 'bytes here are not UTF-8 (a damaged copy, or text in another encoding pasted in): retype the characters here and save the file as UTF-8' },
    ]);
  });

  it('a UTF-8 file holding a replacement character itself is read (the checks report the character)', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n2018年\uFFFD，区总工会开展活动。\n');
    const { edition } = loadEdition(dir);
    expect(text(paragraphs(edition.categories[0]!.sections[0]!.entries[0]!.blocks)[0]!)).toContain('\uFFFD');
  });

  it('unknown front-matter key: did-you-mean hint, and the missing title', () => {
    const dir = sampleCopy();
    edit(dir, ENTRY, 'title: 概况', 'titel: 概况');
    const { diagnostics } = failingLoad(dir);
    expect(diagnostics.map((d) => rel(dir, d))).toEqual([
      { severity: 'error', file: ENTRY, line: 2, column: 1, message: "missing required key 'title'" },
      {
        severity: 'error', file: ENTRY, line: 2, column: 1,
        message: "unknown key 'titel' (did you mean 'title'?); known keys: title, order, figures, index",
      },
    ]);
    expect(diagnostics[0]!.file).toBe(path.join(dir, ENTRY));
    const unknown = diagnostics[1]!.message;
    expect(unknown).toContain("unknown key 'titel'");
    expect(unknown).toContain("did you mean 'title'");
  });

  it('unknown key: the diagnostic points at the key\'s own line', () => {
    // Line 1 '---', line 2 'title:', line 3 the unknown key.
    const dir = smallEdition('---\ntitle: 概况\nindx: [上城工匠]\n---\n正文。\n');
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 3, column: 1,
        message: "unknown key 'indx' (did you mean 'index'?); known keys: title, order, figures, index",
      },
    ]);
  });

  it('unknown key in section.yaml: did-you-mean, at the key\'s line', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', {
      [SECTION_YAML]: 'title: 上城区总工会\nbyliine: 刘乃华\n',
    });
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: SECTION_YAML, line: 2, column: 1,
        message: "unknown key 'byliine' (did you mean 'byline'?); known keys: title, title_en, byline, order",
      },
    ]);
  });

  it('wrong type (order: "x"): reported at the value as a type error, not as a missing key', () => {
    // 'order: ' is 7 characters, so the value "x" starts in column 8 of line 3.
    const dir = smallEdition('---\ntitle: 概况\norder: "x"\n---\n正文。\n');
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: ENTRY, line: 3, column: 8 });
    expect(ds[0]!.message).toMatch(/^'order': .*expected number/u);
    expect(ds[0]!.message).not.toContain('missing');
  });

  it('wrong type in edition.yaml (year: "2019"): a type error at the value', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', { 'edition.yaml': 'title: 上城年鉴\nyear: "2019"\n' });
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: 'edition.yaml', line: 2, column: 7 });
    expect(ds[0]!.message).toMatch(/^'year': .*expected number/u);
    expect(ds[0]!.message).not.toContain('missing');
  });

  it('value not allowed (credit_role: 拍摄): names the allowed values, at the value', () => {
    const dir = smallEdition(
      '---\ntitle: 概况\nfigures:\n  - image: images/a.png\n    caption: 图\n    credit_role: 拍摄\n---\n正文。\n',
      { [`${IMAGES}/a.png`]: PNG_1X1 },
    );
    // '    credit_role: ' is 17 characters: the value starts in column 18 of line 6.
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 6, column: 18,
        message: "'figures.0.credit_role': Invalid option: expected one of \"供稿\"|\"摄\"",
      },
    ]);
  });

  it('missing title', () => {
    const dir = smallEdition('---\nindex: [上城工匠]\n---\n正文。\n');
    expect(relDiagnostics(dir)).toEqual([
      { severity: 'error', file: ENTRY, line: 2, column: 1, message: "missing required key 'title'" },
    ]);
  });

  it('empty title', () => {
    const dir = smallEdition('---\ntitle: ""\n---\n正文。\n');
    expect(relDiagnostics(dir)).toEqual([
      { severity: 'error', file: ENTRY, line: 2, column: 8, message: "'title': must not be empty" },
    ]);
  });

  it('YAML syntax error: an unquoted title with ": " in it', () => {
    const dir = smallEdition('---\ntitle: “上城工匠”认定: 发布会\n---\n正文。\n');
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: ENTRY, line: 2, column: 8 });
    expect(ds[0]!.message).toBe('YAML syntax: Nested mappings are not allowed in compact mappings');
  });

  it('YAML syntax error: a duplicate key, at the second one', () => {
    const dir = smallEdition('---\ntitle: 概况\ntitle: 概况二\n---\n正文。\n');
    expect(relDiagnostics(dir)).toEqual([
      { severity: 'error', file: ENTRY, line: 3, column: 1, message: 'YAML syntax: Map keys must be unique' },
    ]);
  });

  it('no front matter', () => {
    const dir = smallEdition('正文。\n');
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: ENTRY, line: 1, column: 1 });
    expect(ds[0]!.message).toMatch(/^entry has no front matter/u);
  });

  it('empty body (nothing, or only blank lines, after the front matter)', () => {
    for (const entry of ['---\ntitle: 概况\n---\n', '---\ntitle: 概况\n---\n\n\n']) {
      const dir = smallEdition(entry);
      // The body would start on line 4, right after the closing '---' on line 3.
      expect(relDiagnostics(dir)).toEqual([
        { severity: 'error', file: ENTRY, line: 4, column: 1, message: 'entry has no text after its front matter' },
      ]);
    }
  });

  const figureEntry = (image: string) =>
    `---\ntitle: 概况\nfigures:\n  - image: ${image}\n    caption: 图\n    credit: 区总工会\n---\n正文。\n`;

  it('missing image, at the figure\'s line', () => {
    const dir = smallEdition(figureEntry('images/01-leishan.png'));
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: ENTRY, line: 4, column: 1 });
    expect(ds[0]!.message).toMatch(/^image 'images\/01-leishan\.png' not found \(looked for .*01-zonggonghui[/\\]images[/\\]01-leishan\.png\)$/u);
  });

  it('a folder or a named pipe where the image should be: not found, without waiting on the pipe', () => {
    const dir = smallEdition(figureEntry('images/01-leishan.png'));
    const image = path.join(dir, '01-qunzhong-tuanti/01-zonggonghui/images/01-leishan.png');
    fs.mkdirSync(image, { recursive: true });
    expect(relDiagnostics(dir).map((d) => d.message)).toEqual([expect.stringMatching(/^image 'images\/01-leishan\.png' not found/u)]);
    fs.rmdirSync(image);
    if (process.platform === 'win32') return;
    execFileSync('mkfifo', [image]);
    expect(relDiagnostics(dir).map((d) => d.message)).toEqual([expect.stringMatching(/^image 'images\/01-leishan\.png' not found/u)]);
  });

  it('image path leading out of the edition (an existing PNG next to it)', () => {
    const parent = tempDir();
    const dir = path.join(parent, 'edition');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(parent, 'outside.png'), PNG_1X1);
    writeFiles(dir, {
      'edition.yaml': 'title: 上城年鉴\nyear: 2019\n',
      '01-qunzhong-tuanti/category.yaml': 'title: 群众团体\n',
      [SECTION_YAML]: 'title: 上城区总工会\n',
      // The entry is three folders deep in the edition: ../../../ is the edition's parent.
      [ENTRY]: figureEntry('../../../outside.png'),
    });
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 4, column: 1,
        message: "image '../../../outside.png' lies outside the edition folder: copy it into the edition",
      },
    ]);
  });

  it('image path ../../…/etc/passwd', () => {
    const image = `${'../'.repeat(24)}etc/passwd`;
    const dir = smallEdition(figureEntry(image));
    const ds = relDiagnostics(dir);
    expect(ds.length).toBeGreaterThanOrEqual(1);
    expect(ds[0]).toEqual({
      severity: 'error', file: ENTRY, line: 4, column: 1,
      message: `image '${image}' lies outside the edition folder: copy it into the edition`,
    });
    expect(ds.every((d) => d.file === ENTRY && d.line === 4 && d.severity === 'error')).toBe(true);
  });

  it('image inside the edition that is a symlink to a file outside it', () => {
    const outside = path.join(tempDir(), 'photo.png');
    fs.writeFileSync(outside, PNG_1X1);
    const dir = smallEdition(figureEntry('images/link.png'));
    fs.mkdirSync(path.join(dir, IMAGES), { recursive: true });
    fs.symlinkSync(outside, path.join(dir, IMAGES, 'link.png'));
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 4, column: 1,
        message: "image 'images/link.png' lies outside the edition folder: copy it into the edition",
      },
    ]);
  });

  it('absolute image path, even to a file inside the edition', () => {
    for (const make of [() => '/etc/passwd', (dir: string) => path.join(dir, IMAGES, 'a.png')]) {
      const dir = smallEdition('placeholder', { [`${IMAGES}/a.png`]: PNG_1X1 });
      const image = make(dir);
      fs.writeFileSync(path.join(dir, ENTRY), figureEntry(image));
      expect(relDiagnostics(dir)).toEqual([
        {
          severity: 'error', file: ENTRY, line: 4, column: 1,
          message: `image path '${image}' is absolute: give it relative to the entry file, inside the edition folder`,
        },
      ]);
    }
  });

  it('unsupported image type (.gif), in the second figure', () => {
    const dir = smallEdition(
      [
        '---', //                         1
        'title: 概况', //                 2
        'figures:', //                    3
        '  - image: images/a.png', //     4
        '    caption: 图一', //           5
        '  - image: images/b.gif', //     6
        '    caption: 图二', //           7
        '---', //                         8
        '正文。',
        '',
      ].join('\n'),
      { [`${IMAGES}/a.png`]: PNG_1X1, [`${IMAGES}/b.gif`]: Buffer.from('GIF89a') },
    );
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 6, column: 1,
        message: "image 'images/b.gif' is not PNG or JPEG: convert it (print needs PNG or JPEG at 300 ppi)",
      },
    ]);
  });

  it('image problem when `image:` is not the first key of the figure: at the image line', () => {
    const dir = smallEdition(
      '---\ntitle: 概况\nfigures:\n  - caption: 图\n    image: images/missing.png\n---\n正文。\n',
    );
    const ds = relDiagnostics(dir);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ severity: 'error', file: ENTRY, line: 5, column: 1 });
    expect(ds[0]!.message).toMatch(/^image 'images\/missing\.png' not found/u);
  });

  it('duplicate order prefixes among the entries of one section', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', {
      '01-qunzhong-tuanti/01-zonggonghui/01-daibiao-dahui.md': '---\ntitle: 上城区工会第八次代表大会\n---\n正文。\n',
    });
    // Files sort as 01-daibiao-dahui.md, 01-gaikuang.md: the second one is reported.
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: ENTRY, line: 1, column: 1,
        message: 'entry has order 1, the same as 01-daibiao-dahui.md: give each a different number',
      },
    ]);
  });

  it('an entry name that is a folder or a broken link; a link to a file is read', () => {
    const section = '01-qunzhong-tuanti/01-zonggonghui';
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', {
      [`${section}/images/linked.md`]: '---\ntitle: 链接的条目\n---\n正文。\n',
      [`${section}/02-folder.md/note.txt`]: '',
    });
    fs.symlinkSync(path.join(dir, section, 'images/linked.md'), path.join(dir, section, '03-linked.md'));
    fs.symlinkSync(path.join(dir, section, 'images/missing.md'), path.join(dir, section, '04-broken.md'));
    const message = 'is not a readable file (a folder, or a broken link): rename or remove it';
    expect(relDiagnostics(dir)).toEqual([
      { severity: 'error', file: `${section}/02-folder.md`, line: 1, column: 1, message },
      { severity: 'error', file: `${section}/04-broken.md`, line: 1, column: 1, message },
    ]);
    fs.rmSync(path.join(dir, section, '02-folder.md'), { recursive: true });
    fs.rmSync(path.join(dir, section, '04-broken.md'));
    expect(loadEdition(dir).edition.categories[0]!.sections[0]!.entries.map((e) => e.title)).toEqual(['概况', '链接的条目']);
  });

  it('duplicate order prefixes among sections', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n正文。\n', {
      '01-qunzhong-tuanti/01-tuanquwei/section.yaml': 'title: 共青团上城区委员会\n',
      '01-qunzhong-tuanti/01-tuanquwei/01-gaikuang.md': '---\ntitle: 概况\n---\n正文。\n',
    });
    expect(relDiagnostics(dir)).toEqual([
      {
        severity: 'error', file: SECTION_YAML, line: 1, column: 1,
        message: 'section has order 1, the same as ../01-tuanquwei/section.yaml: give each a different number',
      },
    ]);
  });

  it('edition folder without edition.yaml', () => {
    const dir = sampleCopy();
    fs.rmSync(path.join(dir, 'edition.yaml'));
    const { diagnostics } = failingLoad(dir);
    expect(diagnostics).toEqual([
      {
        severity: 'error', file: path.join(dir, 'edition.yaml'), line: 1, column: 1,
        message: 'no edition.yaml here: an edition is a folder with an edition.yaml (see docs/content-format.md)',
      },
    ]);
  });

  it('reports the errors of several files all at once, in one ContentError', () => {
    const dir = sampleCopy();
    const kexie = '01-qunzhong-tuanti/04-kexie';
    const hongshizihui = '01-qunzhong-tuanti/06-hongshizihui';
    edit(dir, ENTRY, 'title: 概况', 'titel: 概况');
    edit(dir, '01-qunzhong-tuanti/03-fulian/section.yaml', 'title:', 'titel:'); // line 1
    edit(dir, `${kexie}/02-daibiao-dahui.md`, 'images/01-daibiao-dahui.png', 'images/01-daibiao-dahui.gif');
    edit(dir, `${hongshizihui}/05-shengming-guanai.md`, 'images/01-xianxue.png', 'images/01-xianxue-missing.png');
    fs.writeFileSync(path.join(dir, `${hongshizihui}/06-zhiyuan-fuwu.md`), '---\ntitle: 红十字志愿服务\n---\n');

    const { error, diagnostics } = failingLoad(dir);
    expect(diagnostics.length).toBeGreaterThanOrEqual(2);
    const where = diagnostics.map((d) => rel(dir, d)).map((d) => `${d.file}:${d.line}:${d.column}`);
    expect(where).toEqual(expect.arrayContaining([
      `${ENTRY}:2:1`,
      '01-qunzhong-tuanti/03-fulian/section.yaml:1:1',
      `${kexie}/02-daibiao-dahui.md:4:1`,
      `${hongshizihui}/05-shengming-guanai.md:4:1`,
      `${hongshizihui}/06-zhiyuan-fuwu.md:4:1`,
    ]));
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    // The exception's message lists them all, compiler style.
    expect(error.message.split('\n')).toHaveLength(diagnostics.length);
    expect(error.message).toMatch(/01-gaikuang\.md:2:1: error: unknown key 'titel'/u);
    expect(error.message).toMatch(/06-zhiyuan-fuwu\.md:4:1: error: entry has no text after its front matter/u);
  });

  it('warnings do not stop loading: a heading in an entry', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n# 小标题\n\n正文。\n');
    const { edition, diagnostics } = loadEdition(dir);
    expect(diagnostics.items.map((d) => rel(dir, d))).toEqual([
      {
        severity: 'warning', file: ENTRY, line: 4, column: 1,
        message: 'headings are not used inside an entry; the line is set as a paragraph (a 条目 is one file, its title is in the front matter)',
      },
    ]);
    const entry = edition.categories[0]!.sections[0]!.entries[0]!;
    expect(paragraphs(entry.blocks).map(text)).toEqual(['小标题', '正文。']);
  });

  it('prints a link\'s address after its text in brackets, unless the text is the address', () => {
    const blocks = parseBody({ file: 'x.md', text: '详见[上城区政府网](http://www.hzsc.gov.cn/公告)，或<http://a.cn>，来信<a@b.cn>。', firstLine: 4 }, new Diagnostics());
    expect(paragraphs(blocks).map(text)).toEqual(['详见上城区政府网（http://www.hzsc.gov.cn/公告），或http://a.cn，来信a@b.cn。']);
  });

  it('a table is a warning at its delimiter row, its text kept as it is', () => {
    const dir = smallEdition('---\ntitle: 概况\n---\n全年活动如下。\n\n| 项目 | 次数 |\n| --- | ---: |\n| 讲座 | 120 |\n\n一个“|”在句中不是表格。\n');
    const { edition, diagnostics } = loadEdition(dir);
    expect(diagnostics.items.map((d) => rel(dir, d))).toEqual([
      {
        severity: 'warning', file: ENTRY, line: 7, column: 1,
        message: 'a table is not set as a table: it is printed as the text it is, bars and dashes included; give its figures in sentences, a list or a 资料 box',
      },
    ]);
    const entry = edition.categories[0]!.sections[0]!.entries[0]!;
    expect(paragraphs(entry.blocks).map(text)[1]).toContain('讲座');
  });
});

// ---------------------------------------------------------------------------------------------
// Markdown bodies
// ---------------------------------------------------------------------------------------------

describe('Markdown bodies', () => {
  it('drops a soft line break between Han characters', () => {
    const [p] = body('2018年，上城区有基层工会组织1137个，覆盖\n基层单位5348个。\n');
    expect(p).toMatchObject({ kind: 'paragraph', runs: [{ text: '2018年，上城区有基层工会组织1137个，覆盖基层单位5348个。', style: 'body' }] });
  });

  it('drops a soft line break next to full-width punctuation', () => {
    const [p] = body('区总工会完成换届。\n联合区委组织部，认定首批10名“上城工匠”\n和5名提名奖\n');
    expect(text(p as Paragraph)).toBe('区总工会完成换届。联合区委组织部，认定首批10名“上城工匠”和5名提名奖');
  });

  it('turns a soft line break between Latin words into a space', () => {
    const [p] = body('Mass\nOrganizations\n');
    expect(text(p as Paragraph)).toBe('Mass Organizations');
  });

  it('makes **bold** next to full-width punctuation a strong run (CJK-friendly emphasis)', () => {
    const [a] = body('**【概况】**2018年，上城区有基层工会组织1137个。\n');
    expect((a as Paragraph).runs).toEqual([
      { text: '【概况】', style: 'strong' },
      { text: '2018年，上城区有基层工会组织1137个。', style: 'body' },
    ]);
    const [b] = body('联合区委组织部等部门，认定**“上城工匠”**和5名提名奖。\n');
    expect((b as Paragraph).runs).toEqual([
      { text: '联合区委组织部等部门，认定', style: 'body' },
      { text: '“上城工匠”', style: 'strong' },
      { text: '和5名提名奖。', style: 'body' },
    ]);
  });

  it('makes *italic* an emphasis run', () => {
    const [p] = body('通过*“三微一端”*开展宣传。\n');
    expect((p as Paragraph).runs).toEqual([
      { text: '通过', style: 'body' },
      { text: '“三微一端”', style: 'emphasis' },
      { text: '开展宣传。', style: 'body' },
    ]);
  });

  it('makes a `::: 资料` container a box with its label and paragraphs', () => {
    const blocks = body(
      '社区科普e站16个。\n\n::: 资料\n“四化四社”：“四化”即社会化、\n信息化。\n\n第二段。\n:::\n',
    );
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', runs: [{ text: '社区科普e站16个。' }], source: { file: 'test.md', line: 4 } });
    const box = blocks[1] as InfoBox;
    expect(box).toMatchObject({ kind: 'box', label: '资料', source: { file: 'test.md', line: 6 } });
    expect(box.paragraphs.map(text)).toEqual(['“四化四社”：“四化”即社会化、信息化。', '第二段。']);
    expect(box.paragraphs.map((p) => p.source.line)).toEqual([7, 10]);
  });

  it('gives paragraphs the line they start on in the file', () => {
    const blocks = body('第一段。\n\n第二段，\n继续。\n\n第三段。\n');
    expect(paragraphs(blocks).map((p) => [text(p), p.source.line])).toEqual([
      ['第一段。', 4],
      ['第二段，继续。', 6],
      ['第三段。', 9],
    ]);
  });

  it('normalises entry text to NFC and removes a byte-order mark', () => {
    const decomposed = 'Cafe\u0301 “e\u0301”';
    expect(decomposed.normalize('NFC')).not.toBe(decomposed);
    const dir = smallEdition(`\uFEFF---\ntitle: 概况 ${decomposed}\n---\n正文${decomposed}。\n`, {
      'edition.yaml': '\uFEFFtitle: 上城年鉴\nyear: 2019\n',
      [SECTION_YAML]: '\uFEFFtitle: 上城区总工会\nbyline: 刘乃华\n',
    });
    const { edition, diagnostics } = loadEdition(dir);
    expect(diagnostics.items).toEqual([]);
    expect(edition.title).toBe('上城年鉴');
    const section = edition.categories[0]!.sections[0]!;
    expect(section.title).toBe('上城区总工会');
    const entry = section.entries[0]!;
    expect(entry.title).toBe('概况 Café “é”');
    expect(text(entry.blocks[0] as Paragraph)).toBe('正文Café “é”。');
    expect(text(entry.blocks[0] as Paragraph)).not.toContain('\uFEFF');
    expect((entry.blocks[0] as Paragraph).leadsEntry).toBe(true);
  });

  it('reads CRLF files like LF files', () => {
    const dir = smallEdition('---\r\ntitle: 概况\r\n---\r\n覆盖\r\n基层单位。\r\n\r\n第二段。\r\n');
    const { edition, diagnostics } = loadEdition(dir);
    expect(diagnostics.items).toEqual([]);
    const entry = edition.categories[0]!.sections[0]!.entries[0]!;
    expect(entry.title).toBe('概况');
    expect(paragraphs(entry.blocks).map(text)).toEqual(['覆盖基层单位。', '第二段。']);
    expect(paragraphs(entry.blocks).map((p) => p.source.line)).toEqual([4, 7]);
  });
});
