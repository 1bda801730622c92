/**
 * Glyph ids in TJ literal strings and UTF-16 code units in ActualText
 * (src/pdf/content-bytes.ts): two bytes each, with a backslash before the bytes a reader would
 * take for something else (the string's own parentheses, the backslash, line ends and control
 * characters: ISO 32000-1 §7.3.4.2). Numbers rounded to three decimals, written as JavaScript
 * writes the rounded value.
 */
import { expect, it } from 'vitest';
import { ContentBytes } from '../../src/pdf/content-bytes.js';

const bytesOf = (ids: number[]): number[] => {
  const out = new ContentBytes();
  for (const id of ids) out.literal16(id);
  return [...out.take()];
};

it('writes a glyph id as its two bytes, high byte first', () => {
  expect(bytesOf([0x0001, 0x1234, 0x00ff, 0x7f41])).toEqual([0x00, 0x01, 0x12, 0x34, 0x00, 0xff, 0x7f, 0x41]);
});

it('escapes the bytes of parentheses and backslash, in either half of the id', () => {
  expect(bytesOf([0x0028])).toEqual([0x00, 0x5c, 0x28]);
  expect(bytesOf([0x2900])).toEqual([0x5c, 0x29, 0x00]);
  expect(bytesOf([0x5c5c])).toEqual([0x5c, 0x5c, 0x5c, 0x5c]);
});

it('writes line ends and control characters as their escapes (a CR inside a string is read as a LF)', () => {
  expect(bytesOf([0x0d0a])).toEqual([0x5c, 0x72, 0x5c, 0x6e]);
  expect(bytesOf([0x090c, 0x0800])).toEqual([0x5c, 0x74, 0x5c, 0x66, 0x5c, 0x62, 0x00]);
});

it('grows its buffer as it writes, escapes and all', () => {
  // 3,000 ids that each take four bytes escaped, past the buffer's first 4 KB.
  const bytes = bytesOf(Array.from({ length: 3000 }, () => 0x285c));
  expect(bytes.length).toBe(12000);
  for (let k = 0; k < bytes.length; k += 4) expect(bytes.slice(k, k + 4)).toEqual([0x5c, 0x28, 0x5c, 0x5c]);
});

const numberText = (values: number[]): string => {
  const out = new ContentBytes();
  values.forEach((n, k) => {
    if (k > 0) out.byte(0x20);
    out.number(n);
  });
  return out.take().toString('latin1');
};

it('writes a number rounded to three decimals, without trailing zeros, as String() writes the rounded value', () => {
  expect(numberText([0, 12, 0.5, -148.2, 57.862, 807.874016, 734.592, -21.7395, 1000, 0.0004, -0.0004, -0.5, 123456.7891]))
    .toBe('0 12 0.5 -148.2 57.862 807.874 734.592 -21.739 1000 0 0 -0.5 123456.789');
});

it('agrees with String(Math.round(n * 1000) / 1000) over a spread of values', () => {
  // A fixed sequence (no randomness): magnitudes from thousandths to a million, both signs.
  const values: number[] = [];
  let seed = 1;
  for (let k = 0; k < 20000; k++) {
    seed = (seed * 48271) % 2147483647;
    const magnitude = 10 ** ((seed % 10) - 3);
    values.push(((seed / 2147483647) * 2 - 1) * magnitude);
  }
  expect(numberText(values)).toBe(values.map((n) => String(Math.round(n * 1000) / 1000)).join(' '));
});
