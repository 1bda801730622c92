/** proof --watch sets the proof again when an entry is saved, reusing everything unchanged, and writes it undeflated. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readPageRecord } from '../../src/pdf/page-record.js';
import { proof, type ProofResult } from '../../src/proof/proof.js';
import { watchProof } from '../../src/proof/watch.js';
import { cliMain, ROOT } from '../cli/cli-process.js';

/** A copy of the sample edition in a temporary folder: its section 团区委 and an entry of it. */
function editionCopy() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-watch-'));
  const edition = path.join(tmp, '2019');
  fs.cpSync(path.join(ROOT, 'content/2019'), edition, { recursive: true });
  const section = path.join(edition, '01-qunzhong-tuanti/02-tuanquwei');
  return { tmp, section, entry: path.join(section, '05-keji-dajiangtang.md'), output: path.join(tmp, 'proof.pdf') };
}

it('re-sets the proof after an entry is saved, with the new text', async () => {
  const { section, entry, output } = editionCopy();
  const results: (ProofResult | Error)[] = [];
  let notify: () => void = () => {};
  const next = () => new Promise<void>((resolve) => (notify = resolve));
  const first = next();
  const watcher = watchProof(section, { output, date: '2026-11-28' }, (r) => {
    results.push(r);
    notify();
  });
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

it('sets the proof again a few times to warm up, without reporting it or rewriting the proof', async () => {
  const { section, output } = editionCopy();
  const results: (ProofResult | Error)[] = [];
  let notify: () => void = () => {};
  const first = new Promise<void>((resolve) => (notify = resolve));
  const watcher = watchProof(section, { output, date: '2026-11-28' }, (r) => {
    results.push(r);
    notify();
  });
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

it('yearbook proof --watch runs until stopped and prints a line for each new proof', async () => {
  const { section, entry, output } = editionCopy();
  const child = spawn(process.execPath, [cliMain(), 'proof', section, '--watch', '-o', output, '--date', '2026-11-28'],
    { cwd: ROOT, env: { ...process.env, LANG: 'C.UTF-8' } });
  let stdout = '';
  const waitFor = (count: number) => new Promise<void>((resolve, reject) => {
    const seen = () => (stdout.match(/page\(s\) set in \d+ ms/g) ?? []).length >= count;
    if (seen()) return resolve();
    child.stdout.on('data', () => seen() && resolve());
    child.on('exit', (code) => reject(new Error(`proof --watch exited (${code}) before proof ${count}: ${stdout}`)));
  });
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  try {
    await waitFor(1);
    expect(stdout).toContain(`watching ${section}`);
    fs.writeFileSync(entry, fs.readFileSync(entry, 'utf8').replace('人形机器人编程体验', '人形机器人编程与体验'));
    await waitFor(2);
    const text = readPageRecord(output)!.pages.flatMap((p) => p.lines.map((l) => l.text)).join('');
    expect(text).toContain('人形机器人编程与体验');
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill();
  }
}, 60_000);
