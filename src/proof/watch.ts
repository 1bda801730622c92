/**
 * proof --watch: typeset the proof again whenever a file of the edition, a template or the font
 * configuration is saved. The process stays up, so fonts, the template, every file read and
 * every paragraph composed before are reused (the file and composition caches): only the
 * files the watcher reports changed are read again, and only the paragraphs that changed are
 * set again, so a save in a 类目 of 193 pages costs little more than in one of 10 (a median of
 * 65 against 50 ms in the bench at 3459e76; docs/performance.md). After each proof the kept
 * files are compared with the disk, in case the watcher missed a change. The proof is written
 * without deflating its streams: deflating the font programs was a sixth of each new proof,
 * and this PDF is rewritten on every save (a one-shot proof is deflated as usual).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enableFileCaches, fileChanged, findChangedFiles, forgetAll } from '../content/file-cache.js';
import { fontsDir } from '../fonts/font-config.js';
import { templatesDir } from '../template/template.js';
import { enableCompositionCache } from '../typeset/cache.js';
import { proof, type ProofOptions, type ProofResult } from './proof.js';
import { findTarget } from './target.js';

/** Saves arriving within this many ms are one change (editors write a file in a burst of steps). */
const SETTLE_MS = 10;

/**
 * Proofs set again after the first, before any save, into a scratch folder (a viewer showing
 * the proof does not reload): V8 optimises the code a save runs only over its first few runs,
 * and without these the first saves took 110–150 ms instead of 60–90.
 */
const WARM_UP_RUNS = 6;

const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function watchProof(target: string, options: ProofOptions, report: (r: ProofResult | Error, ms: number) => void): fs.FSWatcher {
  const { editionDir } = findTarget(target);
  enableFileCaches();
  enableCompositionCache();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  /** Set the proof again once the files have been quiet for SETTLE_MS. */
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  };
  const run = async (warmUp = false) => {
    if (running) {
      if (!warmUp) again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      const result = await proof(target, { ...options, compress: false, ...(warmUp ? { output: path.join(scratch(), 'warm-up.pdf') } : {}) });
      if (!warmUp) report(result, performance.now() - started);
    } catch (e) {
      if (!warmUp) report(e as Error, performance.now() - started);
    }
    running = false;
    if (again) {
      again = false;
      void run();
    } else if (!warmUp && (await findChangedFiles()).length > 0 && !closed) {
      schedule();
    }
  };
  const watcher = fs.watch(editionDir, { recursive: true }, (_event, file) => {
    if (file) fileChanged(path.join(editionDir, String(file)));
    else forgetAll();
    // Content files, and folders (no extension: a 分目 added, removed or renamed).
    if (file && !/\.(md|yaml|png|jpe?g)$/i.test(String(file)) && path.extname(String(file)) !== '') return;
    schedule();
  });
  // The templates and the font configuration lie outside the edition; what was read of them is
  // compared with the disk on each use, so a save there only needs to set the proof again. A
  // folder that cannot be watched (the system's limit of watches reached) is left unwatched:
  // its files are still compared on each proof.
  const outside = [templatesDir(), fontsDir()].flatMap((dir) => {
    try {
      const w = fs.watch(dir, (_event, file) => {
        if (!file || /\.ya?ml$/i.test(String(file))) schedule();
      });
      return [w.on('error', () => w.close())];
    } catch {
      return [];
    }
  });
  let closed = false;
  let scratchDir: string | undefined;
  const scratch = () => (scratchDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-watch-')));
  const removeScratch = () => {
    if (scratchDir) fs.rmSync(scratchDir, { recursive: true, force: true });
    scratchDir = undefined;
  };
  // Without a listener, Ctrl-C or a kill during the warm-up would stop the process at once and
  // leave the scratch folder behind. With one, the signal waits for the warm-up (whose proofs
  // do not return to the event loop), the folder is removed, and the signal raised again stops
  // the process as usual, its listener gone. The listeners stay as long as the watch: one
  // removed while a signal waits would lose the signal.
  const stopped = (signal: NodeJS.Signals) => {
    removeScratch();
    process.kill(process.pid, signal);
  };
  for (const signal of STOP_SIGNALS) process.once(signal, stopped);
  watcher.on('close', () => {
    closed = true;
    for (const w of outside) w.close();
    for (const signal of STOP_SIGNALS) process.off(signal, stopped);
  });
  void (async () => {
    await run();
    for (let k = 0; k < WARM_UP_RUNS && !closed; k++) await run(true);
    removeScratch();
  })();
  return watcher;
}
