/**
 * The column filler's keep rules, on synthetic flows with exact slot positions.
 */
import { describe, expect, it } from 'vitest';
import { ColumnFiller, type SlotPlacement } from '../../src/layout/columns.js';
import type { FigureBlock } from '../../src/layout/figure.js';
import { FlowQueue } from '../../src/layout/flow-queue.js';
import { lineItem, type FlowItem, type HeadingItem, type LineItem } from '../../src/layout/flow.js';
import { loadTemplate, type Template } from '../../src/template/template.js';
import { LineGlyphsBuilder } from '../../src/typeset/line-glyphs.js';
import type { SetLine } from '../../src/typeset/types.js';

const base = loadTemplate('default');
/** A small grid: 10 lines per column, 2 columns, no opener. */
const template: Template = { ...base, grid: { ...base.grid, lines_per_column: 10 } };

const line = (text: string): SetLine => ({ glyphs: new LineGlyphsBuilder(0).glyphs, faces: [], from: 0, to: 0, rules: [], text, width: 24, measure: 24, maxAddedSpace: 0, offset: 0, last: false, pushedOut: false });
let para = 0;
function paragraph(n: number, kind: LineItem['lineKind'] = 'body'): LineItem[] {
  const id = ++para;
  return Array.from({ length: n }, (_, index) => lineItem(line(`p${id}.${index}`), 9, kind, 0, id, index, n));
}
const heading = (title: string): HeadingItem => ({ kind: 'heading', lines: [line(title)], size: 13, slots: 3, rule: false, para: ++para });
const noReflow = () => { throw new Error('no reflow expected'); };

/** Where each item landed: "page/column/slot" keyed by the line text or heading title. */
function fill(items: FlowItem[], opener = 0): Map<string, string> {
  const pages = [...new ColumnFiller(template, new FlowQueue([items]), noReflow).fill(opener)];
  const where = new Map<string, string>();
  pages.forEach((p, pi) => p.columns.forEach((c, ci) => c.placed.forEach((pl) => {
    where.set(pl.item.kind === 'line' ? pl.item.line.text : pl.item.lines[0]!.text, `${pi}/${ci}/${pl.slot}`);
  })));
  return where;
}

describe('column filler keep rules', () => {
  it('fills columns top to bottom, then the next column, then the next page', () => {
    const w = fill(paragraph(25));
    const lines = [...w.values()];
    expect(lines.slice(0, 3)).toEqual(['0/0/0', '0/0/1', '0/0/2']);
    expect(w.get(`p${para}.10`)).toBe('0/1/0');
    expect(w.get(`p${para}.20`)).toBe('1/0/0');
  });

  /** Enough text after the case that the case's page is not the last (which is balanced). */
  const tail = () => paragraph(30);

  it('does not leave the first line of a paragraph alone at the foot of a column', () => {
    const items = [...paragraph(9), ...paragraph(4)];
    const p = para;
    const w = fill([...items, ...tail()]);
    // 9 lines fill slots 0–8; the next paragraph's first line would be alone in slot 9.
    expect(w.get(`p${p}.0`)).toBe('0/1/0');
  });

  it('does not leave the last line of a paragraph alone at the top of a column', () => {
    const first = paragraph(8);
    const second = paragraph(3);
    const p = para;
    const w = fill([...first, ...second, ...tail()]);
    // Slots 8 and 9 would take p.0 and p.1, leaving p.2 alone at the top: p.1 moves along.
    expect(w.get(`p${p}.0`)).toBe('0/0/8');
    expect(w.get(`p${p}.1`)).toBe('0/1/0');
    expect(w.get(`p${p}.2`)).toBe('0/1/1');
  });

  it('moves a heading with at least two lines of its text', () => {
    const items: FlowItem[] = [...paragraph(6), heading('分目'), ...paragraph(5)];
    const p = para;
    const w = fill([...items, ...tail()]);
    // The heading takes 3 slots (6–8) and would leave one line in slot 9: it moves on.
    expect(w.get('分目')).toBe('0/1/0');
    expect(w.get(`p${p}.0`)).toBe('0/1/3');
  });

  it('never sets a byline alone at the top of a column', () => {
    const text = paragraph(10);
    const byline = paragraph(1, 'byline');
    const p = para;
    const w = fill([...text, ...byline, ...tail()]);
    // The byline would open column 2 alone: the paragraph's last line goes with it.
    expect(w.get(`p${p}.0`)).toBe('0/1/1');
    expect(w.get(`p${p - 1}.9`)).toBe('0/1/0');
  });

  it('puts a bookmark where its first line lands, also when a keep rule moves that line on', () => {
    const items: FlowItem[] = [...paragraph(9), { kind: 'mark', level: 3, title: '条目', source: '/e.md' }, ...paragraph(4), ...tail()];
    const pages = [...new ColumnFiller(template, new FlowQueue([items]), noReflow).fill(0)];
    expect(pages[0]!.marks.map((m) => [m.mark.title, m.column, m.slot])).toEqual([['条目', 1, 0]]);
  });

  it('opens a page for figures still waiting at the end, and balancing it sets no line or figure twice', () => {
    // Two column figures of 4 lines come when the second column has 5 lines left, too few for
    // one and two lines of text above it: they wait, the rest of the text and the byline fill
    // the column, and the flow ends with both waiting. The next page holds the two, the byline
    // last placed before it must not come again when that page is balanced.
    const figure = (name: string): FlowItem => ({ kind: 'figure', block: { span: 'column', slots: 4, figure: { caption: name } } as unknown as FigureBlock });
    const text = [...paragraph(15), figure('a'), figure('b'), ...paragraph(3), ...paragraph(1, 'byline')];
    const pages = [...new ColumnFiller(template, new FlowQueue([text]), noReflow).fill(0)];
    const lines = pages.flatMap((p) => p.columns.flatMap((c) => c.placed.map((pl) => (pl.item.kind === 'line' ? pl.item.line.text : ''))));
    const expected = text.flatMap((i) => (i.kind === 'line' ? [i.line.text] : []));
    expect(lines).toEqual(expected);
    expect(pages.flatMap((p) => p.figures.map((f) => f.block.figure.caption))).toEqual(['a', 'b']);
    expect(pages).toHaveLength(2);
  });

  it('balances the last page within one line', () => {
    const w = fill(paragraph(13));
    const slots = [...w.values()].filter((v) => v.startsWith('0/'));
    const left = slots.filter((v) => v.startsWith('0/0/')).length;
    const right = slots.filter((v) => v.startsWith('0/1/')).length;
    expect(left + right).toBe(13);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
    expect(left).toBeGreaterThanOrEqual(right);
  });
});

describe('column filler as a source of pages', () => {
  /** Paragraphs of `lines` lines, one chunk each, counting how many chunks were composed. */
  function chunks(count: number, lines: number): { flow: Iterable<FlowItem[]>; taken: () => number } {
    let taken = 0;
    const made = Array.from({ length: count }, () => paragraph(lines));
    function* flow(): Generator<FlowItem[]> {
      for (const chunk of made) {
        taken++;
        yield chunk;
      }
    }
    return { flow: flow(), taken: () => taken };
  }

  it('gives each page as soon as it is finished, having composed only the flow up to it', () => {
    const { flow, taken } = chunks(10, 6);
    const pages = new ColumnFiller(template, new FlowQueue(flow), noReflow).fill(0);
    const first = pages.next().value!;
    // 20 slots: three paragraphs and two lines of the fourth; the page is done when the fourth's third line goes on.
    expect(first.columns.map((c) => c.placed.length)).toEqual([10, 10]);
    expect(taken()).toBe(4);
    const rest = [...pages];
    expect(rest).toHaveLength(2);
    expect(taken()).toBe(10);
  });

  it('balances the last page, trying again from its start, after the earlier pages were let go of', () => {
    const [p9, p10, p11] = [paragraph(5), paragraph(4), paragraph(3)];
    const flow: FlowItem[][] = [...[10, 10, 10, 10].map((n) => paragraph(n)), p9, p10, p11];
    const pages = [...new ColumnFiller(template, new FlowQueue(flow), noReflow).fill(0)];
    expect(pages).toHaveLength(3);
    const text = (p: SlotPlacement) => (p.item.kind === 'line' ? p.item.line.text : '');
    const names = (lines: LineItem[]) => lines.map((l) => l.line.text);
    // 12 lines: 6 a column fails (p10's first line, then p11's last, would stand alone), so 7 and 5.
    expect(pages[2]!.columns.map((c) => c.placed.map(text))).toEqual([
      [...names(p9), ...names(p10).slice(0, 2)],
      [...names(p10).slice(2), ...names(p11)],
    ]);
  });
});
