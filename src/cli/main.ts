#!/usr/bin/env node
/**
 * The `yearbook` command.
 */
import { Command } from 'commander';
import { build } from '../build.js';
import { ContentError, formatDiagnostic } from '../content/diagnostics.js';

const program = new Command();
program
  .name('yearbook')
  .description('Typeset a Chinese yearbook (年鉴) edition into a print-ready PDF')
  .showHelpAfterError();

program
  .command('build')
  .description('build an edition folder (e.g. content/2019) into a PDF')
  .argument('<edition-dir>', 'the edition folder, holding edition.yaml')
  .option('-o, --output <file>', 'output PDF (default: out/<edition>.pdf)')
  .action(async (dir: string, opts: { output?: string }) => {
    const started = performance.now();
    const result = await build(dir, opts);
    for (const w of result.warnings) console.error(formatDiagnostic(w));
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    console.log(`${result.output}: ${result.pages.length} pages in ${seconds} s`);
  });

program.parseAsync().catch((e: unknown) => {
  if (e instanceof ContentError) {
    for (const d of e.diagnostics) console.error(formatDiagnostic(d));
    console.error(`build failed: ${e.diagnostics.filter((d) => d.severity === 'error').length} error(s)`);
  } else {
    console.error(`yearbook: ${e instanceof Error ? e.message : String(e)}`);
  }
  process.exitCode = 1;
});
