/**
 * The pipeline: load content → document model → typeset and lay out pages → PDF.
 * One function per thing an editor makes: the book, the printer's PDF, the archive copy.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeManifest, writeManifest } from './archive/manifest.js';
import { ContentError, type Diagnostic } from './content/diagnostics.js';
import { layoutWholeBook } from './layout/assemble.js';
import { LayoutPool } from './layout/parallel.js';
import { layoutKey } from './layout/resume.js';
import type { Page, WrittenPage } from './layout/types.js';
import { buildDate, loadChecked } from './load.js';
import type { Edition } from './model/document.js';
import { writePageRecord } from './pdf/page-record.js';
import { checkArchiveImages, checkImageResolution } from './pdf/print-checks.js';
import { PdfWriter, type WriteOptions } from './pdf/writer.js';
import { holdForShortCommand, releaseHolds, releasingHoldsAfter } from './short-command.js';

const MM = 72 / 25.4;

/** book: the trimmed pages; print: with bleed, boxes and crop marks; archive: PDF/A-2u. */
export type OutputKind = 'book' | 'print' | 'archive';

export interface BuildOptions {
  /** Output file; default out/<edition>.pdf (out/<edition>-print.pdf, out/<edition>-archive.pdf). */
  output?: string;
  kind?: OutputKind;
  /** Called as the work advances: 类目 laid out and written, then the closing of the file. */
  onProgress?: Progress;
}

/** `stage` is 'layout' (done/total 类目, each written as it is laid out) or 'pdf' (fonts and the rest of the file, 0/1 then 1/1). */
export type Progress = (stage: 'layout' | 'pdf', done: number, total: number) => void;

export interface BuildResult {
  output: string;
  edition: Edition;
  /** The pages as written, in page order (their text and positions; the glyphs are in the PDF). */
  pages: WrittenPage[];
  warnings: Diagnostic[];
  /** Worker threads that laid out 类目 beside this one (src/layout/parallel.ts). */
  layoutWorkers: number;
  /** The archive manifest (archive builds only). */
  manifest?: string;
}

/**
 * Build the book, the printer's PDF or the archive copy. Each page is written to the PDF as
 * soon as it is laid out, so memory holds a page's glyphs at a time; the file is put in
 * place only when all of it is written and the content had no error.
 */
export async function build(editionDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  // Layout workers start first: they load their code and fonts while this thread reads the content.
  const pool = LayoutPool.start(editionDir);
  try {
    return await buildWith(pool, editionDir, options);
  } finally {
    await pool?.close();
  }
}

/**
 * Pages a build lays out with V8's young generation held at its first size (src/short-command.ts):
 * a 类目 of a district yearbook runs to 10–40 pages (the sample's to 17), and its build took
 * 0.95 × the time; a whole book lets the young generation grow after them, in the same time.
 */
const PAGES_HELD = 32;

async function buildWith(pool: LayoutPool | undefined, editionDir: string, options: BuildOptions): Promise<BuildResult> {
  const kind = options.kind ?? 'book';
  const { edition, diagnostics, template, fonts } = loadChecked(editionDir, pool ? { onCategory: (category, folder) => pool.read(category, folder) } : {});
  const suffix = kind === 'book' ? '' : `-${kind}`;
  const output = path.resolve(options.output ?? path.join('out', `${edition.id}${suffix}.pdf`));
  const write: WriteOptions = { date: buildDate(edition.year), frontMatter: true };
  if (kind === 'print') {
    const p = template.print;
    write.print = {
      bleed: p.bleed_mm * MM,
      slug: p.slug_mm * MM,
      markLength: p.crop_mark_mm * MM,
      labelFace: fonts.face('running_head'),
      label: (page) => `${edition.runningHead}  第 ${page} 页  ${template.name} v${template.version}  ${write.date.toISOString().slice(0, 10)}`,
    };
  }
  if (kind === 'archive') write.archive = true;
  const writer = new PdfWriter(edition, template, output, write);
  let pages: WrittenPage[];
  let layoutWorkers: number;
  // Held once the content is read: held while it is read too, the N=40 book took 2% longer, all it reads surviving.
  holdForShortCommand({ turbofan: false });
  const passPages = releasingHoldsAfter(PAGES_HELD);
  try {
    const sink = { body: (p: Iterable<Page>) => writer.write(passPages(p)), front: (p: Page[]) => writer.writeFront(p) };
    const parallel = pool?.usable(edition, template) === true;
    const categories = parallel ? pool!.categoryPages(edition, template, fonts, diagnostics) : undefined;
    layoutWorkers = parallel ? pool!.size : 0;
    pages = (await layoutWholeBook(edition, template, fonts, diagnostics, sink, options.onProgress, categories)).pages;
    if (diagnostics.errors.length > 0) throw new ContentError(diagnostics.items);
    if (kind === 'print') checkImageResolution(pages, template.print.min_image_ppi, diagnostics);
    if (kind === 'archive') checkArchiveImages(pages, diagnostics);
    options.onProgress?.('pdf', 0, 1);
    await writer.finish();
    options.onProgress?.('pdf', 1, 1);
  } catch (e) {
    writer.abort();
    throw e;
  } finally {
    releaseHolds();
  }
  writePageRecord(output, edition, pages, layoutKey(template, fonts));
  const manifest = kind === 'archive' ? writeManifest(makeManifest(edition, template, writer.faces, pages.length, output), output) : undefined;
  return { output, edition, pages, warnings: diagnostics.warnings, layoutWorkers, ...(manifest ? { manifest } : {}) };
}

/** Every edition folder (one holding edition.yaml) directly under `contentDir`, in name order. */
export function editionDirs(contentDir: string): string[] {
  return fs.readdirSync(contentDir).sort()
    .map((name) => path.join(contentDir, name))
    .filter((dir) => fs.existsSync(path.join(dir, 'edition.yaml')));
}
