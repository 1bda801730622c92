/**
 * A layout worker thread (src/layout/parallel.ts). It opens the fonts and the edition's
 * template when it starts, then takes 类目 one by one until none is left (an atomic add on the
 * shared count of 类目 taken), lays each out as from page 1, and sends back its pages and the
 * diagnostics the layout made (characters set from a fallback face, characters no face has).
 * The 类目 themselves come from the main thread as it reads them; a worker that is ahead of
 * the reading waits for the one it has taken.
 */
import path from 'node:path';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { Diagnostics } from '../content/diagnostics.js';
import { EDITION_FILE } from '../content/edition-files.js';
import { readText } from '../content/load-edition.js';
import { editionSchema } from '../content/schema.js';
import { readYaml } from '../content/yaml-file.js';
import { loadFonts } from '../fonts/font-config.js';
import type { Category } from '../model/document.js';
import { loadTemplate } from '../template/template.js';
import { layoutCategory } from './book.js';
import { FlowBuilder } from './flow.js';
import { READ, TAKEN, type LayoutWork, type ReadCategory } from './layout-work.js';
import { toTransfer } from './transfer.js';

const { editionDir, count, counters } = workerData as LayoutWork;
const editionFile = path.join(editionDir, EDITION_FILE);
const meta = readYaml({ file: editionFile, text: readText(editionFile), firstLine: 1 }, editionSchema, new Diagnostics());
const template = loadTemplate(meta?.template ?? 'default', meta?.template_version);
const fonts = loadFonts();
const read = new Map<number, Category>();

/** The 类目 in folder `folder`, waiting until the main thread has read it. */
function categoryAt(folder: number): Category {
  for (;;) {
    const sent = Atomics.load(counters, READ);
    for (let m = receiveMessageOnPort(parentPort!); m; m = receiveMessageOnPort(parentPort!)) {
      const r = m.message as ReadCategory;
      read.set(r.folder, r.category);
    }
    const category = read.get(folder);
    if (category) return category;
    Atomics.wait(counters, READ, sent, 100);
  }
}

for (let folder = Atomics.add(counters, TAKEN, 1); folder < count; folder = Atomics.add(counters, TAKEN, 1)) {
  const diagnostics = new Diagnostics();
  const pages = [...layoutCategory(categoryAt(folder), template, new FlowBuilder(template, fonts, diagnostics), 1)];
  read.delete(folder);
  parentPort!.postMessage({ folder, pages: toTransfer(pages), diagnostics: diagnostics.items });
}
