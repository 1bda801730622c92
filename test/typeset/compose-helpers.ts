/** Shared helpers for line-composition tests: the §0 harness of docs/cjk-typography.md. */
import fs from 'node:fs';
import path from 'node:path';
import { loadFonts } from '../../src/fonts/font-config.js';
import { composeParagraph } from '../../src/typeset/paragraph.js';
import type { FontFace } from '../../src/fonts/font-face.js';
import type { ComposeOptions, Piece, SetLine } from '../../src/typeset/types.js';

export const fonts = loadFonts();

/** The "GB-book" default configuration, for fragments (orphan control off, §0). */
export const GB_BOOK: ComposeOptions = {
  size: 10,
  measure: 10,
  indent: 0,
  punctuation: 'quanjiao',
  lineBreak: 'gb',
  pushIn: true,
  trimLineStartOpen: true,
  autospace: 0.25,
  orphanControl: false,
  lastLine: 'start',
};

export function layout(input: string | Piece[], options: Partial<ComposeOptions> = {}): SetLine[] {
  const pieces: Piece[] = typeof input === 'string' ? [{ text: input, role: 'body' }] : input;
  return composeParagraph(pieces, fonts, { ...GB_BOOK, ...options }).lines;
}

export const texts = (lines: SetLine[]) => lines.map((l) => l.text);

/** A set line's glyph, as the tests look at it. */
export interface Glyph {
  face: FontFace;
  id: number;
  text: string;
  x: number;
  invisible: boolean;
}

/** A set line's glyphs (typed arrays) as one object each. */
export function placed(line: SetLine): Glyph[] {
  const g = line.glyphs;
  const glyphs: Glyph[] = [];
  for (let k = line.from; k < line.to; k++) {
    glyphs.push({ face: line.faces[k]!, id: g.ids[k]!, text: String.fromCodePoint(g.codePoints[k]!), x: g.xs[k]!, invisible: g.invisible[k] === 1 });
  }
  return glyphs;
}

/** x (em) of each visible glyph on a line, rounded to 1/1000 em. */
export const xs = (line: SetLine) => placed(line).map((g) => round(g.x));

export const round = (v: number) => Math.round(v * 1000) / 1000;

/** Gaps between consecutive glyph origins minus 1 em (for pure-Han lines: the added space). */
export function hanGaps(line: SetLine): number[] {
  const g = placed(line);
  return g.slice(1).map((b, k) => round(b.x - g[k]!.x - 1));
}

/** A seeded pseudo-random generator (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraph bodies of the sample edition: front matter stripped, one per non-empty line, `:::` lines skipped. */
export function contentParagraphs(): string[] {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../content/2019');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) files.push(p);
    }
  };
  walk(root);
  files.sort();
  const paragraphs: string[] = [];
  for (const f of files) {
    const body = fs.readFileSync(f, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---[ \t]*(\r?\n|$)/, '');
    for (const line of body.split(/\r?\n/)) {
      const t = line.trim();
      if (t && !t.startsWith(':::')) paragraphs.push(t);
    }
  }
  return paragraphs;
}
