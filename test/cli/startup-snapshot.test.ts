/**
 * The startup snapshot (src/cli/snapshot): bin/yearbook started from it does what the command
 * does without it, to the byte; the importer, bundled but left unset, is set up on first use;
 * preview proofs from the snapshot and draws in a process of its own; a snapshot older than the
 * compiled code falls back to loading the modules; the rules for when a snapshot fits; the
 * environment bin/yearbook starts Node in (malloc settings, no extra certificates); and how it
 * finds the snapshot of the Node on the PATH without asking that Node its version.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotUnfit, v8PoolSize, type Stamp } from '../../src/cli/snapshot/snapshot-files.js';
import { cliMain, ROOT, runCli, snapshotCli } from './cli-process.js';

describe('when a startup snapshot fits', () => {
  const made: Stamp = { node: 'v20.20.2', platform: 'linux', arch: 'x64', bundle: '/b/dist/snapshot/yearbook.cjs', files: ['cli/main.js'], compiled: 1000 };

  it('fits the Node, folder and compiled code it was made from, and nothing else', () => {
    expect(snapshotUnfit(made, { ...made })).toBeUndefined();
    expect(snapshotUnfit(undefined, made)).toBe('no startup snapshot has been made: run `npm run compile`');
    expect(snapshotUnfit(made, { ...made, node: 'v20.21.0' })).toBe('the startup snapshot was made by Node v20.20.2 on linux-x64: run `npm run compile`');
    expect(snapshotUnfit(made, { ...made, arch: 'arm64' })).toMatch(/^the startup snapshot was made by Node/);
    expect(snapshotUnfit(made, { ...made, bundle: '/moved/dist/snapshot/yearbook.cjs' })).toBe('the startup snapshot was made in another folder: run `npm run compile`');
    expect(snapshotUnfit(made, { ...made, compiled: 1001 })).toBe('the code was compiled again after the startup snapshot was made: run `npm run compile`');
  });
});

describe("V8's background threads", () => {
  it('are one fewer than the cores, at least one and at most Node\'s own four', () => {
    expect([1, 2, 3, 4, 5, 64].map(v8PoolSize)).toEqual([1, 1, 2, 3, 4, 4]);
  });

  it('are set among the flags the snapshot is made and started with, from the cores of this machine', () => {
    const snapshot = path.join(path.dirname(path.dirname(snapshotCli())), 'dist', 'snapshot');
    const flags = fs.readFileSync(path.join(snapshot, 'node-flags'), 'utf8').trim().split(' ');
    expect(flags).toContain(`--v8-pool-size=${v8PoolSize(os.availableParallelism())}`);
  });
});

describe('bin/yearbook from the startup snapshot', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-snapshot-'));
  const fromSnapshot = path.join(dir, 'snapshot.pdf');

  it('builds the sample edition to the same bytes as the command without the snapshot', () => {
    const withSnapshot = runCli(['build', 'content/2019', '-o', fromSnapshot], { snapshot: true });
    expect(withSnapshot.stderr).not.toMatch(/YEARBOOK_SNAPSHOT/);
    expect(withSnapshot.status).toBe(0);
    const without = path.join(dir, 'without.pdf');
    expect(runCli(['build', 'content/2019', '-o', without]).status).toBe(0);
    expect(fs.readFileSync(fromSnapshot).equals(fs.readFileSync(without))).toBe(true);
  });

  it('holds none of fontkit, pinyin-pro and diff, and loads fontkit from node_modules where pdfkit lays out text itself (a print build\'s crop-mark labels), to the same bytes', () => {
    const snapshot = path.join(path.dirname(path.dirname(snapshotCli())), 'dist', 'snapshot');
    const bundle = fs.readFileSync(path.join(snapshot, 'yearbook.cjs'), 'utf8');
    const sources = (JSON.parse(fs.readFileSync(path.join(snapshot, 'yearbook.cjs.map'), 'utf8')) as { sources: string[] }).sources;
    // fontkit's cmap lookup and its decoder of font tables.
    expect(bundle).not.toMatch(/getVariationSelector|VersionedStruct/);
    // pdfkit's import of fontkit is a stand-in; pinyin-pro and diff are not imported at all.
    expect(sources.filter((s) => /node_modules\/(fontkit|pinyin-pro|diff)\//.test(s)).map((s) => s.replace(/.*node_modules\//, '')))
      .toEqual(['fontkit/dist/module.mjs']);
    const printed = path.join(dir, 'print-snapshot.pdf');
    const r = runCli(['build', 'content/2019', '--print', '-o', printed], { snapshot: true });
    expect(r.status).toBe(0);
    const without = path.join(dir, 'print-without.pdf');
    expect(runCli(['build', 'content/2019', '--print', '-o', without]).status).toBe(0);
    expect(fs.readFileSync(printed).equals(fs.readFileSync(without))).toBe(true);
  });

  it('proofs with --diff, which loads diff from node_modules, as the command does without the snapshot', () => {
    const section = 'content/2019/01-qunzhong-tuanti/04-kexie';
    const proofs = ['snapshot', 'without'].map((name) => {
      const output = path.join(dir, `diff-${name}.pdf`);
      const r = runCli(['proof', section, '--diff', fromSnapshot, '--date', '2026-11-30', '-o', output], { snapshot: name === 'snapshot' });
      expect(r.stderr).not.toMatch(/YEARBOOK_SNAPSHOT|Error/);
      expect(r.status).toBe(0);
      return fs.readFileSync(output);
    });
    expect(proofs[0]!.equals(proofs[1]!)).toBe(true);
  });

  it('leaves beside it a link to the Node that made it and that Node\'s version, for bin/yearbook', () => {
    const snapshot = path.join(path.dirname(path.dirname(snapshotCli())), 'dist', 'snapshot');
    expect(fs.realpathSync(path.join(snapshot, 'node'))).toBe(fs.realpathSync(process.execPath));
    expect(fs.readFileSync(path.join(snapshot, 'node-version'), 'utf8')).toBe(`${process.version}\n`);
  });

  it('gives the command options that stand before it (--lang)', () => {
    const r = runCli(['--lang', 'en', 'check', 'content/2019'], { snapshot: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^content\/2019: 0 error\(s\), \d+ warning\(s\)$/m);
  });

  it('imports from the snapshot, setting up the importer, which the snapshot leaves unset, and loading pinyin-pro from node_modules on first use', () => {
    const into = path.join(dir, 'import-2019');
    fs.mkdirSync(into);
    fs.writeFileSync(path.join(into, 'edition.yaml'), 'title: 上城年鉴\nyear: 2019\n');
    const r = runCli(['import', 'test/fixtures/seed/shangcheng-2019-mass-organizations.txt', '--into', into, '--dry-run'], { snapshot: true });
    expect(r.status).toBe(0);
    const category = path.join(into, '01-qun-zhong-tuan');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([`${category}/`, `${category}/category.yaml`, `${category}/01-shang-cheng-qu/`, `${category}/01-shang-cheng-qu/section.yaml`]);
  });

  it('previews a PDF in a process of its own, which loads pdfjs at run time, with the options and language given', () => {
    const out = path.join(dir, 'preview');
    const r = runCli(['--lang', 'zh', 'preview', fromSnapshot, '--pages', '1-1', '--resolution', '20', '--out', out], { snapshot: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${out}：1 页图片，20 dpi\n${out}/contact-sheet.png：缩略总览图\n`);
    expect(fs.readdirSync(out).sort()).toEqual(['contact-sheet.png', 'page-007-1.png']);
    const bad = runCli(['preview', fromSnapshot, '--pages', '99', '--out', out], { snapshot: true });
    expect(bad.status).toBe(2);
  });

  it('proofs a 分目 to preview from the snapshot, then draws its pages in a process of its own', () => {
    const cwd = path.join(dir, 'preview-cwd');
    fs.mkdirSync(cwd);
    const r = runCli(['preview', path.resolve('content/2019/01-qunzhong-tuanti/03-fulian'), '--resolution', '20'], { snapshot: true, cwd });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^out\/proof\/2019-section-03-fulian\.pdf: pages \d+–\d+/);
    expect(r.stdout).toMatch(/^out\/preview\/2019-section-03-fulian: \d+ page image\(s\) at 20 dpi$/m);
    expect(fs.readdirSync(path.join(cwd, 'out', 'preview', '2019-section-03-fulian'))).toContain('contact-sheet.png');
  });

  it('starts without it where NODE_OPTIONS is set, since V8 takes a snapshot only with the flags it was made with', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=2048' };
    const fallback = runCli(['--lang', 'en', 'check', 'content/2019'], { snapshot: true, env: { ...env, YEARBOOK_SNAPSHOT: undefined } });
    expect(fallback.stderr).not.toMatch(/snapshot/);
    expect(fallback.status).toBe(0);
    expect(fallback.stdout).toMatch(/^content\/2019: 0 error\(s\), \d+ warning\(s\)$/m);
    const required = runCli(['check', 'content/2019'], { snapshot: true, env });
    expect(required.status).toBe(1);
    expect(required.stderr).toBe('yearbook: YEARBOOK_SNAPSHOT=1, but NODE_OPTIONS is set, and Node starts from a snapshot only with the flags it was made with\n');
  });

  it('checks the compiled files it was made from: one gone does not fit, a new one that nothing loads does', () => {
    const dist = path.dirname(path.dirname(cliMain()));
    const schemas = path.join(dist, 'schema-export', 'json-schemas.js');
    const added = path.join(dist, 'added-since.js');
    snapshotCli();
    fs.renameSync(schemas, `${schemas}.away`);
    try {
      const gone = runCli(['check', 'content/2019'], { snapshot: true });
      expect(gone.status).toBe(1);
      expect(gone.stderr).toBe('yearbook: YEARBOOK_SNAPSHOT=1, but the code was compiled again after the startup snapshot was made: run `npm run compile`\n');
    } finally {
      fs.renameSync(`${schemas}.away`, schemas);
    }
    fs.writeFileSync(added, 'export {};\n');
    try {
      expect(runCli(['check', 'content/2019'], { snapshot: true }).status).toBe(0);
    } finally {
      fs.rmSync(added);
    }
  });

  it('loads the modules instead when the code was compiled after the snapshot, and says so if the snapshot is required', () => {
    snapshotCli();
    const recompiled = path.join(path.dirname(cliMain()), 'program.js');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(recompiled, later, later);
    const required = runCli(['check', 'content/2019'], { snapshot: true });
    expect(required.status).toBe(1);
    expect(required.stderr).toBe('yearbook: YEARBOOK_SNAPSHOT=1, but the code was compiled again after the startup snapshot was made: run `npm run compile`\n');
    const fallback = runCli(['--lang', 'en', 'check', 'content/2019'], { snapshot: true, env: { YEARBOOK_SNAPSHOT: undefined } });
    expect(fallback.status).toBe(0);
    expect(fallback.stdout).toMatch(/^content\/2019: 0 error\(s\), \d+ warning\(s\)$/m);
  });
});

describe("the environment bin/yearbook starts Node in", () => {
  // A stand-in `node` first on the PATH: it has no snapshot (its version has none), so the
  // script runs it on dist/cli/main.js, and it prints the variables it was given.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-node-'));
  fs.writeFileSync(path.join(dir, 'node'), '#!/bin/sh\nif [ "$1" = --version ]; then echo v0-stand-in; else printf "%s\\n%s\\n%s\\n%s" "${GLIBC_TUNABLES-unset}" "${NODE_EXTRA_CA_CERTS-unset}" "$(pwd -P)" "$1"; fi\n', { mode: 0o755 });
  const started = (env: Record<string, string>, script = path.join(ROOT, 'bin', 'yearbook'), cwd = ROOT) => {
    const r = spawnSync('sh', [script, '--help'], { cwd, env: { PATH: `${dir}${path.delimiter}${process.env.PATH}`, ...env }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [tunables, extraCerts, folder, program] = r.stdout.split('\n');
    return { tunables, extraCerts, folder, program };
  };

  it('asks glibc for 2 MB pages and a 64 MB trim threshold', () => {
    expect(started({}).tunables).toBe('glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=67108864');
  });

  it("leaves the user's own GLIBC_TUNABLES as they are, even empty", () => {
    expect(started({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).tunables).toBe('glibc.malloc.arena_max=2');
    expect(started({ GLIBC_TUNABLES: '' }).tunables).toBe('');
  });

  it('leaves out NODE_EXTRA_CA_CERTS, whose certificates Node would read as it starts, for a program that opens no connection', () => {
    expect(started({ NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }).extraCerts).toBe('unset');
    expect(started({}).extraCerts).toBe('unset');
  });

  it('starts Node in the folder it was started in, on the program of its own package, also when CDPATH is set', () => {
    // The package folder is found by `cd -P` in the script's own shell and back. A relative
    // path such as bin/.. would be looked up in CDPATH: here a folder with a bin of its own.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-cdpath-'));
    fs.mkdirSync(path.join(elsewhere, 'bin'));
    const here = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-cwd-'));
    const program = path.join(fs.realpathSync(ROOT), 'dist', 'cli', 'main.js');
    for (const [script, cwd] of [[path.relative(here, path.join(ROOT, 'bin', 'yearbook')), here], [path.join('bin', 'yearbook'), ROOT]] as const) {
      for (const env of [{}, { CDPATH: elsewhere }]) {
        const r = started(env, script, cwd);
        expect(r.folder).toBe(fs.realpathSync(cwd));
        expect(r.program).toBe(program);
      }
    }
  });
});

describe('bin/yearbook finding the snapshot of the Node on the PATH', () => {
  // A package of bin/yearbook and a snapshot folder as make.ts leaves it, made by a stand-in
  // `node` that writes down every command line it is started with.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-launch-'));
  const binDir = path.join(root, 'path');
  const snapshot = path.join(root, 'dist', 'snapshot');
  const log = path.join(root, 'node.log');
  const standIn = path.join(binDir, 'node');
  fs.mkdirSync(binDir);
  fs.mkdirSync(path.join(root, 'bin'));
  fs.mkdirSync(snapshot, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'bin', 'yearbook'), path.join(root, 'bin', 'yearbook'));
  fs.writeFileSync(standIn, `#!/bin/sh\necho "$*" >> '${log}'\nif [ "$1" = --version ]; then echo v0-other; fi\n`, { mode: 0o755 });
  const made = new Date(Date.now() - 60_000);
  fs.utimesSync(standIn, made, made);
  fs.symlinkSync(standIn, path.join(snapshot, 'node'));
  fs.writeFileSync(path.join(snapshot, 'node-flags'), '--flag-a --flag-b\n');
  fs.writeFileSync(path.join(snapshot, 'node-version'), 'v0-made\n');
  fs.writeFileSync(path.join(snapshot, 'yearbook-v0-made.blob'), '');
  const started = (pathDirs: string[]) => {
    fs.rmSync(log, { force: true });
    const r = spawnSync(path.join(root, 'bin', 'yearbook'), ['--help'], { env: { PATH: [...pathDirs, process.env.PATH].join(path.delimiter) }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return fs.readFileSync(log, 'utf8').trim().split('\n');
  };
  const realRoot = fs.realpathSync(root);

  it("takes the version written beside the snapshot when `node` is the binary it was made by, without asking Node", () => {
    expect(started([binDir])).toEqual([`--flag-a --flag-b --snapshot-blob ${realRoot}/dist/snapshot/yearbook-v0-made.blob -- --help`]);
  });

  it('asks `node --version` when `node` is another file, or the same one changed since', () => {
    const other = path.join(root, 'other');
    fs.mkdirSync(other);
    fs.copyFileSync(standIn, path.join(other, 'node'));
    fs.chmodSync(path.join(other, 'node'), 0o755);
    const fallback = ['--version', `${realRoot}/dist/cli/main.js --help`];
    expect(started([other])).toEqual(fallback);
    fs.utimesSync(standIn, new Date(), new Date());
    expect(started([binDir])).toEqual(fallback);
    fs.utimesSync(standIn, made, made);
  });
});
