/**
 * The text checks of an edition, beyond what the loader checks (YAML, schemas, order, figure
 * files): characters that would not print, and the Chinese text rules of GB/T 15834 and 15835
 * and of yearbook practice (docs/checks.md lists them). `yearbook check` runs them after loading;
 * the build runs them too, so errors stop it and warnings are printed.
 */
import type { Diagnostic, Diagnostics } from '../content/diagnostics.js';
import type { Edition } from '../model/document.js';
import type { Report, Rule } from './rule.js';
import { checkBylines } from './rules/bylines.js';
import { checkDigits } from './rules/digits.js';
import { checkFigures } from './rules/figures.js';
import { checkGlyphs } from './rules/glyphs.js';
import { checkPairs } from './rules/pairs.js';
import { checkHalfWidthMarks, checkLongMarks } from './rules/punctuation.js';
import { checkEntryTitles } from './rules/titles.js';
import { editionSites } from './sites.js';

const RULES: readonly Rule[] = [
  checkGlyphs, checkHalfWidthMarks, checkLongMarks, checkPairs, checkDigits, checkEntryTitles, checkBylines, checkFigures,
];

/**
 * Add the problems of the edition's text to `diagnostics`, in file, line and column order. A text
 * printed twice (the title in the running head) is reported once.
 */
export function checkEdition(edition: Edition, diagnostics: Diagnostics): void {
  const found = new Map<string, Diagnostic>();
  const report: Report = (site, index, severity, message) => {
    const d: Diagnostic = { severity, ...site.locate(index), message };
    found.set(`${d.file}:${d.line}:${d.column}: ${message}`, d);
  };
  for (const sites of editionSites(edition)) {
    for (const rule of RULES) rule(sites, report);
  }
  for (const d of [...found.values()].sort(byPosition)) diagnostics[d.severity](d.file, d.line, d.column, d.message);
}

/** File, then line, then column (a stable sort keeps the order of equal positions). */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
