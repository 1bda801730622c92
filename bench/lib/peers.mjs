/**
 * The peer typesetters (../shared/bench/peers/README.md): Typst 0.14.2 inside Node
 * (@myriaddreamin/typst-ts-node-compiler, run by compile_typst.mjs) and XeLaTeX + ctexbook.
 *
 * Set-up, as that README says: the shared peers folder is read-only, so it is copied to a
 * scratch folder (out/bench/peers, ignored by git: their code is never committed) and
 * `npm ci` is run there once. parse_seed.py and gen_docs.py (python3) write yb-N.tex and
 * yb-N.typ from the seed text into out/bench/peers-work, as bench.sh does.
 * Each peer is used only when it is really there: xelatex on PATH, the Typst compiler
 * installed in the scratch copy, Debian's fonts-noto-cjk, python3 for the generators.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { which } from './measure.mjs';

export const NOTO_CJK_DIR = '/usr/share/fonts/opentype/noto';
const TYPST_PKG = '@myriaddreamin/typst-ts-node-compiler';

function makeWritable(p) {
  const st = fs.statSync(p);
  fs.chmodSync(p, st.mode | 0o200);
  if (st.isDirectory()) for (const n of fs.readdirSync(p)) if (n !== 'node_modules') makeWritable(path.join(p, n));
}

/**
 * Find and, if needed, set up the peers. Returns
 * { typst: {script, dir} | null, xelatex: {bin} | null, work, notes: string[] }.
 */
export function setupPeers({ repo, scratch, peersSrc, seed, wantTypst = true, wantXelatex = true, install = true, log = console.error }) {
  const notes = [];
  const res = { typst: null, xelatex: null, work: path.join(scratch, 'peers-work'), notes, seedStats: undefined };
  if (!fs.existsSync(path.join(peersSrc, 'gen_docs.py'))) {
    notes.push(`peers folder not found at ${peersSrc} (set BENCH_PEERS_SRC)`);
    return res;
  }
  if (!fs.existsSync(seed)) {
    notes.push(`seed text not found at ${seed} (set BENCH_SEED)`);
    return res;
  }
  if (!which('python3')) {
    notes.push('python3 not found: the peers\' generators (parse_seed.py, gen_docs.py) need it');
    return res;
  }
  const haveFonts = fs.existsSync(path.join(NOTO_CJK_DIR, 'NotoSerifCJK-Regular.ttc'));
  if (!haveFonts) notes.push(`Noto CJK fonts not found in ${NOTO_CJK_DIR} (apt-get install fonts-noto-cjk)`);

  // Typst: a scratch copy of the peers folder with its npm dependencies.
  const dir = path.join(scratch, 'peers');
  if (wantTypst && haveFonts) {
    const installed = () => fs.existsSync(path.join(dir, 'node_modules', TYPST_PKG, 'package.json'));
    const sameLock = () => {
      try {
        return fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8') === fs.readFileSync(path.join(peersSrc, 'package-lock.json'), 'utf8');
      } catch {
        return false;
      }
    };
    for (const name of fs.readdirSync(peersSrc)) {
      if (name === 'node_modules' || name === 'out') continue;
      fs.cpSync(path.join(peersSrc, name), path.join(dir, name), { recursive: true, force: true });
    }
    makeWritable(dir);
    if ((!installed() || !sameLock()) && install && which('npm')) {
      log(`peers: npm ci in ${path.relative(repo, dir)} (${TYPST_PKG}) …`);
      const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
      if (r.status !== 0) notes.push(`npm ci in ${dir} failed: Typst is left out`);
    }
    if (installed()) res.typst = { script: path.join(dir, 'compile_typst.mjs'), dir };
    else notes.push(`Typst compiler not installed in ${dir} (npm ci there; BENCH_PEERS_INSTALL=0 prevents it)`);
  }
  const xelatex = which('xelatex');
  if (wantXelatex && haveFonts) {
    if (xelatex) res.xelatex = { bin: xelatex };
    else notes.push('xelatex not on PATH (apt-get install texlive-xetex texlive-lang-chinese)');
  }
  return res;
}

/** parse_seed.py and gen_docs.py: yb-N.tex and yb-N.typ in `work` for each N. */
export function generatePeerDocs({ peersSrc, seed, work, sizes }) {
  fs.mkdirSync(work, { recursive: true });
  const seedJson = path.join(work, 'seed.json');
  const run = (args, env = process.env) => {
    const r = spawnSync('python3', args, { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python3 ${args.join(' ')} failed:\n${r.stderr}`);
    return r.stdout;
  };
  run([path.join(peersSrc, 'parse_seed.py'), seed, seedJson]);
  for (const n of sizes) run([path.join(peersSrc, 'gen_docs.py'), String(n), work], { ...process.env, SEED_JSON: seedJson });
  return JSON.parse(fs.readFileSync(seedJson, 'utf8')).stats;
}
