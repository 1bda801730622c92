/**
 * The document model: what the content stage hands to the typesetter.
 * Pure data, no layout decisions; every piece of text remembers where it came from
 * so later stages can report problems by file and line.
 */

/** Where a piece of content came from (1-based line). */
export interface SourceRef {
  file: string;
  line: number;
}

/** A run of inline text with one style. The typesetter sees a paragraph as one stream of runs. */
export interface InlineRun {
  text: string;
  style: InlineStyle;
}

/** `heading` is the run-in 【条目】 title; `strong` and `emphasis` come from Markdown. */
export type InlineStyle = 'body' | 'heading' | 'strong' | 'emphasis';

export interface Paragraph {
  kind: 'paragraph';
  runs: InlineRun[];
  /** True for the paragraph that carries the run-in 【title】 (set flush left in the sample design). */
  leadsEntry: boolean;
  source: SourceRef;
}

export interface ListBlock {
  kind: 'list';
  ordered: boolean;
  items: Paragraph[];
  source: SourceRef;
}

/** The 资料 sidebar (a `::: 资料` container). */
export interface InfoBox {
  kind: 'box';
  label: string;
  paragraphs: Paragraph[];
  source: SourceRef;
}

export type FigureSize = 'column' | 'page' | 'inset';

export interface Figure {
  kind: 'figure';
  /** Absolute path of the image file (checked to lie inside the edition). */
  image: string;
  /** Its size in pixels, read once when the content is loaded (0 × 0 if it could not be read). */
  pixels: { width: number; height: number };
  caption: string;
  credit: string | undefined;
  creditRole: '供稿' | '摄';
  size: FigureSize;
  source: SourceRef;
}

export type Block = Paragraph | ListBlock | InfoBox;

export interface Entry {
  /** The text inside 【】. */
  title: string;
  blocks: Block[];
  figures: Figure[];
  index: string[];
  source: SourceRef;
  /** A digest of the file as read and of its figures' pixel sizes: what its layout depends on (a proof compares it with the last build's). */
  digest: string;
}

export interface Section {
  title: string;
  titleEn: string | undefined;
  byline: string | undefined;
  entries: Entry[];
  source: SourceRef;
  /** A digest of section.yaml as read. */
  digest: string;
}

export interface Category {
  title: string;
  titleEn: string | undefined;
  sections: Section[];
  source: SourceRef;
}

export interface Edition {
  /** Folder of the edition, absolute. */
  root: string;
  /** Folder name, used for the default output file name. */
  id: string;
  title: string;
  year: number;
  runningHead: string;
  template: string;
  templateVersion: number | undefined;
  compiler: string | undefined;
  publisher: string | undefined;
  language: string;
  colophon: [string, string][];
  /** 编辑说明 paragraphs, when the edition has one, and the file they come from. */
  preface: Block[];
  prefaceFile: string | undefined;
  pinyin: Record<string, string>;
  indexSee: Record<string, string>;
  categories: Category[];
  source: SourceRef;
}
