/**
 * Data passed between the steps of line composition
 * (collect → prepare → linebreak → finalize), all lengths in em of the paragraph's size.
 */
import type { FontFace } from '../fonts/font-face.js';
import type { FontRole } from '../fonts/font-config.js';
import type { BreakLevel, CharClass } from './classes.js';

export type PunctuationStyle = 'quanjiao' | 'kaiming' | 'banjiao';

export interface ComposeOptions {
  /** Font size in pt. */
  size: number;
  /** Measure in em: one value, or one per line (the last repeats), for text running around a figure. */
  measure: number | ArrayLike<number>;
  /** Indent of the first line, in em. */
  indent: number;
  punctuation: PunctuationStyle;
  lineBreak: BreakLevel;
  /** Try compressing punctuation to take a forbidden mark back before carrying a character down. */
  pushIn: boolean;
  /** An opening bracket at the start of a line loses its blank left half. */
  trimLineStartOpen: boolean;
  /** Space between Han and Western characters, in em. */
  autospace: number;
  /** Avoid a last line holding one Han character alone (孤字). */
  orphanControl: boolean;
  /** How the last line is set: solid from the start (normal), or centred/right (captions, credits). */
  lastLine: 'start' | 'center' | 'end';
}

/** A piece of paragraph input: text in a font role, or a fixed gap (after a run-in heading). */
export type Piece =
  | { text: string; role: FontRole; source?: number }
  | { gap: number; alignToEm: boolean };

/** One glyph to draw, positioned relative to the start of its unit. */
export interface UnitGlyph {
  face: FontFace;
  id: number;
  /** The source character this glyph stands for (for ToUnicode): one code point, since glyphs are not shaped. */
  text: string;
  x: number;
  /** Drawn as an invisible glyph (its shape is drawn otherwise, e.g. the 2 em dash rule). */
  invisible?: boolean;
}

/** The smallest piece a line may not break inside: a Han character, a mark, a Western word, a number, ——. */
export interface Unit {
  text: string;
  /** Class of the first and last character, for the line-start/line-end rules. */
  first: CharClass;
  last: CharClass;
  /** Natural width mid-line, after adjacent-punctuation compression. */
  width: number;
  /** Blank halves still compressible (line-edge trim, push-in). */
  blankLeft: number;
  blankRight: number;
  /** The blank belongs to 。？！, shrunk only after every other mark. */
  stopMark: boolean;
  /** Western words and numbers: no justification space inside, autospace at Han boundaries. */
  western: boolean;
  /** No justification space may be added on either side (connectors, solidus). */
  rigid: boolean;
  glyphs: UnitGlyph[];
  /** A rule drawn instead of glyph ink (the 2 em dash): from/to in em, relative to the unit. */
  rule?: { from: number; to: number };
}

export type GapKind = 'none' | 'autospace' | 'word' | 'fixed';

/** What lies between unit k−1 and unit k. */
export interface Gap {
  kind: GapKind;
  /** Natural width in em (0 for none); vanishes when the line breaks here. */
  space: number;
  breakable: boolean;
  /** The author typed a space here (kept in the line's text, AS-5). */
  typed: boolean;
}

export interface Prepared {
  /** The units; a Han character's or a mark's units may be one shared object (units are never changed once prepared). */
  units: Unit[];
  /** gaps[k] lies before units[k]; gaps[0] is unused. */
  gaps: Gap[];
  /** Offset of unit k's first character in the paragraph input (where a line starting there begins). */
  offsets: number[];
  /** Characters no configured font has, by input offset. */
  missing: { char: string; offset: number }[];
  /** Characters set from a fallback face. */
  fallback: { char: string; offset: number; face: string }[];
}

/**
 * The glyphs of a line as typed arrays rather than an object per glyph: a book has a million
 * of them, kept until their 类目 is written, and passed from layout workers (layout/parallel.ts).
 */
export interface LineGlyphs {
  /** Glyph ids in their fonts. */
  ids: Uint16Array;
  /** Where each glyph stands, em from the line start. */
  xs: Float64Array;
  /** 1 for a glyph drawn invisibly (its shape is drawn otherwise: the 2 em dash). */
  invisible: Uint8Array;
  /** The source character of each glyph, as its code point (a glyph stands for one character). */
  codePoints: Uint32Array;
}

/** A finished line. */
export interface SetLine {
  /** The glyphs of its paragraph, x in em from the start of each glyph's own line. */
  glyphs: LineGlyphs;
  /** The face of each glyph of the paragraph. */
  faces: FontFace[];
  /** This line's glyphs: `from` up to (not including) `to`. */
  from: number;
  to: number;
  rules: { from: number; to: number }[];
  /** The source text of the line, exactly (for ActualText and checks). */
  text: string;
  /** Right edge of the last advance box, in em (= the measure for justified lines). */
  width: number;
  /** The measure this line was set to, in em. */
  measure: number;
  /** Largest space added between two units by justification, in em. */
  maxAddedSpace: number;
  /** Offset of the first unit in the paragraph input. */
  offset: number;
  last: boolean;
  /** A character that would have fit was carried to the next line by a line-start rule. */
  pushedOut: boolean;
}
