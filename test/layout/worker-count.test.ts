/** How many workers a stage starts (src/worker-count.ts). */
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/worker-count.js';

describe('workerCount', () => {
  // Any file that exists stands for the compiled worker.
  const worker = new URL(import.meta.url);
  const cores = os.availableParallelism();

  it('starts one on each core beyond the ones kept, where the work pays, and no more than one a unit', () => {
    expect(workerCount(100, () => true, worker, {}, cores - 1)).toBe(1);
    expect(workerCount(100, () => true, worker, {}, cores - 3)).toBe(3);
    expect(workerCount(2, () => true, worker, {}, cores - 3)).toBe(2);
    expect(workerCount(100, () => false, worker, {}, cores - 1)).toBe(0);
  });

  it('starts none, and does not weigh the work, where no core is spare', () => {
    let asked = false;
    expect(workerCount(100, () => (asked = true), worker, {}, cores)).toBe(0);
    expect(asked).toBe(false);
  });

  it('starts what YEARBOOK_WORKERS asks for, up to one a unit; none for one unit or no compiled worker', () => {
    expect(workerCount(100, () => false, worker, { YEARBOOK_WORKERS: '3' }, cores)).toBe(3);
    expect(workerCount(2, () => false, worker, { YEARBOOK_WORKERS: '3' })).toBe(2);
    expect(workerCount(1, () => true, worker, { YEARBOOK_WORKERS: '3' })).toBe(0);
    expect(workerCount(100, () => true, new URL('file:///no/such/worker.js'), { YEARBOOK_WORKERS: '3' })).toBe(0);
  });
});
