/**
 * The breaker's bounded search (states dearer than a line-by-line setting left out) must find
 * exactly the breaks of the search over every state, whatever the options; and its arrays,
 * reused from paragraph to paragraph, carry nothing from one paragraph to the next.
 */
import { describe, expect, it } from 'vitest';
import { breakLines, LineCandidates, searchBreaks } from '../../src/typeset/linebreak.js';
import { prepare } from '../../src/typeset/prepare.js';
import type { ComposeOptions } from '../../src/typeset/types.js';
import { contentParagraphs, fonts, GB_BOOK, mulberry32 } from './compose-helpers.js';

const VARIANTS: Partial<ComposeOptions>[] = [
  { measure: 24, indent: 2, orphanControl: true },
  { measure: 12, indent: 2, orphanControl: true },
  // Runaround: narrower lines beside a figure, then the full measure.
  { measure: [17, 17, 17, 24], indent: 2, orphanControl: true },
  { measure: 19, indent: 0, punctuation: 'kaiming', pushIn: false },
  { measure: 9, indent: 0, punctuation: 'banjiao', trimLineStartOpen: false },
];

/** Paragraphs whose breaks differ between the bounded and the full search. */
function disagreements(texts: string[]): string[] {
  const bad: string[] = [];
  for (const variant of VARIANTS) {
    const options = { ...GB_BOOK, ...variant };
    for (const text of texts) {
      const prepared = prepare([{ text, role: 'body' }], fonts, options);
      const bounded = breakLines(prepared, options);
      const full = searchBreaks(new LineCandidates(prepared, options), Infinity);
      if (bounded.join() !== full.join()) bad.push(`${JSON.stringify(variant.measure)} "${text.slice(0, 20)}…": ${bounded.join()} ≠ ${full.join()}`);
    }
  }
  return bad;
}

describe('bounded line-breaking search', () => {
  it('breaks every paragraph of content/2019 as the full search does', () => {
    const paragraphs = contentParagraphs();
    expect(paragraphs.length).toBeGreaterThan(50);
    expect(disagreements(paragraphs)).toEqual([]);
  });

  it('breaks 200 random paragraphs of Han, marks, digits and Latin as the full search does (seeded)', () => {
    const rand = mulberry32(20181231);
    const alphabet = [...'上城区总工会团委妇联科协残联红十字会开展活动年月日，。、；：？！“”（）《》—…·0123456789abc '];
    const texts = Array.from({ length: 200 }, () => {
      const length = 10 + Math.floor(rand() * 150);
      return Array.from({ length }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join('');
    });
    expect(disagreements(texts)).toEqual([]);
  });

  it('sets a paragraph whose greedy setting ends in a lone character as the full search does', () => {
    // 48 characters at 24 em, indent 2: line by line, the last line holds 次。 alone (a runt).
    const text = '上城区总工会开展职工的文化活动，组织职工参加各类比赛，全年举办活动三十余场，参加职工一万余人次。';
    const options = { ...GB_BOOK, measure: 24, indent: 2, orphanControl: true };
    const prepared = prepare([{ text, role: 'body' }], fonts, options);
    // The bound is that of a setting paying the runt cost (3,000).
    expect(new LineCandidates(prepared, options).greedyCost()).toBeGreaterThanOrEqual(3000);
    const breaks = breakLines(prepared, options);
    expect(breaks).toEqual(searchBreaks(new LineCandidates(prepared, options), Infinity));
    // The last line holds more than one unit (orphan control worked through the bound).
    expect(breaks[breaks.length - 1]! - breaks[breaks.length - 2]!).toBeGreaterThan(1);
  });
});

describe('lines left out of the bounded search', () => {
  it('are those whose cost would take the path past the bound, and only those', () => {
    const options = { ...GB_BOOK, measure: 24, indent: 2, orphanControl: true };
    const p = prepare([{ text: contentParagraphs()[0]!, role: 'body' }], fonts, options);
    const lines = new LineCandidates(p, options);
    /** The lines from unit i, end and cost, with the path so far at `reached` and the bound at `bound`. */
    const from = (i: number, reached?: number, bound?: number) => {
      const count = lines.from(i, 1, reached, bound);
      return Array.from({ length: count }, (_, e) => [lines.ends[e]!, lines.costs[e]!] as const);
    };
    let pruned = 0;
    for (let i = 0; i < p.units.length; i++) {
      const all = from(i);
      for (const [reached, bound] of [[0, 0], [5, 15], [0, 10.5], [100, 3000]]) {
        const kept = from(i, reached, bound);
        // Every line that stays within the bound is kept, with the cost it has unbounded; the
        // others may be left out, and those kept are lines of the unbounded list.
        const within = all.filter(([, cost]) => reached! + cost <= bound!);
        expect(kept.filter(([, cost]) => reached! + cost <= bound!)).toEqual(within);
        for (const line of kept) expect(all).toContainEqual(line);
        pruned += all.length - kept.length;
      }
    }
    // Stretched lines (cost 10 and more) are most of a paragraph's lines, and drop out below 10.
    expect(pruned).toBeGreaterThan(p.units.length);
  });
});

describe("the breaker's reused arrays", () => {
  const options = { ...GB_BOOK, measure: 24, indent: 2, orphanControl: true };
  const paragraph = (text: string) => prepare([{ text, role: 'body' }], fonts, options);
  /** Every line the paragraph may set from every unit, with its cost. */
  const candidates = (text: string) => {
    const p = paragraph(text);
    const lines = new LineCandidates(p, options);
    const all: string[] = [];
    for (let i = 0; i < p.units.length; i++) {
      const count = lines.from(i, 1);
      for (let e = 0; e < count; e++) all.push(`${i}-${lines.ends[e]}: ${lines.costs[e]}`);
    }
    return { all, breaks: breakLines(p, options) };
  };

  it('cost and break a paragraph the same after one that filled them with word spaces', () => {
    // Connectors (～) are rigid: no gap beside them may be widened, where the Western
    // paragraph's gaps at the same places were word spaces.
    const han = '全年开展活动三十余场～四十余场，参加职工一万余人次；举办培训班十二期～十五期，培训骨干五百余人，组织职工参加省市各类比赛，获奖二十余项～三十余项。';
    const western = Array.from({ length: 12 }, (_, k) => `Shangcheng District trade union report ${k} of the year`).join(' ');
    candidates('上城区总工会'.repeat(30));
    const before = candidates(han);
    expect(before.all.length).toBeGreaterThan(100);
    candidates(western);
    expect(candidates(han)).toEqual(before);
  });
});
