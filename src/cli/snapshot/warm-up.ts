/**
 * The startup snapshot's warm-up: a build of the sample edition and a proof of one of its 分目,
 * run before the heap is saved (./entry.ts), in a copy in a temporary folder.
 *
 * A function V8 has not run yet is parsed and compiled to bytecode when first called: a proof
 * from a snapshot without this compiled 919 functions of composition, layout and PDF code on
 * first use, 45 ms by V8's log (docs/performance.md, "Starting from a snapshot"). The snapshot
 * keeps the bytecode (and the call sites' type feedback) of every function that ran before it
 * was saved, so a command from it starts with that done. It keeps none of the run's data: the
 * fonts it opened, the subject index's table of readings and the buffer that large files are
 * read through are forgotten here, and the scratch that outlives a paragraph lets go of it
 * (src/typeset/finalize.ts).
 *
 * A warm-up that fails (the sample edited into an error, say) leaves the snapshot as it would
 * be without it, only slower to run, and says so on stderr, which make.ts passes on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { forgetReadings } from '../../book-index/readings.js';
import { build } from '../../build.js';
import { forgetBlockBuffer } from '../../content/read-at.js';
import { forgetOpenedFonts } from '../../fonts/font-config.js';
import { proof } from '../../proof/proof.js';

/** The sample edition (content/2019), and the 分目 whose proof is run. */
const SAMPLE = fileURLToPath(new URL('../../../content/2019', import.meta.url));
const SECTION = path.join('01-qunzhong-tuanti', '04-kexie');

export async function warmUp(sample = SAMPLE): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-warm-up-'));
  try {
    const edition = path.join(work, '2019');
    fs.cpSync(sample, edition, { recursive: true });
    const book = path.join(work, 'book.pdf');
    await build(edition, { output: book });
    await proof(path.join(edition, SECTION), { book, output: path.join(work, 'proof.pdf') });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    process.stderr.write(`the startup snapshot's warm-up, a build and a proof of ${sample}, failed (${why}): commands work, but start slower; run \`npm run compile\` again once that edition builds\n`);
  } finally {
    forgetOpenedFonts();
    forgetReadings();
    forgetBlockBuffer();
    fs.rmSync(work, { recursive: true, force: true });
  }
}
