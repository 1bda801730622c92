/**
 * `yearbook check <edition-dir>`: every problem of an edition at once, as a compiler reports
 * them (file:line:column, severity, what to do, the source line with a caret), without building.
 * What the loader finds (YAML, schemas, order, figure files) and the text checks (src/check).
 * Exit code 1 when there is an error; warnings alone leave it 0.
 */
import type { Command } from 'commander';
import { checkEdition, byPosition } from '../../check/check-edition.js';
import { formatWithExcerpt } from '../../check/excerpt.js';
import { SourceTexts } from '../../check/source-text.js';
import { ContentError, type Diagnostic } from '../../content/diagnostics.js';
import { loadEdition } from '../../content/load-edition.js';

export interface CheckSummary {
  errors: number;
  warnings: number;
}

/** Check the edition in `dir` and print each problem, then a summary line, through `print`. */
export function runCheck(dir: string, print: (text: string) => void): CheckSummary {
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
  const sources = new SourceTexts();
  for (const d of [...diagnostics].sort(byPosition)) print(formatWithExcerpt(d, sources));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  print(`${dir}: ${errors} error(s), ${warnings} warning(s)`);
  return { errors, warnings };
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check an edition folder (e.g. content/2019) without building it: every problem at once')
    .argument('<edition-dir>', 'the edition folder, holding edition.yaml')
    .action((dir: string) => {
      const { errors } = runCheck(dir, (text) => console.log(text));
      if (errors > 0) process.exitCode = 1;
    });
}
