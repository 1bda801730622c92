/**
 * Layout on worker threads (src/layout/parallel.ts) as the command runs it: a three-类目
 * edition built with one worker gives the very bytes a build on one thread gives, with the same
 * warnings, also from the startup snapshot (bin/yearbook); content errors still stop the build,
 * leave no PDF and let the process end.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { generateEdition } from '../../bench/lib/edition.mjs';
import { cliMain, ROOT, runCli } from '../cli/cli-process.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-parallel-'));
const edition = path.join(tmp, 'n3');

beforeAll(() => {
  cliMain();
  generateEdition(path.join(ROOT, 'content/2019'), edition, 3);
});

/** Build with `workers` layout workers; the PDF's bytes and what the command printed. */
function build(workers: number, dir = edition, snapshot = false) {
  const output = path.join(tmp, `w${workers}-${path.basename(dir)}${snapshot ? '-snapshot' : ''}.pdf`);
  const r = runCli(['build', dir, '-o', output, '--json'], { snapshot, env: { YEARBOOK_WORKERS: String(workers), SOURCE_DATE_EPOCH: '1577836800' } });
  return { ...r, output, pdf: fs.existsSync(output) ? fs.readFileSync(output) : undefined };
}

/** The --json report. */
function report(r: { stdout: string }): { ok: boolean; diagnostics: { severity: string; message: string }[] } {
  return JSON.parse(r.stdout) as ReturnType<typeof report>;
}

describe('layout workers', () => {
  it('give the same PDF, byte for byte, and the same warnings in the same order', () => {
    const serial = build(0);
    const parallel = build(1);
    expect(serial.status, serial.stderr).toBe(0);
    expect(parallel.status, parallel.stderr).toBe(0);
    const built = (r: { stdout: string }) => (JSON.parse(r.stdout) as { result: { builds: { pages: number; layoutWorkers: number }[] } }).result.builds[0]!;
    expect(built(serial).layoutWorkers).toBe(0);
    expect(built(parallel).layoutWorkers).toBe(1);
    expect(built(parallel).pages).toBe(built(serial).pages);
    expect(parallel.pdf!.equals(serial.pdf!)).toBe(true);
    const warnings = report(parallel).diagnostics;
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings).toEqual(report(serial).diagnostics);
    const record = (f: string) => fs.readFileSync(f.replace(/\.pdf$/, '.pages.json'), 'utf8');
    expect(record(parallel.output)).toBe(record(serial.output));
    const fromSnapshot = build(1, edition, true);
    expect(fromSnapshot.status, fromSnapshot.stderr).toBe(0);
    expect(built(fromSnapshot).layoutWorkers).toBe(1);
    expect(fromSnapshot.pdf!.equals(serial.pdf!)).toBe(true);
  }, 120_000);

  it('stop with the content errors, leaving no PDF', () => {
    const broken = path.join(tmp, 'broken');
    fs.cpSync(edition, broken, { recursive: true });
    const entry = fs.readdirSync(path.join(broken, '02-qunzhong-tuanti-2'), { recursive: true }).map(String).find((f) => f.endsWith('.md'))!;
    fs.appendFileSync(path.join(broken, '02-qunzhong-tuanti-2', entry), '\n控制字符\u0007在此。\n');
    const r = build(2, broken);
    expect(r.status).toBe(1);
    expect(report(r).ok).toBe(false);
    expect(report(r).diagnostics.some((d) => d.severity === 'error' && /U\+0007/.test(d.message))).toBe(true);
    expect(r.pdf).toBeUndefined();
    expect(fs.readdirSync(tmp).filter((f) => f.includes('broken') && f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
