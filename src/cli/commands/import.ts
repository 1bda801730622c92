/** `yearbook import <text-file> --into <folder> [--dry-run]`: a printed chapter's text into entry files. */
import type { Command } from 'commander';
import { formatDiagnostic } from '../../content/diagnostics.js';
import { describeTrees } from '../../edition/write-tree.js';
import { planImport, writeImport } from '../../import/plan.js';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('turn the text of a printed chapter, as extracted from a PDF, into entry files (see docs/import.md)')
    .argument('<text-file>', 'the extracted text (UTF-8)')
    .requiredOption('--into <folder>', 'an edition folder (the chapter becomes a new 类目) or a 类目 folder (its 分目 are added)')
    .option('--dry-run', 'list the folders and files it would create and every place it was unsure of; write nothing')
    .action((file: string, opts: { into: string; dryRun?: boolean }) => {
      const plan = planImport(file, opts.into);
      if (opts.dryRun) for (const line of describeTrees(plan.trees)) console.log(line);
      for (const d of plan.diagnostics.items) console.error(formatDiagnostic(d));
      if (opts.dryRun) return;
      writeImport(plan);
      const entries = plan.chapter.sections.flatMap((s) => s.entries);
      const photos = entries.reduce((n, e) => n + e.figures.length, 0);
      console.log(`${plan.trees.map((t) => t.dir).join(', ')}: ${plan.chapter.sections.length} 分目, ${entries.length} 条目, ` +
        `${photos} photo(s) with placeholder images, ${plan.diagnostics.warnings.length} warning(s) to check`);
    });
}
