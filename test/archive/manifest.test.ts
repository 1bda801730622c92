/**
 * The archive manifest lists the edition's files in the same order on every machine: by their
 * names' code units, not by the locale's collation (under zh_CN, localeCompare puts 中 before
 * a; under en_US it puts a before B).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { makeManifest } from '../../src/archive/manifest.js';
import type { Edition } from '../../src/model/document.js';
import { loadTemplate } from '../../src/template/template.js';

it('lists the sources by their names\' code units, whatever the locale', () => {
  const root = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-manifest-')), '2019');
  fs.mkdirSync(root);
  for (const name of ['a.md', 'B.md', '中.md', 'edition.yaml']) fs.writeFileSync(path.join(root, name), name);
  const output = path.join(root, '..', 'book.pdf');
  fs.writeFileSync(output, '%PDF');
  const edition = { root, id: '2019', runningHead: '上城年鉴（2019）', year: 2019 } as Edition;
  const manifest = makeManifest(edition, loadTemplate('default'), [], 1, output);
  expect(manifest.sources.map((s) => s.path)).toEqual(['2019/B.md', '2019/a.md', '2019/edition.yaml', '2019/中.md']);
});
