/**
 * `yearbook check <edition-dir>`: every problem of an edition at once, as a compiler reports
 * them (file:line:column, severity, what to do, the source line with a caret), without building.
 * What the loader finds (YAML, schemas, order, figure files) and the text checks (src/check).
 * Exit code 1 when there is an error; warnings alone leave it 0.
 */
import type { Command } from 'commander';
import pc from 'picocolors';
import { checkEdition, byPosition } from '../../check/check-edition.js';
import { formatWithExcerpt } from '../../check/excerpt.js';
import { SourceTexts } from '../../check/source-text.js';
import { ContentError, type Diagnostic } from '../../content/diagnostics.js';
import { loadEdition } from '../../content/load-edition.js';
import { messages } from '../i18n.js';
import { paintDiagnostic, paintSummary, runJson, stdoutColours, type Colors } from '../output.js';

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

export function registerCheck(program: Command): void {
  const m = messages();
  program
    .command('check')
    .description(m.check.description)
    .argument('<edition-dir>', m.build.editionArg)
    .option('--json', m.jsonOption)
    .action(async (dir: string, opts: { json?: boolean }) => {
      if (opts.json) {
        await runJson('check', () => {
          const diagnostics = checkDiagnostics(dir);
          return { result: { edition: dir }, diagnostics };
        });
        return;
      }
      const { errors } = runCheck(dir, (text) => console.log(text), stdoutColours());
      if (errors > 0) process.exitCode = 1;
    });
}
