/**
 * The JSON Schemas in schemas/ for editors: what `yearbook schema` writes now (so they cannot go
 * stale), and that they accept every file of the sample edition and the templates and refuse
 * what the build refuses (checked with the small validator beside this file, which fails on
 * any keyword it does not know, and against the zod schemas the build itself uses).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SCHEMA_FILES, jsonSchema, jsonSchemaFiles, staleJsonSchemas, writeJsonSchemas } from '../../src/schema-export/json-schemas.js';
import { validate, type JsonSchema } from './mini-json-schema.js';
import os from 'node:os';

const SCHEMAS_DIR = 'schemas';
const CONTENT = 'content/2019';

function committed(name: string): JsonSchema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS_DIR, name), 'utf8')) as JsonSchema;
}

function schemaFor(name: string): { json: JsonSchema; zod: z.ZodType } {
  const entry = SCHEMA_FILES.find((e) => e.file === name)!;
  return { json: committed(name), zod: entry.schema };
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Every YAML document of the sample edition with the schema file it is checked by. */
function sampleDocuments(): { file: string; schema: string; data: unknown }[] {
  const out: { file: string; schema: string; data: unknown }[] = [];
  for (const file of walk(CONTENT).sort()) {
    const base = path.basename(file);
    if (base === 'edition.yaml') out.push({ file, schema: 'edition.schema.json', data: parse(fs.readFileSync(file, 'utf8')) });
    else if (base === 'category.yaml') out.push({ file, schema: 'category.schema.json', data: parse(fs.readFileSync(file, 'utf8')) });
    else if (base === 'section.yaml') out.push({ file, schema: 'section.schema.json', data: parse(fs.readFileSync(file, 'utf8')) });
    else if (file.endsWith('.md') && path.dirname(path.dirname(path.dirname(file))) === CONTENT) {
      const m = FRONT_MATTER.exec(fs.readFileSync(file, 'utf8'));
      expect(m, `${file} has front matter`).not.toBeNull();
      out.push({ file, schema: 'entry.schema.json', data: parse(m![1]!) });
    } else if (file.endsWith('.yaml') || file.endsWith('.yml')) {
      throw new Error(`${file}: a YAML file this test does not know`);
    }
  }
  return out;
}

describe('schemas/ is what `yearbook schema` writes', () => {
  it('holds exactly the generated files, byte for byte (run `yearbook schema` after changing a zod schema)', () => {
    const generated = jsonSchemaFiles();
    const onDisk = fs.readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json')).sort();
    expect(onDisk).toEqual([...generated.keys()].sort());
    for (const [file, text] of generated) expect(fs.readFileSync(path.join(SCHEMAS_DIR, file), 'utf8'), file).toBe(text);
    expect(staleJsonSchemas(SCHEMAS_DIR)).toEqual([]);
  });

  it('writes the same text twice, and finds a changed or missing file stale', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yearbook-schemas-'));
    writeJsonSchemas(dir);
    expect(staleJsonSchemas(dir)).toEqual([]);
    fs.appendFileSync(path.join(dir, 'entry.schema.json'), ' ');
    fs.rmSync(path.join(dir, 'edition.schema.json'));
    expect(staleJsonSchemas(dir).map((f) => path.basename(f)).sort()).toEqual(['edition.schema.json', 'entry.schema.json']);
  });

  it('is draft-07, strict like the zod schemas (no unknown keys at any level), with titles and descriptions', () => {
    for (const { file } of SCHEMA_FILES) {
      const s = committed(file);
      expect(s.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(typeof s.title).toBe('string');
      expect(typeof s.description).toBe('string');
      const objects: JsonSchema[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const n = node as JsonSchema;
          if (n.type === 'object' && n.properties) objects.push(n);
          Object.values(n).forEach(visit);
        }
      };
      visit(s);
      expect(objects.length).toBeGreaterThan(0);
      for (const o of objects) expect(o.additionalProperties, `${file}: every object with properties is closed`).toBe(false);
    }
    const entry = committed('entry.schema.json') as { required: string[]; properties: Record<string, { description?: string }> };
    expect(entry.required).toEqual(['title']);
    expect(Object.keys(entry.properties)).toEqual(['title', 'order', 'figures', 'index']);
    for (const p of Object.values(entry.properties)) expect(p.description).toMatch(/\S/);
  });
});

describe('the JSON Schemas accept the sample edition and the templates', () => {
  const docs = sampleDocuments();

  it('finds every YAML file of content/2019: one edition, its categories and sections, 68 entries', () => {
    const count = (schema: string) => docs.filter((d) => d.schema === schema).length;
    expect(count('edition.schema.json')).toBe(1);
    expect(count('category.schema.json')).toBeGreaterThanOrEqual(1);
    expect(count('section.schema.json')).toBe(6);
    expect(count('entry.schema.json')).toBe(68);
  });

  it('validates every one of them, as the zod schemas do', () => {
    for (const doc of docs) {
      const { json, zod } = schemaFor(doc.schema);
      expect(validate(json, doc.data), doc.file).toEqual([]);
      expect(zod.safeParse(doc.data).success, doc.file).toBe(true);
    }
  });

  it('validates every template in templates/', () => {
    const templates = fs.readdirSync('templates').filter((f) => f.endsWith('.yaml'));
    expect(templates).toContain('default.yaml');
    const { json, zod } = schemaFor('template.schema.json');
    for (const t of templates) {
      const data = parse(fs.readFileSync(path.join('templates', t), 'utf8')) as unknown;
      expect(validate(json, data), t).toEqual([]);
      expect(zod.safeParse(data).success, t).toBe(true);
    }
  });
});

describe('the JSON Schemas refuse what the build refuses', () => {
  const entry = { title: '概况', order: 1, figures: [{ image: 'images/a.png', caption: '图注', credit: '区总工会', credit_role: '供稿', size: 'inset' }], index: ['上城工匠'] };
  const template = parse(fs.readFileSync('templates/default.yaml', 'utf8')) as Record<string, Record<string, unknown>>;

  const cases: { name: string; schema: string; data: unknown; problem: RegExp }[] = [
    { name: 'an unknown key in the front matter', schema: 'entry.schema.json', data: { ...entry, titel: '概况' }, problem: /unknown key 'titel'/ },
    { name: 'a misspelt title instead of the title', schema: 'entry.schema.json', data: { titel: '概况' }, problem: /missing required 'title'/ },
    { name: 'a missing title', schema: 'entry.schema.json', data: { order: 2 }, problem: /missing required 'title'/ },
    { name: 'a title of spaces', schema: 'entry.schema.json', data: { title: '   ' }, problem: /\.title: does not match/ },
    { name: 'an empty title', schema: 'entry.schema.json', data: { title: '' }, problem: /\.title: shorter than 1/ },
    { name: 'a title that is a number', schema: 'entry.schema.json', data: { title: 2018 }, problem: /\.title: expected string, got integer/ },
    { name: 'an order that is text', schema: 'entry.schema.json', data: { title: '概况', order: '一' }, problem: /\.order: expected integer, got string/ },
    { name: 'an order with a fraction', schema: 'entry.schema.json', data: { title: '概况', order: 1.5 }, problem: /\.order: expected integer, got number/ },
    { name: 'figures that are no list', schema: 'entry.schema.json', data: { title: '概况', figures: 'images/a.png' }, problem: /\.figures: expected array/ },
    { name: 'a figure without caption', schema: 'entry.schema.json', data: { title: '概况', figures: [{ image: 'a.png' }] }, problem: /figures\[0\]: missing required 'caption'/ },
    { name: 'a figure size not known', schema: 'entry.schema.json', data: { title: '概况', figures: [{ image: 'a.png', caption: 'c', size: 'half' }] }, problem: /size: not one of/ },
    { name: 'a figure credit role not known', schema: 'entry.schema.json', data: { title: '概况', figures: [{ image: 'a.png', caption: 'c', credit_role: '提供' }] }, problem: /credit_role: not one of/ },
    { name: 'an unknown key in a figure', schema: 'entry.schema.json', data: { title: '概况', figures: [{ image: 'a.png', caption: 'c', width: 3 }] }, problem: /figures\[0\]: unknown key 'width'/ },
    { name: 'an index term that is empty', schema: 'entry.schema.json', data: { title: '概况', index: [''] }, problem: /index\[0\]: shorter than 1/ },
    { name: 'an edition without year', schema: 'edition.schema.json', data: { title: '上城年鉴' }, problem: /missing required 'year'/ },
    { name: 'an edition year out of range', schema: 'edition.schema.json', data: { title: '上城年鉴', year: 19 }, problem: /\.year: below 1900/ },
    { name: 'a colophon line that is no mapping', schema: 'edition.schema.json', data: { title: '上城年鉴', year: 2019, colophon: ['书号'] }, problem: /colophon\[0\]: expected object/ },
    { name: 'a category with an unknown key', schema: 'category.schema.json', data: { title: '群众团体', title_english: 'Mass Organizations' }, problem: /unknown key 'title_english'/ },
    { name: 'a section byline that is a list', schema: 'section.schema.json', data: { title: '上城区总工会', byline: ['刘乃华'] }, problem: /\.byline: expected string/ },
    { name: 'a template with three columns', schema: 'template.schema.json', data: { ...template, grid: { ...template.grid, columns: 3 } }, problem: /grid\.columns: above 2/ },
    { name: 'a template trim size of one number', schema: 'template.schema.json', data: { ...template, page: { ...template.page, trim_mm: [210] } }, problem: /trim_mm: fewer than 2 items/ },
    { name: 'a template punctuation style not known', schema: 'template.schema.json', data: { ...template, text: { ...template.text, punctuation: 'full' } }, problem: /punctuation: not one of/ },
  ];

  it('accepts the good examples the bad ones are made from', () => {
    expect(validate(schemaFor('entry.schema.json').json, entry)).toEqual([]);
    expect(schemaFor('entry.schema.json').zod.safeParse(entry).success).toBe(true);
    expect(validate(schemaFor('template.schema.json').json, template)).toEqual([]);
  });

  for (const c of cases) {
    it(`refuses ${c.name}, and so does the build's zod schema`, () => {
      const { json, zod } = schemaFor(c.schema);
      const problems = validate(json, c.data);
      expect(problems.join('\n')).toMatch(c.problem);
      expect(zod.safeParse(c.data).success).toBe(false);
    });
  }

  it('fails on a keyword the small validator does not know (so it cannot pass by ignoring one)', () => {
    expect(() => validate({ type: 'object', if: {} }, {})).toThrow(/keyword 'if'/);
  });

  it('has a description for every described key, and generating fails on a description for a key that is gone', () => {
    const entryFile = SCHEMA_FILES.find((e) => e.file === 'entry.schema.json')!;
    expect(() => jsonSchema({ ...entryFile, keys: { ...entryFile.keys, subtitle: 'no such key' } })).toThrow(/'subtitle'/);
  });
});
