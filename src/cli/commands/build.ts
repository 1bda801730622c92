/** `yearbook build <edition-dir>`: the whole book to a PDF. */
import type { Command } from 'commander';
import { build } from '../../build.js';
import { formatDiagnostic } from '../../content/diagnostics.js';

export function registerBuild(program: Command): void {
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
}
