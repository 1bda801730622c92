/**
 * Import, phase 3: body lines re-joined into paragraphs. The extraction keeps a paragraph
 * start only as an indent (U+3000 / U+2003, or a line of such spaces before it), and often
 * not even that. What is left is the width: a line in the middle of a paragraph is full,
 * so a line after a sentence end that is clearly shorter than a full line, while the next
 * line is full again, lost its 2-em indent. Such breaks, and near misses, are reported for
 * an editor to check against the book.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { BodyLine } from './structure.js';
import { SENTENCE_END } from './structure.js';
import { joinLines } from './text.js';

/**
 * Splits `lines` into paragraphs. `measure` is the full line width in em (fullMeasure), or
 * undefined to break at indents only (a box, set to another measure).
 */
export function toParagraphs(lines: readonly BodyLine[], measure: number | undefined, file: string, diagnostics: Diagnostics): string[] {
  const paragraphs: BodyLine[][] = [];
  lines.forEach((l, i) => {
    if (i === 0 || l.indented || (measure !== undefined && lostIndent(lines, i, measure, file, diagnostics))) paragraphs.push([l]);
    else paragraphs.at(-1)!.push(l);
  });
  return paragraphs.map((p) => joinLines(p, file, diagnostics));
}

/**
 * Whether line i starts a paragraph whose indent was lost: the line before ends a sentence,
 * line i is at least one em short of the measure even with all its punctuation at full width,
 * and the line after it (if it is not the last, which may be short anyway) is not short too,
 * which would mean a narrower measure beside a photo rather than an indent. A line within
 * one em of the measure there is reported as a near miss.
 */
function lostIndent(lines: readonly BodyLine[], i: number, measure: number, file: string, diagnostics: Diagnostics): boolean {
  const line = lines[i]!;
  const next = lines[i + 1];
  if (!next || !SENTENCE_END.test(lines[i - 1]!.text)) return false;
  const short = (l: BodyLine) => l.width.max <= measure - 1;
  if (short(line) && !(i + 2 < lines.length && short(next))) {
    diagnostics.warning(file, line.line, line.column,
      `new paragraph assumed: the sentence before ends at the line end and this line is ${measure - line.width.max} em short of a full line (${measure}), as if its indent was lost; check against the book`);
    return true;
  }
  if (line.width.max > measure - 1 && line.width.max <= measure) {
    diagnostics.warning(file, line.line, line.column,
      'no new paragraph assumed, though the sentence before ends at the line end and this line is barely full; check against the book');
  }
  return false;
}
