/**
 * Finalize: set one line between two breaks. Line-edge trims first, then, if the line is
 * too long, reduction in clreq's order (word spaces, bracket and pause-mark blanks, Han–Western
 * spacing, 。？！), or, if too short, expansion (word spaces and Han–Western spacing up to ½ em,
 * then every gap between characters equally, never inside ——, ……, numbers or Western words).
 * The last line of a paragraph is set solid.
 */
import { indentAt, measureAt } from './linebreak.js';
import type { LineGlyphsBuilder } from './line-glyphs.js';
import type { ComposeOptions, Prepared, SetLine, Unit } from './types.js';

const EPS = 1e-9;

/** Set the line of units i up to j, adding its glyphs to its paragraph's (`placed`). */
export function finalizeLine(p: Prepared, i: number, j: number, line: number, options: ComposeOptions, placed: LineGlyphsBuilder): SetLine {
  const last = j === p.units.length;
  const measure = measureAt(options, line);
  const indent = indentAt(options, line);
  const units = p.units.slice(i, j);
  const widths = units.map((u) => u.width);
  const shifts = units.map(() => 0);
  // Line-edge trims: an opening bracket's blank at the start, any blank at the end.
  const startTrim = options.trimLineStartOpen ? units[0]!.blankLeft : 0;
  widths[0]! -= startTrim;
  shifts[0] = -startTrim;
  const lastK = units.length - 1;
  widths[lastK]! -= units[lastK]!.blankRight;

  // gaps[k] lies before units[k] on this line.
  const gaps = units.map((_, k) => (k === 0 ? 0 : p.gaps[i + k]!.space));
  const kinds = units.map((_, k) => (k === 0 ? 'none' : p.gaps[i + k]!.kind));
  const sum = () => widths.reduce((a, b) => a + b, 0) + gaps.reduce((a, b) => a + b, 0);
  let slack = measure - indent - sum();
  let maxAdded = 0;
  // Push-out: the next character would have fit, but a line-start rule carried it down.
  const next = p.units[j];
  const pushedOut = next !== undefined && slack > EPS && next.width - next.blankRight + (p.gaps[j]!.space) <= slack + EPS;

  if (slack < -EPS && options.pushIn) {
    // Blanks still compressible on this line, [left, right] per unit, the trimmed ones gone.
    const blanks = units.map((u) => [u.blankLeft, u.blankRight] as [number, number]);
    blanks[0]![0] -= startTrim;
    blanks[lastK]![1] = 0;
    slack = shrinkLine(units, widths, shifts, blanks, gaps, kinds, -slack);
    slack = -slack;
  } else if (slack > EPS && !last) {
    maxAdded = stretchLine(units, gaps, kinds, slack);
    slack = 0;
  }

  let x = indent;
  if (last && slack > EPS) x += options.lastLine === 'center' ? slack / 2 : options.lastLine === 'end' ? slack : 0;
  const from = placed.count;
  const rules: SetLine['rules'] = [];
  let text = '';
  units.forEach((u, k) => {
    x += gaps[k]!;
    if (k > 0 && (kinds[k] === 'word' || p.gaps[i + k]!.typed)) text += ' ';
    for (const g of u.glyphs) placed.add(g.face, g.id, x + shifts[k]! + g.x, g.text, g.invisible === true);
    if (u.rule) rules.push({ from: x + u.rule.from, to: x + u.rule.to });
    text += u.text;
    x += widths[k]!;
  });
  return { glyphs: placed.glyphs, faces: placed.faces, from, to: placed.count, rules, text, width: x, measure, maxAddedSpace: maxAdded, offset: units[0]!.offset, last, pushedOut };
}

/** Take `need` em away; returns what could not be taken (0 when it fits). */
function shrinkLine(units: Unit[], widths: number[], shifts: number[], blanks: [number, number][], gaps: number[], kinds: string[], need: number): number {
  const steps: { take: (k: number) => number; apply: (k: number, amount: number) => void }[] = [
    { // Western word spaces, down to ¼ em.
      take: (k) => (kinds[k] === 'word' ? Math.max(0, gaps[k]! - 0.25) : 0),
      apply: (k, a) => { gaps[k]! -= a; },
    },
    { // Blanks of brackets, down to ½ em.
      take: (k) => (isBracket(units[k]!) ? blanks[k]![0] + blanks[k]![1] : 0),
      apply: (k, a) => shrinkBlank(k, a, widths, shifts, blanks),
    },
    { // ，、；：, down to ½ em.
      take: (k) => (!units[k]!.stopMark && !isBracket(units[k]!) ? blanks[k]![0] + blanks[k]![1] : 0),
      apply: (k, a) => shrinkBlank(k, a, widths, shifts, blanks),
    },
    { // Han–Western spacing, down to ⅛ em.
      take: (k) => (kinds[k] === 'autospace' ? Math.max(0, gaps[k]! - 0.125) : 0),
      apply: (k, a) => { gaps[k]! -= a; },
    },
    { // 。？！ last.
      take: (k) => (units[k]!.stopMark ? blanks[k]![0] + blanks[k]![1] : 0),
      apply: (k, a) => shrinkBlank(k, a, widths, shifts, blanks),
    },
  ];
  for (const step of steps) {
    if (need <= EPS) break;
    const capacity = units.map((_, k) => step.take(k));
    const total = capacity.reduce((a, b) => a + b, 0);
    if (total <= EPS) continue;
    const share = Math.min(1, need / total);
    capacity.forEach((c, k) => { if (c > 0) step.apply(k, c * share); });
    need -= Math.min(need, total);
  }
  return need;
}

function isBracket(u: Unit): boolean {
  return u.first === 'open' || u.first === 'close';
}

function shrinkBlank(k: number, amount: number, widths: number[], shifts: number[], blanks: [number, number][]): void {
  const b = blanks[k]!;
  const total = b[0] + b[1];
  const left = total > 0 ? amount * (b[0] / total) : 0;
  const right = amount - left;
  b[0] -= left;
  b[1] -= right;
  widths[k]! -= amount;
  shifts[k]! -= left;
}

/** Spread `slack` em; returns the largest space added to one gap. */
function stretchLine(units: Unit[], gaps: number[], kinds: string[], slack: number): number {
  const added = gaps.map(() => 0);
  const western = units.map((_, k) => (k > 0 && (kinds[k] === 'autospace' || kinds[k] === 'word') ? Math.max(0, 0.5 - gaps[k]!) : 0));
  const westernTotal = western.reduce((a, b) => a + b, 0);
  if (westernTotal > EPS) {
    const share = Math.min(1, slack / westernTotal);
    western.forEach((w, k) => { added[k] = w * share; });
    slack -= Math.min(slack, westernTotal);
  }
  // Then every other gap equally; Han–Western gaps stay at their ½ em cap unless nothing else can take it.
  let open = units.map((u, k) => k > 0 && kinds[k] !== 'fixed' && kinds[k] !== 'autospace' && kinds[k] !== 'word' && !u.rigid && !units[k - 1]!.rigid);
  if (!open.some(Boolean)) open = western.map((_, k) => k > 0 && (kinds[k] === 'autospace' || kinds[k] === 'word'));
  const count = open.filter(Boolean).length;
  if (slack > EPS && count > 0) {
    open.forEach((o, k) => { if (o) added[k]! += slack / count; });
  }
  added.forEach((a, k) => { gaps[k]! += a; });
  return Math.max(0, ...added);
}
