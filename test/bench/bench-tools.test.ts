/**
 * Smoke test of the benchmark's tools (bench/, `npm run bench`), not a timed test: the
 * scaled editions load in order with distinct 类目 titles, so do the 分目 of the long 类目, the
 * character count scales, a
 * child process is measured (CPU time and peak RSS) both with and without GNU time, and the
 * proofing step proofs 分目 of a built copy of the sample and sees `proof --watch` answer saves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { countContent, generateEdition, generateLongCategory } from '../../bench/lib/edition.mjs';
// @ts-expect-error plain ESM helper without types
import { hasGnuTime, measure } from '../../bench/lib/measure.mjs';
// @ts-expect-error plain ESM helper without types
import { benchProofs, benchWatch, prepareProofs } from '../../bench/lib/proofing.mjs';
import { loadEdition } from '../../src/content/load-edition.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-bench-test-'));

it('writes an N-fold edition whose 类目 load in order with distinct titles', async () => {
  const dir = path.join(tmp, 'n12');
  generateEdition(path.join(repo, 'content/2019'), dir, 12);
  const { edition, diagnostics } = loadEdition(dir);
  expect(diagnostics.errors).toEqual([]);
  expect(edition.categories.map((c) => c.title)).toEqual(Array.from({ length: 12 }, (_, k) => `群众团体（${k + 1}）`));
  const one = await countContent(path.join(repo, 'dist'), path.join(repo, 'content/2019'));
  const twelve = await countContent(path.join(repo, 'dist'), dir);
  expect(one.chars).toBeGreaterThan(15_000);
  expect(twelve.entries).toBe(12 * one.entries);
  // every copy adds the （k） suffix: 3 characters, 4 from k = 10 on
  expect(twelve.chars).toBe(12 * one.chars + 9 * 3 + 3 * 4);
});

it("writes one long 类目 of the first 类目's 分目 repeated, which loads in order with distinct titles", () => {
  const dir = path.join(tmp, 'long');
  expect(generateLongCategory(path.join(repo, 'content/2019'), dir, 3)).toEqual({ dir, sections: 18 });
  const { edition: sample } = loadEdition(path.join(repo, 'content/2019'));
  const { edition, diagnostics } = loadEdition(dir);
  expect(diagnostics.errors).toEqual([]);
  expect(edition.categories.map((c) => c.title)).toEqual(['群众团体']);
  const titles = sample.categories[0]!.sections.map((s) => s.title);
  expect(edition.categories[0]!.sections.map((s) => s.title)).toEqual([1, 2, 3].flatMap((k) => titles.map((t) => `${t}（${k}）`)));
  const entries = (e: typeof edition) => e.categories[0]!.sections.flatMap((s) => s.entries.map((x) => x.title));
  expect(entries(edition)).toEqual([...entries(sample), ...entries(sample), ...entries(sample)]);
});

it('measures a child process with the Node hook and, when present, with GNU time', () => {
  const script = ['-e', 'const a = new Array(2e6).fill(1); let s = 0; for (let i = 0; i < 3e7; i++) s += i; console.log(s > 0, a.length)'];
  const methods = hasGnuTime() ? ['hook', 'time'] : ['hook'];
  for (const method of methods) {
    const r = measure(process.execPath, script, { method });
    expect(r.status, method).toBe(0);
    expect(r.stdout.trim()).toBe('true 2000000');
    expect(r.wall_s).toBeGreaterThan(0);
    expect(r.cpu_s).toBeGreaterThan(0);
    expect(r.maxrss_kib).toBeGreaterThan(20 * 1024); // Node itself takes ~40 MiB
  }
});

it('proofs 分目 of a built copy of the sample as whole processes, and times proof --watch from a save to the new proof', async () => {
  const cliCommand = (args: string[]) => [process.execPath, [path.join(repo, 'dist/cli/main.js'), ...args]];
  const work = path.join(tmp, 'proofing');
  const method = hasGnuTime() ? 'time' : 'hook';
  const { sections } = prepareProofs({ cliCommand, source: path.join(repo, 'content/2019'), work, method });
  expect(sections.map((s: string) => path.basename(s))).toEqual(['01-zonggonghui', '02-tuanquwei', '03-fulian', '04-kexie', '05-canlian', '06-hongshizihui']);
  const rows = benchProofs({ cliCommand, work, sections: sections.slice(1, 2), runs: 1, warmup: 0, settleS: 0, method, log: () => {} });
  // Page numbers from the copy's own build: the 分目 starts on page 2.
  expect(rows).toMatchObject([{ section: '02-tuanquwei', pages: [2, 3, 4], runs: 1 }]);
  expect(rows[0].wall_s).toBeGreaterThan(0);
  const watch = await benchWatch({ cliCommand, work, section: sections[1], saves: 2, gapMs: 50, settleMs: 100 });
  expect(watch).toMatchObject({ section: '02-tuanquwei', entry: '02-wusi-jinian.md', saves: 2 });
  expect(watch.times_ms).toHaveLength(2);
  // The entry is left as it was.
  expect(fs.readFileSync(path.join(sections[1], '02-wusi-jinian.md'), 'utf8')).toBe(fs.readFileSync(path.join(repo, 'content/2019/01-qunzhong-tuanti/02-tuanquwei/02-wusi-jinian.md'), 'utf8'));
}, 60_000);
