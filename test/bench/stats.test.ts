/**
 * The benches' statistics (bench/lib/stats.mjs): medians, and the ratios of runs timed in
 * pairs with an interval for their median that is the same every time for the same runs.
 */
import { expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { median, pairedRatios } from '../../bench/lib/stats.mjs';

it('takes the median of the finite numbers, the mean of the middle two for an even count', () => {
  expect(median([3, 1, 2])).toBe(2);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([undefined, Number.NaN, 5, 7])).toBe(6);
  expect(median([undefined])).toBeUndefined();
});

it('gives the ratio of each pair, their median, how often the first took less, and a seeded interval', () => {
  const p = pairedRatios([1, 2, 3, 4], [2, 2, 2, 2]);
  expect(p.median).toBe(1.25);
  expect(p.lessShare).toBe(0.25);
  expect(p.interval[0]).toBeGreaterThanOrEqual(0.5);
  expect(p.interval[0]).toBeLessThan(p.median);
  expect(p.interval[1]).toBeGreaterThan(p.median);
  expect(p.interval[1]).toBeLessThanOrEqual(2);
  expect(pairedRatios([1, 2, 3, 4], [2, 2, 2, 2])).toEqual(p);
});

it('gives an interval without 1 where every pair says the same', () => {
  const a = [2.7, 2.4, 3.1, 2.5, 2.6];
  const p = pairedRatios(a.map((x) => x * 0.9), a);
  expect(p.median).toBeCloseTo(0.9, 12);
  expect(p.interval[0]).toBeCloseTo(0.9, 12);
  expect(p.interval[1]).toBeCloseTo(0.9, 12);
  expect(p.lessShare).toBe(1);
});

it('refuses lists of different lengths', () => {
  expect(() => pairedRatios([1, 2], [1])).toThrow('two lists of the same, non-zero length');
});
