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

/** Each code point's reading, read from READINGS_FILE on first use (21,000 of them). */
let table: Map<number, string> | undefined;

/** The reading of the character with code point `cp` alone (了 → liao3), or undefined where the table has none. */
export function readingOf(cp: number): string | undefined {
  return (table ??= readTable()).get(cp);
}

/** Let the table go (the startup snapshot's warm-up: kept in the snapshot, its 21,000 entries cost every command more to start than one build's read of them). */
export function forgetReadings(): void {
  table = undefined;
}

function readTable(): Map<number, string> {
  let text: string;
  try {
    text = fs.readFileSync(READINGS_FILE, 'utf8');
  } catch (e) {
    throw new Error(`${READINGS_FILE}: the table of pinyin readings for the subject index cannot be read (${(e as Error).message}): run \`npm run compile\``);
  }
  const readings = new Map<number, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [start, ...run] = line.split(' ');
    let cp = parseInt(start!, 16);
    for (const reading of run) readings.set(cp++, reading);
  }
  return readings;
}
