/** A text's characters as shared strings (src/typeset/characters.ts). */
import { describe, expect, it } from 'vitest';
import { charAt, pushCharacters } from '../../src/typeset/characters.js';

describe('characters', () => {
  it('splits a text into code points as iterating it does, lone surrogates included', () => {
    for (const text of ['上城区2018年', '𠮷野家（𡈼）', 'a\uD800b', '\uDC00\uD800', 'x\uD83D', '']) {
      const out: string[] = ['before'];
      pushCharacters(out, text);
      expect(out).toEqual(['before', ...text]);
    }
  });

  it('gives the same string for every occurrence of a BMP character', () => {
    const text = '年鉴年鉴';
    expect(charAt(text, 2)).toBe(charAt(text, 0));
    expect(charAt(text, 3)).toBe('鉴');
    expect(charAt('𠮷', 0)).toBe('𠮷');
  });
});
