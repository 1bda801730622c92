/**
 * The default template parsed while the startup snapshot is made: a command takes it as parsed
 * then while the template file holds the same text, and reads the file again once it differs.
 * (Its own file: the file caches are off here, so every other load reads the file.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { loadTemplate, parseTemplateForSnapshot } from '../../src/template/template.js';

it('takes the template parsed into the startup snapshot only while the file holds the same text', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-template-'));
  const file = path.join(dir, 'default.yaml');
  const text = fs.readFileSync('templates/default.yaml', 'utf8');
  fs.writeFileSync(file, text);
  // Without it, each load reads and parses the file: new objects every time.
  expect(loadTemplate('default', undefined, dir).grid).not.toBe(loadTemplate('default', undefined, dir).grid);
  parseTemplateForSnapshot(file);
  const kept = loadTemplate('default', undefined, dir);
  expect(loadTemplate('default', undefined, dir).grid).toBe(kept.grid);
  const chars = kept.grid.chars_per_line;
  fs.writeFileSync(file, text.replace(new RegExp(`chars_per_line: ${chars}\\b`), `chars_per_line: ${chars - 2}`));
  const changed = loadTemplate('default', undefined, dir);
  expect(changed.grid.chars_per_line).toBe(chars - 2);
  expect(changed.measure).toBe((chars - 2) * kept.grid.body_size);
});
