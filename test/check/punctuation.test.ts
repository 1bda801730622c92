/**
 * The punctuation rules of src/check (GB/T 15834): half-width marks in Chinese text, —— and ……,
 * paired marks. Each case is a one-entry edition in a temporary folder; the entry body starts on
 * line 4 of 01-c/01-s/01-e.md (---, title, ---), and columns count characters from 1.
 */
import { describe, expect, it } from 'vitest';
import { ENTRY, checkBody, where } from './check-helpers.js';

describe('half-width marks in Chinese text', () => {
  it('reports a half-width comma after Han, with the full-width replacement', () => {
    const ds = checkBody('上城区有基层工会组织1137个,覆盖基层单位5348个。');
    expect(ds).toEqual([{
      severity: 'error', file: ENTRY, line: 4, column: 16,
      message: "half-width ',' in Chinese text: write the full-width '，' (GB/T 15834)",
    }]);
  });

  it('reports a half-width mark after a number when Han follows', () => {
    expect(where(checkBody('覆盖5348,另有3个。'))).toEqual([`${ENTRY}:4:7: error`]);
  });

  it('reports . ; ? ! and both brackets', () => {
    const ds = checkBody('一是培训;二是竞赛.是否参加?参加!虚拟现实(VR)技术。');
    expect(ds.map((d) => [d.column, d.message.slice(0, 14)])).toEqual([
      [5, "half-width ';'"], [10, "half-width '.'"], [15, "half-width '?'"], [18, "half-width '!'"],
      [23, "half-width '('"], [26, "half-width ')'"],
    ]);
    expect(ds[0]!.message).toContain("'；'");
    expect(ds[4]!.message).toContain("'（'");
  });

  it('leaves numbers, Latin words and quoted English alone', () => {
    expect(checkBody('人均2.25万元，共1,000人，14:30开始，采用Vue.js框架，口号是“Hello, world.”，网址www.hzsc.gov.cn。')).toEqual([]);
  });

  it('skips spaces to find the neighbours (captions have spaces between digits and Han)', () => {
    expect(where(checkBody('会议于 2018 年召开 , 共 5 天。'))).toEqual([`${ENTRY}:4:14: error`]);
  });
});

describe('破折号 and 省略号', () => {
  it('accepts a single — between digits or between two items, and ——', () => {
    expect(checkBody('会议于10月25—26日召开，2018年6—8月，杭州上城区—恩施鹤峰县，“青春是用来奋斗的”——上城区。')).toEqual([]);
  });

  it('reports a single — that cannot be a connector', () => {
    const ds = checkBody('“青春是用来奋斗的”—上城区，团员—，—起点。');
    expect(where(ds)).toEqual([`${ENTRY}:4:11: error`, `${ENTRY}:4:18: error`, `${ENTRY}:4:20: error`]);
    expect(ds[0]!.message).toBe('a single — here is not a connector between two items (2018—2019, 北京—上海): write —— (two U+2014) for a 破折号');
  });

  it('reports three dashes', () => {
    const ds = checkBody('他说———很好。');
    expect(ds.map((d) => [d.column, d.message])).toEqual([[3, '3 dashes in a row: a 破折号 is —— (two U+2014)']]);
  });

  it('reports a single …, three dots or 。。。 in Chinese text, once each', () => {
    const ds = checkBody('包括培训等…上城区...和宣传。。。英文为The end…');
    expect(ds.map((d) => [d.column, d.message])).toEqual([
      [6, 'a single … in Chinese text: a 省略号 is …… (two U+2026)'],
      [10, "'...' in Chinese text: write the 省略号 as …… (two U+2026)"],
      [16, "'。。。' in Chinese text: write the 省略号 as …… (two U+2026), or one 。"],
    ]);
  });

  it('accepts …… and ……………… (a whole paragraph left out)', () => {
    expect(checkBody('包括培训、宣传等……\n\n………………')).toEqual([]);
  });
});

describe('positions in a text with characters outside the BMP', () => {
  it('counts 𠮷 (two UTF-16 units) as one column in every rule that reports after it', () => {
    const ds = checkBody('𠮷祥,𠮷…𠮷”𠮷𠮷—，');
    expect(ds.map((d) => [d.column, d.message.slice(0, 16)])).toEqual([
      [1, 'character 𠮷 (U+'], [3, "half-width ',' i"], [5, 'a single … in Ch'], [7, 'closing ” has no'], [10, 'a single — here '],
    ]);
  });
});

describe('paired marks', () => {
  it('reports an opening mark left open, at the mark', () => {
    const ds = checkBody('他说：“好。');
    expect(ds).toEqual([{ severity: 'error', file: ENTRY, line: 4, column: 4, message: 'opening “ is not closed in this paragraph: add the ” where it ends, or delete the “' }]);
  });

  it('reports a closing mark without an opening one', () => {
    const ds = checkBody('好。”他说《红楼梦》）');
    expect(ds.map((d) => [d.column, d.message])).toEqual([
      [3, 'closing ” has no opening “ before it in this paragraph: add the “, or delete the ”'],
      [11, 'closing ） has no opening （ before it in this paragraph: add the （, or delete the ）'],
    ]);
  });

  it('reports crossed pairs', () => {
    const ds = checkBody('他说“（好”）。');
    expect(ds.map((d) => [d.column, d.message])).toEqual([
      [4, '（ is not closed before the ” that closes the “: add its ） (pairs nest: “…（…）…”)'],
      [7, 'closing ） has no opening （ before it in this paragraph: add the （, or delete the ）'],
    ]);
  });

  it('accepts nesting, apostrophes in English, and 【】《》〈〉', () => {
    expect(checkBody('紫阳街道举办“‘干在实处、走在前列’，喜迎十九大”活动，《人民日报〈副刊〉》报道，People’s Daily也报道了【要闻】。')).toEqual([]);
  });

  it('accepts a quotation over several paragraphs (each opens with “, the last closes)', () => {
    expect(checkBody('“第一段引文。\n\n“第二段引文。\n\n“第三段引文。”')).toEqual([]);
  });

  it('reports the last paragraph of a quotation left open', () => {
    expect(where(checkBody('“第一段引文。\n\n第二段没有引号。'))).toEqual([`${ENTRY}:4:1: error`]);
  });

  it('checks titles and captions too', () => {
    const ds = checkBody('正文。', 'figures:\n  - image: images/photo.png\n    caption: "《红十字”栏目开播"\n    credit: 区红十字会\n');
    expect(ds.map((d) => `${d.line}:${d.column}: ${d.message.slice(0, 10)}`)).toEqual(['5:15: opening 《 ', '5:19: closing ” ']);
  });
});
