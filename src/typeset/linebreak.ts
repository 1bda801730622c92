/**
 * Linebreak: choose where lines end over the whole paragraph (total fit, after Knuth and
 * Plass), with costs that prefer, in order: lines set solid; lines taking a forbidden mark
 * back by compressing punctuation (push-in); lines stretched evenly (push-out). The last
 * line is set solid; a last line holding one Han character alone (孤字) or only punctuation
 * is avoided, and so are consecutive lines ending in the same mark.
 */
import { float64Scratch, int32Scratch, uint8Scratch } from './scratch.js';
import type { ComposeOptions, Prepared } from './types.js';

/** Costs, in arbitrary units; only their relations matter. */
const COST = {
  /** Any line that needs added space between characters. */
  stretchBase: 10,
  /** Times the square of the space added per gap (em). */
  stretchFactor: 1000,
  /** A line looser than ½ em per gap: allowed only when nothing better exists. */
  loose: 5000,
  /** Times the share of the line's compressible blanks that push-in uses. */
  shrink: 5,
  /** A last line of one Han character, or of punctuation only. */
  runt: 3000,
  /** Two consecutive lines ending in the same mark. */
  sameEnd: 3,
  /** A line that cannot be justified at all (one unit, nothing to stretch). */
  unjustifiable: 20000,
  /** Prefers stretching a later line to an earlier one when all else is equal. */
  tieBreak: 0.01,
} as const;

/**
 * The breaker's unit of length, a millionth of an em. Widths and gaps are rounded to it once
 * per paragraph (those of the fonts, thousandths of an em and their halves, exactly), so that
 * the sums over a line are integers: exact, with no tolerance in comparing them, and small
 * integers to V8. In code it has not optimised (a proof's), every sum or field read that holds
 * a fraction is a new number object, and the breaker's sums in em made a third of a proof's
 * garbage. Sums stay within a line and a unit (far below 2,000 em, 2³¹ units).
 */
const UNITS_PER_EM = 1_000_000;

function toUnits(em: number): number {
  return Math.round(em * UNITS_PER_EM);
}

/** Widths of a candidate line from unit i up to (not including) unit j, in the breaker's units. */
interface LineFit {
  /** Natural width, line-edge trims applied. */
  natural: number;
  /** How much push-in can take away (compressible blanks and autospace). */
  shrink: number;
  /** Gaps that justification may widen. */
  stretchGaps: number;
  /** Autospace and word-space gaps, widened first (up to ½ em each). */
  westernGaps: number;
  westernStretch: number;
}

export function measureAt(options: ComposeOptions, line: number): number {
  const m = options.measure;
  if (typeof m === 'number') return m;
  return m[Math.min(line, m.length - 1)]!;
}

export function indentAt(options: ComposeOptions, line: number): number {
  return line === 0 ? options.indent : 0;
}

/** Space added per gap between characters (em) when a line of this fit is stretched to `measure` (units). */
function stretchPerGap(fit: LineFit, measure: number): number {
  const slack = measure - fit.natural - fit.westernStretch;
  if (slack <= 0) return 0;
  if (fit.stretchGaps === 0) return fit.westernGaps > 0 ? 0.5 + slack / UNITS_PER_EM / fit.westernGaps : Infinity;
  return slack / UNITS_PER_EM / fit.stretchGaps;
}

/**
 * Returns the break positions: line k ends before units[breaks[k]]; the last is units.length.
 * A state is a break position and, when the measure varies by line (runaround), the line
 * number (capped where the measures stop varying); every edge goes forward, so positions are
 * settled in increasing order. States live in typed arrays: this is the hot loop of the book.
 *
 * Costs only grow along a path, so a state already dearer than some whole setting of the
 * paragraph cannot lie on the best one. A first pass sets the paragraph line by line, each
 * line the cheapest from where the last ended; its total bounds the search, which then
 * leaves out every state above it. Most of a paragraph's positions can only be reached
 * through stretched lines and so drop out, and the breaks found are exactly those of the
 * unbounded search (the states left out could neither be on the best path nor come first
 * to a state on it).
 */
export function breakLines(p: Prepared, options: ComposeOptions): number[] {
  if (p.units.length === 0) return [];
  const lines = new LineCandidates(p, options);
  // Sums rounded differently from the search's must not leave out the best path.
  return searchBreaks(lines, lines.greedyCost() * (1 + 1e-9) + 1e-9);
}

/** The search's states (scratch.ts). */
const SEARCH = { cost: float64Scratch(), prev: int32Scratch(), lineOf: int32Scratch() };

/** The total-fit search over the states whose cost is at most `bound` (Infinity: all of them). */
export function searchBreaks(lines: LineCandidates, bound: number): number[] {
  const { p, options } = lines;
  const n = p.units.length;
  const keys = (typeof options.measure === 'number' ? 1 : options.measure.length) + 1;
  const size = (n + 1) * keys;
  const cost = SEARCH.cost.take(size).fill(Infinity, 0, size);
  const prev = SEARCH.prev.take(size).fill(-1, 0, size);
  // Read only for states reached, each set as it is reached.
  const lineOf = SEARCH.lineOf.take(size);
  cost[0] = 0;
  lineOf[0] = 0;

  const { ends, costs } = lines;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < keys; k++) {
      const from = i * keys + k;
      // Read once: in code V8 has not optimised, each read of a fractional number is a new object.
      const reached = cost[from]!;
      if (reached > bound) continue;
      const line = lineOf[from]! + 1;
      const key = Math.min(line, keys - 1);
      const count = lines.from(i, line - 1, reached, bound);
      for (let e = 0; e < count; e++) {
        const c = reached + costs[e]!;
        const s = ends[e]! * keys + key;
        if (cost[s]! <= c) continue;
        cost[s] = c;
        prev[s] = from;
        lineOf[s] = line;
      }
    }
  }

  let end = n * keys;
  for (let k = 1; k < keys; k++) if (cost[n * keys + k]! < cost[end]!) end = n * keys + k;
  const breaks: number[] = [];
  for (let s = end; s > 0; s = prev[s]!) breaks.push(Math.floor(s / keys));
  return breaks.reverse();
}

const CANDIDATES = { ends: int32Scratch(), costs: float64Scratch() };

/**
 * The lines a paragraph may set from a break position, with their costs. Its arrays are
 * scratch (scratch.ts), shared with the next paragraph's: use one at a time.
 */
export class LineCandidates {
  private readonly sums: LineSums;
  /** The lines found by the last call of `from`: where each ends (before unit ends[e]) and its cost. */
  readonly ends: Int32Array;
  readonly costs: Float64Array;
  private count = 0;

  constructor(readonly p: Prepared, readonly options: ComposeOptions) {
    this.sums = new LineSums(p, options);
    this.ends = CANDIDATES.ends.take(p.units.length + 1);
    this.costs = CANDIDATES.costs.take(p.units.length + 1);
  }

  /**
   * The lines that may start at unit i as line number `line`, into `ends` and `costs`; returns
   * how many: every break from half the measure to as full as push-in allows; the shortest
   * line if nothing longer fits; an overfull line if nothing fits at all. A line that would take
   * a path of cost `reached` past `bound` is left out (the search would drop it) and not
   * costed: in a paragraph set solid most lines could only be stretched, and costing them was
   * most of this function's time.
   */
  from(i: number, line: number, reached = 0, bound = Infinity): number {
    const { sums, p, options } = this;
    const n = p.units.length;
    const measure = toUnits(measureAt(options, line) - indentAt(options, line));
    this.count = 0;
    /** Lines from half the measure to full, costed or not. */
    let fits = 0;
    let shortest = -1;
    const { breakable, naturalSum } = sums;
    const start = sums.lineStart(i);
    for (let j = i + 1; j <= n; j++) {
      if (j < n && breakable[j] === 0) continue;
      const natural = (naturalSum[j]! - start) | 0;
      // Under half the measure before the line-edge trims: under it after them too, and no
      // overflow (the same outcome as below, without working out the fit).
      if (j < n && 2 * natural < measure) {
        shortest = j;
        continue;
      }
      const fit = sums.fit(i, j, natural);
      if (fit.natural - fit.shrink > measure) break;
      // A line under half the measure is a last resort (tried below if nothing longer fits).
      if (j < n && 2 * fit.natural < measure) {
        shortest = j;
        continue;
      }
      fits++;
      if (reached + leastCost(fit, measure, j, n) > bound) continue;
      this.costed(j, fit, measure, i);
    }
    if (fits === 0 && shortest > 0) this.costed(shortest, sums.fit(i, shortest, (naturalSum[shortest]! - start) | 0), measure, i);
    // Nothing fits (a unit wider than the line): set up to the next break, overfull, and go on.
    if (fits === 0 && this.count === 0) this.found(nextBreak(p, i), COST.unjustifiable * 10);
    return this.count;
  }

  /**
   * Add the line from unit i to `end` of this fit, with its cost. lineCost writes the cost into
   * `costs` itself: a fraction that a call returns is a new number object unless V8 inlines
   * the call, and from() is too large for it to (23 MB of the N=40 book's garbage).
   */
  private costed(end: number, fit: LineFit, measure: number, i: number): void {
    this.ends[this.count] = end;
    lineCost(this.p, fit, measure, i, end, this.options, this.costs, this.count);
    this.count++;
  }

  private found(end: number, cost: number): void {
    this.ends[this.count] = end;
    this.costs[this.count] = cost;
    this.count++;
  }

  /** The cost of setting the paragraph line by line, each line the cheapest (the longest of equals). */
  greedyCost(): number {
    const n = this.p.units.length;
    let total = 0;
    for (let i = 0, line = 0; i < n; line++) {
      const count = this.from(i, line);
      let best = 0;
      for (let e = 1; e < count; e++) if (this.costs[e]! <= this.costs[best]!) best = e;
      total += this.costs[best]!;
      i = this.ends[best]!;
    }
    return total;
  }
}

const SUMS = {
  natural: int32Scratch(), blanks: int32Scratch(), gapShrink: int32Scratch(), gapStretch: int32Scratch(),
  westernGaps: int32Scratch(), stretchGaps: int32Scratch(), width: int32Scratch(), blankLeft: int32Scratch(),
  blankRight: int32Scratch(), breakable: uint8Scratch(),
};

/**
 * The widths of the paragraph's units and gaps as sums from its start, in the breaker's units,
 * so that a candidate line's fit is a few subtractions whatever its length: the breaker reads
 * them for every start and candidate end, and object fields were most of its time. The sums
 * are exact integers, so a difference of two is exactly the sum between them. They are kept
 * in 32 bits and may wrap round over a long paragraph; `(a - b) | 0` undoes that, for any
 * line under 2³¹ units (2,147 em).
 */
class LineSums {
  /** Per unit k: 1 where a line may break before it. */
  readonly breakable: Uint8Array;
  /**
   * Per k from 0 to the number of units, sums over the units before k: of their widths and the
   * gaps before them (naturalSum); of their compressible blanks (blanks); of what push-in may
   * take from an autospace or word space (gapShrink), how far such a space may widen to ½ em
   * (gapStretch), how many there are (westernGaps); of the gaps justification may widen
   * (stretchGaps).
   */
  readonly naturalSum: Int32Array;
  private readonly blanks: Int32Array;
  private readonly gapShrink: Int32Array;
  private readonly gapStretch: Int32Array;
  private readonly westernGaps: Int32Array;
  private readonly stretchGaps: Int32Array;
  /** Per unit: its width (the line's first unit counts without the gap before it), its blanks at the line's edges. */
  private readonly width: Int32Array;
  private readonly blankLeft: Int32Array;
  private readonly blankRight: Int32Array;
  /** Reused for every candidate line (no allocation in the hot loop). */
  private readonly result: LineFit = { natural: 0, shrink: 0, stretchGaps: 0, westernGaps: 0, westernStretch: 0 };

  constructor(p: Prepared, private readonly options: ComposeOptions) {
    const n = p.units.length;
    this.breakable = SUMS.breakable.take(n);
    this.naturalSum = SUMS.natural.take(n + 1);
    this.blanks = SUMS.blanks.take(n + 1);
    this.gapShrink = SUMS.gapShrink.take(n + 1);
    this.gapStretch = SUMS.gapStretch.take(n + 1);
    this.westernGaps = SUMS.westernGaps.take(n + 1);
    this.stretchGaps = SUMS.stretchGaps.take(n + 1);
    this.width = SUMS.width.take(n);
    this.blankLeft = SUMS.blankLeft.take(n);
    this.blankRight = SUMS.blankRight.take(n);
    this.naturalSum[0] = this.blanks[0] = this.gapShrink[0] = this.gapStretch[0] = this.westernGaps[0] = this.stretchGaps[0] = 0;
    for (let k = 0; k < n; k++) {
      const u = p.units[k]!;
      const g = p.gaps[k]!;
      const width = toUnits(u.width);
      const left = toUnits(u.blankLeft);
      const right = toUnits(u.blankRight);
      this.width[k] = width;
      this.blankLeft[k] = left;
      this.blankRight[k] = right;
      this.breakable[k] = g.breakable ? 1 : 0;
      // Gap k lies before unit k; the line that starts at k leaves it out (lineStart, below).
      this.naturalSum[k + 1] = (this.naturalSum[k]! + width + toUnits(g.space)) | 0;
      this.blanks[k + 1] = (this.blanks[k]! + left + right) | 0;
      const western = g.kind === 'autospace' || g.kind === 'word';
      const shrink = western ? toUnits(Math.max(0, g.space - (g.kind === 'word' ? 0.25 : 0.125))) : 0;
      const stretch = western ? toUnits(Math.max(0, 0.5 - g.space)) : 0;
      const widens = !western && k > 0 && g.kind !== 'fixed' && !u.rigid && !p.units[k - 1]!.rigid;
      this.gapShrink[k + 1] = (this.gapShrink[k]! + shrink) | 0;
      this.gapStretch[k + 1] = (this.gapStretch[k]! + stretch) | 0;
      this.westernGaps[k + 1] = this.westernGaps[k]! + (western ? 1 : 0);
      this.stretchGaps[k + 1] = this.stretchGaps[k]! + (widens ? 1 : 0);
    }
  }

  /**
   * For a line starting at unit i: the sum that `naturalSum[j]` exceeds by the widths and gaps
   * of units i up to (not including) j, before the line-edge trims (`(naturalSum[j] - start) | 0`).
   * Its first unit counts from its own width: the gap before it falls at the break.
   */
  lineStart(i: number): number {
    return (this.naturalSum[i + 1]! - this.width[i]!) | 0;
  }

  /** The fit of the line of units i up to (not including) j, whose `natural` width is given. */
  fit(i: number, j: number, natural: number): LineFit {
    const startTrim = this.options.trimLineStartOpen ? this.blankLeft[i]! : 0;
    const endTrim = this.blankRight[j - 1]!;
    // The gaps' sums from the gap after unit i: the one before it is not in the line.
    const shrink = (this.gapShrink[j]! - this.gapShrink[i + 1]!) | 0;
    const r = this.result;
    r.natural = natural - startTrim - endTrim;
    r.shrink = this.options.pushIn ? ((this.blanks[j]! - this.blanks[i]!) | 0) - startTrim - endTrim + shrink : 0;
    r.stretchGaps = this.stretchGaps[j]! - this.stretchGaps[i + 1]!;
    r.westernGaps = this.westernGaps[j]! - this.westernGaps[i + 1]!;
    r.westernStretch = (this.gapStretch[j]! - this.gapStretch[i + 1]!) | 0;
    return r;
  }
}

function nextBreak(p: Prepared, i: number): number {
  let k = i + 1;
  while (k < p.units.length && !p.gaps[k]!.breakable) k++;
  return k;
}

/**
 * The part of lineCost that follows from the fit alone, never more than lineCost itself (what it
 * adds after it is never negative): a line pushed in costs what its compression costs, a
 * stretched line at least the base cost of stretching.
 */
function leastCost(fit: LineFit, measure: number, j: number, n: number): number {
  if (fit.natural > measure) return shrinkCost(fit, measure);
  return j < n && fit.natural < measure ? COST.stretchBase : 0;
}

/** What a line longer than `measure` costs for the share of its compressible blanks push-in uses. */
function shrinkCost(fit: LineFit, measure: number): number {
  return COST.shrink * ((fit.natural - measure) / fit.shrink);
}

/** The cost of the line from unit i to unit j of this fit, set to `measure` (units), into out[k]. */
function lineCost(p: Prepared, fit: LineFit, measure: number, i: number, j: number, options: ComposeOptions, out: Float64Array, k: number): void {
  const n = p.units.length;
  let cost = 0;
  if (fit.natural > measure) {
    cost += shrinkCost(fit, measure);
  } else if (j < n && fit.natural < measure) {
    const s = stretchPerGap(fit, measure);
    if (s === Infinity) cost += COST.unjustifiable;
    // Beyond the loose limit every line is equally bad, so the breaker never prefers an
    // unjustifiable line to a very loose one.
    else cost += COST.stretchBase + COST.stretchFactor * Math.min(s, 1) ** 2 + (s > 0.5 ? COST.loose : 0);
    // On a tie, stretch the later line (clreq: pull a character down into the line before the last).
    cost += COST.tieBreak * ((n - j) / n);
  }
  if (j === n && i > 0 && options.orphanControl && isRunt(p, i, j)) cost += COST.runt;
  if (i > 0 && j < n) {
    const prevEnd = p.units[i - 1]!;
    const thisEnd = p.units[j - 1]!;
    if (prevEnd.text === thisEnd.text && prevEnd.first !== 'han' && !prevEnd.western) cost += COST.sameEnd;
  }
  out[k] = cost;
}

/** One Han character (or a short Western unit) with nothing but punctuation after it, or punctuation only. */
function isRunt(p: Prepared, i: number, j: number): boolean {
  let content = 0;
  for (let k = i; k < j; k++) {
    const u = p.units[k]!;
    if (u.first === 'han' || u.western) content++;
  }
  return content <= 1;
}
