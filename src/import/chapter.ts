/**
 * The import's phases run in order on the text of one printed chapter: lines classified
 * (lines.ts), grouped into 分目 and 条目 (structure.ts), body lines joined into paragraphs
 * (paragraphs.ts), photos attached to entries (attach.ts). Pure: text in, chapter out, every
 * doubt and error in `diagnostics` against the input file.
 */
import type { Diagnostics } from '../content/diagnostics.js';
import type { TextBlock } from '../edition/files.js';
import type { SourceRef } from '../model/document.js';
import { attachFigures } from './attach.js';
import { classifyLines } from './lines.js';
import { fullMeasure } from './measure.js';
import { toParagraphs } from './paragraphs.js';
import { buildDraft, type Draft, type DraftEntry } from './structure.js';

export interface ImportedFigure {
  caption: string;
  credit: string;
  creditRole: '供稿' | '摄';
  source: SourceRef;
}

export interface ImportedEntry {
  title: string;
  blocks: TextBlock[];
  figures: ImportedFigure[];
}

export interface ImportedSection {
  title: string;
  byline: string | undefined;
  entries: ImportedEntry[];
  source: SourceRef;
}

export interface ImportedChapter {
  title: Draft['title'];
  sections: ImportedSection[];
}

export function readChapter(text: string, file: string, runningHead: string, diagnostics: Diagnostics): ImportedChapter {
  const draft = buildDraft(classifyLines(text, file, runningHead, diagnostics), file, diagnostics);
  const entries = draft.sections.flatMap((s) => s.entries);
  const bodyLines = entries.flatMap((e) => e.chunks.filter((c) => !c.box).flatMap((c) => c.lines));
  const measure = fullMeasure(bodyLines.map((l) => l.text));
  const attached = attachFigures(entries, draft.figures, file, diagnostics);
  const entry = (e: DraftEntry): ImportedEntry => ({
    title: e.title,
    blocks: e.chunks.flatMap((c): TextBlock[] => c.box
      ? [{ kind: 'box', label: c.box, paragraphs: toParagraphs(c.lines, undefined, file, diagnostics) }]
      : toParagraphs(c.lines, measure, file, diagnostics).map((text) => ({ kind: 'paragraph', text }))),
    figures: draft.figures
      .filter((f) => attached.get(f) === e)
      .map(({ caption, credit, creditRole, source }) => ({ caption, credit, creditRole, source })),
  });
  return {
    title: draft.title,
    sections: draft.sections.map((s) => ({ title: s.title, byline: s.byline, entries: s.entries.map(entry), source: s.source })),
  };
}
