/**
 * The archive manifest: every source file, font and image of an edition with its SHA-256,
 * the program version and the output's SHA-256, so an archived PDF can be traced to (and
 * rebuilt byte for byte from) exactly these inputs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileBlocks } from '../content/read-at.js';
import type { FontFace } from '../fonts/font-face.js';
import type { Edition } from '../model/document.js';
import type { Template } from '../template/template.js';

export interface Manifest {
  program: { name: string; version: string; node: string };
  edition: { id: string; title: string; year: number; template: string; templateVersion: number };
  sources: FileEntry[];
  fonts: FileEntry[];
  images: FileEntry[];
  template: FileEntry;
  output: FileEntry & { pages: number };
}

export interface FileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** Read a block at a time: an edition's photos and its PDF run to gigabytes. */
function entry(file: string, base: string): FileEntry {
  const bytes = fs.statSync(file).size;
  const hash = crypto.createHash('sha256');
  for (const block of fileBlocks(file, [[0, bytes]])) hash.update(block);
  return { path: path.relative(base, file).split(path.sep).join('/'), sha256: hash.digest('hex'), bytes };
}

/** Names in the order of their UTF-16 code units, the same on every machine (localeCompare follows the locale: zh_CN sorts 中 before a). */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => byCodeUnits(a.name, b.name)).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : d.isFile() ? [p] : [];
  });
}

export function makeManifest(edition: Edition, template: Template, faces: readonly FontFace[], pages: number, output: string): Manifest {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  const base = path.dirname(edition.root);
  const files = filesUnder(edition.root);
  const images = files.filter((f) => /\.(png|jpe?g)$/i.test(f));
  return {
    program: { name: pkg.name, version: pkg.version, node: process.version },
    edition: { id: edition.id, title: edition.runningHead, year: edition.year, template: template.name, templateVersion: template.version },
    sources: files.filter((f) => !images.includes(f)).map((f) => entry(f, base)),
    fonts: [...faces].sort((a, b) => byCodeUnits(a.name, b.name)).map((f) => ({ ...entry(f.file, path.dirname(f.file)), path: `${f.name}: ${path.basename(f.file)}` })),
    images: images.map((f) => entry(f, base)),
    template: entry(template.file, path.dirname(template.file)),
    output: { ...entry(output, path.dirname(output)), pages },
  };
}

export function writeManifest(manifest: Manifest, output: string): string {
  const file = output.replace(/\.pdf$/i, '') + '.manifest.json';
  fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
  return file;
}
