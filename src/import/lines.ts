/**
 * Import, phase 1: what each line of the extracted text is, judged on the line itself (and,
 * for photo captions, on the credit line that must follow).
 *
 * Text extracted from a printed PDF has the book's line breaks, page furniture (running
 * heads, folios), the layout's spaces (at page starts, around right-aligned bylines, as
 * padding in credits) and nothing that says what is a heading. Lines that carry no text
 * are dropped here; the others get a kind, their text without surrounding spaces, and
 * whether they were indented (the only trace of a paragraph start an extraction keeps).
 */
import type { Diagnostics } from '../content/diagnostics.js';
import { BOX_LABELS } from '../content/markdown.js';

export type LineKind = 'text' | 'title' | 'caption' | 'credit' | 'byline' | 'box-label';

export interface Line {
  kind: LineKind;
  /** 1-based line number in the input file. */
  line: number;
  /** 1-based column (in code points) where `text` starts. */
  column: number;
  /** The line's text without leading and trailing whitespace. */
  text: string;
  /**
   * Indented by at least one em (U+3000 or U+2003), or preceded by a line of nothing but
   * such spaces (the indent torn off by the extraction): a paragraph starts here.
   */
  indented: boolean;
}

/** A running head: a book title ending in 年鉴 with the year in full-width parentheses. */
const RUNNING_HEAD = /^\S+年鉴（\d{4}）$/u;
/** A page number standing alone. */
const FOLIO = /^\d{1,4}$/u;
/** Em-wide spaces: an indent, unlike the single ASCII or en space the layout leaves at page starts. */
const EM_SPACE = /[\u3000\u2003]/u;
/** A name in parentheses, padded or not: `（刘乃华）`, `（徐  灿）`. */
const BYLINE = /^（\s*(\p{sc=Han}(?:\s*\p{sc=Han}){1,3})\s*）$/u;
/** The same, glued after spaces to the end of a sentence: `…道路。 （孙  洁）`. */
const GLUED_BYLINE = /^(.*[。！？”’）」』])(\s+)(（\s*\p{sc=Han}(?:\s*\p{sc=Han}){1,3}\s*）)$/u;
/** A photo credit: `（区总工会  供稿）`, `（张三  摄）`. */
export const CREDIT = /^（(.+?)\s*(供稿|摄)）$/u;
/** Digits set apart from Han by a space, as only captions write dates: `2018 年 6 月 13 日`. */
const SPACED_DATE = /\d\s+[年月日]|[年月日]\s+\d/u;
/** How many lines a caption may take before its credit. */
const CAPTION_LINES = 3;

/**
 * Classifies the lines of `text` (from `file`, for messages). `runningHead` is the edition's
 * running head; lines equal to it are dropped like any other running head.
 */
export function classifyLines(text: string, file: string, runningHead: string, diagnostics: Diagnostics): Line[] {
  const head = runningHead.replace(/\s/gu, '');
  const lines: Line[] = [];
  let indentNext = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      // A line of em spaces only is an indent that lost its text line; blank lines mean nothing.
      indentNext ||= EM_SPACE.test(raw);
      return;
    }
    if (trimmed.replace(/\s/gu, '') === head || RUNNING_HEAD.test(trimmed)) return;
    const column = [...raw.slice(0, raw.length - raw.trimStart().length)].length + 1;
    if (FOLIO.test(trimmed)) {
      diagnostics.warning(file, n, column, `dropped '${trimmed}', a line holding only a number (taken for a page number)`);
      return;
    }
    const indented = indentNext || EM_SPACE.test(raw.slice(0, raw.length - raw.trimStart().length));
    indentNext = false;
    const glued = GLUED_BYLINE.exec(trimmed);
    if (glued) {
      const [, before, gap, byline] = glued as unknown as [string, string, string, string];
      lines.push({ kind: kindOf(before), line: n, column, text: before, indented });
      lines.push({ kind: 'byline', line: n, column: column + [...before + gap].length, text: byline, indented: false });
      return;
    }
    lines.push({ kind: kindOf(trimmed), line: n, column, text: trimmed, indented });
  });
  markCaptions(lines, file, diagnostics);
  return lines;
}

function kindOf(text: string): LineKind {
  if (text.startsWith('【')) return 'title';
  if (CREDIT.test(text)) return 'credit';
  if (BYLINE.test(text)) return 'byline';
  if ((BOX_LABELS as readonly string[]).includes(text.replace(/\s/gu, ''))) return 'box-label';
  return 'text';
}

/**
 * A caption is the text line(s) just before a credit line, from the nearest line with a
 * spaced date (at most three lines up). A spaced date with no credit after it stays text.
 */
function markCaptions(lines: Line[], file: string, diagnostics: Diagnostics): void {
  lines.forEach((credit, k) => {
    if (credit.kind !== 'credit') return;
    let start = -1;
    for (let j = k - 1; j >= Math.max(0, k - CAPTION_LINES) && lines[j]!.kind === 'text'; j--) {
      if (SPACED_DATE.test(lines[j]!.text)) {
        start = j;
        break;
      }
    }
    if (start < 0 && lines[k - 1]?.kind === 'text') {
      start = k - 1;
      diagnostics.warning(file, lines[start]!.line, lines[start]!.column,
        'taken for the caption of the photo credited on the next line, although it has no date written like `2018 年 6 月 13 日`');
    }
    if (start < 0) return;
    for (let j = start; j < k; j++) lines[j]!.kind = 'caption';
  });
  for (const l of lines) {
    if (l.kind === 'text' && SPACED_DATE.test(l.text)) {
      diagnostics.warning(file, l.line, l.column,
        'looks like a photo caption (a date written with spaces) but no credit line like `（区总工会  供稿）` follows; kept as text');
    }
  }
}
