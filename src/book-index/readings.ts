/**
 * The reading of a Han character alone, with its tone as a digit (中 → zhong1), for sorting the
 * subject index: read from the table that `npm run compile` makes from pinyin-pro's dictionary
 * (./make-readings.ts). A process that sorts an index thus never loads pinyin-pro, whose
 * dictionaries were half of what the startup snapshot took to deserialise in every command
 * (docs/performance.md), and 60 ms to load without it.
 *
 * The table (READINGS_FILE) has a line for each run of consecutive code points that have a
 * reading: the run's first code point in hex, then the readings, one per code point, all
 * separated by single spaces.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** In dist/, the same path from this module compiled (dist/book-index) and from its source (src/book-index, in the tests). */
export const READINGS_FILE = fileURLToPath(new URL('../../dist/book-index/readings.txt', import.meta.url));

interface ReadingTable {
  /** Each run's first code point, ascending. */
  starts: Int32Array;
  /** Where each run's readings begin in `readings`; one more entry, for the end of the last run. */
  offsets: Int32Array;
  readings: string[];
}

let table: ReadingTable | undefined;

/** The reading of the character with code point `cp` alone (了 → liao3), or undefined where the table has none. */
export function readingOf(cp: number): string | undefined {
  const t = (table ??= readTable());
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  const k = t.offsets[lo]! + cp - t.starts[lo]!;
  return cp >= t.starts[lo]! && k < t.offsets[lo + 1]! ? t.readings[k] : undefined;
}

function readTable(): ReadingTable {
  let text: string;
  try {
    text = fs.readFileSync(READINGS_FILE, 'utf8');
  } catch (e) {
    throw new Error(`${READINGS_FILE}: the table of pinyin readings for the subject index cannot be read (${(e as Error).message}): run \`npm run compile\``);
  }
  const lines = text.split('\n').filter((l) => l !== '');
  const starts = new Int32Array(lines.length);
  const offsets = new Int32Array(lines.length + 1);
  const readings: string[] = [];
  lines.forEach((line, k) => {
    const [start, ...run] = line.split(' ');
    starts[k] = parseInt(start!, 16);
    offsets[k] = readings.length;
    readings.push(...run);
  });
  offsets[lines.length] = readings.length;
  return { starts, offsets, readings };
}
