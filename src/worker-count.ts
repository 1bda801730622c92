/**
 * How many worker threads a stage that can use them starts (layout/parallel.ts for 类目,
 * preview/preview.ts for page images).
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Workers for `units` of work: YEARBOOK_WORKERS=n asks for n (0: none); otherwise one fewer
 * than the cores (this thread works too) once there are `enough` units, below which starting
 * one costs more than it saves. None for fewer than two units, or when running from the
 * TypeScript sources (the tests run the compiled program for this), where there is no
 * compiled `worker` to start.
 */
export function workerCount(units: number, enough: number, worker: URL, env: NodeJS.ProcessEnv = process.env): number {
  if (units < 2 || !fs.existsSync(fileURLToPath(worker))) return 0;
  const asked = env.YEARBOOK_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), units);
  return units >= enough ? Math.min(os.availableParallelism() - 1, units) : 0;
}
