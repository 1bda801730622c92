/**
 * The `yearbook` command line: one sub-command per file in ./commands, run by ./main.ts, or
 * from the startup snapshot by ./snapshot/entry.ts.
 * Exit codes: 0 done; 1 the content or the input has errors (reported as file:line:col);
 * 2 the program was used wrongly (unknown command or option).
 * Messages and help in Chinese or English (./i18n.ts): `--lang zh|en`, else the locale.
 */
import { Command, Option } from 'commander';
import { ContentError } from '../content/diagnostics.js';
import { registerBuild } from './commands/build.js';
import { registerCheck } from './commands/check.js';
import { registerImport } from './commands/import.js';
import { registerNew } from './commands/new.js';
import { registerPreview } from './commands/preview.js';
import { registerProof } from './commands/proof.js';
import { registerSchema } from './commands/schema.js';
import { detectLanguage, helpConfiguration, LANGS, messages, setLanguage, translateCommanderError } from './i18n.js';
import { printDiagnostics, stderrColours, stdoutColours } from './output.js';

/** Run the command line on `args` (the arguments after the script's name). */
export async function runCli(args: string[]): Promise<void> {
  setLanguage(detectLanguage(args, process.env));
  const m = messages();

  const program = new Command();
  program
    .name('yearbook')
    .description(m.program)
    .addOption(new Option('--lang <lang>', m.langOption).choices(LANGS))
    .helpOption('-h, --help', m.helpOption)
    .helpCommand('help [command]', m.helpCommand)
    .configureHelp(helpConfiguration(stdoutColours().bold))
    .configureOutput({ outputError: (text, write) => write(stderrColours().red(translateCommanderError(text))) })
    .addHelpText('afterAll', m.exitCodes)
    .showHelpAfterError()
    .exitOverride((err) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    });

  registerBuild(program);
  registerNew(program);
  registerImport(program);
  registerProof(program);
  registerCheck(program);
  registerPreview(program);
  registerSchema(program);

  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (e: unknown) {
    const c = stderrColours();
    if (e instanceof ContentError) {
      printDiagnostics(e.diagnostics);
      console.error(c.red(m.failed(e.diagnostics.filter((d) => d.severity === 'error').length)));
    } else {
      console.error(c.red(`yearbook: ${e instanceof Error ? e.message : String(e)}`));
    }
    process.exitCode = 1;
  }
}
