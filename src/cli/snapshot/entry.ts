/**
 * What the startup snapshot holds (bundled by ./make.ts): the command line and every module
 * its commands load, already set up, so that a Node started from the snapshot (bin/yearbook)
 * begins the command at once. The commands load these modules lazily (`import()`); importing
 * them here runs that work before the heap is saved. A module left out still works, set up on
 * first use. The importer is left out: it names folders with pinyin-pro, whose dictionaries,
 * set up, took half the time every command spent deserialising the snapshot (45 of 100 ms).
 * Preview's drawing is left out too: it loads pdfjs and a native canvas module with
 * `import()`, which a Node started from a snapshot cannot do, so `yearbook preview` proofs or
 * builds here and draws the pages in a process of its own (../commands/preview.ts). Every
 * command runs as its own process (../main.ts) when the snapshot no longer fits this build
 * (./snapshot-files.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import v8 from 'node:v8';
import 'diff';
import '../../build.js';
import '../../check/run-check.js';
import { Diagnostics } from '../../content/diagnostics.js';
import { parseBody } from '../../content/markdown.js';
import { categorySchema, editionSchema, entrySchema, sectionSchema } from '../../content/schema.js';
import { readYaml } from '../../content/yaml-file.js';
import { parseFontConfigForSnapshot } from '../../fonts/font-config.js';
import { parseTemplateForSnapshot, templatesDir } from '../../template/template.js';
import '../../edition/new-edition.js';
import '../../edition/write-tree.js';
import '../../proof/proof.js';
import '../../proof/watch.js';
import '../../schema-export/json-schemas.js';
import { runCli } from '../program.js';
import { MAIN, currentStamp, readStamp, snapshotUnfit, startedFromSnapshot } from './snapshot-files.js';

function main(args: string[]): void {
  const unfit = snapshotUnfit(readStamp(), currentStamp());
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
  const r = spawnSync(process.execPath, [MAIN, ...args], { stdio: 'inherit' });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exitCode = r.status ?? 1;
}

// The first YAML file read, schema checked and Markdown body parsed in a process cost 25–30
// ms more than the next ones: yaml, zod (which writes each schema's parser when first used)
// and markdown-it (its rule chains) set themselves up. Done here, that is saved too. The
// default template and the font configuration are parsed here and kept with the digest of
// their text: a command whose file holds the same text takes them as they are (yaml-file.ts).
const warm = (text: string) => ({ file: 'snapshot.md', text, firstLine: 1 });
readYaml(warm('title: 上城年鉴\nyear: 2019\n'), editionSchema, new Diagnostics());
readYaml(warm('title: 群众团体\ntitle_en: Mass Organizations\n'), categorySchema, new Diagnostics());
readYaml(warm('title: 上城区总工会\nbyline: 刘乃华\n'), sectionSchema, new Diagnostics());
readYaml(warm('title: 概况\nfigures:\n  - image: images/1.png\n    caption: "2018 年，上城"\n    credit: 区总工会\n'), entrySchema, new Diagnostics());
parseBody(warm('2018年，**上城区**有*基层*工会。\n\n::: 资料\n1. 一\n:::\n'), new Diagnostics());
parseTemplateForSnapshot(path.join(templatesDir(), 'default.yaml'));
parseFontConfigForSnapshot();

// In a Node started from a snapshot, process.argv is [node, ...the command's arguments].
v8.startupSnapshot.setDeserializeMainFunction(() => main(process.argv.slice(1)));
