/**
 * Where an import goes (`--into`): an edition folder, where the chapter becomes a new 类目
 * folder, or a 类目 folder, where its 分目 become new folders. What is already there is
 * read (titles, the numbers used) so the import adds after it and never replaces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Diagnostics } from '../content/diagnostics.js';
import { CATEGORY_FILE, EDITION_FILE, SECTION_FILE } from '../content/edition-files.js';
import { defaultRunningHead, readText } from '../content/load-edition.js';
import { categorySchema, editionSchema, sectionSchema } from '../content/schema.js';
import { readYaml } from '../content/yaml-file.js';
import { nextPrefix } from '../edition/names.js';

export interface ImportTarget {
  kind: 'edition' | 'category';
  dir: string;
  /** The edition's running head, dropped from the text wherever it stands. */
  runningHead: string;
  /** For a category folder: its title. */
  categoryTitle: string | undefined;
  /** Titles of the folders already there (categories or sections) → folder name. */
  existing: Map<string, string>;
  /** The number prefix for the first new folder. */
  next: number;
}

/** Undefined when `dir` is neither kind of folder or its YAML has errors (reported). */
export function resolveTarget(dir: string, diagnostics: Diagnostics): ImportTarget | undefined {
  const kind = fs.existsSync(path.join(dir, EDITION_FILE)) ? 'edition' : fs.existsSync(path.join(dir, CATEGORY_FILE)) ? 'category' : undefined;
  if (!kind) {
    diagnostics.error(dir, 1, 1, `not an edition folder (with ${EDITION_FILE}) or a category folder (with ${CATEGORY_FILE}): give --into one of those`);
    return undefined;
  }
  const editionFile = kind === 'edition' ? path.join(dir, EDITION_FILE) : path.join(dir, '..', EDITION_FILE);
  const edition = fs.existsSync(editionFile) ? read(editionFile, editionSchema, diagnostics) : undefined;
  if (!edition) {
    if (!fs.existsSync(editionFile)) diagnostics.error(path.join(dir, CATEGORY_FILE), 1, 1, `the category folder is not inside an edition folder (no ${path.relative(process.cwd(), editionFile)})`);
    return undefined;
  }
  const category = kind === 'category' ? read(path.join(dir, CATEGORY_FILE), categorySchema, diagnostics) : undefined;
  if (kind === 'category' && !category) return undefined;
  const marker = kind === 'edition' ? CATEGORY_FILE : SECTION_FILE;
  const schema = kind === 'edition' ? categorySchema : sectionSchema;
  const existing = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name, marker);
    if (!fs.existsSync(file)) continue;
    const meta = read(file, schema, diagnostics);
    if (meta) existing.set(meta.title, name);
  }
  return {
    kind,
    dir,
    runningHead: edition.running_head ?? defaultRunningHead(edition.title, edition.year),
    categoryTitle: category?.title,
    existing,
    next: nextPrefix(dir),
  };
}

function read<S extends z.ZodType>(file: string, schema: S, diagnostics: Diagnostics): z.infer<S> | undefined {
  return readYaml({ file, text: readText(file), firstLine: 1 }, schema, diagnostics);
}
