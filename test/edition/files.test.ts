/**
 * The content files tools write: names from pinyin, YAML quoted as docs/content-format.md
 * asks, and entry bodies that the loader reads back to exactly the text they were made from.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/content/diagnostics.js';
import { parseBody } from '../../src/content/markdown.js';
import { escapeMarkdown, renderEntryFile, renderSectionFile, yamlScalar } from '../../src/edition/files.js';
import { nextPrefix, orderedName, slugOf } from '../../src/edition/names.js';

describe('names', () => {
  it('makes slugs of the first three pinyin syllables, Latin and digit runs counting as one', () => {
    expect(slugOf('群众团体')).toBe('qun-zhong-tuan');
    expect(slugOf('概况')).toBe('gai-kuang');
    expect(slugOf('上城区妇女联合会')).toBe('shang-cheng-qu');
    expect(slugOf('妇女儿童发展规划实施')).toBe('fu-nv-er');
    expect(slugOf('“她TA共同体”打造')).toBe('ta-ta-gong');
    expect(slugOf('纪念五四运动99周年活动')).toBe('ji-nian-wu');
    expect(slugOf('“3·5”学雷锋')).toBe('3-5-xue');
    expect(slugOf('《红十字“救”在身边》栏目开播')).toBe('hong-shi-zi');
    expect(slugOf('——')).toBe('untitled');
  });

  it('prefixes the order with two digits and continues after the highest prefix in a folder', () => {
    expect(orderedName(3, 'fu-lian')).toBe('03-fu-lian');
    expect(orderedName(104, 'x')).toBe('104-x');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-names-'));
    expect(nextPrefix(dir)).toBe(1);
    for (const n of ['01-a', '07-b', 'images', 'notes.txt']) fs.mkdirSync(path.join(dir, n));
    expect(nextPrefix(dir)).toBe(8);
  });
});

describe('YAML', () => {
  it('leaves Han, Latin and digits plain and quotes anything else', () => {
    expect(yamlScalar('上城区总工会')).toBe('上城区总工会');
    expect(yamlScalar('Mass Organizations')).toBe('Mass Organizations');
    expect(yamlScalar('images/01-leishan.png')).toBe('images/01-leishan.png');
    expect(yamlScalar('“悦读益站”挂牌')).toBe('"“悦读益站”挂牌"');
    expect(yamlScalar('区志愿者工委（扩大）会议')).toBe('"区志愿者工委（扩大）会议"');
    expect(yamlScalar('2019')).toBe('"2019"');
    expect(yamlScalar('true')).toBe('"true"');
    expect(yamlScalar('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
  });

  it('writes section.yaml with the keys that are set', () => {
    expect(renderSectionFile({ title: '上城区科学技术协会', byline: '来源', order: 1 })).toBe('title: 上城区科学技术协会\nbyline: 来源\norder: 1\n');
    expect(renderSectionFile({ title: '上城区红十字会' })).toBe('title: 上城区红十字会\n');
  });
});

describe('Markdown bodies', () => {
  const roundTrip = (text: string) => {
    const blocks = parseBody({ file: 'x.md', text: escapeMarkdown(text), firstLine: 1 }, new Diagnostics());
    return blocks.map((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.kind));
  };

  it('escapes what Markdown would read as markup, so the text comes back unchanged', () => {
    for (const text of [
      '“互联网+”技术和“党建+”模式，2.25万人次，100%。',
      '# 不是标题', '> 不是引用', '- 不是列表', '+ 不是列表', '* 不是列表', '1. 不是列表', '3) 不是列表',
      '星号*和下划线_以及`反引号`与<尖括号>、[方括号](链接)、反斜杠\\和&amp;实体。',
      '::: 资料', '~~~', '---', '2018.12', '1.5万元',
    ]) expect(roundTrip(text), text).toEqual([text]);
  });

  it('leaves ordinary yearbook text as it is', () => {
    const text = '2018年，区总工会开展“上城工匠”认定工作，培训1.2万人次（其中女性60%）。';
    expect(escapeMarkdown(text)).toBe(text);
  });

  it('writes an entry with figures and a box in the sample edition\'s layout', () => {
    expect(renderEntryFile({
      title: '“上峰·青创营”帮创扶智培训班开班',
      figures: [{ image: 'images/01-a.png', caption: '2018 年 10 月 15 日，合影', credit: '团区委', credit_role: '供稿', size: 'page' }],
      blocks: [{ kind: 'paragraph', text: '甲。' }, { kind: 'paragraph', text: '乙。' }, { kind: 'box', label: '资料', paragraphs: ['丙。'] }],
    })).toBe([
      '---',
      'title: "“上峰·青创营”帮创扶智培训班开班"',
      'figures:',
      '  - image: images/01-a.png',
      '    caption: "2018 年 10 月 15 日，合影"',
      '    credit: 团区委',
      '    credit_role: 供稿',
      '    size: page',
      '---',
      '甲。', '', '乙。', '', '::: 资料', '丙。', ':::', '',
    ].join('\n'));
    expect(renderEntryFile({ title: '概况', figures: [], blocks: [] })).toBe('---\ntitle: 概况\n---\n');
  });
});
