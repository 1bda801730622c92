/**
 * Where a character of the document model stands in its source file. The model keeps the file
 * and the first line of each text (SourceRef); the check needs the exact line and column of one
 * character, so it reads the file again and lines the model text up with it.
 *
 * Lining up, not parsing: the model text is what the loader made of the source (Markdown markup,
 * YAML quotes and escapes removed, soft line breaks dropped or made spaces), so its characters
 * occur in the source in the same order, with extra characters in between. Each model character
 * is matched to the next equal source character; a model character the source does not contain
 * (an entity such as &amp;) is placed where the match stopped and does not move it on.
 *
 * Columns count code points, from 1, as editors show them.
 */
import { readText } from '../content/load-edition.js';

export interface Position {
  file: string;
  line: number;
  column: number;
}

/** How far ahead a match is looked for; longer than any markup between two characters of text. */
const MATCH_WINDOW = 2000;

export class SourceFile {
  /** Code points of the text. */
  private readonly points: Int32Array;
  /** Index in `points` of the first character of each line. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly file: string, text: string) {
    // A loop by index: Int32Array.from(text, …) made an iterator result and a string for
    // every character, and a check run lines up a file for each warning (280 in the N=40 book).
    const points = new Int32Array(text.length);
    let n = 0;
    for (let k = 0; k < text.length; k++) {
      const cp = text.codePointAt(k)!;
      if (cp > 0xffff) k++;
      if (cp === 0x0a) this.lineStarts.push(n + 1);
      points[n++] = cp;
    }
    this.points = points.subarray(0, n);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of a line (1-based), without its line break. */
  line(n: number): string {
    return this.lineSlice(n, 0, Infinity);
  }

  /** Length of a line (1-based) in code points, without its line break. */
  lineLength(n: number): number {
    const [start, end] = this.lineBounds(n);
    return end - start;
  }

  /** Code points `from` up to `to` (0-based) of a line. */
  lineSlice(n: number, from: number, to: number): string {
    const [start, end] = this.lineBounds(n);
    return text(this.points.subarray(Math.min(start + from, end), Math.min(start + to, end)));
  }

  private lineBounds(n: number): [number, number] {
    const start = this.lineStarts[n - 1];
    if (start === undefined) return [0, 0];
    let end = this.lineStarts[n] ?? this.points.length;
    if (end > start && this.points[end - 1] === 0x0a) end--;
    if (end > start && this.points[end - 1] === 0x0d) end--;
    return [start, end];
  }

  /** Line and column (1-based) of the character at `index`. */
  position(index: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: index - this.lineStarts[lo]! + 1 };
  }

  /** Index of the first character of line `n` (1-based), clamped to the file. */
  lineStart(n: number): number {
    return this.lineStarts[Math.min(Math.max(n, 1), this.lineStarts.length) - 1]!;
  }

  /**
   * Index just after `key:` on the first line from line `from` on that holds that key (at the
   * line start, or after a list dash), or undefined. The search ends at a `---` line (the end
   * of an entry's front matter).
   */
  afterKey(from: number, key: string): number | undefined {
    const pattern = new RegExp(`^(\\s*(?:-\\s+)?${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:)`);
    for (let n = Math.max(from, 1); n <= this.lineCount; n++) {
      const line = this.line(n);
      if (n > from && line === '---') break;
      const m = pattern.exec(line);
      if (m) return this.lineStart(n) + [...m[1]!].length;
    }
    return undefined;
  }

  /** For each character of `text`, the index in this file of the source character it came from. */
  align(start: number, chars: readonly string[]): Int32Array {
    const map = new Int32Array(chars.length);
    const last = Math.max(this.points.length - 1, 0);
    let pos = start;
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0)!;
      const limit = Math.min(this.points.length, pos + MATCH_WINDOW);
      let k = pos;
      while (k < limit && !matches(this.points[k]!, cp)) k++;
      if (k < limit) {
        map[i] = k;
        pos = k + 1;
      } else {
        map[i] = Math.min(pos, last);
      }
    });
    return map;
  }
}

/** Code points to a string, in slices (a spread of a million arguments overflows the stack). */
function text(points: Int32Array): string {
  let s = '';
  for (let k = 0; k < points.length; k += 8192) s += String.fromCodePoint(...points.subarray(k, k + 8192));
  return s;
}

/** A space in the model text may stand for a line break in the source (a Markdown soft break). */
function matches(source: number, model: number): boolean {
  return source === model || (model === 0x20 && (source === 0x0a || source === 0x09));
}

/**
 * The source files of one check run, each read once, as the loader reads them
 * (src/content/load-edition.ts readText: UTF-8, byte-order mark removed, NFC), so that the model
 * text lines up with it character for character.
 */
export class SourceTexts {
  private readonly files = new Map<string, SourceFile | undefined>();

  get(file: string): SourceFile | undefined {
    if (!this.files.has(file)) this.files.set(file, read(file));
    return this.files.get(file);
  }
}

/** The file's text, or undefined when it cannot be read (gone since it was loaded, or a folder: EISDIR). */
function read(file: string): SourceFile | undefined {
  try {
    return new SourceFile(file, readText(file));
  } catch {
    return undefined;
  }
}
