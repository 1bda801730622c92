/**
 * Fidelity of the sample edition to the book: content/2019 must hold the text of the seed
 * (the text extracted from the printed 上城年鉴（2019）, chapter 群众团体) character for
 * character, once the extraction artefacts listed below are taken out of the seed.
 *
 * Content side, in book order: category title + English title; per section: the section
 * title, each entry as `【title】` + its paragraphs' run texts (a 资料 box gives its label,
 * then its paragraphs), then `（byline）`. Seed side: the fixture minus the artefacts.
 * Both sides are compared with all whitespace removed.
 *
 * Captions and credits are not part of that string: they are compared separately against
 * the entries' `figures`.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEdition } from '../../src/content/load-edition.js';
import type { Block, Edition, Entry, Figure, Section } from '../../src/model/document.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EDITION_DIR = path.join(ROOT, 'content/2019');
const SEED_FILE = path.join(ROOT, 'test/fixtures/seed/shangcheng-2019-mass-organizations.txt');

/** The fixture is a byte-identical copy of shared/seed/shangcheng-2019-mass-organizations.txt. */
const SEED_SHA256 = '7915d1bc6424c9a938e8dbc0c05cd4c8bcb9d50466f94205452819681efe49b2';
const SEED_LINE_COUNT = 1533;

// ---------------------------------------------------------------------------------------------
// Artefacts removed from the seed before the comparison (line numbers are 1-based seed lines).
// ---------------------------------------------------------------------------------------------

/** Running head: page furniture printed on every page; it is `running_head` in edition.yaml, not chapter text. */
const RUNNING_HEAD = { line: 1, text: ' 上城年鉴（2019）' } as const;

/** Photo captions standing in the running text (l.1435–1437 is one caption wrapped over two lines): moved to `figures[].caption`, compared separately. */
const CAPTION_LINES: readonly (readonly number[])[] = [[227], [473], [879], [1435, 1437], [1529]];

/** Photo credit lines `（区总工会  供稿）`: moved to `figures[].credit` + `credit_role`, compared separately (the i-th credit belongs to the i-th caption). */
const CREDIT_LINES: readonly number[] = [229, 475, 881, 1439, 1531];

/**
 * Layout whitespace: the extraction's hard line breaks and the blank line after every line,
 * page-start / right-alignment spaces, the ASCII or U+2002 space between `】` and the body,
 * U+3000 / U+2003 indent and padding (l.772 `　　`, the 资料 label and box indent, the padded
 * bylines `（来  源）` and credits), trailing spaces. Chinese text has no word spaces, so none
 * of these carries text. The one real word space (`Mass Organizations`) is removed on both sides.
 */
const LAYOUT_WHITESPACE = /[ \u3000\u2002\u2003\n]/gu;

/** Anything else that is whitespace must not be in the seed (if it were, it would need its own artefact entry). */
const ANY_WHITESPACE = /[\s\u200B\uFEFF]/u;

/** Removes the whitespace that the comparison ignores (same set on both sides). */
function stripWhitespace(s: string): string {
  return s.replace(LAYOUT_WHITESPACE, '').replace(/\s/gu, '');
}

// ---------------------------------------------------------------------------------------------
// The two sides.
// ---------------------------------------------------------------------------------------------

function readSeedLines(): string[] {
  const text = fs.readFileSync(SEED_FILE, 'utf8');
  // The file ends with a line break, so the last element of split is the empty tail.
  return text.split('\n').slice(0, -1);
}

/** The seed with the running head, caption lines and credit lines removed, and all whitespace removed. */
function seedText(lines: readonly string[]): string {
  const drop = new Set<number>([RUNNING_HEAD.line, ...CAPTION_LINES.flat(), ...CREDIT_LINES]);
  const kept = lines.filter((_, i) => !drop.has(i + 1));
  return stripWhitespace(kept.join('\n'));
}

/** Byline as printed: two-character names padded with U+3000 to three characters (irrelevant after whitespace removal). */
function printedByline(name: string): string {
  const chars = [...name];
  return chars.length === 2 ? `（${chars[0]}\u3000${chars[1]}）` : `（${name}）`;
}

function blockText(block: Block): string {
  const para = (runs: { text: string }[]) => runs.map((r) => r.text).join('');
  switch (block.kind) {
    case 'paragraph':
      return para(block.runs);
    case 'box':
      return block.label + block.paragraphs.map((p) => para(p.runs)).join('');
    case 'list':
      return block.items.map((p) => para(p.runs)).join('');
  }
}

function entryText(entry: Entry): string {
  return `【${entry.title}】` + entry.blocks.map(blockText).join('');
}

/** The chapter text of the edition in book order, as described at the top of this file (whitespace not yet removed). */
function bookText(edition: Edition): string {
  const parts: string[] = [];
  for (const category of edition.categories) {
    parts.push(category.title, category.titleEn ?? '');
    for (const section of category.sections) {
      parts.push(section.title);
      for (const entry of section.entries) parts.push(entryText(entry));
      if (section.byline !== undefined) parts.push(printedByline(section.byline));
    }
  }
  return parts.join('\n');
}

/**
 * null when equal; otherwise where the strings first differ, with `context` characters on
 * each side (counted in code points).
 */
function firstDifference(expected: string, actual: string, context = 30): string | null {
  if (expected === actual) return null;
  const e = [...expected];
  const a = [...actual];
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const show = (s: string[]) =>
    `${i - context > 0 ? '…' : ''}${s.slice(Math.max(0, i - context), i).join('')}` +
    `[${s[i] ?? '<end>'}]` +
    `${s.slice(i + 1, i + 1 + context).join('')}${i + 1 + context < s.length ? '…' : ''}`;
  return [
    `first difference at character ${i} (seed has ${e.length} characters, content ${a.length}):`,
    `  seed:    ${show(e)}`,
    `  content: ${show(a)}`,
  ].join('\n');
}

/** The whole check: null when the edition holds exactly the seed's text. */
function compareWithSeed(edition: Edition, lines: readonly string[]): string | null {
  return firstDifference(seedText(lines), stripWhitespace(bookText(edition)));
}

interface Placed {
  section: Section;
  entry: Entry;
  figure: Figure;
}

function allFigures(edition: Edition): Placed[] {
  return edition.categories.flatMap((c) =>
    c.sections.flatMap((section) =>
      section.entries.flatMap((entry) => entry.figures.map((figure) => ({ section, entry, figure }))),
    ),
  );
}

function printedCredit(f: Figure): string {
  return `（${f.credit ?? ''}\u3000${f.creditRole}）`;
}

// ---------------------------------------------------------------------------------------------

let edition: Edition;
let lines: string[];

beforeAll(() => {
  edition = loadEdition(EDITION_DIR).edition;
  lines = readSeedLines();
});

describe('seed fixture', () => {
  it('is the unmodified copy of shared/seed (sha256, line count)', () => {
    const bytes = fs.readFileSync(SEED_FILE);
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(SEED_SHA256);
    expect(lines).toHaveLength(SEED_LINE_COUNT);
  });

  it('has the artefacts where the artefact constants say', () => {
    expect(lines[RUNNING_HEAD.line - 1]).toBe(RUNNING_HEAD.text);
    expect(stripWhitespace(RUNNING_HEAD.text)).toBe(stripWhitespace(edition.runningHead));
    for (const group of CAPTION_LINES) {
      // A caption starts with the date, written with spaces between digits and Han.
      expect(lines[group[0]! - 1], `seed line ${group[0]}`).toMatch(/^2018 年 \d+ 月 \d+[ \u2003]日，/u);
    }
    for (const n of CREDIT_LINES) {
      expect(lines[n - 1], `seed line ${n}`).toMatch(/^[\s\u2003]*（[^（）]+[\s\u2003]+(供稿|摄)）$/u);
    }
  });

  it('has no caption or credit left after the artefacts are removed', () => {
    const drop = new Set<number>([RUNNING_HEAD.line, ...CAPTION_LINES.flat(), ...CREDIT_LINES]);
    const leftovers = lines
      .map((l, i) => ({ n: i + 1, l }))
      .filter(({ n, l }) => !drop.has(n) && (/\d [年月日]/u.test(l) || /(供稿|摄)）/u.test(l)));
    expect(leftovers).toEqual([]);
  });

  it('contains no whitespace other than the layout whitespace that is removed', () => {
    expect(seedText(lines)).not.toMatch(ANY_WHITESPACE);
  });
});

describe('content/2019 against the seed', () => {
  it('holds the seed text character for character', () => {
    expect(compareWithSeed(edition, lines)).toBeNull();
  });

  it('has the length given in docs/content-format.md (17,121 without the chapter title lines)', () => {
    const chapterTitle = stripWhitespace('群众团体' + 'Mass Organizations');
    expect(seedText(lines).length - chapterTitle.length).toBe(17121);
  });

  it('orders sections and entries as the seed does', () => {
    const seed = seedText(lines);
    // Entry titles in the seed, in order: every 【…】 of the seed is an entry title.
    const seedTitles = [...seed.matchAll(/【([^】]+)】/gu)].map((m) => m[1]);
    const contentTitles = edition.categories.flatMap((c) => c.sections.flatMap((s) => s.entries.map((e) => e.title)));
    expect(contentTitles).toEqual(seedTitles);
    expect(contentTitles).toHaveLength(68);

    // Each section heading stands directly before its first entry, after the previous section's byline.
    let cursor = 0;
    for (const section of edition.categories.flatMap((c) => c.sections)) {
      const head = `${section.title}【${section.entries[0]!.title}】`;
      const at = seed.indexOf(head, cursor);
      expect(at, `section ${section.title} after position ${cursor}`).toBeGreaterThanOrEqual(cursor);
      const byline = stripWhitespace(printedByline(section.byline ?? ''));
      const end = seed.indexOf(byline, at);
      expect(end, `byline ${byline} of ${section.title}`).toBeGreaterThan(at);
      cursor = end + byline.length;
    }
  });

  it('has each caption and credit of the seed in the figures of exactly one entry', () => {
    const placed = allFigures(edition);
    expect(placed).toHaveLength(CAPTION_LINES.length);
    const used = new Set<Figure>();
    CAPTION_LINES.forEach((group, i) => {
      const caption = stripWhitespace(group.map((n) => lines[n - 1]!).join(''));
      const credit = stripWhitespace(lines[CREDIT_LINES[i]! - 1]!);
      const byCaption = placed.filter((p) => stripWhitespace(p.figure.caption) === caption);
      const byCredit = placed.filter((p) => stripWhitespace(printedCredit(p.figure)) === credit);
      expect(byCaption.map((p) => p.entry.title), `caption l.${group.join('–')}: ${caption}`).toHaveLength(1);
      // Credits could in principle repeat; the caption's own figure must carry the seed's credit.
      expect(stripWhitespace(printedCredit(byCaption[0]!.figure)), `credit l.${CREDIT_LINES[i]}`).toBe(credit);
      expect(byCredit.length, `credit l.${CREDIT_LINES[i]}`).toBeGreaterThanOrEqual(1);
      used.add(byCaption[0]!.figure);
    });
    expect(used.size).toBe(placed.length);
  });

  it('attaches each caption to the entry named in docs/content-format.md', () => {
    const got = allFigures(edition).map((p) => ({
      section: p.section.title,
      entry: p.entry.title,
      caption: p.figure.caption,
      credit: p.figure.credit,
      role: p.figure.creditRole,
      size: p.figure.size,
    }));
    expect(got).toEqual([
      {
        section: '上城区总工会',
        entry: '困难职工帮扶',
        caption: '2018 年 6 月 13 日，上城、雷山两地签订两地工会工作交流合作协议',
        credit: '区总工会', role: '供稿', size: 'inset',
      },
      {
        section: '共青团上城区委员会',
        entry: '“上峰·青创营”帮创扶智培训班开班',
        caption: '2018 年 10 月 15 日，湖北鹤峰县青年企业家参加“上峰·青创营”帮创扶智培训班。图为培训班全体学员合影',
        credit: '团区委', role: '供稿', size: 'page',
      },
      {
        section: '上城区科学技术协会',
        entry: '区科协第九次代表大会',
        caption: '2018 年 12 月 17 日，上城区科学技术协会第九次代表大会召开',
        credit: '区委宣传部', role: '供稿', size: 'inset',
      },
      {
        section: '上城区残疾人联合会',
        entry: '残疾人文体活动',
        caption: '2018 年 11 月 30 日，上城区在白塔岭社区举行以“赋予残疾人权力，确保包容与平等”为主题的“有爱无碍”公益集市暨无障碍理念宣传月启动仪式',
        credit: '区残联', role: '供稿', size: 'inset',
      },
      {
        section: '上城区红十字会',
        entry: '红十字生命关爱工程',
        caption: '2018 年 2 月 1 日，上城区开展冬季应急献血活动',
        credit: '区红十字会', role: '供稿', size: 'inset',
      },
    ]);
  });
});

describe('the comparison can fail', () => {
  /** A deep copy of the loaded edition to alter (content/ itself is never touched). */
  const copy = (): Edition => structuredClone(edition);

  it('detects a changed character', () => {
    const altered = copy();
    const entry = altered.categories[0]!.sections[2]!.entries[4]!; // 上城区妇女联合会 / “她TA共同体”打造
    const para = entry.blocks[0]!;
    if (para.kind !== 'paragraph') throw new Error('expected a paragraph');
    const run = para.runs[0]!;
    const at = run.text.indexOf('妇联组织为核心');
    expect(at).toBeGreaterThan(0);
    run.text = run.text.slice(0, at) + '妇女' + run.text.slice(at + 2); // 妇联 → 妇女
    const report = compareWithSeed(altered, lines);
    expect(report).not.toBeNull();
    expect(report!.split('\n')).toEqual([
      'first difference at character 7254 (seed has 17142 characters, content 17142):',
      '  seed:    …家和”工作室。【“她TA共同体”打造】2018年，上城区以妇[联]组织为核心、妇女小组为基础、妇女之家为坐标、社会组织为依托、…',
      '  content: …家和”工作室。【“她TA共同体”打造】2018年，上城区以妇[女]组织为核心、妇女小组为基础、妇女之家为坐标、社会组织为依托、…',
    ]);
    // 30 characters of context on each side of the bracketed character.
    const [, before, after] = /…(.*)\[.\](.*)…$/u.exec(report!.split('\n')[1]!)!;
    expect([...before!]).toHaveLength(30);
    expect([...after!]).toHaveLength(30);
    const position = Number(/at character (\d+)/u.exec(report!)![1]);
    expect(seedText(lines).slice(position, position + 7)).toBe('联组织为核心、');
  });

  it('detects a missing entry, swapped entries, a changed title and a changed byline', () => {
    const dropped = copy();
    dropped.categories[0]!.sections[1]!.entries.splice(3, 1);
    expect(compareWithSeed(dropped, lines)).not.toBeNull();

    const swapped = copy();
    const es = swapped.categories[0]!.sections[3]!.entries;
    [es[5], es[6]] = [es[6]!, es[5]!];
    expect(compareWithSeed(swapped, lines)).not.toBeNull();

    const title = copy();
    title.categories[0]!.sections[5]!.entries[1]!.title = '《红十字“救”在身边》栏目开幕';
    expect(compareWithSeed(title, lines)).toContain('[幕]');

    const byline = copy();
    byline.categories[0]!.sections[4]!.byline = '徐璨';
    expect(compareWithSeed(byline, lines)).toContain('[璨]');
  });

  it('detects a lost paragraph end and extra text at the very end', () => {
    const extra = copy();
    const last = extra.categories[0]!.sections[5]!;
    last.byline = '孙洁';
    last.entries.at(-1)!.blocks.push({ kind: 'paragraph', runs: [{ text: '多余。', style: 'body' }], leadsEntry: false, source: last.source });
    const report = compareWithSeed(extra, lines);
    expect(report).toContain('[（]'); // seed continues with the byline where the content has 多余
    expect(report).toContain('[多]');
  });

  it('ignores whitespace only', () => {
    const spaced = copy();
    const para = spaced.categories[0]!.sections[0]!.entries[0]!.blocks[0]!;
    if (para.kind !== 'paragraph') throw new Error('expected a paragraph');
    para.runs[0]!.text = para.runs[0]!.text.replace('上城区', '上 城\u3000区\n');
    expect(compareWithSeed(spaced, lines)).toBeNull();
  });

  it('detects a change on the seed side too', () => {
    const altered = [...lines];
    altered[9] = altered[9]!.replace('5348', '5349'); // l.10 基层单位5348个
    expect(altered[9]).not.toBe(lines[9]);
    expect(compareWithSeed(edition, altered)).toMatch(/seed: .*\[9\]/u);
  });
});
