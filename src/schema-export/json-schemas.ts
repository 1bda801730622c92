/**
 * JSON Schemas of the files an editor writes (edition.yaml, category.yaml, section.yaml, the
 * entry front matter) and of the page design (templates/*.yaml), made from the very zod schemas
 * the program validates them with (z.toJSONSchema), so an editor's completion and checking
 * (yaml-language-server in VS Code and others, see docs/editor-support.md) know exactly the
 * keys the build accepts. They are committed in schemas/; `yearbook schema` writes them again
 * and a test fails when the committed files are not what would be written.
 *
 * Draft-07, which every YAML/JSON language server understands. Input side (`io: 'input'`):
 * keys with a default are optional. What the conversion adds on top of zod's output:
 * `title` and `description` for hover help, `pattern: "\S"` on the strings zod trims before
 * requiring a length (so a title of spaces is refused as the build refuses it), and the
 * safe-integer bounds zod gives every integer left out (they say nothing to an editor).
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { categorySchema, editionSchema, entrySchema, sectionSchema } from '../content/schema.js';
import { templateSchema } from '../template/template.js';

/** Descriptions by key; `items` describes the keys of the objects in a list. */
interface Described {
  [key: string]: string | { description: string; items?: Described };
}

export interface SchemaFile {
  /** File name in schemas/. */
  file: string;
  schema: z.ZodType;
  title: string;
  description: string;
  /** The files it is for, as a glob relative to the repository (for editor settings and docs). */
  fileMatch: string[];
  keys?: Described;
}

const ORDER = '排序号，代替文件夹或文件名的 NN- 前缀 — Order among its siblings; overrides the NN- prefix of the name.';

export const SCHEMA_FILES: readonly SchemaFile[] = [
  {
    file: 'edition.schema.json',
    schema: editionSchema,
    title: 'edition.yaml',
    description: '一卷年鉴的信息（书名、年份、版式、版权页、索引拼音） — One edition of the yearbook: title, year, template, colophon, index settings. See docs/content-format.md.',
    fileMatch: ['content/*/edition.yaml'],
    keys: {
      title: '书名，不含年份，如“上城年鉴” — Book title without the year.',
      year: '卷次年份，如 2019（记述 2018 年的事） — The edition year as printed on the book.',
      running_head: '书眉上的书名，默认“书名（年份）” — Running-head text; default title（year）.',
      template: 'templates/ 中的版式名，默认 default — Name of the page design in templates/.',
      template_version: '编纂时所用版式的版本号；版式更新后用存档的 templates/<名>@<版本>.yaml — Template version the edition was made with.',
      compiler: '编纂单位 — The compiling body.',
      publisher: '出版社 — The publisher.',
      language: '正文语言（BCP 47），默认 zh-CN — Language tag of the text.',
      colophon: '版权页各行，按顺序，如 [{ 书号: ISBN 978-… }]；开本、印张、字数缺省时自动补上 — Colophon lines in order.',
      preface: '编辑说明所在的 Markdown 文件（相对于本卷文件夹） — Markdown file with the 编辑说明.',
      pinyin: '索引排序用的拼音，用于多音字和人名，如 { 乐清: yue4 qing1 } — Pinyin for index sorting.',
      index_see: '索引中的“见”条，如 { 总工会: 上城区总工会 } — "See" references in the index.',
    },
  },
  {
    file: 'category.schema.json',
    schema: categorySchema,
    title: 'category.yaml',
    description: '类目（带中英文标题页的一章） — A category (类目): a chapter with a bilingual opener.',
    fileMatch: ['content/*/*/category.yaml'],
    keys: {
      title: '类目名，印在类目页和书眉上 — The category title, printed in the opener and running head.',
      title_en: '类目的英文名，印在类目页上 — The English title printed under it.',
      order: ORDER,
    },
  },
  {
    file: 'section.schema.json',
    schema: sectionSchema,
    title: 'section.yaml',
    description: '分目（一个供稿单位所写的部分，末尾署名） — A section (分目): the part written by one contributor, signed once at its end.',
    fileMatch: ['content/*/*/*/section.yaml'],
    keys: {
      title: '分目名（供稿单位），印作分目标题 — The section title (the contributing organisation).',
      title_en: '分目的英文名 — The English title of the section.',
      byline: '撰稿人姓名，只写姓名，不加括号和空格 — The writer\'s name only: no parentheses, no padding.',
      order: ORDER,
    },
  },
  {
    file: 'entry.schema.json',
    schema: entrySchema,
    title: 'entry front matter',
    description: '条目 Markdown 文件开头 --- 之间的前言区 — The YAML front matter of an entry (条目) Markdown file.',
    fileMatch: ['content/*/*/*/*.md'],
    keys: {
      title: '条目标题，即【】中的文字（不含括号） — The entry title: the text printed inside 【】.',
      order: ORDER,
      figures: {
        description: '属于本条目的照片 — Photos that belong to this entry.',
        items: {
          image: '图片路径，相对于条目文件所在文件夹（PNG 或 JPEG） — Picture path relative to the entry file\'s folder.',
          caption: '图注 — The caption sentence.',
          credit: '供稿单位或摄影者，不加括号和“供稿”“摄” — Who supplied or took the photo.',
          credit_role: '“供稿”（credit 为供稿单位）或“摄”（credit 为摄影者） — 供稿 for a supplying unit, 摄 for a photographer.',
          size: 'column：通栏一栏宽；page：跨两栏；inset：栏内小图，文字绕排 — column, page (both columns) or inset (text runs around it).',
        },
      },
      index: '本条目的索引词 — Index terms (索引词) for the subject index.',
    },
  },
  {
    file: 'template.schema.json',
    schema: templateSchema,
    title: 'page design template',
    description: '版式模板（开本、版心、网格、标题、书眉、印刷） — The page design in templates/<name>.yaml: page, grid, text, headings, running heads, print. Lengths in pt unless the key says mm.',
    fileMatch: ['templates/*.yaml'],
  },
];

const SAFE = Number.MAX_SAFE_INTEGER;

/** The JSON Schema of one file, as an object. */
export function jsonSchema(entry: SchemaFile): Record<string, unknown> {
  const generated = z.toJSONSchema(entry.schema, {
    target: 'draft-07',
    io: 'input',
    override: (ctx) => {
      const js = ctx.jsonSchema as Record<string, unknown>;
      if (js.minimum === -SAFE) delete js.minimum;
      if (js.maximum === SAFE) delete js.maximum;
      if (trims(ctx.zodSchema) && typeof js.minLength === 'number' && js.minLength >= 1) js.pattern = '\\S';
    },
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  const out: Record<string, unknown> = { $schema, title: entry.title, description: entry.description, ...rest };
  if (entry.keys) describe(out, entry.keys, entry.file);
  return out;
}

/** True for a string schema with a trimming step (its overwrite check turns ' x ' into 'x'). */
function trims(schema: unknown): boolean {
  const def = (schema as { _zod?: { def?: { type?: string; checks?: { _zod?: { def?: { check?: string; tx?: (v: string) => unknown } } }[] } } })._zod?.def;
  if (def?.type !== 'string') return false;
  return (def.checks ?? []).some((c) => c._zod?.def?.check === 'overwrite' && c._zod.def.tx?.(' x ') === 'x');
}

/** Put the descriptions on the properties; a described key the schema lacks is an error. */
function describe(schema: Record<string, unknown>, keys: Described, where: string): void {
  const properties = schema.properties as Record<string, Record<string, unknown>> | undefined;
  for (const [key, value] of Object.entries(keys)) {
    const property = properties?.[key];
    if (!property) throw new Error(`${where}: a description for '${key}', which the schema does not have`);
    const description = typeof value === 'string' ? value : value.description;
    // Description first, so it reads first in the file.
    const rest = { ...property };
    for (const k of Object.keys(property)) delete property[k];
    Object.assign(property, { description, ...rest });
    if (typeof value !== 'string' && value.items) describe(property.items as Record<string, unknown>, value.items, `${where}: ${key}`);
  }
}

/** Every schema file's name and text (2-space JSON with a final newline). */
export function jsonSchemaFiles(): Map<string, string> {
  return new Map(SCHEMA_FILES.map((e) => [e.file, `${JSON.stringify(jsonSchema(e), null, 2)}\n`]));
}

/** Write the schema files into `dir`; returns their paths. */
export function writeJsonSchemas(dir: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [file, text] of jsonSchemaFiles()) {
    const target = path.join(dir, file);
    fs.writeFileSync(target, text);
    written.push(target);
  }
  return written;
}

/** The schema files in `dir` that are missing or differ from what would be written. */
export function staleJsonSchemas(dir: string): string[] {
  const stale: string[] = [];
  for (const [file, text] of jsonSchemaFiles()) {
    const target = path.join(dir, file);
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) stale.push(target);
  }
  return stale;
}
