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

  it('declines what YAML could read another way, or reports', () => {
    for (const text of [
      'title: 2018', 'title: yes', 'title: null', 'title: 2019-01-01', // numbers, booleans, null, dates: no character from U+0080 up
      "title: '上城'", 'title: &a 上城', 'title: !!str 上城', 'title: |', 'title: - 上城', 'title: [上城]',
      'title: 上城 # 注', 'title: 上城: 区', 'title:上城', 'title:  上城', 'title: 上城 ', 'title: 上\t城', 'title: 上城\r',
      'title: 上城\ntitle: 区', 'title: 上城\n\norder: 区', 'title: 上城\n  - 区', 'Title: 上城', '标题: 上城', '', '\n',
      'title: \uFEFF上城', 'title: 上城\u2028区', 'title: 上\u0085城', 'title: 上\uD800城',
      'title: "上\\n城"', 'title: "上"城"', 'title: "上城" ', 'title: "上城" # 注', 'title: "上城', 'title: "上\t城"',
    ]) expect(plainMapping(text), JSON.stringify(text)).toBeUndefined();
  });

  it(`gives what yaml gives, whenever it accepts a text ${REPLAY}`, () => {
    const risky = fc.constantFrom(...'“”（）：:#&*!|>-[]{},\'"\\%@`.()/ 　aZ09', '\t', '\u00A0', '\u0085', '\u2028', '\uFEFF', '\uFFFE', '\uD800', '😀', '𠀀', 'é');
    // Mostly Chinese, as front matters are, with any of the risky characters among it.
    const char = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...'上城区总工会 ') }, { weight: 2, arbitrary: risky });
    const plain = fc.oneof(fc.string({ unit: char, maxLength: 12 }), fc.constantFrom('2018', 'yes', '~', 'null', '0x1F', '.inf', '2019-01-01', '上城'));
    const value = fc.oneof(plain, plain.map((v) => `"${v}"`));
    const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('title', 'caption', 'order', 'a_b') }, { weight: 1, arbitrary: fc.constantFrom('Title', ' title', '- title', '? title') });
    const sep = fc.oneof({ weight: 6, arbitrary: fc.constant(': ') }, { weight: 1, arbitrary: fc.constantFrom(':', ':  ', ' : ', ':\t') });
    const line = fc.tuple(key, sep, value).map(([k, sp, v]) => k + sp + v);
    let accepted = 0;
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), fc.boolean(), (lines, newline) => {
      const text = lines.join('\n') + (newline ? '\n' : '');
      const plain = plainMapping(text);
      if (plain === undefined) return;
      accepted++;
      expect(plain).toEqual(yamlReads(text));
    }), fuzzParameters(3000));
    // The property must have been tried on accepted texts, not only on declined ones.
    expect(accepted).toBeGreaterThan(100);
  });

  it('takes every front matter of the sample made of plain lines (63 of its 68 entries: not those with figures), as yaml reads it', () => {
    let taken = 0;
    for (const section of fs.readdirSync(SAMPLE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).sort()) {
      const front = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(path.join(SAMPLE, section), 'utf8'))![1]!;
      const plain = plainMapping(front);
      if (plain === undefined) continue;
      taken++;
      expect(plain).toEqual(yamlReads(front));
    }
    expect(taken).toBe(63);
  });
});
