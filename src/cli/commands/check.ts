/**
 * `yearbook check <edition-dir>`: every problem of an edition at once, as a compiler reports
 * them (file:line:column, severity, what to do, the source line with a caret), without building.
 * What the loader finds (YAML, schemas, order, figure files) and the text checks (src/check).
 * Exit code 1 when there is an error; warnings alone leave it 0.
 */
import type { Command } from 'commander';
import { messages } from '../i18n.js';
import { runJson, stdoutColours } from '../output.js';

export function registerCheck(program: Command): void {
  const m = messages();
  program
    .command('check')
    .description(m.check.description)
    .argument('<edition-dir>', m.build.editionArg)
    .option('--json', m.jsonOption)
    .action(async (dir: string, opts: { json?: boolean }) => {
      const { checkDiagnostics, runCheck } = await import('../../check/run-check.js');
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
