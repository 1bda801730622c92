/** `yearbook build`, `yearbook archive`: the book, the printer's PDF, the archive copy. */
import type { Command } from 'commander';
import path from 'node:path';
import { build, editionDirs, type OutputKind } from '../../build.js';
import { formatDiagnostic } from '../../content/diagnostics.js';

async function buildOne(dir: string, kind: OutputKind, output: string | undefined): Promise<void> {
  const started = performance.now();
  const result = await build(dir, { kind, ...(output ? { output } : {}) });
  for (const w of result.warnings) console.error(formatDiagnostic(w));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`${path.relative(process.cwd(), result.output) || result.output}: ${result.pages.length} pages in ${seconds} s`);
  if (result.manifest) console.log(`${path.relative(process.cwd(), result.manifest)}: manifest`);
}

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build an edition folder (e.g. content/2019) into a PDF in out/')
    .argument('[edition-dir]', 'the edition folder, holding edition.yaml')
    .option('-o, --output <file>', 'output PDF (default: out/<edition>.pdf, out/<edition>-print.pdf with --print)')
    .option('--print', "the printer's PDF: 3 mm bleed, TrimBox/BleedBox, crop marks, K-only overprinting black")
    .option('--all [content-dir]', 'build every edition under content-dir (default: content)')
    .action(async (dir: string | undefined, opts: { output?: string; print?: boolean; all?: string | boolean }) => {
      const kind: OutputKind = opts.print ? 'print' : 'book';
      if (opts.all) {
        for (const d of editionDirs(typeof opts.all === 'string' ? opts.all : 'content')) await buildOne(d, kind, undefined);
        return;
      }
      if (!dir) program.error('error: give an edition folder, or --all');
      await buildOne(dir!, kind, opts.output);
    });

  program
    .command('archive')
    .description('build the archive copy: PDF/A-2u with XMP metadata, and a manifest of every input with its SHA-256')
    .argument('<edition-dir>', 'the edition folder, holding edition.yaml')
    .option('-o, --output <file>', 'output PDF (default: out/<edition>-archive.pdf)')
    .action(async (dir: string, opts: { output?: string }) => buildOne(dir, 'archive', opts.output));
}
