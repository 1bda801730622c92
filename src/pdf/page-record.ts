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
 *
 * Both name the source files relative to the edition folder, so that they still hold when the
 * edition is moved, copied, or reached by another path (a shared drive on another machine).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ResumePoint, WrittenPage } from '../layout/types.js';
import type { Edition } from '../model/document.js';
import { FileSink } from './file-sink.js';
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
  return { edition: edition.id, pages: pages.map(pageLines), starts: starts(pages) };
}

/** A page of the page record: its numbered lines. */
function pageLines(p: WrittenPage): PageRecord['pages'][number] {
  return { number: p.number, label: p.label, lines: numberedLines(p).map(({ column, number, text }) => ({ column, number, text })) };
}

/** The page record and the layout record; `layout`: a build's layout key, under which a proof may resume from its pages. */
export function writePageRecord(pdfFile: string, edition: Edition, pages: readonly WrittenPage[], layout?: string): void {
  const relative = (file: string) => path.relative(edition.root, file);
  const moved = movedStarts(starts(pages), relative);
  // JSON.stringify of the whole PageRecord, written a page at a time: the whole book's text
  // as one string, then as one fresh buffer of UTF-8 (3.4 MB at N=40, a page fault every 4 KB),
  // made writing the record 65 ms of the N=40 profile, 46 ms this way.
  writeWhole(recordFile(pdfFile), (out) => {
    out.writeUtf8(`{"edition":${JSON.stringify(edition.id)},"pages":[`);
    pages.forEach((p, k) => out.writeUtf8((k === 0 ? '' : ',') + JSON.stringify(pageLines(p))));
    out.writeUtf8(`],"starts":${JSON.stringify(moved)}}`);
  });
  const record: LayoutRecord = {
    edition: edition.id,
    starts: moved,
    resume: Object.fromEntries(pages.flatMap((p) => (p.resume ? [[p.label, movedResume(p.resume, relative)]] : []))),
    ...(layout ? { layout } : {}),
  };
  writeWhole(layoutFile(pdfFile), (out) => out.writeUtf8(JSON.stringify(record)));
}

/** The page record beside `pdfFile`; the sources of its starts in the edition folder `root` (relative to it without). */
export function readPageRecord(pdfFile: string, root?: string): PageRecord | undefined {
  const record = readJson<PageRecord>(recordFile(pdfFile));
  return record && root !== undefined ? { ...record, starts: movedStarts(record.starts, (file) => path.resolve(root, file)) } : record;
}

/** The layout record beside `pdfFile`, its sources in the edition folder `root`. */
export function readLayoutRecord(pdfFile: string, root: string): LayoutRecord | undefined {
  const record = readJson<LayoutRecord>(layoutFile(pdfFile));
  if (!record) return undefined;
  const absolute = (file: string) => path.resolve(root, file);
  return {
    ...record,
    starts: movedStarts(record.starts, absolute),
    resume: Object.fromEntries(Object.entries(record.resume).map(([label, point]) => [label, movedResume(point, absolute)])),
  };
}

/** Starts with their sources moved by `to` (to or from the edition folder). */
function movedStarts(starts: Starts, to: (file: string) => string): Starts {
  return starts.map((s) => ({ ...s, source: to(s.source) }));
}

/** A resume point with the files it names moved by `to`. */
function movedResume(point: ResumePoint, to: (file: string) => string): ResumePoint {
  const figure = (r: ResumePoint['pendingColumn'][number]) => ({ ...r, file: to(r.file) });
  return {
    ...point,
    pendingColumn: point.pendingColumn.map(figure),
    pendingPage: point.pendingPage.map(figure),
    pendingMarks: point.pendingMarks.map((m) => ({ ...m, source: to(m.source) })),
  };
}

function starts(pages: readonly WrittenPage[]): Starts {
  return pages.flatMap((p) => p.marks.map((m) => ({ level: m.level, title: m.title, source: m.source, page: p.number })));
}

/**
 * Write a record under a temporary name and rename it into place: a proof --watch running
 * beside a build reads the layout record on every save, and must not find it half written.
 */
function writeWhole(file: string, write: (out: FileSink) => void): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const out = new FileSink(tmp);
  try {
    write(out);
    out.close();
  } catch (e) {
    out.abort();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
}

/** A record as written, or undefined when there is none or it cannot be read (a proof then asks for a build). */
function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
