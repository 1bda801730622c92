/**
 * Prepare: turn a paragraph's pieces into units (what may not be broken) and the gaps
 * between them, with natural widths, compressible blanks, autospace and the line-start
 * and line-end rules. Everything works on the logical character stream, so style runs
 * (the 黑体 【title】 running into the body, bold spans) never interrupt compression or
 * the prohibition rules.
 */
import type { FontRole, FontSet } from '../fonts/font-config.js';
import type { FontFace } from '../fonts/font-face.js';
import { character } from './characters.js';
import { blankSide, classify, isDigit, mayEndLine, mayStartLine, type CharClass } from './classes.js';
import { int32Scratch } from './scratch.js';
import type { ComposeOptions, Gap, Piece, Prepared, Unit, UnitGlyph } from './types.js';

interface Char {
  ch: string;
  cls: CharClass;
  role: FontRole;
  offset: number;
}

const CODES = { code: int32Scratch(), offset: int32Scratch() };
/**
 * The other fields' arrays, kept from paragraph to paragraph as the numbers' are (scratch.ts):
 * made for each paragraph at its size, they were 20 MB of the N=40 book's garbage. Each
 * paragraph writes its tokens from the start and reads no further than it wrote.
 */
const FIELDS = { ch: [] as string[], cls: [] as CharClass[], role: [] as FontRole[] };

/**
 * The paragraph's characters, and the fixed gap after a run-in heading where it stands among
 * them: one array per field rather than an object per character (a book has a million).
 */
class Tokens {
  length = 0;
  readonly ch = FIELDS.ch;
  readonly cls = FIELDS.cls;
  readonly role = FIELDS.role;
  /** The character's code point: looked up without reading its string, which lies elsewhere in memory. */
  readonly code: Int32Array;
  /** UTF-16 offset in the paragraph input. */
  readonly offset: Int32Array;
  readonly gap = new Map<number, { gap: number; alignToEm: boolean }>();

  /** For at most `size` tokens. */
  constructor(size: number) {
    this.code = CODES.code.take(size);
    this.offset = CODES.offset.take(size);
  }

  push(ch: string, code: number, cls: CharClass, role: FontRole, offset: number): void {
    const k = this.length++;
    this.ch[k] = ch;
    this.code[k] = code;
    this.cls[k] = cls;
    this.role[k] = role;
    this.offset[k] = offset;
  }

  /** Token k's character; undefined for a gap or past the end. */
  charAt(k: number): string | undefined {
    return k >= this.length || (this.cls[k] === 'space' && this.gap.has(k)) ? undefined : this.ch[k];
  }

  /** Token k as a character; undefined for a gap or past the end. */
  char(k: number): Char | undefined {
    const ch = this.charAt(k);
    return ch === undefined ? undefined : { ch, cls: this.cls[k]!, role: this.role[k]!, offset: this.offset[k]! };
  }
}

/**
 * The gaps between most units: nothing, with or without a break (shared, never changed). Not
 * frozen, and every gap made with all four fields in this order: objects of one shape, which
 * the breaker and finalize read at every unit, keep V8's optimised code for them to one
 * shape (a frozen object, a field left out or an object spread is another).
 */
const BREAK: Gap = { kind: 'none', space: 0, breakable: true, typed: false };
const NO_BREAK: Gap = { kind: 'none', space: 0, breakable: false, typed: false };

/** Width of the 2 em dash and ellipsis units, and the dash rule's ink inset, in em. */
const LONG_MARK = 2;
const DASH_INSET = 0.043;

export function prepare(pieces: readonly Piece[], fonts: FontSet, options: ComposeOptions): Prepared {
  const tokens = collect(pieces);
  const prepared: Prepared = { units: [], gaps: [], offsets: [], missing: [], fallback: [] };
  const han = new SharedUnits(fonts, prepared, 'han', hanUnit);
  const marks = new SharedUnits(fonts, prepared, `mark ${options.punctuation}`, (ch, cls, g) => markUnit(ch, cls, g, options));
  let pendingSpace: false | 'typed' | 'break' = false;
  let pendingGap: Gap | undefined;
  /** The gap after a run-in heading, aligned once the widths before it are final. */
  let aligned: { before: number; gap: Gap } | undefined;
  /** Where the Western words and numbers stand among the units: only they may be too wide for a line. */
  const words: number[] = [];

  const pushUnit = (unit: Unit, offset: number) => {
    const prev = prepared.units[prepared.units.length - 1];
    if (prev && pendingGap) {
      // The gap after a run-in title is a break only where the line-start and line-end rules allow one.
      pendingGap.breakable = mayEndLine(prev.last, options.lineBreak) && mayStartLine(unit.first, options.lineBreak);
      prepared.gaps.push(pendingGap);
    } else if (prev) prepared.gaps.push(gapBetween(prev, unit, pendingSpace, fonts, options));
    else prepared.gaps.push(NO_BREAK);
    prepared.units.push(unit);
    prepared.offsets.push(offset);
    pendingSpace = false;
    pendingGap = undefined;
  };

  for (let i = 0; i < tokens.length; i++) {
    const ch = tokens.ch[i]!;
    const cls = tokens.cls[i]!;
    if (cls === 'space') {
      // A gap stands among the characters as a space: looked up only there, not for every character.
      const gap = tokens.gap.get(i);
      if (gap) {
        pendingGap = { kind: 'fixed', space: gap.gap, breakable: true, typed: false };
        if (gap.alignToEm) aligned = { before: prepared.units.length, gap: pendingGap };
        continue;
      }
      // A typed space (not a segment break) is kept in the line's text.
      if (ch === ' ') pendingSpace = 'typed';
      else if (!pendingSpace) pendingSpace = 'break';
      continue;
    }
    // Ideographic spaces typed as a manual indent: the style gives the indent (clreq SN-3).
    if (tokens.code[i] === 0x3000 && prepared.units.length === 0) continue;
    if (cls === 'han') {
      const offset = tokens.offset[i]!;
      pushUnit(han.unit(tokens.code[i]!, ch, cls, tokens.role[i]!, offset), offset);
      continue;
    }
    // Characters as objects (Char) only where a run of them makes one unit: most are single marks.
    const next = tokens.charAt(i + 1);
    if (cls === 'western' || (isJoiningConnector(ch) && isDigitChar(lastChar(prepared)) && next !== undefined && isDigit(next))) {
      // A Western word or number, including a connector between digits (25—26, 14～35).
      let j = i;
      const chars: Char[] = [];
      for (let cj = tokens.char(i); cj; cj = tokens.char(j)) {
        const joins = isJoiningConnector(cj.ch) && isDigitChar(chars[chars.length - 1]) && isDigitChar(tokens.char(j + 1));
        if (cj.cls !== 'western' && !joins) break;
        chars.push(cj);
        j++;
      }
      if (chars.length > 0) {
        // A connector that starts the run joins the number before it (chars[0] is the connector).
        if (isJoiningConnector(ch) && prepared.units.length > 0 && mergeIntoPrevious(prepared, chars, fonts)) {
          const merged = prepared.units.length - 1;
          if (words[words.length - 1] !== merged) words.push(merged);
        } else {
          words.push(prepared.units.length);
          pushUnit(westernUnit(chars, fonts, prepared), chars[0]!.offset);
        }
        i = j - 1;
        continue;
      }
      // No run: a connector after a space (25 —26) is set on its own, below.
    }
    const offset = tokens.offset[i]!;
    if ((cls === 'dash' && ch === '\u2014' && next === '\u2014') || (cls === 'ellipsis' && next !== undefined && tokens.cls[i + 1] === 'ellipsis')) {
      pushUnit(longMarkUnit([tokens.char(i)!, tokens.char(i + 1)!], fonts, prepared), offset);
      i++;
      continue;
    }
    pushUnit(marks.unit(tokens.code[i]!, ch, cls, tokens.role[i]!, offset), offset);
  }
  compressAdjacent(prepared, options);
  if (aligned) aligned.gap.space = alignedGap(prepared.units.slice(0, aligned.before), aligned.gap.space, options);
  splitOverlongWords(prepared, options, words);
  return prepared;
}

function collect(pieces: readonly Piece[]): Tokens {
  // NFC may lengthen a text (composition exclusions), so the sizes are those of the normalized texts.
  const texts = pieces.map((p) => ('gap' in p ? '' : p.text.normalize('NFC')));
  const tokens = new Tokens(texts.reduce((n, t) => n + Math.max(1, t.length), 0));
  let offset = 0;
  pieces.forEach((p, n) => {
    if ('gap' in p) {
      tokens.gap.set(tokens.length, p);
      tokens.push('', 0, 'space', 'body', offset);
      return;
    }
    const base = p.source ?? offset;
    const text = texts[n]!;
    let k = 0;
    while (k < text.length) {
      const code = text.codePointAt(k)!;
      const ch = character(text, k, code);
      // A segment break is a space; spaces between CJK characters then vanish (clreq SN-1, SN-2).
      tokens.push(ch, code, code === 0x0a || code === 0x0d ? 'space' : classify(ch, code), p.role, base + k);
      k += ch.length;
    }
    offset = base + k;
  });
  return tokens;
}

function lastChar(prepared: Prepared): Char | undefined {
  const u = prepared.units[prepared.units.length - 1];
  if (!u) return undefined;
  const ch = [...u.text].pop()!;
  return { ch, cls: classify(ch), role: 'body', offset: prepared.offsets[prepared.offsets.length - 1]! };
}

function isDigitChar(c: Char | undefined): boolean {
  return c !== undefined && isDigit(c.ch);
}

/** A single —, ～ or – between two digits binds them into one number (25—26日, 14～35周岁). */
function isJoiningConnector(ch: string): boolean {
  return ch === '\u2014' || ch === '～' || ch === '\u2013' || ch === '-';
}

/** `25—26`: the connector and what follows join the number before it. */
function mergeIntoPrevious(prepared: Prepared, chars: Char[], fonts: FontSet): boolean {
  const prev = prepared.units[prepared.units.length - 1];
  if (!prev || !prev.western) return false;
  const extra = westernUnit(chars, fonts, prepared);
  for (const g of extra.glyphs) prev.glyphs.push(copyGlyph(g, g.x + prev.width));
  prev.width += extra.width;
  prev.text += extra.text;
  prev.last = extra.last;
  return true;
}

function glyphFor(ch: string, role: FontRole, offset: number, fonts: FontSet, prepared: Prepared): { face: UnitGlyph['face']; id: number; advance: number } {
  const g = fonts.resolve(role, ch.codePointAt(0)!);
  if (!g) {
    prepared.missing.push({ char: ch, offset });
    return { face: fonts.face(role), id: 0, advance: 1 };
  }
  if (g.fallback) prepared.fallback.push({ char: ch, offset, face: g.face.name });
  return g;
}

function baseUnit(text: string, cls: CharClass, width: number, glyphs: UnitGlyph[]): Unit {
  return {
    text, first: cls, last: cls, width, blankLeft: 0, blankRight: 0, stopMark: false,
    western: false, rigid: false, glyphs, rule: undefined,
  };
}

/** A unit made from its character's glyph (once for every character, role and font set that keeps it). */
type MakeUnit = (ch: string, cls: CharClass, g: { face: FontFace; id: number; advance: number }) => Unit;

/**
 * Units shared by every occurrence of their character in one role with one font set: those of
 * Han characters, which are never changed (the glyph stands at 0, with no blank to compress),
 * and those of single marks, which only compressAdjacent changes, on a copy (ownUnit). A book
 * has a few thousand distinct characters and a million occurrences, a tenth of them marks.
 * `kind` names what the units are made by (`make`) and anything else they depend on.
 */
class SharedUnits {
  private static readonly bySet = new WeakMap<FontSet, Map<string, UnitsByCode>>();
  private readonly byKind: Map<string, UnitsByCode>;
  /** The last role asked for, its face and its units (roles change a few times a paragraph). */
  private role: FontRole | undefined;
  private face: FontFace | undefined;
  private units: UnitsByCode | undefined;

  constructor(private readonly fonts: FontSet, private readonly prepared: Prepared, private readonly kind: string, private readonly make: MakeUnit) {
    let byKind = SharedUnits.bySet.get(fonts);
    if (!byKind) SharedUnits.bySet.set(fonts, (byKind = new Map()));
    this.byKind = byKind;
  }

  /** The unit of `ch`, whose code point is `cp` and class `cls`. */
  unit(cp: number, ch: string, cls: CharClass, role: FontRole, offset: number): Unit {
    if (role !== this.role || this.units === undefined) {
      this.role = role;
      this.face = this.fonts.face(role);
      const key = `${this.kind} ${role}`;
      let units = this.byKind.get(key);
      if (!units) this.byKind.set(key, (units = new UnitsByCode()));
      this.units = units;
    }
    let unit = this.units.get(cp);
    if (!unit) {
      const g = glyphFor(ch, role, offset, this.fonts, this.prepared);
      unit = this.make(ch, cls, g);
      // A character no face has is reported at each occurrence (glyphFor), so its unit is not kept.
      if (g.id !== 0) {
        this.units.set(cp, unit, g.face !== this.face);
        SHARED.add(unit);
      }
      return unit;
    }
    // Set from a fallback face: reported at each occurrence, as glyphFor does.
    if (this.units.fromFallback(cp)) this.prepared.fallback.push({ char: ch, offset, face: unit.glyphs[0]!.face.name });
    return unit;
  }
}

/** Units that SharedUnits hands out to more than one place: never changed, but copied first (ownUnit). */
const SHARED = new WeakSet<Unit>();

/** A unit that may be changed: `u` itself, or a copy of it and its glyphs where it is shared. */
function ownUnit(u: Unit): Unit {
  if (!SHARED.has(u)) return u;
  const glyphs: UnitGlyph[] = [];
  for (const g of u.glyphs) glyphs.push(copyGlyph(g, g.x));
  return copyUnit(u, glyphs);
}

/**
 * Copies made field by field in the order baseUnit and the glyphs' literals set them, not
 * spread (`{ ...u }`): a spread object has a shape of its own, and units and glyphs are read
 * at every character by code V8 optimises for the shapes it has seen. For the same reason a
 * unit's glyphs are an array literal or pushed to one, never made by map() (a holey array,
 * another shape).
 */
function copyUnit(u: Unit, glyphs: UnitGlyph[]): Unit {
  return {
    text: u.text, first: u.first, last: u.last, width: u.width, blankLeft: u.blankLeft, blankRight: u.blankRight,
    stopMark: u.stopMark, western: u.western, rigid: u.rigid, glyphs, rule: u.rule,
  };
}

function copyGlyph(g: UnitGlyph, x: number): UnitGlyph {
  return { face: g.face, id: g.id, text: g.text, x, invisible: g.invisible };
}

const hanUnit: MakeUnit = (ch, _cls, g) => baseUnit(ch, 'han', g.advance, [{ face: g.face, id: g.id, text: ch, x: 0, invisible: false }]);

/**
 * A role's shared units by code point: those of the BMP in blocks of 256 code points, each made
 * when a character of it first comes (looked up faster than in a map, once for every character
 * of the book; one array for the whole BMP took 2–5 ms to make, a proof's worth), the rest in a
 * map; and which of them were set from a fallback face, by code point too (reading the unit's
 * glyph for its face, a load from elsewhere in memory for every character, was a seventh of
 * prepare).
 */
class UnitsByCode {
  // Filled with undefined as they are made: a new array's elements are small integers until an
  // object is stored, another shape for the code that reads every block.
  private readonly blocks = new Array<(Unit | undefined)[] | undefined>(0x100).fill(undefined);
  /** Made when a first character is set from a fallback face: most books have none (64 KB of fresh memory for each role). */
  private bmpFallback: Uint8Array | undefined;
  private readonly astral = new Map<number, Unit>();
  private readonly astralFallback = new Set<number>();

  get(cp: number): Unit | undefined {
    if (cp >= 0x10000) return this.astral.get(cp);
    const block = this.blocks[cp >> 8];
    return block === undefined ? undefined : block[cp & 0xff];
  }

  fromFallback(cp: number): boolean {
    return cp < 0x10000 ? this.bmpFallback !== undefined && this.bmpFallback[cp] === 1 : this.astralFallback.has(cp);
  }

  set(cp: number, unit: Unit, fromFallback: boolean): void {
    if (cp < 0x10000) {
      const block = (this.blocks[cp >> 8] ??= new Array<Unit | undefined>(0x100).fill(undefined));
      block[cp & 0xff] = unit;
      if (fromFallback) (this.bmpFallback ??= new Uint8Array(0x10000))[cp] = 1;
    } else {
      this.astral.set(cp, unit);
      if (fromFallback) this.astralFallback.add(cp);
    }
  }
}

function westernUnit(chars: Char[], fonts: FontSet, prepared: Prepared): Unit {
  let x = 0;
  const glyphs: UnitGlyph[] = [];
  for (const c of chars) {
    const g = glyphFor(c.ch, c.role, c.offset, fonts, prepared);
    // A dash used as a connector between digits takes a full em, its glyph centred.
    const box = c.ch === '\u2014' ? 1 : g.advance;
    glyphs.push({ face: g.face, id: g.id, text: c.ch, x: x + (box - g.advance) / 2, invisible: false });
    x += box;
  }
  const u = baseUnit(chars[0]!.ch, chars[0]!.cls, x, glyphs);
  let text = '';
  for (const c of chars) text += c.ch;
  u.text = text;
  u.first = 'western';
  u.last = 'western';
  u.western = true;
  return u;
}

function longMarkUnit(pair: Char[], fonts: FontSet, prepared: Prepared): Unit {
  const glyphs: UnitGlyph[] = [];
  pair.forEach((c, k) => {
    const g = glyphFor(c.ch, c.role, c.offset, fonts, prepared);
    const isDash = c.cls === 'dash';
    // The dash glyph is 0.89 em wide: draw one continuous rule and keep the glyphs invisible for the text layer.
    glyphs.push({ face: g.face, id: g.id, text: c.ch, x: k * (LONG_MARK / 2) + (isDash ? 0 : (1 - g.advance) / 2), invisible: isDash });
  });
  const u = baseUnit(pair[0]!.ch, pair[0]!.cls, LONG_MARK, glyphs);
  u.text = pair[0]!.ch + pair[1]!.ch;
  if (pair[0]!.cls === 'dash') u.rule = { from: DASH_INSET, to: LONG_MARK - DASH_INSET };
  return u;
}

/** The unit of a single mark (or any character not set otherwise) whose glyph is `g`. */
function markUnit(ch: string, cls: CharClass, g: { face: FontFace; id: number; advance: number }, options: ComposeOptions): Unit {
  const glyph: UnitGlyph = { face: g.face, id: g.id, text: ch, x: 0, invisible: false };
  if (cls === 'interpunct' || cls === 'solidus') {
    // GB: interpunct and solidus are ½ em, centred, never compressed; no space is added
    // beside a solidus (clreq expansion exceptions), but may be beside an interpunct.
    glyph.x = (0.5 - g.advance) / 2;
    const u = baseUnit(ch, cls, 0.5, [glyph]);
    u.rigid = cls === 'solidus';
    return u;
  }
  if (cls === 'dash' && ch === '\u2E3A') {
    glyph.invisible = true;
    const u = baseUnit(ch, cls, LONG_MARK, [glyph]);
    u.rule = { from: DASH_INSET, to: LONG_MARK - DASH_INSET };
    return u;
  }
  if (cls === 'connector' || cls === 'dash') {
    // A single dash is a connector (一字线): 1 em, centred, never at line start.
    glyph.x = (1 - g.advance) / 2;
    const u = baseUnit(ch, cls, 1, [glyph]);
    u.first = u.last = 'connector';
    u.rigid = true;
    return u;
  }
  const side = blankSide(cls);
  if (side === 'right' && g.advance < 0.99) {
    // ‼ ⁇ are narrower in the font: set them in a full em, the rest a compressible blank.
    const u = baseUnit(ch, cls, 1, [glyph]);
    u.blankRight = Math.min(0.5, 1 - g.advance);
    u.stopMark = cls === 'stop';
    return u;
  }
  const u = baseUnit(ch, cls, g.advance, [glyph]);
  if (side !== 'none' && g.advance >= 0.99) {
    const halfByStyle = options.punctuation === 'banjiao' || (options.punctuation === 'kaiming' && cls !== 'stop');
    if (halfByStyle) {
      u.width = g.advance / 2;
      if (side === 'left') glyph.x = -g.advance / 2;
    } else if (side === 'left') u.blankLeft = g.advance / 2;
    else u.blankRight = g.advance / 2;
    u.stopMark = cls === 'stop';
  }
  return u;
}

/** The gap between two units: autospace at Han│Western boundaries, word spaces, and the break rules. */
function gapBetween(prev: Unit, next: Unit, space: false | 'typed' | 'break', fonts: FontSet, options: ComposeOptions): Gap {
  const breakable = mayEndLine(prev.last, options.lineBreak) && mayStartLine(next.first, options.lineBreak)
    // A number binds to the measure word after it (1137个, 2.25万, 2018年).
    && !(prev.western && /[0-9%]$/.test(prev.text) && next.first === 'han')
    // Western closing punctuation never starts a line, nor opening ends one (clreq KS-9).
    && !(next.western && /^[.,;:!?)\]}%]/.test(next.text))
    && !(prev.western && /[([{]$/.test(prev.text));
  const hanWestern = (prev.last === 'han' && next.western) || (prev.western && next.first === 'han');
  if (hanWestern && options.autospace > 0) return { kind: 'autospace', space: options.autospace, breakable, typed: space === 'typed' };
  if (space && prev.western && next.western) {
    const space = fonts.face('body').glyph(0x20).advance;
    return { kind: 'word', space, breakable: true, typed: false };
  }
  return breakable ? BREAK : NO_BREAK;
}

/** The gap after a run-in heading: at least `gap` em, grown so the body resumes on a whole em. */
function alignedGap(units: Unit[], gap: number, options: ComposeOptions): number {
  let x = options.indent;
  units.forEach((u, k) => {
    x += u.width;
    if (k === 0 && options.trimLineStartOpen) x -= u.blankLeft;
  });
  return Math.ceil(x + gap - 1e-6) - x;
}

/**
 * clreq #h-adjustment_of_adjacent_punctuation_marks: two adjacent marks take 1.5 em, the
 * blank between them removed, so brackets stay tight against the text they enclose.
 */
function compressAdjacent(p: Prepared, options: ComposeOptions): void {
  if (options.punctuation === 'banjiao') return;
  for (let k = 1; k < p.units.length; k++) {
    const a = p.units[k - 1]!;
    const b = p.units[k]!;
    if (p.gaps[k]!.kind !== 'none') continue;
    const bIsMark = b.blankLeft > 0 || b.blankRight > 0;
    if (a.blankRight > 0 && bIsMark) {
      const own = (p.units[k - 1] = ownUnit(a));
      own.width -= own.blankRight;
      own.blankRight = 0;
    } else if (a.first === 'open' && b.blankLeft > 0) {
      const own = (p.units[k] = ownUnit(b));
      own.width -= own.blankLeft;
      for (const g of own.glyphs) g.x -= own.blankLeft;
      own.blankLeft = 0;
    }
  }
}

/**
 * A Western word (or URL) that cannot fit a line together with what may not be broken from it
 * (the marks bound to it, a first-line indent) is broken between any two characters; the
 * breaker then chooses where. `words`: where the paragraph's Western units stand, in order.
 */
function splitOverlongWords(p: Prepared, options: ComposeOptions, words: readonly number[]): void {
  // Only these units are read: reading every unit of the paragraph was a tenth of prepare.
  if (words.length === 0) return;
  const measures = typeof options.measure === 'number' ? [options.measure] : options.measure;
  let narrowest = measures[0]! - options.indent;
  for (let k = 0; k < measures.length; k++) narrowest = Math.min(narrowest, measures[k]!);
  /** How far the units after the words split so far have moved. */
  let moved = 0;
  for (const word of words) {
    const k = word + moved;
    const u = p.units[k]!;
    if (u.glyphs.length < 2 || clusterWidth(p, k) <= narrowest) continue;
    const parts: Unit[] = u.glyphs.map((g, n) => {
      const nextX = u.glyphs[n + 1]?.x ?? u.width;
      const part = copyUnit(u, [copyGlyph(g, 0)]);
      part.text = g.text;
      part.width = nextX - g.x;
      part.rule = undefined;
      return part;
    });
    const gaps: Gap[] = parts.slice(1).map(() => BREAK);
    p.units.splice(k, 1, ...parts);
    p.gaps.splice(k + 1, 0, ...gaps);
    p.offsets.splice(k, 1, ...parts.map(() => p.offsets[k]!));
    moved += parts.length - 1;
  }
}

/** Width of unit k with its neighbours that no break may separate from it, as set at line edges. */
function clusterWidth(p: Prepared, k: number): number {
  let first = k;
  let last = k;
  while (first > 0 && !p.gaps[first]!.breakable) first--;
  while (last + 1 < p.units.length && !p.gaps[last + 1]!.breakable) last++;
  let w = -p.units[first]!.blankLeft - p.units[last]!.blankRight;
  for (let i = first; i <= last; i++) w += p.units[i]!.width + (i > first ? p.gaps[i]!.space : 0);
  return w;
}
