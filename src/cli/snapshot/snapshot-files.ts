/**
 * The startup snapshot's files in dist/snapshot and when they may be used.
 *
 * `npm run compile` bundles the compiled program into one file (yearbook.cjs) and has Node
 * save its heap, once every module is loaded and set up, as a V8 startup snapshot
 * (yearbook-<node version>.blob, the name bin/yearbook looks for). A stamp (stamp.json),
 * written last, says what the snapshot was made from. A snapshot holds the code of its day
 * and the absolute paths of its folder, so it is used only while all of these still hold:
 * the same Node, the same folder, and the compiled files it was made from neither compiled
 * again (by a bare `tsc`, say) nor gone.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/, whose compiled code the snapshot holds. */
const DIST = fileURLToPath(new URL('../../', import.meta.url));
export const SNAPSHOT_DIR = path.join(DIST, 'snapshot');
export const BUNDLE = path.join(SNAPSHOT_DIR, 'yearbook.cjs');
export const BLOB = path.join(SNAPSHOT_DIR, `yearbook-${process.version}.blob`);
/** The command run in its own process, without the snapshot. */
export const MAIN = path.join(DIST, 'cli', 'main.js');
const STAMP = path.join(SNAPSHOT_DIR, 'stamp.json');

/**
 * The flags the snapshot is made and started with (V8 starts from a snapshot only with the
 * flags it was made with), written to FLAGS for bin/yearbook. `--heap-growing-percent=50`:
 * after each full collection the old generation may grow by half of what survived it, not by
 * up to four times, so garbage is collected before it piles up: the peak at N=40 227 → 201
 * MiB (medians of fourteen pairs), at N=80 with a layout worker 481–494 → 411–415 MiB, for
 * about 3% more time at N=40 (docs/performance-history.md). `--initial-old-space-size=96`: the
 * first full collection waits until the old generation holds 96 MB, where V8 made it at about
 * 13 MB, barely above the snapshot's own heap: a build of the sample or of the N=5 book made
 * two full collections of little, now none, N=40 one where it made three, and a proof none;
 * the sample 0.926 ×, a proof 0.973 × as long, the peak at N=40 and N=80 no higher
 * (docs/performance.md, "What V8 does beside the main thread"). No `--min-semi-space-size`
 * any more: since pages are laid out and written one at a time, a young generation V8 grows
 * only as needed gives the lower peak.
 */
export const NODE_FLAGS: readonly string[] = ['--heap-growing-percent=50', '--initial-old-space-size=96', `--v8-pool-size=${v8PoolSize(os.availableParallelism())}`];

/**
 * The threads V8 runs its background work on (Node's `--v8-pool-size`): compiling with
 * TurboFan, the garbage collector's marking and its helpers. Node starts four whatever the
 * machine, and on 2 cores they cost more than they gave: a build of the sample took 0.92 s
 * of CPU with four against 0.78 with one. One fewer than the cores (the main thread keeps
 * one) and no more than Node's four: on 2 cores one, and N=1 took 0.868 × as long, N=40
 * 0.900 ×, a proof 0.972 × (pairs against four; docs/performance.md, "V8's background
 * threads"). Taken from the cores Node sees when the snapshot is made.
 */
export function v8PoolSize(cores: number): number {
  return Math.max(1, Math.min(4, cores - 1));
}

export const FLAGS = path.join(SNAPSHOT_DIR, 'node-flags');

/**
 * The Node the snapshot was made by, as a symbolic link to its binary, and its version
 * (process.version), written after the link: bin/yearbook takes the version from here, without
 * starting Node once more for `node --version` (17 ms of every command here), while the `node`
 * it would run is that very file (the same device and inode) and not changed since.
 */
export const NODE_LINK = path.join(SNAPSHOT_DIR, 'node');
export const NODE_VERSION = path.join(SNAPSHOT_DIR, 'node-version');

/** What a snapshot was made from: it fits a run only where every field is the same. */
export interface Stamp {
  node: string;
  platform: string;
  arch: string;
  bundle: string;
  /** The compiled files the bundle was made from: the .js files under dist/ (outside the snapshot's own folder), as paths from dist/. */
  files: string[];
  /** Their newest modification time (ms). */
  compiled: number;
}

/**
 * The stamp of this Node, this folder and the compiled files as they are now: those listed
 * (a snapshot's own, when it is checked), else all there are (when it is made). Checking the
 * listed files alone is enough: a file compiled since is one of them, or is new and then
 * loaded only by one of them that was compiled again too. Every command checks its snapshot:
 * walking dist/'s 21 folders for their 125 files took 10–12 ms of `--help`, the listed files'
 * stats alone 4.5–5.3 ms (six CPU profiles each).
 */
export function currentStamp(files = compiledFiles(DIST, '')): Stamp {
  return { node: process.version, platform: process.platform, arch: process.arch, bundle: BUNDLE, files, compiled: newest(files) };
}

/** The .js files under `dir` (but the snapshot's own folder), as paths from dist/: `under` is dir's. */
function compiledFiles(dir: string, under: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (file !== SNAPSHOT_DIR) files.push(...compiledFiles(file, under + entry.name + path.sep));
    } else if (entry.name.endsWith('.js')) {
      files.push(under + entry.name);
    }
  }
  return files;
}

/** The newest modification time of the files (paths from dist/); NaN where one is gone, which fits no stamp. */
function newest(files: readonly string[]): number {
  let newest = 0;
  for (const file of files) newest = Math.max(newest, fs.statSync(DIST + file, { throwIfNoEntry: false })?.mtimeMs ?? NaN);
  return newest;
}

export function writeStamp(stamp: Stamp): void {
  fs.writeFileSync(STAMP, JSON.stringify(stamp, null, 2) + '\n');
}

/** Remove the stamp and every blob, so that nothing stale is used while a new snapshot is made. */
export function removeSnapshot(): void {
  fs.rmSync(STAMP, { force: true });
  fs.rmSync(FLAGS, { force: true });
  fs.rmSync(NODE_VERSION, { force: true });
  fs.rmSync(NODE_LINK, { force: true });
  if (!fs.existsSync(SNAPSHOT_DIR)) return;
  for (const file of fs.readdirSync(SNAPSHOT_DIR)) if (file.endsWith('.blob')) fs.rmSync(path.join(SNAPSHOT_DIR, file));
}

/** The stamp of the snapshot made last, or undefined when there is none (or it is unreadable). */
export function readStamp(): Partial<Stamp> | undefined {
  try {
    return JSON.parse(fs.readFileSync(STAMP, 'utf8')) as Partial<Stamp>;
  } catch {
    return undefined;
  }
}

/** Why a snapshot made as `made` says cannot be used `now`, or undefined when it can. */
export function snapshotUnfit(made: Partial<Stamp> | undefined, now: Stamp): string | undefined {
  if (!made) return 'no startup snapshot has been made: run `npm run compile`';
  if (made.node !== now.node || made.platform !== now.platform || made.arch !== now.arch) {
    return `the startup snapshot was made by Node ${made.node} on ${made.platform}-${made.arch}: run \`npm run compile\``;
  }
  if (made.bundle !== now.bundle) return 'the startup snapshot was made in another folder: run `npm run compile`';
  if (made.compiled !== now.compiled) return 'the code was compiled again after the startup snapshot was made: run `npm run compile`';
  return undefined;
}

let fromSnapshot = false;

/** Said by ./entry.ts before it runs a command in a Node started from the snapshot. */
export function startedFromSnapshot(): void {
  fromSnapshot = true;
}

/** Whether this process was started from the snapshot, which cannot load ES modules at run time (`import()`). */
export function runningFromSnapshot(): boolean {
  return fromSnapshot;
}

/**
 * Run the command `args` as a process of its own from MAIN, which loads the modules, and end
 * this one as that one ended (its exit code, or the signal that stopped it).
 */
export function runAsOwnProcess(args: string[]): void {
  const r = spawnSync(process.execPath, [MAIN, ...args], { stdio: 'inherit' });
  if (r.signal) process.kill(process.pid, r.signal);
  process.exitCode = r.status ?? 1;
}
