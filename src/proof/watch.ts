/**
 * proof --watch: typeset the proof again whenever a file of the edition is saved. The process
 * stays up, so fonts, the template and every paragraph composed before are reused (the
 * composition cache): only the paragraphs that changed are set again. The proof is written
 * without deflating its streams: deflating the font programs was a sixth of each new proof,
 * and this PDF is rewritten on every save (a one-shot proof is deflated as usual).
 */
import fs from 'node:fs';
import { enableCompositionCache } from '../typeset/cache.js';
import { proof, type ProofOptions, type ProofResult } from './proof.js';
import { findTarget } from './target.js';

/** Saves arriving within this many ms are one change (editors write a file in a burst of steps). */
const SETTLE_MS = 10;

export function watchProof(target: string, options: ProofOptions, report: (r: ProofResult | Error, ms: number) => void): fs.FSWatcher {
  const { editionDir } = findTarget(target);
  enableCompositionCache();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const started = performance.now();
    try {
      report(await proof(target, { ...options, compress: false }), performance.now() - started);
    } catch (e) {
      report(e as Error, performance.now() - started);
    }
    running = false;
    if (again) {
      again = false;
      void run();
    }
  };
  const watcher = fs.watch(editionDir, { recursive: true }, (_event, file) => {
    if (!file || !/\.(md|yaml|png|jpe?g)$/i.test(String(file))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), SETTLE_MS);
  });
  void run();
  return watcher;
}
