#!/usr/bin/env node
/**
 * `npm run bench`: our build against Typst and XeLaTeX on the same book, side by side.
 *
 *   1. writes the N-fold editions of content/2019 (N = 1, 5, 10, 20, 40, 80) into out/bench/editions;
 *   2. builds each as a whole process, `bin/yearbook build <dir> -o <file>` (the installed command,
 *      which starts Node from the startup snapshot), after a warm-up, several times, measuring wall time, CPU time (user + sys) and peak RSS
 *      (bench/lib/measure.mjs: GNU time when present, else a Node resource-usage hook);
 *   3. for N = 1 and 40, when the peers are there (bench/lib/peers.mjs), builds the same
 *      content with Typst and XeLaTeX (a clean build: two runs) in the same loop, and ours
 *      again on one thread (YEARBOOK_WORKERS=0; N > 1), interleaved run by run;
 *   4. proofs every 分目 of the sample's first 类目 as a whole process, one in the middle of
 *      the N=40 book and one near the end of a long 类目 (the first 类目's 分目 twenty times
 *      over), and times `proof --watch` from saving an entry to the new proof, in the sample
 *      and in the long 类目 (bench/lib/proofing.mjs, on built copies of the editions);
 *   5. prints medians, chars/s, time per page and the ratios against the issue's targets,
 *      and writes every run to out/bench/results.json.
 *
 * Options (or environment variables):
 *   --runs N          BENCH_RUNS         timed runs per build (5)
 *   --warmup N        BENCH_WARMUP       untimed runs first (1)
 *   --sizes LIST      BENCH_SIZES        editions for our scaling table (1,5,10,20,40,80)
 *   --pair-sizes LIST BENCH_PAIR_SIZES   editions built by all three systems (1,40)
 *   --big-runs N      BENCH_BIG_RUNS     timed runs for N >= --big-from (3)
 *   --big-from N      BENCH_BIG_FROM     (80)
 *   --no-peers        BENCH_PEERS=0      only our build
 *   --no-proof        BENCH_PROOF=0      no proofing (step 4)
 *   --no-typst, --no-xelatex
 *   --no-install      BENCH_PEERS_INSTALL=0   never run npm ci for the Typst peer
 *   --method M        BENCH_METHOD       time | hook (default: time if /usr/bin/time is GNU time)
 *   --settle S        BENCH_SETTLE       before each run, wait up to S seconds for the machine to be
 *                                        quiet (< 15% busy over 0.25 s); 0 = never (60)
 *   --max-noise X     BENCH_MAX_NOISE    a timed run during which other processes used more than X
 *                                        cores on average (/proc/stat) is run again (0.2) …
 *   --retries N       BENCH_RETRIES      … up to N times, keeping the quietest attempt (4)
 *   --profile                            also write CPU profiles of our pair-size builds and their
 *                                        summaries (bench/profile.mjs) to out/bench/profile/
 *   --source DIR      BENCH_SOURCE       the edition to multiply (content/2019)
 *   --cli FILE        BENCH_CLI          the command to time (bin/yearbook), e.g. of a clean export
 *                                        of a commit, so others' uncommitted edits do not count;
 *                                        a .js file is run with node (dist/cli/main.js: no snapshot)
 *   --out DIR         BENCH_OUT          scratch and results folder (out/bench)
 *   BENCH_PEERS_SRC (../shared/bench/peers), BENCH_SEED (../shared/seed/shangcheng-2019-mass-organizations.txt)
 *
 * It measures dist/ as it is: `npm run bench` compiles first.
 */
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countContent, generateEdition, generateLongCategory } from './lib/edition.mjs';
import { measure, measureSteps, pickMethod, settle, which } from './lib/measure.mjs';
import { generatePeerDocs, setupPeers } from './lib/peers.mjs';
import { benchProofs, benchWatch, prepareProofs } from './lib/proofing.mjs';
import { median } from './lib/stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// --cli / BENCH_CLI: time another compiled copy (e.g. a clean export of a commit) instead of dist/
const CLI = path.resolve(REPO, process.argv.includes('--cli')
  ? process.argv[process.argv.indexOf('--cli') + 1]
  : process.env.BENCH_CLI ?? 'bin/yearbook');
/** The command line that runs the CLI with `args`. */
const cliCommand = (args) => (CLI.endsWith('.js') ? [process.execPath, [CLI, ...args]] : [CLI, args]);
/** The compiled main.js beside CLI, run in-process by the profiler. */
const CLI_MAIN = CLI.endsWith('.js') ? CLI : path.join(path.dirname(path.dirname(CLI)), 'dist/cli/main.js');
const OWN_CLI = CLI === path.join(REPO, 'bin/yearbook') || CLI === path.join(REPO, 'dist/cli/main.js');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') o.help = true;
    else if (a.startsWith('--no-')) o[a.slice(5)] = false;
    else if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split(/=(.*)/s);
      if (v !== undefined) o[k] = v;
      else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) o[k] = argv[++i];
      else o[k] = true;
    }
  }
  return o;
}
const args = parseArgs(process.argv.slice(2));
if (args.help) {
  const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8');
  console.log(/\/\*\*([\s\S]*?)\*\//.exec(src)[1].replace(/^ \* ?/gm, ''));
  process.exit(0);
}
const env = process.env;
const int = (v, d) => (v === undefined || v === true ? d : Number.parseInt(v, 10));
const list = (v, d) => (v === undefined || v === true ? d : String(v).split(',').map((s) => Number.parseInt(s, 10)).filter((n) => n > 0));
const flag = (argv, envVal) => (argv === false ? false : envVal === '0' ? false : true);
const opts = {
  runs: int(args.runs ?? env.BENCH_RUNS, 5),
  warmup: int(args.warmup ?? env.BENCH_WARMUP, 1),
  sizes: list(args.sizes ?? env.BENCH_SIZES, [1, 5, 10, 20, 40, 80]),
  pairSizes: list(args['pair-sizes'] ?? env.BENCH_PAIR_SIZES, [1, 40]),
  bigRuns: int(args['big-runs'] ?? env.BENCH_BIG_RUNS, 3),
  bigFrom: int(args['big-from'] ?? env.BENCH_BIG_FROM, 80),
  peers: flag(args.peers, env.BENCH_PEERS),
  proof: flag(args.proof, env.BENCH_PROOF),
  typst: args.typst !== false,
  xelatex: args.xelatex !== false,
  install: flag(args.install, env.BENCH_PEERS_INSTALL),
  profile: args.profile === true,
  settle: Number(args.settle ?? env.BENCH_SETTLE ?? 60),
  maxNoise: Number(args['max-noise'] ?? env.BENCH_MAX_NOISE ?? 0.2),
  retries: int(args.retries ?? env.BENCH_RETRIES, 4),
  source: path.resolve(REPO, args.source ?? env.BENCH_SOURCE ?? 'content/2019'),
  out: path.resolve(REPO, args.out ?? env.BENCH_OUT ?? 'out/bench'),
  peersSrc: path.resolve(REPO, env.BENCH_PEERS_SRC ?? '../shared/bench/peers'),
  seed: path.resolve(REPO, env.BENCH_SEED ?? '../shared/seed/shangcheng-2019-mass-organizations.txt'),
};
const method = pickMethod(args.method ?? env.BENCH_METHOD);
const allSizes = [...new Set([...opts.sizes, ...opts.pairSizes])].sort((a, b) => a - b);
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------- checks
if (!fs.existsSync(CLI)) {
  log(`bench: ${path.relative(REPO, CLI)} is missing: compile first (npx tsc -p .), or use npm run bench`);
  process.exit(1);
}
{
  const newest = (dir, ext) => {
    let t = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (e.isFile() && e.name.endsWith(ext)) t = Math.max(t, fs.statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
    }
    return t;
  };
  if (OWN_CLI && newest(path.join(REPO, 'src'), '.ts') > newest(path.join(REPO, 'dist'), '.js')) {
    log('bench: warning: src/ has files newer than dist/: the figures are for dist/ as compiled');
  }
}

// ---------------------------------------------------------------- helpers
function pdfPages(file) {
  if (!fs.existsSync(file)) return undefined;
  if (which('pdfinfo')) {
    const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
    if (m) return Number(m[1]);
  }
  // Fallback: the largest /Count of a /Type /Pages dictionary (uncompressed object streams only).
  const text = fs.readFileSync(file, 'latin1');
  let best;
  for (const m of text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)) {
    const n = Number(m[1] ?? m[2]);
    if (best === undefined || n > best) best = n;
  }
  return best;
}

function gitDescribe() {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execSync('git status --porcelain -- src', { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head} (src/ modified)` : head;
  } catch {
    return undefined;
  }
}

function toolVersion(cmd, args, re) {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    const m = re.exec(`${r.stdout}${r.stderr}`);
    return m ? m[1].trim() : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- systems
const pdfDir = path.join(opts.out, 'pdf');
const editionDir = (n) => path.join(opts.out, 'editions', `n${n}`);

/** Our build; `workers` sets YEARBOOK_WORKERS (undefined: the program decides, see src/layout/parallel.ts). */
function runOurs(n, workers) {
  const out = path.join(pdfDir, `ours-${n}${workers === undefined ? '' : `-w${workers}`}.pdf`);
  const env = workers === undefined ? process.env : { ...process.env, YEARBOOK_WORKERS: String(workers) };
  const r = measure(...cliCommand(['build', editionDir(n), '-o', out]), { cwd: REPO, env, method });
  const m = /: (\d+) pages in ([\d.]+) s/.exec(r.stdout);
  return { ...r, pages: m ? Number(m[1]) : pdfPages(out), inner_s: m ? Number(m[2]) : undefined, pdf: out };
}

function runTypst(peers, n) {
  const work = peers.work;
  const out = path.join(work, `yb-${n}-typst.pdf`);
  const r = measure(process.execPath, [peers.typst.script, `yb-${n}.typ`, out], { cwd: work, method });
  return { ...r, pages: r.status === 0 ? pdfPages(out) : undefined, pdf: out };
}

function runXelatex(peers, n) {
  const work = peers.work;
  for (const ext of ['aux', 'toc']) fs.rmSync(path.join(work, `yb-${n}.${ext}`), { force: true });
  const step = [peers.xelatex.bin, ['-interaction=batchmode', `yb-${n}.tex`]];
  const r = measureSteps([step, step], { cwd: work, method });
  const out = path.join(work, `yb-${n}.pdf`);
  return {
    ...r,
    pages: r.status === 0 ? pdfPages(out) : undefined,
    pdf: out,
    // the second run alone = "one run with .aux/.toc present", as in the peers' README
    second_run: r.steps[1],
  };
}

// ---------------------------------------------------------------- main
fs.mkdirSync(pdfDir, { recursive: true });
const started = new Date();
log(`bench: method=${method}, runs=${opts.runs} (N>=${opts.bigFrom}: ${opts.bigRuns}) after ${opts.warmup} warm-up, sizes ${allSizes.join(', ')}`);

const editions = {};
for (const n of allSizes) {
  generateEdition(opts.source, editionDir(n), n);
  editions[n] = { dir: path.relative(REPO, editionDir(n)), ...(await countContent(path.resolve(CLI_MAIN, '../..'), editionDir(n))) };
}
log(`bench: editions written to ${path.relative(REPO, path.join(opts.out, 'editions'))}; N=1 has ${editions[allSizes[0]].chars} characters`);

let peers = { typst: null, xelatex: null, notes: [] };
let seedStats;
if (opts.peers) {
  peers = setupPeers({
    repo: REPO, scratch: opts.out, peersSrc: opts.peersSrc, seed: opts.seed,
    wantTypst: opts.typst, wantXelatex: opts.xelatex, install: opts.install, log,
  });
  if (peers.typst || peers.xelatex) {
    try {
      seedStats = generatePeerDocs({ peersSrc: opts.peersSrc, seed: opts.seed, work: peers.work, sizes: opts.pairSizes });
    } catch (e) {
      peers.notes.push(String(e.message ?? e));
      peers.typst = peers.xelatex = null;
    }
  }
  for (const note of peers.notes) log(`bench: peers: ${note}`);
} else {
  peers.notes.push('peers disabled (--no-peers / BENCH_PEERS=0)');
}

const runs = [];
const failures = [];
function record(system, n, run, r) {
  const { stdout, stderr, steps, ...rest } = r;
  const row = { system, n, run, ...rest };
  if (steps) row.steps = steps;
  if (r.status !== 0) {
    failures.push(row);
    log(`bench: ${system} N=${n} failed (status ${r.status}${r.error ? `, ${r.error}` : ''}):\n${(stderr || stdout).split('\n').slice(-15).join('\n')}`);
  }
  if (run > 0) runs.push(row);
  return r.status === 0;
}

for (const n of allSizes) {
  const timed = n >= opts.bigFrom ? opts.bigRuns : opts.runs;
  const systems = [['ours', (k) => runOurs(k)]];
  if (opts.pairSizes.includes(n)) {
    // The same build on one thread, to show what the layout workers change (editions of several 类目).
    if (n > 1) systems.push(['ours-1', (k) => runOurs(k, 0)]);
    if (peers.typst) systems.push(['typst', (k) => runTypst(peers, k)]);
    if (peers.xelatex) systems.push(['xelatex', (k) => runXelatex(peers, k)]);
  }
  const broken = new Set();
  for (let i = 1 - opts.warmup; i <= timed; i++) {
    for (const [name, fn] of systems) {
      if (broken.has(name)) continue;
      // A shared machine: wait for quiet, and run again a timed run that others disturbed.
      let r;
      for (let attempt = 0; ; attempt++) {
        const quiet = opts.settle > 0 ? settle({ maxMs: opts.settle * 1000 }) : undefined;
        const a = fn(n);
        a.noise = a.others_cpu_s === undefined ? undefined : a.others_cpu_s / a.wall_s;
        if (quiet) Object.assign(a, { settle_ms: quiet.waited_ms, busy_before: quiet.busy });
        if (!r || (a.noise ?? 0) < (r.noise ?? 0)) r = { ...a, retries: attempt };
        else r.retries = attempt;
        if (i <= 0 || a.status !== 0 || a.noise === undefined || a.noise <= opts.maxNoise || attempt >= opts.retries) break;
        log(`  N=${String(n).padStart(2)} run ${i}/${timed} ${name}: others used ${a.noise.toFixed(2)} cores meanwhile (wall ${a.wall_s.toFixed(3)} s): again`);
      }
      if (!record(name, n, i, r)) broken.add(name);
      log(`  N=${String(n).padStart(2)} ${i <= 0 ? 'warm-up' : `run ${i}/${timed}`} ${name.padEnd(7)} ` +
        `wall ${r.wall_s.toFixed(3)} s  cpu ${r.cpu_s?.toFixed(2) ?? '?'} s  rss ${r.maxrss_kib ? (r.maxrss_kib / 1024).toFixed(0) : '?'} MiB  ${r.pages ?? '?'} pages` +
        `${r.others_cpu_s > 0.05 * r.wall_s ? `  (others used ${r.others_cpu_s.toFixed(2)} s CPU meanwhile)` : ''}`);
    }
  }
}

// ---------------------------------------------------------------- proofing
let proofing;
if (opts.proof) {
  const proofs = { runs: opts.runs, warmup: opts.warmup, settleS: opts.settle, method, log };
  const work = path.join(opts.out, 'proofing');
  const { sections } = prepareProofs({ cliCommand, source: opts.source, work, method });
  proofing = {
    proofs: benchProofs({ cliCommand, work, sections, ...proofs }),
    watch: await benchWatch({ cliCommand, work, section: sections[1] ?? sections[0] }),
  };
  log(`  proof --watch ${proofing.watch.section}: ${proofing.watch.times_ms.join(' ')} ms`);
  if (allSizes.includes(40)) {
    // The same 分目 in the middle of a whole yearbook: a proof should not cost more there.
    const big = path.join(opts.out, 'proofing-n40');
    const middle = prepareProofs({ cliCommand, source: editionDir(40), work: big, method, category: 19 });
    proofing.wholeBook = benchProofs({ cliCommand, work: big, sections: middle.sections.slice(3, 4), ...proofs })[0];
  }
  // A 类目 of many pages: a proof reads and parses its whole 类目, a save in --watch looks at
  // each of its files. The same 分目 as above, in the last and the middle repetition.
  const times = 20;
  const longSource = generateLongCategory(opts.source, path.join(opts.out, 'editions', 'long'), times).dir;
  const longWork = path.join(opts.out, 'proofing-long');
  const long = prepareProofs({ cliCommand, source: longSource, work: longWork, method });
  const perTime = long.sections.length / times;
  proofing.longCategory = {
    sections: long.sections.length,
    proof: benchProofs({ cliCommand, work: longWork, sections: [long.sections[(times - 1) * perTime + 3] ?? long.sections.at(-1)], ...proofs })[0],
    watch: await benchWatch({ cliCommand, work: longWork, section: long.sections[(times / 2) * perTime + 1] ?? long.sections[0] }),
  };
  log(`  proof --watch ${proofing.longCategory.watch.section} (long 类目): ${proofing.longCategory.watch.times_ms.join(' ')} ms`);
}

// ---------------------------------------------------------------- summary
function summarise(system, n) {
  const rs = runs.filter((r) => r.system === system && r.n === n && r.status === 0);
  if (rs.length === 0) return undefined;
  const chars = editions[n].chars;
  const wall = median(rs.map((r) => r.wall_s));
  const pages = median(rs.map((r) => r.pages));
  const s = {
    system, n, runs: rs.length, pages, chars,
    wall_s: wall,
    wall_min_s: Math.min(...rs.map((r) => r.wall_s)),
    wall_max_s: Math.max(...rs.map((r) => r.wall_s)),
    cpu_s: median(rs.map((r) => r.cpu_s)),
    user_s: median(rs.map((r) => r.user_s)),
    sys_s: median(rs.map((r) => r.sys_s)),
    maxrss_mib: median(rs.map((r) => (r.maxrss_kib === undefined ? undefined : r.maxrss_kib / 1024))),
    others_cpu_s: median(rs.map((r) => r.others_cpu_s)),
    noise_max: Math.max(...rs.map((r) => r.noise ?? 0)),
    chars_per_s: chars / wall,
    pages_per_s: pages ? pages / wall : undefined,
    ms_per_page: pages ? (wall * 1000) / pages : undefined,
    pdf_bytes: fs.existsSync(rs[0].pdf) ? fs.statSync(rs[0].pdf).size : undefined,
  };
  if (system.startsWith('ours')) s.inner_s = median(rs.map((r) => r.inner_s));
  if (system === 'xelatex') s.one_run_wall_s = median(rs.map((r) => r.second_run?.wall_s));
  return s;
}
const summary = [];
for (const n of allSizes) for (const sys of ['ours', 'ours-1', 'typst', 'xelatex']) {
  const s = summarise(sys, n);
  if (s) summary.push(s);
}
const get = (sys, n) => summary.find((s) => s.system === sys && s.n === n);

// linear fit of wall time against pages for our build
const oursRows = allSizes.map((n) => get('ours', n)).filter(Boolean);
let fit;
if (oursRows.length >= 2) {
  const xs = oursRows.map((s) => s.pages);
  const ys = oursRows.map((s) => s.wall_s);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0);
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const ssRes = ys.reduce((a, y, i) => a + (y - (intercept + slope * xs[i])) ** 2, 0);
  const ssTot = ys.reduce((a, y) => a + (y - my) ** 2, 0);
  fit = { intercept_s: intercept, ms_per_page: slope * 1000, r2: 1 - ssRes / ssTot };
}
const marginal = oursRows.slice(1).map((s, i) => ({
  from: oursRows[i].n, to: s.n,
  ms_per_page: ((s.wall_s - oursRows[i].wall_s) * 1000) / (s.pages - oursRows[i].pages),
}));

// ratios and the issue's targets
const ratios = [];
for (const n of opts.pairSizes) {
  const o = get('ours', n);
  for (const peer of ['typst', 'xelatex']) {
    const p = get(peer, n);
    if (!o || !p) continue;
    ratios.push({ n, peer, wall: o.wall_s / p.wall_s, cpu: o.cpu_s / p.cpu_s, maxrss: o.maxrss_mib / p.maxrss_mib });
  }
}
const ratio = (n, peer) => ratios.find((r) => r.n === n && r.peer === peer);
const targets = [
  { what: 'N=40 wall ≤ 0.4 × Typst', r: ratio(40, 'typst')?.wall, limit: 0.4 },
  { what: 'N=40 wall ≤ 0.1 × XeLaTeX (2 runs)', r: ratio(40, 'xelatex')?.wall, limit: 0.1 },
  { what: 'N=1 wall ≤ 0.5 × Typst', r: ratio(1, 'typst')?.wall, limit: 0.5 },
  { what: 'N=40 peak RSS ≤ 0.5 × Typst', r: ratio(40, 'typst')?.maxrss, limit: 0.5 },
].map((t) => ({ ...t, met: t.r === undefined ? undefined : t.r <= t.limit }));

// ---------------------------------------------------------------- print
const f = (x, d = 3) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
const grp = (x) => (x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));
/** A Markdown table: numeric columns right-aligned, text columns left-aligned. */
function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = head.map((_, i) => rows.every((r) => /^[\d.,–\s-]+$/.test(String(r[i]))));
  const line = (cells) => `| ${cells.map((c, i) => (numeric[i] ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join(' | ')} |`;
  return [line(head), `|${w.map((x, i) => (numeric[i] ? '-'.repeat(x + 1) + ':' : ':' + '-'.repeat(x + 1))).join('|')}|`, ...rows.map(line)].join('\n');
}
const label = { ours: 'ours (pdfkit)', 'ours-1': 'ours, one thread', typst: 'Typst 0.14.2', xelatex: 'XeLaTeX 2 runs' };

const out = [];
out.push('', `## Our build, scaling (median of ${opts.runs} runs; N>=${opts.bigFrom}: ${opts.bigRuns})`, '');
out.push(table(
  ['N', 'pages', 'chars', 'wall s', 'min–max s', 'CPU s', 'peak RSS MiB', 'ms/page', 'pages/s', 'chars/s'],
  oursRows.map((s) => [s.n, s.pages, grp(s.chars), f(s.wall_s), `${f(s.wall_min_s, 2)}–${f(s.wall_max_s, 2)}`, f(s.cpu_s, 2),
    f(s.maxrss_mib, 0), f(s.ms_per_page, 1), f(s.pages_per_s, 1), grp(s.chars_per_s)]),
));
if (fit) {
  out.push('', `Linear fit wall = a + b·pages: a = ${f(fit.intercept_s)} s, b = ${f(fit.ms_per_page, 2)} ms/page, R² = ${f(fit.r2, 4)}`);
  out.push(`Marginal ms/page: ${marginal.map((m) => `${m.from}→${m.to}: ${f(m.ms_per_page, 1)}`).join(', ')}`);
}
const pairRows = summary.filter((s) => opts.pairSizes.includes(s.n) && (s.system !== 'ours' || ratios.length > 0));
if (pairRows.some((s) => s.system !== 'ours')) {
  out.push('', '## Side by side (same run, interleaved)', '');
  out.push(table(
    ['system', 'N', 'pages', 'wall s', 'CPU s', 'peak RSS MiB', 'chars/s', 'PDF MiB'],
    pairRows.map((s) => [label[s.system], s.n, s.pages, f(s.wall_s), f(s.cpu_s, 2), f(s.maxrss_mib, 0), grp(s.chars_per_s), f(s.pdf_bytes / 2 ** 20, 2)]),
  ));
  const xl = pairRows.filter((s) => s.system === 'xelatex');
  if (xl.length) out.push('', `XeLaTeX one run (.aux/.toc present, the 2nd run): ${xl.map((s) => `N=${s.n} ${f(s.one_run_wall_s)} s`).join(', ')}`);
  out.push('', '## Ratios ours / peer (< 1: we are faster or smaller)', '');
  out.push(table(['N', 'peer', 'wall', 'CPU', 'peak RSS'], ratios.map((r) => [r.n, r.peer, f(r.wall, 2), f(r.cpu, 2), f(r.maxrss, 2)])));
  out.push('', '## Targets of the issue', '');
  out.push(table(['target', 'ratio', 'met'], targets.map((t) => [t.what, f(t.r, 2), t.met === undefined ? 'not measured' : t.met ? 'yes' : 'NO'])));
}
if (proofing) {
  const { proofs, watch, wholeBook, longCategory: long } = proofing;
  out.push('', `## Proofing: \`yearbook proof <分目>\` as a whole process (median of ${opts.runs} runs), and \`proof --watch\``, '');
  const shown = [
    ...proofs,
    ...(wholeBook ? [{ ...wholeBook, section: `${wholeBook.section} of N=40's 20th 类目` }] : []),
    { ...long.proof, section: `${long.proof.section} of a 类目 of ${long.sections} 分目` },
  ];
  out.push(table(['section', 'pages', 'wall s', 'min–max s', 'CPU s', 'peak RSS MiB'],
    shown.map((p) => [p.section, p.pages.join(','), f(p.wall_s), `${f(p.wall_min_s, 2)}–${f(p.wall_max_s, 2)}`, f(p.cpu_s, 2), f(p.maxrss_mib, 0)])));
  const slowest = Math.max(...proofs.map((p) => p.wall_s));
  out.push('', `Target: a proof of one 分目 within 0.3 s: ${proofs.filter((p) => p.wall_s <= 0.3).length} of ${proofs.length} 分目 (slowest median ${f(slowest)} s).`);
  for (const [w, where] of [[watch, ''], [long.watch, ` of the 类目 of ${long.sections} 分目`]]) {
    out.push(`proof --watch ${w.section}${where} (saving ${w.entry} ${w.saves} times): median ${f(w.median_ms, 0)} ms, first ${f(w.first_ms, 0)} ms, ` +
      `slowest ${f(w.max_ms, 0)} ms; ${w.under_100ms} of ${w.saves} within the target of 100 ms.`);
  }
}
{
  const others = runs.map((r) => (r.others_cpu_s ?? 0) / r.wall_s);
  const noisy = runs.filter((r) => (r.noise ?? 0) > opts.maxNoise);
  const retried = runs.reduce((a, r) => a + (r.retries ?? 0), 0);
  if (retried) out.push('', `${retried} timed run(s) were disturbed by other processes and run again.`);
  if (noisy.length) {
    out.push(`Note: ${noisy.length} of ${runs.length} timed runs stayed disturbed after ${opts.retries} retries ` +
      `(others used up to ${f(Math.max(...others), 2)} cores): see noise and others_cpu_s in results.json.`);
  }
}
if (peers.notes.length) out.push('', ...peers.notes.map((n) => `peers: ${n}`));
if (failures.length) out.push('', `${failures.length} run(s) failed: see results.json`);
console.log(out.join('\n'));

// ---------------------------------------------------------------- JSON
const meta = {
  started: started.toISOString(),
  finished: new Date().toISOString(),
  // the commit of this tree; with --cli the timed code is elsewhere: BENCH_LABEL may say what it is
  commit: OWN_CLI ? gitDescribe() : undefined,
  bench_tree_commit: gitDescribe(),
  cli: CLI,
  label: env.BENCH_LABEL,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  cpu: os.cpus()[0]?.model,
  nproc: os.availableParallelism?.() ?? os.cpus().length,
  mem_total_gib: os.totalmem() / 2 ** 30,
  loadavg_at_end: os.loadavg(),
  settle_s: opts.settle, max_noise: opts.maxNoise, retries: opts.retries,
  method,
  runs: opts.runs, warmup: opts.warmup, big_runs: opts.bigRuns, big_from: opts.bigFrom,
  sizes: allSizes, pair_sizes: opts.pairSizes,
  xelatex: peers.xelatex ? toolVersion(peers.xelatex.bin, ['--version'], /^(XeTeX[^\n]*)/m) : undefined,
  typst_node_compiler: peers.typst
    ? JSON.parse(fs.readFileSync(path.join(peers.typst.dir, 'node_modules/@myriaddreamin/typst-ts-node-compiler/package.json'), 'utf8')).version
    : undefined,
  seed_stats: seedStats,
  peers_notes: peers.notes,
};
const results = { meta, editions, summary, ratios, targets, linear_fit: fit, marginal, proofing, runs, failures };
fs.writeFileSync(path.join(opts.out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
log(`\nbench: raw results in ${path.relative(REPO, path.join(opts.out, 'results.json'))}`);

// ---------------------------------------------------------------- profile
if (opts.profile) {
  const dir = path.join(opts.out, 'profile');
  fs.mkdirSync(dir, { recursive: true });
  for (const n of opts.pairSizes) {
    const r = spawnSync(process.execPath, [path.join(REPO, 'bench/profile.mjs'), '--build', editionDir(n), '--name', `n${n}`, '--dir', dir, '--cli', CLI_MAIN],
      { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, `n${n}.txt`), r.stdout);
    console.log(`\n# Profile N=${n}\n${r.stdout}`);
  }
}
process.exitCode = failures.length ? 1 : 0;
