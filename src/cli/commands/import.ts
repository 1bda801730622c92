/** `yearbook import <text-file> --into <folder> [--dry-run]`: a printed chapter's text into entry files. */
import type { Command } from 'commander';
import { messages } from '../i18n.js';
import { printDiagnostics } from '../output.js';

export function registerImport(program: Command): void {
  const m = messages().import;
  program
    .command('import')
    .description(m.description)
    .argument('<text-file>', m.file)
    .requiredOption('--into <folder>', m.into)
    .option('--dry-run', m.dryRun)
    .action(async (file: string, opts: { into: string; dryRun?: boolean }) => {
      const { describeTrees } = await import('../../edition/write-tree.js');
      const { planImport, writeImport } = await import('../../import/plan.js');
      const plan = planImport(file, opts.into);
      if (opts.dryRun) for (const line of describeTrees(plan.trees)) console.log(line);
      printDiagnostics(plan.diagnostics.items);
      if (opts.dryRun) return;
      writeImport(plan);
      const entries = plan.chapter.sections.flatMap((s) => s.entries);
      const photos = entries.reduce((n, e) => n + e.figures.length, 0);
      console.log(m.done(plan.trees.map((t) => t.dir).join(', '), plan.chapter.sections.length, entries.length, photos, plan.diagnostics.warnings.length));
    });
}
