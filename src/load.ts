/**
 * What building and proofing start from: an edition loaded and its text checked, with its
 * template and fonts, and the date its PDFs carry.
 */
import { checkEdition } from './check/check-edition.js';
import { ContentError, type Diagnostics } from './content/diagnostics.js';
import { loadEdition, type LoadOptions } from './content/load-edition.js';
import { loadFonts, type FontSet } from './fonts/font-config.js';
import type { Edition } from './model/document.js';
import { loadTemplate, type Template } from './template/template.js';

/** An edition loaded and checked, with its template and fonts: what every layout starts from. */
export interface Loaded {
  edition: Edition;
  template: Template;
  fonts: FontSet;
  diagnostics: Diagnostics;
}

/** `checked`: what of the edition the text checks read (a proof checks the 分目 it proofs); all of it by default. */
export function loadChecked(editionDir: string, options: LoadOptions = {}, checked = (edition: Edition) => edition): Loaded {
  const { edition, diagnostics } = loadEdition(editionDir, options);
  checkContent(checked(edition), diagnostics);
  return { edition, diagnostics, template: loadTemplate(edition.template, edition.templateVersion), fonts: loadFonts() };
}

/** The text checks; the content's errors stop the build here (they report every unprintable character at its column, before the layout would). */
function checkContent(edition: Edition, diagnostics: Diagnostics): void {
  checkEdition(edition, diagnostics);
  if (diagnostics.errors.length > 0) throw new ContentError(diagnostics.items);
}

/** SOURCE_DATE_EPOCH when set (reproducible-builds.org), else 1 January after the edition year. */
export function buildDate(year: number): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(Date.UTC(year + 1, 0, 1));
}
