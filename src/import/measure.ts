/**
 * How wide a printed line was, estimated from its text, in em of the body size. An
 * extraction loses paragraph indents; the width of the line is what is left of them (a line
 * that lost its 2-em indent is about two characters short of a full line).
 *
 * The estimate is a range because the typesetter compressed some punctuation to half width
 * to justify the line and the text does not say which: Han and other full-width characters
 * count 1, ASCII 0.5, full-width punctuation 0.5 to 1. Spaces are layout and count nothing.
 */

export interface Width {
  min: number;
  max: number;
}

export function widthOf(text: string): Width {
  let min = 0;
  let max = 0;
  for (const c of text.replace(/\s/gu, '')) {
    if (c <= '\u007f') {
      min += 0.5;
      max += 0.5;
    } else if (/[\p{P}\p{S}]/u.test(c)) {
      min += 0.5;
      max += 1;
    } else {
      min += 1;
      max += 1;
    }
  }
  return { min, max };
}

/**
 * The full measure of the body lines, in em: the most common length of the lines made of
 * Han characters only, whose width is exact (no punctuation to compress). Lines beside an
 * inset photo are shorter but fewer. Undefined when there is no such line to go by.
 */
export function fullMeasure(lines: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const text of lines) {
    if (!/^\p{sc=Han}+$/u.test(text)) continue;
    const n = [...text].length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [n, count] of counts) {
    if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && n > best)) best = n;
  }
  return best;
}
