/**
 * The page design, read from templates/<name>.yaml and turned into the numbers the
 * layout stages use (all lengths in pt, y measured from the top of the page).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError, Diagnostics } from '../content/diagnostics.js';
import { FileCache } from '../content/file-cache.js';
import { parseForSnapshot, readYaml } from '../content/yaml-file.js';

const MM = 72 / 25.4;

const positive = z.number().positive();
export const templateSchema = z.strictObject({
  name: z.string(),
  version: z.number().int(),
  page: z.strictObject({ trim_mm: z.tuple([positive, positive]), inner_mm: positive, top_mm: positive }),
  grid: z.strictObject({
    body_size: positive,
    chars_per_line: z.number().int().positive(),
    columns: z.number().int().min(1).max(2),
    gutter_chars: z.number().min(0),
    lines_per_column: z.number().int().positive(),
    line_pitch: positive,
    column_rule: z.boolean(),
  }),
  text: z.strictObject({
    first_line_indent: z.number().min(0),
    entry_title_indent: z.number().min(0),
    punctuation: z.enum(['quanjiao', 'kaiming', 'banjiao']),
    line_break: z.enum(['basic', 'gb', 'strict']),
    kinsoku: z.enum(['push-in-first', 'push-out-only']),
    trim_line_start_open: z.boolean(),
    autospace: z.number().min(0).max(0.5),
    orphan_control: z.boolean(),
    loose_warning: positive,
  }),
  headings: z.strictObject({
    category: z.strictObject({ size: positive, size_en: positive, lines: z.number().int().positive(), rule: z.boolean() }),
    section: z.strictObject({ size: positive, lines: z.number().int().positive(), rule: z.boolean() }),
    entry_gap: z.number().min(0),
  }),
  figures: z.strictObject({
    caption_size: positive,
    caption_role: z.string(),
    gap_lines: z.number().int().min(0),
    inset_width_chars: z.number().int().positive(),
  }),
  box: z.strictObject({
    size: positive,
    chars_per_line: z.number().int().positive(),
    label: z.string(),
    padding_lines: z.number().int().min(0),
  }),
  keep: z.strictObject({ heading_min_lines: z.number().int().min(1), widow_orphan: z.boolean() }),
  running_head: z.strictObject({
    size: positive,
    rule: z.boolean(),
    verso: z.enum(['book', 'category', 'none']),
    recto: z.enum(['book', 'category', 'none']),
    folio: z.enum(['outer', 'none']),
    offset: positive,
    suppress_on_opener: z.boolean(),
  }),
  category_starts_recto: z.boolean(),
  contents: z.strictObject({ entries: z.boolean(), english: z.boolean() }),
  colophon: z.strictObject({ size: positive }),
  index: z.strictObject({ columns: z.number().int().min(1).max(4), gutter_chars: z.number().min(0), size: positive, titles: z.boolean() }),
  print: z.strictObject({
    bleed_mm: z.number().min(0),
    slug_mm: z.number().min(0),
    crop_mark_mm: positive,
    min_image_ppi: positive,
  }),
});

export type TemplateFile = z.infer<typeof templateSchema>;

/** The template with the derived geometry of the type area. */
export interface Template extends TemplateFile {
  /** The file it was read from. */
  file: string;
  /** Page size (trim) in pt. */
  pageWidth: number;
  pageHeight: number;
  /** Column measure in pt (chars_per_line × body size). */
  measure: number;
  gutter: number;
  /** Type area, measured from the left edge of a recto page and from the top. */
  areaTop: number;
  areaWidth: number;
  areaHeight: number;
  innerMargin: number;
}

export function templatesDir(): string {
  return path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../templates');
}

/**
 * Load templates/<name>.yaml, or, when the edition names the template version it was made
 * with, the archived templates/<name>@<version>.yaml if the current file has moved on, so an
 * archived edition is rebuilt unchanged.
 */
export function loadTemplate(name: string, version?: number, dir = templatesDir()): Template {
  const diagnostics = new Diagnostics();
  const current = path.join(dir, `${name}.yaml`);
  const archived = version !== undefined ? path.join(dir, `${name}@${version}.yaml`) : undefined;
  const file = archived && fs.existsSync(archived) ? archived : current;
  if (!fs.existsSync(file)) {
    diagnostics.error(file, 1, 1, `template '${name}' not found: the templates are ${fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5)).join(', ')}`);
    throw new ContentError(diagnostics.items);
  }
  const t = readTemplateFile(file, diagnostics);
  if (version !== undefined && t.version !== version) {
    diagnostics.error(file, 2, 1,
      `the edition asks for template '${name}' version ${version}, but this is version ${t.version} and there is no ${name}@${version}.yaml: restore that version under that name, or change template_version in edition.yaml`);
    throw new ContentError(diagnostics.items);
  }
  return deriveGeometry(t, file, diagnostics);
}

/**
 * Template files already read by this process (proof --watch loads the template on every save).
 * They lie outside the edition, where the watcher does not look, so each use compares them with the disk.
 */
const templateFiles = new FileCache<TemplateFile>({ watched: false });

function readTemplateFile(file: string, diagnostics: Diagnostics): TemplateFile {
  return templateFiles.get(file, () => {
    const template = readYaml({ file, text: fs.readFileSync(file, 'utf8'), firstLine: 1 }, templateSchema, diagnostics);
    if (!template) throw new ContentError(diagnostics.items);
    return template;
  });
}

/** Parse a template file into the startup snapshot: a command reading the same text takes it as it is (yaml-file.ts). */
export function parseTemplateForSnapshot(file: string): void {
  parseForSnapshot({ file, text: fs.readFileSync(file, 'utf8'), firstLine: 1 }, templateSchema);
}

/**
 * The same page with another number of columns (and text size) on the same type area and line
 * grid (the index in three columns of 小五 or 六号): characters per line follow from the width.
 */
export function withColumns(t: Template, columns: number, gutterChars: number, size = t.grid.body_size): Template {
  const areaChars = t.areaWidth / size;
  const chars = Math.floor((areaChars - (columns - 1) * gutterChars) / columns);
  const gutter = (t.areaWidth - columns * chars * size) / Math.max(1, columns - 1);
  return { ...t, grid: { ...t.grid, body_size: size, columns, chars_per_line: chars, gutter_chars: gutter / size }, measure: chars * size, gutter };
}

function deriveGeometry(t: TemplateFile, file: string, diagnostics: Diagnostics): Template {
  const g = t.grid;
  const measure = g.chars_per_line * g.body_size;
  const gutter = g.gutter_chars * g.body_size;
  const areaWidth = g.columns * measure + (g.columns - 1) * gutter;
  const areaHeight = g.lines_per_column * g.line_pitch;
  const pageWidth = t.page.trim_mm[0] * MM;
  const pageHeight = t.page.trim_mm[1] * MM;
  const innerMargin = t.page.inner_mm * MM;
  const areaTop = t.page.top_mm * MM;
  if (innerMargin + areaWidth > pageWidth - 10 * MM || areaTop + areaHeight > pageHeight - 10 * MM) {
    diagnostics.error(file, 1, 1,
      `the type area (${(areaWidth / MM).toFixed(1)} × ${(areaHeight / MM).toFixed(1)} mm) does not fit the page with 10 mm to spare: fewer characters per line or lines per column, or a smaller size`);
    throw new ContentError(diagnostics.items);
  }
  return { ...t, file, pageWidth, pageHeight, measure, gutter, areaTop, areaWidth, areaHeight, innerMargin };
}
