/**
 * A proof (校样) of one 类目, 分目 or 条目: laid out exactly as in the book (its 类目 from the
 * page the last full build gave it, as far as the target's last page; a 分目 or 条目 from the
 * page where that build started it, when it can be taken up there), the pages that hold the
 * target written with a watermark, line numbers and change bars, and a report beside the PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import type * as Diff from 'diff';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import { categoryPages, categoryPagesFrom } from '../layout/book.js';
import { layoutKey } from '../layout/resume.js';
import type { Page } from '../layout/types.js';
import { loadWhenAsked } from '../load-when-asked.js';
import { buildDate, loadChecked, type Loaded } from '../load.js';
import type { Category } from '../model/document.js';
import { releasingHoldsAfter } from '../short-command.js';
import { pageRecord, readLayoutRecord, readPageRecord, writePageRecord, type LayoutRecord, type PageRecord } from '../pdf/page-record.js';
import { proofLineKey } from '../pdf/proof-overlay.js';
import { writePdf } from '../pdf/writer.js';
import { findings, formatReport, type ProofFinding } from './report.js';
import { ROUNDS, type Round } from './rounds.js';
import { categoryOf, checkedPart, findTarget, type ProofTarget } from './target.js';

/** The diff package, loaded by `--diff` alone. */
const diffPackage = loadWhenAsked<typeof Diff>('diff');

export interface ProofOptions {
  round?: Round;
  /** The date printed in the watermark (default: today). */
  date?: string;
  /** An earlier proof or build PDF (with its .pages.json) to mark changed lines against. */
  diff?: string;
  output?: string;
  /** The full build whose page numbers the proof takes (default out/<edition>.pdf). */
  book?: string;
  /** false: the PDF's streams are not deflated (proof --watch, which writes it on every save). */
  compress?: boolean;
  /** false: lay the 类目 out from its start, even where it could resume from the last build's pages. */
  resume?: boolean;
}

export interface ProofResult {
  output: string;
  report: string;
  pages: Page[];
  findings: ProofFinding[];
  /** True when page numbers come from the last full build. */
  pageNumbersKnown: boolean;
  /** The page the layout started from: the 类目's first, or the target's in the last build (resumed). */
  laidOutFrom: number;
}

/**
 * Pages a proof lays out before it lets V8's optimising compiler in and its young generation
 * grow, where the command held them back (src/short-command.ts): a 分目 resumed from the last
 * build lays out two to four.
 */
const PAGES_HELD = 8;

export async function proof(targetPath: string, options: ProofOptions = {}): Promise<ProofResult> {
  const target = findTarget(targetPath);
  // Only the target's 类目 is read (its pages do not depend on the others), and only the target's 分目 checked.
  const loaded = loadChecked(target.editionDir, { only: target.categoryDir }, (edition) => checkedPart(edition, target));
  const { edition, diagnostics, template, fonts } = loaded;
  const category = categoryOf(edition, target);
  const book = readLayoutRecord(path.resolve(options.book ?? path.join('out', `${edition.id}.pdf`)), edition.root);
  const firstPage = book?.starts.find((s) => s.level === 1 && s.source === category.source.file)?.page;
  const resumed = options.resume === false || !book || firstPage === undefined ? undefined : resumedPages(loaded, category, target, book, firstPage);
  const laid = resumed?.pages ?? categoryPages(edition, template, fonts, diagnostics, [category], firstPage ?? 1).next().value!;
  const pages = targetPages(releasingHoldsAfter(PAGES_HELD)(laid), target.startFile, target.level, template.areaTop);
  if (diagnostics.errors.length > 0) throw new ContentError(diagnostics.items);

  const round = options.round ?? '1';
  const date = options.date ?? localDate();
  const output = path.resolve(options.output ?? path.join('out', 'proof', `${edition.id}-${path.basename(target.startFile).replace(/\.(md|yaml)$/, '')}-${path.basename(path.dirname(target.startFile))}.pdf`));
  const changed = options.diff ? await changedLines(pageRecord(edition, pages), options.diff) : new Set<string>();
  await writePdf(pages, edition, template, output, {
    date: buildDate(edition.year),
    proof: { watermark: `${ROUNDS[round]}样 ${date}`, face: fonts.face('heading'), lineNumbers: true, changed, columnWidth: template.measure },
    compress: options.compress,
  });
  writePageRecord(output, edition, pages);
  const found = findings(pages, template.text.loose_warning, changed);
  const inTarget = (d: Diagnostic) => d.file.startsWith(path.dirname(target.startFile));
  const title = `${edition.runningHead} ${ROUNDS[round]}样 ${date}  ${path.relative(process.cwd(), target.startFile)}  第${pages[0]?.number ?? '?'}–${pages[pages.length - 1]?.number ?? '?'}页${firstPage === undefined ? '（页码待定：先完整构建一次）' : ''}`;
  const report = output.replace(/\.pdf$/i, '') + '.report.txt';
  fs.writeFileSync(report, formatReport(title, found, diagnostics.warnings.filter(inTarget)));
  return { output, report, pages, findings: found, pageNumbersKnown: firstPage !== undefined, laidOutFrom: resumed?.from ?? firstPage ?? 1 };
}

/**
 * Today in the time zone of the machine proofing, as YYYY-MM-DD: the date printed in the
 * watermark. An ISO string would give the date in UTC, in China yesterday's until 08:00.
 */
export function localDate(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * The 类目's pages from the one where the last full build started the target (a 分目 or 条目),
 * or the nearest before it that can be, laid out again from what that page began with
 * (layout/resume.ts): the same pages as from the 类目's start, without composing all that
 * comes before. A page whose sources have changed since (an edit in the target's first
 * entry, say) gives way to an earlier one, whose digest reaches less far. Undefined when no
 * page of the 类目 can be, or the template or the fonts have changed since.
 */
function resumedPages({ edition, template, fonts, diagnostics }: Loaded, category: Category, target: ProofTarget, book: LayoutRecord, first: number):
  { pages: Iterable<Page>; from: number } | undefined {
  if (target.level === 1 || book.layout !== layoutKey(template, fonts)) return undefined;
  const start = book.starts.find((s) => s.source === target.startFile)?.page;
  if (start === undefined) return undefined;
  // Body pages are labelled with their number; a page that begins inside lines set around a figure has no resume point.
  for (let from = start; from > first; from--) {
    const point = book.resume[String(from)];
    if (!point) continue;
    const pages = categoryPagesFrom(edition, template, fonts, diagnostics, category, point, from);
    if (pages) return { pages, from };
  }
  return undefined;
}

/**
 * The pages from the one where the target starts up to the one where the next part of the
 * same or a higher level starts (that page too, unless the next part opens it at the top).
 * Pages are laid out only that far: those after them cannot change them, since only a
 * 类目's last page is set again (balanced), and it is the last page of a target that runs
 * to the 类目's end.
 */
function targetPages(laid: Iterable<Page>, startFile: string, level: number, areaTop: number): Page[] {
  const all: Page[] = [];
  const kept: Page[] = [];
  for (const page of laid) {
    all.push(page);
    for (const mark of page.marks) {
      if (kept.length === 0) {
        if (mark.source === startFile) kept.push(page);
      } else if (mark.level <= level) {
        const opensPage = mark.column === 0 && mark.y <= areaTop + 0.5;
        if (kept[kept.length - 1] !== page && !opensPage) kept.push(page);
        return kept;
      }
    }
    if (kept.length > 0 && kept[kept.length - 1] !== page && !page.blank) kept.push(page);
  }
  return kept.length > 0 ? kept : all;
}

/** Lines of the proof whose text is not in the earlier proof or build (page:column:line keys). */
async function changedLines(current: PageRecord, earlierPdf: string): Promise<Set<string>> {
  const { diffArrays } = diffPackage();
  const earlier = readPageRecord(path.resolve(earlierPdf));
  if (!earlier) throw new Error(`${earlierPdf}: no page record (${path.basename(earlierPdf).replace(/\.pdf$/i, '')}.pages.json) beside it; diff against a PDF made by this program`);
  const flat = (r: PageRecord) => r.pages.flatMap((p) => p.lines.map((l) => ({ key: proofLineKey(p.number, l.column, l.number), text: l.text })));
  const now = flat(current);
  const changed = new Set<string>();
  let k = 0;
  for (const part of diffArrays(flat(earlier).map((l) => l.text), now.map((l) => l.text))) {
    if (part.removed) continue;
    for (let n = 0; n < part.value.length; n++, k++) if (part.added) changed.add(now[k]!.key);
  }
  return changed;
}
