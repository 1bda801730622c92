/**
 * V8's optimising compiler held back for a one-shot proof (src/turbofan.ts): the proof command
 * holds it, so next to nothing is compiled by TurboFan, and a proof that runs long lets it in
 * again after a few pages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdTurbofan, releaseTurbofan, releasingTurbofanAfter, turbofanHeld } from '../../src/turbofan.js';
import { cliMain, ROOT } from '../cli/cli-process.js';

describe('releasingTurbofanAfter', () => {
  afterEach(() => releaseTurbofan());

  it('gives every item in order and lets TurboFan in as the given item comes', () => {
    holdTurbofan();
    const seen: string[] = [];
    for (const page of releasingTurbofanAfter(['a', 'b', 'c', 'd'], 3)) seen.push(`${page}:${turbofanHeld() ? 'held' : 'free'}`);
    expect(seen).toEqual(['a:held', 'b:held', 'c:free', 'd:free']);
  });

  it('lets a shorter run end still held', () => {
    holdTurbofan();
    expect([...releasingTurbofanAfter([1, 2], 3)]).toEqual([1, 2]);
    expect(turbofanHeld()).toBe(true);
  });
});

describe('the proof command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-turbofan-'));
  /**
   * How many functions V8 compiled with TurboFan in a run of the command (--trace-opt), run
   * where there is no build's layout record, so a proof lays its 类目 out from the first page.
   */
  const optimised = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--trace-opt', cliMain(), ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return (r.stdout.match(/completed optimizing/g) ?? []).length;
  };
  const sample = path.join(ROOT, 'content', '2019');

  it('holds TurboFan back for a proof of a 分目, which a build of the sample keeps busy', () => {
    // The first 分目: two pages, fewer than a proof lays out before it lets TurboFan in.
    expect(optimised(['proof', path.join(sample, '01-qunzhong-tuanti', '01-zonggonghui'), '-o', path.join(dir, 'proof.pdf')])).toBeLessThan(10);
    expect(optimised(['build', sample, '-o', path.join(dir, 'book.pdf')])).toBeGreaterThan(50);
  });

  it('lets TurboFan in once a proof has laid out eight pages', () => {
    // The last 分目, laid out from the 类目's first page (pages 1–10).
    expect(optimised(['proof', path.join(sample, '01-qunzhong-tuanti', '06-hongshizihui'), '-o', path.join(dir, 'long.pdf')])).toBeGreaterThan(10);
  });
});
