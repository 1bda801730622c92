#!/usr/bin/env node
/**
 * The `yearbook` command: one sub-command per file in ./commands.
 * Exit codes: 0 done; 1 the content or the input has errors (reported as file:line:col);
 * 2 the program was used wrongly (unknown command or option).
 */
import { Command } from 'commander';
import { ContentError, formatDiagnostic } from '../content/diagnostics.js';
import { registerBuild } from './commands/build.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerProof } from './commands/proof.js';
import { registerCheck } from './commands/check.js';

const program = new Command();
program
  .name('yearbook')
  .description('Typeset a Chinese yearbook (年鉴) edition into a print-ready PDF')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });

registerBuild(program);
registerNew(program);
registerImport(program);
registerProof(program);
registerCheck(program);

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ContentError) {
    for (const d of e.diagnostics) console.error(formatDiagnostic(d));
    console.error(`failed: ${e.diagnostics.filter((d) => d.severity === 'error').length} error(s)`);
  } else {
    console.error(`yearbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exitCode = 1;
});
