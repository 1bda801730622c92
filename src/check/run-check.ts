/**
 * What `yearbook check` does: load an edition, run the text checks, and print every problem
 * sorted by file and position with its source line and a caret, then a summary line.
 */
import pc from 'picocolors';
import { messages } from '../cli/i18n.js';
import { paintDiagnostic, paintSummary, type Colors } from '../cli/output.js';
import { ContentError, type Diagnostic } from '../content/diagnostics.js';
import { loadEdition } from '../content/load-edition.js';
import { byPosition, checkEdition } from './check-edition.js';
import { formatWithExcerpt } from './excerpt.js';
import { SourceTexts } from './source-text.js';

export interface CheckSummary {
  errors: number;
  warnings: number;
}

/** Every problem of the edition in `dir`, sorted by file and position. */
export function checkDiagnostics(dir: string): Diagnostic[] {
  let diagnostics: Diagnostic[];
  try {
    const loaded = loadEdition(dir);
    checkEdition(loaded.edition, loaded.diagnostics);
    diagnostics = loaded.diagnostics.items;
  } catch (e) {
    // The loader stops before the text checks when the files themselves are broken.
    if (!(e instanceof ContentError)) throw e;
    diagnostics = e.diagnostics;
  }
  return [...diagnostics].sort(byPosition);
}

/**
 * Check the edition in `dir` and print each problem, then a summary line, through `print`
 * (plain text unless colours are given).
 */
export function runCheck(dir: string, print: (text: string) => void, colours: Colors = pc.createColors(false)): CheckSummary {
  const diagnostics = checkDiagnostics(dir);
  const sources = new SourceTexts();
  for (const d of diagnostics) print(paintDiagnostic(formatWithExcerpt(d, sources), d, colours));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  print(paintSummary(messages().check.summary(dir, errors, warnings), errors, warnings, colours));
  return { errors, warnings };
}
