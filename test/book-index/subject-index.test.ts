/** Index terms: pinyin order with tones (each character read as pinyin-pro reads it alone), overrides for 多音字, sub-entries, "see" references, locators. */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { buildIndex, sortKey } from '../../src/book-index/subject-index.js';
import type { Page } from '../../src/layout/types.js';
import type { Edition, Entry } from '../../src/model/document.js';

const entry = (title: string, index: string[] = []): Entry => ({ title, blocks: [], figures: [], index, source: { file: `/e/${title}.md`, line: 1 } });

function edition(entries: Entry[], extra: Partial<Edition> = {}): Edition {
  return {
    root: '/e', id: 'e', title: 't', year: 2019, runningHead: 't', template: 'default', templateVersion: undefined, compiler: undefined,
    publisher: undefined, language: 'zh-CN', colophon: [], preface: [], pinyin: {}, indexSee: {},
    categories: [{ title: 'c', titleEn: undefined, source: { file: '/e/c', line: 1 }, sections: [{ title: 's', titleEn: undefined, byline: undefined, source: { file: '/e/s', line: 1 }, entries }] }],
    source: { file: '/e/edition.yaml', line: 1 }, ...extra,
  };
}

/** One page per entry, the k-th entry on page k+1, column a or b alternating. */
function pages(entries: Entry[]): Page[] {
  return entries.map((e, k) => ({
    number: k + 1, label: String(k + 1), blank: false, columns: [], lines: [], rules: [], frames: [], images: [], links: [],
    marks: [{ level: 3, title: e.title, y: 0, column: k % 2, source: e.source.file }],
  }));
}

describe('subject index', () => {
  it('sorts by the pinyin of the whole term, syllable by syllable, then by tone', () => {
    const es = [entry('职工之家'), entry('工会'), entry('概况'), entry('上城工匠'), entry('尚家和'), entry('共青团')];
    const groups = buildIndex(edition(es), pages(es), true);
    expect(groups.map((g) => g.letter)).toEqual(['G', 'S', 'Z']);
    // gai4 kuang4 < gong1 hui4 < gong4 qing1 tuan2; shang4 cheng2 < shang4 jia1
    expect(groups[0]!.entries.map((e) => e.term)).toEqual(['概况', '工会', '共青团']);
    expect(groups[1]!.entries.map((e) => e.term)).toEqual(['上城工匠', '尚家和']);
  });

  it('locates each term by page and column (a/b) and merges repeated terms', () => {
    const es = [entry('概况', ['上城工匠']), entry('工会', ['上城工匠'])];
    const [, s] = buildIndex(edition(es), pages(es), true);
    expect(s!.entries[0]).toMatchObject({ term: '上城工匠', locators: ['1a', '2b'] });
  });

  it('reads each Han character as pinyin-pro reads it alone (every code point of the Han script)', () => {
    const differ: string[] = [];
    let han = 0;
    for (let c = 0x2e80; c <= 0x3347f; c++) {
      const ch = String.fromCodePoint(c);
      if (!/\p{Script=Han}/u.test(ch)) continue;
      han++;
      const alone = pinyin(ch, { toneType: 'num', type: 'array' })[0] ?? ch;
      const key = sortKey(ch, {});
      if (key.syllables.join() !== alone.replace(/[1-5]$/, '') || key.tones[0] !== Number(/([1-5])$/.exec(alone)?.[1] ?? 0)) differ.push(ch);
    }
    expect(differ).toEqual([]);
    expect(han).toBeGreaterThan(98_000);
    expect(sortKey('了解', {})).toEqual({ syllables: ['liao', 'jie'], tones: [3, 3] });
  });

  it('takes pinyin overrides for polyphonic characters and names', () => {
    expect(sortKey('乐清市', {}).syllables[0]).toBe('le');
    expect(sortKey('乐清市', { 乐清: 'yue4 qing1' }).syllables).toEqual(['yue', 'qing', 'shi']);
    // The longest word that matches wins, whatever the order the edition lists them in.
    const names = { 乐: 'yue4', 乐清: 'le4 qing1', 快乐: 'kuai4 le4' };
    expect(sortKey('快乐乐清乐', names)).toEqual({ syllables: ['kuai', 'le', 'le', 'qing', 'yue'], tones: [4, 4, 4, 1, 4] });
    const es = [entry('乐清市'), entry('临安区')];
    const ed = edition(es, { pinyin: { 乐清: 'yue4 qing1' } });
    expect(buildIndex(ed, pages(es), true).map((g) => g.letter)).toEqual(['L', 'Y']);
  });

  it('ignores quotes when sorting, nests sub-entries, and adds see references', () => {
    const es = [entry('“上城工匠”认定', ['工会/职工之家', '工会/爱心驿家'])];
    const ed = edition(es, { indexSee: { 总工会: '上城区总工会' } });
    const groups = buildIndex(ed, pages(es), true);
    const all = groups.flatMap((g) => g.entries);
    const union = all.find((e) => e.term === '工会')!;
    expect(union.locators).toEqual([]);
    expect(union.subs.map((x) => [x.term, x.locators])).toEqual([['爱心驿家', ['1a']], ['职工之家', ['1a']]]);
    expect(all.find((e) => e.term === '总工会')!.see).toBe('上城区总工会');
    expect(groups.find((g) => g.letter === 'S')!.entries[0]!.term).toBe('“上城工匠”认定');
  });

  it('leaves out entry titles when told to', () => {
    const es = [entry('概况', ['工会'])];
    expect(buildIndex(edition(es), pages(es), false).flatMap((g) => g.entries.map((e) => e.term))).toEqual(['工会']);
  });
});
