/**
 * The pipeline: load content → document model → typeset and lay out pages → PDF.
 */
import path from 'node:path';
import { ContentError } from './content/diagnostics.js';
import { loadEdition } from './content/load-edition.js';
import { loadFonts } from './fonts/font-config.js';
import { layoutBook } from './layout/book.js';
import type { Page } from './layout/types.js';
import { writePdf } from './pdf/writer.js';
import { loadTemplate } from './template/template.js';
import type { Diagnostic } from './content/diagnostics.js';

export interface BuildOptions {
  /** Output file; default out/<edition>.pdf under the current directory. */
  output?: string;
}

export interface BuildResult {
  output: string;
  pages: Page[];
  warnings: Diagnostic[];
}

export async function build(editionDir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const { edition, diagnostics } = loadEdition(editionDir);
  const template = loadTemplate(edition.template);
  const fonts = loadFonts();
  const pages = layoutBook(edition, template, fonts, diagnostics);
  if (diagnostics.errors.length > 0) throw new ContentError(diagnostics.items);
  const output = path.resolve(options.output ?? path.join('out', `${edition.id}.pdf`));
  await writePdf(pages, edition, template, output, { date: buildDate(edition.year) });
  return { output, pages, warnings: diagnostics.warnings };
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else 1 January after the edition year. */
function buildDate(year: number): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(year + 1, 0, 1));
}
