/**
 * Nothing lost, nothing doubled: after layout, every character of the content must stand on
 * the body pages exactly as often as it stands in the content (whitespace aside). A character
 * that dropped out (a missing glyph, a line lost in a column break) or was set twice is an
 * error naming the character and the file that holds it.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { WrittenPage } from '../layout/types.js';
import type { Block, Edition, SourceRef } from '../model/document.js';
import { codePointLabel } from './characters.js';

/** Lines that carry content (running heads and folios are furniture). */
const CONTENT_KINDS = new Set(['body', 'heading', 'caption', 'credit', 'box', 'byline', 'title']);

/** Every piece of text the content prints, with the file it comes from, in book order. */
export function* contentTexts(edition: Edition): Generator<{ text: string; source: SourceRef }> {
  for (const c of edition.categories) {
    yield { text: c.title + (c.titleEn ?? ''), source: c.source };
    for (const s of c.sections) {
      yield { text: s.title, source: s.source };
      for (const e of s.entries) {
        yield { text: `【${e.title}】`, source: e.source };
        for (const b of e.blocks) yield { text: blockText(b), source: e.source };
        for (const f of e.figures) yield { text: f.caption + (f.credit ? `（${f.credit}${f.creditRole}）` : ''), source: f.source };
      }
      if (s.byline) yield { text: `（${s.byline}）`, source: s.source };
    }
  }
}

/**
 * Report every character of the content that does not stand on the body pages as often as in
 * the content. Returns how many characters the content has (whitespace excluded), the 字数 of
 * the colophon, counted in the same pass.
 */
export function accountCharacters(edition: Edition, body: readonly WrittenPage[], diagnostics: Diagnostics): number {
  const expected = new CodePointCounts();
  const firstSource = new Map<number, SourceRef>();
  let characters = 0;
  for (const { text, source } of contentTexts(edition)) {
    const seen = expected.order.length;
    characters += countCharacters(text, expected);
    for (let k = seen; k < expected.order.length; k++) firstSource.set(expected.order[k]!, source);
  }
  const placed = new CodePointCounts();
  for (const p of body) {
    for (const l of p.lines) {
      if (CONTENT_KINDS.has(l.kind)) countCharacters(l.text, placed);
    }
  }
  for (const cp of new Set([...expected.order, ...placed.order])) {
    const want = expected.count(cp);
    const got = placed.count(cp);
    if (want === got) continue;
    const ch = String.fromCodePoint(cp);
    const where = firstSource.get(cp) ?? edition.source;
    diagnostics.error(where.file, where.line, 1, got < want
      ? `${want - got} of ${want} ${ch} (${codePointLabel(ch)}) did not reach the pages: this is a program error, please report it with this file`
      : `${ch} (${codePointLabel(ch)}) stands ${got} times on the pages but ${want} times in the content: this is a program error, please report it with this file`);
  }
  return characters;
}

/**
 * How often each code point occurs, those of the BMP in an array (a book has a million
 * characters, and a map's lookups were most of this check's time), and in which order each
 * first occurred.
 */
export class CodePointCounts {
  private readonly bmp = new Int32Array(0x10000);
  private readonly astral = new Map<number, number>();
  readonly order: number[] = [];

  /** Count one more. */
  add(cp: number): void {
    const n = (cp < 0x10000 ? this.bmp[cp]! : this.astral.get(cp) ?? 0) + 1;
    if (cp < 0x10000) this.bmp[cp] = n;
    else this.astral.set(cp, n);
    if (n === 1) this.order.push(cp);
  }

  count(cp: number): number {
    return cp < 0x10000 ? this.bmp[cp]! : this.astral.get(cp) ?? 0;
  }
}

const WHITESPACE = /\s/;

/** What /\s/ matches, without a string per character for ASCII and CJK (this runs over the whole book). */
export function isWhitespace(cp: number): boolean {
  if (cp < 0x80) return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d);
  if (cp >= 0x3400) return cp === 0xfeff;
  return WHITESPACE.test(String.fromCodePoint(cp));
}

/**
 * How many code points of the text are not whitespace, each counted in `counts` when given.
 * A loop of its own rather than a callback for each character: the book's text is counted
 * twice a build (the content, then the pages), a million characters each time, and a call
 * site that sees two callbacks is not optimised into either.
 */
export function countCharacters(text: string, counts?: CodePointCounts): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const cp = text.codePointAt(k)!;
    if (cp > 0xffff) k++;
    if (isWhitespace(cp)) continue;
    n++;
    counts?.add(cp);
  }
  return n;
}

/** The characters a block prints (list markers as the layout adds them). */
function blockText(b: Block): string {
  const runs = (p: { runs: { text: string }[] }) => p.runs.map((r) => r.text).join('');
  if (b.kind === 'paragraph') return runs(b);
  if (b.kind === 'list') return b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '•'}${runs(item)}`).join('');
  return b.label + b.paragraphs.map(runs).join('');
}
