#!/usr/bin/env node
/**
 * Photos at print size. The sample's photos are small stand-ins (4 KB PNGs), so the bench's
 * editions say little about pictures; a real edition's are photos of a few megabytes each.
 * This copies an edition (the sample, or `--edition`, e.g. out/bench/editions/n40 after a
 * bench run: 200 photos) with each of its photos replaced by the same made-up photo of
 * gradients and noise (what a scanned photo is to a compressor): a 1800 × 1200 PNG of 4.5 MB
 * (`--alpha` gives it an alpha channel), or with `--jpeg` a 3600 × 2400 JPEG of 5.4 MB, as
 * cameras give. It runs `yearbook build` (or `--command archive`) as a whole process,
 * `--runs` times, with each CLI given (`--cli` names another compiled copy, e.g. a git
 * worktree of an older commit, whose runs interleave with ours). Prints each run and the
 * median wall time, CPU time and peak RSS.
 *
 *   node bench/photos.mjs [--runs 3] [--alpha | --jpeg] [--edition DIR] [--command build|archive] [--cli OTHER/bin/yearbook]
 *
 * It runs bin/yearbook as it is: `npm run compile` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { PNG } from 'pngjs';
import { measure, pickMethod } from './lib/measure.mjs';
import { median } from './lib/stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    alpha: { type: 'boolean', default: false },
    jpeg: { type: 'boolean', default: false },
    edition: { type: 'string', default: path.join(REPO, 'content/2019') },
    command: { type: 'string', default: 'build' },
    cli: { type: 'string', multiple: true, default: [] },
  },
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-photos-'));
const edition = path.join(work, path.basename(values.edition));
fs.cpSync(values.edition, edition, { recursive: true });

let seed = 1;
const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 30;

function pngPhoto(width, height) {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      png.data.set([(x / 7 + noise()) & 255, (y / 5 + noise()) & 255, ((x + y) / 11 + noise()) & 255, values.alpha ? 200 + (x % 56) : 255], 4 * (y * width + x));
    }
  }
  return PNG.sync.write(png, { colorType: values.alpha ? 6 : 2 });
}

function jpegPhoto(width, height) {
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  const image = g.createImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set([(x / 9 + 2 * noise()) & 255, (y / 7 + 2 * noise()) & 255, ((x + y) / 13 + 2 * noise()) & 255, 255], 4 * (y * width + x));
  }
  g.putImageData(image, 0, 0);
  return canvas.toBuffer('image/jpeg', 92);
}

const [width, height] = values.jpeg ? [3600, 2400] : [1800, 1200];
const photo = values.jpeg ? jpegPhoto(width, height) : pngPhoto(width, height);
const photos = fs.readdirSync(edition, { recursive: true }).map(String).filter((f) => f.endsWith('.png'));
for (const f of photos) {
  fs.rmSync(path.join(edition, f));
  fs.writeFileSync(path.join(edition, values.jpeg ? f.replace(/\.png$/, '.jpg') : f), photo);
}
if (values.jpeg) {
  // The entries name their photos: .png becomes .jpg there too.
  for (const f of fs.readdirSync(edition, { recursive: true }).map(String).filter((f) => f.endsWith('.md'))) {
    const file = path.join(edition, f);
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('.png')) fs.writeFileSync(file, text.replaceAll('.png', '.jpg'));
  }
}
console.log(`${photos.length} photos of ${(photo.length / 1e6).toFixed(1)} MB (${width} × ${height} ${values.jpeg ? 'JPEG' : `PNG${values.alpha ? ', with alpha' : ''}`}) in ${edition}`);

const clis = [path.join(REPO, 'bin/yearbook'), ...values.cli.map((c) => path.resolve(c))];
const shown = (cli) => path.relative(REPO, cli);
const method = pickMethod();
const results = new Map(clis.map((c) => [c, []]));
for (let run = 0; run < Number(values.runs); run++) {
  for (const [k, cli] of clis.entries()) {
    const r = measure(cli, [values.command, edition, '-o', path.join(work, `out-${k}.pdf`)], { cwd: REPO, method });
    if (r.status !== 0) throw new Error(`${cli} failed:\n${r.stderr}`);
    results.get(cli).push(r);
    console.log(`${shown(cli)}: run ${run + 1}: ${r.wall_s.toFixed(2)} s, CPU ${r.cpu_s.toFixed(2)} s, ${(r.maxrss_kib / 1024).toFixed(0)} MiB`);
  }
}
for (const [cli, rs] of results) {
  console.log(`${shown(cli)}: median ${median(rs.map((r) => r.wall_s)).toFixed(2)} s, CPU ${median(rs.map((r) => r.cpu_s)).toFixed(2)} s, ${(median(rs.map((r) => r.maxrss_kib)) / 1024).toFixed(0)} MiB`);
}
fs.rmSync(work, { recursive: true, force: true });
