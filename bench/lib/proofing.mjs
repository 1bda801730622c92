/**
 * Proofing speed, as an editor meets it (issue item 4): `yearbook proof <分目>` as a whole
 * process, for every 分目 of the sample's first 类目, for one in the middle of a whole yearbook
 * (the N=40 edition) and for one near the end of a long 类目, and `yearbook proof --watch`,
 * from saving an entry file to the new proof written.
 *
 * Both run on a copy of the sample in a work folder, built there once first, so that the
 * proofs take their page numbers (and the pages they are laid out from) from that build's page
 * record, as in an editor's own folder.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { measure, settle } from './measure.mjs';
import { median } from './stats.mjs';

/**
 * The work folder: <work>/content/<edition> (a copy of `source`) and its build in <work>/out.
 * Returns the edition folder and the 分目 folders of its 类目 number `category` (from 0), in order.
 */
export function prepareProofs({ cliCommand, source, work, method, category = 0 }) {
  fs.rmSync(work, { recursive: true, force: true });
  const edition = path.join(work, 'content', path.basename(source));
  fs.cpSync(source, edition, { recursive: true });
  const built = measure(...cliCommand(['build', path.relative(work, edition)]), { cwd: work, method });
  if (built.status !== 0) throw new Error(`the build before the proofs failed:\n${built.stderr}`);
  const folders = (dir, marker) => fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, marker)))
    .map((d) => path.join(dir, d.name)).sort();
  return { edition, sections: folders(folders(edition, 'category.yaml')[category], 'section.yaml') };
}

/** Each 分目 proofed `runs` times (after `warmup` untimed runs) as a whole process; medians per 分目. */
export function benchProofs({ cliCommand, work, sections, runs, warmup, settleS, method, log }) {
  const rows = [];
  for (const section of sections) {
    const rel = path.relative(work, section);
    const timed = [];
    for (let i = 1 - warmup; i <= runs; i++) {
      if (settleS > 0) settle({ maxMs: settleS * 1000 });
      const r = measure(...cliCommand(['--lang', 'en', 'proof', rel, '--json']), { cwd: work, method });
      if (r.status !== 0) throw new Error(`yearbook proof ${rel} failed:\n${r.stderr}`);
      const pages = JSON.parse(r.stdout).result.pages;
      log(`  proof ${path.basename(section).padEnd(18)} ${i <= 0 ? 'warm-up' : `run ${i}/${runs}`} wall ${r.wall_s.toFixed(3)} s  rss ${(r.maxrss_kib / 1024).toFixed(0)} MiB  pages ${pages.join(',')}`);
      if (i > 0) timed.push({ ...r, pages });
    }
    rows.push({
      section: path.basename(section),
      pages: timed[0].pages,
      runs: timed.length,
      wall_s: median(timed.map((r) => r.wall_s)),
      wall_min_s: Math.min(...timed.map((r) => r.wall_s)),
      wall_max_s: Math.max(...timed.map((r) => r.wall_s)),
      cpu_s: median(timed.map((r) => r.cpu_s)),
      maxrss_mib: median(timed.map((r) => r.maxrss_kib / 1024)),
    });
  }
  return rows;
}

/**
 * `proof --watch` on a 分目: after its first proof and `settleMs`, the entry is saved `saves`
 * times, `gapMs` apart, alternately changed and restored; each time is from the save to the
 * watcher's line for the new proof.
 */
export async function benchWatch({ cliCommand, work, section, saves = 15, gapMs = 300, settleMs = 1200 }) {
  const entry = fs.readdirSync(section).filter((f) => f.endsWith('.md')).sort()[1];
  const file = path.join(section, entry);
  const original = fs.readFileSync(file, 'utf8');
  const changed = original.replace('。', '，');
  if (changed === original) throw new Error(`${file}: no 。 to change`);
  const [cmd, args] = cliCommand(['--lang', 'en', 'proof', '--watch', path.relative(work, section)]);
  const child = spawn(cmd, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  let waiting;
  let buffered = '';
  child.stdout.on('data', (d) => {
    buffered += d;
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines) if (/ page\(s\) set in /.test(line)) waiting?.();
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const next = (what) => Promise.race([
    new Promise((resolve) => { waiting = resolve; }),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`proof --watch: no new proof ${what} within 10 s\n${stderr}`)), 10_000)),
  ]);
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const times = [];
  try {
    await next('at the start');
    await sleep(settleMs);
    for (let k = 0; k < saves; k++) {
      const proofed = next(`after save ${k + 1}`);
      const t = performance.now();
      fs.writeFileSync(file, k % 2 === 0 ? changed : original);
      await proofed;
      times.push(performance.now() - t);
      await sleep(gapMs);
    }
  } finally {
    fs.writeFileSync(file, original);
    child.kill();
    await exited;
  }
  return {
    section: path.basename(section),
    entry,
    saves: times.length,
    median_ms: median(times),
    first_ms: times[0],
    max_ms: Math.max(...times),
    under_100ms: times.filter((t) => t < 100).length,
    times_ms: times.map((t) => Math.round(t)),
  };
}
