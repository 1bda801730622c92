#!/usr/bin/env node
/**
 * Where a build allocates: V8's sampling heap profiler over one build in this process, counting
 * the objects the garbage collector has already freed too (it normally reports only what is
 * still alive). Most of what a build allocates dies young, and each young-generation
 * collection costs time in proportion to what survives it, so the total and its split by
 * function say where fewer objects would pay.
 *
 *   node bench/allocations.mjs [EDITION_DIR] [--top 25] [--interval 16384]
 *
 * Prints the sampled total and the functions that allocated most (self, MB). Builds on one
 * thread (YEARBOOK_WORKERS=0) into out/bench/allocations.pdf. It runs dist/ as it is:
 * `npm run compile` (or tsc) first.
 */
import inspector from 'node:inspector/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({ options: { top: { type: 'string', default: '25' }, interval: { type: 'string', default: '16384' } }, allowPositionals: true });
const editionDir = positionals[0] ?? path.join(REPO, 'out/bench/editions/n40');
const top = Number(values.top);
const interval = Number(values.interval);

process.env.YEARBOOK_WORKERS = '0';
const { build } = await import(path.join(REPO, 'dist/build.js'));
const session = new inspector.Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', {
  samplingInterval: interval,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
await build(editionDir, { output: path.join(REPO, 'out/bench/allocations.pdf') });
const { profile } = await session.post('HeapProfiler.stopSampling');

const bytes = new Map();
let total = 0;
const visit = (node) => {
  const f = node.callFrame;
  const file = f.url.startsWith('file:') ? path.relative(REPO, fileURLToPath(f.url)) : f.url || '(native)';
  const where = f.url ? `${file}:${f.lineNumber + 1}` : file;
  const key = `${f.functionName || '(anonymous)'}  ${where}`;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  total += node.selfSize;
  for (const child of node.children) visit(child);
};
visit(profile.head);
console.log(`${path.relative(REPO, editionDir) || editionDir}: ${(total / 1e6).toFixed(0)} MB allocated (sampled)`);
for (const [key, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(size / 1e6).toFixed(1).padStart(8)} MB  ${key}`);
}
