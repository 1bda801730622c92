/**
 * Character classes of clreq (Appendix A) as the line composer needs them: which marks
 * carry a blank half and on which side, which may not start or end a line, and which
 * characters form Western runs.
 */

export type CharClass =
  | 'han' // ideographs, kana, full-width letters and digits: 1 em, breakable on both sides
  | 'open' // opening brackets and quotes: blank left half
  | 'close' // closing brackets and quotes: blank right half
  | 'pause' // ，、；： in-sentence pause marks: blank right half (SC glyphs sit lower left)
  | 'stop' // 。．？！ sentence-end marks: blank right half
  | 'dash' // U+2014 / U+2E3A: two make the 2 em 破折号
  | 'ellipsis' // U+2026 / U+22EF: two make the 2 em 省略号
  | 'connector' // ～ – and a single — between numbers: may not start a line
  | 'interpunct' // · ・ ‧: ½ em, centred, may not start a line
  | 'solidus' // ／ (and / outside Western runs)
  | 'western' // Latin letters, digits and the ASCII signs that belong to Western words
  | 'space'; // U+0020 and other breaking spaces

const OPEN = new Set([...'“‘（《〈【〖〔［｛「『〘〚']);
const CLOSE = new Set([...'”’）》〉】〗〕］｝」』〙〛']);
const PAUSE = new Set([...'，、；：']);
const STOP = new Set([...'。．？！‼⁇⁈⁉']);
const DASH = new Set(['\u2014', '\u2E3A', '\u2E3B']);
const ELLIPSIS = new Set(['\u2026', '\u22EF']);
const CONNECTOR = new Set(['～', '\u2013', '\u301C']);
const INTERPUNCT = new Set(['\u00B7', '\u30FB', '\u2027']);
const SOLIDUS = new Set(['／']);

/** Every mark of the sets above, by character (one lookup instead of nine). */
const MARKS = new Map<string, CharClass>([
  ...[...OPEN].map((c): [string, CharClass] => [c, 'open']),
  ...[...CLOSE].map((c): [string, CharClass] => [c, 'close']),
  ...[...PAUSE].map((c): [string, CharClass] => [c, 'pause']),
  ...[...STOP].map((c): [string, CharClass] => [c, 'stop']),
  ...[...DASH].map((c): [string, CharClass] => [c, 'dash']),
  ...[...ELLIPSIS].map((c): [string, CharClass] => [c, 'ellipsis']),
  ...[...CONNECTOR].map((c): [string, CharClass] => [c, 'connector']),
  ...[...INTERPUNCT].map((c): [string, CharClass] => [c, 'interpunct']),
  ...[...SOLIDUS].map((c): [string, CharClass] => [c, 'solidus']),
]);

/** The class of character `ch`; `cp`, its code point, where the caller has it at hand. */
export function classify(ch: string, cp = ch.codePointAt(0)!): CharClass {
  // CJK Unified Ideographs, the bulk of any yearbook: no mark lives there.
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  const mark = MARKS.get(ch);
  if (mark) return mark;
  if (ch === ' ' || ch === '\t' || ch === '\u00A0') return 'space';
  if (isWestern(ch)) return 'western';
  return 'han';
}

/** Letters and digits of Latin, Greek and Cyrillic script, and ASCII signs (but not the space). */
export function isWestern(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return (cp > 0x20 && cp < 0x7f) || (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) || (cp >= 0x370 && cp <= 0x4ff) || cp === 0xb0 || cp === 0x2030;
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** Full-width marks with a blank half that compression and line-edge trimming can take away. */
export function blankSide(cls: CharClass): 'left' | 'right' | 'none' {
  if (cls === 'open') return 'left';
  if (cls === 'close' || cls === 'pause' || cls === 'stop') return 'right';
  return 'none';
}

export type BreakLevel = 'basic' | 'gb' | 'strict';

/** clreq #prohibition_rules_for_line_start_end: may a unit of this class start a line? */
export function mayStartLine(cls: CharClass, level: BreakLevel): boolean {
  if (cls === 'close' || cls === 'pause' || cls === 'stop' || cls === 'connector' || cls === 'interpunct') return false;
  if (level === 'strict' && (cls === 'dash' || cls === 'ellipsis')) return false;
  return true;
}

/** May a unit of this class end a line? */
export function mayEndLine(cls: CharClass, level: BreakLevel): boolean {
  if (cls === 'open') return false;
  if (level !== 'basic' && cls === 'solidus') return false;
  return true;
}
