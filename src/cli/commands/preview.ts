/**
 * `yearbook preview <path> [--resolution dpi] [--pages a-b] [--out dir]`: page images (PNG)
 * and a contact sheet, of a built PDF as it is, or of an edition (built first, as
 * `yearbook build` does) or of a 类目, 分目 or 条目 (proofed first, as `yearbook proof` does).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { EDITION_FILE } from '../../content/edition-files.js';
import { PageRangeError } from '../../preview/page-range.js';
import { DEFAULT_DPI } from '../../preview/defaults.js';
import type { PreviewResult } from '../../preview/preview.js';
import { holdForShortCommand, releaseHolds } from '../../short-command.js';
import { language, messages } from '../i18n.js';
import { printDiagnostics, shownPath, stdoutColours } from '../output.js';
import { runAsOwnProcess, runningFromSnapshot } from '../snapshot/snapshot-files.js';
import { buildSummary, buildWithProgress } from './build.js';
import { proofSummary } from './proof.js';

export type PreviewSource = 'pdf' | 'edition' | 'part';

/** What `path` is: a PDF, an edition folder (with edition.yaml), or a part of an edition. */
export function previewSource(target: string): PreviewSource {
  if (/\.pdf$/i.test(target)) return 'pdf';
  if (fs.existsSync(path.join(target, EDITION_FILE))) return 'edition';
  return 'part';
}

export interface PreviewCommandOptions {
  resolution?: string;
  pages?: string;
  out?: string;
}

/** Parse --resolution: a number of dpi, 10–1200; undefined when it is not one. */
export function parseResolution(value: string | undefined): number | undefined {
  if (value === undefined) return DEFAULT_DPI;
  const dpi = Number(value);
  return Number.isFinite(dpi) && dpi >= 10 && dpi <= 1200 ? dpi : undefined;
}

export function registerPreview(program: Command): void {
  const m = messages();
  const command = program
    .command('preview')
    .description(m.preview.description)
    .argument('<path>', m.preview.target)
    .option('--resolution <dpi>', m.preview.resolution, String(DEFAULT_DPI))
    .option('--pages <a-b>', m.preview.pages)
    .option('--out <dir>', m.preview.out)
    .action(async (target: string, opts: PreviewCommandOptions) => {
      const dpi = parseResolution(opts.resolution);
      if (dpi === undefined) command.error(m.preview.badResolution(String(opts.resolution)));
      if (!fs.existsSync(target)) throw new Error(m.preview.notFound(target));
      const c = stdoutColours();
      let pdf = target;
      const source = previewSource(target);
      if (source === 'edition') {
        const built = await buildWithProgress(target, 'book', undefined, true);
        printDiagnostics(built.result.warnings);
        for (const line of buildSummary(built)) console.log(c.green(line));
        pdf = built.result.output;
      } else if (source === 'part') {
        const { proof } = await import('../../proof/proof.js');
        // As the proof command does (src/short-command.ts); drawing the pages needs TurboFan again.
        holdForShortCommand();
        const result = await proof(target);
        releaseHolds();
        for (const line of proofSummary(result)) console.log(c.green(line));
        pdf = result.output;
      }
      if (runningFromSnapshot()) {
        // pdfjs is an ES module, loaded with import(), which a Node started from the snapshot
        // cannot do: the pages are drawn by a process of its own.
        const args = ['--lang', language(), 'preview', pdf, '--resolution', String(dpi), ...(opts.pages !== undefined ? ['--pages', opts.pages] : []), ...(opts.out ? ['--out', opts.out] : [])];
        runAsOwnProcess(args);
        return;
      }
      // The renderer (pdfjs and a native canvas) is loaded only for this command.
      const { previewPdf } = await import('../../preview/preview.js');
      let result: PreviewResult;
      try {
        result = await previewPdf(pdf, { dpi: dpi!, ...(opts.pages !== undefined ? { pages: opts.pages } : {}), ...(opts.out ? { outDir: opts.out } : {}) });
      } catch (e) {
        if (e instanceof PageRangeError) command.error(m.preview.badPages(e.spec, e.available));
        throw e;
      }
      console.log(c.green(m.preview.done(shownPath(result.dir), result.pages.length, result.dpi, result.workers + 1)));
      for (const sheet of result.contactSheets) console.log(c.green(m.preview.sheet(shownPath(sheet))));
    });
}
