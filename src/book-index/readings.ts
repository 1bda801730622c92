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

/**
 * The table as read from READINGS_FILE on first use: its text, and for each line the code
 * point it starts at, where its readings begin and where it ends. A reading is cut from the
 * text only when asked for: a build's index asks for a few hundred characters, and splitting
 * all 21,000 readings into a map took a one-chapter build 12 ms and 3.8 MB of garbage.
 */
interface Table {
  text: string;
  starts: number[];
  begins: number[];
  ends: number[];
  /** Per line, where each of its readings begins, and its end + 1 last; found on first use. */
  readings: (number[] | undefined)[];
}

let table: Table | undefined;

/** The reading of the character with code point `cp` alone (了 → liao3), or undefined where the table has none. */
export function readingOf(cp: number): string | undefined {
  const t = (table ??= readTable());
  // The last line that starts at or before cp.
  let lo = 0;
  let hi = t.starts.length - 1;
  if (hi < 0 || cp < t.starts[0]!) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.starts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  const at = (t.readings[lo] ??= readingsOfLine(t, lo));
  const k = cp - t.starts[lo]!;
  return k < at.length - 1 ? t.text.slice(at[k], at[k + 1]! - 1) : undefined;
}

/** Let the table go (the startup snapshot's warm-up: a build reads it in a fraction of a millisecond, and the snapshot need not carry it). */
export function forgetReadings(): void {
  table = undefined;
}

function readTable(): Table {
  let text: string;
  try {
    text = fs.readFileSync(READINGS_FILE, 'utf8');
  } catch (e) {
    throw new Error(`${READINGS_FILE}: the table of pinyin readings for the subject index cannot be read (${(e as Error).message}): run \`npm run compile\``);
  }
  const t: Table = { text, starts: [], begins: [], ends: [], readings: [] };
  for (let pos = 0; pos < text.length;) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const space = text.indexOf(' ', pos);
    if (space > pos && space < end) {
      t.starts.push(parseInt(text.slice(pos, space), 16));
      t.begins.push(space + 1);
      t.ends.push(end);
    }
    pos = end + 1;
  }
  return t;
}

function readingsOfLine(t: Table, line: number): number[] {
  const at = [t.begins[line]!];
  const end = t.ends[line]!;
  for (let space = t.text.indexOf(' ', at[0]); space >= 0 && space < end; space = t.text.indexOf(' ', space + 1)) at.push(space + 1);
  at.push(end + 1);
  return at;
}
