/**
 * proof --watch sets the proof again when an entry is saved, reusing everything unchanged, and
 * writes it undeflated; what changed besides an entry's text (a photo, a new entry file) shows
 * in the next proof too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { expect, it, vi } from 'vitest';
import { readPageRecord } from '../../src/pdf/page-record.js';
import { proof, type ProofResult } from '../../src/proof/proof.js';
import { watchProof } from '../../src/proof/watch.js';
import { templatesDir } from '../../src/template/template.js';
import { cliMain, ROOT } from '../cli/cli-process.js';

/** A copy of the sample edition in a temporary folder: its section 团区委 and an entry of it. */
function editionCopy() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-watch-'));
  const edition = path.join(tmp, '2019');
  fs.cpSync(path.join(ROOT, 'content/2019'), edition, { recursive: true });
  const section = path.join(edition, '01-qunzhong-tuanti/02-tuanquwei');
  return { tmp, section, entry: path.join(section, '05-keji-dajiangtang.md'), output: path.join(tmp, 'proof.pdf') };
}

/** Watch `section`; `next()` waits for the next proof reported, `results` holds them all. */
function watching(section: string, output: string) {
  const results: (ProofResult | Error)[] = [];
  let notify: () => void = () => {};
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  const first = next();
  const watcher = watchProof(section, { output, date: '2026-11-28' }, (r) => {
    results.push(r);
    notify();
  });
  const last = (): ProofResult => {
    const r = results[results.length - 1];
    if (!r || r instanceof Error) throw r ?? new Error('no proof yet');
    return r;
  };
  return { results, first, next, last, watcher };
}

it('re-sets the proof after an entry is saved, with the new text', async () => {
  const { section, entry, output } = editionCopy();
  const { results, first, next, watcher } = watching(section, output);
  try {
    await first;
    const saved = next();
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('人形机器人编程体验', '人形机器人编程与体验'));
    await saved;
    // The save comes while the watcher is still warming up: it is set at once, and only the real proofs are reported.
    expect(results).toHaveLength(2);
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    const text = readPageRecord(output)!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('人形机器人编程与体验');
    // Written on every save, the watched proof is not deflated; a one-shot proof is.
    const textOperators = /\] TJ\n/;
    expect(fs.readFileSync(output, 'latin1')).toMatch(textOperators);
    const once = path.join(path.dirname(output), 'once.pdf');
    await proof(section, { output: once, date: '2026-11-28' });
    expect(fs.readFileSync(once, 'latin1')).not.toMatch(textOperators);
  } finally {
    watcher.close();
  }
});

it('sets a photo replaced by one of another shape, in a frame of the new shape', async () => {
  const { tmp, output } = editionCopy();
  const section = path.join(tmp, '2019/01-qunzhong-tuanti/01-zonggonghui');
  const photo = path.join(section, 'images/01-leishan.png');
  const { first, next, last, watcher } = watching(section, output);
  try {
    await first;
    const box = () => last().pages.flatMap((p) => p.images).map((i) => i.width / i.height);
    /** The pixel sizes of the pictures in the proof PDF (their dictionaries are plain text). */
    const embedded = () => [...fs.readFileSync(output, 'latin1').matchAll(/\/Subtype \/Image\n\/BitsPerComponent \d+\n\/Width (\d+)\n\/Height (\d+)/g)].map((m) => `${m[1]}×${m[2]}`);
    // The sample's photo is 400 × 500 pixels.
    expect(box()).toEqual([0.8]);
    expect(embedded()).toEqual(['400×500']);
    const saved = next();
    const wide = new PNG({ width: 800, height: 200 });
    wide.data.fill(200);
    fs.writeFileSync(photo, PNG.sync.write(wide));
    await saved;
    expect(box()).toEqual([4]);
    // The new picture itself, not the one read for the proof before.
    expect(embedded()).toEqual(['800×200']);
  } finally {
    watcher.close();
  }
});

it('sets an entry file added to the 分目 into the proof', async () => {
  const { section, output } = editionCopy();
  const { first, next, last, watcher } = watching(section, output);
  try {
    await first;
    const saved = next();
    fs.writeFileSync(path.join(section, '99-xinzeng.md'), '---\ntitle: 新增条目\n---\n年末，团区委新增志愿服务项目一个。\n');
    await saved;
    const text = last().pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('【新增条目】');
    expect(text).toContain('新增志愿服务项目一个');
  } finally {
    watcher.close();
  }
});

it('sets the proof again when a 分目 folder is renamed (the 分目 after 团区委 moved to the end)', async () => {
  const { section, output } = editionCopy();
  const { results, first, next, last, watcher } = watching(section, output);
  const headings = () => last().pages.flatMap((p) => p.lines.filter((l) => l.kind === 'heading').map((l) => l.text));
  try {
    await first;
    expect(headings()).toContain('上城区妇女联合会');
    const saved = next();
    const category = path.dirname(section);
    fs.renameSync(path.join(category, '03-fulian'), path.join(category, '07-fulian'));
    await saved;
    expect(headings()).not.toContain('上城区妇女联合会');
    expect(headings()).toContain('上城区科学技术协会');
    // The files under the old name are gone with it: once they are set again, nothing more is.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = results.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(results).toHaveLength(settled);
  } finally {
    watcher.close();
  }
});

it('sets the proof again a few times to warm up, without reporting it or rewriting the proof', async () => {
  const { section, output } = editionCopy();
  const { results, first, watcher } = watching(section, output);
  try {
    await first;
    const written = fs.statSync(output).mtimeMs;
    // Long enough for the warm-up runs (each well under a second) to be done.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(results).toHaveLength(1);
    expect(fs.statSync(output).mtimeMs).toBe(written);
  } finally {
    watcher.close();
  }
});

it('still proofs on every save where the templates folder cannot be watched', async () => {
  const { section, entry, output } = editionCopy();
  const watch = fs.watch;
  const spy = vi.spyOn(fs, 'watch').mockImplementation(((dir: fs.PathLike, ...rest: never[]) => {
    if (String(dir) === templatesDir()) throw Object.assign(new Error('System limit for number of file watchers reached'), { code: 'ENOSPC' });
    return (watch as (...args: unknown[]) => fs.FSWatcher)(dir, ...rest);
  }) as typeof fs.watch);
  const { results, first, next, watcher } = watching(section, output);
  spy.mockRestore();
  try {
    await first;
    const saved = next();
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('人形机器人编程体验', '人形机器人编程与体验'));
    await saved;
    expect(results.every((r) => !(r instanceof Error))).toBe(true);
    expect(readPageRecord(output)!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('')).toContain('人形机器人编程与体验');
  } finally {
    watcher.close();
  }
});

/** `yearbook proof --watch` of `section` as a process; `waitFor(n)` waits until it has printed its nth proof. */
function watchProcess(section: string, output: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [cliMain(), 'proof', section, '--watch', '-o', output, '--date', '2026-11-28'],
    { cwd: ROOT, env: { ...process.env, LANG: 'C.UTF-8', ...env } });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const waitFor = (count: number) => new Promise<void>((resolve, reject) => {
    const seen = () => (stdout.match(/page\(s\) set in \d+ ms/g) ?? []).length >= count;
    if (seen()) return resolve();
    child.stdout.on('data', () => seen() && resolve());
    child.on('exit', (code) => reject(new Error(`proof --watch exited (${code}) before proof ${count}: ${stdout}`)));
  });
  return { child, waitFor, stdout: () => stdout };
}

it('yearbook proof --watch runs until stopped and prints a line for each new proof', async () => {
  const { section, entry, output } = editionCopy();
  const { child, waitFor, stdout } = watchProcess(section, output);
  try {
    await waitFor(1);
    expect(stdout()).toContain(`watching ${section}`);
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('人形机器人编程体验', '人形机器人编程与体验'));
    await waitFor(2);
    const text = readPageRecord(output)!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('人形机器人编程与体验');
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill();
  }
}, 60_000);

it('stopped while it warms up, yearbook proof --watch leaves no scratch folder behind', async () => {
  const { tmp, section, output } = editionCopy();
  // The process's own temporary folder, where the warm-up's scratch folder goes.
  const tmpdir = path.join(tmp, 'tmpdir');
  fs.mkdirSync(tmpdir);
  const { child, waitFor } = watchProcess(section, output, { TMPDIR: tmpdir });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  try {
    await waitFor(1);
    // The warm-up's proofs (six of them) follow the first: stop it (Ctrl-C) once their folder is there.
    await vi.waitFor(() => expect(fs.readdirSync(tmpdir).some((name) => name.startsWith('yearbook-watch-'))).toBe(true), { timeout: 10_000, interval: 2 });
    child.kill('SIGINT');
    // Stopped by the signal, as without a listener for it.
    expect(await exited).toBe('SIGINT');
    expect(fs.readdirSync(tmpdir)).toEqual([]);
  } finally {
    child.kill('SIGKILL');
  }
}, 60_000);

it('sets the proof again when the font configuration or a template is saved, in the faces it now names', async () => {
  const { section, output } = editionCopy();
  // The command's own copies of fonts/ and templates/ (test/cli/cli-process.ts).
  const root = path.dirname(path.dirname(path.dirname(cliMain())));
  const fontsYaml = path.join(root, 'fonts', 'fonts.yaml');
  const template = path.join(root, 'templates', 'default.yaml');
  const [fontsText, templateText] = [fs.readFileSync(fontsYaml, 'utf8'), fs.readFileSync(template, 'utf8')];
  const { child, waitFor } = watchProcess(section, output);
  /** The fonts embedded in the proof (its dictionaries are not deflated). */
  const faces = () => [...new Set([...fs.readFileSync(output, 'latin1').matchAll(/\/BaseFont \/[A-Z]{6}\+([\w-]+)/g)].map((m) => m[1]))].sort();
  try {
    await waitFor(1);
    expect(faces()).toEqual(['NotoSansSC-Bold', 'NotoSerifSC-Regular']);
    // The serif face pointed at the sans font: the body, captions and running heads in 黑体.
    const serif = '"@expo-google-fonts/noto-serif-sc"\n    file: 400Regular/NotoSerifSC_400Regular.ttf';
    expect(fontsText).toContain(serif);
    fs.writeFileSync(fontsYaml, fontsText.replace(serif, '"@expo-google-fonts/noto-sans-sc"\n    file: 400Regular/NotoSansSC_400Regular.ttf'));
    await waitFor(2);
    expect(faces()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    fs.writeFileSync(template, `${templateText}\n# saved again\n`);
    await waitFor(3);
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill();
    fs.writeFileSync(fontsYaml, fontsText);
    fs.writeFileSync(template, templateText);
  }
}, 60_000);
