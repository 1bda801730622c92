/**
 * What the startup snapshot holds (bundled by ./make.ts): the command line and every module
 * its commands load, already set up, so that a Node started from the snapshot (bin/yearbook)
 * begins the command at once. The commands load these modules lazily (`import()`); importing
 * them here runs that work before the heap is saved. A module left out still works, set up on
 * first use. The importer is left out, set up by the command that imports. Packages few
 * commands use (fontkit, pinyin-pro, diff) are not bundled at all: they are loaded
 * from node_modules when asked for (../../load-when-asked.ts).
 * Preview's drawing is left out too: it loads pdfjs and a native canvas module with
 * `import()`, which a Node started from a snapshot cannot do, so `yearbook preview` proofs or
 * builds here and draws the pages in a process of its own (../commands/preview.ts). Every
 * command runs as its own process (../main.ts) when the snapshot no longer fits this build
 * (./snapshot-files.ts).
 */
import path from 'node:path';
import v8 from 'node:v8';
import '../../build.js';
import '../../check/run-check.js';
import { parseFontConfigForSnapshot } from '../../fonts/font-config.js';
import { parseTemplateForSnapshot, templatesDir } from '../../template/template.js';
import '../../edition/new-edition.js';
import '../../edition/write-tree.js';
import '../../proof/proof.js';
import '../../proof/watch.js';
import '../../schema-export/json-schemas.js';
import { runCli } from '../program.js';
import { currentStamp, readStamp, runAsOwnProcess, snapshotUnfit, startedFromSnapshot } from './snapshot-files.js';
import { warmUp } from './warm-up.js';

function main(args: string[]): void {
  const made = readStamp();
  const unfit = snapshotUnfit(made, currentStamp(made?.files));
  if (!unfit) {
    startedFromSnapshot();
    void runCli(args);
    return;
  }
  if (process.env.YEARBOOK_SNAPSHOT === '1') {
    console.error(`yearbook: YEARBOOK_SNAPSHOT=1, but ${unfit}`);
    process.exitCode = 1;
    return;
  }
  runAsOwnProcess(args);
}

// The default template and the font configuration are parsed here and kept with the digest of
// their text: a command whose file holds the same text takes them as they are (yaml-file.ts).
parseTemplateForSnapshot(path.join(templatesDir(), 'default.yaml'));
parseFontConfigForSnapshot();
// A build and a proof of the sample, which leave their code compiled (./warm-up.ts) and yaml,
// zod and markdown-it set up: the first YAML file read, schema checked and Markdown body parsed
// in a process cost 25–30 ms more than the next ones. Node saves the heap once the event loop
// has nothing left to do: after the warm-up.
void warmUp();

// In a Node started from a snapshot, process.argv is [node, ...the command's arguments].
v8.startupSnapshot.setDeserializeMainFunction(() => main(process.argv.slice(1)));
