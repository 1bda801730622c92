/** `yearbook new <edition-dir> --from <previous-edition>`: next year's edition, same structure, 概况 to write. */
import type { Command } from 'commander';
import { messages } from '../i18n.js';
import { printDiagnostics } from '../output.js';

export function registerNew(program: Command): void {
  const m = messages().new;
  program
    .command('new')
    .description(m.description)
    .argument('<edition-dir>', m.dir)
    .requiredOption('--from <previous-edition>', m.from)
    .action(async (dir: string, opts: { from: string }) => {
      const { createEdition, OVERVIEW_FILE } = await import('../../edition/new-edition.js');
      const created = createEdition(opts.from, dir);
      printDiagnostics(created.diagnostics.items);
      console.log(m.done(dir, created.year, created.toFill, OVERVIEW_FILE));
    });
}
