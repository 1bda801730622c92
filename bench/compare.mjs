#!/usr/bin/env node
/**
 * This checkout's build against another compiled copy (`--cli`, e.g. a git worktree of an
 * older commit), in pairs: run k of each, one right after the other, the order turned round
 * every other pair, for `--runs` pairs. Prints the medians of each, and per pair the ratio
 * ours / other: its median, how often ours took less, and a 95% interval (bench/lib/stats.mjs).
 * The main bench compares with the peers at three runs each; a change of a few percent to our
 * own code needs twenty pairs or more to be told from the machine's drift.
 *
 *   node bench/compare.mjs --cli OTHER/bin/yearbook [--runs 20] [--edition DIR] [--proof 分目-folder]
 *
 * `--edition` defaults to out/bench/editions/n40 (written by `npm run bench`), else the sample.
 * `--proof` (a 分目 folder inside the edition, e.g. 01-qunzhong-tuanti/04-kexie) times a proof
 * of it instead, in a copy of the edition built once by ours, as an editor's folder is.
 * It runs bin/yearbook as it is: `npm run compile` here and in the other copy first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { measure, pickMethod, settle } from './lib/measure.mjs';
import { median, pairedRatios } from './lib/stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    cli: { type: 'string' },
    runs: { type: 'string', default: '20' },
    edition: { type: 'string' },
    proof: { type: 'string' },
    settle: { type: 'string', default: '5' },
  },
});
if (!values.cli) {
  console.error('usage: node bench/compare.mjs --cli OTHER/bin/yearbook [--runs 20] [--edition DIR] [--proof 分目-folder]');
  process.exit(2);
}
const ours = path.join(REPO, 'bin/yearbook');
const other = path.resolve(values.cli);
const runs = Number(values.runs);
const n40 = path.join(REPO, 'out/bench/editions/n40');
const edition = path.resolve(values.edition ?? (fs.existsSync(n40) ? n40 : path.join(REPO, 'content/2019')));
const method = pickMethod();
if (values.proof && !fs.existsSync(path.join(edition, values.proof))) {
  console.error(`compare: no 分目 ${values.proof} in ${edition} (--edition names the edition, --proof a 分目 folder inside it)`);
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-compare-'));
const timed = new Map([[ours, []], [other, []]]);
try {
  /** The command each copy runs, and the folder it runs in. */
  let job;
  if (values.proof) {
    // The proof takes its page numbers from the build beside it, as in an editor's folder.
    const copy = path.join(work, 'content', path.basename(edition));
    fs.cpSync(edition, copy, { recursive: true });
    const built = measure(ours, ['build', path.relative(work, copy)], { cwd: work, method });
    if (built.status !== 0) throw new Error(`the build before the proofs failed:\n${built.stderr}`);
    job = () => ({ args: ['proof', path.join(path.relative(work, copy), values.proof)], cwd: work });
  } else {
    job = (cli) => ({ args: ['build', edition, '-o', path.join(work, `${cli === ours ? 'ours' : 'other'}.pdf`)], cwd: REPO });
  }
  for (let k = -1; k < runs; k++) {
    // One pair untimed first; then each pair in turn ours first and other first.
    for (const cli of k % 2 === 0 ? [ours, other] : [other, ours]) {
      settle({ maxMs: Number(values.settle) * 1000 });
      const { args, cwd } = job(cli);
      const r = measure(cli, args, { cwd, method });
      if (r.status !== 0) throw new Error(`${cli} ${args.join(' ')} failed:\n${r.stderr}`);
      if (k >= 0) timed.get(cli).push(r);
    }
    if (k >= 0) console.log(`pair ${k + 1}: ours ${timed.get(ours)[k].wall_s.toFixed(3)} s, other ${timed.get(other)[k].wall_s.toFixed(3)} s`);
  }
} finally {
  // Also when a run failed: the copies and PDFs are of no use then.
  fs.rmSync(work, { recursive: true, force: true });
}

const what = values.proof ? `proof ${values.proof}` : `build ${path.relative(REPO, edition) || edition}`;
console.log(`\n${what}, ${runs} pairs (${method === 'time' ? 'GNU time' : 'rusage'}):`);
for (const [name, cli] of [['ours', ours], ['other', other]]) {
  const rs = timed.get(cli);
  const cpu = median(rs.map((r) => r.cpu_s));
  const rss = median(rs.map((r) => r.maxrss_kib));
  console.log(`  ${name.padEnd(5)} median wall ${median(rs.map((r) => r.wall_s)).toFixed(3)} s, CPU ${cpu?.toFixed(2) ?? '?'} s, peak ${rss === undefined ? '?' : (rss / 1024).toFixed(0)} MiB  (${cli})`);
}
for (const measureName of ['wall_s', 'cpu_s']) {
  const a = timed.get(ours).map((r) => r[measureName]);
  const b = timed.get(other).map((r) => r[measureName]);
  if (a.some((x) => x === undefined) || b.some((x) => x === undefined)) continue;
  const p = pairedRatios(a, b);
  console.log(`  ${measureName === 'wall_s' ? 'wall' : 'CPU '} ours / other: median ${p.median.toFixed(3)}, 95% interval ${p.interval[0].toFixed(3)}–${p.interval[1].toFixed(3)}, ours less in ${Math.round(p.lessShare * 100)}% of pairs`);
}
