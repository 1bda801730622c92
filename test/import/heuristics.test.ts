/**
 * Each heuristic of the importer on small made-up extractions shaped like the seed: running
 * heads and page artefacts, 分目 headings, wrapped 【titles】, captions (also inside a
 * paragraph), bylines (glued, two-character), the 资料 box, paragraph breaks, photo placement,
 * and the errors that stop an import.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/content/diagnostics.js';
import { readChapter, type ImportedChapter } from '../../src/import/chapter.js';
import { classifyLines } from '../../src/import/lines.js';
import { fullMeasure, widthOf } from '../../src/import/measure.js';
import { cleanText } from '../../src/import/text.js';

const FILE = 'chapter.txt';
const HEAD = '上城年鉴（2019）';
/** Han characters without punctuation, to make lines of a known width. */
const POOL = '区总工会深化和谐劳动关系创建促进工资集体协商工作提质增效实现专项合同续签率新建单位签订两个参与杭州市成果展示交流活动培育指导并推荐辖区企业国药控股浙江有限公司为突出';
const han = (n: number, from = 0) => [...POOL].slice(from, from + n).join('');

function read(lines: string[]): { chapter: ImportedChapter; diagnostics: Diagnostics } {
  const diagnostics = new Diagnostics();
  // The seed has a blank line after every line; the importer must not depend on it.
  const chapter = readChapter(lines.join('\n\n'), FILE, HEAD, diagnostics);
  return { chapter, diagnostics };
}

const messages = (d: Diagnostics) => d.items.map((x) => `${x.line}:${x.column}: ${x.severity}: ${x.message}`);
const paragraphs = (c: ImportedChapter, s = 0, e = 0) => c.sections[s]!.entries[e]!.blocks.map((b) => (b.kind === 'paragraph' ? b.text : b));

describe('lines', () => {
  it('drops the running head (the edition\'s, or any 某某年鉴（year）), blank lines and page numbers', () => {
    const d = new Diagnostics();
    const lines = classifyLines([' 上城年鉴（2019）', '', '西湖年鉴（2018）  ', '上城区总工会', '  17  ', '【概况】 正文。'].join('\n'), FILE, HEAD, d);
    expect(lines.map((l) => [l.line, l.kind, l.text])).toEqual([[4, 'text', '上城区总工会'], [6, 'title', '【概况】 正文。']]);
    expect(messages(d)).toEqual(["5:3: warning: dropped '17', a line holding only a number (taken for a page number)"]);
  });

  it('drops a running head that differs from the pattern when it is the edition\'s own', () => {
    const lines = classifyLines('上城 区志（2019）\n正文。', FILE, '上城区志（2019）', new Diagnostics());
    expect(lines.map((l) => l.text)).toEqual(['正文。']);
  });

  it('takes a line of em spaces, or a line starting with one, as an indent, but not an ASCII or en space at a page start', () => {
    const lines = classifyLines(['\u3000\u3000', '甲。', '\u3000乙。', '\u2003丙。', ' 丁。', '\u2002戊。'].join('\n'), FILE, HEAD, new Diagnostics());
    expect(lines.map((l) => [l.text, l.indented])).toEqual([['甲。', true], ['乙。', true], ['丙。', true], ['丁。', false], ['戊。', false]]);
  });

  it('cleans text: no spaces except between Latin words', () => {
    expect(cleanText(' 2018年， 上城区\u3000开展 VR 体验和 Mass  Organizations 活动 ')).toBe('2018年，上城区开展VR体验和Mass Organizations活动');
  });
});

describe('structure', () => {
  it('finds the chapter title, 分目 headings standing alone between entries, and entries', () => {
    const { chapter, diagnostics } = read([
      ' 上城年鉴（2019）', '群众团体', 'Mass Organizations',
      '上城区总工会', '【概况】 2018年，甲。', '【工会组织建设】 乙。', '（刘乃华）',
      '共青团上城区委员会', '【概况】 丙。', '（李佳杰）',
    ]);
    expect(messages(diagnostics)).toEqual([]);
    expect(chapter.title).toMatchObject({ zh: '群众团体', en: 'Mass Organizations' });
    expect(chapter.sections.map((s) => [s.title, s.byline, s.entries.map((e) => e.title)])).toEqual([
      ['上城区总工会', '刘乃华', ['概况', '工会组织建设']],
      ['共青团上城区委员会', '李佳杰', ['概况']],
    ]);
  });

  it('keeps a short unpunctuated last line of an entry as text when the line before does not end a sentence', () => {
    const { chapter, diagnostics } = read(['上城区总工会', '【概况】 2018年，全区有全国科普示范社区3个和', '社区科普e站', '【下一条】 乙。', '（刘乃华）']);
    expect(chapter.sections).toHaveLength(1);
    expect(paragraphs(chapter)).toEqual(['2018年，全区有全国科普示范社区3个和社区科普e站']);
    expect(messages(diagnostics)[0]).toMatch(/^5:1: warning: short line before an entry title, kept as the last line of the entry/);
  });

  it('joins a 【title】 wrapped onto the next line, and one standing alone on its line', () => {
    const { chapter } = read([
      '上城区总工会',
      '【区志愿者工委第九次全体会议暨团区委十二届四次',
      '全体（扩大）会议】 2018年6月8日，区志愿者工作委员会',
      '召开。',
      ' 【上城区主题团日暨“上城青干线”现场教学活动】 ',
      '2018年11月2日，团区委组织活动。',
      '（刘乃华）',
    ]);
    const entries = chapter.sections[0]!.entries;
    expect(entries.map((e) => e.title)).toEqual(['区志愿者工委第九次全体会议暨团区委十二届四次全体（扩大）会议', '上城区主题团日暨“上城青干线”现场教学活动']);
    expect(paragraphs(chapter, 0, 0)).toEqual(['2018年6月8日，区志愿者工作委员会召开。']);
    expect(paragraphs(chapter, 0, 1)).toEqual(['2018年11月2日，团区委组织活动。']);
  });

  it('drops the ASCII or en space after 】 and at page starts, and trailing spaces', () => {
    const { chapter } = read(['上城区残疾人联合会', '【残疾人综合服务】\u20022018年，区残联从加强 ', ' 标准化体系建设入手。 ', '（徐  灿）']);
    expect(paragraphs(chapter)).toEqual(['2018年，区残联从加强标准化体系建设入手。']);
  });

  it('takes a caption and its credit out of the paragraph it interrupts and re-joins the paragraph', () => {
    const { chapter, diagnostics } = read([
      '上城区科学技术协会',
      '【梅花碑社区科协成立】 2018年8月31日，大会通过《梅花碑社',
      '2018 年 12 月 17 日，梅花碑社区科协召开大会',
      '\u2003 （区委宣传部\u2003 供稿）',
      ' 区科学技术协会章程》。',
      '（来  源）',
    ]);
    expect(messages(diagnostics)).toEqual([]);
    const entry = chapter.sections[0]!.entries[0]!;
    expect(paragraphs(chapter)).toEqual(['2018年8月31日，大会通过《梅花碑社区科学技术协会章程》。']);
    expect(entry.figures).toEqual([{ caption: '2018 年 12 月 17 日，梅花碑社区科协召开大会', credit: '区委宣传部', creditRole: '供稿', source: { file: FILE, line: 5 } }]);
    expect(chapter.sections[0]!.byline).toBe('来源');
  });

  it('joins a caption wrapped over two lines, with its em spaces made ordinary spaces', () => {
    const { chapter } = read([
      '上城区残疾人联合会', '【残疾人文体活动】 甲。',
      '2018 年 11 月 30\u2003日，上城区在白塔岭社区举行以“赋予残疾人权力，确保',
      '包容与平等”为主题的启动仪式\u2003',
      '（区残联\u2003 摄）',
      '（徐  灿）',
    ]);
    expect(chapter.sections[0]!.entries[0]!.figures.map((f) => [f.caption, f.credit, f.creditRole])).toEqual([
      ['2018 年 11 月 30 日，上城区在白塔岭社区举行以“赋予残疾人权力，确保包容与平等”为主题的启动仪式', '区残联', '摄'],
    ]);
  });

  it('keeps a line with a spaced date but no credit after it as text, and says so', () => {
    const { chapter, diagnostics } = read(['上城区总工会', '【概况】 会议于', '2018 年 6 月 13 日召开。', '（刘乃华）']);
    expect(paragraphs(chapter)).toEqual(['会议于2018年6月13日召开。']);
    expect(messages(diagnostics)).toEqual([
      '5:1: warning: looks like a photo caption (a date written with spaces) but no credit line like `（区总工会  供稿）` follows; kept as text',
    ]);
  });

  it('splits a byline glued after spaces to the last line of a section', () => {
    const { chapter } = read(['上城区红十字会', '【红十字志愿服务】 推进红十字志愿服务走上“国际', '化”道路。 （孙\u2003 洁）']);
    expect(paragraphs(chapter)).toEqual(['推进红十字志愿服务走上“国际化”道路。']);
    expect(chapter.sections[0]!.byline).toBe('孙洁');
  });

  it('reads two-character bylines padded with spaces as the bare name', () => {
    const { chapter } = read(['上城区残疾人联合会', '【概况】 甲。', '（徐\u2003 灿）', '上城区科学技术协会', '【概况】 乙。', ' （来  源）']);
    expect(chapter.sections.map((s) => s.byline)).toEqual(['徐灿', '来源']);
  });

  it('makes a 资料 label and the lines after it a box at the end of the entry', () => {
    const { chapter } = read([
      '上城区科学技术协会',
      '【科学素质】 实施“四化四社”工程。',
      '资料\u2003 \u2003',
      '\u2003 \u2003 “四化四社”：“四化”即社会化、信息化、标',
      '准化、经常化。',
      '【基层科普场馆建设】 乙。',
      '（来  源）',
    ]);
    expect(paragraphs(chapter, 0, 0)).toEqual(['实施“四化四社”工程。', { kind: 'box', label: '资料', paragraphs: ['“四化四社”：“四化”即社会化、信息化、标准化、经常化。'] }]);
    expect(paragraphs(chapter, 0, 1)).toEqual(['乙。']);
  });

  it('warns about a 分目 without a byline', () => {
    const { chapter, diagnostics } = read(['上城区总工会', '【概况】 甲。', '共青团上城区委员会', '【概况】 乙。', '（李佳杰）']);
    expect(chapter.sections.map((s) => s.byline)).toEqual([undefined, '李佳杰']);
    expect(messages(diagnostics)).toEqual(['1:1: warning: 分目 上城区总工会 has no byline like （刘乃华） after its last entry']);
  });

  it('stops on text after a byline that is no heading, and on a second byline', () => {
    const { diagnostics } = read(['上城区总工会', '【概况】 甲。', '（刘乃华）', '散落的一句话，不属于任何条目。', '【概况】 乙。', '（刘乃华）']);
    expect(diagnostics.errors.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '7: text outside any entry: after a byline or a photo credit, only a 分目 heading or a 【title】 can follow',
      '11: a second byline in 分目 上城区总工会: a 分目 has one byline, at its end',
    ]);
  });

  it('stops on text before the first heading and an unclosed title', () => {
    const { diagnostics } = read(['这不是标题，而是一句正文。', '上城区总工会', '【概况', '没有结束', '的标题', '【工会】 甲。']);
    expect(diagnostics.errors.map((d) => `${d.line}: ${d.message}`)).toEqual([
      '1: text before the first 分目 heading (only the chapter title, Chinese then English, can stand there)',
      '5: entry title not closed: no 】 on this line or the 2 lines after it',
    ]);
  });

  it('stops on a credit without a caption', () => {
    const { diagnostics } = read(['上城区总工会', '【概况】 甲。', '（刘乃华）', '（区总工会  供稿）']);
    expect(diagnostics.errors.map((d) => `${d.line}: ${d.message}`)).toEqual(['7: photo credit with no caption line before it']);
  });
});

describe('paragraphs', () => {
  it('measures a line: Han 1 em, ASCII half, punctuation half to one', () => {
    expect(widthOf('同时，区红十字会把各类人才送到帮扶地区，开展')).toEqual({ min: 21, max: 22 });
    expect(widthOf('2018年 ')).toEqual({ min: 3, max: 3 });
    expect(fullMeasure([han(23), han(23, 1), han(16), han(22), '甲，乙'])).toBe(23);
  });

  it('starts a paragraph at an indented line', () => {
    const { chapter } = read(['上城区总工会', '【概况】 甲。', '\u3000\u3000乙。', '（刘乃华）']);
    expect(paragraphs(chapter)).toEqual(['甲。', '乙。']);
  });

  it('starts a paragraph at a line clearly short of the measure after a sentence end, and reports it', () => {
    const { chapter, diagnostics } = read([
      '上城区红十字会',
      `【红十字人道救助】 ${han(10)}`,
      han(23), han(23, 1), `${han(22, 2)}。`,
      `同时，${han(16, 3)}，开展`, // 20 Han + 2 commas: at most 22 em, the measure is 23
      han(23, 4), '结合的工作局面。',
      '（孙  洁）',
    ]);
    expect(paragraphs(chapter)).toEqual([`${han(10)}${han(23)}${han(23, 1)}${han(22, 2)}。`, `同时，${han(16, 3)}，开展${han(23, 4)}结合的工作局面。`]);
    expect(messages(diagnostics)).toEqual([
      '11:1: warning: new paragraph assumed: the sentence before ends at the line end and this line is 1 em short of a full line (23), as if its indent was lost; check against the book',
    ]);
  });

  it('does not break where the next line is short too (text beside a photo), nor at a full line', () => {
    const { chapter, diagnostics } = read([
      '上城区红十字会',
      `【概况】 ${han(10)}`, han(23), `${han(22, 2)}。`,
      han(17, 3), han(17, 4), han(17, 5), '学校。', // narrow measure after a sentence end
      `【下一条】 ${han(18)}`, `${han(22, 1)}。`, han(23, 6), han(23, 7), '乙。', // a full line after a sentence end
      '（孙  洁）',
    ]);
    expect(chapter.sections[0]!.entries.map((e) => e.blocks.length)).toEqual([1, 1]);
    expect(messages(diagnostics)).toEqual([
      '21:1: warning: no new paragraph assumed, though the sentence before ends at the line end and this line is barely full; check against the book',
    ]);
  });

  it('joins lines without a separator, except two Latin words, which it reports', () => {
    const { chapter, diagnostics } = read(['上城区科学技术协会', '【国际健康创新论坛】 董忠军以“SLAM', 'family受体的重要作用”为题。', '（来  源）']);
    expect(paragraphs(chapter)).toEqual(['董忠军以“SLAM family受体的重要作用”为题。']);
    expect(messages(diagnostics)[0]).toMatch(/^5:1: warning: joined to the line before with a space, as two Latin words/);
  });
});

describe('photos', () => {
  const section = (caption: string) => [
    '上城区总工会',
    '【困难职工帮扶】 区总工会与贵州雷山县总工会签订两地工会工作交流合作协议。',
    '【服务职工活动】 区总工会举办大型招聘会4场，组织职工疗休养。',
    caption, ' （区总工会\u2003\u2003供稿）',
    '【职工技能竞赛】 区总工会举办现代服务业技能大赛。',
    '（刘乃华）',
  ];

  it('attaches a photo to the nearby entry its caption is about, and reports that it moved', () => {
    const { chapter, diagnostics } = read(section('2018 年 6 月 13 日，上城、雷山两地签订两地工会工作交流合作协议'));
    expect(chapter.sections[0]!.entries.map((e) => e.figures.length)).toEqual([1, 0, 0]);
    expect(messages(diagnostics)).toEqual([
      '7:1: warning: photo attached to 【困难职工帮扶】, whose text matches its caption best; the caption follows 【服务职工活动】',
    ]);
  });

  it('prefers an entry with the caption\'s date', () => {
    const lines = section('2018 年 5 月 4 日，区总工会组织职工活动');
    lines[5] = '【职工技能竞赛】 2018年5月4日，区总工会举办现代服务业技能大赛。';
    const { chapter } = read(lines);
    expect(chapter.sections[0]!.entries.map((e) => e.figures.length)).toEqual([0, 0, 1]);
  });

  it('leaves a photo with the entry it follows when nothing matches better', () => {
    const { chapter, diagnostics } = read(section('2018 年 8 月 1 日，新年音乐会'));
    expect(chapter.sections[0]!.entries.map((e) => e.figures.length)).toEqual([0, 1, 0]);
    expect(diagnostics.items).toEqual([]);
  });
});
