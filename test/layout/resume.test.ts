/**
 * The layout key (src/layout/resume.ts): what a proof compares with the last build's record
 * before it lays a 类目 out from one of the build's pages instead of from its start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/font-config.js';
import { layoutKey } from '../../src/layout/resume.js';
import { loadTemplate, templatesDir } from '../../src/template/template.js';

/** A copy of the templates folder elsewhere, with `edit` applied to default.yaml. */
function templatesCopy(edit: (text: string) => string = (t) => t): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-templates-')), 'templates');
  fs.cpSync(templatesDir(), dir, { recursive: true });
  const file = path.join(dir, 'default.yaml');
  fs.writeFileSync(file, edit(fs.readFileSync(file, 'utf8')));
  return dir;
}

describe('layout key', () => {
  const fonts = loadFonts();
  const key = (dir: string) => layoutKey(loadTemplate('default', undefined, dir), fonts);

  it('is the same for the same template in another folder (the project moved or copied)', () => {
    expect(key(templatesCopy())).toBe(key(templatesDir()));
  });

  it('differs when a value of the template differs', () => {
    const text = fs.readFileSync(path.join(templatesDir(), 'default.yaml'), 'utf8');
    const edited = text.replace(/^(\s*chars_per_line:\s*)(\d+)/m, (_, k: string, n: string) => `${k}${Number(n) - 1}`);
    expect(edited).not.toBe(text);
    expect(key(templatesCopy(() => edited))).not.toBe(key(templatesDir()));
  });
});
