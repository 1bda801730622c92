/**
 * Characters that would not print (src/check/rules/glyphs.ts): no configured font has them, or
 * they are control, invisible or broken characters. Reported once per character and text, with
 * the count, at the first occurrence.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY, check, checkBody, oneSection } from './check-helpers.js';

describe('characters that would not print', () => {
  it('reports a character no configured font has, once, with the count', () => {
    const ds = checkBody('上城区ༀ有ༀ基层。');
    expect(ds).toEqual([{
      severity: 'error', file: ENTRY, line: 4, column: 4,
      message: "character ༀ (U+0F00) is in no configured font: add a face that has it to 'fallback' in fonts/fonts.yaml, or write the character differently (2 times in this text)",
    }]);
  });

  it('accepts a rare character the fallback face has', () => {
    // 𰻝 (U+30EDD) is not in Noto Serif SC but is in the fallback face Noto Sans SC.
    expect(checkBody('陕西名吃𰻝𰻝面在上城区开业。')).toEqual([]);
  });

  it('reports control and invisible characters, with what to do', () => {
    const ds = checkBody('上城\u0007区\u200b有\u007f基层。');
    expect(ds.map((d) => [d.column, d.message])).toEqual([
      [3, 'control character U+0007 in the text: delete it (it prints as nothing)'],
      [5, 'invisible format character U+200B in the text: delete it (such characters usually come with text copied from a web page or a word processor)'],
      [7, 'control character U+007F in the text: delete it (it prints as nothing)'],
    ]);
  });

  it('reports a replacement character the text holds (bytes that are not UTF-8 the loader reports: test/content)', () => {
    const ds = check(oneSection([{ title: '概况', body: '上城\uFFFD区。' }]));
    expect(ds.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 3, 'replacement character U+FFFD: a character was lost before the text came here (converted from another encoding, or copied from a damaged file); retype it from the original'],
    ]);
  });

  it('reports an unpaired surrogate from a YAML escape, at the escape', () => {
    const ds = check(oneSection([{ title: '上\\uD800城', body: '正文。' }]));
    expect(ds.map((d) => [d.line, d.column, d.message])).toEqual([
      [2, 10, 'broken character U+D800 (an unpaired UTF-16 surrogate, half of a character): write the whole character instead of an escape'],
    ]);
  });

  it('checks each character in the font role it is set in (bold runs in 黑体)', () => {
    // 䶶 (U+4DB6, CJK Extension A) is in Noto Serif SC (body) but in neither Noto Sans SC face.
    const ds = checkBody('正文䶶，**加粗䶶**。');
    expect(ds.map((d) => [d.column, d.message.split(':')[0]])).toEqual([[9, 'character 䶶 (U+4DB6) is in no configured font']]);
  });
});
