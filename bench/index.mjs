#!/usr/bin/env node
/**
 * The subject index alone, at sizes beyond the bench's editions: `buildIndex` on made-up
 * entries (a six-character title each, all different, one term from a shared list of a tenth as many and
 * one sub-entry of another), eight 条目 a page, with `--words` entries in the edition's
 * `pinyin:` list. Each size runs in a process of its own, so every figure includes V8's
 * warm-up as a build's index does. Prints the time per size and per entry: it should stay
 * flat as the index grows (issue 7: no step quadratic in index entries).
 *
 *   node bench/index.mjs [--sizes 2500,5000,10000,20000,40000] [--words 200]
 *
 * It runs dist/ as it is: `npm run compile` (or tsc) first.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '2500,5000,10000,20000,40000' }, words: { type: 'string', default: '200' }, child: { type: 'string' } } });

/** n Han characters, spread over the unified block by k. */
const han = (k, n) => {
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCodePoint(0x4e00 + ((k * 7919 + i * 104729) % 20000));
  return s;
};

if (values.child) {
  const { buildIndex } = await import(path.join(REPO, 'dist', 'book-index', 'subject-index.js'));
  const n = Number(values.child);
  const pool = Array.from({ length: Math.max(10, n / 10) }, (_, k) => han(k + 1e6, 4));
  const entries = Array.from({ length: n }, (_, k) => ({
    title: han(k, 5) + han(Math.floor(k / 20000), 1), blocks: [], figures: [], source: { file: `/e/${k}.md`, line: 1 },
    index: [pool[k % pool.length], `${pool[(k * 3) % pool.length]}/${han(k + 5e5, 3)}`],
  }));
  const pinyin = Object.fromEntries(Array.from({ length: Number(values.words) }, (_, k) => [han(k + 2e6, 2), 'yi1 er4']));
  const edition = { categories: [{ sections: [{ entries }] }], indexSee: {}, pinyin };
  const pages = entries.map((e, k) => ({ number: 1 + (k >> 3), marks: [{ level: 3, source: e.source.file, column: k % 2 }] }));
  const started = performance.now();
  const groups = buildIndex(edition, pages, true);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, terms: groups.reduce((sum, g) => sum + g.entries.length, 0) }));
} else {
  console.log(`| entries | terms | ms | µs per entry |   (pinyin: ${values.words} words)`);
  console.log('| --: | --: | --: | --: |');
  for (const n of values.sizes.split(',').map(Number)) {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n), '--words', values.words], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    const { ms, terms } = JSON.parse(r.stdout);
    console.log(`| ${n} | ${terms} | ${ms.toFixed(0)} | ${((ms * 1000) / n).toFixed(0)} |`);
  }
}
