/**
 * `yearbook schema [--out schemas] [--check]`: the JSON Schemas for editors (completion and
 * checking of edition.yaml, category.yaml, section.yaml, entry front matter and templates),
 * made from the zod schemas the build validates with. See docs/editor-support.md.
 */
import type { Command } from 'commander';
import { messages } from '../i18n.js';
import { shownPath, stderrColours, stdoutColours } from '../output.js';

export function registerSchema(program: Command): void {
  const m = messages().schema;
  program
    .command('schema')
    .description(m.description)
    .option('--out <dir>', m.out, 'schemas')
    .option('--check', m.check)
    .action(async (opts: { out: string; check?: boolean }) => {
      const { SCHEMA_FILES, staleJsonSchemas, writeJsonSchemas } = await import('../../schema-export/json-schemas.js');
      if (opts.check) {
        const stale = staleJsonSchemas(opts.out);
        if (stale.length > 0) {
          console.error(stderrColours().red(m.stale(stale.map((f) => shownPath(f)).join(', '))));
          process.exitCode = 1;
          return;
        }
        console.log(stdoutColours().green(m.upToDate(shownPath(opts.out), SCHEMA_FILES.length)));
        return;
      }
      const written = writeJsonSchemas(opts.out);
      console.log(stdoutColours().green(m.written(shownPath(opts.out), written.length)));
    });
}
