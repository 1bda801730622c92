/**
 * The text of the content files a tool writes into an edition, in the conventions of
 * docs/content-format.md, so that generated files look like hand-written ones and load back
 * to exactly the strings they were made from (src/content reads them).
 */
import { parse } from 'yaml';
import type { CategoryFile, EntryFrontMatter, SectionFile } from '../content/schema.js';

/** A figure as written in an entry's front matter (the schema's own type). */
export type FigureFields = EntryFrontMatter['figures'][number];

/** A block of an entry body: a paragraph, or a sidebar box (`::: 资料`) of paragraphs. */
export type TextBlock = { kind: 'paragraph'; text: string } | { kind: 'box'; label: string; paragraphs: string[] };

export interface EntryFields {
  title: string;
  figures: FigureFields[];
  blocks: TextBlock[];
}

/**
 * A YAML scalar: plain when the text is Han, Latin letters and digits (with spaces, '.', '/',
 * '-' or '_' inside, as in `Mass Organizations` or `images/01-leishan.png`) and reads back as
 * the same string; otherwise double-quoted, as the format asks for titles with quotes or
 * brackets. JSON's string syntax is valid YAML double-quoted.
 */
export function yamlScalar(text: string): string {
  const plain = /^[\p{sc=Han}A-Za-z0-9](?:[\p{sc=Han}A-Za-z0-9 ./_-]*[\p{sc=Han}A-Za-z0-9])?$/u.test(text) && parse(text) === text;
  return plain ? text : JSON.stringify(text);
}

export function renderCategoryFile(c: CategoryFile): string {
  return renderMap([['title', c.title], ['title_en', c.title_en], ['order', c.order]]);
}

export function renderSectionFile(s: SectionFile): string {
  return renderMap([['title', s.title], ['byline', s.byline], ['order', s.order]]);
}

/** An entry file. With no blocks the body is empty, which the loader reports as an error. */
export function renderEntryFile(e: EntryFields): string {
  const front = [`title: ${yamlScalar(e.title)}`];
  if (e.figures.length > 0) front.push('figures:');
  for (const f of e.figures) {
    front.push(`  - image: ${yamlScalar(f.image)}`, `    caption: ${JSON.stringify(f.caption)}`);
    if (f.credit !== undefined) front.push(`    credit: ${yamlScalar(f.credit)}`);
    front.push(`    credit_role: ${f.credit_role}`, `    size: ${f.size}`);
  }
  const body = e.blocks.map((b) =>
    b.kind === 'paragraph' ? escapeMarkdown(b.text) : [`::: ${b.label}`, b.paragraphs.map(escapeMarkdown).join('\n\n'), ':::'].join('\n'));
  return `---\n${front.join('\n')}\n---\n${body.map((b) => `${b}\n`).join('\n')}`;
}

function renderMap(fields: [string, string | number | undefined][]): string {
  return fields
    .filter((f): f is [string, string | number] => f[1] !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'number' ? v : yamlScalar(v)}\n`)
    .join('');
}

/**
 * One paragraph of text as Markdown that reads back as the same text: the characters that
 * mean something anywhere (`\ * _ \` < [`, an entity-like `&`) are escaped, and so is a first
 * character that could start a block (heading, quote, list, fence, container).
 */
export function escapeMarkdown(text: string): string {
  const inline = text.replace(/[\\`*_<[]|&(?=#?\w+;)/g, (c) => `\\${c}`);
  return inline.replace(/^(?:[#>+\-~:]|\d+(?=[.)](?:\s|$)))/, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}
