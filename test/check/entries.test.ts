/**
 * The rules of src/check on numbers, titles, bylines and figures (GB/T 15835, yearbook
 * conventions), on small editions in temporary folders. Front-matter lines of 01-c/01-s/01-e.md:
 * 1 ---, 2 title: "…" (the title starts at column 9), then the extra lines.
 */
import { describe, expect, it } from 'vitest';
import { ENTRY, SECTION, check, checkBody, oneSection, where } from './check-helpers.js';

const FIGURE = (caption: string, credit?: string) =>
  `figures:\n  - image: images/photo.png\n    caption: "${caption}"\n${credit === undefined ? '' : `    credit: ${credit}\n`}`;

describe('digits (GB/T 15835)', () => {
  it('warns about full-width digits, once per run, with the half-width form', () => {
    const ds = checkBody('２０１８年，上城区有工会组织十个。');
    expect(ds).toEqual([{ severity: 'warning', file: ENTRY, line: 4, column: 1, message: 'full-width digits ２０１８: write Arabic numerals half-width, 2018 (GB/T 15835)' }]);
  });

  it('reports full-width digits as an error when the entry also has half-width ones, also across caption and body', () => {
    const ds = checkBody('２０１８年，上城区有工会组织1137个。', FIGURE('2018 年 6 月 13 日，两地签订协议', '区总工会'));
    expect(ds).toEqual([{
      severity: 'error', file: ENTRY, line: 8, column: 1,
      message: 'full-width digits ２０１８ in an entry that also has half-width digits: write 2018, like the others (GB/T 15835)',
    }]);
  });

  it('does not mix up entries', () => {
    const root = oneSection([{ title: '概况', body: '２０１８年。' }, { title: '组织', body: '2018年。' }]);
    expect(where(check(root))).toEqual([`${ENTRY}:4:1: warning`]);
  });
});

describe('entry titles', () => {
  it('warns about a title longer than 15 characters, at the 16th', () => {
    const ds = check(oneSection([{ title: '区志愿者工委第九次全体会议暨团区委十二届四次全体（扩大）会议', body: '正文。' }]));
    expect(ds).toEqual([{
      severity: 'warning', file: ENTRY, line: 2, column: 24,
      message: 'entry title has 30 characters, more than 15: shorten it if the meaning allows (a 条目 title names one thing, directly)',
    }]);
  });

  it('warns about a comma in a title, at the comma', () => {
    const ds = check(oneSection([{ title: '上城区，概况', body: '正文。' }]));
    expect(ds.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 12, 'warning', 'entry title contains ，: a 条目 title states one thing without a comma; rephrase it, or split the entry'],
    ]);
  });

  it('stops a title written in the 【】 the book prints around it', () => {
    const ds = check(oneSection([{ title: '【概况】', body: '正文。' }]));
    expect(ds.map((d) => [d.line, d.column, d.severity, d.message])).toEqual([
      [2, 9, 'error', 'entry title is written in 【】, which the book prints around every 条目 title: remove them, or they print twice'],
    ]);
  });

  it('applies the punctuation rules to titles', () => {
    expect(where(check(oneSection([{ title: '上城区,概况', body: '正文。' }])))).toEqual([`${ENTRY}:2:12: error`]);
  });
});

describe('bylines', () => {
  const bylineOf = (byline: string | null) => check(oneSection([{ title: '概况', body: '正文。' }], byline));

  it('accepts names of 2–4 Han characters and names with ·', () => {
    for (const name of ['徐灿', '刘乃华', '欧阳晓明', '阿依古丽·买买提']) expect(bylineOf(name)).toEqual([]);
  });

  it('reports brackets in the byline', () => {
    expect(bylineOf('（刘乃华）')).toEqual([{ severity: 'error', file: SECTION, line: 2, column: 9, message: 'byline has brackets: give the name only (刘乃华); the typesetter adds （ ）' }]);
  });

  it('reports padding inside the byline', () => {
    expect(bylineOf('徐　灿')).toEqual([{ severity: 'error', file: SECTION, line: 2, column: 10, message: 'byline has a space: give the name without padding (徐灿); the typesetter spaces two-character names' }]);
  });

  it('warns about a byline that is not a name', () => {
    expect(bylineOf('撰稿人刘乃华')).toEqual([{
      severity: 'warning', file: SECTION, line: 2, column: 9,
      message: "byline '撰稿人刘乃华' is not a name of 2–4 Han characters or a name with · (阿依古丽·买买提): give the writer's name only",
    }]);
  });

  it('warns about a section without byline, at its title', () => {
    expect(bylineOf(null)).toEqual([{ severity: 'warning', file: SECTION, line: 1, column: 8, message: "section has no byline: add 'byline:' with the writer's name to section.yaml" }]);
  });
});

describe('figure captions and credits', () => {
  it('accepts a caption with its credit in credit and credit_role', () => {
    expect(checkBody('正文。', FIGURE('2018 年 6 月 13 日，上城、雷山两地签订两地工会工作交流合作协议', '区总工会'))).toEqual([]);
  });

  it('warns about a figure without credit and reports a credit left in the caption', () => {
    const ds = checkBody('正文。', FIGURE('2018 年 6 月 13 日，两地签订协议（区总工会 供稿）'));
    expect(ds).toEqual([
      { severity: 'warning', file: ENTRY, line: 5, column: 15, message: "figure has no credit: add 'credit:' (the supplying unit, or the photographer) and 'credit_role:' (供稿 or 摄)" },
      { severity: 'error', file: ENTRY, line: 5, column: 37, message: "caption ends with a credit: move it to 'credit:' and 'credit_role:' (the typesetter prints it under the caption)" },
    ]);
  });

  it('reports the role word, brackets or padding in a credit', () => {
    const credit = (c: string) => checkBody('正文。', FIGURE('两地签订协议', c)).map((d) => [d.line, d.column, d.message]);
    expect(credit('区总工会 供稿')).toEqual([[6, 18, "credit ends with the role '供稿': put it in 'credit_role:' and only the unit or name in 'credit:'"]]);
    expect(credit('（区总工会）')).toEqual([[6, 13, 'credit has brackets: give only the unit or name; the typesetter prints （区总工会　供稿）']]);
    expect(credit('张　三')).toEqual([[6, 14, 'credit has a space between Han characters: give the unit or name without padding']]);
    expect(credit('John Smith')).toEqual([]);
  });
});
