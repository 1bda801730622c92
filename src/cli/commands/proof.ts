/** `yearbook proof <path>`: a proof (校样) of one 类目, 分目 or 条目. */
import type { Command } from 'commander';
import type { ProofOptions, ProofResult } from '../../proof/proof.js';
import { ROUNDS, type Round } from '../../proof/rounds.js';
import { ContentError } from '../../content/diagnostics.js';
import { holdForShortCommand } from '../../short-command.js';
import { messages } from '../i18n.js';
import { printDiagnostics, runJson, shownPath, stderrColours, stdoutColours } from '../output.js';

export function proofSummary(result: ProofResult): string[] {
  const m = messages().proof;
  const first = result.pages[0]?.number;
  const last = result.pages[result.pages.length - 1]?.number;
  return [
    m.pages(shownPath(result.output), first ?? '?', last ?? '?', result.pageNumbersKnown),
    m.findings(shownPath(result.report), result.findings.length),
  ];
}

export function registerProof(program: Command): void {
  const m = messages();
  const rounds = Object.entries(ROUNDS).map(([k, v]) => `${k} ${v}`);
  const command = program
    .command('proof')
    .description(m.proof.description)
    .argument('<path>', m.proof.target)
    .option('-r, --round <round>', m.proof.round(rounds), '1')
    .option('--date <yyyy-mm-dd>', m.proof.date)
    .option('--diff <pdf>', m.proof.diff)
    .option('-o, --output <file>', m.proof.output)
    .option('-w, --watch', m.proof.watch)
    .option('--json', m.jsonOption)
    .action(async (target: string, opts: { round: string; date?: string; diff?: string; output?: string; watch?: boolean; json?: boolean }) => {
      if (!(opts.round in ROUNDS)) command.error(m.proof.badRound(Object.keys(ROUNDS)));
      const options: ProofOptions = { round: opts.round as Round, ...(opts.date ? { date: opts.date } : {}), ...(opts.diff ? { diff: opts.diff } : {}), ...(opts.output ? { output: opts.output } : {}) };
      if (opts.watch) {
        await watch(target, options);
        return;
      }
      // A proof of one 分目 is over before TurboFan's code or a grown young generation would
      // pay (proof --watch, which proofs again on every save, keeps both).
      holdForShortCommand();
      const { proof } = await import('../../proof/proof.js');
      if (opts.json) {
        await runJson('proof', async () => {
          const result = await proof(target, options);
          return {
            result: {
              output: shownPath(result.output),
              report: shownPath(result.report),
              pages: result.pages.map((p) => p.number),
              pageNumbersKnown: result.pageNumbersKnown,
              findings: result.findings,
            },
            diagnostics: [],
          };
        });
        return;
      }
      const result = await proof(target, options);
      const c = stdoutColours();
      const [pages, findings] = proofSummary(result);
      console.log(result.pageNumbersKnown ? c.green(pages!) : c.yellow(pages!));
      console.log(result.findings.length > 0 ? c.yellow(findings!) : c.green(findings!));
    });
}

/** proof --watch: one line per new proof, the content's problems as diagnostics; runs until stopped. */
async function watch(target: string, options: ProofOptions): Promise<void> {
  const m = messages().proof;
  const { watchProof } = await import('../../proof/watch.js');
  const watcher = watchProof(target, options, (r, ms) => {
    if (r instanceof ContentError) printDiagnostics(r.diagnostics);
    else if (r instanceof Error) console.error(stderrColours().red(`yearbook: ${r.message}`));
    else console.log(stdoutColours().green(m.rewritten(shownPath(r.output), r.pages.length, ms.toFixed(0))));
  });
  console.log(m.watching(shownPath(target)));
  await new Promise<void>((resolve) => watcher.on('close', resolve));
}
