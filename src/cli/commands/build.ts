/** `yearbook build`, `yearbook archive`: the book, the printer's PDF, the archive copy. */
import type { Command } from 'commander';
import type { BuildResult, OutputKind } from '../../build.js';
import type { Diagnostic } from '../../content/diagnostics.js';
import { messages } from '../i18n.js';
import { printDiagnostics, runJson, shownPath, stdoutColours } from '../output.js';
import { buildProgress } from '../progress.js';

export interface BuiltOne {
  dir: string;
  result: BuildResult;
  seconds: number;
}

/** Build one edition, with the progress bar on a terminal; prints nothing else. */
export async function buildWithProgress(dir: string, kind: OutputKind, output: string | undefined, showProgress: boolean): Promise<BuiltOne> {
  // process.hrtime, not performance.now(): the global `performance` loads Node's perf_hooks on
  // first use, modules compiled at run time (about 2 ms of the sample's build).
  const started = process.hrtime.bigint();
  const progress = showProgress ? buildProgress() : { onProgress: undefined, stop: () => {} };
  try {
    const { build } = await import('../../build.js');
    const result = await build(dir, { kind, ...(output ? { output } : {}), ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
    return { dir, result, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  } finally {
    progress.stop();
  }
}

/** The summary lines of a build (the PDF, its pages and time; the manifest of an archive). */
export function buildSummary(built: BuiltOne): string[] {
  const m = messages().build;
  const { result } = built;
  const lines = [m.done(shownPath(result.output), result.pages.length, built.seconds.toFixed(2))];
  if (result.manifest) lines.push(m.manifest(shownPath(result.manifest)));
  return lines;
}

/** The `result` of `build --json` / `archive --json` for one edition. */
function jsonBuild(built: BuiltOne) {
  const { result } = built;
  return {
    edition: result.edition.id,
    dir: built.dir,
    output: shownPath(result.output),
    pages: result.pages.length,
    layoutWorkers: result.layoutWorkers,
    seconds: Number(built.seconds.toFixed(3)),
    ...(result.manifest ? { manifest: shownPath(result.manifest) } : {}),
  };
}

async function run(editions: () => string[], kind: OutputKind, output: string | undefined, json: boolean, command: string): Promise<void> {
  if (json) {
    await runJson(command, async () => {
      const builds: BuiltOne[] = [];
      for (const d of editions()) builds.push(await buildWithProgress(d, kind, output, false));
      const diagnostics: Diagnostic[] = builds.flatMap((b) => b.result.warnings);
      return { result: { builds: builds.map(jsonBuild) }, diagnostics };
    });
    return;
  }
  const c = stdoutColours();
  for (const d of editions()) {
    const built = await buildWithProgress(d, kind, output, true);
    printDiagnostics(built.result.warnings);
    for (const line of buildSummary(built)) console.log(c.green(line));
  }
}

export function registerBuild(program: Command): void {
  const m = messages();
  const command = program
    .command('build')
    .description(m.build.description)
    .argument('[edition-dir]', m.build.editionArg)
    .option('-o, --output <file>', m.build.output)
    .option('--print', m.build.print)
    .option('--all [content-dir]', m.build.all)
    .option('--json', m.jsonOption)
    .action(async (dir: string | undefined, opts: { output?: string; print?: boolean; all?: string | boolean; json?: boolean }) => {
      const kind: OutputKind = opts.print ? 'print' : 'book';
      if (opts.all) {
        const { editionDirs } = await import('../../build.js');
        await run(() => editionDirs(typeof opts.all === 'string' ? opts.all : 'content'), kind, undefined, opts.json === true, 'build');
        return;
      }
      if (!dir) command.error(m.build.needEdition);
      await run(() => [dir!], kind, opts.output, opts.json === true, 'build');
    });

  program
    .command('archive')
    .description(m.archive.description)
    .argument('<edition-dir>', m.build.editionArg)
    .option('-o, --output <file>', m.archive.output)
    .option('--json', m.jsonOption)
    .action(async (dir: string, opts: { output?: string; json?: boolean }) => run(() => [dir], 'archive', opts.output, opts.json === true, 'archive'));
}
