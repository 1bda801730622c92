#!/usr/bin/env node
/**
 * Where our build's time goes, from a V8 CPU profile (node --cpu-prof).
 *
 *   node bench/profile.mjs FILE.cpuprofile [--top 10] [--detail 5] [--json OUT.json]
 *   node bench/profile.mjs --build EDITION_DIR [--name n40] [--dir out/bench/profile] [--top 10] [--cli FILE] [--snapshot]
 *        (runs `node --cpu-prof dist/cli/main.js build EDITION_DIR` first, then summarises;
 *        --cli names another compiled copy of the CLI; --snapshot runs the build as
 *        bin/yearbook does, from the startup snapshot with its V8 flags and malloc settings,
 *        and maps the snapshot bundle's frames back to the files they were bundled from
 *        through its source map, dist/snapshot/yearbook.cjs.map)
 *
 * Prints:
 *   - the top functions by self time (own code only, callees excluded), with inclusive time
 *     (counted once per sample, so recursion does not double it) and, for our code, the
 *     src/ location through dist/'s source maps;
 *   - a split by stage, three ways:
 *       self       the sample's leaf frame lies in that stage's code (libraries are rows of
 *                  their own: pdfkit, fontkit, markdown-it, …);
 *       attributed every sample goes to exactly one stage, the innermost of our stages on its
 *                  stack, so library time counts for the stage that called it (fontkit under
 *                  src/fonts = fonts; pdfkit under src/pdf = PDF writing) — except that
 *                  anything under pdfkit's EmbeddedFont.embed() (called from doc.end()) is
 *                  subsetting: fontkit's subset encode, or the rest of embed() (deflate of the
 *                  font file, widths, ToUnicode); samples without any of our frames are
 *                  module loading, GC, idle (waiting for I/O) or other;
 *       inclusive  the stage's code is anywhere on the stack (so rows overlap).
 * Stages: fonts (src/fonts), content (src/content), typeset: prepare / linebreak / finalize /
 * other (src/typeset), layout (src/layout), PDF writing (src/pdf + pdfkit), subsetting; and,
 * where the build runs them, text checks (src/check), book index, archive manifest.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------- arguments
const argv = process.argv.slice(2);
const opt = (name, d) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
};
const TOP = Number(opt('top', 10));
const DETAIL = Number(opt('detail', 5));
let files = argv.filter((a, i) => a.endsWith('.cpuprofile') && !['--json', '--dir', '--name'].includes(argv[i - 1]));
const buildDir = opt('build');
if (buildDir) {
  const dir = path.resolve(opt('dir', path.join(REPO, 'out/bench/profile')));
  const name = opt('name', path.basename(buildDir));
  fs.mkdirSync(dir, { recursive: true });
  const profFile = `${name}.cpuprofile`;
  fs.rmSync(path.join(dir, profFile), { force: true });
  const profile = ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${profFile}`];
  const command = ['build', buildDir, '-o', path.join(dir, `${name}.pdf`)];
  const r = argv.includes('--snapshot')
    ? spawnSync(process.execPath, [...snapshotArgs(), ...profile, '--snapshot-blob', snapshotBlob(), '--', ...command], { cwd: REPO, encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: launcherTunables() } })
    : spawnSync(process.execPath, [...profile, path.resolve(opt('cli', path.join(REPO, 'dist/cli/main.js'))), ...command], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  process.stderr.write(r.stdout);
  files = [path.join(dir, profFile)];
}
if (files.length === 0) {
  console.error('usage: node bench/profile.mjs FILE.cpuprofile [--top 10] [--json OUT]\n       node bench/profile.mjs --build EDITION_DIR [--name NAME] [--dir DIR] [--snapshot]');
  process.exit(2);
}

// ---------------------------------------------------------------- the startup snapshot
/** The V8 flags the snapshot was made with (bin/yearbook starts Node with them). */
function snapshotArgs() {
  return fs.readFileSync(path.join(REPO, 'dist/snapshot/node-flags'), 'utf8').trim().split(/\s+/).filter(Boolean);
}

function snapshotBlob() {
  const blob = path.join(REPO, `dist/snapshot/yearbook-${process.version}.blob`);
  if (!fs.existsSync(blob)) {
    console.error(`${blob}: no startup snapshot for this Node: run \`npm run compile\``);
    process.exit(1);
  }
  return blob;
}

/** The malloc settings bin/yearbook gives Node, read from the script itself. */
function launcherTunables() {
  return /^\s*GLIBC_TUNABLES=(\S+)$/m.exec(fs.readFileSync(path.join(REPO, 'bin/yearbook'), 'utf8'))?.[1] ?? '';
}

const BUNDLE = path.join(REPO, 'dist/snapshot/yearbook.cjs');

/**
 * Frames of the snapshot's bundle given the file, line and column they were bundled from
 * (a file of dist/ or of a package), so that the stages below apply as to a run of dist/.
 */
function unbundle(prof) {
  const bundleUrl = pathToFileURL(BUNDLE).href;
  if (!prof.nodes.some((n) => n.callFrame.url === bundleUrl)) return;
  const map = new SourceMap(JSON.parse(fs.readFileSync(`${BUNDLE}.map`, 'utf8')));
  for (const { callFrame: cf } of prof.nodes) {
    if (cf.url !== bundleUrl) continue;
    const e = map.findEntry(cf.lineNumber, Math.max(cf.columnNumber, 0));
    if (!e || e.originalSource === undefined) continue;
    cf.url = pathToFileURL(path.resolve(path.dirname(BUNDLE), e.originalSource)).href;
    cf.lineNumber = e.originalLine;
    cf.columnNumber = e.originalColumn;
  }
}

// ---------------------------------------------------------------- classification
const SRC_STAGE = [
  [/^fonts\//, 'fonts'],
  [/^content\//, 'content'],
  [/^typeset\/prepare\./, 'typeset: prepare'],
  [/^typeset\/linebreak\./, 'typeset: linebreak'],
  [/^typeset\/finalize\./, 'typeset: finalize'],
  [/^typeset\//, 'typeset: other (paragraph, classes)'],
  [/^layout\//, 'layout'],
  [/^pdf\//, 'PDF writing'],
  [/^check\//, 'text checks (src/check)'],
  [/^book-index\//, 'book index (src/book-index)'],
  [/^archive\//, 'archive (src/archive)'],
  [/^template\//, 'template'],
  [/^cli\/|^build\./, 'cli/build'],
  [/^model\//, 'model'],
];

/** Our file relative to dist/ ('typeset/linebreak.js'), or undefined. */
function distRel(url) {
  const m = /\/dist\/(.+\.js)$/.exec(url);
  return m && !url.includes('/node_modules/') ? m[1] : undefined;
}

function ownStage(url) {
  const rel = distRel(url);
  if (!rel) return undefined;
  for (const [re, stage] of SRC_STAGE) if (re.test(rel)) return stage;
  return 'other (ours)';
}

function libName(url) {
  const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  return m ? m[1] : undefined;
}

/** Self-time row for a leaf frame. */
function selfRow(frame) {
  const { functionName: fn, url } = frame;
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(idle)') return 'idle';
  if (fn === '(program)') return '(program): native, compile';
  if (fn === '(root)') return '(root)';
  const own = ownStage(url);
  if (own) return own;
  const lib = libName(url);
  if (lib) return `lib: ${lib}`;
  if (url.startsWith('node:internal/modules') || url.startsWith('node:internal/vm')) return 'module loading';
  if (url.startsWith('node:')) return 'node internals';
  if (!url) return 'native (no url)';
  return 'other';
}

// ---------------------------------------------------------------- source maps
const maps = new Map();
function srcLocation(url, line, column) {
  const rel = distRel(url);
  if (!rel || !url.startsWith('file:')) return undefined;
  const file = fileURLToPath(url);
  let map = maps.get(file);
  if (map === undefined) {
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  const fallback = `src/${rel.replace(/\.js$/, '.ts')}`;
  if (!map) return `${fallback} (dist line ${line + 1})`;
  const e = map.findEntry(line, Math.max(column, 0));
  if (!e || e.originalLine === undefined) return fallback;
  return `src/${rel.replace(/\.js$/, '.ts')}:${e.originalLine + 1}`;
}

// ---------------------------------------------------------------- analysis
function analyse(file) {
  const prof = JSON.parse(fs.readFileSync(file, 'utf8'));
  unbundle(prof);
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  // per-sample duration: the interval to the next sample (last one: the mean interval)
  const { samples, timeDeltas } = prof;
  const dur = new Float64Array(samples.length);
  const total = (prof.endTime - prof.startTime) / 1000; // ms
  for (let i = 0; i < samples.length; i++) {
    dur[i] = i + 1 < samples.length ? timeDeltas[i + 1] / 1000 : total / samples.length;
  }

  // per node: stack facts, computed once
  const info = new Map();
  const nodeInfo = (id) => {
    let inf = info.get(id);
    if (inf) return inf;
    const frames = [];
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) frames.push(byId.get(cur));
    // frames[0] = leaf
    const stagesOnStack = new Set();
    let innermost;
    let embed = -1;
    for (let k = 0; k < frames.length; k++) {
      const cf = frames[k].callFrame;
      const st = ownStage(cf.url);
      if (st) {
        stagesOnStack.add(st);
        if (innermost === undefined) innermost = st;
      }
      if (embed < 0 && cf.functionName === 'embed' && libName(cf.url) === 'pdfkit') embed = k;
    }
    const libsOnStack = new Set(frames.map((f) => libName(f.callFrame.url)).filter(Boolean));
    if (libsOnStack.has('pdfkit')) stagesOnStack.add('PDF writing');
    if ([...stagesOnStack].some((st) => st.startsWith('typeset'))) stagesOnStack.add('typeset (all: composeParagraph)');
    let attributed;
    if (embed >= 0) {
      const inFontkit = frames.slice(0, embed).some((f) => libName(f.callFrame.url) === 'fontkit');
      attributed = inFontkit ? 'subsetting: fontkit subset encode' : 'subsetting: rest of pdfkit embed()';
      stagesOnStack.add('subsetting (embed)');
    } else if (innermost) attributed = innermost;
    else if (libsOnStack.has('pdfkit')) attributed = 'PDF writing';
    else {
      const leaf = selfRow(frames[0].callFrame);
      const anyModule = frames.some((f) => f.callFrame.url.startsWith('node:internal/modules'));
      attributed = leaf === 'GC' || leaf === 'idle' ? leaf : anyModule ? 'module loading' : leaf.startsWith('lib:') ? `other: ${leaf}` : `other: ${leaf}`;
    }
    // functions on this stack (for inclusive time), keyed like the self table
    const fnKeys = new Set(frames.map((f) => fnKey(f.callFrame)));
    // for module loading: the innermost frame of a package or of dist/ (top-level code being
    // evaluated); compiling and resolving show no such frame
    let loading;
    if (attributed === 'module loading') {
      const f = frames.find((fr) => libName(fr.callFrame.url) || distRel(fr.callFrame.url));
      loading = f ? (libName(f.callFrame.url) ?? 'dist (ours)') : '(compile, resolve, read: no package frame)';
    }
    inf = { leaf: frames[0].callFrame, self: selfRow(frames[0].callFrame), attributed, stagesOnStack, fnKeys, loading };
    info.set(id, inf);
    return inf;
  };

  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  const selfByRow = new Map();
  const attrByStage = new Map();
  const inclByStage = new Map();
  const fnSelf = new Map();
  const fnIncl = new Map();
  const fnFrame = new Map();
  const stageFn = new Map(); // attributed stage -> Map(fnKey -> ms)
  const loadingBy = new Map();
  let sampled = 0;
  for (let i = 0; i < samples.length; i++) {
    const d = dur[i];
    sampled += d;
    const inf = nodeInfo(samples[i]);
    add(selfByRow, inf.self, d);
    add(attrByStage, inf.attributed, d);
    for (const s of inf.stagesOnStack) add(inclByStage, s, d);
    const k = fnKey(inf.leaf);
    add(fnSelf, k, d);
    fnFrame.set(k, inf.leaf);
    if (!stageFn.has(inf.attributed)) stageFn.set(inf.attributed, new Map());
    add(stageFn.get(inf.attributed), k, d);
    if (inf.loading) add(loadingBy, inf.loading, d);
    for (const fk of inf.fnKeys) add(fnIncl, fk, d);
  }
  const describe = ([k, ms]) => {
    const cf = fnFrame.get(k);
    return {
      function: cf.functionName || '(anonymous)',
      where: srcLocation(cf.url, cf.lineNumber, cf.columnNumber) ?? shortUrl(cf.url, cf.lineNumber),
      self_ms: ms,
      incl_ms: fnIncl.get(k),
    };
  };
  const top = [...fnSelf.entries()]
    .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(describe);
  const sortMap = (m) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, ms]) => ({ stage: k, ms }));
  const detail = sortMap(attrByStage).slice(0, 10).map(({ stage, ms: stageMs }) => ({
    stage,
    ms: stageMs,
    functions: [...stageFn.get(stage).entries()].sort((a, b) => b[1] - a[1]).slice(0, DETAIL).map(describe),
  }));
  return {
    file: path.relative(process.cwd(), file),
    total_ms: sampled,
    samples: samples.length,
    top,
    self: sortMap(selfByRow),
    attributed: sortMap(attrByStage),
    inclusive: sortMap(inclByStage),
    module_loading: sortMap(loadingBy),
    detail,
  };
}

function fnKey(cf) {
  return `${cf.functionName}|${cf.url}|${cf.lineNumber}|${cf.columnNumber}`;
}

function shortUrl(url, line) {
  if (!url) return '(native)';
  const lib = /\/node_modules\/(.+)$/.exec(url);
  const s = lib ? lib[1] : url.replace(/^file:\/\//, '');
  return `${s}:${line + 1}`;
}

// ---------------------------------------------------------------- output
function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const numeric = head.map((_, i) => rows.every((r) => /^[\d.,% –-]+$/.test(String(r[i]))));
  const line = (cells) => `| ${cells.map((c, i) => (numeric[i] ? String(c).padStart(w[i]) : String(c).padEnd(w[i]))).join(' | ')} |`;
  return [line(head), `|${w.map((x, i) => (numeric[i] ? '-'.repeat(x + 1) + ':' : ':' + '-'.repeat(x + 1))).join('|')}|`, ...rows.map(line)].join('\n');
}
const ms = (x) => (x === undefined ? '–' : x.toFixed(0));
const pct = (x, t) => `${((100 * x) / t).toFixed(1)}%`;

const all = [];
for (const file of files) {
  const a = analyse(file);
  all.push(a);
  const out = [];
  out.push(`Profile ${a.file}: ${a.samples} samples, ${(a.total_ms / 1000).toFixed(2)} s sampled`, '');
  out.push(`Top ${TOP} functions by self time`, '');
  out.push(table(['function', 'where', 'self ms', 'self %', 'incl ms'],
    a.top.map((t) => [t.function, t.where, ms(t.self_ms), pct(t.self_ms, a.total_ms), ms(t.incl_ms)])));
  out.push('', 'By stage, attributed (each sample once, to the innermost of our stages; sums to 100%)', '');
  out.push(table(['stage', 'ms', '%'], a.attributed.map((r) => [r.stage, ms(r.ms), pct(r.ms, a.total_ms)])));
  out.push('', 'By stage, inclusive (stage anywhere on the stack; rows overlap)', '');
  out.push(table(['stage', 'ms', '%'], a.inclusive.map((r) => [r.stage, ms(r.ms), pct(r.ms, a.total_ms)])));
  out.push('', 'Self time by code (leaf frame: our stages, each library, V8/Node)', '');
  out.push(table(['code', 'ms', '%'], a.self.map((r) => [r.stage, ms(r.ms), pct(r.ms, a.total_ms)])));
  if (a.module_loading.length) {
    out.push('', 'Module loading, by the package whose top-level code is on the stack', '');
    out.push(table(['package', 'ms', '%'], a.module_loading.map((r) => [r.stage, ms(r.ms), pct(r.ms, a.total_ms)])));
  }
  out.push('', `Inside each stage (attributed): top ${DETAIL} functions by self time`, '');
  out.push(table(['stage', 'function', 'where', 'self ms'],
    a.detail.flatMap((d) => d.functions.map((t, i) => [i === 0 ? `${d.stage} (${ms(d.ms)})` : '', t.function, t.where, ms(t.self_ms)]))));
  console.log(out.join('\n'));
  console.log('');
}
const jsonOut = opt('json', buildDir ? files[0].replace(/\.cpuprofile$/, '.summary.json') : undefined);
if (jsonOut) fs.writeFileSync(jsonOut, `${JSON.stringify(all.length === 1 ? all[0] : all, null, 2)}\n`);
