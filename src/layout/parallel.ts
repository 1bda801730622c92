/**
 * Laying out 类目 on worker threads. A 类目 opens on a recto, so its pages do not depend on
 * where the book has got to: only their numbers do, and the running heads and folios that print
 * them. A worker lays out each 类目 it is given as from page 1; this thread puts the results in
 * book order, inserts the blank versos, renumbers, adds running heads and folios, and hands each
 * 类目 on as soon as it and all before it are done, while the workers go on.
 *
 * The pool is started before the content is read; each worker reads the 类目 it is given
 * itself, so the workers lay out while this thread reads and checks the whole edition and
 * writes the PDF. The PDF is byte for byte the one
 * a build on one thread writes (test/e2e/parallel-build.test.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Diagnostics, type Diagnostic } from '../content/diagnostics.js';
import { categoryFolders, entryCount } from '../content/load-edition.js';
import type { FontSet } from '../fonts/font-config.js';
import type { Category, Edition } from '../model/document.js';
import type { Template } from '../template/template.js';
import { workerCount } from '../worker-count.js';
import { layoutCategory, Pagination } from './book.js';
import { FlowBuilder } from './flow.js';
import { READ, TAKEN, type LayoutWork, type ReadCategory } from './layout-work.js';
import { fromTransfer, type TransferPage } from './transfer.js';
import type { Page } from './types.js';

const WORKER = new URL('./layout-worker.js', import.meta.url);

/**
 * worker_threads, loaded when a pool starts rather than with this module: loaded into the
 * startup snapshot (src/cli/snapshot), it keeps no main-thread state that a worker reads on
 * starting (Node 20), and every worker would fail.
 */
const workerThreads = () => createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads');

interface LayoutResult {
  folder: number;
  pages: TransferPage[];
  diagnostics: Diagnostic[];
}

/** A 类目's pages as from page 1, and what its layout reported. */
interface LaidOut {
  pages: Page[];
  diagnostics: Diagnostic[];
}

/**
 * Below this many entries a worker costs more than it saves: starting one (its code, the
 * fonts) takes about a second of CPU, and the main thread's own reading, checking and writing
 * set the pace. Measured on 2 cores, pairs with and without a worker (docs/performance.md),
 * at `5295673`: 2,720 entries (413 pages in 40 类目) about as fast; 5,440 (820 pages in 80 类目)
 * 0.1–0.2 s slower and 120 MiB more; 8,160 (1,146 pages in 40 类目) 0.4–1.6 s faster in six
 * pairs; 13,600 (2,044 pages in 200 类目) 2.4 s faster.
 */
const MIN_ENTRIES = 6000;

/**
 * Cores kept from layout workers: this thread's, which reads, checks and writes, and one for
 * V8's own threads (its optimising compiler and concurrent marking, about a third of a
 * core beside a build, and a worker brings its own). Since the main thread got faster, one
 * worker on 2 cores no longer paid at any size: 9.13 against 8.59 s at 2,044 pages, 7.36
 * against 6.82 s at 1,146 pages in 40 long 类目 (three pairs each, at `c087dfe`). So 2 cores
 * lay out on one thread, and bigger machines start workers on the cores beyond two.
 */
const KEPT_CORES = 2;

/**
 * Layout workers for an edition of these 类目 folders once they hold MIN_ENTRIES entries: as
 * many as the cores beyond KEPT_CORES (workerCount).
 */
export function layoutWorkerCount(categories: readonly string[]): number {
  return workerCount(categories.length, () => entryCount(categories, MIN_ENTRIES) >= MIN_ENTRIES, WORKER, process.env, KEPT_CORES);
}

export class LayoutPool {
  private readonly workers: Worker[];
  /** Shared with the workers: how many 类目 are taken, how many read (layout-worker.ts). */
  private readonly counters = new Int32Array(new SharedArrayBuffer(8));
  /** What the workers send back, by folder. */
  private readonly results: Deferred<LayoutResult>[];
  /** Each 类目 folder's place in `folders`. */
  private readonly folderIndex: Map<string, number>;
  /** The edition read was not the one listed at the start (a folder came or went meanwhile). */
  private changed = false;

  /**
   * Start layout workers for the edition, or undefined when that would not pay
   * (layoutWorkerCount). They load their code and fonts while this thread reads the edition,
   * and start on each 类目 as soon as it is read (`read`).
   */
  static start(editionDir: string): LayoutPool | undefined {
    const folders = categoryFolders(editionDir);
    const count = layoutWorkerCount(folders);
    return count > 0 ? new LayoutPool(editionDir, folders, count) : undefined;
  }

  private constructor(editionDir: string, private readonly folders: string[], count: number) {
    this.folderIndex = new Map(folders.map((dir, k) => [dir, k]));
    this.results = folders.map(() => deferred<LayoutResult>());
    const fail = (e: unknown) => this.results.forEach((r) => r.reject(e));
    const work: LayoutWork = { editionDir, count: folders.length, counters: this.counters };
    const { Worker } = workerThreads();
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(WORKER, { workerData: work });
      worker.on('message', (r: LayoutResult) => this.results[r.folder]!.resolve(r));
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (code !== 0) fail(new Error(`a layout worker stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** How many workers there are. */
  get size(): number {
    return this.workers.length;
  }

  /** Hand a 类目 just read (loadEdition's onCategory) to the workers. */
  read(category: Category, folder: number): void {
    if (this.folders[folder] !== path.dirname(category.source.file)) {
      this.changed = true;
      return;
    }
    for (const worker of this.workers) worker.postMessage({ folder, category } satisfies ReadCategory);
    Atomics.add(this.counters, READ, 1);
    Atomics.notify(this.counters, READ);
  }

  /**
   * Whether the workers' pages can be used: only when every 类目 opens on a recto (otherwise its
   * pages depend on the 类目 before it) and the 类目 read are those the pool was started with
   * (otherwise a worker may wait for one that never comes).
   */
  usable(edition: Edition, template: Template): boolean {
    return template.category_starts_recto && !this.changed && edition.categories.length === this.folders.length
      && edition.categories.every((c) => this.folderIndex.has(path.dirname(c.source.file)));
  }

  /**
   * As categoryPages (book.ts): each 类目's pages, blank verso first when needed, in book order.
   * While the 类目 whose turn it is is not laid out yet, this thread takes the next folder no
   * thread has taken and lays it out, keeping its pages until their turn; when none is left, it
   * waits for the worker that has it.
   */
  async *categoryPages(edition: Edition, template: Template, fonts: FontSet, diagnostics: Diagnostics): AsyncGenerator<Iterable<Page>> {
    const book = new Pagination(edition, template, new FlowBuilder(template, fonts, diagnostics), 1);
    const byFolder = new Map(edition.categories.map((c) => [path.dirname(c.source.file), c]));
    const here = new Map<number, LaidOut>();
    for (const [k, category] of edition.categories.entries()) {
      const index = this.folderIndex.get(path.dirname(category.source.file))!;
      while (!here.has(index) && !this.results[index]!.settled) {
        const mine = Atomics.add(this.counters, TAKEN, 1);
        if (mine >= this.folders.length) break;
        const own = new Diagnostics();
        here.set(mine, { pages: [...layoutCategory(byFolder.get(this.folders[mine]!)!, template, new FlowBuilder(template, fonts, own), 1)], diagnostics: own.items });
        // Let the workers' finished pages in before deciding again.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const laid = here.get(index) ?? await this.fromWorker(index, fonts);
      here.delete(index);
      diagnostics.items.push(...laid.diagnostics);
      yield book.place(category, (first) => {
        // `first` is odd (a recto): moving the pages by an even number keeps rectos rectos.
        // Structure keys (which lines make one paragraph or heading) were made per thread:
        // made unique per 类目.
        for (const page of laid.pages) {
          page.number += first - 1;
          page.label = String(page.number);
          for (const line of page.lines) if (line.struct) line.struct = `${k}/${line.struct}`;
        }
        return laid.pages;
      });
    }
  }

  private async fromWorker(index: number, fonts: FontSet): Promise<LaidOut> {
    const r = await this.results[index]!.promise;
    return { pages: fromTransfer(r.pages, fonts), diagnostics: r.diagnostics };
  }

  /** Stop the workers (when the build is done, or has failed). */
  async close(): Promise<void> {
    for (const worker of this.workers) worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  /** Resolved or rejected. */
  settled: boolean;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
  const d = { settled: false } as Deferred<T>;
  d.promise = new Promise<T>((resolve, reject) => {
    d.resolve = (value) => {
      d.settled = true;
      resolve(value);
    };
    d.reject = (reason) => {
      d.settled = true;
      reject(reason);
    };
  });
  // Results not waited for (the build stopped early) must not be unhandled rejections.
  d.promise.catch(() => {});
  return d;
}
