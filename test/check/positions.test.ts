/**
 * Line and column of a problem in the source file (src/check/source-text.ts): the model text is
 * lined up with the file, so Markdown markup, soft line breaks, list markers, box fences, a
 * byte-order mark, CRLF line ends and characters outside the BMP do not shift the column.
 * Each case puts one half-width comma into Chinese text and asserts where it is reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY, check, checkBody, oneSection, where } from './check-helpers.js';

const at = (line: number, column: number) => [`${ENTRY}:${line}:${column}: error`];

describe('positions of problems', () => {
  it('one-line paragraph: column = characters before + 1', () => {
    expect(where(checkBody('上城区有基层,覆盖。'))).toEqual(at(4, 7));
  });

  it('a later paragraph', () => {
    expect(where(checkBody('第一段。\n\n第二段,文字。'))).toEqual(at(6, 4));
  });

  it('a paragraph wrapped over lines (soft breaks dropped between Han)', () => {
    expect(where(checkBody('第一行文字\n第二行,文字。'))).toEqual(at(5, 4));
  });

  it('a paragraph wrapped between Latin and Han (soft break made a space)', () => {
    expect(where(checkBody('采用Vue\n框架,好。'))).toEqual(at(5, 3));
  });

  it('a wrapped paragraph whose continuation line is indented', () => {
    expect(where(checkBody('第一行文字\n   第二行,文字。'))).toEqual(at(5, 7));
  });

  it('emphasis markup before the problem', () => {
    expect(where(checkBody('**上城区**有*基层*,覆盖。'))).toEqual(at(4, 13));
  });

  it('escaped characters before the problem', () => {
    expect(where(checkBody('上城\\*区,覆盖。'))).toEqual(at(4, 6));
  });

  it('entities and links before the problem', () => {
    expect(where(checkBody('A&amp;B公司与[上城区](https://www.hzsc.gov.cn)有,合作。'))).toEqual(at(4, 42));
  });

  it('a list item', () => {
    expect(where(checkBody('正文。\n\n- 第一项。\n- 项目,内容。'))).toEqual(at(7, 5));
  });

  it('a paragraph in a 资料 box', () => {
    expect(where(checkBody('正文。\n\n::: 资料\n说明,文字。\n:::'))).toEqual(at(7, 3));
  });

  it('characters outside the BMP count as one column', () => {
    expect(where(checkBody('𰻝上,覆盖。'))).toEqual(at(4, 3));
  });

  it('front matter with figures moves the body down', () => {
    const ds = checkBody('上城区,覆盖。', 'figures:\n  - image: images/photo.png\n    caption: 两地签订协议\n    credit: 区总工会\n');
    expect(where(ds)).toEqual(at(8, 4));
  });

  it('a byte-order mark and CRLF line ends', () => {
    const root = oneSection([{ title: '概况', body: '正文。' }]);
    fs.writeFileSync(path.join(root, ENTRY), '\uFEFF---\r\ntitle: 上城,概况\r\n---\r\n第一段。\r\n\r\n第二段,文字。\r\n');
    expect(where(check(root))).toEqual([`${ENTRY}:2:10: error`, ...at(6, 4)]);
  });

  it('a figure caption after another figure', () => {
    const figures = 'figures:\n  - image: images/photo.png\n    caption: 第一幅\n    credit: 区总工会\n'
      + '  - image: images/photo.png\n    credit: 区总工会\n    caption: "第二幅,图"\n';
    expect(where(checkBody('正文。', figures))).toEqual(at(9, 18));
  });
});
