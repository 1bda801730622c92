/**
 * Characters set from a fallback face are reported at every occurrence, with their offset in
 * the paragraph, also where the unit made at the first occurrence is reused; characters of
 * the role's own face are not reported.
 */
import { expect, it } from 'vitest';
import { prepare } from '../../src/typeset/prepare.js';
import { fonts, GB_BOOK } from './compose-helpers.js';

it('reports each occurrence of a character from the fallback face, and nothing else', () => {
  // 𰻝 (U+30EDD) is not in Noto Serif SC but is in the fallback face Noto Sans SC.
  const text = '面𰻝面，𰻝';
  for (let round = 0; round < 2; round++) {
    const prepared = prepare([{ text, role: 'body' }], fonts, GB_BOOK);
    expect(prepared.fallback).toEqual([
      { char: '𰻝', offset: 1, face: 'sans' },
      { char: '𰻝', offset: 5, face: 'sans' },
    ]);
    expect(prepared.missing).toEqual([]);
  }
});
