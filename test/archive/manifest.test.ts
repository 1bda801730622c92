/**
 * The archive manifest lists the edition's files in the same order on every machine: by their
 * names' code units, not by the locale's collation (under zh_CN, localeCompare puts 中 before
 * a; under en_US it puts a before B). Files are hashed a block at a time, as an edition's
 * photos and PDF run to gigabytes (and Node reads no file over 2 GiB whole).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { makeManifest } from '../../src/archive/manifest.js';
import type { Edition } from '../../src/model/document.js';
import { loadTemplate } from '../../src/template/template.js';

function editionFolder(): string {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-manifest-')), '2019');
  fs.mkdirSync(root);
  return root;
}

it('lists the sources by their names\' code units, whatever the locale', () => {
  const root = editionFolder();
  for (const name of ['a.md', 'B.md', '中.md', 'edition.yaml']) fs.writeFileSync(path.join(root, name), name);
  const output = path.join(root, '..', 'book.pdf');
  fs.writeFileSync(output, '%PDF');
  const edition = { root, id: '2019', runningHead: '上城年鉴（2019）', year: 2019 } as Edition;
  const manifest = makeManifest(edition, loadTemplate('default'), [], 1, output);
  expect(manifest.sources.map((s) => s.path)).toEqual(['2019/B.md', '2019/a.md', '2019/edition.yaml', '2019/中.md']);
});

it('gives each file\'s SHA-256 and size, reading files of several megabytes a block at a time', () => {
  const root = editionFolder();
  fs.mkdirSync(path.join(root, 'images'));
  // 2.5 MB: two whole blocks of a megabyte and half of one.
  const photo = Buffer.alloc(2.5 * 1024 * 1024);
  for (let k = 0; k < photo.length; k++) photo[k] = (k * 2654435761) >>> 24;
  fs.writeFileSync(path.join(root, 'images', 'photo.jpg'), photo);
  const output = path.join(root, '..', 'book.pdf');
  fs.writeFileSync(output, '%PDF');
  const edition = { root, id: '2019', runningHead: '上城年鉴（2019）', year: 2019 } as Edition;
  const manifest = makeManifest(edition, loadTemplate('default'), [], 1, output);
  expect(manifest.images).toEqual([{ path: '2019/images/photo.jpg', sha256: crypto.createHash('sha256').update(photo).digest('hex'), bytes: photo.length }]);
  expect(manifest.output).toMatchObject({ sha256: crypto.createHash('sha256').update('%PDF').digest('hex'), bytes: 4 });
});
