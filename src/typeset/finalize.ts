/**
 * Finalize: set one line between two breaks. Line-edge trims first, then, if the line is
 * too long, reduction in clreq's order (word spaces, bracket and pause-mark blanks, Han–Western
 * spacing, 。？！), or, if too short, expansion (word spaces and Han–Western spacing up to ½ em,
 * then every gap between characters equally, never inside ——, ……, numbers or Western words).
 * The last line of a paragraph is set solid.
 */
import { indentAt, measureAt } from './linebreak.js';
import { float64Scratch, uint8Scratch } from './scratch.js';
import type { LineGlyphsBuilder } from './line-glyphs.js';
import type { ComposeOptions, GapKind, Prepared, SetLine, Unit } from './types.js';

const EPS = 1e-9;

const LINE = {
  widths: float64Scratch(), shifts: float64Scratch(), gaps: float64Scratch(), blankLeft: float64Scratch(),
  blankRight: float64Scratch(), capacity: float64Scratch(), added: float64Scratch(), open: uint8Scratch(),
};
const NO_UNITS: Unit[] = [];

/**
 * The numbers of the line being set, k = 0 … n − 1 for its units: kept from line to line and
 * grown when a line has more units (scratch.ts), since a book sets tens of thousands of lines
 * and these arrays were most of what setting one allocated.
 */
class LineWork {
  n = 0;
  units: Unit[] = [];
  /** Index of the line's first unit in `units`. */
  first = 0;
  widths = LINE.widths.take(0);
  /** How far each unit's glyphs move left of where its advance starts (compressed blanks). */
  shifts = LINE.shifts.take(0);
  /** gaps[k] lies before unit k on this line. */
  gaps = LINE.gaps.take(0);
  kinds: GapKind[] = [];
  /** Blanks still compressible, left and right of each unit. */
  blankLeft = LINE.blankLeft.take(0);
  blankRight = LINE.blankRight.take(0);
  /** Per unit: what the current step may take (shrink) or add (stretch). */
  capacity = LINE.capacity.take(0);
  added = LINE.added.take(0);
  open = LINE.open.take(0);
  /**
   * The pieces of the line's text, joined once: a line's text lives until its page is written,
   * and built with += it was a chain of one small string per character until then.
   */
  readonly text: string[] = [];

  /**
   * Let go of the paragraph's units once its line is set: this scratch outlives the paragraph,
   * and the units' glyphs name their font faces, whose file data the startup snapshot, saved
   * after its warm-up run (src/cli/snapshot/warm-up.ts), would otherwise carry (15 MB).
   */
  release(): void {
    this.units = NO_UNITS;
  }

  load(p: Prepared, i: number, j: number, startTrim: number): void {
    const n = j - i;
    if (n > this.widths.length) this.grow(n);
    this.n = n;
    this.units = p.units;
    this.first = i;
    for (let k = 0; k < n; k++) {
      const u = p.units[i + k]!;
      this.widths[k] = u.width;
      this.shifts[k] = 0;
      this.blankLeft[k] = u.blankLeft;
      this.blankRight[k] = u.blankRight;
      this.gaps[k] = k === 0 ? 0 : p.gaps[i + k]!.space;
      this.kinds[k] = k === 0 ? 'none' : p.gaps[i + k]!.kind;
    }
    // Line-edge trims: an opening bracket's blank at the start, any blank at the end.
    this.widths[0]! -= startTrim;
    this.shifts[0] = -startTrim;
    this.blankLeft[0]! -= startTrim;
    this.widths[n - 1]! -= this.units[j - 1]!.blankRight;
    this.blankRight[n - 1] = 0;
  }

  unit(k: number): Unit {
    return this.units[this.first + k]!;
  }

  /** Width of the units and gaps, each summed from the start. */
  natural(): number {
    let widths = 0;
    for (let k = 0; k < this.n; k++) widths += this.widths[k]!;
    let gaps = 0;
    for (let k = 0; k < this.n; k++) gaps += this.gaps[k]!;
    return widths + gaps;
  }

  /** Take `need` em away, step by step in clreq's order; returns what could not be taken (0 when it fits). */
  shrink(need: number): number {
    for (let step = 0; step < SHRINK_STEPS; step++) {
      if (need <= EPS) break;
      let total = 0;
      for (let k = 0; k < this.n; k++) {
        const c = this.shrinkable(step, k);
        this.capacity[k] = c;
        total += c;
      }
      if (total <= EPS) continue;
      const share = Math.min(1, need / total);
      for (let k = 0; k < this.n; k++) {
        const c = this.capacity[k]!;
        if (c <= 0) continue;
        if (step === 0 || step === 3) this.gaps[k]! -= c * share;
        else this.shrinkBlank(k, c * share);
      }
      need -= Math.min(need, total);
    }
    return need;
  }

  /** What step `step` of the reduction may take at unit k. */
  private shrinkable(step: number, k: number): number {
    const u = this.unit(k);
    const blanks = this.blankLeft[k]! + this.blankRight[k]!;
    switch (step) {
      case 0: return this.kinds[k] === 'word' ? Math.max(0, this.gaps[k]! - 0.25) : 0; // Western word spaces, down to ¼ em
      case 1: return isBracket(u) ? blanks : 0; // blanks of brackets, down to ½ em
      case 2: return !u.stopMark && !isBracket(u) ? blanks : 0; // ，、；：, down to ½ em
      case 3: return this.kinds[k] === 'autospace' ? Math.max(0, this.gaps[k]! - 0.125) : 0; // Han–Western spacing, down to ⅛ em
      default: return u.stopMark ? blanks : 0; // 。？！ last
    }
  }

  private shrinkBlank(k: number, amount: number): void {
    const total = this.blankLeft[k]! + this.blankRight[k]!;
    const left = total > 0 ? amount * (this.blankLeft[k]! / total) : 0;
    const right = amount - left;
    this.blankLeft[k]! -= left;
    this.blankRight[k]! -= right;
    this.widths[k]! -= amount;
    this.shifts[k]! -= left;
  }

  /** Spread `slack` em; returns the largest space added to one gap. */
  stretch(slack: number): number {
    const { n, kinds, gaps, added, capacity: western, open } = this;
    const isWesternGap = (k: number) => k > 0 && (kinds[k] === 'autospace' || kinds[k] === 'word');
    let westernTotal = 0;
    for (let k = 0; k < n; k++) {
      added[k] = 0;
      western[k] = isWesternGap(k) ? Math.max(0, 0.5 - gaps[k]!) : 0;
      westernTotal += western[k]!;
    }
    if (westernTotal > EPS) {
      const share = Math.min(1, slack / westernTotal);
      for (let k = 0; k < n; k++) added[k] = western[k]! * share;
      slack -= Math.min(slack, westernTotal);
    }
    // Then every other gap equally; Han–Western gaps stay at their ½ em cap unless nothing else can take it.
    let count = 0;
    for (let k = 0; k < n; k++) {
      open[k] = k > 0 && kinds[k] !== 'fixed' && kinds[k] !== 'autospace' && kinds[k] !== 'word' && !this.unit(k).rigid && !this.unit(k - 1).rigid ? 1 : 0;
      count += open[k]!;
    }
    if (count === 0) {
      for (let k = 0; k < n; k++) {
        open[k] = isWesternGap(k) ? 1 : 0;
        count += open[k]!;
      }
    }
    if (slack > EPS && count > 0) {
      for (let k = 0; k < n; k++) if (open[k]) added[k]! += slack / count;
    }
    let max = 0;
    for (let k = 0; k < n; k++) {
      gaps[k]! += added[k]!;
      max = Math.max(max, added[k]!);
    }
    return max;
  }

  private grow(size: number): void {
    this.widths = LINE.widths.take(size);
    this.shifts = LINE.shifts.take(size);
    this.gaps = LINE.gaps.take(size);
    this.blankLeft = LINE.blankLeft.take(size);
    this.blankRight = LINE.blankRight.take(size);
    this.capacity = LINE.capacity.take(size);
    this.added = LINE.added.take(size);
    this.open = LINE.open.take(size);
  }
}

const SHRINK_STEPS = 5;
const work = new LineWork();

/** Set the line of units i up to j, adding its glyphs to its paragraph's (`placed`). */
export function finalizeLine(p: Prepared, i: number, j: number, line: number, options: ComposeOptions, placed: LineGlyphsBuilder): SetLine {
  const last = j === p.units.length;
  const measure = measureAt(options, line);
  const indent = indentAt(options, line);
  const startTrim = options.trimLineStartOpen ? p.units[i]!.blankLeft : 0;
  work.load(p, i, j, startTrim);
  let slack = measure - indent - work.natural();
  let maxAdded = 0;
  // Push-out: the next character would have fit, but a line-start rule carried it down.
  const next = p.units[j];
  const pushedOut = next !== undefined && slack > EPS && next.width - next.blankRight + (p.gaps[j]!.space) <= slack + EPS;

  if (slack < -EPS && options.pushIn) {
    slack = -work.shrink(-slack);
  } else if (slack > EPS && !last) {
    maxAdded = work.stretch(slack);
    slack = 0;
  }

  let x = indent;
  if (last && slack > EPS) x += options.lastLine === 'center' ? slack / 2 : options.lastLine === 'end' ? slack : 0;
  const from = placed.count;
  const rules: SetLine['rules'] = [];
  const text = work.text;
  text.length = 0;
  for (let k = 0; k < work.n; k++) {
    const u = p.units[i + k]!;
    x += work.gaps[k]!;
    if (k > 0 && (work.kinds[k] === 'word' || p.gaps[i + k]!.typed)) text.push(' ');
    // Counted, not for…of: in code V8 has not optimised (a proof's, a short build's) each step
    // of an array's iterator is a new object, 2 MB of a one-chapter build's garbage here.
    const glyphs = u.glyphs;
    for (let m = 0; m < glyphs.length; m++) {
      const g = glyphs[m]!;
      placed.add(g.face, g.id, x + work.shifts[k]! + g.x, g.text, g.invisible === true);
    }
    if (u.rule) rules.push({ from: x + u.rule.from, to: x + u.rule.to });
    text.push(u.text);
    x += work.widths[k]!;
  }
  work.release();
  return { glyphs: placed.glyphs, faces: placed.faces, from, to: placed.count, rules, text: text.join(''), width: x, measure, maxAddedSpace: maxAdded, offset: p.offsets[i]!, last, pushedOut };
}

function isBracket(u: Unit): boolean {
  return u.first === 'open' || u.first === 'close';
}
