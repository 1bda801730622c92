/**
 * The page record written next to every PDF (<name>.pages.json): each page's numbered lines
 * and where each 类目, 分目 and 条目 starts. Proofs use it for the real page numbers of a
 * section, to mark the lines that changed since an earlier proof or build, and to lay a 类目
 * out again from the page where the proofed part starts (each page's start in its 类目's
 * flow, under the template and fonts of `layout`: layout/resume.ts).
 */
import fs from 'node:fs';
import type { ResumePoint, WrittenPage } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import { numberedLines } from './proof-overlay.js';

export interface PageRecord {
  edition: string;
  pages: { number: number; label: string; lines: { column: number; number: number; text: string }[]; resume?: ResumePoint }[];
  /** Where each 类目 (level 1), 分目 (2) and 条目 (3) starts, by its source file. */
  starts: { level: number; title: string; source: string; page: number }[];
  /** The layout key (layoutKey) of a build's pages. */
  layout?: string;
}

export function recordFile(pdfFile: string): string {
  return pdfFile.replace(/\.pdf$/i, '') + '.pages.json';
}

export function pageRecord(edition: Edition, pages: readonly WrittenPage[], layout?: string): PageRecord {
  return {
    edition: edition.id,
    pages: pages.map((p) => ({
      number: p.number, label: p.label, lines: numberedLines(p).map(({ column, number, text }) => ({ column, number, text })),
      ...(p.resume ? { resume: p.resume } : {}),
    })),
    starts: pages.flatMap((p) => p.marks.map((m) => ({ level: m.level, title: m.title, source: m.source, page: p.number }))),
    ...(layout ? { layout } : {}),
  };
}

/** `layout`: a build's layout key, under which a proof may resume from its pages. */
export function writePageRecord(pdfFile: string, edition: Edition, pages: readonly WrittenPage[], layout?: string): void {
  fs.writeFileSync(recordFile(pdfFile), JSON.stringify(pageRecord(edition, pages, layout)));
}

export function readPageRecord(pdfFile: string): PageRecord | undefined {
  const file = recordFile(pdfFile);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PageRecord) : undefined;
}
