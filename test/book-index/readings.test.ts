/** The table of readings (src/book-index/readings.ts): read once, and a clear error when `npm run compile` has not made it. */
import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

describe('the table of readings', () => {
  it('reads the table once and gives each code point its reading, nothing where it has none', async () => {
    const read = vi.spyOn(fs, 'readFileSync');
    const { readingOf, READINGS_FILE } = await import('../../src/book-index/readings.js');
    expect([0x4e2d, 0x4e86, 0x3005, 0x3007, 0x20164].map(readingOf)).toEqual(['zhong1', 'liao3', 'tong2', 'ling2', 'xi2']);
    expect(readingOf(0x41)).toBeUndefined();
    expect(readingOf(0x3001)).toBeUndefined();
    expect(readingOf(0x20000)).toBeUndefined();
    expect(read.mock.calls.filter(([file]) => file === READINGS_FILE)).toHaveLength(1);
  });

  it('gives every code point the reading its line of the table gives it, and none to any other', async () => {
    const { readingOf, READINGS_FILE } = await import('../../src/book-index/readings.js');
    // The table read the plain way: a map from each code point to its reading.
    const expected = new Map<number, string>();
    for (const line of fs.readFileSync(READINGS_FILE, 'utf8').split('\n').filter(Boolean)) {
      const [start, ...run] = line.split(' ');
      run.forEach((reading, k) => expected.set(parseInt(start!, 16) + k, reading));
    }
    expect(expected.size).toBeGreaterThan(20_000);
    const wrong: number[] = [];
    for (let cp = 0; cp < 0x32000; cp++) if (readingOf(cp) !== expected.get(cp)) wrong.push(cp);
    expect(wrong).toEqual([]);
  });

  it('names the missing table and what to do', async () => {
    const { readingOf, READINGS_FILE } = await import('../../src/book-index/readings.js');
    vi.spyOn(fs, 'readFileSync').mockImplementation(() => {
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${READINGS_FILE}'`), { code: 'ENOENT' });
    });
    expect(() => readingOf(0x4e2d)).toThrow(`${READINGS_FILE}: the table of pinyin readings for the subject index cannot be read (ENOENT: no such file or directory, open '${READINGS_FILE}'): run \`npm run compile\``);
  });
});
