#!/usr/bin/env node
/**
 * Photos at print size. The sample's photos are small stand-ins (4 KB PNGs), so the bench's
 * editions say little about pictures; a real edition's are photos of a few megabytes each.
 * This copies the sample edition with each of its five photos replaced by the same made-up
 * photo (a 1800 × 1200 PNG of gradients and noise, 4.5 MB: what a scanned photo is to zlib;
 * `--alpha` gives it an alpha channel) and builds it as a whole process, `--runs` times, with
 * each CLI given (`--cli` names another compiled copy, e.g. a git worktree of an older commit,
 * whose runs interleave with ours). Prints each run and the median wall time and peak RSS.
 *
 *   node bench/photos.mjs [--runs 3] [--alpha] [--cli OTHER/bin/yearbook]
 *
 * It runs bin/yearbook as it is: `npm run compile` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { measure, pickMethod } from './lib/measure.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, alpha: { type: 'boolean', default: false }, cli: { type: 'string', multiple: true, default: [] } } });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-photos-'));
const edition = path.join(work, '2019');
fs.cpSync(path.join(REPO, 'content/2019'), edition, { recursive: true });

const width = 1800;
const height = 1200;
const png = new PNG({ width, height });
let seed = 1;
const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 30;
for (let y = 0; y < height; y++) {
  for (let x = 0; x < width; x++) {
    png.data.set([(x / 7 + noise()) & 255, (y / 5 + noise()) & 255, ((x + y) / 11 + noise()) & 255, values.alpha ? 200 + (x % 56) : 255], 4 * (y * width + x));
  }
}
const photo = PNG.sync.write(png, { colorType: values.alpha ? 6 : 2 });
const photos = fs.readdirSync(edition, { recursive: true }).filter((f) => String(f).endsWith('.png'));
for (const f of photos) fs.writeFileSync(path.join(edition, String(f)), photo);
console.log(`${photos.length} photos of ${(photo.length / 1e6).toFixed(1)} MB (${width} × ${height}${values.alpha ? ', with alpha' : ''}) in ${edition}`);

const clis = [path.join(REPO, 'bin/yearbook'), ...values.cli.map((c) => path.resolve(c))];
const shown = (cli) => path.relative(REPO, cli);
const method = pickMethod();
const results = new Map(clis.map((c) => [c, []]));
for (let run = 0; run < Number(values.runs); run++) {
  for (const [k, cli] of clis.entries()) {
    const r = measure(cli, ['build', edition, '-o', path.join(work, `out-${k}.pdf`)], { cwd: REPO, method });
    if (r.status !== 0) throw new Error(`${cli} failed:\n${r.stderr}`);
    results.get(cli).push(r);
    console.log(`${shown(cli)}: run ${run + 1}: ${r.wall_s.toFixed(2)} s, ${(r.maxrss_kib / 1024).toFixed(0)} MiB`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [cli, rs] of results) {
  console.log(`${shown(cli)}: median ${median(rs.map((r) => r.wall_s)).toFixed(2)} s, ${(median(rs.map((r) => r.maxrss_kib)) / 1024).toFixed(0)} MiB`);
}
fs.rmSync(work, { recursive: true, force: true });
