/** Walking a text by UTF-16 offset (src/check/text-walk.ts): characters as TextSite.chars holds them. */
import { describe, expect, it } from 'vitest';
import { charBefore, charFrom, codePointIndex, wordBefore, wordFrom } from '../../src/check/text-walk.js';

describe('text walk', () => {
  it('gives the offset as the index in a text without surrogates', () => {
    const indexOf = codePointIndex('上城区，工会');
    expect([0, 3, 5].map(indexOf)).toEqual([0, 3, 5]);
  });

  it('counts a surrogate pair as one character and a lone surrogate as one', () => {
    // 𠮷 is two UTF-16 units; \uD800 alone is one character, as TextSite.chars splits it.
    const text = '𠮷a\uD800b𠮷c';
    const indexOf = codePointIndex(text);
    expect([0, 2, 3, 4, 5, 7].map(indexOf)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('reads the character before and from an offset, whole pairs included', () => {
    const text = '𠮷a\uDC00𠮷';
    expect(charBefore(text, 0)).toBeUndefined();
    expect(charBefore(text, 2)).toBe('𠮷');
    expect(charBefore(text, 4)).toBe('\uDC00');
    expect(charBefore(text, 6)).toBe('𠮷');
    expect(charFrom(text, 0)).toBe('𠮷');
    expect(charFrom(text, 3)).toBe('\uDC00');
    expect(charFrom(text, 6)).toBeUndefined();
  });

  it('skips spaces to the nearest word character either way', () => {
    const text = '会议 , 𠮷 。';
    expect(wordBefore(text, 3)).toBe('议');
    expect(wordFrom(text, 4)).toBe('𠮷');
    expect(wordFrom(text, 7)).toBe('。');
    expect(wordBefore(text, 0)).toBeUndefined();
    expect(wordFrom(text, text.length)).toBeUndefined();
  });
});
