/** `yearbook proof <path>`: a proof (校样) of one 类目, 分目 or 条目. */
import type { Command } from 'commander';
import path from 'node:path';
import { ContentError, formatDiagnostic } from '../../content/diagnostics.js';
import { proof, ROUNDS, type Round } from '../../proof/proof.js';
import { watchProof } from '../../proof/watch.js';

export function registerProof(program: Command): void {
  program
    .command('proof')
    .description('proof one 类目 or 分目 folder or one 条目 file: the book\'s own layout and page numbers, watermark, line numbers, report')
    .argument('<path>', 'a category or section folder, or an entry .md file, inside an edition')
    .option('-r, --round <round>', `proof round: ${Object.keys(ROUNDS).join(', ')}`, '1')
    .option('--date <yyyy-mm-dd>', 'date in the watermark (default: today)')
    .option('--diff <pdf>', 'mark lines changed since this earlier proof or build (with its .pages.json)')
    .option('-o, --output <file>', 'output PDF (default: out/proof/…)')
    .option('-w, --watch', 'stay running and set the proof again each time a file of the edition is saved')
    .action(async (target: string, opts: { round: string; date?: string; diff?: string; output?: string; watch?: boolean }) => {
      if (!(opts.round in ROUNDS)) program.error(`error: --round must be one of ${Object.keys(ROUNDS).join(', ')}`);
      const options = { round: opts.round as Round, ...(opts.date ? { date: opts.date } : {}), ...(opts.diff ? { diff: opts.diff } : {}), ...(opts.output ? { output: opts.output } : {}) };
      if (opts.watch) {
        watchProof(target, options, (r, ms) => {
          if (r instanceof ContentError) for (const d of r.diagnostics) console.error(formatDiagnostic(d));
          else if (r instanceof Error) console.error(`yearbook: ${r.message}`);
          else console.log(`${path.relative(process.cwd(), r.output)}: ${r.pages.length} pages set in ${ms.toFixed(0)} ms`);
        });
        return;
      }
      const result = await proof(target, options);
      const rel = (f: string) => path.relative(process.cwd(), f);
      const first = result.pages[0]?.number;
      const last = result.pages[result.pages.length - 1]?.number;
      console.log(`${rel(result.output)}: pages ${first}–${last}${result.pageNumbersKnown ? '' : ' (page numbers not known: build the book once)'}`);
      console.log(`${rel(result.report)}: ${result.findings.length} finding(s)`);
    });
}
