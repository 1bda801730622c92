/** Loading a template: read once per process while the file stays the same, again once it changes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { enableFileCaches } from '../../src/content/file-cache.js';
import { loadTemplate } from '../../src/template/template.js';

/** A copy of the default template in a folder of its own. */
function templateCopy(): { dir: string; file: string; text: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-template-'));
  const file = path.join(dir, 'default.yaml');
  const text = fs.readFileSync('templates/default.yaml', 'utf8');
  fs.writeFileSync(file, text);
  return { dir, file, text };
}

it('reads the template file on every load in a one-shot command (no stat kept for a cache)', () => {
  const { dir } = templateCopy();
  expect(loadTemplate('default', undefined, dir).grid).not.toBe(loadTemplate('default', undefined, dir).grid);
});

it('reads a template file again only when it has changed, with the file caches on (proof --watch loads it on every save)', () => {
  enableFileCaches();
  const { dir, file, text } = templateCopy();
  const first = loadTemplate('default', undefined, dir);
  const again = loadTemplate('default', undefined, dir);
  // The same file read once: the parsed grid is shared, the derived geometry the same.
  expect(again.grid).toBe(first.grid);
  expect(again.measure).toBe(first.measure);

  const chars = first.grid.chars_per_line;
  expect(text).toMatch(new RegExp(`chars_per_line: ${chars}\\b`));
  fs.writeFileSync(file, text.replace(new RegExp(`chars_per_line: ${chars}\\b`), `chars_per_line: ${chars - 1}`));
  const later = new Date(Date.now() + 5_000);
  fs.utimesSync(file, later, later);
  const changed = loadTemplate('default', undefined, dir);
  expect(changed.grid.chars_per_line).toBe(chars - 1);
  expect(changed.measure).toBe((chars - 1) * first.grid.body_size);
});
