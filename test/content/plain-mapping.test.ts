/**
 * The shortcut past the YAML parser (src/content/plain-mapping.ts): whatever it accepts, it reads
 * exactly as `yaml` does; it declines what YAML could read another way; and it does take the
 * sample's plain front matters, so that the shortcut is really used.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { plainMapping } from '../../src/content/plain-mapping.js';
import { REPLAY, fuzzParameters } from '../fuzz/fuzz-options.js';

const SAMPLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../content/2019');

/** What `yaml` makes of the text, as the loader asks it; undefined where it finds errors. */
function yamlReads(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  return doc.errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });
}

describe('plainMapping', () => {
  it('reads plain Chinese key: value lines', () => {
    expect(plainMapping('title: 上城区工会第八次代表大会')).toEqual({ title: '上城区工会第八次代表大会' });
    expect(plainMapping('title: 2018年“悦读益站”挂牌（上城）\ncaption: VR体验 3.0版\n')).toEqual({ title: '2018年“悦读益站”挂牌（上城）', caption: 'VR体验 3.0版' });
    expect(plainMapping('title: 表情😀与𠀀字')).toEqual({ title: '表情😀与𠀀字' });
    expect(plainMapping('title: "“悦读益站”挂牌"\norder: "3"')).toEqual({ title: '“悦读益站”挂牌', order: '3' });
    expect(plainMapping('title: " 上城 # 区: "')).toEqual({ title: ' 上城 # 区: ' });
  });

  it('reads English titles, paths and words that YAML takes as strings', () => {
    expect(plainMapping('title: 群众团体\ntitle_en: Mass Organizations')).toEqual({ title: '群众团体', title_en: 'Mass Organizations' });
    expect(plainMapping('image: images/01-xianxue.png\nsize: inset\nwhen: 2018/01\nword: yes')).toEqual({ image: 'images/01-xianxue.png', size: 'inset', when: '2018/01', word: 'yes' });
  });

  it('reads an entry\'s photos, a list of such mappings under figures:', () => {
    const text = [
      'title: 红十字生命关爱工程',
      'figures:',
      '  - image: images/01-xianxue.png',
      '    caption: "2018 年 2 月 1 日，上城区开展冬季应急献血活动"',
      '    credit: 区红十字会',
      '  - image: images/02.png',
      'order: 第三',
    ].join('\n');
    expect(plainMapping(text)).toEqual({
      title: '红十字生命关爱工程',
      figures: [{ image: 'images/01-xianxue.png', caption: '2018 年 2 月 1 日，上城区开展冬季应急献血活动', credit: '区红十字会' }, { image: 'images/02.png' }],
      order: '第三',
    });
  });

  it('declines what YAML could read another way, or reports', () => {
    for (const text of [
      'title: 2018', 'title: 2018.5', 'title: 1e5', 'title: 0x1F', 'title: null', 'title: True', 'title: FALSE', 'title: 2019-01-01', // numbers, booleans, null, dates
      "title: '上城'", 'title: &a 上城', 'title: !!str 上城', 'title: |', 'title: - 上城', 'title: [上城]',
      'title: 上城 # 注', 'title: 上城: 区', 'title:上城', 'title:  上城', 'title: 上城 ', 'title: 上\t城', 'title: 上城\r',
      'title: 上城\ntitle: 区', 'title: 上城\n\norder: 区', 'title: 上城\n  - 区', 'Title: 上城', '标题: 上城', '', '\n',
      'title: \uFEFF上城', 'title: 上城\u2028区', 'title: 上\u0085城', 'title: 上\uD800城',
      'title: "上\\n城"', 'title: "上"城"', 'title: "上城" ', 'title: "上城" # 注', 'title: "上城', 'title: "上\t城"',
      // Lists other than `  - key: value` items with `    key: value` lines under them.
      'figures:', 'figures:\ntitle: 上城', 'figures:\n- image: a/b.png', 'figures:\n  - image: a/b.png\n   caption: 上城',
      'figures:\n  - image: a/b.png\n      caption: 上城', 'figures:\n  - image: a/b.png\n    image: c/d.png', 'figures:\n  -  image: a/b.png',
      'figures:\n  - image: a/b.png\n\n  - image: c/d.png', 'figures:\n  - 上城', 'figures:\n  - image: 2018', '  - image: a/b.png',
      'figures: \n  - image: a/b.png', 'figures:\n  - image: a/b.png\nfigures:\n  - image: c/d.png', 'title: 上城\n    caption: 区',
    ]) expect(plainMapping(text), JSON.stringify(text)).toBeUndefined();
  });

  it(`gives what yaml gives, whenever it accepts a text ${REPLAY}`, () => {
    const risky = fc.constantFrom(...'“”（）：:#&*!|>-[]{},\'"\\%@`.()/ 　aZ09', '\t', '\u00A0', '\u0085', '\u2028', '\uFEFF', '\uFFFE', '\uD800', '😀', '𠀀', 'é');
    // Mostly Chinese, as front matters are, with any of the risky characters among it.
    const char = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...'上城区总工会 ') }, { weight: 2, arbitrary: risky });
    // ASCII words and numbers, which YAML may read as something else than a string.
    const ascii = fc.string({ unit: fc.constantFrom(...'aeEnNoOxXsTtrRuUlLfFinIy0123456789.-/ '), maxLength: 8 });
    const plain = fc.oneof(fc.string({ unit: char, maxLength: 12 }), ascii,
      fc.constantFrom('2018', 'yes', '~', 'null', 'Null', 'NULL', 'true', 'True', 'false', 'FALSE', 'NaN', 'Infinity', '0x1F', '0o17', '1e5', '12.', '.inf', '2019-01-01', '2018/01', 'images/a.png', 'Mass Organizations', '上城'));
    const value = fc.oneof(plain, plain.map((v) => `"${v}"`));
    const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('title', 'caption', 'order', 'a_b') }, { weight: 1, arbitrary: fc.constantFrom('Title', ' title', '- title', '? title') });
    const sep = fc.oneof({ weight: 6, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':', ':  ', ' : ', ':\t') });
    const line = fc.tuple(key, sep, value).map(([k, sp, v]) => k + sp + v);
    // A list under a key: items of one or more lines, mostly indented as the shortcut takes them.
    const first = fc.oneof({ weight: 8, arbitrary: fc.constant('  - ') }, { weight: 1, arbitrary: fc.constantFrom('- ', '   - ', '  -', '  - - ', '\t- ') });
    const more = fc.oneof({ weight: 8, arbitrary: fc.constant('    ') }, { weight: 1, arbitrary: fc.constantFrom('', '  ', '   ', '     ', '  - ') });
    // Item lines mostly of the kind accepted, so that lists are often taken and compared.
    const itemLine = fc.oneof({ weight: 3, arbitrary: fc.tuple(fc.constantFrom('image', 'caption', 'credit'), fc.oneof(fc.string({ unit: fc.constantFrom(...'上城区总工会'), minLength: 1, maxLength: 6 }), ascii, value)).map(([k, v]) => `${k}: ${v}`) }, { weight: 1, arbitrary: line });
    const item = fc.tuple(first, itemLine, fc.array(fc.tuple(more, itemLine), { maxLength: 3 }))
      .map(([f, l, rest]) => [f + l, ...rest.map(([m, r]) => m + r)].join('\n'));
    const listKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('figures:', 'title:') }, { weight: 1, arbitrary: fc.constantFrom('figures: ', 'Figures:', 'figures: []') });
    const list = fc.tuple(listKey, fc.array(item, { maxLength: 3 })).map(([k, items]) => [k, ...items].join('\n'));
    const entry = fc.oneof({ weight: 2, arbitrary: line }, { weight: 1, arbitrary: list });
    let accepted = 0;
    let lists = 0;
    fc.assert(fc.property(fc.array(entry, { minLength: 1, maxLength: 4 }), fc.boolean(), (lines, newline) => {
      const text = lines.join('\n') + (newline ? '\n' : '');
      const plain = plainMapping(text);
      if (plain === undefined) return;
      accepted++;
      if (Object.values(plain).some(Array.isArray)) lists++;
      expect(plain).toEqual(yamlReads(text));
    }), fuzzParameters(6000));
    // The property must have been tried on accepted texts, lists among them, not only on declined ones.
    expect(accepted).toBeGreaterThan(300);
    expect(lists).toBeGreaterThan(50);
  });

  it('takes every front matter of the sample, its photos\' too, as yaml reads it', () => {
    let taken = 0;
    for (const section of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()) {
      const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(SAMPLE, section), 'utf8'))![1]!;
      const plain = plainMapping(front);
      if (plain === undefined) continue;
      taken++;
      expect(plain).toEqual(yamlReads(front));
    }
    expect(taken).toBe(68);
  });
});
