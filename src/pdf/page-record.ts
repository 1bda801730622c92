/**
 * What is written next to every PDF about its pages:
 * - the page record (<name>.pages.json): each page's numbered lines and where each 类目, 分目
 *   and 条目 starts. `--diff` marks the lines that changed since an earlier proof or build
 *   with it, and the preview labels pages with it.
 * - the layout record (<name>.layout.json): where each part starts again, and where each page
 *   began in its 类目's flow, under the template and fonts of `layout` (layout/resume.ts).
 *   A proof reads only this: the real page numbers of a section, and the page its 类目 can
 *   be laid out from. It is a small part of the record, which in a whole yearbook runs to
 *   megabytes (3.6 MB for 413 pages) and took a proof 55–70 ms to read.
 */
import fs from 'node:fs';
import type { ResumePoint, WrittenPage } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import { numberedLines } from './proof-overlay.js';

/** Where each 类目 (level 1), 分目 (2) and 条目 (3) starts, by its source file. */
type Starts = { level: number; title: string; source: string; page: number }[];

export interface PageRecord {
  edition: string;
  pages: { number: number; label: string; lines: { column: number; number: number; text: string }[] }[];
  starts: Starts;
}

export interface LayoutRecord {
  edition: string;
  starts: Starts;
  /** Where each body page but a 类目's first began in its 类目's flow, by the page's label. */
  resume: Record<string, ResumePoint>;
  /** The layout key (layoutKey) of a build's pages. */
  layout?: string;
}

export function recordFile(pdfFile: string): string {
  return pdfFile.replace(/\.pdf$/i, '') + '.pages.json';
}

export function layoutFile(pdfFile: string): string {
  return pdfFile.replace(/\.pdf$/i, '') + '.layout.json';
}

export function pageRecord(edition: Edition, pages: readonly WrittenPage[]): PageRecord {
  return {
    edition: edition.id,
    pages: pages.map((p) => ({ number: p.number, label: p.label, lines: numberedLines(p).map(({ column, number, text }) => ({ column, number, text })) })),
    starts: starts(pages),
  };
}

/** The page record and the layout record; `layout`: a build's layout key, under which a proof may resume from its pages. */
export function writePageRecord(pdfFile: string, edition: Edition, pages: readonly WrittenPage[], layout?: string): void {
  const lines = pageRecord(edition, pages);
  fs.writeFileSync(recordFile(pdfFile), JSON.stringify(lines));
  const record: LayoutRecord = {
    edition: edition.id,
    starts: lines.starts,
    resume: Object.fromEntries(pages.flatMap((p) => (p.resume ? [[p.label, p.resume]] : []))),
    ...(layout ? { layout } : {}),
  };
  fs.writeFileSync(layoutFile(pdfFile), JSON.stringify(record));
}

export function readPageRecord(pdfFile: string): PageRecord | undefined {
  return readJson<PageRecord>(recordFile(pdfFile));
}

export function readLayoutRecord(pdfFile: string): LayoutRecord | undefined {
  return readJson<LayoutRecord>(layoutFile(pdfFile));
}

function starts(pages: readonly WrittenPage[]): Starts {
  return pages.flatMap((p) => p.marks.map((m) => ({ level: m.level, title: m.title, source: m.source, page: p.number })));
}

function readJson<T>(file: string): T | undefined {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;
}
