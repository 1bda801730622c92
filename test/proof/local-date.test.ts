/**
 * A proof's watermark is dated in the proofing machine's own time zone (src/proof/proof.ts
 * localDate): at 07:30 in Beijing on 29 November it is still 28 November in UTC.
 */
import { afterEach, expect, it } from 'vitest';
import { localDate } from '../../src/proof/proof.js';

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

it('gives the local date, not the date in UTC', () => {
  const morning = new Date(Date.UTC(2026, 10, 28, 23, 30)); // 07:30 on 29 November in Beijing
  process.env.TZ = 'Asia/Shanghai';
  expect(localDate(morning)).toBe('2026-11-29');
  process.env.TZ = 'UTC';
  expect(localDate(morning)).toBe('2026-11-28');
  process.env.TZ = 'America/New_York';
  expect(localDate(new Date(Date.UTC(2027, 0, 1, 3, 0)))).toBe('2026-12-31');
});
