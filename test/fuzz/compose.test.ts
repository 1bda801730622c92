/**
 * Property tests of line composition (src/typeset/paragraph.ts composeParagraph) with fast-check,
 * over raw text and over the paragraphs the Markdown loader makes of random bodies. For every
 * input: no exception; the lines hold exactly the input's characters (word spaces aside); no
 * line after a break starts with a mark barred from the line start, and none before a break ends
 * with an opening bracket (clreq KS-11, GB-style); every line but the last is exactly the
 * measure, the last not longer.
 * Seeds and replay: fuzz-options.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/content/diagnostics.js';
import { parseBody } from '../../src/content/markdown.js';
import type { InlineStyle, Paragraph } from '../../src/model/document.js';
import { composeParagraph } from '../../src/typeset/paragraph.js';
import type { ComposeOptions, Piece, SetLine } from '../../src/typeset/types.js';
import { GB_BOOK, fonts } from '../typeset/compose-helpers.js';
import { REPLAY, fuzzParameters } from './fuzz-options.js';
import { markdownBody, rawText } from './text-arbitraries.js';

const EPS = 1e-6;
/** clreq KS-11: may not start a line (a — only as the start of ——). */
const FORBIDDEN_START = new Set([...'、，。．；：？！‼⁇”’）》〉】〗〕］｝」』·・‧～–']);
/** clreq KS-11, GB-style: may not end a line. */
const FORBIDDEN_END = new Set([...'“‘（《〈【〖〔［｛「『／']);

/** The text starts with a mark barred from the line start (clreq KS-11). */
function barredAtStart(text: string): boolean {
  const [first, second] = [...text];
  return first !== undefined && (FORBIDDEN_START.has(first) || (first === '—' && second !== '—'));
}

/**
 * The characters that are printed: spaces and line breaks become word space or nothing
 * (src/typeset/classes.ts 'space'), and ideographic spaces typed at the start of a paragraph
 * give way to the style's indent (clreq SN-3).
 */
const printed = (s: string) => s.normalize('NFC').replace(/^[ \t\u00A0\n\r\u3000]+/, '').replace(/[ \t\u00A0\n\r]/g, '');

/**
 * Whether justification can widen the line for certain: it has two Han characters side by side.
 * Other lines may have no gap to widen (no space goes inside a Western word or number, ——, ……,
 * nor next to a connector, clreq §1.5), e.g. `～Internationalization` before a line that cannot
 * take it.
 */
const justifiable = (text: string) => /\p{Script=Han}{2}/u.test(text);

/** What is wrong with the lines set from `input` (empty when every property holds). */
function violations(input: string, lines: SetLine[]): string[] {
  const bad: string[] = [];
  lines.forEach((line, k) => {
    const chars = [...line.text];
    const where = `line ${k + 1} ${JSON.stringify(line.text)}`;
    // The rules are about breaks: the paragraph's own first and last characters stay where they are.
    if (k > 0 && barredAtStart(line.text)) bad.push(`${where} starts with ${chars[0]}`);
    if (!line.last && FORBIDDEN_END.has(chars[chars.length - 1]!)) bad.push(`${where} ends with ${chars[chars.length - 1]}`);
    if (!line.last && justifiable(line.text) && Math.abs(line.width - line.measure) > EPS) bad.push(`${where} is ${line.width} em, not the measure ${line.measure}`);
    if (line.width > line.measure + EPS) bad.push(`${where} is ${line.width} em, longer than the measure ${line.measure}`);
  });
  const joined = lines.map((l) => l.text).join('');
  if (printed(joined) !== printed(input)) bad.push(`text changed: ${JSON.stringify(printed(joined))} ≠ ${JSON.stringify(printed(input))}`);
  return bad;
}

/** Measures of the book (17 em beside an inset figure, 24 in a column, 27 for captions) and narrower; with or without indent and orphan control. */
const options: fc.Arbitrary<ComposeOptions> = fc.record({
  measure: fc.integer({ min: 12, max: 30 }),
  indent: fc.constantFrom(0, 2),
  orphanControl: fc.boolean(),
}).map((o) => ({ ...GB_BOOK, ...o }));

const ROLE: Record<InlineStyle, 'body' | 'heading' | 'strong' | 'emphasis'> = { body: 'body', heading: 'heading', strong: 'strong', emphasis: 'emphasis' };

function paragraphsOf(body: string): Paragraph[] {
  const blocks = parseBody({ file: 'fuzz.md', text: body, firstLine: 1 }, new Diagnostics());
  return blocks.flatMap((b) => (b.kind === 'paragraph' ? [b] : b.kind === 'list' ? b.items : b.paragraphs));
}

describe('composeParagraph on random text', () => {
  it(`raw text: characters kept, line-start and line-end rules, justified lines ${REPLAY}`, () => {
    fc.assert(fc.property(rawText, options, (text, o) => {
      const { lines } = composeParagraph([{ text, role: 'body' }], fonts, o);
      expect(violations(text, lines)).toEqual([]);
    }), fuzzParameters(5000));
  });

  it(`Markdown bodies: every paragraph, with a run-in title on the first ${REPLAY}`, () => {
    fc.assert(fc.property(markdownBody, options, (body, o) => {
      paragraphsOf(body).forEach((p, k) => {
        // A body that starts with a mark barred from the line start is the regression below.
        const runIn = k === 0 && !barredAtStart(printed(p.runs.map((r) => r.text).join('')));
        const pieces: Piece[] = runIn ? [{ text: '【概况】', role: 'heading' }, { gap: 1, alignToEm: true }] : [];
        for (const r of p.runs) pieces.push({ text: r.text, role: ROLE[r.style] });
        const input = pieces.map((piece) => ('text' in piece ? piece.text : '')).join('');
        const { lines } = composeParagraph(pieces, fonts, o);
        expect(violations(input, lines)).toEqual([]);
      });
    }), fuzzParameters(3000));
  });
});

/** Engine bugs the fuzzing found, kept as regression tests at their smallest inputs. */
describe('composeParagraph regressions found by fuzzing', () => {
  const set = (pieces: Piece[], o: Partial<ComposeOptions>) => composeParagraph(pieces, fonts, { ...GB_BOOK, ...o }).lines;
  const widths = (lines: SetLine[]) => lines.map((l) => l.width <= l.measure + EPS);

  it('a Western word that fits the measure but not the indented first line is not set past the measure', () => {
    // Internationalization is 9.85 em, wider than the 9 em the indented first line leaves: it is broken.
    const lines = widths(set([{ text: 'Internationalization', role: 'body' }], { measure: 11, indent: 2 }));
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every(Boolean)).toBe(true);
  });

  it('a Western word with the marks bound to it is not set past the measure', () => {
    // 8.58 em of URL and ”” 。 that may not start a line: 10.08 em without any break.
    expect(widths(set([{ text: 'www.hzsc.gov.cn””。', role: 'body' }], { measure: 10 })).every(Boolean)).toBe(true);
    expect(widths(set([{ text: '“《Internationalization》”，上城区', role: 'body' }], { measure: 12 })).every(Boolean)).toBe(true);
  });

  it('the gap after a run-in title is no break before a mark barred from the line start', () => {
    const lines = set([{ text: '【概况】', role: 'heading' }, { gap: 1, alignToEm: true }, { text: '，Internationalization上上”', role: 'body' }], { measure: 12 });
    expect(lines.slice(1).map((l) => barredAtStart(l.text))).not.toContain(true);
  });
});
