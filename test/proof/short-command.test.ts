/**
 * What V8 is held back from while a command is short (src/short-command.ts): the proof command
 * holds TurboFan and the young generation's growth, so next to nothing is compiled by TurboFan
 * and new objects are made in the same 1 MB, and a proof that runs long lets both go after a
 * few pages; a build holds the young generation alone, for its first 32 pages.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { build } from '../../src/build.js';
import { holdForShortCommand, holdsInForce, releaseHolds, releasingHoldsAfter } from '../../src/short-command.js';
import { cliMain, ROOT } from '../cli/cli-process.js';

describe('releasingHoldsAfter', () => {
  afterEach(() => releaseHolds());

  // T for TurboFan held, Y for the young generation.
  const held = () => {
    const h = holdsInForce();
    return `${h.turbofan ? 'T' : '-'}${h.youngGeneration ? 'Y' : '-'}`;
  };

  it('gives every item in order and releases both holds as the given item comes', () => {
    holdForShortCommand();
    const seen: string[] = [];
    for (const page of releasingHoldsAfter(3)(['a', 'b', 'c', 'd'])) seen.push(`${page}:${held()}`);
    expect(seen).toEqual(['a:TY', 'b:TY', 'c:--', 'd:--']);
  });

  it('counts over every run it passes (a build\'s 类目, one after another)', () => {
    holdForShortCommand({ turbofan: false });
    const pass = releasingHoldsAfter(3);
    const seen = [...pass(['a', 'b'])].map((page) => `${page}:${held()}`);
    for (const page of pass(['c', 'd'])) seen.push(`${page}:${held()}`);
    expect(seen).toEqual(['a:-Y', 'b:-Y', 'c:--', 'd:--']);
  });

  it('lets a shorter run end still held', () => {
    holdForShortCommand();
    expect([...releasingHoldsAfter(3)([1, 2])]).toEqual([1, 2]);
    expect(held()).toBe('TY');
  });

  it('holds the young generation alone in a build, for its first 32 pages, and lets it go by the end', async () => {
    // The sample's 类目 four times over: its body pages are 10 a 类目, so the 32nd page comes in the fourth.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-held-'));
    const edition = path.join(root, '2019');
    fs.cpSync(path.join(ROOT, 'content', '2019'), edition, { recursive: true });
    for (const n of [2, 3, 4]) fs.cpSync(path.join(edition, '01-qunzhong-tuanti'), path.join(edition, `0${n}-qunzhong-tuanti`), { recursive: true });
    const seen: string[] = [];
    const result = await build(edition, {
      output: path.join(root, 'book.pdf'),
      onProgress: (stage, done) => {
        if (stage === 'layout') seen.push(`${done}:${held()}`);
      },
    });
    expect(result.pages.length).toBeGreaterThan(40);
    expect(seen).toEqual(['1:-Y', '2:-Y', '3:-Y', '4:--']);
    expect(held()).toBe('--');
  });
});

describe('the proof command', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-short-'));
  /**
   * A run of the command where there is no build's layout record, so a proof lays its 类目 out
   * from the first page: how many functions V8 compiled with TurboFan (--trace-opt), and the
   * sizes the young generation had after each collection (--trace-gc-verbose, KB committed).
   */
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, ['--trace-opt', '--trace-gc-verbose', cliMain(), ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const sizes = [...r.stdout.matchAll(/New space, .* committed: +(\d+) KB/g)].map((m) => Number(m[1]));
    return { optimised: (r.stdout.match(/completed optimizing/g) ?? []).length, youngSizes: new Set(sizes) };
  };
  const sample = path.join(ROOT, 'content', '2019');

  it('holds TurboFan and the young generation back for a proof of a 分目; a build of the sample keeps TurboFan', () => {
    // The first 分目: two pages, fewer than a proof lays out before it lets them go.
    const proof = run(['proof', path.join(sample, '01-qunzhong-tuanti', '01-zonggonghui'), '-o', path.join(dir, 'proof.pdf')]);
    expect(proof.optimised).toBeLessThan(10);
    // V8's first young generation: two semi-spaces of 1 MB, after every one of its collections.
    expect([...proof.youngSizes]).toEqual([2048]);
    const build = run(['build', sample, '-o', path.join(dir, 'book.pdf')]);
    expect(build.optimised).toBeGreaterThan(50);
  });

  it('lets both go once a proof has laid out eight pages', () => {
    // The sample's 类目 with its six 分目 twice over, and a proof of the last, laid out from the
    // 类目's first page (pages 1–19). V8 grows the young generation only once another 2 MB have
    // survived its collections after the hold is let go, which comes near the end of the
    // sample's ten pages: a proof of its own last 分目 ended before it in one run of the suite.
    const edition = path.join(dir, 'twice', '2019');
    fs.cpSync(sample, edition, { recursive: true });
    const category = path.join(edition, '01-qunzhong-tuanti');
    for (const section of fs.readdirSync(category).filter((name) => /^0\d-/.test(name))) {
      fs.cpSync(path.join(category, section), path.join(category, `1${section.slice(1)}`), { recursive: true });
    }
    const proof = run(['proof', path.join(category, '16-hongshizihui'), '-o', path.join(dir, 'long.pdf')]);
    expect(proof.optimised).toBeGreaterThan(10);
    expect(Math.max(...proof.youngSizes)).toBeGreaterThan(2048);
  });
});
