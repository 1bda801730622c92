/**
 * Running the `yearbook` command as a process, as an editor does, from the current source:
 * src/ is transpiled (types dropped; `npx tsc --noEmit` checks them) into a private folder
 * once per test file, with the table of readings that `npm run compile` makes next, laid out
 * like the repository (dist/, with bin/, templates/, fonts/, content/, node_modules/ and
 * package.json beside it; templates/ and fonts/ copied, content/ and node_modules/ linked), so
 * these tests never read a dist/ that another test file is compiling at the same moment.
 * Commands run as `node dist/cli/main.js`, or with `snapshot` as bin/yearbook from a startup
 * snapshot made there (src/cli/snapshot).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');

let cli: string | undefined;

function transpileTree(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      transpileTree(source, path.join(to, entry.name));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      const out = ts.transpileModule(fs.readFileSync(source, 'utf8'), {
        fileName: source,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      });
      fs.mkdirSync(to, { recursive: true });
      fs.writeFileSync(path.join(to, entry.name.replace(/\.ts$/, '.js')), out.outputText);
    }
  }
}

/** The path of the CLI's main.js in the private build (made on first use). */
export function cliMain(): string {
  if (cli) return cli;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-cli-'));
  transpileTree(path.join(ROOT, 'src'), path.join(root, 'dist'));
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  // The sample edition, which the startup snapshot builds and proofs before it is saved (src/cli/snapshot/warm-up.ts).
  fs.symlinkSync(path.join(ROOT, 'content'), path.join(root, 'content'), 'dir');
  // Copies, not links: a test may change them (proof --watch sets the proof again when they are saved).
  for (const dir of ['templates', 'fonts']) fs.cpSync(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  fs.cpSync(path.join(ROOT, 'bin'), path.join(root, 'bin'), { recursive: true });
  // The subject index's readings, which `npm run compile` makes after tsc.
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'book-index', 'make-readings.js')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || r.stderr) throw new Error(`making the table of readings failed: ${r.stderr}`);
  cli = path.join(root, 'dist', 'cli', 'main.js');
  return cli;
}

let snapshotBin: string | undefined;

/** bin/yearbook of the private build, with its startup snapshot made (on first use). */
export function snapshotCli(): string {
  if (snapshotBin) return snapshotBin;
  const root = path.dirname(path.dirname(path.dirname(cliMain())));
  const r = spawnSync(process.execPath, [path.join(root, 'dist', 'cli', 'snapshot', 'make.js')], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || r.stderr) throw new Error(`making the startup snapshot failed: ${r.stderr}`);
  snapshotBin = path.join(root, 'bin', 'yearbook');
  return snapshotBin;
}

export interface RunOptions {
  cwd?: string;
  /** Run bin/yearbook from the startup snapshot (YEARBOOK_SNAPSHOT=1 unless `env` says otherwise). */
  snapshot?: boolean;
  /** Set (string) or remove (undefined) environment variables, over a neutral locale. */
  env?: Record<string, string | undefined>;
}

/**
 * Run `yearbook …args`. The locale and colour variables of the machine running the tests are
 * taken out first (LANG=C.UTF-8, no LC_*, NO_COLOR, FORCE_COLOR), and NODE_OPTIONS (with which
 * Node does not start from the snapshot), so output is the same everywhere unless a test sets them.
 */
export function runCli(args: string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', ...(options.snapshot ? { YEARBOOK_SNAPSHOT: '1' } : {}) };
  for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANGUAGE', 'NO_COLOR', 'FORCE_COLOR', 'CI', 'NODE_OPTIONS']) delete env[key];
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const [command, commandArgs] = options.snapshot ? [snapshotCli(), args] : [process.execPath, [cliMain(), ...args]];
  return spawnSync(command, commandArgs, { cwd: options.cwd ?? ROOT, env: env as NodeJS.ProcessEnv, encoding: 'utf8' });
}

export { ROOT };
