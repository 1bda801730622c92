/** The build accounts for every character: one lost or doubled on the pages is an error naming its file. */
import { describe, expect, it } from 'vitest';
import { accountCharacters, isWhitespace } from '../../src/check/accounting.js';
import { Diagnostics } from '../../src/content/diagnostics.js';
import { loadEdition } from '../../src/content/load-edition.js';
import { loadFonts } from '../../src/fonts/font-config.js';
import { layoutBook } from '../../src/layout/book.js';
import type { Page } from '../../src/layout/types.js';
import { loadTemplate } from '../../src/template/template.js';

const { edition } = loadEdition('content/2019');
const fresh = (): Page[] => layoutBook(edition, loadTemplate('default'), loadFonts(), new Diagnostics());

describe('character accounting', () => {
  it('finds every character of the sample on its pages, once', () => {
    const d = new Diagnostics();
    accountCharacters(edition, fresh(), d);
    expect(d.items).toEqual([]);
  });

  it('reports a line lost from a page, naming the file that holds its characters', () => {
    const pages = fresh();
    const lost = pages[2]!.lines.find((l) => l.kind === 'body' && l.text.includes('𠮷') === false && /区残联|团区委|妇联/.test(l.text))!;
    pages[2]!.lines.splice(pages[2]!.lines.indexOf(lost), 1);
    const d = new Diagnostics();
    accountCharacters(edition, pages, d);
    expect(d.errors.length).toBeGreaterThan(0);
    expect(d.errors.every((e) => /did not reach the pages/.test(e.message))).toBe(true);
    expect(d.errors[0]!.file).toMatch(/content\/2019\/01-qunzhong-tuanti\/.+\.(md|yaml)$/);
  });

  it('reports a line set twice', () => {
    const pages = fresh();
    const line = pages[0]!.lines.find((l) => l.kind === 'body')!;
    pages[0]!.lines.push(line);
    const d = new Diagnostics();
    accountCharacters(edition, pages, d);
    expect(d.errors.some((e) => /stands \d+ times on the pages/.test(e.message))).toBe(true);
  });
});

it('counts as whitespace exactly what /\\s/ matches, over every code point', () => {
  const differ: string[] = [];
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    if (isWhitespace(cp) !== /\s/.test(String.fromCodePoint(cp))) differ.push(cp.toString(16));
  }
  expect(differ).toEqual([]);
});
