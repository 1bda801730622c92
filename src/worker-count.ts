/**
 * How many worker threads a stage that can use them starts (layout/parallel.ts for 类目,
 * preview/preview.ts for page images).
 */
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * Workers for `units` of work (no more than one a unit): YEARBOOK_WORKERS=n asks for n (0:
 * none); otherwise as many as the cores beyond the `kept` ones (this thread's, by default)
 * where `pays` says the work is enough to pay for starting them. None for fewer than two
 * units, or when running from the TypeScript sources (the tests run the compiled program for
 * this), where there is no compiled `worker` to start.
 */
export function workerCount(units: number, pays: () => boolean, worker: URL, env: NodeJS.ProcessEnv = process.env, kept = 1): number {
  if (units < 2 || !fs.existsSync(fileURLToPath(worker))) return 0;
  const asked = env.YEARBOOK_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), units);
  const spare = os.availableParallelism() - kept;
  return spare > 0 && pays() ? Math.min(spare, units) : 0;
}
