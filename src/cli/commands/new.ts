/** `yearbook new <edition-dir> --from <previous-edition>`: next year's edition, same structure, 概况 to write. */
import type { Command } from 'commander';
import { formatDiagnostic } from '../../content/diagnostics.js';
import { createEdition, OVERVIEW_FILE } from '../../edition/new-edition.js';

export function registerNew(program: Command): void {
  program
    .command('new')
    .description('start an edition with the 类目 and 分目 of the previous one and an empty 概况 in each 分目')
    .argument('<edition-dir>', 'the new edition folder (must not exist)')
    .requiredOption('--from <previous-edition>', 'the edition folder to take the structure from')
    .action((dir: string, opts: { from: string }) => {
      const created = createEdition(opts.from, dir);
      for (const d of created.diagnostics.items) console.error(formatDiagnostic(d));
      console.log(`${dir}: edition ${created.year}; write the ${created.toFill} 概况 entries (${OVERVIEW_FILE}): ` +
        'until they have text, the build stops on them');
    });
}
