/**
 * Every piece of text an edition prints, as the rules see it: its characters, the font role
 * each is set in, what it belongs to, and where each character stands in its source file.
 * Built from the document model the loader made, so nothing is parsed twice.
 */
import type { FontRole } from '../fonts/font-config.js';
import { STYLE_ROLE } from '../layout/flow.js';
import type { Block, Edition, Entry, Figure, InlineStyle, Paragraph, Section, SourceRef } from '../model/document.js';
import { pushCharacters } from '../typeset/characters.js';
import { SourceTexts, type Position } from './source-text.js';

export type SiteKind =
  | 'edition-text' // title, compiler, publisher, colophon lines (title page and 版权页)
  | 'running-head'
  | 'category-title'
  | 'category-title-en'
  | 'section-title'
  | 'section-title-en'
  | 'byline'
  | 'entry-title'
  | 'index-terms' // an entry's `index` terms, one after the other (printed in the subject index)
  | 'contents' // a section or entry title again, as the contents and the index set it (body role)
  | 'paragraph' // entry bodies and the 编辑说明 (preface)
  | 'caption'
  | 'credit';

/** Kinds set as Chinese running text, where the GB/T 15834 and 15835 rules apply. */
export const CHINESE_TEXT: ReadonlySet<SiteKind> = new Set(['category-title', 'section-title', 'entry-title', 'paragraph', 'caption']);

/** Characters set in one font role: from the end of the run before up to (not including) `end`, a UTF-16 offset in the text. */
export interface RoleRun {
  role: FontRole;
  end: number;
}

export interface TextSite {
  kind: SiteKind;
  /** The text as the typesetter gets it. */
  readonly text: string;
  /**
   * The text one code point per element, made on first use: the rules that run over every
   * text read `text` itself (with a regular expression, or code unit by code unit), and a
   * book's million characters made into strings one by one were 40–50 ms of the checks' 140.
   */
  readonly chars: readonly string[];
  /** The font role the text is set in, run by run: each up to (not including) UTF-16 offset `end`. */
  roles: readonly RoleRun[];
  section: Section | undefined;
  entry: Entry | undefined;
  figure: Figure | undefined;
  paragraph: Paragraph | undefined;
  /** The paragraphs of the body, box or list this paragraph is in, in order (a quotation may run over several). */
  group: readonly Paragraph[] | undefined;
  /** File, line and column of character `index`. */
  locate(index: number): Position;
}

/** What a text belongs to, as far as it belongs to anything. */
interface Owner {
  section?: Section;
  entry?: Entry;
  figure?: Figure;
}

/**
 * A site with every field set, in one order: the rules read each site's fields, and sites of
 * one shape keep V8's code for them to one shape (an owner spread into each gave a shape for
 * every kind of owner).
 */
class Site implements TextSite {
  readonly section: Section | undefined;
  readonly entry: Entry | undefined;
  readonly figure: Figure | undefined;
  private split: string[] | undefined = undefined;
  /** Where each character stands in the source, made on the first report. */
  private map: Int32Array | undefined = undefined;

  /** `key`: the text is a YAML value, found after `key:` on its line. */
  constructor(
    readonly kind: SiteKind, readonly text: string, readonly roles: readonly RoleRun[], owner: Owner,
    private readonly sources: SourceTexts, private readonly ref: SourceRef, private readonly key: string | undefined,
    readonly paragraph: Paragraph | undefined, readonly group: readonly Paragraph[] | undefined,
  ) {
    this.section = owner.section;
    this.entry = owner.entry;
    this.figure = owner.figure;
  }

  get chars(): readonly string[] {
    if (!this.split) {
      this.split = [];
      pushCharacters(this.split, this.text);
    }
    return this.split;
  }

  /**
   * The position of a character, the text lined up with its source (source-text.ts) on first
   * use: from the start of the text's line, or for a YAML value from just after its `key:`.
   */
  locate(index: number): Position {
    const src = this.sources.get(this.ref.file);
    if (!src) return { file: this.ref.file, line: this.ref.line, column: 1 };
    const start = (this.key !== undefined ? src.afterKey(this.ref.line, this.key) : undefined) ?? src.lineStart(this.ref.line);
    this.map ??= src.align(start, this.chars);
    return src.position(this.map[Math.min(index, this.map.length - 1)] ?? start);
  }
}

/** Roles of the Markdown styles, as src/layout/flow.ts sets them (the 资料 box sets body text in 'box'). */
/** As the layout sets it: body text in a box takes the box face. */
function roleOf(style: InlineStyle, inBox: boolean): FontRole {
  return style === 'body' && inBox ? 'box' : STYLE_ROLE[style];
}

/**
 * The edition's texts in batches that the rules can check one at a time: the edition's own
 * texts (title page, running head, preface), then each 类目's titles, then each 分目 with
 * its entries. Every rule looks at one text, or at the texts of one entry together, and
 * an entry's texts are in one batch; a batch's texts can go once it is checked, so the
 * characters of the whole book are never held at once (made together, they outlived the
 * young generation and were copied into the old one).
 */
export function* editionSites(edition: Edition, sources: SourceTexts = new SourceTexts()): Generator<TextSite[]> {
  let sites: TextSite[] = [];
  const batch = () => {
    const done = sites;
    sites = [];
    return done;
  };
  const value = (kind: SiteKind, text: string, role: FontRole, ref: SourceRef, key: string, owner: Owner = {}) => {
    sites.push(new Site(kind, text, [{ role, end: text.length }], owner, sources, ref, key, undefined, undefined));
  };
  const paragraphs = (group: Paragraph[], inBox: boolean, owner: Owner) => {
    for (const p of group) sites.push(paragraphSite(p, inBox, group, owner, sources));
  };
  const blocks = (list: Block[], owner: Owner) => {
    const body: Paragraph[] = [];
    for (const block of list) {
      if (block.kind === 'paragraph') body.push(block);
      else if (block.kind === 'list') paragraphs(block.items, false, owner);
      else paragraphs(block.paragraphs, true, owner);
    }
    paragraphs(body, false, owner);
  };
  value('edition-text', edition.title, 'heading', edition.source, 'title');
  if (edition.compiler) value('edition-text', edition.compiler, 'body', edition.source, 'compiler');
  if (edition.publisher) value('edition-text', edition.publisher, 'body', edition.source, 'publisher');
  for (const [label, text] of edition.colophon) value('edition-text', text, 'body', edition.source, label);
  // Without a running_head key the running head is made from the title, which lines up with it.
  value('running-head', edition.runningHead, 'running_head', edition.source, 'running_head');
  blocks(edition.preface, {});
  yield batch();
  for (const category of edition.categories) {
    value('category-title', category.title, 'heading', category.source, 'title');
    if (category.titleEn) value('category-title-en', category.titleEn, 'latin_title', category.source, 'title_en');
    yield batch();
    for (const section of category.sections) {
      value('section-title', section.title, 'heading', section.source, 'title', { section });
      value('contents', section.title, 'body', section.source, 'title', { section });
      if (section.titleEn) value('section-title-en', section.titleEn, 'latin_title', section.source, 'title_en', { section });
      if (section.byline) value('byline', section.byline, 'body', section.source, 'byline', { section });
      for (const entry of section.entries) {
        const owner: Owner = { section, entry };
        value('entry-title', entry.title, 'heading', entry.source, 'title', owner);
        value('contents', entry.title, 'body', entry.source, 'title', owner);
        for (const figure of entry.figures) {
          value('caption', figure.caption, 'caption', figure.source, 'caption', { section, entry, figure });
          if (figure.credit) value('credit', figure.credit, 'caption', figure.source, 'credit', { section, entry, figure });
        }
        if (entry.index.length > 0) value('index-terms', entry.index.join(''), 'body', entry.source, 'index', owner);
        blocks(entry.blocks, owner);
      }
      yield batch();
    }
  }
}

function paragraphSite(p: Paragraph, inBox: boolean, group: Paragraph[], owner: Owner, sources: SourceTexts): TextSite {
  let text = '';
  const roles: RoleRun[] = [];
  for (const run of p.runs) {
    const role = roleOf(run.style, inBox);
    text += run.text;
    const last = roles[roles.length - 1];
    if (last?.role === role) last.end = text.length;
    else roles.push({ role, end: text.length });
  }
  return new Site('paragraph', text, roles, owner, sources, p.source, undefined, p, group);
}
